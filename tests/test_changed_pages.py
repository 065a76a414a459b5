"""tools/changed_pages.py: the pull request's changed pages in the job summary (#31): each page's title,
edition, change and its file in the uploaded site, from `git diff --name-status` lines."""

from __future__ import annotations

from mkdocs.utils.meta import get_data

from conftest import ROOT
from tools.changed_pages import cell, page_row, summary


def _title(path: str) -> str:
    return get_data((ROOT / path).read_text(encoding="utf-8"))[1]["title"]


def test_a_changed_page_is_listed_with_its_title_and_its_file_in_the_built_site():
    assert page_row("M\tdocs/faq.md", "HEAD") == (_title("docs/faq.md"), "English", "changed", "`faq/index.html`")
    notice = "notices/ningbo-2023-work-permits/index.md"
    assert page_row(f"M\tdocs_zh/{notice}", "HEAD") == (
        _title(f"docs_zh/{notice}"), "简体中文", "changed", "`zh/notices/ningbo-2023-work-permits/index.html`")


def test_a_moved_page_names_where_it_was_and_a_deleted_one_has_no_file():
    moved = page_row("R097\tdocs/old-name.md\tdocs/faq.md", "HEAD")
    assert moved[2] == "moved from `docs/old-name.md`" and moved[3] == "`faq/index.html`", moved
    deleted = page_row("D\tdocs/no-such-page.md", "HEAD")
    assert deleted == ("docs/no-such-page.md", "English", "deleted", "none (deleted)"), deleted


def test_files_that_are_not_pages_are_left_out():
    assert page_row("M\tdocs/assets/images/favicon.svg", "HEAD") is None


def test_a_title_cannot_break_the_summary_table_or_add_markup():
    text = summary([(cell("a | b <script>\nx"), "English", "new page", "`x/index.html`")])
    table_row = next(line for line in text.split("\n") if line.startswith("| a"))
    assert table_row.count(" | ") == 3 and "<script>" not in text, table_row


def test_no_changed_page_says_so():
    assert "changes no page" in summary([])
