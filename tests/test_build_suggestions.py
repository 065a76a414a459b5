"""Messages that suggest (#31): a broken link names the nearest page, a link to a missing glossary
entry the nearest terms, and the outdated translations are summed up in one line at the end.

One project copy holds every case, each on a page of its own, so one strict build serves them all.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import run_strict_build
from project_copy import append_line, copy_project, replace_once

TYPO_PAGE = "notices/ningbo-2023-work-permits/yrd-green-channel.md"  # links apostile.md, next to apostille.md
FAR_PAGE = "faq.md"  # links a page whose path is like no other
GLOSSARY_PAGE = "notices/ningbo-2023-work-permits/online-service.md"  # Chinese: links glossary.md#work-visa
OUTDATED = ("about.md", "port-visa-transfer.md")  # English pages changed after their translation
# The English glossary's front matter made unreadable: its terms, which other pages link, are gone too.
BROKEN_GLOSSARY = ("kind: glossary\n", "kind: glossary\nreviewed: [2026-11-22\n")


@pytest.fixture(scope="module")
def build(tmp_path_factory) -> tuple[subprocess.CompletedProcess, dict[str, int]]:
    project = copy_project(tmp_path_factory.mktemp("suggestions") / "project")
    lines = {
        "typo": append_line(project / "docs" / TYPO_PAGE, "See [the apostille](apostile.md)."),
        "far": append_line(project / "docs" / FAR_PAGE, "See [nothing](qqq/zzzz-xxxx.md)."),
        "glossary": append_line(project / "docs_zh" / GLOSSARY_PAGE, "见[工作签证](../../glossary.md#work-visa)。"),
    }
    for page in OUTDATED:
        append_line(project / "docs" / page, "A sentence added in English only.")
    replace_once(project / "docs" / "glossary.md", *BROKEN_GLOSSARY)
    return run_strict_build(project, project.parent / "site"), lines


def _warning(result: subprocess.CompletedProcess, start: str) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    found = [line.split("-  ", 1)[1] for line in result.stderr.splitlines() if line.startswith("WARNING") and f"-  {start}: " in line]
    assert len(found) == 1, f"no single WARNING line for {start}:\n{result.stderr}"
    return found[0]


def test_a_link_to_a_missing_page_names_the_nearest_page_relative_to_the_link(build):
    result, lines = build
    line = _warning(result, f"docs/{TYPO_PAGE}:{lines['typo']}")
    assert line.endswith("is not found among documentation files; did you mean 'apostille.md'?"), line


def test_a_link_to_a_page_like_no_other_says_how_to_link_a_page(build):
    result, lines = build
    line = _warning(result, f"docs/{FAR_PAGE}:{lines['far']}")
    assert "did you mean" not in line and line.endswith("; link to the page's .md file under docs/ (or docs_zh/)"), line


def test_a_link_to_a_missing_glossary_entry_lists_the_nearest_terms(build):
    result, lines = build
    line = _warning(result, f"docs_zh/{GLOSSARY_PAGE}:{lines['glossary']}")
    assert "the glossary has no term 'work-visa'; nearest terms: " in line, line
    nearest = line.split("nearest terms: ", 1)[1].split(";", 1)[0].split(", ")
    assert "port-visa" in nearest and "work-permit" in nearest, nearest
    assert line.endswith("link to one of its terms, or add the term to both glossary files"), line


def test_outdated_translations_are_summed_up_once_after_their_own_lines(build):
    result, _ = build
    info = [line.split("-  ", 1)[1] for line in result.stderr.splitlines() if line.startswith("INFO")]
    summaries = [i for i, line in enumerate(info) if line.startswith("Chinese pages older than their English page")]
    assert len(summaries) == 1, "\n".join(info)
    summary = info[summaries[0]]
    changed = sorted(f"docs_zh/{page}" for page in (*OUTDATED, TYPO_PAGE, FAR_PAGE, "glossary.md"))  # every English page edited above
    assert summary.startswith(f"Chinese pages older than their English page ({len(changed)}): {', '.join(changed)}; "), summary
    per_page = [i for i, line in enumerate(info) if "translation may be outdated" in line]
    assert len(per_page) == len(changed) and max(per_page) < summaries[0], "the summary does not come after the pages' own lines"
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("Aborted with 4 problems"), f"the count is no longer the build's last line: {last}"


def test_a_glossary_whose_front_matter_is_broken_is_one_problem_not_one_per_link_to_its_terms(build):
    result, _ = build
    glossary = [text for text in result.stderr.splitlines() if text.startswith("WARNING") and "-  docs/glossary.md:" in text]
    assert len(glossary) == 1 and "front matter is not valid YAML" in glossary[0], glossary
    flood = [text for text in result.stderr.splitlines() if "does not contain an anchor" in text and "glossary.md#" in text
             and "work-visa" not in text]
    assert not flood, f"{len(flood)} links to the glossary's terms reported besides its front matter, e.g. {flood[0]}"


def test_a_build_never_shows_the_previews_box_of_problems(build):
    """`mkdocs build` writes its pages before the strict count stops it: a page with problems, as
    written, has none of the box the preview shows (tests/browser/test_preview.py)."""
    result, _ = build
    site = Path(result.args[result.args.index("--site-dir") + 1])
    for page in (TYPO_PAGE, FAR_PAGE, f"zh/{GLOSSARY_PAGE}"):
        html = BeautifulSoup((site / page.removesuffix(".md") / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert html.select_one("article h1") is not None, f"{page} was not written: this test checks nothing"
        assert html.select_one(".preview-problems") is None, f"a build (not the preview) shows {page}'s problems on the page"
