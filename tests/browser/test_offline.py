"""At the border (issue #17): after one visit an edition opens with no connection.

Each test opens its own browser context (a fresh profile: no worker, no cache), visits
an edition's home page online, waits for its service worker (hooks/offline.py,
assets/javascripts/offline-worker.js) and then goes offline as Playwright does it
(context.set_offline), its HTTP cache emptied so that only the worker can answer. Also:
a new build replaces the offline copy, `mkdocs serve` registers no worker, a browser
without service workers sees the site as before, and the "Show to an official" view puts
the Chinese text first.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from playwright.sync_api import expect

from conftest import ROOT, BuiltSite, mkdocs_env, run_strict_build
from project_copy import copy_project, replace_once

from .conftest import DESKTOP, ServedSite, SiteHandler, SiteServer, Traffic, watch_policy
from .site_ui import correction, result_paths, search, visit

pytestmark = pytest.mark.browser

# --- fixtures ---------------------------------------------------------------


@pytest.fixture
def fresh_context(browser, site):
    """A new profile on the test site: no worker registered, nothing cached.

    Requests are recorded, not routed as in conftest's contexts: with Playwright's
    routing on, Chromium does not let the service worker answer for Material's search
    worker, so search would fail offline in the test though not for a reader.
    """
    context, traffic = open_context(browser, site.origin)
    yield context
    context.close()
    assert not traffic.foreign, f"pages asked another host than the site: {traffic.foreign}"


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    """The site built twice for one address, the second time with a changed FAQ; served from
    the first build until a test calls `publish_second()`."""
    work = tmp_path_factory.mktemp("offline-builds")
    server = SiteServer(("127.0.0.1", 0), PublishedHandler)
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    projects = [copy_project(work / name) for name in ("first", "second")]
    for language, folder in (("en", "docs"), ("zh", "docs_zh")):
        replace_once(projects[1] / folder / "faq.md", FAQ_H1[language], FAQ_H1[language] + SECOND_BUILD_MARK)
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda p: run_strict_build(p, p / "site", SITE_URL=f"{origin}/"), projects))
    for result in results:
        assert result.returncode == 0, f"strict build for the offline update test failed:\n{result.stderr}"
    sites = [project / "site" for project in projects]
    # Built at the same time, the two sites' files share modification times, and the server's
    # Last-Modified would let a revalidating browser keep the first build: publish the second later.
    later = time.time() + 60
    for path in sites[1].rglob("*"):
        os.utime(path, (later, later))
    server.published = str(sites[0])

    def publish_second():
        server.published = str(sites[1])

    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield ServedSite(BuiltSite(sites[0], results[0].stderr), origin), publish_second
    server.shutdown()
    server.server_close()


# --- tests ------------------------------------------------------------------


@pytest.mark.parametrize("edition", ["en", "zh"])
def test_edition_opens_offline_after_one_visit(site, fresh_context, edition):
    root = HOME[edition]
    tab = fresh_context.new_page()
    visit(tab, root)
    wait_for_worker(tab)
    go_offline(fresh_context, tab)
    paths = site.paths_with("div.official-text", edition) + [root + "port-visa-transfer/", root + "faq/"]
    assert len(paths) >= 9, f"expected the seven provisions, the port-visa page and the FAQ, found {paths}"
    for path in paths:
        visit(tab, path)
        expect(tab.locator("h1"), f"offline, {path} does not show its page").to_contain_text(
            site.html(path).h1.get_text().strip(" ¶")
        )
        expect(tab.locator(".offline-banner"), f"offline, {path} does not say it is a saved copy").to_contain_text(
            BANNER[edition]
        )


@pytest.mark.parametrize("edition", ["en", "zh"])
def test_search_answers_offline(fresh_context, edition):
    tab = offline_faq(fresh_context, edition)
    assert search(tab, QUERY[edition]), f"offline, searching {QUERY[edition]!r} in the {edition} edition finds nothing"


@pytest.mark.parametrize("edition", ["en", "zh"])
def test_typo_correction_works_offline(fresh_context, edition):
    """The worker saved did-you-mean.js and the index it reads: offline, a typo still finds its page."""
    tab = offline_faq(fresh_context, edition)
    assert search(tab, TYPO[edition]) == []
    assert correction(tab, TYPO[edition]) == "apostille", f"offline, a misspelt search in the {edition} edition is not corrected"
    assert result_paths(tab), "offline, the corrected search finds nothing"


def test_english_worker_leaves_the_chinese_edition_alone_and_says_what_is_saved(fresh_context):
    tab = fresh_context.new_page()
    visit(tab, "/")
    wait_for_worker(tab)
    cached = tab.evaluate(
        "async () => { const urls = []; for (const name of await caches.keys()) {"
        " for (const r of await (await caches.open(name)).keys()) urls.push(r.url); } return urls; }"
    )
    assert cached and not [url for url in cached if "/zh/" in url], "the English worker cached Chinese pages"
    # Saved: the page says so, quietly, once (#30).
    banner = tab.locator(".offline-banner")
    expect(banner, "once saved, the page does not say so").to_contain_text(READY["en"])
    visit(tab, "/faq/")
    tab.wait_for_timeout(300)
    expect(banner, "the 'saved' line comes back on every page").to_be_hidden()
    go_offline(fresh_context, tab)
    # Offline, the Chinese edition is not saved: the language list does not offer it, and its
    # address shows the site's own page saying so, in English, with links to what is saved.
    visit(tab, "/faq/")
    expect(tab.locator(".md-select__link[hreflang='zh']"), "offline, the unsaved Chinese edition is offered").to_be_hidden()
    response = visit(tab, "/zh/")
    assert response.status == 503, f"offline, an unsaved page answered {response.status}"
    expect(tab.locator("h1")).to_have_text(OFFLINE_TITLE["en"])
    saved = tab.locator("article a[href$='/faq/']")
    expect(saved, "the offline page does not link to the saved pages").to_have_count(1)
    saved.click()
    expect(tab.locator("h1")).to_contain_text("Frequently asked questions")


def test_new_build_replaces_the_offline_copy_once_online(browser, two_builds):
    served, publish_second = two_builds
    context, traffic = open_context(browser, served.origin)
    try:
        tab = context.new_page()
        visit(tab, "/")
        first = wait_for_worker(tab)
        # Online throughout until the end: Chromium does not always pass Playwright's
        # set_offline(False) on to a running service worker.
        publish_second()
        visit(tab, "/faq/")
        expect(tab.locator("h1"), "online, the reader sees the old FAQ after a new build").to_contain_text(
            SECOND_BUILD_MARK
        )
        second = wait_for_worker(tab, replacing=first)
        go_offline(context, tab)
        visit(tab, "/faq/")
        expect(tab.locator("h1"), "offline after a new build, the FAQ is still the old one").to_contain_text(
            SECOND_BUILD_MARK
        )
        names = tab.evaluate("caches.keys()")
        assert [name for name in names if name.endswith(second)] and not [n for n in names if n.endswith(first)], (
            f"the old build's cache was kept beside the new one: {names}"
        )
        assert not traffic.foreign, f"pages asked another host than the site: {traffic.foreign}"
    finally:
        context.close()


def test_mkdocs_serve_page_registers_no_worker_and_has_no_policy(browser, tmp_path):
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=ROOT, env=mkdocs_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    context = browser.new_context(base_url=f"http://127.0.0.1:{port}")
    try:
        _wait_until_serving(port, server)
        tab = context.new_page()
        for path in ("/", "/zh/"):
            visit(tab, path)
            tab.wait_for_load_state("load")
            assert tab.locator('meta[name="offline-worker"]').count() == 0, f"the preview {path} names a worker"
            # hooks/csp.py: the live-reload script mkdocs serve adds to each page would be refused.
            assert tab.locator('meta[http-equiv="Content-Security-Policy"]').count() == 0, (
                f"the preview {path} has a security policy, which refuses the live-reload script"
            )
            assert tab.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0, (
                f"the preview {path} registered a service worker: a preview would show stale pages"
            )
        for worker in ("/sw.js", "/zh/sw.js"):
            assert context.request.get(worker).status == 404, f"mkdocs serve publishes {worker}"
    finally:
        context.close()
        server.terminate()
        server.wait(timeout=10)


def test_site_works_without_service_workers(browser, site):
    """WeChat's browser on iOS has no navigator.serviceWorker: no error, the show view still opens."""
    context = browser.new_context(base_url=site.origin, viewport=DESKTOP)
    watch_policy(context)
    context.add_init_script("delete Navigator.prototype.serviceWorker")
    try:
        tab = context.new_page()
        errors = []
        tab.on("console", lambda message: message.type in ("error", "warning") and errors.append(message.text))
        tab.on("pageerror", lambda error: errors.append(str(error)))
        path = site.paths_with("div.official-text", "en")[0]
        visit(tab, path)
        assert tab.evaluate("'serviceWorker' in navigator") is False
        tab.get_by_role("button", name=SHOW["en"]).click()
        expect(tab.locator(".official-view[role=dialog]")).to_be_visible()
        assert not errors, f"without service workers, {path} logs errors: {errors}"
    finally:
        context.close()


@pytest.mark.parametrize("edition", ["en", "zh"])
def test_show_view_puts_chinese_text_first(site, page, edition):
    path = site.paths_with("div.official-text", edition)[0]
    visit(page, path)
    page.get_by_role("button", name=SHOW[edition]).click()
    view = page.locator(".official-view[role=dialog]")
    expect(view).to_be_visible()
    texts = view.locator(".official-view__body")
    expect(texts).to_have_count(2)
    assert texts.evaluate_all("nodes => nodes.map(n => n.lang)") == ["zh", "en"], "the Chinese text is not first"
    labels = view.locator(".official-view__label")
    expect(labels.nth(0), "the Chinese text is not labelled as the article's").to_contain_text("灵达文章所载中文条文")
    expect(labels.nth(1), "the English text is not labelled as the article's version").to_contain_text(
        "not an official translation"
    )
    # Online, the line may say once that the edition is saved, never that this is an offline copy.
    expect(page.locator(".offline-banner"), "a page read online says it is an offline copy").not_to_contain_text(BANNER[edition])
    chinese, english = (texts.nth(i).evaluate("n => parseFloat(getComputedStyle(n).fontSize)") for i in (0, 1))
    assert chinese > english, f"the Chinese text ({chinese}px) is not larger than the English ({english}px)"
    official = site.html(path).select_one(".official-text blockquote[lang='zh']").get_text(" ", strip=True)
    assert texts.nth(0).inner_text().split()[0] in official
    box = view.bounding_box()
    assert (box["width"], box["height"]) == (DESKTOP["width"], DESKTOP["height"]), "the view does not fill the screen"
    page.keyboard.press("Escape")
    expect(view).to_have_count(0)


# --- helpers ----------------------------------------------------------------


class PublishedHandler(SiteHandler):
    """Serves whichever build the server publishes now, also on a connection kept alive."""

    def translate_path(self, path):
        self.directory = self.server.published
        return super().translate_path(path)


def open_context(browser, origin: str):
    """A browser context on `origin` whose every request is recorded (foreign ones too)."""
    context = browser.new_context(base_url=origin, viewport=DESKTOP)
    watch_policy(context)
    traffic = Traffic(origin)
    context.on("request", lambda request: traffic.is_local(request.url) or traffic.foreign.append(request.url))
    return context, traffic


def offline_faq(context, edition: str):
    """A tab that visited the edition's home page online, then opened its FAQ offline."""
    tab = context.new_page()
    visit(tab, HOME[edition])
    wait_for_worker(tab)
    go_offline(context, tab)
    visit(tab, HOME[edition] + "faq/")
    return tab


def go_offline(context, tab) -> None:
    """Offline, with the browser's HTTP cache emptied, so that only the service worker's copy
    answers: a file fetched a minute ago may still be fresh in the HTTP cache, which hid for
    a while that the Chinese worker could not serve Material's search worker."""
    context.new_cdp_session(tab).send("Network.clearBrowserCache")
    context.set_offline(True)


def wait_for_worker(tab, replacing: str | None = None) -> str:
    """Wait until the page's edition has an active worker (other than `replacing`); its VERSION."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        version = tab.evaluate(
            "async () => { const r = await navigator.serviceWorker.getRegistration();"
            " if (!r || !r.active || r.active.state !== 'activated') return null;"
            " const names = (await caches.keys()).filter(n => n.startsWith('offline ' + r.scope + ' '));"
            " return names.length === 1 ? names[0].split(' ').pop() : null; }"
        )
        if version and version != replacing:
            return version
        tab.wait_for_timeout(100)
    raise AssertionError(f"{tab.url}: no service worker took over within 15 s")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_serving(port: int, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert server.poll() is None, "mkdocs serve stopped before serving"
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/zh/", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("mkdocs serve did not serve the site within 60 s")


# --- data -------------------------------------------------------------------

HOME = {"en": "/", "zh": "/zh/"}
BANNER = {"en": "Offline copy saved on", "zh": "离线副本，保存于"}
READY = {"en": "Saved on this device", "zh": "已保存到本设备"}
OFFLINE_TITLE = {"en": "Not saved on this device", "zh": "本设备没有保存此页"}
SHOW = {"en": "Show to an official", "zh": "出示给工作人员"}
QUERY = {"en": "apostille", "zh": "海牙"}
TYPO = {"en": "apostolle", "zh": "apostelle"}
FAQ_H1 = {"en": "# Frequently asked questions", "zh": "# 常见问题"}
SECOND_BUILD_MARK = " (second build)"
