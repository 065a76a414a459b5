"""Adding a provision page is the only edit needed: every generated list picks it up."""

from __future__ import annotations

import pytest

from hook_fixtures import build_small_site, provision_page

NEW = {
    "docs/notices/small-2024-notice/family.md": provision_page(
        8,
        "provision-8",
        "Family members",
        "[family]",
        "[provision-3]",
        "Families.",
        "Family can come too. More.",
        "家属可随行。更多。",
    ),
    "docs_zh/notices/small-2024-notice/family.md": provision_page(
        8,
        "provision-8",
        "随行家属",
        "[family]",
        "[provision-3]",
        "家属。",
        "Family can come too.",
        "家属可随行。更多。",
        zh_first=True,
    ),
}


@pytest.fixture(scope="module")
def grown_site(tmp_path_factory):
    site, returncode = build_small_site(tmp_path_factory.mktemp("grown"), NEW)
    assert returncode == 0, site.log
    return site


def _texts(site, page, selector):
    return [element.get_text(" ", strip=True) for element in site.html(page).select(selector)]


def test_the_new_provision_gets_a_card(grown_site):
    assert any("随行家属" in card for card in _texts(grown_site, "zh/index.html", ".provision-cards > ul > li"))


def test_the_new_view_appears_in_the_views_index_under_its_audience(grown_site):
    heading = grown_site.html("views/index.html").find("h2", id="family")
    assert heading is not None, "no Accompanying family group in the views index"
    assert "Family can come too." in heading.find_next_sibling("ul").get_text(" ", strip=True)


def test_the_new_audience_gets_its_page(grown_site):
    assert (grown_site.root / "zh/audiences/family/index.html").exists()


def test_the_page_it_names_lists_it_back(grown_site):
    related = _texts(grown_site, "zh/notices/small-2024-notice/research/index.html", ".related-provisions strong a")
    assert "第8条：随行家属" in related, f"provision 3 does not list provision 8, which names it: {related}"
