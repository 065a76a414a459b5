"""The page model (hooks/content/model.py): a new key is one line, validated and available to templates."""

from __future__ import annotations

import subprocess
import sys

from bs4 import BeautifulSoup

from conftest import mkdocs_env
from content.model import MODELS, required_keys, same_in_both_editions, validate
from content.pages import read_page
from project_copy import copy_project, line_number, pages_of_kind, replace_once


def test_a_new_optional_key_is_one_line_in_the_model_and_is_validated_and_given_to_templates(tmp_path):
    project = copy_project(tmp_path / "project")
    replace_once(project / "hooks/content/model.py", "    change: Change = same(",
                 '    deadline: Day = Field(None, description="the deadline a source names")\n    change: Change = same(')
    # A template that shows it (the key's use, not its declaration).
    replace_once(project / "overrides/partials/lists/notice-line.html", "</p>",
                 '</p>{% if entry.deadline %}<p class="deadline">{{ entry.deadline }}</p>{% endif %}')
    first, second = pages_of_kind(project, "provision")[:2]
    for folder, uri, value in (("docs", first, '"soon"'), ("docs", second, "2024-03-01"), ("docs_zh", second, "2024-03-01")):
        replace_once(project / folder / uri, "\nnumber:", f"\ndeadline: {value}\nnumber:")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "site")],
                            cwd=project, env=mkdocs_env(), capture_output=True, text=True)
    line = line_number(project / "docs" / first, "deadline:")
    expected = f"docs/{first}:{line}: front matter: 'deadline' must be a date written YYYY-MM-DD, like 2023-12-25, got 'soon'"
    assert expected in result.stderr, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    built = BeautifulSoup((tmp_path / "site" / second.removesuffix(".md") / "index.html").read_text(encoding="utf-8"), "html.parser")
    shown = built.select_one("p.deadline")
    assert shown is not None and shown.get_text() == "2024-03-01", "the validated value did not reach the template"


def test_refused_front_matter_is_parsed_by_no_one(tmp_path):
    """An alias the checks refuse never reaches YAML: MkDocs builds the page as if it had no front matter."""
    project = copy_project(tmp_path / "project")
    page = pages_of_kind(project, "faq")[0]
    replace_once(project / "docs" / page, "\ntitle:", "\nx: &a [1]\ny: *a\ntitle:")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "site")],
                            cwd=project, env=mkdocs_env(), capture_output=True, text=True)
    assert "YAML alias '*a'" in result.stderr
    html = (tmp_path / "site" / page.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    assert 'name="page-id"' not in html, "the page's refused front matter was read by MkDocs and the templates"


def test_each_kind_needs_every_pages_keys():
    common = set(required_keys(None))
    assert common == {"id", "kind", "title", "description", "reviewed"}
    assert all(common <= set(required_keys(kind)) for kind in MODELS)


def test_keys_marked_same_include_the_identity_and_the_links_between_pages():
    assert {"id", "kind", "notice", "number", "applies_to", "related", "audience", "issued", "status"} <= set(same_in_both_editions())
    assert "title" not in same_in_both_editions()


def test_a_page_is_validated_into_its_kinds_model_with_text_trimmed():
    text = ("---\nid: port-visa-transfer\nkind: process\ntitle: '  Port visa  '\ndescription: d\nreviewed: 2026-11-22\n"
            "applies_to: [urgent-entry]\nrelated: []\n---\n\n# Port visa\n")
    record = read_page(text.encode(), "docs/port-visa-transfer.md", "port-visa-transfer.md")
    assert record.problems == []
    assert type(record.page).__name__ == "ProcessPage" and record.page.title == "Port visa"


def test_a_boost_that_is_not_a_number_is_refused():
    page, problems = validate({"id": "faq", "kind": "faq", "title": "FAQ", "description": "d", "reviewed": None,
                               "search": {"boost": float("nan")}})
    assert page is None
    assert (("search",), "'search' may only hold 'exclude: true' or 'boost: <number>', got {boost}") in problems
