"""Publishing: what a published build gets from the environment, and how CI publishes.

A publishing build sets SITE_URL (the address readers use), EDIT_URL (the
repository's web editor) and FEEDBACK_URL (where readers' feedback goes); README "Publishing"
documents them. With SITE_URL each edition has an Atom feed of What's new (#27). The build here
uses a GitHub Pages project address, the case with a path under the host.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.robotparser import RobotFileParser

import feedparser
import pytest
import yaml

from conftest import ROOT, BuiltSite, run_strict_build

SITE_URL = "https://reindeer-station.github.io/ningbo-guide/"
EDIT_URL = "https://github.com/reindeer-station/ningbo-guide/edit/main/"
FEEDBACK_URL = "https://github.com/reindeer-station/ningbo-guide/issues/new?labels=feedback"
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
WORKFLOWS = ROOT / ".github" / "workflows"


@pytest.fixture(scope="module")
def published_site(tmp_path_factory) -> BuiltSite:
    site_dir = tmp_path_factory.mktemp("published") / "site"
    result = run_strict_build(ROOT, site_dir, SITE_URL=SITE_URL, EDIT_URL=EDIT_URL, FEEDBACK_URL=FEEDBACK_URL)
    assert result.returncode == 0, f"strict build with SITE_URL, EDIT_URL and FEEDBACK_URL failed:\n{result.stderr}"
    return BuiltSite(site_dir, result.stderr)


@pytest.fixture(scope="module")
def published_copy(new_notice_site, tmp_path_factory) -> BuiltSite:
    """The copy with a second notice (tests/new_notice_copy.py), built for publishing too: a later build with more in it."""
    site_dir = tmp_path_factory.mktemp("published-copy") / "site"
    result = run_strict_build(new_notice_site.project, site_dir, SITE_URL=SITE_URL)
    assert result.returncode == 0, f"publishing build of the copy with a second notice failed:\n{result.stderr}"
    return BuiltSite(site_dir, result.stderr, new_notice_site.project)


def _source_of(site: BuiltSite, page: Path, folder: str) -> str | None:
    """The Markdown file, relative to docs/ or docs_zh/, that a built page comes from.

    None for a page the build generates (the audience pages): staff have no file to edit.
    """
    relative = _directory(site, page)
    if folder == "docs_zh":
        relative = relative.removeprefix("zh").lstrip("/")
    candidates = ["index.md"] if relative == "" else [f"{relative}.md", f"{relative}/index.md"]
    found = [name for name in candidates if (ROOT / folder / name).is_file()]
    return found[0] if found else None


def _expected_edit_link(site: BuiltSite, page: Path, folder: str) -> str | None:
    source = _source_of(site, page, folder)
    return EDIT_URL + f"{folder}/{source}" if source else None


def _directory(site: BuiltSite, page: Path) -> str:
    """A built page's folder inside the site: '' for the home page, 'zh/notices/ningbo-2023-work-permits/x', ..."""
    relative = page.parent.relative_to(site.root).as_posix()
    return "" if relative == "." else relative


def _address(site: BuiltSite, page: Path) -> str:
    """The address readers open a built page at."""
    directory = _directory(site, page)
    return SITE_URL + (directory + "/" if directory else "")


def _edit_link(site: BuiltSite, page: Path) -> str | None:
    link = site.html(str(page.relative_to(site.root))).select_one('a[rel="edit"]')
    return link["href"] if link else None


# --- edit links ---------------------------------------------------------------


def test_publishing_build_reports_no_warnings(published_site):
    assert "WARNING" not in published_site.log, published_site.log


def test_english_pages_edit_link_opens_their_docs_source(published_site):
    for page in published_site.pages("en"):
        expected = _expected_edit_link(published_site, page, "docs")
        assert _edit_link(published_site, page) == expected, (
            f"{page}: 'Edit this page' should open {expected or 'nothing (a generated page has no source)'}"
        )


def test_chinese_pages_edit_link_opens_their_docs_zh_source(published_site):
    for page in published_site.pages("zh"):
        expected = _expected_edit_link(published_site, page, "docs_zh")
        assert _edit_link(published_site, page) == expected, (
            f"{page}: 'Edit this page' on a Chinese page should open "
            f"{expected or 'nothing (a generated page has no source)'}"
        )


def test_home_pages_edit_links_open_index_md_in_each_folder(published_site):
    """The same check spelt out for one page: the tests above cannot pass by finding no source."""
    assert _edit_link(published_site, published_site.root / "index.html") == EDIT_URL + "docs/index.md"
    assert _edit_link(published_site, published_site.root / "zh/index.html") == EDIT_URL + "docs_zh/index.md"


def test_local_build_shows_no_edit_link(built_site):
    """Without EDIT_URL there is no repository to edit in: no dead pencil icon."""
    with_link = [str(page) for page in built_site.pages("en") + built_site.pages("zh") if _edit_link(built_site, page)]
    assert not with_link, f"pages with an edit link although EDIT_URL is unset: {with_link}"


def test_pages_make_no_request_for_repository_facts(published_site):
    """No repo_url: Material would fetch star counts from api.github.com on every page view."""
    soup = published_site.html("index.html")
    assert soup.select_one('[data-md-component="source"]') is None, "the header shows a repository widget"


# --- site_url -----------------------------------------------------------------


def test_canonical_links_use_site_url_from_the_environment(published_site):
    for edition in ("en", "zh"):
        for page in published_site.pages(edition):
            canonical = published_site.html(str(page.relative_to(published_site.root))).select_one('link[rel="canonical"]')
            expected = _address(published_site, page)
            assert canonical is not None and canonical["href"] == expected, (
                f"{page}: search engines would be told the page lives at "
                f"{canonical['href'] if canonical else 'nowhere'}, not {expected}"
            )


def test_sitemap_lists_every_page_at_site_url_with_both_languages(published_site):
    tree = ElementTree.parse(published_site.root / "sitemap.xml")
    entries = {url.findtext("sm:loc", namespaces=SITEMAP_NS): url for url in tree.getroot().findall("sm:url", SITEMAP_NS)}
    for edition in ("en", "zh"):
        for page in published_site.pages(edition):
            address = _address(published_site, page)
            assert address in entries, f"sitemap.xml does not list {address}"
            alternates = {
                link.get("hreflang")
                for link in entries[address].findall("{http://www.w3.org/1999/xhtml}link")
                if link.get("rel") == "alternate"
            }
            assert alternates == {"en", "zh"}, f"sitemap.xml: {address} has hreflang alternates {alternates}"


# --- feeds (#27) ---------------------------------------------------------------------

EDITION_PREFIXES = {"en": "", "zh": "zh/"}


def _feed(site: BuiltSite, edition: str):
    parsed = feedparser.parse((site.root / EDITION_PREFIXES[edition] / "feed.xml").read_bytes())
    assert not parsed.bozo, f"{edition} feed.xml is not well-formed: {parsed.get('bozo_exception')}"
    assert parsed.version == "atom10", f"{edition} feed.xml is not Atom 1.0 but {parsed.version!r}"
    return parsed


@pytest.mark.parametrize("edition", EDITION_PREFIXES)
def test_feed_holds_whats_new_with_absolute_addresses(published_site, edition):
    root = SITE_URL + EDITION_PREFIXES[edition]
    feed = _feed(published_site, edition)
    assert feed.feed.language == edition and feed.feed.title
    items = published_site.html(f"{EDITION_PREFIXES[edition]}whats-new/index.html").select("ul.whats-new > li")
    assert [entry.id for entry in feed.entries] == [f"{root}whats-new/#{item['id']}" for item in items], (
        "the feed's entries are not What's new's items, in its order, named by their anchors")
    for entry in feed.entries:
        assert entry.link.startswith(root) and entry.updated_parsed and entry.title, f"feed entry {entry.id}: {entry}"


@pytest.mark.parametrize("edition", EDITION_PREFIXES)
def test_every_page_links_its_editions_feed(published_site, edition):
    expected = SITE_URL + EDITION_PREFIXES[edition] + "feed.xml"
    for page in published_site.pages(edition):
        links = published_site.html(str(page.relative_to(published_site.root))).select('head link[rel="alternate"][type="application/atom+xml"]')
        assert [link["href"] for link in links] == [expected], f"{page}: a feed reader would not find {expected}"


@pytest.mark.parametrize("edition", EDITION_PREFIXES)
def test_feed_entry_ids_stay_the_same_in_a_later_build(published_site, published_copy, edition):
    """The copy adds a notice, replaces the old one and adds history: every earlier entry keeps its id
    and title, so feed apps do not show old changes as new."""
    earlier = {entry.id: entry.title for entry in _feed(published_site, edition).entries}
    later = {entry.id: entry.title for entry in _feed(published_copy, edition).entries}
    changed = {entry_id: (title, later.get(entry_id)) for entry_id, title in earlier.items() if later.get(entry_id) != title}
    assert not changed, f"entries whose id or title changed in a later build: {changed}"
    assert len(later) > len(earlier), "the later build's feed has no new entry"


def test_feed_names_the_scaffolded_notice_and_the_replacement(published_copy):
    from new_notice_copy import NOTICE, SUPERSEDED

    for edition, prefix in EDITION_PREFIXES.items():
        links = [entry.link for entry in _feed(published_copy, edition).entries]
        assert f"{SITE_URL}{prefix}notices/{NOTICE}/" in links, f"{edition} feed: the scaffolded notice is missing"
        ids = [entry.id for entry in _feed(published_copy, edition).entries]
        assert any(entry_id.endswith(f"-{SUPERSEDED}-replaced") for entry_id in ids), f"{edition} feed: no entry for the replaced notice"


# --- feedback (#27) -------------------------------------------------------------------


@pytest.mark.parametrize("edition", EDITION_PREFIXES)
def test_every_page_asks_for_feedback_naming_its_address_and_edition(published_site, edition):
    from urllib.parse import parse_qs, urlsplit

    edition_word = {"en": "Edition: English", "zh": "版本：中文版"}[edition]
    for page in published_site.pages(edition):
        links = published_site.html(str(page.relative_to(published_site.root))).select(".page-feedback a")
        assert len(links) == 3, f"{page}: expected Yes, No and 'Report a problem', found {[link.get_text() for link in links]}"
        for link in links:
            address = urlsplit(link["href"])
            query = parse_qs(address.query)
            assert link["href"].startswith(FEEDBACK_URL + "&"), f"{page}: feedback leads to {link['href']}, not FEEDBACK_URL"
            assert query["labels"] == ["feedback"] and query["title"], f"{page}: FEEDBACK_URL's own query or the title was lost"
            body = query["body"][0]
            assert _address(published_site, page) in body and edition_word in body, f"{page}: the report does not name the page and edition: {body!r}"


def test_mailto_feedback_spaces_are_not_plus_signs():
    from content.render import feedback_href

    href = feedback_href("mailto:guide@example.org", "Is this page useful? No: FAQ", "Page: https://x/faq/\nEdition: English")
    assert href == ("mailto:guide@example.org?subject=Is%20this%20page%20useful%3F%20No%3A%20FAQ"
                    "&body=Page%3A%20https%3A%2F%2Fx%2Ffaq%2F%0AEdition%3A%20English")


# --- robots.txt -----------------------------------------------------------------


def _robots(site: BuiltSite) -> RobotFileParser:
    parser = RobotFileParser()
    parser.parse((site.root / "robots.txt").read_text(encoding="utf-8").splitlines())
    return parser


def test_robots_txt_names_the_sitemap_at_site_url(published_site):
    assert _robots(published_site).site_maps() == [SITE_URL + "sitemap.xml"]


def test_robots_txt_lets_crawlers_read_both_editions(published_site):
    robots = _robots(published_site)
    for address in (SITE_URL, SITE_URL + "zh/"):
        assert robots.can_fetch("Baiduspider", address), f"robots.txt keeps crawlers out of {address}"


def test_robots_txt_exists_only_at_the_site_root(published_site):
    copies = sorted(str(path.relative_to(published_site.root)) for path in published_site.root.rglob("robots.txt"))
    assert copies == ["robots.txt"], f"robots.txt found at {copies}"


# --- CI workflows -----------------------------------------------------------------


def _jobs(workflow: str) -> dict:
    return yaml.safe_load((WORKFLOWS / workflow).read_text(encoding="utf-8"))["jobs"]


def _runs(job: dict) -> list[str]:
    return [step["run"].strip() for step in job.get("steps", []) if "run" in step]


def test_deploy_waits_for_the_tests_and_the_strict_build():
    jobs = _jobs("deploy.yml")
    assert jobs["test"]["uses"].endswith(".github/workflows/test.yml"), "publishing does not run the test workflow"
    assert jobs["build"]["needs"] == "test", "the build would run even when a test failed"
    assert jobs["deploy"]["needs"] == "build", "the deploy would run without a passing build"
    assert "./site.sh build" in _runs(jobs["build"]), "the published site is not built by ./site.sh build"


def test_test_workflow_runs_the_same_command_as_the_readme():
    runs = _runs(_jobs("test.yml")["test"])
    assert "./site.sh test" in runs, runs
    assert all(not run.startswith("./site.sh preview") for run in runs[: runs.index("./site.sh test")]), (
        "the pull request's preview is built before the tests have passed"
    )


def test_a_pull_request_uploads_its_built_site_and_lists_its_changed_pages():
    steps = _jobs("test.yml")["test"]["steps"]
    preview = [step for step in steps if step.get("run", "").startswith("./site.sh preview ")]
    assert len(preview) == 1, "the test workflow builds no preview of a pull request (./site.sh preview)"
    assert preview[0]["run"].endswith('>> "$GITHUB_STEP_SUMMARY"'), "the changed pages are not written to the job summary"
    upload = [step for step in steps if step.get("uses", "").startswith("actions/upload-artifact@")]
    assert len(upload) == 1, "the test workflow uploads no built site for reviewers"
    assert re.fullmatch(r"actions/upload-artifact@[0-9a-f]{40}", upload[0]["uses"]), "upload-artifact is not pinned by commit"
    assert upload[0]["with"]["path"] == "preview", "the upload is not the folder ./site.sh preview builds"
    for step in (*preview, *upload):
        assert step.get("if") == "github.event_name == 'pull_request'", f"{step} runs on more than pull requests"
    base = preview[0]["run"].split()[2]
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout@"))
    assert base == "HEAD^1" and checkout["with"].get("fetch-depth", 1) >= 2, (
        "the base branch (the merge commit's first parent) is not fetched, so no page list can be made"
    )


def test_workflows_and_dependabot_config_pass_zizmor_offline():
    zizmor = Path(sys.executable).with_name("zizmor")
    result = subprocess.run(
        [str(zizmor), "--offline", "--no-progress", str(WORKFLOWS.parent)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"zizmor finds security problems in the workflows:\n{result.stdout}{result.stderr}"


@pytest.mark.parametrize("address", ["javascript:alert(1)", "http://example.org/form", "https://example.org/a form"])
def test_a_feedback_address_that_is_no_form_or_mailto_fails_the_build(monkeypatch, address):
    """FEEDBACK_URL becomes every page's link: a script address or a plain-http form is refused, naming mkdocs.yml."""
    from checks import config_problems
    from mkdocs.config import load_config

    monkeypatch.setenv("FEEDBACK_URL", address)
    problems = [str(problem) for problem in config_problems(load_config(str(ROOT / "mkdocs.yml")))]
    assert len(problems) == 1 and problems[0].startswith("mkdocs.yml:") and "'extra.feedback_url' (FEEDBACK_URL) is" in problems[0], problems
