"""hooks/parallel_editions.py: both editions built at once make the site a build in sequence makes.

The session's build of the real site runs the editions in two processes; here the
site is built again with EDITIONS_IN_SEQUENCE=1 (mkdocs-static-i18n's own order, one
process) and every file is compared byte for byte. The one difference is a flaw of
the sequence that the parallel build does not have: the Chinese 404 page's language
links (see the last test).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, BuiltSite, run_strict_build

PARALLEL_LINE = "in a second process"


@pytest.fixture(scope="module")
def sequential_site(tmp_path_factory) -> BuiltSite:
    site_dir = tmp_path_factory.mktemp("sequential") / "site"
    result = run_strict_build(ROOT, site_dir, EDITIONS_IN_SEQUENCE="1")
    assert result.returncode == 0, result.stderr
    return BuiltSite(site_dir, result.stderr)


def _files(root: Path) -> dict[str, Path]:
    return {path.relative_to(root).as_posix(): path for path in root.rglob("*") if path.is_file()}


def test_the_session_build_ran_the_editions_at_once_and_the_sequential_one_did_not(built_site, sequential_site):
    assert PARALLEL_LINE in built_site.log, "the real site was built in one process"
    assert PARALLEL_LINE not in sequential_site.log, "EDITIONS_IN_SEQUENCE=1 still forked"


def test_both_ways_write_the_same_files_with_the_same_bytes(built_site, sequential_site):
    parallel, sequential = _files(built_site.root), _files(sequential_site.root)
    assert sorted(parallel) == sorted(sequential), set(parallel) ^ set(sequential)
    differ = [name for name in parallel if name != "zh/404.html" and parallel[name].read_bytes() != sequential[name].read_bytes()]
    assert differ == [], f"files that differ between the two builds: {differ}"


def test_the_chinese_404_page_switches_language_to_the_edition_roots(built_site):
    # In sequence, this page is rendered after the English pages and mkdocs-static-i18n
    # leaves the last English page's language links in it.
    links = {a["hreflang"]: a["href"] for a in built_site.html("zh/404.html").select("a.md-select__link[hreflang]")}
    assert links == {"en": "/", "zh": "/zh/"}, links
