"""What the cross-linking hooks know about the edition being built (no events of its own).

Used by provision_cards.py, reindeer_views.py, related_provisions.py,
audience_pages.py, glossary_page.py and glossary_links.py. While MkDocs renders
one page, the other pages' `page.meta` may not exist yet, so `catalog()` reads
the front matter and the Reindeer View of every page of the current build itself,
once, from `file.content_string`.

Per-build data without module state: the catalog is kept as an attribute of the
build's own `Files` object, and built on first use. mkdocs-static-i18n runs a
complete new build for Chinese (MkDocs' `get_files` and the plugin's `on_files`
make a new `Files`), and `mkdocs serve` does the same on every rebuild, so one
build can never see another build's catalog; the catalog also records its
language and is rebuilt if a build of another language ever asks. First use must
come after hooks/zh_overlay.py's `on_files` (priority -110), which points the
Chinese build's pages at docs_zh/: audience_pages.py first asks at -120, the
others at page events.

Cost: each page's front matter block is checked with one regular expression and
parsed only when its `kind` is one we use, so a build reads every page once,
whatever the number of pages. Input the hooks cannot use (an unknown id, a tag
outside the list, a missing view) is skipped here; hooks/validate_content.py
reports it.

Generated lists (cards, views index, related provisions, audience pages,
glossary entries) are HTML, kept out of Markdown altogether: only their
headings are Markdown (table of contents, search sections, anchors), and the
HTML waits on the page's File (defer_html) until hooks/generated_html.py puts
it into the page's HTML after Python-Markdown has run. Python-Markdown took
about 0.4 ms per list item as Markdown, and still parsed raw HTML blocks in
pure Python: with 500 provisions per edition the lists as HTML blocks doubled
its time. MkDocs
does not check links in HTML, so these are made only from what exists: the
target is a File of the build's `files` (url_link, html_link), and
`#reindeer-view` is linked only where the catalog saw that heading id;
tests/test_cross_links.py follows every one of them on the real site.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import YAML_RE

from content_schema import AUDIENCES
from shared import CHINESE, current_language, project_dir, read_front_matter, source_label

# --- helpers ----------------------------------------------------------------


def catalog(files: Files, config: MkDocsConfig) -> Catalog:
    """The catalog of this build, read once and kept on the build's Files object."""
    language = current_language(config)
    cached = getattr(files, _ATTRIBUTE, None)
    if cached is None or cached.language != language:
        cached = read_catalog(files, language)
        setattr(files, _ATTRIBUTE, cached)
    return cached


def read_catalog(files: Files, language: str) -> Catalog:
    """Read every page of `files` (the current edition's sources) into a Catalog."""
    entries: dict[str, Entry] = {}
    terms: list[Term] = []
    glossary_src_uri = None
    hosts: dict[str, list[Host]] = {}
    for file in files.documentation_pages():
        if file.generated_by is not None:
            continue
        # Bad bytes are validate_content.py's to report; here they must not stop the build.
        text = file.content_bytes.decode("utf-8-sig", errors="replace")
        header = YAML_RE.match(text)
        markers = set(find_markers(text)) if "<!--" in text else set()
        if not header or not (markers or _KIND_WE_USE.search(header.group(1))):
            continue
        body, meta = read_front_matter(text)
        for marker in markers:
            title, description = str(meta.get("title") or ""), str(meta.get("description") or "")
            host = Host(file.src_uri, str(meta.get("kind") or ""), title, description)
            hosts.setdefault(marker, []).append(host)
        kind = meta.get("kind")
        if kind == "glossary" and glossary_src_uri is None:
            glossary_src_uri = file.src_uri
            terms = parse_terms(meta.get("terms"))
        elif kind in LINKED_KINDS:
            entry = parse_entry(meta, body, file.src_uri, language)
            if entry and entry.id not in entries:
                entries[entry.id] = entry
    ordered = sorted(entries.values(), key=_entry_order)
    return Catalog(
        language=language,
        entries={entry.id: entry for entry in ordered},
        order={entry.id: index for index, entry in enumerate(ordered)},
        by_src_uri={entry.src_uri: entry for entry in ordered},
        named_by=_backlinks(ordered),
        by_audience={tag: tuple(e for e in ordered if tag in e.applies_to) for tag in AUDIENCES},
        hosts={marker: tuple(found) for marker, found in hosts.items()},
        glossary_src_uri=glossary_src_uri,
        terms=tuple(terms),
        term_matcher=term_matcher(terms),
    )


def parse_entry(meta: dict[str, Any], body: str, src_uri: str, language: str) -> Entry | None:
    """One provision or process page, or None when it has no usable id and title."""
    page_id, title = meta.get("id"), meta.get("title")
    if not isinstance(page_id, str) or not isinstance(title, str):
        return None
    number = meta.get("number")
    change = meta.get("change")
    opening = view_opening(body, language)
    return Entry(
        id=page_id,
        kind=meta["kind"],
        number=number if isinstance(number, int) else None,
        title=title.strip(),
        description=str(meta.get("description") or "").strip(),
        applies_to=tuple(tag for tag in _as_list(meta.get("applies_to")) if isinstance(tag, str) and tag in AUDIENCES),
        related=tuple(item for item in _as_list(meta.get("related")) if isinstance(item, str)),
        change=change if isinstance(change, str) else None,
        src_uri=src_uri,
        has_view_anchor=bool(_VIEW_ANCHOR.search(body)),
        opening=opening,
        summary=first_sentence(opening, language),
        body=body,
    )


def parse_terms(raw: Any) -> list[Term]:
    """Glossary terms from front matter; entries without id or names, and repeated ids, are skipped."""
    terms: list[Term] = []
    seen: set[str] = set()
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, dict):
            continue
        term_id, english, chinese = item.get("id"), item.get("en"), item.get("zh")
        if not isinstance(term_id, str) or term_id in seen or not (english or chinese):
            continue
        seen.add(term_id)
        also = tuple(str(name).strip() for name in _as_list(item.get("also")) if str(name).strip())
        terms.append(
            Term(
                id=term_id,
                en=str(english or "").strip(),
                zh=str(chinese or "").strip(),
                also=also,
                meaning=str(item.get("meaning") or "").strip(),
                provisions=tuple(p for p in _as_list(item.get("provisions")) if isinstance(p, str)),
            )
        )
    return terms


def term_matcher(terms: list[Term] | tuple[Term, ...]) -> TermMatcher | None:
    """Finds every name of every term: English on word boundaries and in any case, Chinese exactly.

    The names are compiled into one regex shaped as a trie (a shared prefix is tried once), so
    a page is scanned in one pass whatever the number of names; an alternation of 150 names was
    about 60 times slower. At each position the longest name wins.
    """
    by_key: dict[str, Term] = {}
    for term in terms:
        for name in term_names(term):
            by_key.setdefault(_name_key(name), term)
    if not by_key:
        return None
    english = [key for key in by_key if not is_chinese(key)]
    chinese = [key for key in by_key if is_chinese(key)]
    parts = []  # each branch first checks the set of first letters: most positions fail there
    if english:
        parts.append(rf"(?<![A-Za-z0-9])(?=[{_first_letters(english)}])(?:{_trie_regex(english)})(?![A-Za-z0-9])")
    if chinese:
        parts.append(rf"(?=[{_first_letters(chinese)}])(?:{_trie_regex(chinese)})")
    return TermMatcher(re.compile("|".join(parts), re.IGNORECASE), by_key)


def find_terms(matcher: TermMatcher, text: str) -> Iterator[tuple[re.Match, Term]]:
    """Each use of a term's name in `text`, in order, with the term it names."""
    for match in matcher.pattern.finditer(text):
        yield match, matcher.by_key[_name_key(match.group())]


def term_ids_in(matcher: TermMatcher, text: str) -> set[str]:
    """The ids of the terms `text` names at least once (each distinct name looked up once)."""
    return {matcher.by_key[_name_key(name)].id for name in set(matcher.pattern.findall(text))}


def term_names(term: Term) -> list[str]:
    return [name for name in (term.en, term.zh, *term.also) if name]


def view_opening(body: str, language: str) -> str:
    """First paragraph, as plain text, of the view's blockquote in `language` (else its first one)."""
    view = _VIEW_BLOCK.search(body)
    if not view:
        return ""
    quotes = {m.group("lang"): m.group("body") for m in reversed(list(_QUOTE.finditer(view.group(1))))}
    chosen = quotes.get(language) or next(iter(quotes.values()), "")
    paragraphs = [p for p in re.split(r"\n\s*\n", chosen.strip()) if p.strip()]
    return plain_text(paragraphs[0]) if paragraphs else ""


def first_sentence(text: str, language: str) -> str:
    """The first sentence of plain `text`: up to 。！？ in Chinese, or . ! ? before a capital in English."""
    return opening_sentences(text, language, 1)


def opening_sentences(text: str, language: str, count: int) -> str:
    """The first `count` sentences of plain `text` (all of it when it has fewer)."""
    pattern = _ZH_SENTENCE if language == CHINESE or is_chinese(text[:20]) else _EN_SENTENCE
    taken, rest = [], text.strip()
    while rest and len(taken) < count:
        match = pattern.match(rest)
        if not match:
            taken.append(rest)
            break
        taken.append(match.group(1).strip())
        rest = rest[match.end() :].strip()
    separator = "" if pattern is _ZH_SENTENCE else " "
    return separator.join(taken)


def plain_text(markdown: str) -> str:
    """Markdown/HTML fragment to one line of plain text (links keep their words)."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", markdown)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"\{\s*[:#.][^}]*\}", "", text)
    text = re.sub(r"\*+|`+|(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])", "", text)
    text = re.sub(r"^\s*>\s?", "", text, flags=re.M)
    text = html.unescape(text)
    return re.sub(r"\s+", " ", text).strip()


def md_text(text: str) -> str:
    """Plain text made safe to drop into Markdown (no stray HTML, links or emphasis)."""
    escaped = html.escape(text, quote=False)
    return re.sub(r"([\\`*_\[\]])", r"\\\1", escaped)


def escape(text: str) -> str:
    """Plain text made safe to drop into HTML (text or a quoted attribute value)."""
    return html.escape(text, quote=True)


def is_chinese(text: str) -> bool:
    return bool(_CJK.search(text))


def display_title(entry: Entry, language: str) -> str:
    """'Provision 2: Simplify …' / '第2条：简化…'; a process page keeps its own title."""
    if entry.number is None:
        return entry.title
    return TEXT[language]["numbered"].format(number=entry.number, title=entry.title)


def short_title(entry: Entry, language: str) -> str:
    """'Provision 2' / '第2条'; a process page keeps its own title."""
    if entry.number is None:
        return entry.title
    return TEXT[language]["number"].format(number=entry.number)


def audience_label(tag: str, language: str) -> str:
    return AUDIENCES[tag].get(language) or AUDIENCES[tag]["en"]


def url_link(from_file: File, to_file: File, anchor: str = "") -> str:
    """Relative URL from one built page to another (in the same edition), with an optional anchor."""
    link = get_relative_url(to_file.url, from_file.url)
    return f"{link}#{anchor}" if anchor else link


def html_link(from_file: File, to_file: File, text: str, anchor: str = "") -> str:
    """`<a>` from one page to another: the generated lists are HTML, see below."""
    return f'<a href="{escape(url_link(from_file, to_file, anchor))}">{escape(text)}</a>'


def audience_src_uri(tag: str) -> str:
    return f"{AUDIENCE_FOLDER}/{tag}.md"


def audience_links(tags: tuple[str, ...], from_file: File, files: Files, language: str) -> str:
    """Audience labels (HTML), each linked to its generated page when that page exists."""
    parts = []
    for tag in tags:
        target = files.src_uris.get(audience_src_uri(tag))
        label = audience_label(tag, language)
        parts.append(html_link(from_file, target, label) if target else escape(label))
    return TEXT[language]["list_separator"].join(parts)


def defer_html(file: File, html: str, searchable: bool = False) -> str:
    """A Markdown block that stands for `html` until hooks/generated_html.py puts it back (see above).

    Lists left out of search (`data-search-exclude`) go back in after Material's
    search plugin has read the page, which then need not parse them; `searchable`
    HTML (glossary entries) goes back in before.
    """
    blocks = file.__dict__.setdefault(_DEFERRED_ATTRIBUTE, [])
    blocks.append((html, searchable))
    return f"\n\n<!-- {_DEFERRED_PREFIX}{len(blocks) - 1} -->\n\n"


def insert_deferred(html: str, file: File, searchable: bool) -> str:
    """`html` (a page's content) with each defer_html placeholder of that kind replaced by its HTML."""
    blocks = file.__dict__.get(_DEFERRED_ATTRIBUTE)
    if not blocks or not any(kind == searchable for _, kind in blocks):
        return html

    def put_back(match: re.Match) -> str:
        block, kind = blocks[int(match.group(1))]
        return block if kind == searchable else match.group()

    return _DEFERRED.sub(put_back, html)


def find_markers(markdown: str) -> list[str]:
    """Every `<!-- name:value -->` marker on a page, in order."""
    return _MARKER.findall(markdown)


def replace_marker(markdown: str, marker: str, render: Callable[[], str]) -> str:
    """Replace each `<!-- marker -->` by render() as its own Markdown block; render only if present."""
    pattern = re.compile(rf"<!--\s*{re.escape(marker)}\s*-->")
    if not pattern.search(markdown):
        return markdown
    block = f"\n\n{render().strip()}\n\n"
    return pattern.sub(lambda _: block, markdown)


def edited_path(config: MkDocsConfig, file: File) -> str:
    """The file staff edit for this page in this build ('docs_zh/glossary.md'), for error messages."""
    if file.abs_src_path:
        path = Path(file.abs_src_path).resolve()
        if path.is_relative_to(project_dir(config)):
            return path.relative_to(project_dir(config)).as_posix()
    return source_label(config, file.src_uri)


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _first_letters(keys: list[str]) -> str:
    return "".join(sorted({re.escape(key[0]) for key in keys}))


def _trie_regex(keys: list[str]) -> str:
    """One regex for `keys` (casefolded names), longest first at each branch; a space matches any run of spaces."""
    trie: dict = {}
    for key in keys:
        node = trie
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [(r"\s+" if char == " " else re.escape(char)) + emit(node[char]) for char in sorted(node) if char]
        if "" in node:
            branches.append("")  # a name ends here; tried after every longer one
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return emit(trie)


def _as_list(value: Any) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _entry_order(entry: Entry) -> tuple:
    # Provisions by number, then process pages by title.
    return (entry.number is None, entry.number or 0, entry.title)


def _backlinks(ordered: list[Entry]) -> dict[str, tuple[str, ...]]:
    named_by: dict[str, list[str]] = {}
    for entry in ordered:
        for target in entry.related:
            if target != entry.id:
                named_by.setdefault(target, []).append(entry.id)
    return {target: tuple(sources) for target, sources in named_by.items()}


# --- data -------------------------------------------------------------------

# Page kinds that take part in cross-links (they carry applies_to and related).
LINKED_KINDS = ("provision", "process")
AUDIENCE_FOLDER = "audiences"
VIEW_ANCHOR = "reindeer-view"
# Class of the paragraphs that quote a view elsewhere (views index, related lists, audience
# pages): quoted words, so glossary_links.py leaves them as they are, like the view itself.
VIEW_EXCERPT_CLASS = "view-excerpt"
# Class of every generated list (cards, views index, related provisions, audience pages): lists
# that repeat other pages, where glossary_links.py adds no links (they belong in running text).
# Each list also carries `data-search-exclude`, so a search finds the page a list repeats.
CROSS_LINKS_CLASS = "cross-links"

# Markers a page may hold; each is rendered by the hook named beside it.
CARDS_MARKER = "provisions:cards"  # provision_cards.py
VIEWS_MARKER = "reindeer:views"  # reindeer_views.py
GLOSSARY_MARKER = "glossary:terms"  # glossary_page.py
KNOWN_MARKERS = (CARDS_MARKER, VIEWS_MARKER, GLOSSARY_MARKER)

# Words the generated Markdown shares, per edition.
TEXT = {
    "en": {
        "numbered": "Provision {number}: {title}",
        "number": "Provision {number}",
        "view": "Reindeer View",
        "list_separator": " · ",
    },
    "zh": {
        "numbered": "第{number}条：{title}",
        "number": "第{number}条",
        "view": "灵达观点",
        "list_separator": " · ",
    },
}

_ATTRIBUTE = "_reindeer_catalog"
_DEFERRED_ATTRIBUTE = "_reindeer_deferred_html"
_DEFERRED_PREFIX = "reindeer-generated-html "
_DEFERRED = re.compile(rf"<!-- {_DEFERRED_PREFIX}(\d+) -->")
_KIND_WE_USE = re.compile(r"^kind:\s*[\"']?(?:provision|process|glossary)[\"']?\s*$", re.M)
_VIEW_ANCHOR = re.compile(r"\{[^}\n]*#reindeer-view[\s}]")
_VIEW_BLOCK = re.compile(r"<div\b[^>]*\bclass=\"[^\"]*\breindeer-view\b[^\"]*\"[^>]*>(.*?)</div>", re.S)
_QUOTE = re.compile(r"<blockquote\b[^>]*\blang=\"(?P<lang>[A-Za-z-]+)\"[^>]*>(?P<body>.*?)</blockquote>", re.S)
_EN_SENTENCE = re.compile(r"(.+?[.!?][\"'”’)]?)(?=\s+[A-Z\"“(]|\s*$)", re.S)
_ZH_SENTENCE = re.compile(r"(.+?[。！？][”’」）]?)", re.S)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_MARKER = re.compile(r"<!--\s*([a-z][a-z0-9-]*:[a-z][a-z0-9-]*)\s*-->")


class Entry(NamedTuple):
    """A provision or process page of the current edition."""

    id: str
    kind: str
    number: int | None
    title: str
    description: str
    applies_to: tuple[str, ...]
    related: tuple[str, ...]
    change: str | None
    src_uri: str
    has_view_anchor: bool
    opening: str  # first paragraph of the view in the edition's language, plain text
    summary: str  # its first sentence
    body: str  # Markdown after the front matter


class Host(NamedTuple):
    """A page that holds a marker (`<!-- reindeer:views -->`): where a generated list starts."""

    src_uri: str
    kind: str
    title: str
    description: str


class Term(NamedTuple):
    """A glossary entry from the glossary page's front matter (`terms`)."""

    id: str
    en: str
    zh: str
    also: tuple[str, ...]
    meaning: str
    provisions: tuple[str, ...]


class TermMatcher(NamedTuple):
    """The compiled names of the glossary terms (see term_matcher)."""

    pattern: re.Pattern
    by_key: dict[str, Term]  # casefolded name, spaces collapsed -> term


class Catalog(NamedTuple):
    """Everything one build's hooks need about the other pages of that build."""

    language: str
    entries: dict[str, Entry]  # by id, provisions by number first
    order: dict[str, int]  # id -> position in `entries`
    by_src_uri: dict[str, Entry]
    named_by: dict[str, tuple[str, ...]]  # id -> ids of pages whose `related` names it
    by_audience: dict[str, tuple[Entry, ...]]  # tag -> entries that apply to it
    hosts: dict[str, tuple[Host, ...]]  # marker -> pages that hold it
    glossary_src_uri: str | None
    terms: tuple[Term, ...]
    term_matcher: TermMatcher | None
