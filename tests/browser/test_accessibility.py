"""axe-core finds no serious or critical accessibility violation on any page of either edition.

axe-core comes bundled with axe-playwright-python (requirements.txt). Moderate and
minor findings are not failures here; serious and critical ones block a screen-reader
or keyboard user, or make text unreadable.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .site_ui import EDITIONS, visit

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.mark.parametrize("edition", EDITIONS)
def test_no_serious_or_critical_violation_on_any_page(site, page, axe, edition):
    found = []
    for path in site.paths(edition):
        visit(page, path)
        for violation in axe.run(page).response["violations"]:
            if violation["impact"] in BLOCKING:
                targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
                found.append(f"{path}: {violation['id']} ({violation['impact']}): {violation['help']}; at {targets[:5]}")
    assert not found, "accessibility violations a reader with a screen reader or low vision would hit:\n" + "\n".join(
        found
    )


# --- data -------------------------------------------------------------------

BLOCKING = {"serious", "critical"}
