"""The real site's cross-links: from any provision page, in either edition, one click reaches every
related provision and its view, and the glossary entry of every term the page uses.

Expectations come from the Markdown sources' front matter, read here with PyYAML, never from the hooks.
Tests of rules take `any_site`: they run on the real site and again on a copy in which an editor
added a second notice and a glossary term (tests/new_notice_copy.py), so none assumes today's content.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import Comment

from conftest import BuiltSite
from content.model import CURRENT_STATUSES
from hook_fixtures import ids_on, link_target

EDITIONS = {"en": "", "zh": "zh/"}  # edition -> where its pages are built
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


def _sources(site: BuiltSite, edition: str) -> dict[str, dict]:
    """Page source path (relative to its docs folder) -> front matter, for every page of an edition."""
    folder = site.sources(edition)
    return {p.relative_to(folder).as_posix(): _front_matter(p) for p in sorted(folder.rglob("*.md"))}


def _built(edition: str, src: str) -> str:
    """'notices/ningbo-2023-work-permits/apostille.md' -> 'zh/notices/ningbo-2023-work-permits/apostille/index.html'."""
    stem = src[: -len(".md")]
    path = "" if stem == "index" else (stem[: -len("index")] if stem.endswith("/index") else f"{stem}/")
    return f"{EDITIONS[edition]}{path}index.html"


def _linked_pages(site: BuiltSite, edition: str) -> dict[str, tuple[str, dict]]:
    """id -> (built page, front matter) for the provision and process pages of an edition."""
    return {
        meta["id"]: (_built(edition, src), meta)
        for src, meta in _sources(site, edition).items()
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


def _notices(site: BuiltSite, edition: str) -> dict[str, tuple[str, dict]]:
    """id -> (built page, front matter) for the notice pages of an edition."""
    return {meta["id"]: (_built(edition, src), meta) for src, meta in _sources(site, edition).items() if meta.get("kind") == "notice"}


def _current(meta: dict) -> bool:
    """Whether a notice's status says it applies (CONTRIBUTING "Add a notice": in-force or issued)."""
    return meta.get("status") in CURRENT_STATUSES


def _terms(site: BuiltSite, edition: str) -> list[dict]:
    glossary = [meta for meta in _sources(site, edition).values() if meta.get("kind") == "glossary"]
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
def test_every_provision_page_links_to_the_pages_it_names_and_their_views(any_site, edition):
    pages = _linked_pages(any_site, edition)
    for page_id, (page, meta) in pages.items():
        links = _related_hrefs(any_site, page)
        for other in meta.get("related") or []:
            if other in pages and other != page_id:
                target = pages[other][0]
                assert (target, "") in links, f"{page}: no link to {other}, which its front matter names"
                if "reindeer-view" in ids_on(any_site, any_site.root / target):
                    assert (target, "reindeer-view") in links, f"{page}: no link to the view of {other}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_provision_page_links_to_the_pages_that_name_it(any_site, edition):
    pages = _linked_pages(any_site, edition)
    for page_id, (page, _) in pages.items():
        for other_id, (other_page, other_meta) in pages.items():
            if other_id != page_id and page_id in (other_meta.get("related") or []):
                assert (other_page, "") in _related_hrefs(any_site, page), (
                    f"{page}: {other_id} names this page in its related, but this page does not link back"
                )


def _in_force(site: BuiltSite, edition: str) -> dict[str, tuple[str, dict]]:
    """The provision and process pages a reader is pointed to: those of no notice or of a notice in force."""
    notices = _notices(site, edition)
    return {page_id: (page, meta) for page_id, (page, meta) in _linked_pages(site, edition).items()
            if meta.get("notice") is None or _current(notices[meta["notice"]][1])}


# A page lists at most this many others for sharing an audience alone (the audience pages list them all).
SHARED_TAG_LIMIT = 12


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_provision_page_links_to_the_pages_for_the_same_readers(any_site, edition):
    """Every page in force for the same readers, or SHARED_TAG_LIMIT of them when there are more."""
    pages, candidates = _linked_pages(any_site, edition), _in_force(any_site, edition)
    for page_id, (page, meta) in pages.items():
        tags, links = set(meta.get("applies_to") or []), _related_hrefs(any_site, page)
        named = set(meta.get("related") or []) | {i for i, (_, m) in pages.items() if page_id in (m.get("related") or [])}
        sharing = [(i, p) for i, (p, m) in candidates.items() if i != page_id and i not in named and tags & set(m.get("applies_to") or [])]
        missing = [i for i, p in sharing if (p, "") not in links]
        assert not missing or len(sharing) - len(missing) >= SHARED_TAG_LIMIT, (
            f"{page}: {missing[0] if missing else ''} applies to the same readers but is not listed"
        )


@pytest.mark.parametrize("edition", EDITIONS)
def test_related_links_reach_their_pages_and_anchors(any_site, edition):
    for page, _ in _linked_pages(any_site, edition).values():
        for target, fragment in _related_hrefs(any_site, page):
            assert (any_site.root / target).exists(), f"{page}: a related link to {target} leads nowhere"
            assert not fragment or fragment in ids_on(any_site, any_site.root / target), (
                f"{page}: a related link to {target}#{fragment} lands on no anchor"
            )


@pytest.mark.parametrize("edition", EDITIONS)
def test_related_provisions_are_titled_in_the_readers_language(any_site, edition):
    pages = _linked_pages(any_site, edition)
    titles = {page: meta["title"] for page, meta in pages.values()}
    links = [
        (page, link)
        for page, _ in pages.values()
        for link in any_site.html(page).select(".related-provisions strong a[href]")
    ]
    assert links, f"no related provisions on any {edition} page"
    for page, link in links:
        target = str(link_target(any_site, page, link["href"])[0].relative_to(any_site.root))
        assert titles[target] in link.get_text(), f"{page}: {link.get_text()!r} is not the {edition} title"


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_glossary_term_a_provision_page_uses_links_to_its_entry(any_site, edition):
    terms = _terms(any_site, edition)
    assert terms, f"no glossary terms in the {edition} glossary's front matter"
    for page, _ in _linked_pages(any_site, edition).values():
        article = any_site.html(page).select_one("article")
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
def test_glossary_links_reach_an_entry_in_the_same_edition(any_site, edition):
    glossary = any_site.root / _built(edition, "glossary.md")
    entries = ids_on(any_site, glossary)
    for path in any_site.pages(edition):
        page = str(path.relative_to(any_site.root))
        for link in any_site.html(page).select("a.glossary-term"):
            target, fragment = link_target(any_site, page, link["href"])
            assert target == glossary, f"{page}: glossary link {link['href']} leaves the {edition} glossary"
            assert fragment in entries, f"{page}: the glossary has no entry #{fragment}"
            assert link.get("title"), f"{page}: {link.get_text()!r} gives no meaning on hover"


def test_glossary_links_skip_headings_links_code_and_quoted_words_and_link_each_term_once(any_site):
    for edition in EDITIONS:
        for path in any_site.pages(edition):
            page = str(path.relative_to(any_site.root))
            soup = any_site.html(page)
            inside = [
                a
                for a in soup.select("a.glossary-term")
                if a.find_parent(["h1", "h2", "h3", "h4", "code", "pre", "a"])
                or a.find_parent(class_=["official-text", "reindeer-view", "view-excerpt", "cross-links"])
            ]
            assert not inside, f"{page}: glossary links inside headings, links, code or quoted words: {inside[:2]}"
            targets = [a["href"] for a in soup.select("a.glossary-term")]
            assert len(targets) == len(set(targets)), f"{page}: a term is linked more than once"


def test_english_pages_give_the_chinese_term_on_first_use(any_site):
    chinese_of = {term["id"]: term["zh"] for term in _terms(any_site, "en")}
    for path in any_site.pages("en"):
        page = str(path.relative_to(any_site.root))
        for link in any_site.html(page).select("a.glossary-term"):
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
def test_the_glossary_has_an_entry_for_every_term(any_site, edition):
    entries = ids_on(any_site, any_site.root / _built(edition, "glossary.md"))
    missing = [term["id"] for term in _terms(any_site, edition) if term["id"] not in entries]
    assert not missing, f"{edition} glossary: no entry for {missing}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_views_index_lists_every_view_under_each_of_its_audiences_or_once_under_its_notice(any_site, edition):
    """One notice: each view under each audience it concerns. Several: each view of a notice in force once, under its notice."""
    index = _built(edition, "views.md")
    soup = any_site.html(index)
    notices = _notices(any_site, edition)
    for page, meta in _linked_pages(any_site, edition).values():
        if "reindeer-view" not in ids_on(any_site, any_site.root / page):
            continue
        notice = meta.get("notice")
        if notice and len(notices) > 1:
            if not _current(notices[notice][1]):
                continue  # an earlier notice: its views are on its own pages, the index names the notice
            groups = [notice]
        else:
            groups = meta.get("applies_to") or ["everyone"]
        for group_id in groups:
            heading = soup.find("h2", id=group_id)
            assert heading is not None, f"{index}: no group for {group_id}"
            group = heading.find_next_sibling("ul")
            targets = {link_target(any_site, index, a["href"]) for a in group.select("a[href]")}
            assert (any_site.root / page, "reindeer-view") in targets, f"{index}: {page}'s view missing under {group_id}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_home_page_shows_every_provision_of_every_notice_in_force_grouped_by_its_notice(any_site, edition):
    home = _built(edition, "index.md")
    soup = any_site.html(home)
    notices = _notices(any_site, edition)
    provisions = _linked_pages(any_site, edition).values()
    current = [notice_id for notice_id, (_, meta) in notices.items() if _current(meta)]
    assert current, f"no notice in force in the {edition} edition"
    cards = soup.select(".provision-cards > ul > li strong a[href]")
    shown = {str(link_target(any_site, home, a["href"])[0].relative_to(any_site.root)) for a in cards}
    expected = {page for page, meta in provisions if meta["kind"] == "provision" and meta.get("notice") in current}
    assert shown == expected, f"{home}: cards for {sorted(shown)}, provisions in force are {sorted(expected)}"
    if len(notices) > 1:
        for notice_id in current:
            heading = soup.find(id=notice_id)
            assert heading is not None, f"{home}: no heading for the notice {notice_id}"
            group = heading.find_next(class_="provision-cards")
            under = {str(link_target(any_site, home, a["href"])[0].relative_to(any_site.root)) for a in group.select("li strong a[href]")}
            own = {page for page, meta in provisions if meta.get("notice") == notice_id}
            assert under == own, f"{home}: under {notice_id} the cards are {sorted(under)}, its provisions {sorted(own)}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_each_notice_page_shows_the_cards_of_its_own_provisions(any_site, edition):
    provisions = _linked_pages(any_site, edition).values()
    for notice_id, (page, _) in _notices(any_site, edition).items():
        cards = any_site.html(page).select(".provision-cards > ul > li strong a[href]")
        shown = {str(link_target(any_site, page, a["href"])[0].relative_to(any_site.root)) for a in cards}
        own = {target for target, meta in provisions if meta.get("notice") == notice_id}
        assert own and shown == own, f"{page}: cards for {sorted(shown)}, its provisions are {sorted(own)}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_audience_in_use_has_a_page_listing_its_provisions(any_site, edition):
    """Every page in force (of a notice in force, or of none) is listed on the page of each of its audiences."""
    for page, meta in _in_force(any_site, edition).values():
        for tag in meta.get("applies_to") or []:
            audience = f"{EDITIONS[edition]}audiences/{tag}/index.html"
            assert (any_site.root / audience).exists(), f"no {audience} for {page}"
            listed = {
                link_target(any_site, audience, a["href"])[0]
                for a in any_site.html(audience).select(".audience-page a[href]")
            }
            assert any_site.root / page in listed, f"{audience} does not list {page}"


def test_no_page_marker_is_left_unrendered(any_site):
    for edition in EDITIONS:
        for path in any_site.pages(edition):
            page = str(path.relative_to(any_site.root))
            comments = any_site.html(page).find_all(string=lambda text: isinstance(text, Comment))
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


def test_no_gloss_makes_doubled_brackets(any_site):
    doubled = []
    for path in any_site.pages("en"):
        page = str(path.relative_to(any_site.root))
        for gloss in any_site.html(page).select("span.glossary-term__zh"):
            following = "".join(s if isinstance(s, str) else s.get_text() for s in gloss.next_siblings)
            if re.match(r"\s*[()（）]", following):
                doubled.append(f"{page}: {gloss.get_text()}{following[:20]}")
    assert not doubled, f"readers see a gloss next to another bracket: {doubled}"
