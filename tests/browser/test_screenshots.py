"""Screenshots of the key pages, for a person to look at: test-artifacts/screenshots/ (ignored by git).

Home, the first provision page and the port-visa page, in both editions, on a desktop
and on a phone. The tests check that each page loaded and each picture was written;
judging how it looks is the person's job.
"""

from __future__ import annotations

import pytest

from conftest import ROOT

from .site_ui import EDITIONS, counterpart, visit

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"


@pytest.fixture(scope="module")
def key_pages(site) -> dict[str, str]:
    """Name -> English path of each page to photograph."""
    provisions = site.paths_with(".official-text", "en")
    assert provisions, "no provision page (with an official text) to photograph"
    return {"home": "/", "provision": provisions[0], "port-visa": PORT_VISA}


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_key_pages_are_photographed(request, key_pages, edition, device):
    tab = request.getfixturevalue("page" if device == "desktop" else "mobile_page")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, path in key_pages.items():
        path = path if edition == "en" else counterpart(path)
        response = visit(tab, path, until="networkidle")
        assert response is not None and response.status == 200, f"{path} answered {response and response.status}"
        target = SCREENSHOTS / f"{name}-{edition}-{device}.png"
        target.unlink(missing_ok=True)
        tab.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > MIN_PNG_BYTES, f"{target.name} is empty: {path} rendered nothing"


# --- data -------------------------------------------------------------------

PORT_VISA = "/port-visa-transfer/"
MIN_PNG_BYTES = 5_000
