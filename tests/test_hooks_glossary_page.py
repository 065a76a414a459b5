"""hooks/cross_links.py on the small site: glossary entries rendered from front matter."""

from __future__ import annotations

import pytest

from cross_links import USED_IN_LIMIT
from hook_fixtures import NOTICE_DIR, build_small_site, link_target, provision_page

GLOSSARY = {"en": "glossary/index.html", "zh": "zh/glossary/index.html"}


def _entry(heading) -> list:
    """The elements of one glossary entry: everything after its heading up to the next one."""
    elements = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        elements.append(sibling)
    return elements


def test_every_term_has_an_entry_anchored_at_its_id_in_both_editions(small_site):
    for page in GLOSSARY.values():
        ids = [h["id"] for h in small_site.html(page).find_all("h2")]
        assert ids == ["apostille", "category-a", "job-transfer"], f"{page}: entries {ids}"


def test_an_entry_shows_both_languages_other_names_and_the_meaning_in_the_readers_language(small_site):
    soup = small_site.html(GLOSSARY["zh"])
    heading = soup.find("h2", id="apostille")
    assert heading.get_text(" ", strip=True).startswith("附加证明书 · Apostille"), heading
    entry = " ".join(element.get_text(" ", strip=True) for element in _entry(heading))
    assert "海牙认证" in entry and "取代领事认证的证明。" in entry, entry


def test_used_in_lists_the_pages_whose_text_uses_the_term(small_site):
    soup = small_site.html(GLOSSARY["en"])
    uses = {}
    for heading in soup.find_all("h2"):
        block = [element for element in _entry(heading) if "term-uses" in element.get("class", [])]
        uses[heading["id"]] = [a.get_text() for found in block for a in found.select("a")]
    # Short titles: a common term's list must stay short (the cap is tested below).
    assert uses == {
        "apostille": ["Provision 2"],
        "category-a": ["Provision 1", "Provision 3"],
        "job-transfer": ["Provision 1"],
    }


def test_used_in_links_reach_the_pages(small_site):
    for page in GLOSSARY.values():
        for link in small_site.html(page).select(".term-uses a"):
            assert link_target(small_site, page, link["href"])[0].exists(), f"{page}: {link['href']} leads nowhere"


def _category_a_provision(number: int, zh: bool) -> str:
    title = f"附加条款{number}" if zh else f"Extra {number}"
    return provision_page(
        number, f"provision-{number}", title, "[category-a]", "[]", "Category A rules.",
        "Category A applies. Second sentence.", "A类适用。第二句。", zh_first=zh,
    )


@pytest.fixture(scope="module")
def common_term_site(tmp_path_factory):
    """The small site with two more provisions that use "Category A": four uses in all."""
    extra = {
        f"{folder}/{NOTICE_DIR}/extra-{n}.md": _category_a_provision(n, folder == "docs_zh")
        for folder in ("docs", "docs_zh")
        for n in (8, 9)
    }
    site, returncode = build_small_site(tmp_path_factory.mktemp("common-term"), extra)
    assert returncode == 0, site.log
    return site


def test_the_glossary_names_a_few_pages_per_term_and_counts_the_rest(common_term_site):
    assert USED_IN_LIMIT == 3, "this test's four uses assume a cap of three"
    heading = common_term_site.html(GLOSSARY["en"]).find("h2", id="category-a")
    uses = next(element for element in _entry(heading) if "term-uses" in element.get("class", []))
    assert [a.get_text() for a in uses.select("a")] == ["Provision 1", "Provision 3", "Provision 8"], uses
    assert uses.get_text().strip().endswith("and 1 more"), uses
