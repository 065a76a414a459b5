"""The browser itself keeps the promise "nothing from elsewhere, no script staff did not write" (#28).

Every page the browser tests open is watched for Content Security Policy violations
(conftest.py, `watch_policy`); here, the pages no sweep opens (each edition's 404 page and a
redirect page), and proof that the policy refuses what the build checks should have caught:
a copy of one built page with an inline script and an image from another host added.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import take_policy_violations
from .site_ui import visit

pytestmark = pytest.mark.browser

# --- fixtures ---------------------------------------------------------------


@pytest.fixture(scope="module")
def injected(site):
    """Two tampered copies of the built FAQ page beside it, served by the test site: an inline
    script and an image from another host added after <body>, one copy with the page's policy
    and one without. Removed again after the module (no sweep lists them: not index.html)."""
    folder = site.root / "faq"
    page = (folder / "index.html").read_text(encoding="utf-8")
    body = page.index(">", page.index("<body")) + 1
    tampered = page[:body] + INJECTED + page[body:]
    policy = tampered.index('<meta http-equiv="Content-Security-Policy"')
    copies = {
        "/faq/injected.html": tampered,
        "/faq/unprotected.html": tampered[:policy] + tampered[tampered.index(">", policy) + 1 :],
    }
    for path, text in copies.items():
        (site.root / path.lstrip("/")).write_text(text, encoding="utf-8")
    yield list(copies)
    for path in copies:
        (site.root / path.lstrip("/")).unlink()


# --- tests ------------------------------------------------------------------


def test_browser_refuses_an_injected_script_and_an_image_from_another_host(injected, page, traffic):
    tab, failed = page, {}
    traffic.clear()
    tab.on("requestfailed", lambda request: failed.setdefault(request.url, request.failure))
    visit(tab, "/faq/injected.html")
    expect(tab.locator("h1")).to_be_visible()
    tab.wait_for_timeout(300)  # violation reports are queued tasks
    refused = take_policy_violations()
    assert tab.evaluate("window.injectedScriptRan === undefined"), "the injected inline script ran"
    assert tab.evaluate("document.title") != "injected", "the injected inline script changed the page"
    assert any("script-src" in line and "refused inline (window.injectedScriptRan" in line for line in refused), (
        f"no violation was reported for the injected inline script: {refused}"
    )
    assert any("img-src" in line and OTHER_HOST in line for line in refused), (
        f"no violation was reported for the image from another host: {refused}"
    )
    # Chromium lists the refused image as a request that failed inside the browser; it never
    # reached the network (the context's route, which records and refuses other hosts).
    image = f"http://{OTHER_HOST}/x.png"
    assert failed.get(image) == "csp", f"the image was not blocked by the policy: {failed}"
    assert not [url for url in traffic.foreign if OTHER_HOST in url], "the image request left the browser"
    # The site's own inline scripts (their hashes) and files still ran: Material's bundle replaced no-js.
    assert tab.evaluate("typeof __md_scope") == "object", "the page's own hashed inline script did not run"
    assert "no-js" not in tab.evaluate("document.documentElement.className"), "Material's script did not run"


def test_without_its_policy_the_same_copy_runs_the_script_and_asks_the_other_host(injected, page, traffic):
    """The check above can fail: the same tampered page without the <meta> does both."""
    tab = page
    traffic.clear()
    visit(tab, "/faq/unprotected.html")
    expect(tab.locator("h1")).to_be_visible()
    assert tab.evaluate("window.injectedScriptRan") is True, "without a policy the injected script should run"
    assert [url for url in traffic.foreign if OTHER_HOST in url], (
        f"without a policy the image should be asked of the other host: {traffic.requests}"
    )
    assert not take_policy_violations(), "a page without a policy reported violations"


@pytest.mark.parametrize("edition", ["en", "zh"])
def test_404_page_keeps_its_policy(site, page, edition):
    """Hosts serve 404.html at every missing address; its scripts run under the policy too."""
    path = "/zh/404.html" if edition == "zh" else "/404.html"
    visit(page, path)
    expect(page.locator("#not-found")).to_be_visible()
    assert "no-js" not in page.evaluate("document.documentElement.className"), f"{path}: Material's script did not run"
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1, f"{path} has no policy"


@pytest.mark.parametrize("edition", ["en", "zh"])
def test_redirect_page_still_redirects_under_its_policy(site, page, edition):
    redirect = site.built.redirects(edition)[0]
    old = "/" + redirect.parent.relative_to(site.root).as_posix() + "/"
    visit(page, old, until="commit")
    page.wait_for_url(lambda url: not url.endswith(old))
    page.wait_for_load_state("load")
    expect(page.locator("h1")).to_be_visible()


# --- data -------------------------------------------------------------------

OTHER_HOST = "other.host.invalid"
INJECTED = (
    '<script>window.injectedScriptRan = true; document.title = "injected"</script>'
    f'<img src="http://{OTHER_HOST}/x.png" alt="">'
)
