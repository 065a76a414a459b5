"""The real site's cross-links: from any provision page, in either edition, one click reaches every
related provision and its view, and the glossary entry of every term the page uses.

Expectations come from the Markdown sources' front matter, read here with PyYAML, never from the hooks.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import Comment

from conftest import ROOT
from hook_fixtures import ids_on, link_target

EDITIONS = {"en": (ROOT / "docs", ""), "zh": (ROOT / "docs_zh", "zh/")}
# Where a term is left unlinked on purpose: headings, links, code, quoted words, generated lists,
# editors' opt-out.
SKIPPED = (
    "h1, h2, h3, h4, h5, h6, a, code, pre, .admonition-title, "
    ".official-text, .reindeer-view, .view-excerpt, .cross-links, .no-glossary"
)


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    return yaml.safe_load(match.group(1)) if match else {}


def _sources(edition: str) -> dict[str, dict]:
    """Page source path (relative to its docs folder) -> front matter, for every page of an edition."""
    folder, _ = EDITIONS[edition]
    return {p.relative_to(folder).as_posix(): _front_matter(p) for p in sorted(folder.rglob("*.md"))}


def _built(edition: str, src: str) -> str:
    """'notices/ningbo-2023-work-permits/apostille.md' -> 'zh/notices/ningbo-2023-work-permits/apostille/index.html'."""
    stem = src[: -len(".md")]
    path = "" if stem == "index" else (stem[: -len("index")] if stem.endswith("/index") else f"{stem}/")
    return f"{EDITIONS[edition][1]}{path}index.html"


def _linked_pages(edition: str) -> dict[str, tuple[str, dict]]:
    """id -> (built page, front matter) for the provision and process pages of an edition."""
    return {
        meta["id"]: (_built(edition, src), meta)
        for src, meta in _sources(edition).items()
        if meta.get("kind") in ("provision", "process")
    }


def _related_hrefs(site, page: str) -> set[tuple[str, str]]:
    """(built page, fragment) of every link in a page's Related provisions section (none: empty)."""
    section = site.html(page).select_one(".related-provisions")
    if section is None:
        return set()
    return {
        (str(target.relative_to(site.root)), fragment)
        for target, fragment in (link_target(site, page, a["href"]) for a in section.select("a[href]"))
    }


def _terms(edition: str) -> list[dict]:
    glossary = [meta for meta in _sources(edition).values() if meta.get("kind") == "glossary"]
    return glossary[0]["terms"] if glossary else []


def _uses(text: str, name: str) -> bool:
    """Whether the page uses the name as the term: not inside quotation marks, not as a verb."""
    text = re.sub(r"“[^”]*”|\"[^\"]*\"", " ", text)
    if re.search(r"[\u3400-\u9fff]", name):
        return name in text
    verb = rf"\b(?:to|can|could|may|might|must|shall|should|will|would|you|they|we|I)\s+{re.escape(name)}\b" if name.islower() else None
    if verb:
        text = re.sub(verb, " ", text, flags=re.I)
    return re.search(rf"(?<![A-Za-z0-9]){re.escape(name)}(?![A-Za-z0-9])", text, re.I) is not None


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_provision_page_links_to_the_pages_it_names_and_their_views(built_site, edition):
    pages = _linked_pages(edition)
    for page_id, (page, meta) in pages.items():
        links = _related_hrefs(built_site, page)
        for other in meta.get("related") or []:
            if other in pages and other != page_id:
                target = pages[other][0]
                assert (target, "") in links, f"{page}: no link to {other}, which its front matter names"
                if "reindeer-view" in ids_on(built_site, built_site.root / target):
                    assert (target, "reindeer-view") in links, f"{page}: no link to the view of {other}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_provision_page_links_to_the_pages_that_name_it(built_site, edition):
    pages = _linked_pages(edition)
    for page_id, (page, _) in pages.items():
        for other_id, (other_page, other_meta) in pages.items():
            if other_id != page_id and page_id in (other_meta.get("related") or []):
                assert (other_page, "") in _related_hrefs(built_site, page), (
                    f"{page}: {other_id} names this page in its related, but this page does not link back"
                )


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_provision_page_links_to_the_pages_for_the_same_readers(built_site, edition):
    pages = _linked_pages(edition)
    for page_id, (page, meta) in pages.items():
        tags = set(meta.get("applies_to") or [])
        for other_id, (other_page, other_meta) in pages.items():
            if other_id != page_id and tags & set(other_meta.get("applies_to") or []):
                assert (other_page, "") in _related_hrefs(built_site, page), (
                    f"{page}: {other_id} applies to the same readers but is not listed"
                )


@pytest.mark.parametrize("edition", EDITIONS)
def test_related_links_reach_their_pages_and_anchors(built_site, edition):
    for page, _ in _linked_pages(edition).values():
        for target, fragment in _related_hrefs(built_site, page):
            assert (built_site.root / target).exists(), f"{page}: a related link to {target} leads nowhere"
            assert not fragment or fragment in ids_on(built_site, built_site.root / target), (
                f"{page}: a related link to {target}#{fragment} lands on no anchor"
            )


@pytest.mark.parametrize("edition", EDITIONS)
def test_related_provisions_are_titled_in_the_readers_language(built_site, edition):
    pages = _linked_pages(edition)
    titles = {page: meta["title"] for page, meta in pages.values()}
    links = [
        (page, link)
        for page, _ in pages.values()
        for link in built_site.html(page).select(".related-provisions strong a[href]")
    ]
    assert links, f"no related provisions on any {edition} page"
    for page, link in links:
        target = str(link_target(built_site, page, link["href"])[0].relative_to(built_site.root))
        assert titles[target] in link.get_text(), f"{page}: {link.get_text()!r} is not the {edition} title"


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_glossary_term_a_provision_page_uses_links_to_its_entry(built_site, edition):
    terms = _terms(edition)
    assert terms, f"no glossary terms in the {edition} glossary's front matter"
    for page, _ in _linked_pages(edition).values():
        article = built_site.html(page).select_one("article")
        linked = {a["href"].rsplit("#", 1)[-1] for a in article.select("a.glossary-term")}
        for element in article.select(SKIPPED):
            element.decompose()
        text = article.get_text(" ")
        for term in terms:
            names = [term.get("en"), term.get("zh"), *(term.get("also") or [])]
            used = [name for name in names if name and _uses(text, str(name))]
            assert not used or term["id"] in linked, (
                f"{page}: uses {used[0]!r} but nothing on the page links to the glossary entry #{term['id']}"
            )


@pytest.mark.parametrize("edition", EDITIONS)
def test_glossary_links_reach_an_entry_in_the_same_edition(built_site, edition):
    glossary = built_site.root / _built(edition, "glossary.md")
    entries = ids_on(built_site, glossary)
    for path in built_site.pages(edition):
        page = str(path.relative_to(built_site.root))
        for link in built_site.html(page).select("a.glossary-term"):
            target, fragment = link_target(built_site, page, link["href"])
            assert target == glossary, f"{page}: glossary link {link['href']} leaves the {edition} glossary"
            assert fragment in entries, f"{page}: the glossary has no entry #{fragment}"
            assert link.get("title"), f"{page}: {link.get_text()!r} gives no meaning on hover"


def test_glossary_links_skip_headings_links_code_and_quoted_words_and_link_each_term_once(built_site):
    for edition in EDITIONS:
        for path in built_site.pages(edition):
            page = str(path.relative_to(built_site.root))
            soup = built_site.html(page)
            inside = [
                a
                for a in soup.select("a.glossary-term")
                if a.find_parent(["h1", "h2", "h3", "h4", "code", "pre", "a"])
                or a.find_parent(class_=["official-text", "reindeer-view", "view-excerpt", "cross-links"])
            ]
            assert not inside, f"{page}: glossary links inside headings, links, code or quoted words: {inside[:2]}"
            targets = [a["href"] for a in soup.select("a.glossary-term")]
            assert len(targets) == len(set(targets)), f"{page}: a term is linked more than once"


def test_english_pages_give_the_chinese_term_on_first_use(built_site):
    chinese_of = {term["id"]: term["zh"] for term in _terms("en")}
    for path in built_site.pages("en"):
        page = str(path.relative_to(built_site.root))
        for link in built_site.html(page).select("a.glossary-term"):
            if re.search(r"[\u3400-\u9fff]", link.get_text()):
                continue
            following = "".join(s if isinstance(s, str) else s.get_text() for s in link.next_siblings)
            if re.match(r"['’]s\b", following):
                continue  # no gloss between a name and its possessive ("Bureau's")
            zh = chinese_of[link["href"].rsplit("#", 1)[-1]]
            if link.get("title", "").startswith(f"{zh}: "):
                continue  # a bracket follows or encloses the term: the Chinese is on hover, not doubled brackets
            assert zh in following[: len(zh) + 4], f"{page}: {link.get_text()!r} is not followed by ({zh})"


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_glossary_has_an_entry_for_every_term(built_site, edition):
    entries = ids_on(built_site, built_site.root / _built(edition, "glossary.md"))
    missing = [term["id"] for term in _terms(edition) if term["id"] not in entries]
    assert not missing, f"{edition} glossary: no entry for {missing}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_views_index_lists_every_view_under_each_of_its_audiences(built_site, edition):
    index = _built(edition, "views.md")
    soup = built_site.html(index)
    for page, meta in _linked_pages(edition).values():
        if "reindeer-view" not in ids_on(built_site, built_site.root / page):
            continue
        for tag in meta.get("applies_to") or ["everyone"]:
            heading = soup.find("h2", id=tag)
            assert heading is not None, f"{index}: no group for {tag}"
            group = heading.find_next_sibling("ul")
            targets = {link_target(built_site, index, a["href"]) for a in group.select("a[href]")}
            assert (built_site.root / page, "reindeer-view") in targets, f"{index}: {page}'s view missing under {tag}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_cards_list_every_provision_on_the_home_page_and_the_provisions_index(built_site, edition):
    provisions = {page for page, meta in _linked_pages(edition).values() if meta["kind"] == "provision"}
    for index in (_built(edition, "index.md"), _built(edition, "notices/ningbo-2023-work-permits/index.md")):
        cards = built_site.html(index).select(".provision-cards > ul > li strong a[href]")
        shown = {str(link_target(built_site, index, a["href"])[0].relative_to(built_site.root)) for a in cards}
        assert shown == provisions, f"{index}: cards for {sorted(shown)}, provisions are {sorted(provisions)}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_audience_in_use_has_a_page_listing_its_provisions(built_site, edition):
    for page, meta in _linked_pages(edition).values():
        for tag in meta.get("applies_to") or []:
            audience = f"{EDITIONS[edition][1]}audiences/{tag}/index.html"
            assert (built_site.root / audience).exists(), f"no {audience} for {page}"
            listed = {
                link_target(built_site, audience, a["href"])[0]
                for a in built_site.html(audience).select(".audience-page a[href]")
            }
            assert built_site.root / page in listed, f"{audience} does not list {page}"


def test_no_page_marker_is_left_unrendered(built_site):
    for edition in EDITIONS:
        for path in built_site.pages(edition):
            page = str(path.relative_to(built_site.root))
            comments = built_site.html(page).find_all(string=lambda text: isinstance(text, Comment))
            markers = [c for c in comments if re.fullmatch(r"\s*[a-z-]+:[a-z-]+\s*", c)]
            assert not markers, f"{page}: marker {markers} shows nothing to readers"


def test_search_finds_the_chinese_term_on_english_pages(built_site):
    index = json.loads((built_site.root / "search/search_index.json").read_text(encoding="utf-8"))
    english = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("notices/ningbo-2023-work-permits/apostille/"))
    assert "附加证明书" in english.replace("\u200b", ""), "the Chinese term added on first use is not searchable"


def test_search_finds_audience_pages_but_not_the_lists_repeated_across_pages(built_site):
    index = json.loads((built_site.root / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert "audiences/category-a/" in locations, "a search for Category A cannot find its audience page"
    repeated = sorted(loc for loc in locations if loc.endswith("#related-provisions"))
    assert not repeated, f"search results would list every page's related section: {repeated[:3]}"
    category_a = " ".join(doc["text"] for doc in index["docs"] if doc["location"] == "audiences/category-a/")
    assert "Provision 1:" not in category_a, "the audience page's list of provisions is indexed again"
    views = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("views/"))
    assert "Read the full Reindeer View" not in views, "search would send readers to the views index, not the view"


def test_no_gloss_makes_doubled_brackets(built_site):
    doubled = []
    for path in built_site.pages("en"):
        page = str(path.relative_to(built_site.root))
        for gloss in built_site.html(page).select("span.glossary-term__zh"):
            following = "".join(s if isinstance(s, str) else s.get_text() for s in gloss.next_siblings)
            if re.match(r"\s*[()（）]", following):
                doubled.append(f"{page}: {gloss.get_text()}{following[:20]}")
    assert not doubled, f"readers see a gloss next to another bracket: {doubled}"
