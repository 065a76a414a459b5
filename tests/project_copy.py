"""A temporary copy of the project, for tests that break or change its content.

Used by test_validation.py and test_translations.py: each test copies the real
project (configuration, both content folders, hooks, templates, tools, site.sh),
changes one thing, and builds or runs a tool there, never in the real folders.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.utils.meta import get_data

from conftest import ROOT, mkdocs_env

PROJECT_PARTS = ("mkdocs.yml", "requirements.txt", "site.sh", "docs", "docs_zh", "hooks", "overrides", "tools")


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_PARTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    return target


def pages_of_kind(project: Path, kind: str) -> list[str]:
    """Paths under docs/ ('notices/ningbo-2023-work-permits/apostille.md') of the English pages of one kind, sorted."""
    found = []
    for path in sorted((project / "docs").rglob("*.md")):
        if get_data(path.read_text(encoding="utf-8"))[1].get("kind") == kind:
            found.append(path.relative_to(project / "docs").as_posix())
    assert found, f"the site has no {kind} page to test with"
    return found


def replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} no longer contains {old!r}: update this test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def set_key(path: Path, key: str, value: str) -> int:
    """Replace a top-level front-matter key's value (one line of YAML); returns its line."""
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(rf"^{key}:.*\n(?:[ \t].*\n|- .*\n)*", re.MULTILINE)
    match = pattern.search(text)
    assert match, f"{path} has no '{key}:' line: update this test"
    path.write_text(text[: match.start()] + f"{key}: {value}\n" + text[match.end():], encoding="utf-8")
    return text[: match.start()].count("\n") + 1


def line_number(path: Path, needle: str) -> int:
    """The first line of a file that contains `needle` (1-based)."""
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{path} has no line with {needle!r}")


def append_line(path: Path, line: str) -> int:
    """Add a paragraph at the end of a page; returns the line it is on."""
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    path.write_text(text + line + "\n", encoding="utf-8")
    return text.count("\n") + 1


def run_tool(project: Path, *args: str) -> subprocess.CompletedProcess:
    """`python -m tools.<args>` in the copy, as staff run it from the project folder."""
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=project, env=mkdocs_env(), capture_output=True, text=True
    )


def site_sh_folder(target: Path, stand_in: str) -> Path:
    """A folder with site.sh whose .venv holds `stand_in` (a shell script) as python and mkdocs, and a
    current install stamp, so site.sh runs them without installing anything."""
    shutil.copy2(ROOT / "site.sh", target / "site.sh")
    shutil.copy2(ROOT / "requirements.txt", target / "requirements.txt")
    bin_dir = target / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    for name in ("python", "mkdocs"):
        (bin_dir / name).write_text(stand_in, encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    stamp = hashlib.sha256((ROOT / "requirements.txt").read_bytes()).hexdigest()
    (target / ".venv" / ".requirements.sha256").write_text(stamp + "\n", encoding="utf-8")
    return target
