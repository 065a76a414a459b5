"""hooks/content/rules.py on small records: what a check says, without a build."""

from __future__ import annotations

from content.pages import read_page
from content.rules import same_heading_ids, translated_headings

FRONT = "---\nid: faq\nkind: faq\ntitle: FAQ\ndescription: d\nreviewed: 2026-12-04\n---\n\n"


def test_a_missing_heading_id_is_shown_at_the_english_headings_level():
    en = read_page((FRONT + "# FAQ { #faq }\n\n## Fees { #fees }\n").encode(), "docs/faq.md", "faq.md")
    zh = read_page((FRONT + "# 常见问题\n\n## 费用\n").encode(), "docs_zh/faq.md", "faq.md")
    texts = sorted(problem.text for problem in same_heading_ids(zh, en))
    assert texts == [
        "heading id '#faq' of docs/faq.md:9 is missing here; give the translated heading the same id: '# 标题 { #faq }'",
        "heading id '#fees' of docs/faq.md:11 is missing here; give the translated heading the same id: '## 标题 { #fees }'",
    ]


def test_an_english_heading_left_on_a_chinese_page_is_reported_at_its_line():
    en = read_page((FRONT + "# FAQ { #faq }\n\n## Fees and costs { #fees }\n\n## WeChat { #wechat }\n").encode(), "docs/faq.md", "faq.md")
    zh = read_page((FRONT + "# 常见问题 { #faq }\n\n## Fees and costs { #fees }\n\n## WeChat 微信 { #wechat }\n").encode(),
                   "docs_zh/faq.md", "faq.md")
    problems = list(translated_headings(zh, en))
    assert [str(problem) for problem in problems] == [
        "docs_zh/faq.md:11: heading '#fees' still has the English heading's words ('Fees and costs'); "
        "translate them and keep the id: '## 中文标题 { #fees }'"
    ], "an untranslated heading is not reported, or a translated one (with Chinese words) is"


def test_a_heading_with_only_a_number_or_a_chinese_heading_alike_in_both_is_not_reported():
    en = read_page((FRONT + "# 2023 { #faq }\n\n## 口岸签证 { #port-visa }\n").encode(), "docs/faq.md", "faq.md")
    zh = read_page((FRONT + "# 2023 { #faq }\n\n## 口岸签证 { #port-visa }\n").encode(), "docs_zh/faq.md", "faq.md")
    assert list(translated_headings(zh, en)) == []
