"""Translation freshness: the notice on outdated Chinese pages, and `python -m tools.translations`.

Each test works on a temporary copy of the project whose Chinese pages are all
marked up to date first, then changes an English page (or removes, adds, unmarks
a Chinese one) and checks what readers and staff see.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.meta import get_data

from conftest import run_strict_build
from project_copy import append_line, copy_project, pages_of_kind, run_tool

# A fixed date for the English change: the notice must show exactly this one.
CHANGED = datetime(2024, 3, 5, 12, 0)


@pytest.fixture
def project(tmp_path) -> Path:
    return marked_copy(tmp_path / "project")


def marked_copy(target: Path) -> Path:
    project = copy_project(target)
    marked = run_tool(project, "tools.translations", "mark", "--all")
    assert marked.returncode == 0, marked.stderr
    return project


def change_english(project: Path, page: str) -> Path:
    english = project / "docs" / page
    append_line(english, "One more sentence.")
    os.utime(english, (CHANGED.timestamp(), CHANGED.timestamp()))
    return english


def change_english_after_git_baseline(project: Path) -> str:
    """Commit the project as it is, then change a provision's English page; returns the page."""
    page = pages_of_kind(project, "provision")[0]
    git(project, "init", "-q")
    git(project, "add", "docs", "docs_zh")
    git(project, "commit", "-q", "-m", "baseline")
    change_english(project, page)
    return page


def recorded_hash(path: Path) -> str:
    return get_data(path.read_text(encoding="utf-8"))[1]["translated_from"]


def git(project: Path, *args: str, **env: str) -> str:
    identity = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org"}
    identity |= {"GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}
    result = subprocess.run(
        ["git", *args], cwd=project, env={**os.environ, **identity, **env}, capture_output=True, text=True, check=True
    )
    return result.stdout


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


# --- what readers and the build log show --------------------------------------


@pytest.fixture(scope="module")
def outdated(tmp_path_factory) -> tuple[Path, str, subprocess.CompletedProcess]:
    """One build of a copy whose first provision changed in English after it was translated."""
    root = tmp_path_factory.mktemp("outdated")
    project = marked_copy(root / "project")
    page = pages_of_kind(project, "provision")[0]
    change_english(project, page)
    result = run_strict_build(project, root / "site")
    return root / "site", page, result


def test_outdated_translation_does_not_fail_the_strict_build(outdated):
    _, _, result = outdated
    assert result.returncode == 0, f"an outdated translation must not stop an urgent English fix:\n{result.stderr}"
    assert "WARNING" not in result.stderr, result.stderr


def test_outdated_chinese_page_shows_when_english_changed_and_links_to_it(outdated):
    site, page, _ = outdated
    address = page.removesuffix(".md") + "/"
    built = site / "zh" / address / "index.html"
    notice = BeautifulSoup(built.read_text(encoding="utf-8"), "html.parser").select_one(".translation-outdated")
    assert notice is not None, "the Chinese page does not tell readers its English page changed"
    assert "2024年3月5日" in notice.get_text(), f"the notice does not show when English changed: {notice.get_text()}"
    href = notice.find("a")["href"]
    target = site / urlparse(urljoin(f"http://site/zh/{address}", href)).path.lstrip("/") / "index.html"
    assert target == site / address / "index.html", f"the notice's link {href} does not lead to the English page"
    assert BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").html["lang"] == "en"


def test_only_the_outdated_chinese_page_shows_the_notice(outdated):
    site, page, _ = outdated
    with_notice = [
        built.relative_to(site).as_posix()
        for built in sorted(site.rglob("index.html"))
        if BeautifulSoup(built.read_text(encoding="utf-8"), "html.parser").select_one(".translation-outdated")
    ]
    assert with_notice == [f"zh/{page.removesuffix('.md')}/index.html"], with_notice


def test_build_log_names_the_outdated_translation_and_the_command_to_mark_it(outdated):
    _, page, result = outdated
    info = [line for line in result.stderr.splitlines() if line.startswith("INFO") and "translation may be outdated" in line]
    assert len(info) == 1, f"the build does not say (once) which translation is outdated:\n{result.stderr}"
    assert f"docs_zh/{page}" in info[0] and f"./site.sh translations mark docs_zh/{page}" in info[0], info[0]


# --- python -m tools.translations ---------------------------------------------


def test_status_reports_every_translation_up_to_date_after_marking(project):
    result = run_tool(project, "tools.translations", "status")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "up to date" in result.stdout


def test_status_lists_missing_outdated_unmarked_and_orphan_translations(project):
    first, second, third = pages_of_kind(project, "provision")[:3]
    change_english(project, first)
    (project / "docs_zh" / second).unlink()
    unmarked = project / "docs_zh" / third
    unmarked.write_text(
        "".join(line for line in unmarked.read_text(encoding="utf-8").splitlines(keepends=True) if not line.startswith("translated_from:")),
        encoding="utf-8",
    )
    (project / "docs_zh" / "extra-page.md").write_text("---\nid: extra-page\n---\n\n# 多余\n", encoding="utf-8")

    result = run_tool(project, "tools.translations", "status")

    assert result.returncode == 1, "status must fail when translations need work"
    states = {line.split()[1]: line.split()[0] for line in result.stdout.splitlines() if line.startswith(("missing", "outdated", "unmarked", "orphan"))}
    assert states == {
        f"docs_zh/{first}": "outdated",
        f"docs_zh/{second}": "missing",
        f"docs_zh/{third}": "unmarked",
        "docs_zh/extra-page.md": "orphan",
    }, result.stdout


@needs_git
def test_mark_records_the_english_pages_git_blob_id(project):
    page = pages_of_kind(project, "provision")[0]
    english = change_english(project, page)

    result = run_tool(project, "tools.translations", "mark", f"docs_zh/{page}")

    assert result.returncode == 0, result.stderr
    blob = subprocess.run(["git", "hash-object", str(english)], capture_output=True, text=True, check=True).stdout.strip()
    assert recorded_hash(project / "docs_zh" / page) == blob[:12]


def test_mark_changes_only_the_translated_from_line(project):
    page = pages_of_kind(project, "provision")[0]
    chinese = project / "docs_zh" / page
    before = chinese.read_text(encoding="utf-8").splitlines()
    change_english(project, page)

    run_tool(project, "tools.translations", "mark", f"docs_zh/{page}")

    after = chinese.read_text(encoding="utf-8").splitlines()
    changed = [(old, new) for old, new in zip(before, after) if old != new]
    assert len(before) == len(after) and len(changed) == 1, changed
    assert changed[0][1].startswith('translated_from: "'), changed


def test_mark_refuses_a_file_outside_docs_zh(project):
    page = pages_of_kind(project, "provision")[0]
    english = project / "docs" / page
    before = english.read_bytes()

    result = run_tool(project, "tools.translations", "mark", f"docs/{page}")

    assert result.returncode != 0
    assert f"docs/{page}" in result.stderr and "docs_zh/" in result.stderr, result.stderr
    assert english.read_bytes() == before, "mark wrote into an English page"


@needs_git
def test_outdated_date_is_the_english_pages_last_commit(project):
    page = change_english_after_git_baseline(project)
    git(project, "commit", "-q", "-am", "English correction", GIT_COMMITTER_DATE="2024-02-01T10:00:00")

    result = run_tool(project, "tools.translations", "status")

    line = next(line for line in result.stdout.splitlines() if line.startswith("outdated"))
    assert "changed on 2024-02-01 (git)" in line, line


@needs_git
def test_diff_shows_what_changed_in_english_since_the_translation(project):
    page = change_english_after_git_baseline(project)

    result = run_tool(project, "tools.translations", "diff", f"docs_zh/{page}")

    assert result.returncode == 0, result.stderr
    added = [line for line in result.stdout.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert [line for line in added if line.strip("+ ")] == ["+One more sentence."], result.stdout
