"""hooks/content/rules.py on small records: what a check says, without a build."""

from __future__ import annotations

from content.pages import read_page
from content.rules import same_heading_ids

FRONT = "---\nid: faq\nkind: faq\ntitle: FAQ\ndescription: d\nreviewed: 2026-12-04\n---\n\n"


def test_a_missing_heading_id_is_shown_at_the_english_headings_level():
    en = read_page((FRONT + "# FAQ { #faq }\n\n## Fees { #fees }\n").encode(), "docs/faq.md", "faq.md")
    zh = read_page((FRONT + "# 常见问题\n\n## 费用\n").encode(), "docs_zh/faq.md", "faq.md")
    texts = sorted(problem.text for problem in same_heading_ids(zh, en))
    assert texts == [
        "heading id '#faq' of docs/faq.md:9 is missing here; give the translated heading the same id: '# 标题 { #faq }'",
        "heading id '#fees' of docs/faq.md:11 is missing here; give the translated heading the same id: '## 标题 { #fees }'",
    ]
