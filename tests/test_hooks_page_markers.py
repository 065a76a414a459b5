"""hooks/page_markers.py: a misspelt page marker stops the build instead of vanishing from the page."""

from __future__ import annotations

from bs4 import Comment

from hook_fixtures import build_small_site
from page_markers import on_page_markdown


def test_unknown_marker_fails_the_build_with_one_line_naming_file_marker_and_known_markers(tmp_path):
    typo = "---\nid: views\nkind: index\ntitle: 观点\n---\n\n# 观点 { #views }\n\n<!-- reindeer:viewz -->\n"
    site, returncode = build_small_site(tmp_path, {"docs_zh/views.md": typo})
    assert returncode != 0, "a typo in a marker was published as an empty spot on the page"
    lines = [line for line in site.log.splitlines() if "reindeer:viewz" in line]
    assert len(lines) == 1, site.log
    for part in ("docs_zh/views.md", "<!-- reindeer:views -->", "<!-- provisions:cards -->", "<!-- glossary:terms -->"):
        assert part in lines[0], f"the error line does not name {part!r}: {lines[0]}"


def test_an_editors_ordinary_comment_is_not_a_marker():
    markdown = "<!-- TODO: check the date with the bureau -->\n\nText.\n"
    assert on_page_markdown(markdown, page=None, config=None, files=None) == markdown


def test_known_markers_leave_no_comment_behind(small_site):
    for page in ("index.html", "views/index.html", "glossary/index.html", "zh/index.html", "zh/views/index.html"):
        comments = small_site.html(page).find_all(string=lambda text: isinstance(text, Comment))
        left = [c for c in comments if ":" in c and c.strip().split(":")[0] in ("provisions", "reindeer", "glossary")]
        assert not left, f"{page}: marker {left} was not replaced by its content"
