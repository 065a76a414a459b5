"""What the cross-link hooks know about the edition being built: notices, pages and glossary (no events).

`read_catalog` is made once per edition from the pages' records (content/pages.py), from
their validated front matter only: a page whose front matter has a problem (hooks/checks.py
reports it) is left out of the lists.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from content.layout import CHINESE
from content.model import AUDIENCES, CURRENT_STATUSES, REINDEER_VIEW, STATUSES, GlossaryPage, GuidePage, NoticePage, Page, SourcePage, Term

# --- helpers: reading the build ---------------------------------------------


def read_catalog(records: Iterable, language: str) -> Catalog:
    """Every validated page of one edition's records (content.pages.PageRecord) in a Catalog."""
    notices: dict[str, Notice] = {}
    sources: dict[str, Source] = {}
    entries: dict[str, Entry] = {}
    guides: dict[str, str] = {}
    journeys: dict[str, GuidePage] = {}
    terms: tuple[Term, ...] = ()
    glossary_src_uri = None
    for record in records:
        page = record.page
        if page is None:
            continue
        if isinstance(page, NoticePage):
            notices.setdefault(page.id, Notice(page, record.uri))
        elif isinstance(page, SourcePage):
            sources.setdefault(page.id, Source(page, record.uri))
        elif isinstance(page, GuidePage):
            guides.setdefault(page.audience, record.uri)
            journeys.setdefault(record.uri, page)
        elif isinstance(page, GlossaryPage) and glossary_src_uri is None:
            glossary_src_uri, terms = record.uri, _unique(page.terms)
        elif hasattr(page, "related"):
            body = record.body
            paragraphs = view_paragraphs(body, language)
            summary, cut = excerpt(paragraphs, language, 1)
            entry = Entry(page, record.uri, body, paragraphs, summary, cut, bool(_VIEW_ANCHOR.search(body)))
            entries.setdefault(page.id, entry)
    ordered_notices = sorted(notices.values(), key=_notice_order)
    notice_rank = {notice.id: index for index, notice in enumerate(ordered_notices)}
    ordered = sorted(entries.values(), key=lambda entry: _entry_order(entry, notice_rank))
    return Catalog(
        language=language,
        notices={notice.id: notice for notice in ordered_notices},
        sources=sources,
        entries={entry.id: entry for entry in ordered},
        order={entry.id: index for index, entry in enumerate(ordered)},
        by_src_uri={**{e.src_uri: e for e in ordered}, **{n.src_uri: n for n in ordered_notices}},
        by_notice={n.id: tuple(e for e in ordered if e.notice == n.id) for n in ordered_notices},
        named_by=_backlinks(ordered),
        by_audience={tag: tuple(e for e in ordered if tag in e.applies_to) for tag in AUDIENCES},
        guides=guides,
        journeys=journeys,
        part_of=_part_of(journeys),
        glossary_src_uri=glossary_src_uri,
        terms=terms,
        term_matcher=term_matcher(terms),
    )


def _part_of(journeys: dict[str, GuidePage]) -> dict[str, tuple[str, ...]]:
    """Page id -> src_uris of the guides whose steps link it, in the order of AUDIENCES."""
    rank = {tag: index for index, tag in enumerate(AUDIENCES)}
    found: dict[str, list[str]] = {}
    for uri, guide in sorted(journeys.items(), key=lambda item: rank[item[1].audience]):
        for step in guide.steps:
            if uri not in found.setdefault(step.page, []):
                found[step.page].append(uri)
    return {page_id: tuple(uris) for page_id, uris in found.items()}


def _unique(terms: list[Term]) -> tuple[Term, ...]:
    """Terms with their first id only (hooks/checks.py reports a repeated one)."""
    return tuple({term.id: term for term in reversed(terms)}[term_id] for term_id in dict.fromkeys(t.id for t in terms))


# --- helpers: glossary names ------------------------------------------------


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


# --- helpers: text ---------------------------------------------------------


def view_paragraphs(body: str, language: str) -> tuple[str, ...]:
    """The paragraphs, as plain text, of the view's blockquote in `language` (else its first one)."""
    view = _VIEW_BLOCK.search(body)
    if not view:
        return ()
    quotes = {m.group("lang"): m.group("body") for m in reversed(list(_QUOTE.finditer(view.group(1))))}
    chosen = quotes.get(language) or next(iter(quotes.values()), "")
    return tuple(plain_text(p) for p in re.split(r"\n\s*\n", chosen.strip()) if p.strip())


def view_opening(body: str, language: str) -> str:
    """First paragraph, as plain text, of the view's blockquote in `language` (else its first one)."""
    return next(iter(view_paragraphs(body, language)), "")


def excerpt(paragraphs: tuple[str, ...], language: str, count: int) -> tuple[str, bool]:
    """The first `count` sentences of a quotation's first paragraph, and whether that cuts the quotation short."""
    first = paragraphs[0] if paragraphs else ""
    text = opening_sentences(first, language, count)
    return text, len(paragraphs) > 1 or text != first


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


def is_chinese(text: str) -> bool:
    return bool(HAN_RUN.search(text))


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


def _notice_order(notice: Notice) -> tuple:
    # Notices in force first, newest first within each status.
    return (STATUSES.index(notice.status), -(notice.issued or date.min).toordinal(), notice.id)


def _entry_order(entry: Entry, notice_rank: dict[str, int]) -> tuple:
    # Provisions by notice, then by number; process pages last, by title.
    if entry.kind != "provision":
        return (1, len(notice_rank), 0, entry.title)
    return (0, notice_rank.get(entry.notice or "", len(notice_rank)), entry.number or 0, entry.title)


def _backlinks(ordered: list[Entry]) -> dict[str, tuple[str, ...]]:
    named_by: dict[str, list[str]] = {}
    for entry in ordered:
        for target in entry.related:
            if target != entry.id:
                named_by.setdefault(target, []).append(entry.id)
    return {target: tuple(sources) for target, sources in named_by.items()}


# --- data -------------------------------------------------------------------

_VIEW_ANCHOR = re.compile(rf"\{{[^}}\n]*#{REINDEER_VIEW}[\s}}]")
_VIEW_BLOCK = re.compile(rf"<div\b[^>]*\bclass=\"[^\"]*\b{REINDEER_VIEW}\b[^\"]*\"[^>]*>(.*?)</div>", re.S)
_QUOTE = re.compile(r"<blockquote\b[^>]*\blang=\"(?P<lang>[A-Za-z-]+)\"[^>]*>(?P<body>.*?)</blockquote>", re.S)
_EN_SENTENCE = re.compile(r"(.+?[.!?][\"'”’)]?)(?=\s+[A-Z\"“(]|\s*$)", re.S)
_ZH_SENTENCE = re.compile(r"(.+?[。！？][”’」）]?)", re.S)
# A run of Chinese characters (CJK unified ideographs, extension A, compatibility ideographs).
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


@dataclass(frozen=True)
class Built:
    """A page of this edition: its validated front matter, whose keys read as attributes
    (`notice.issued`, `entry.title`), as the templates use them, and its source path."""

    page: Page
    src_uri: str

    def __getattr__(self, name: str):
        if name == "page":  # not set yet (copying): no front matter to read
            raise AttributeError(name)
        return getattr(self.page, name)


@dataclass(frozen=True)
class Source(Built):
    """A source page: what it is, who published it, and the words that label what is taken from it."""


@dataclass(frozen=True)
class Notice(Built):
    """A notice page: one policy document, with its provisions in the same folder."""

    @property
    def current(self) -> bool:
        """In force, or issued with nothing in the sources saying it no longer applies."""
        return self.page.status in CURRENT_STATUSES


@dataclass(frozen=True)
class Entry(Built):
    """A provision or process page of the current edition: its front matter and its view."""

    body: str  # Markdown after the front matter
    view: tuple[str, ...]  # the paragraphs of the view in the edition's language, plain text
    summary: str  # its first sentence
    summary_cut: bool  # whether that leaves out the rest of the view
    has_view_anchor: bool

    @property
    def opening(self) -> str:
        """The view's first paragraph."""
        return self.view[0] if self.view else ""

    @property
    def notice(self) -> str | None:
        """The notice a provision belongs to (None for a process page)."""
        return getattr(self.page, "notice", None)

    @property
    def number(self) -> int | None:
        return getattr(self.page, "number", None)


class TermMatcher(NamedTuple):
    """The compiled names of the glossary terms (see term_matcher)."""

    pattern: re.Pattern
    by_key: dict[str, Term]  # casefolded name, spaces collapsed -> term


class Catalog(NamedTuple):
    """Everything one build's hooks need about the other pages of that build."""

    language: str
    notices: dict[str, Notice]  # by id, in force first, newest first
    sources: dict[str, Source]  # by id
    entries: dict[str, Entry]  # by id: provisions by notice and number, then process pages
    order: dict[str, int]  # id -> position in `entries`
    by_src_uri: dict[str, Entry | Notice]
    by_notice: dict[str, tuple[Entry, ...]]  # notice id -> its provisions, by number
    named_by: dict[str, tuple[str, ...]]  # id -> ids of pages whose `related` names it
    by_audience: dict[str, tuple[Entry, ...]]  # tag -> entries that apply to it
    guides: dict[str, str]  # audience tag -> src_uri of its situation guide
    journeys: dict[str, GuidePage]  # src_uri of a situation guide -> its page, with its steps
    part_of: dict[str, tuple[str, ...]]  # page id -> src_uris of the guides whose steps link it
    glossary_src_uri: str | None
    terms: tuple[Term, ...]
    term_matcher: TermMatcher | None
