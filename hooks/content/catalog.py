"""What the cross-link hooks know about the edition being built: notices, pages and glossary (no events).

`catalog(files, config)` reads every page of the current build once (front matter and
Reindeer View, from each File's content) and keeps the result on the build's own `Files`,
so the English build, the Chinese build and every `mkdocs serve` rebuild each have their
own. Input the hooks cannot use is skipped here; hooks/checks.py reports it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import date
from typing import Any, NamedTuple

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from content.schema import AUDIENCES, CHINESE, RELATABLE_KINDS, STATUSES, current_language, read_front_matter

# --- helpers: reading the build ---------------------------------------------


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
    notices: dict[str, Notice] = {}
    entries: dict[str, Entry] = {}
    guides: dict[str, str] = {}
    terms: list[Term] = []
    glossary_src_uri = None
    for file in files.documentation_pages():
        if file.generated_by is not None:
            continue
        # Bad bytes are checks.py's to report; here they must not stop the build.
        body, meta = read_front_matter(file.content_bytes.decode("utf-8-sig", errors="replace"))
        kind = meta.get("kind")
        if kind == "notice":
            notice = parse_notice(meta, file.src_uri)
            if notice and notice.id not in notices:
                notices[notice.id] = notice
        elif kind == "guide" and meta.get("audience") in AUDIENCES:
            guides.setdefault(meta["audience"], file.src_uri)
        elif kind == "glossary" and glossary_src_uri is None:
            glossary_src_uri = file.src_uri
            terms = parse_terms(meta.get("terms"))
        elif kind in RELATABLE_KINDS:
            entry = parse_entry(meta, body, file.src_uri, language)
            if entry and entry.id not in entries:
                entries[entry.id] = entry
    ordered_notices = sorted(notices.values(), key=_notice_order)
    notice_rank = {notice.id: index for index, notice in enumerate(ordered_notices)}
    ordered = sorted(entries.values(), key=lambda entry: _entry_order(entry, notice_rank))
    return Catalog(
        language=language,
        notices={notice.id: notice for notice in ordered_notices},
        entries={entry.id: entry for entry in ordered},
        order={entry.id: index for index, entry in enumerate(ordered)},
        by_src_uri={**{e.src_uri: e for e in ordered}, **{n.src_uri: n for n in ordered_notices}},
        by_notice={n.id: tuple(e for e in ordered if e.notice == n.id) for n in ordered_notices},
        named_by=_backlinks(ordered),
        by_audience={tag: tuple(e for e in ordered if tag in e.applies_to) for tag in AUDIENCES},
        guides=guides,
        glossary_src_uri=glossary_src_uri,
        terms=tuple(terms),
        term_matcher=term_matcher(terms),
    )


def parse_notice(meta: dict[str, Any], src_uri: str) -> Notice | None:
    """One notice page, or None when it has no usable id and title."""
    notice_id, title = meta.get("id"), meta.get("title")
    if not isinstance(notice_id, str) or not isinstance(title, str):
        return None
    issued = meta.get("issued")
    status = meta.get("status")
    return Notice(
        id=notice_id,
        title=title.strip(),
        name=_bilingual(meta.get("name")),
        issuer=_bilingual(meta.get("issuer")),
        issued=issued if isinstance(issued, date) else None,
        status=status if status in STATUSES else STATUSES[0],
        superseded_by=_text(meta.get("superseded_by")),
        document_number=_text(meta.get("document_number")),
        official_url=_text(meta.get("official_url")),
        src_uri=src_uri,
    )


def parse_entry(meta: dict[str, Any], body: str, src_uri: str, language: str) -> Entry | None:
    """One provision or process page, or None when it has no usable id and title."""
    page_id, title = meta.get("id"), meta.get("title")
    if not isinstance(page_id, str) or not isinstance(title, str):
        return None
    number = meta.get("number")
    opening = view_opening(body, language)
    return Entry(
        id=page_id,
        kind=meta["kind"],
        notice=_text(meta.get("notice")) if meta["kind"] == "provision" else None,
        number=number if isinstance(number, int) and not isinstance(number, bool) else None,
        title=title.strip(),
        description=str(meta.get("description") or "").strip(),
        applies_to=tuple(tag for tag in _as_list(meta.get("applies_to")) if isinstance(tag, str) and tag in AUDIENCES),
        related=tuple(item for item in _as_list(meta.get("related")) if isinstance(item, str)),
        change=_text(meta.get("change")),
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


def is_chinese(text: str) -> bool:
    return bool(_CJK.search(text))


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


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _bilingual(value: Any) -> dict[str, str]:
    return {key: str(text).strip() for key, text in value.items()} if isinstance(value, dict) else {}


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

VIEW_ANCHOR = "reindeer-view"
_ATTRIBUTE = "_reindeer_catalog"
_VIEW_ANCHOR = re.compile(r"\{[^}\n]*#reindeer-view[\s}]")
_VIEW_BLOCK = re.compile(r"<div\b[^>]*\bclass=\"[^\"]*\breindeer-view\b[^\"]*\"[^>]*>(.*?)</div>", re.S)
_QUOTE = re.compile(r"<blockquote\b[^>]*\blang=\"(?P<lang>[A-Za-z-]+)\"[^>]*>(?P<body>.*?)</blockquote>", re.S)
_EN_SENTENCE = re.compile(r"(.+?[.!?][\"'”’)]?)(?=\s+[A-Z\"“(]|\s*$)", re.S)
_ZH_SENTENCE = re.compile(r"(.+?[。！？][”’」）]?)", re.S)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


class Notice(NamedTuple):
    """A notice page: one policy document, with its provisions in the same folder."""

    id: str
    title: str  # short name, in this edition's language
    name: dict[str, str]  # official name {en, zh}
    issuer: dict[str, str]
    issued: date | None
    status: str
    superseded_by: str | None
    document_number: str | None
    official_url: str | None
    src_uri: str


class Entry(NamedTuple):
    """A provision or process page of the current edition."""

    id: str
    kind: str
    notice: str | None  # the notice a provision belongs to
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
    notices: dict[str, Notice]  # by id, in force first, newest first
    entries: dict[str, Entry]  # by id: provisions by notice and number, then process pages
    order: dict[str, int]  # id -> position in `entries`
    by_src_uri: dict[str, Entry | Notice]
    by_notice: dict[str, tuple[Entry, ...]]  # notice id -> its provisions, by number
    named_by: dict[str, tuple[str, ...]]  # id -> ids of pages whose `related` names it
    by_audience: dict[str, tuple[Entry, ...]]  # tag -> entries that apply to it
    guides: dict[str, str]  # audience tag -> src_uri of its situation guide
    glossary_src_uri: str | None
    terms: tuple[Term, ...]
    term_matcher: TermMatcher | None
