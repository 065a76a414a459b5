"""A copy of the project in which an editor adds a second notice by following CONTRIBUTING only.

"Add a source" (the notice's own two sources), "Add a notice" (the scaffold, then every
placeholder replaced and the Chinese pages marked) and "Add a glossary term" (a term used
by a provision of the new notice), "Writing steps" (a guide's step it explains). conftest.py builds it once per session: test_new_notice.py
checks the new notice, and the real site's tests of rules (fixture `any_site`) run on it too.
"""

from __future__ import annotations

import re
from pathlib import Path

from project_copy import copy_project, run_tool

NOTICE = "zhejiang-2025-talent"
TITLES = {"en": "Zhejiang talent notice, 2025", "zh": "2025年浙江人才通知"}
SUPERSEDED = "ningbo-2023-work-permits"  # the new notice replaces it ("Add a notice", step 3)
# The new notice's sources, as an editor writes their pages (docs/sources/<id>.md, both editions).
SOURCES = {
    "zhejiang-bureau-page": """source_type: issuer
publisher: {en: Zhejiang test bureau, zh: 浙江测试局}
name: {en: the bureau's own page, zh: 测试局网页}
speaker: {en: the bureau, zh: 测试局}
dated: {en: 1 March 2025, zh: 2025年3月1日}
url: https://example.org/notice
text_en: {en: The bureau's own English version, zh: 测试局自己的英文版本}
text_zh: {en: "The notice's own Chinese text, from the bureau's page", zh: 测试局网页所载通知原文}""",
    "acme-note": """source_type: commentary
publisher: {en: Acme Advisers Ltd., zh: 艾克米咨询公司}
name: {en: the Acme note, zh: 艾克米简报}
speaker: {en: Acme, zh: 艾克米}
dated: {en: March 2025, zh: 2025年3月}
view_name: {en: Acme View, zh: 艾克米观点}""",
}
# "Add a glossary term": a term that only a provision of the new notice uses.
TERM = {"id": "talent-service-station", "en": "talent service station", "zh": "人才服务站"}
TERM_SENTENCE = {"docs": "A talent service station helps with the forms.", "docs_zh": "人才服务站帮助填写表格。"}
# What the page of the replaced notice now tells readers differently (CONTRIBUTING "Page history and What's new"),
# the older entry written first: the page shows them newest first.
OLDER_HISTORY = {
    "docs": "history:\n  - date: 2024-01-10\n    change: Test change one.\n  - date: 2025-03-02\n    change: Says the notice is replaced.\n",
    "docs_zh": "history:\n  - date: 2024-01-10\n    change: 测试更新一。\n  - date: 2025-03-02\n    change: 说明本通知已被取代。\n",
}
# What the editor writes for each placeholder: a provision's words, and the notice's.
LABELS = {"docs": ("Talent measure {number}", "A notice on talent services."), "docs_zh": ("人才措施 {number}", "一份关于人才服务的通知。")}
TERM_MEANING = {"docs": "An office that helps talent with the forms (test).", "docs_zh": "帮助人才填写表格的办公室（测试）。"}
# "Writing steps": a step of a guide that the new notice's first provision explains.
GUIDE = "audiences/category-a.md"
STEP = {"docs": "A talent measure of the 2025 notice (test).", "docs_zh": "2025年通知的人才措施（测试）。"}


def source_page(source_id: str, facts: str, language: str) -> str:
    title = {"en": f"Source {source_id}", "zh": f"来源 {source_id}"}[language]
    return (f"---\nid: {source_id}\nkind: source\ntitle: {title}\ndescription: {title}.\nreviewed: 2025-03-02\n{facts}\n---\n\n"
            f"# {title} {{ #source }}\n\n{'一个来源。' if language == 'zh' else 'A source.'}\n")


def scaffold_second_notice(target: Path):
    """The copy with the sources' pages written and `tools.scaffold notice` run (three provisions)."""
    project = copy_project(target)
    for source_id, facts in SOURCES.items():
        for folder, language in (("docs", "en"), ("docs_zh", "zh")):
            (project / folder / "sources" / f"{source_id}.md").write_text(source_page(source_id, facts, language), encoding="utf-8")
        marked = run_tool(project, "tools.translations", "mark", f"docs_zh/sources/{source_id}.md")
        assert marked.returncode == 0, marked.stderr
    result = run_tool(
        project, "tools.scaffold", "notice", NOTICE,
        "--text-source", "zhejiang-bureau-page", "--view-source", "acme-note",
        "--title", TITLES["en"], "--title-zh", TITLES["zh"],
        "--name", "Notice on talent services (test)", "--name-zh", "关于人才服务的通知（测试）",
        "--issuer", "Zhejiang test bureau", "--issuer-zh", "浙江测试局", "--issued", "2025-03-01",
        "--provisions", "3",
    )
    assert result.returncode == 0, result.stderr
    return project, result


def write_second_notice(project: Path) -> None:
    """What the editor does next: replace every placeholder, tag the provisions, add a glossary term,
    give a guide a step the new provision explains, supersede the 2023 notice (with its page's history),
    mark the Chinese pages."""
    for folder in ("docs", "docs_zh"):
        for path in sorted((project / folder / "notices" / NOTICE).glob("*.md")):
            text = path.read_text(encoding="utf-8")
            number = re.search(r"^number: (\d+)$", text, re.M)
            label = (LABELS[folder][0].format(number=number.group(1)) if number else LABELS[folder][1])  # in the page's language
            text = re.sub(r"REPLACE:[^{\n'\"]*(\{)?", lambda m: f"{label} {{" if m.group(1) else label, text).replace("applies_to: []", "applies_to: [category-a]")
            if path.name == "provision-1.md":
                text = text.rstrip("\n") + f"\n\n{TERM_SENTENCE[folder]}\n"
            path.write_text(text, encoding="utf-8")
        glossary = project / folder / "glossary.md"
        entry = (f"  - id: {TERM['id']}\n    en: {TERM['en']}\n    zh: {TERM['zh']}\n    also: []\n"
                 f"    meaning: {TERM_MEANING[folder]}\n    provisions: [{NOTICE}-1]\n")
        text = glossary.read_text(encoding="utf-8")
        assert "\nterms:\n" in text, f"{glossary}: no 'terms:' line; update this test"
        glossary.write_text(text.replace("\nterms:\n", "\nterms:\n" + entry, 1), encoding="utf-8")
        guide = project / folder / GUIDE
        text = guide.read_text(encoding="utf-8")
        assert "\n---\n\n# " in text, f"{guide}: no end of front matter before its title; update this test"
        step = f"  - who: employer\n    does: {STEP[folder]}\n    page: {NOTICE}-1\n"
        guide.write_text(text.replace("\n---\n\n# ", "\n" + step + "---\n\n# ", 1), encoding="utf-8")
        older = project / folder / "notices" / SUPERSEDED / "index.md"
        text = older.read_text(encoding="utf-8")
        assert "\nstatus: issued\n" in text, f"{older}: no 'status: issued' line; update this test"
        older.write_text(text.replace("\nstatus: issued\n", f"\nstatus: superseded\nsuperseded_by: {NOTICE}\n{OLDER_HISTORY[folder]}", 1),
                         encoding="utf-8")
    chinese = [f"docs_zh/notices/{NOTICE}/{p.name}" for p in sorted((project / "docs_zh/notices" / NOTICE).glob("*.md"))]
    marked = run_tool(project, "tools.translations", "mark", *chinese, "docs_zh/glossary.md", f"docs_zh/notices/{SUPERSEDED}/index.md",
                      f"docs_zh/{GUIDE}")
    assert marked.returncode == 0, marked.stderr
