"""The knowledge base content: seven provisions, the port visa page, glossary, FAQ and About.

Source tests read the front matter staff edit in docs/ and docs_zh/ (YAML, parsed with
yaml.safe_load). Built-site tests read the HTML a reader gets (BeautifulSoup) from the
session's strict build. The page list, ids and section ids are the contract the hooks and
the other pages link against, so they are spelled out here rather than read from the pages.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml

from conftest import ROOT
from content.model import AUDIENCES, CHANGES, required_keys

EDITIONS = ("en", "zh")
SOURCE_DIRS = {"en": ROOT / "docs", "zh": ROOT / "docs_zh"}

# path -> (id, kind), identical in both editions.
PAGES = {
    "index.md": ("home", "home"),
    "notices/ningbo-2023-work-permits/index.md": ("ningbo-2023-work-permits", "notice"),
    "notices/ningbo-2023-work-permits/yrd-green-channel.md": ("provision-1", "provision"),
    "notices/ningbo-2023-work-permits/apostille.md": ("provision-2", "provision"),
    "notices/ningbo-2023-work-permits/work-residence-one-service.md": ("provision-3", "provision"),
    "notices/ningbo-2023-work-permits/commitment-and-tolerance.md": ("provision-4", "provision"),
    "notices/ningbo-2023-work-permits/same-job-transfer.md": ("provision-5", "provision"),
    "notices/ningbo-2023-work-permits/online-service.md": ("provision-6", "provision"),
    "notices/ningbo-2023-work-permits/expert-services.md": ("provision-7", "provision"),
    "port-visa-transfer.md": ("port-visa-transfer", "process"),
    "views.md": ("reindeer-views", "index"),
    "glossary.md": ("glossary", "glossary"),
    "faq.md": ("faq", "faq"),
    "about.md": ("about", "about"),
}
PROVISIONS = [path for path, (_, kind) in PAGES.items() if kind == "provision"]
NOTICE_ID = "ningbo-2023-work-permits"
NOTICE_PAGE = f"notices/{NOTICE_ID}/index.md"
PROVISION_IDS = {PAGES[path][0] for path in PROVISIONS}


def _content_provision_ids(project: Path = ROOT) -> set[str]:
    """The id of every provision page in docs/, of any notice: what a glossary term or `related` may name."""
    ids = set()
    for path in sorted((project / "docs").rglob("*.md")):
        match = re.match(r"\A---\n(.*?\n)---\n", path.read_text(encoding="utf-8"), re.S)
        meta = yaml.safe_load(match.group(1)) if match else None
        if isinstance(meta, dict) and meta.get("kind") == "provision" and isinstance(meta.get("id"), str):
            ids.add(meta["id"])
    return ids


# Every provision of every notice, read from the content: staff add notices without editing this file.
ALL_PROVISION_IDS = _content_provision_ids()

# Only where a source compares with earlier policy (the Reindeer Views of 2, 5 and 6).
CHANGE_BY_SOURCE = {"provision-2": "now-applied", "provision-5": "widened", "provision-6": "unchanged"}

# Keys that must read the same in both editions (titles and descriptions are translated).
SHARED_KEYS = ("id", "kind", "number", "issued", "issuer", "name", "status", "notice", "applies_to", "related", "change", "reviewed")

# The answer first (issue #30): our summary, then the texts it summarises, then their sources.
PROVISION_SECTIONS = ["what-this-means", "official-text", "reindeer-view", "sources"]

FAQ_IDS = [
    "consular-legalisation",
    "apostille-original-or-copy",
    "criminal-record-check",
    "my-country-apostille",
    "bureau-accepting-apostilles",
    "changing-employer",
    "same-position-transfer",
    "extend-online",
    "when-to-renew",
    "port-visa-on-arrival",
]

ROUTES = {
    "en": ["Ningbo Lishe International Airport", "Shanghai", "Beijing", "Guangzhou", "Hangzhou"],
    "zh": ["宁波栎社国际机场", "上海", "北京", "广州", "杭州"],
}

START_HERE_TARGETS = [
    "notices/ningbo-2023-work-permits/yrd-green-channel.md",  # Category A moving within the Yangtze River Delta
    "notices/ningbo-2023-work-permits/same-job-transfer.md",  # changing employer for the same job
    "notices/ningbo-2023-work-permits/work-residence-one-service.md",  # extending
    "notices/ningbo-2023-work-permits/commitment-and-tolerance.md",  # research hire waiting for degree papers
    "port-visa-transfer.md",  # must enter urgently
]

CJK = re.compile(r"[\u3400-\u9fff]")
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# A newline between two Chinese characters: browsers show it as a stray space.
CJK_LINE_BREAK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e“”]\n\s*[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e“”]")


# --- helpers ----------------------------------------------------------------


def front_matter(edition: str, path: str) -> dict:
    text = (SOURCE_DIRS[edition] / path).read_text(encoding="utf-8")
    match = re.match(r"\A---\n(.*?\n)---\n", text, re.S)
    assert match, f"{SOURCE_DIRS[edition].name}/{path}: no front matter at the top of the file"
    return yaml.safe_load(match.group(1))


def built_path(edition: str, path: str) -> str:
    """'notices/ningbo-2023-work-permits/apostille.md' -> 'zh/notices/ningbo-2023-work-permits/apostille/index.html'."""
    stem = path[: -len(".md")]
    page = "index.html" if stem == "index" else f"{stem.removesuffix('/index')}/index.html"
    return page if edition == "en" else f"zh/{page}"


def page_html(site, edition: str, path: str):
    return site.html(built_path(edition, path))


def section(soup, heading_id: str):
    """The heading with this id and everything after it up to the next heading of its level."""
    heading = soup.find(id=heading_id)
    assert heading is not None, f"no element with id {heading_id!r}"
    parts = [heading]
    for sibling in heading.find_next_siblings():
        if sibling.name == heading.name:
            break
        parts.append(sibling)
    return parts


def section_text(soup, heading_id: str) -> str:
    """The section's text as a reader sees it: runs of white space (line breaks too) as one space."""
    return " ".join(" ".join(part.get_text(" ") for part in section(soup, heading_id)).split())


def language_of(element) -> str | None:
    """The language a browser gives an element: its own lang, else its nearest ancestor's.

    The minifier drops a lang attribute that repeats the page's (<blockquote lang="en">
    on an English page), so the attribute alone does not say which quote is which.
    """
    for node in (element, *element.parents):
        if getattr(node, "attrs", None) and node.get("lang"):
            return node["lang"]
    return None


def quotes_of(block) -> list:
    return block.find_all("blockquote")


def quote_text(block, lang: str) -> str:
    quote = next((q for q in quotes_of(block) if language_of(q) == lang), None)
    return " ".join(quote.get_text(" ").split()) if quote else ""


def heading_ids(soup) -> list[str]:
    article = soup.select_one("article")
    return [h["id"] for h in article.find_all(["h1", "h2", "h3"]) if h.has_attr("id")]


def content_links(site, page: Path) -> set[Path]:
    """Built pages that links inside the article of `page` lead to."""
    soup = site.html(str(page.relative_to(site.root)))
    page_url = "http://site/" + page.relative_to(site.root).as_posix()
    targets = set()
    for link in soup.select("article a[href]"):
        url = urlparse(urljoin(page_url, link["href"]))
        if url.netloc != "site":
            continue
        path = url.path.lstrip("/")
        target = site.root / path / "index.html" if path == "" or path.endswith("/") else site.root / path
        if target.exists():
            targets.add(target)
    return targets


# --- source: front matter ---------------------------------------------------


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_exists_with_its_id_and_kind(edition):
    wrong = []
    for path, (page_id, kind) in PAGES.items():
        if not (SOURCE_DIRS[edition] / path).is_file():
            wrong.append(f"{path}: missing")
            continue
        meta = front_matter(edition, path)
        if (meta.get("id"), meta.get("kind")) != (page_id, kind):
            wrong.append(f"{path}: id/kind {meta.get('id')!r}/{meta.get('kind')!r}, expected {page_id!r}/{kind!r}")
    assert not wrong, f"{edition} edition pages that other pages and hooks would not find: {wrong}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_front_matter_has_every_key_its_kind_needs(edition):
    missing = []
    for path, (_, kind) in PAGES.items():
        meta = front_matter(edition, path)
        for key in required_keys(kind):
            if meta.get(key) is None:
                missing.append(f"{path}: {key}")
    assert not missing, f"{edition} front matter lacks: {missing}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_common_front_matter_has_the_right_types(edition):
    wrong = []
    for path in PAGES:
        meta = front_matter(edition, path)
        for key in ("id", "kind", "title", "description"):
            value = meta.get(key)
            if not isinstance(value, str) or not value.strip() or "\n" in value.strip():
                wrong.append(f"{path}: {key} should be one line of text, is {value!r}")
        description = str(meta.get("description", "")).strip()
        if not description.endswith((".", "。")):
            wrong.append(f"{path}: description is not a finished sentence: {description!r}")
        if not isinstance(meta.get("reviewed"), dt.date):
            wrong.append(f"{path}: reviewed should be a date (YYYY-MM-DD), is {meta.get('reviewed')!r}")
    assert not wrong, wrong


@pytest.mark.parametrize("edition", EDITIONS)
def test_provision_front_matter_has_the_right_types_and_values(edition):
    wrong = []
    for path in PROVISIONS:
        meta = front_matter(edition, path)
        if not isinstance(meta.get("number"), int):
            wrong.append(f"{path}: number {meta.get('number')!r} is not a whole number")
        if meta.get("notice") != NOTICE_ID:
            wrong.append(f"{path}: notice {meta.get('notice')!r}, the provision belongs to {NOTICE_ID!r}")
        tags = meta.get("applies_to")
        if not isinstance(tags, list) or not tags or not set(tags) <= set(AUDIENCES):
            wrong.append(f"{path}: applies_to {tags!r} is not a list of tags from content.model.AUDIENCES")
        related = meta.get("related")
        if not isinstance(related, list) or not set(related) <= ALL_PROVISION_IDS or meta.get("id") in related:
            wrong.append(f"{path}: related {related!r} should list other provisions' ids")
        if "change" in meta and meta["change"] not in CHANGES:
            wrong.append(f"{path}: change {meta['change']!r} is not one of {sorted(CHANGES)}")
    assert not wrong, wrong


@pytest.mark.parametrize("edition", EDITIONS)
def test_notice_front_matter_names_the_issuer_the_official_name_and_the_date(edition):
    meta = front_matter(edition, NOTICE_PAGE)
    wrong = []
    if meta.get("issued") != dt.date(2023, 12, 25):
        wrong.append(f"issued {meta.get('issued')!r}, the notice is of 2023-12-25")
    for key in ("issuer", "name"):
        value = meta.get(key)
        if not isinstance(value, dict) or set(value) != {"en", "zh"} or not all(isinstance(v, str) for v in value.values()):
            wrong.append(f"{key} should have an en and a zh text, is {value!r}")
    if meta.get("issuer") != {"en": "Ningbo Science and Technology Bureau", "zh": "宁波市科技局"}:
        wrong.append(f"issuer {meta.get('issuer')!r}")
    if meta.get("status") != "issued" or "status_source" in meta:
        wrong.append(f"status {meta.get('status')!r}: no source says whether the 2023 notice is still in force, only that it was issued")
    if (meta.get("text_source"), meta.get("view_source")) != ("reindeer-article", "reindeer-article"):
        wrong.append("the 2023 notice's text and views are quoted from the Reindeer article")
    assert not wrong, f"{NOTICE_PAGE}: {wrong}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_port_visa_page_is_for_urgent_entry(edition):
    meta = front_matter(edition, "port-visa-transfer.md")
    assert meta.get("applies_to") == ["urgent-entry"], meta.get("applies_to")
    assert isinstance(meta.get("related"), list), f"related should be a list, is {meta.get('related')!r}"


def test_provisions_are_numbered_one_to_seven_with_matching_ids():
    numbers = {front_matter("en", path)["id"]: front_matter("en", path)["number"] for path in PROVISIONS}
    assert numbers == {f"provision-{n}": n for n in range(1, 8)}, numbers


def test_change_is_set_only_where_a_source_says_so():
    changes = {front_matter("en", path)["id"]: front_matter("en", path).get("change") for path in PROVISIONS}
    expected = {page_id: CHANGE_BY_SOURCE.get(page_id) for page_id in PROVISION_IDS}
    assert changes == expected, "a card would claim a change the sources do not state (or miss one they do)"


def test_shared_front_matter_is_identical_in_both_editions():
    differ = []
    for path in PAGES:
        en, zh = front_matter("en", path), front_matter("zh", path)
        differ += [f"{path}: {key} en={en.get(key)!r} zh={zh.get(key)!r}" for key in SHARED_KEYS if en.get(key) != zh.get(key)]
    assert not differ, differ


def test_titles_and_descriptions_are_in_the_page_language():
    wrong = []
    for path in PAGES:
        for key in ("title", "description"):
            if CJK.search(front_matter("en", path)[key]):
                wrong.append(f"docs/{path}: {key} has Chinese")
            if not CJK.search(front_matter("zh", path)[key]):
                wrong.append(f"docs_zh/{path}: {key} is not Chinese")
    assert not wrong, wrong


# --- source: glossary -------------------------------------------------------


@pytest.mark.parametrize("edition", EDITIONS)
def test_glossary_has_at_least_25_terms(edition):
    terms = front_matter(edition, "glossary.md").get("terms") or []
    assert len(terms) >= 25, f"the {edition} glossary has {len(terms)} terms; readers were promised at least 25"


@pytest.mark.parametrize("edition", EDITIONS)
def test_each_glossary_term_is_complete(any_content, edition):
    """On the real content and on the copy where an editor added a term naming a provision of a second notice."""
    wrong = []
    seen = set()
    provision_ids = _content_provision_ids(any_content)
    glossary = (any_content / SOURCE_DIRS[edition].name / "glossary.md").read_text(encoding="utf-8")
    for term in yaml.safe_load(re.match(r"\A---\n(.*?\n)---\n", glossary, re.S).group(1))["terms"]:
        term_id = term.get("id")
        if not isinstance(term_id, str) or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", term_id) or term_id in seen:
            wrong.append(f"{term_id!r}: id should be a unique lower-case slug")
        seen.add(term_id)
        if not isinstance(term.get("en"), str) or not term["en"].strip() or CJK.search(term["en"]):
            wrong.append(f"{term_id}: en should be the English name")
        if not isinstance(term.get("zh"), str) or not CJK.search(term["zh"]):
            wrong.append(f"{term_id}: zh should be the Chinese term")
        meaning = term.get("meaning")
        if not isinstance(meaning, str) or not meaning.strip():
            wrong.append(f"{term_id}: no meaning")
        elif edition == "zh" and not CJK.search(meaning):
            wrong.append(f"{term_id}: the Chinese glossary gives the meaning in English")
        if not isinstance(term.get("also", []), list):
            wrong.append(f"{term_id}: also should be a list")
        provisions = term.get("provisions")
        if not isinstance(provisions, list) or not set(provisions) <= provision_ids:
            wrong.append(f"{term_id}: provisions {provisions!r} should list provision ids")
    assert not wrong, wrong


def test_glossary_terms_match_across_editions_except_the_meaning():
    def without_meaning(edition):
        return [{k: v for k, v in term.items() if k != "meaning"} for term in front_matter(edition, "glossary.md")["terms"]]

    assert without_meaning("en") == without_meaning("zh"), "ids, names or provisions differ between the glossaries"


def test_each_glossary_name_leads_to_one_term():
    owner: dict[str, str] = {}
    clashes = []
    for term in front_matter("en", "glossary.md")["terms"]:
        for name in (term["en"], term["zh"], *term.get("also", [])):
            key = str(name).casefold()
            if key in owner and owner[key] != term["id"]:
                clashes.append(f"{name!r}: {owner[key]} and {term['id']}")
            owner[key] = term["id"]
    assert not clashes, f"a search or link for these names would not know which entry is meant: {clashes}"


# --- built site: provision pages --------------------------------------------


@pytest.mark.parametrize("edition", EDITIONS)
def test_each_provision_shows_both_official_texts(built_site, edition):
    missing = []
    for path in PROVISIONS:
        block = page_html(built_site, edition, path).select_one(".official-text")
        if block is None:
            missing.append(f"{path}: no official text")
            continue
        missing += [f"{path}: no {lang} official text" for lang in ("en", "zh") if len(quote_text(block, lang)) < 20]
    assert not missing, f"{edition} edition: {missing}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_each_provision_shows_the_reindeer_view_in_both_languages(built_site, edition):
    missing = []
    for path in PROVISIONS:
        soup = page_html(built_site, edition, path)
        if soup.find(id="reindeer-view") is None:
            missing.append(f"{path}: no #reindeer-view heading to link to")
        block = soup.select_one(".reindeer-view")
        if block is None:
            missing.append(f"{path}: no Reindeer View")
            continue
        missing += [f"{path}: no {lang} view" for lang in ("en", "zh") if not quote_text(block, lang)]
    assert not missing, f"{edition} edition: {missing}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_reindeer_view_is_labelled_as_interpretation_not_law(built_site, edition):
    words = {"en": ("Reindeer", "not the law"), "zh": ("灵达", "不是法规")}[edition]
    unlabelled = []
    for path in PROVISIONS:
        label = page_html(built_site, edition, path).select_one(".reindeer-view .reindeer-view__label")
        text = label.get_text(" ") if label else ""
        if not all(word in text for word in words):
            unlabelled.append(path)
    assert not unlabelled, f"{edition}: a reader could take these views for the law: {unlabelled}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_page_language_comes_first(built_site, edition):
    wrong = []
    for path in PROVISIONS:
        soup = page_html(built_site, edition, path)
        for selector in (".official-text", ".reindeer-view"):
            block = soup.select_one(selector)
            first = quotes_of(block)[0] if block is not None and quotes_of(block) else None
            if first is None or language_of(first) != edition:
                wrong.append(f"{path} {selector}")
    assert not wrong, f"{edition} readers see the other language first in: {wrong}"


@pytest.mark.parametrize(
    ("block", "quoted"), [(".official-text", "the notice"), (".reindeer-view", "Reindeer")], ids=["official-text", "reindeer-view"]
)
def test_quotes_are_identical_in_both_editions(built_site, block, quoted):
    differ = []
    for path in PROVISIONS:
        en = page_html(built_site, "en", path).select_one(block)
        zh = page_html(built_site, "zh", path).select_one(block)
        differ += [f"{path} ({lang})" for lang in ("en", "zh") if quote_text(en, lang) != quote_text(zh, lang)]
    assert not differ, f"the two editions quote {quoted} differently: {differ}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_provision_sections_come_in_the_agreed_order(built_site, edition):
    wrong = []
    for path in PROVISIONS:
        ids = heading_ids(page_html(built_site, edition, path))
        if not ids or ids[0] != "provision":
            wrong.append(f"{path}: the page title has no #provision id")
        found = [heading for heading in ids if heading in PROVISION_SECTIONS]
        if found != PROVISION_SECTIONS:
            wrong.append(f"{path}: sections {found}")
    assert not wrong, f"{edition}: {wrong}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_provision_pages_cite_the_notice_and_the_reindeer_article(built_site, edition):
    wrong = []
    for path in PROVISIONS:
        sources = section_text(page_html(built_site, edition, path), "sources")
        for needed in ("关于进一步优化外国人在华工作许可管理服务有关问题的通知", "宁波市科技局", "Ryan", "Reindeer Station Service"):
            if needed not in sources:
                wrong.append(f"{path}: sources do not name {needed!r}")
    assert not wrong, wrong


# --- built site: every page --------------------------------------------------


def test_heading_ids_are_identical_in_both_editions(built_site):
    differ = []
    for path in PAGES:
        en = heading_ids(page_html(built_site, "en", path))
        zh = heading_ids(page_html(built_site, "zh", path))
        if en != zh:
            differ.append(f"{path}: en {en} / zh {zh}")
    assert not differ, f"links and the language switch would lose their place: {differ}"


def test_chinese_headings_are_in_chinese(built_site):
    english = []
    for path in PAGES:
        article = page_html(built_site, "zh", path).select_one("article")
        english += [f"{path}: {h.get_text(strip=True)!r}" for h in article.find_all(["h1", "h2"]) if not CJK.search(h.get_text())]
    assert not english, f"Chinese readers get English headings: {english}"


def test_chinese_text_has_no_line_breaks_that_show_as_spaces(built_site):
    broken = []
    for path in PAGES:
        article = page_html(built_site, "zh", path).select_one("article")
        broken += [f"{path}: {m.group()!r}" for text in article.find_all(string=True) for m in CJK_LINE_BREAK.finditer(text)]
    assert not broken, f"stray spaces between Chinese characters: {broken[:10]}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_provision_is_two_clicks_from_home(built_site, edition):
    home = built_site.root / built_path(edition, "index.md")
    one_click = content_links(built_site, home)
    two_clicks = one_click | {target for page in one_click for target in content_links(built_site, page)}
    unreachable = [path for path in PROVISIONS if built_site.root / built_path(edition, path) not in two_clicks]
    assert not unreachable, f"{edition}: not reachable from the home page's content in two clicks: {unreachable}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_start_here_links_each_situation_to_its_page(built_site, edition):
    soup = page_html(built_site, edition, "index.md")
    page_url = "http://site/" + built_path(edition, "index.md")
    linked = set()
    for part in section(soup, "start-here") + section(soup, "by-provision"):
        for link in part.find_all("a", href=True):
            linked.add(urlparse(urljoin(page_url, link["href"])).path.lstrip("/"))
    expected = {built_path(edition, path).removesuffix("index.html") for path in START_HERE_TARGETS}
    assert expected <= linked, f"{edition}: 'Which guide is mine?' and 'Straight to a provision' do not lead to {sorted(expected - linked)}"


# --- built site: port visa, FAQ, About -------------------------------------


@pytest.mark.parametrize("edition", EDITIONS)
def test_port_visa_page_names_both_routes_and_all_four_entry_cities(built_site, edition):
    routes = section_text(page_html(built_site, edition, "port-visa-transfer.md"), "routes")
    missing = [name for name in ROUTES[edition] if name not in routes]
    assert not missing, f"{edition}: the routes section does not name {missing}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_port_visa_page_uses_both_chinese_words(built_site, edition):
    text = page_html(built_site, edition, "port-visa-transfer.md").select_one("article").get_text()
    missing = [word for word in ("口岸签证", "港口签证") if word not in text]
    assert not missing, f"{edition}: a search for {missing} would not find the port visa page"


@pytest.mark.parametrize("edition", EDITIONS)
def test_port_visa_steps_are_drawn_as_numbered_steps(built_site, edition):
    steps = page_html(built_site, edition, "port-visa-transfer.md").select(".steps > ol > li")
    assert len(steps) >= 5, f"{edition}: {len(steps)} steps in the step-by-step"


@pytest.mark.parametrize("edition", EDITIONS)
def test_port_visa_first_case_adds_no_year(built_site, edition):
    first_case = section_text(page_html(built_site, edition, "port-visa-transfer.md"), "first-case")
    assert "19" in first_case, f"{edition}: the first case's date (19 August) is missing"
    assert not YEAR.search(first_case), f"{edition}: the source states no year, the page gives {YEAR.search(first_case).group()}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_faq_answers_the_ten_questions(built_site, edition):
    soup = page_html(built_site, edition, "faq.md")
    # How each edition says the sources are silent (the Chinese pages name the two sources).
    honest = {"en": ("sources do not say",), "zh": ("资料来源没有说明", "通知和灵达文章都没有说明")}[edition]
    unanswered = []
    for faq_id in FAQ_IDS:
        if soup.find("h2", id=faq_id) is None:
            unanswered.append(f"{faq_id}: missing")
            continue
        parts = section(soup, faq_id)
        links = [a["href"] for part in parts for a in part.find_all("a", href=True)]
        cites = any("notices/" in href or "port-visa-transfer" in href for href in links)
        if not cites and not any(phrase in " ".join(p.get_text(" ") for p in parts) for phrase in honest):
            unanswered.append(f"{faq_id}: neither links a source page nor says the sources are silent")
    assert not unanswered, f"{edition}: {unanswered}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_about_gives_the_contact_number_and_a_disclaimer(built_site, edition):
    soup = page_html(built_site, edition, "about.md")
    assert "+86 574 2772 1008" in soup.select_one("article").get_text(), f"{edition}: no contact number"
    disclaimer = section_text(soup, "disclaimer")
    words = {"en": ("not legal advice", "Exit-Entry"), "zh": ("不构成法律意见", "出入境")}[edition]
    assert all(word in disclaimer for word in words), f"{edition}: disclaimer lacks {words}: {disclaimer!r}"
