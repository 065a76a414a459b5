"""Every page of both editions, opened once: what it asks for, what axe finds, where its language switch leads.

One visit per page serves three checks that each need every page (a visit is most of their
cost): the requests it makes until its scripts stop fetching (nothing from another host, no
error response, both editions' sitemaps for the language selector), axe-core's serious and
critical findings, and the header's language selector, driven as a reader does it (hover,
click), landing on the same page of the other edition.

In mainland China a request to a blocked host (fonts, analytics, CDNs) stalls the page; a 404
is a broken feature. axe-core comes bundled with axe-playwright-python (requirements.txt);
moderate and minor findings are not failures here, serious and critical ones block a
screen-reader or keyboard user, or make text unreadable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from .site_ui import EDITIONS, counterpart, edition_of, other_edition, settle, switch_language, visit

pytestmark = pytest.mark.browser


@dataclass
class Visit:
    """What one page did while it loaded, and where its language switch took the reader."""

    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    switched_to: str = ""


@pytest.fixture(scope="module")
def visits(site, context, traffic) -> dict[str, Visit]:
    """Open every page of both editions once, until its network is idle; run axe; switch language."""
    tab, axe, found = context.new_page(), Axe(), {}
    for path in site.paths():
        traffic.clear()
        visit(tab, path)
        settle(tab, traffic)
        assert site.url(path) in traffic.requests, f"the request recording missed the page {path} itself"
        seen = Visit(list(traffic.requests), list(traffic.foreign), list(traffic.errors))
        for violation in axe.run(tab).response["violations"]:
            if violation["impact"] in BLOCKING:
                targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
                seen.violations.append(f"{violation['id']} ({violation['impact']}): {violation['help']}; at {targets[:5]}")
        seen.switched_to = urlsplit(switch_language(tab, other_edition(edition_of(path)))).path
        # Leave the page it landed on before the next page's recording starts: its search worker, still
        # loading when the next page replaced it, never reported an end and held that page's quiet spell.
        tab.goto("about:blank")
        found[path] = seen
    tab.close()
    return found


# --- what each page asks for ------------------------------------------------------


def test_no_page_load_requests_another_host(visits):
    leaks = {path: seen.foreign for path, seen in visits.items() if seen.foreign}
    assert not leaks, (
        "pages asked another host than the site (a reader in China waits for these to time out): "
        f"{leaks}"
    )


def test_no_page_load_gets_an_error_response(visits):
    broken = {path: seen.errors for path, seen in visits.items() if seen.errors}
    assert not broken, f"pages requested files that answered with an error: {broken}"


def test_language_selector_finds_the_sitemap_of_each_edition(site, visits):
    """Material fetches sitemap.xml beside every hreflang alternate to map pages between editions."""
    wanted = {site.url("/sitemap.xml"), site.url("/zh/sitemap.xml")}
    missing = {path: sorted(wanted - set(seen.requests)) for path, seen in visits.items()}
    missing = {path: urls for path, urls in missing.items() if urls}
    assert not missing, f"pages whose language selector never fetched both editions' sitemaps: {missing}"


# --- accessibility ----------------------------------------------------------------


@pytest.mark.parametrize("edition", EDITIONS)
def test_no_serious_or_critical_violation_on_any_page(site, visits, edition):
    found = [f"{path}: {violation}" for path in site.paths(edition) for violation in visits[path].violations]
    assert not found, "accessibility violations a reader with a screen reader or low vision would hit:\n" + "\n".join(
        found
    )


# --- the language switch ----------------------------------------------------------


@pytest.mark.parametrize("edition", EDITIONS)
def test_language_switch_lands_on_the_counterpart_of_every_page(site, visits, edition):
    wrong = {path: visits[path].switched_to for path in site.paths(edition) if visits[path].switched_to != counterpart(path)}
    assert not wrong, f"switching language lands readers on another page (page: landed on): {wrong}"


# --- data -------------------------------------------------------------------

BLOCKING = {"serious", "critical"}
