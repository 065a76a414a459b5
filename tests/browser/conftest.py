"""Browser fixtures: the built site served on 127.0.0.1 and one headless Chromium per session.

- `site`: the real site, built strict with SITE_URL set to the address it is then
  served on, and FEEDBACK_URL set as publishing sets it (a threaded http.server on a free port of 127.0.0.1), as a real host
  serves the build made for it; with the list of pages of each edition.
- `browser`: Debian's Chromium driven by Playwright (it cannot download its own here).
  No browser: the tests skip with the reason, except under CI=true, where they fail.
- `context` / `mobile_context` (one per test module) and `page` / `mobile_page` (one per
  test): every request of the context is recorded in `traffic`; a request to any other
  origin than the served site is recorded and refused, so a leak shows up as a failure
  instead of a hung page in a closed network.
- Every browser context a test opens is watched (`watch_policy`): anything a page's Content
  Security Policy refuses (hooks/csp.py) fails the test that was running, whatever it tested.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import sync_playwright

from conftest import ROOT, BuiltSite, run_strict_build

from .site_ui import EDITIONS

# --- fixtures ---------------------------------------------------------------


@pytest.fixture(scope="session", autouse=True)
def chromium_executable() -> str:
    """The browser binary, checked before anything else (no build for nothing)."""
    path = os.environ.get("CHROMIUM_PATH", DEFAULT_CHROMIUM)
    if os.path.isfile(path) and os.access(path, os.X_OK):
        return path
    reason = (
        f"no Chromium at {path}: install Debian's 'chromium' (./site.sh test does it as root) "
        "or set CHROMIUM_PATH"
    )
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true and the browser tests cannot run: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def security_policy_kept():
    """Fails the test during which any watched page broke its Content Security Policy, also on a
    page a module-scoped fixture opened before the test (those are reported by the first test)."""
    yield
    refused = take_policy_violations()
    assert not refused, (
        "the browser refused something a page asked for (its Content Security Policy, hooks/csp.py): a "
        "reader would miss a script, style or image:\n" + "\n".join(refused)
    )


@pytest.fixture(scope="session")
def browser(chromium_executable):
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_executable, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The real site, built strict for the address it is served on (SITE_URL), as a host would."""
    site_dir = tmp_path_factory.mktemp("served") / "site"
    server = SiteServer(("127.0.0.1", 0), partial(SiteHandler, directory=str(site_dir)))
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    # FEEDBACK_URL as publishing sets it: every sweep (axe, requests, phones) meets the feedback links too.
    result = run_strict_build(ROOT, site_dir, SITE_URL=f"{origin}/", FEEDBACK_URL="mailto:guide@example.org")
    assert result.returncode == 0, f"strict build for the browser tests failed:\n{result.stderr}"
    served = ServedSite(built=BuiltSite(site_dir, result.stderr), origin=origin)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    yield served
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def page_ids(site) -> dict[str, str]:
    """URL path of every built page -> its front-matter id (<meta name="page-id">): search tests name
    pages by id, so they hold when URLs move."""
    ids = {}
    for path in site.paths():
        meta = site.html(path).find("meta", attrs={"name": "page-id"})
        if meta is not None:
            ids[path] = meta["content"]
    return ids


@pytest.fixture(scope="module")
def traffic(site) -> Traffic:
    return Traffic(site.origin)


@pytest.fixture(scope="module")
def context(browser, site, traffic):
    yield from recorded_context(browser, site, traffic, viewport=DESKTOP)


@pytest.fixture(scope="module")
def mobile_context(browser, site, traffic):
    yield from recorded_context(browser, site, traffic, **PHONE)


@pytest.fixture
def page(context):
    tab = context.new_page()
    yield tab
    tab.close()


@pytest.fixture
def mobile_page(mobile_context):
    tab = mobile_context.new_page()
    yield tab
    tab.close()


# --- helpers ----------------------------------------------------------------


class SiteServer(ThreadingHTTPServer):
    """A static host on 127.0.0.1; a browser hanging up mid-response is not an error here."""

    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class SiteHandler(SimpleHTTPRequestHandler):
    """Static files with keep-alive and no access log on the test output."""

    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # noqa: A002 (signature of the base class)
        pass


@dataclass
class Traffic:
    """Every request the browser context made, what went wrong with them, and what is still open."""

    origin: str
    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    pending: set = field(default_factory=set)
    last_activity: float = 0.0

    def clear(self) -> None:
        self.requests.clear()
        self.foreign.clear()
        self.errors.clear()
        self.pending.clear()

    def started(self, request) -> None:
        self.requests.append(request.url)
        self.pending.add(request)
        self.last_activity = time.monotonic()

    def ended(self, request) -> None:
        self.pending.discard(request)
        self.last_activity = time.monotonic()

    def quiet_for(self) -> float:
        """Seconds since the last request started or ended, 0 while one is open."""
        return 0.0 if self.pending else time.monotonic() - self.last_activity

    def is_local(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            return True
        return f"{parts.scheme}://{parts.netloc}" == self.origin


@dataclass
class ServedSite:
    built: BuiltSite
    origin: str

    @property
    def root(self) -> Path:
        return self.built.root

    def url(self, path: str) -> str:
        return self.origin + path

    def paths(self, edition: str | None = None) -> list[str]:
        """URL paths of every page of one edition (both if None), discovered in the build."""
        found = []
        for name in [edition] if edition else EDITIONS:
            for page in self.built.pages(name):
                relative = page.parent.relative_to(self.root).as_posix()
                found.append("/" if relative == "." else f"/{relative}/")
        return found

    def paths_with(self, css: str, edition: str | None = None) -> list[str]:
        """Pages whose built HTML has an element matching `css` (read with BeautifulSoup)."""
        return [path for path in self.paths(edition) if self.html(path).select_one(css) is not None]

    def html(self, path: str) -> BeautifulSoup:
        file = self.root / path.strip("/") / "index.html"
        return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def watch_policy(context) -> None:
    """Record every Content Security Policy violation of the context's pages: the
    securitypolicyviolation event (an init script, before any page script) and Chromium's
    console line for it; `take_policy_violations` hands them over."""
    context.expose_binding("__reportPolicyViolation", lambda source, text: _violations.append(f"{source['page'].url}: {text}"))
    context.add_init_script(POLICY_LISTENER)
    context.on("console", lambda message: _violations.append(f"{message.page.url if message.page else '?'}: console: {message.text}")
               if message.type == "error" and "Content Security Policy" in message.text else None)


def take_policy_violations() -> list[str]:
    """The violations recorded since the last call, each once."""
    taken = list(dict.fromkeys(_violations))
    _violations.clear()
    return taken


def recorded_context(browser, site, traffic, **options):
    context = browser.new_context(base_url=site.origin, **options)
    context.set_default_timeout(TIMEOUT_MS)
    watch_policy(context)
    context.on("request", traffic.started)
    context.on("requestfinished", traffic.ended)
    context.on("requestfailed", traffic.ended)
    context.on("response", partial(_record_error, traffic))
    context.route("**/*", partial(_only_local, traffic))
    yield context
    context.close()


def _record_error(traffic: Traffic, response) -> None:
    if response.status >= 400:
        traffic.errors.append(f"{response.status} {response.url}")


def _only_local(traffic: Traffic, route) -> None:
    url = route.request.url
    if traffic.is_local(url):
        route.continue_()
    else:
        traffic.foreign.append(url)
        route.abort("blockedbyclient")


# --- data -------------------------------------------------------------------

DEFAULT_CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium's own connections (updates,
# safe browsing) are refused by the closed network; they are not page traffic.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
TIMEOUT_MS = 10_000
# Reports each violation to the test (watch_policy); in every frame, before the page's own scripts.
POLICY_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => window.__reportPolicyViolation(
  `${event.effectiveDirective} refused ${event.blockedURI || "?"}` +
  (event.sample ? ` (${event.sample})` : "") + ` at ${event.sourceFile || event.documentURI}:${event.lineNumber}`));
"""
# Violations of every watched context of this test process, until a test takes them.
_violations: list[str] = []
