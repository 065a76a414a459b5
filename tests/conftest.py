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
PUBLISHING_ENV = ("SITE_URL", "EDIT_URL", "FEEDBACK_URL")


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
    project: Path = ROOT  # the folder whose docs/ and docs_zh/ it was built from

    def sources(self, edition: str) -> Path:
        """The content folder of an edition: docs/ or docs_zh/."""
        return self.project / ("docs_zh" if edition == "zh" else "docs")

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
def new_notice_scaffolded(tmp_path_factory):
    """A copy of the project with a second notice and its two sources, as the scaffold writes them."""
    from new_notice_copy import scaffold_second_notice

    return scaffold_second_notice(tmp_path_factory.mktemp("new-notice") / "project")


@pytest.fixture(scope="session")
def new_notice_placeholder_build(new_notice_scaffolded, tmp_path_factory):
    project, _ = new_notice_scaffolded
    return run_strict_build(project, tmp_path_factory.mktemp("placeholders") / "site")


@pytest.fixture(scope="session")
def new_notice_site(new_notice_scaffolded, new_notice_placeholder_build, tmp_path_factory) -> BuiltSite:
    """That copy once an editor has followed CONTRIBUTING: placeholders replaced, a glossary term added; built once."""
    from new_notice_copy import write_second_notice

    project, _ = new_notice_scaffolded
    write_second_notice(project)
    site = tmp_path_factory.mktemp("written") / "site"
    result = run_strict_build(project, site)
    assert result.returncode == 0, f"the copy with a second notice does not build:\n{result.stderr}"
    return BuiltSite(site, result.stderr, project)


@pytest.fixture(scope="session", params=["real site", "with a second notice"])
def any_site(request) -> BuiltSite:
    """The real site, then the copy with a second notice: a test of rules, not of today's content, passes on both."""
    return request.getfixturevalue("built_site" if request.param == "real site" else "new_notice_site")


@pytest.fixture(scope="session", params=["real site", "with a second notice"])
def any_content(request) -> Path:
    """The project folder of `any_site`, for tests that read only the sources (the real one is not built for them)."""
    return ROOT if request.param == "real site" else request.getfixturevalue("new_notice_site").project


@pytest.fixture(scope="session")
def small_site(tmp_path_factory) -> BuiltSite:
    """The tiny bilingual site of tests/hook_fixtures.py, built once with the cross-linking hooks."""
    from hook_fixtures import build_small_site

    site, returncode = build_small_site(tmp_path_factory.mktemp("small"))
    assert returncode == 0, f"strict build of the small test site failed:\n{site.log}"
    return site
