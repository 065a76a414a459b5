"""Shared fixtures: the real site, built once per test session into a temporary folder.

Tests read the built HTML with a real parser (BeautifulSoup) and never the
project's own site/ folder, so a stale local build cannot hide a failure.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))


# Publishing settings (README "Publishing"): a test build is the plain local
# build whatever the shell exports, unless a test passes them explicitly.
PUBLISHING_ENV = ("SITE_URL", "EDIT_URL")


def mkdocs_env(**publishing: str) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if name not in PUBLISHING_ENV}
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.update(publishing)
    return env


def run_strict_build(project: Path, site_dir: Path, **publishing: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project folder; never with -q (it hides strict warnings)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=mkdocs_env(**publishing),
        capture_output=True,
        text=True,
    )


@dataclass
class BuiltSite:
    root: Path
    log: str

    def html(self, relative: str) -> BeautifulSoup:
        return BeautifulSoup((self.root / relative).read_text(encoding="utf-8"), "html.parser")

    def pages(self, edition: str = "en") -> list[Path]:
        """Every content page of one edition (not the 404 page, nor the redirects of moved pages)."""
        return [p for p in self._index_files(edition) if not self.is_redirect(p)]

    def redirects(self, edition: str = "en") -> list[Path]:
        """The pages hooks/editions.py writes at the old addresses of moved pages (front matter `moved_from`)."""
        return [p for p in self._index_files(edition) if self.is_redirect(p)]

    def _index_files(self, edition: str) -> list[Path]:
        zh_root = self.root / "zh"
        if edition == "zh":
            return sorted(zh_root.rglob("index.html"))
        return sorted(p for p in self.root.rglob("index.html") if zh_root not in p.parents)

    def is_redirect(self, page: Path) -> bool:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        return soup.find("meta", attrs={"http-equiv": lambda v: v and v.lower() == "refresh"}) is not None


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuiltSite:
    site_dir = tmp_path_factory.mktemp("built") / "site"
    result = run_strict_build(ROOT, site_dir)
    assert result.returncode == 0, f"strict build of the real site failed:\n{result.stderr}"
    return BuiltSite(site_dir, result.stderr)


@pytest.fixture(scope="session")
def small_site(tmp_path_factory) -> BuiltSite:
    """The tiny bilingual site of tests/hook_fixtures.py, built once with the cross-linking hooks."""
    from hook_fixtures import build_small_site

    site, returncode = build_small_site(tmp_path_factory.mktemp("small"))
    assert returncode == 0, f"strict build of the small test site failed:\n{site.log}"
    return site
