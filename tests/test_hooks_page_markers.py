"""Page markers: a misspelt marker stops the build (hooks/checks.py) instead of vanishing from the page.

One temporary copy of the project gets a typo in a marker and an editor's ordinary
comment, on two pages of the Chinese edition, and is built once.
"""

from __future__ import annotations

import pytest
from bs4 import Comment

from conftest import run_strict_build
from project_copy import append_line, copy_project

ORDINARY_COMMENT = "<!-- TODO: check the date with the bureau -->"


@pytest.fixture(scope="module")
def typo_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("marker-typo")
    project = copy_project(root / "project")
    typo_line = append_line(project / "docs_zh/views.md", "<!-- reindeer:viewz -->")
    comment_line = append_line(project / "docs_zh/faq.md", ORDINARY_COMMENT)
    return run_strict_build(project, root / "site"), typo_line, comment_line


def test_unknown_marker_fails_the_build_with_one_line_naming_file_line_marker_and_known_markers(typo_build):
    result, line, _ = typo_build
    assert result.returncode != 0, "a typo in a marker was published as an empty spot on the page"
    lines = [entry for entry in result.stderr.splitlines() if "reindeer:viewz" in entry]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("WARNING"), lines[0]
    assert f"docs_zh/views.md:{line}: unknown marker <!-- reindeer:viewz -->; known markers: " in lines[0], lines[0]
    for part in ("<!-- reindeer:views -->", "<!-- provisions:cards -->", "<!-- glossary:terms -->"):
        assert part in lines[0], f"the error line does not name {part!r}: {lines[0]}"


def test_an_editors_ordinary_comment_is_not_a_marker(typo_build):
    result, _, line = typo_build
    reported = [entry for entry in result.stderr.splitlines() if f"docs_zh/faq.md:{line}:" in entry]
    assert not reported, f"an editor's comment was refused as a marker: {reported}"


def test_known_markers_leave_no_comment_behind(small_site):
    pages = (
        "index.html", "views/index.html", "glossary/index.html", "notices/small-2024-notice/index.html",
        "zh/index.html", "zh/views/index.html", "zh/notices/small-2024-notice/index.html",
    )
    for page in pages:
        comments = small_site.html(page).find_all(string=lambda text: isinstance(text, Comment))
        left = [c for c in comments if ":" in c and c.strip().split(":")[0] in ("provisions", "reindeer", "glossary")]
        assert not left, f"{page}: marker {left} was not replaced by its content"
