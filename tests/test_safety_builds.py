"""Each class of careless or hostile edit fails the strict build of a project copy (#15):
one line naming the file (and line where known), exit status 1, no traceback.

One copy holds every edit, each on a page of its own, so one build serves all the cases
(a build per case would cost a minute of the suite's six)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import run_strict_build
from project_copy import append_line, copy_project, line_number, set_key

# A page of its own for each case, so one edit cannot hide another.
PAGES = {
    "script": "about.md", "iframe": "faq.md", "event handler": "views.md", "javascript link": "about.md",
    "image from another host": "port-visa-transfer.md", "protocol-relative image": "views.md",
    "YAML alias bomb": "glossary.md", "no-break space in front matter": "faq.md",
    "page with only front matter": "audiences/family.md", "unclosed div": "index.md",
}
ALIAS_BOMB = "\n".join(["bomb: &a [x, x, x, x, x, x, x, x, x]"] + [
    f"b{i}: &{n} [{', '.join(['*' + p] * 9)}]" for i, (p, n) in enumerate(zip("abcdefgh", "bcdefghi"))
])


def _append(folder: str, text: str):
    def change(project: Path, page: str) -> tuple[str, int]:
        return f"{folder}/{page}", append_line(project / folder / page, text)
    return change


def _symlink(project: Path, page: str) -> tuple[str, int | None]:
    secret = project.parent / "secret.txt"
    secret.write_text("not for readers", encoding="utf-8")
    os.symlink(secret, project / "docs" / "assets" / "secret.txt")
    return "docs/assets/secret.txt", None


def _alias_bomb(project: Path, page: str) -> tuple[str, int]:
    path = project / "docs_zh" / page
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n---\n", "\n" + ALIAS_BOMB + "\n---\n", 1), encoding="utf-8")
    return f"docs_zh/{page}", line_number(path, "bomb:")


def _no_break_space(project: Path, page: str) -> tuple[str, int]:
    line = set_key(project / "docs" / page, "reviewed", "\u00a02026-11-22")
    return f"docs/{page}", line


def _empty_page(project: Path, page: str) -> tuple[str, None]:
    path = project / "docs_zh" / page
    path.write_text(path.read_text(encoding="utf-8").split("\n---\n", 1)[0] + "\n---\n", encoding="utf-8")
    return f"docs_zh/{page}", None


def _unclosed_div(project: Path, page: str) -> tuple[str, int]:
    line = append_line(project / "docs" / page, '<div class="no-glossary" markdown>\n\nswallowed text')
    return f"docs/{page}", line


CASES = {
    "script": (_append("docs", "<script>alert(1)</script>"), "<script> is not allowed"),
    "iframe": (_append("docs_zh", '<iframe src="https://example.org/"></iframe>'), "<iframe> is not allowed"),
    "event handler": (_append("docs", '<span lang="en" onmouseover="alert(1)">x</span>'), "'onmouseover'"),
    "javascript link": (_append("docs_zh", "[click](javascript:alert(1))"), "javascript:"),
    "image from another host": (_append("docs", "![chart](https://example.org/chart.png)"), "another website"),
    "protocol-relative image": (_append("docs_zh", '<img src="//example.org/x.png" alt="x">'), "another website"),
    "symlink out of the project": (_symlink, "symbolic link"),
    "YAML alias bomb": (_alias_bomb, "anchor"),
    "no-break space in front matter": (_no_break_space, "no-break space"),
    "page with only front matter": (_empty_page, "no content after its front matter"),
    "unclosed div": (_unclosed_div, "never closed"),
}


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad-edits")
    project = copy_project(root / "project")
    where = {case: change(project, PAGES.get(case, "")) for case, (change, _) in CASES.items()}
    return where, run_strict_build(project, root / "site")


def test_the_build_fails_cleanly(broken):
    _, result = broken
    assert result.returncode == 1, f"the strict build passed; readers would get the edits:\n{result.stderr[-2000:]}"
    assert "Traceback" not in result.stderr, f"staff got a traceback:\n{result.stderr[-3000:]}"


@pytest.mark.parametrize("case", list(CASES))
def test_bad_edit_is_one_line_naming_the_file(broken, case):
    where_of, result = broken
    where, line = where_of[case]
    words = CASES[case][1]
    prefix = f"WARNING -  {where}:{line}: " if line else f"WARNING -  {where}"
    lines = [text for text in result.stderr.splitlines() if text.startswith(prefix) and words in text]
    assert len(lines) == 1, f"{case}: want one line starting {prefix!r} saying {words!r}, got:\n" + "\n".join(
        text for text in result.stderr.splitlines() if text.startswith("WARNING")
    )
