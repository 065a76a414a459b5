"""The content checks, in three registries: per page, per edition, per pair of pages (no events).

hooks/checks.py runs every check of PAGE_CHECKS on each page's record, EDITION_CHECKS once per
edition and PAIR_CHECKS on each page and its translation, and reports what they yield. A check
is a function that yields Problems (content/pages.py); a new check is one function plus one
entry below, and one row in "Build messages and their fixes" of CONTRIBUTING.md and CONTRIBUTING.zh.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.meta import YAML_RE

from content.layout import CHINESE, DEFAULT_LANGUAGE, NOTICES_FOLDER, source_label, zh_docs_dir
from content.model import (
    GUIDE_SECTIONS, MARKERS, PLACEHOLDER, RELATABLE_KINDS, REINDEER_VIEW, Step, required_keys, same_in_both_editions, same_part, show,
)
from content.catalog import HAN_RUN
from content.pages import Edition, PageRecord, Problem
from content.record import RECORD_KEY, page_uris
from content.published import file_problems

# --- checks of one page ---------------------------------------------------------


def reading(record: PageRecord, language: str) -> Iterator[Problem]:
    """What reading and validating the front matter found (content/pages.py, content/model.py)."""
    for where, text in record.problems:
        yield record.problem(where, text)


def heading_ids(record: PageRecord, language: str) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for anchor, line in record.headings:
        if anchor in seen:
            yield record.problem(line, f"heading id '#{anchor}' is used twice (lines {seen[anchor]} and {line}); give each heading its own id")
        seen.setdefault(anchor, line)


def placeholders_and_markers(record: PageRecord, language: str) -> Iterator[Problem]:
    for number, line in enumerate(record.text.split("\n"), start=1):
        if PLACEHOLDER in line:
            what = line.split(PLACEHOLDER, 1)[1].strip(" .\"'*<>-]").strip() or "this text"
            yield record.problem(number, f"placeholder left by the scaffold ({PLACEHOLDER} {what}); write the real text in its place")
        if number > record.body_start:
            for marker in _MARKER.findall(line):
                if marker not in MARKERS:
                    known = ", ".join(f"<!-- {m} -->" for m in MARKERS)
                    yield record.problem(number, f"unknown marker <!-- {marker} -->; known markers: {known}")


def required_blocks(record: PageRecord, language: str) -> Iterator[Problem]:
    """A notice's list of provisions, a provision's Reindeer View, a guide's four sections and its steps."""
    kind = (record.meta or {}).get("kind")
    ids = [anchor for anchor, _ in record.headings]
    if kind == "notice" and f"<!-- {CARDS_MARKER} -->" not in record.text:
        yield record.problem(None, f"notice page has no <!-- {CARDS_MARKER} -->; put it where the list of the notice's provisions goes")
    if kind == "provision" and REINDEER_VIEW not in ids:
        yield record.problem(None, f"provision page has no Reindeer View heading; add one with the id '{REINDEER_VIEW}': "
                             f"'## Reindeer View {{ #{REINDEER_VIEW} }}'")
    if kind == "provision" and not _VIEW_BLOCK_CLASS.search(record.text):
        yield record.problem(None, f'provision page has no Reindeer View block; put the view inside <div class="{REINDEER_VIEW}" markdown> ... </div>')
    if kind == "guide":
        missing = [section for section in GUIDE_SECTIONS if section not in ids]
        order = ", ".join("#" + s for s in GUIDE_SECTIONS)
        if missing:
            yield record.problem(None, f"situation guide has no heading with the id {', '.join('#' + m for m in missing)}; "
                                 f"a guide has these sections, in this order: {order}")
        elif [anchor for anchor in ids if anchor in GUIDE_SECTIONS] != list(GUIDE_SECTIONS):
            yield record.problem(None, f"situation guide sections are out of order; put them in this order: {order}")
        if "steps" not in (record.meta or {}):
            yield record.problem(None, "situation guide has no 'steps'; add them to its front matter "
                                 "(CONTRIBUTING.md, 'Writing steps'), each with who, does and page")
        steps = _items(_meta(record), "steps")
        if steps and steps[-1][0] == len(_meta(record)["steps"]) - 1 and steps[-1][1].get("next") is not None:
            index = steps[-1][0]
            yield record.problem(("steps", index, "next"), f"front matter: step {index + 1} is the last step but says next: "
                                 f"{show(steps[-1][1]['next'])}; 'and' and 'or' join a step to the one after it, so remove it")


def safe_html(record: PageRecord, language: str) -> Iterator[Problem]:
    """The page body against the allowlist of content/safety.py."""
    for line, text in record.source_problems:
        yield record.problem(line, text)


def history_dates(record: PageRecord, language: str) -> Iterator[Problem]:
    """One `history` entry per date: the date names the entry in What's new and the feeds."""
    seen: dict = {}
    for index, entry in enumerate(record.page.history or [] if record.page else []):
        if entry.date in seen:
            yield record.problem(("history", index), f"front matter: history entry {index + 1} has the date {entry.date} of entry "
                                 f"{seen[entry.date] + 1}; say both changes in one entry")
        seen.setdefault(entry.date, index)


# --- checks of one edition --------------------------------------------------------


def files(edition: Edition, config: MkDocsConfig) -> Iterator[Problem]:
    """Symbolic links, file names and file types, in the edition's folder."""
    folder = zh_docs_dir(config) if edition.language == CHINESE else Path(config.docs_dir)
    reserved = () if edition.language == CHINESE else (CHINESE,)  # docs/zh/ would be the Chinese edition's address
    for label, text in file_problems(folder, folder.name, reserved):
        yield Problem(label, None, text)


def unique_ids(edition: Edition, config: MkDocsConfig) -> Iterator[Problem]:
    first: dict[str, PageRecord] = {}
    for record in _own(edition):
        page_id = _meta(record).get("id")
        if not isinstance(page_id, str):
            continue
        if page_id in first:
            yield record.problem(("id",), f"front matter: id '{page_id}' is already used by {first[page_id].label}; give each page its own id")
        first.setdefault(page_id, record)


def related_pages(edition: Edition, config: MkDocsConfig) -> Iterator[Problem]:
    kinds = _kinds(edition)
    relatable = sorted(page_id for page_id, kind in kinds.items() if kind & set(RELATABLE_KINDS))
    for record in _own(edition):
        meta = _meta(record)
        related = meta.get("related")
        for index, item in enumerate(related if isinstance(related, list) else []):
            where = ("related", index)
            if not isinstance(item, str):
                continue
            if item == meta.get("id"):
                yield record.problem(where, f"front matter: 'related' names this page itself ('{item}'); remove it")
            elif item in kinds and item not in relatable:
                yield record.problem(where, f"front matter: 'related' names '{item}', a {' or '.join(sorted(map(str, kinds[item])))} "
                                     f"page; only provision and process pages can be related (known: {describe_ids(relatable)})")
            elif item not in kinds:
                yield record.problem(where, f"front matter: 'related' names unknown id '{item}' (known: {describe_ids(relatable)})")


def step_pages(edition: Edition, config: MkDocsConfig) -> Iterator[Problem]:
    """Each step of a guide links a provision or process page of this edition."""
    kinds = _kinds(edition)
    relatable = sorted(page_id for page_id, kind in kinds.items() if kind & set(RELATABLE_KINDS))
    for record in _own(edition):
        for index, step in _items(_meta(record), "steps"):
            page = step.get("page")
            if isinstance(page, str) and page not in relatable:
                what = f"'{page}', a {' or '.join(sorted(map(str, kinds[page])))} page" if page in kinds else f"unknown id '{page}'"
                yield record.problem(("steps", index, "page"), f"front matter: step {index + 1} names {what}; a step links the "
                                     f"provision or process page that explains it (known: {describe_ids(relatable)})")


def moved_from_live_pages(edition: Edition, config: MkDocsConfig) -> Iterator[Problem]:
    """`moved_from` names old addresses only: a redirect written over a live page would replace it."""
    for record in _own(edition):
        moved = _meta(record).get("moved_from")
        for index, old in enumerate(moved if isinstance(moved, list) else []):
            if isinstance(old, str) and old in edition.records:
                yield record.problem(("moved_from", index), f"front matter: 'moved_from' names {old}, a page that exists, "
                                     "whose address the redirect would take over; remove it from the list")
            elif isinstance(old, str) and old.split("/")[0] in BUILD_FOLDERS:
                yield record.problem(("moved_from", index), f"front matter: 'moved_from' names {old}, an address in "
                                     f"{old.split('/')[0]}/, which the site itself writes; remove it from the list")


def glossary_terms(edition: Edition, config: MkDocsConfig) -> Iterator[Problem]:
    provisions = sorted(page_id for page_id, kind in _kinds(edition).items() if "provision" in kind)
    terms_seen: dict[str, str] = {}
    names_seen: dict[str, str] = {}
    for record in _own(edition):
        for index, term in _items(_meta(record), "terms"):
            term_id = term.get("id")
            if isinstance(term_id, str):
                if term_id in terms_seen:
                    yield record.problem(("terms", index, "id"),
                                         f"glossary term '{term_id}' is defined twice (first at {terms_seen[term_id]}); keep one")
                terms_seen.setdefault(term_id, _at(record, ("terms", index)))
                for name in _term_names(term):
                    owner = names_seen.setdefault(name.casefold(), term_id)
                    if owner != term_id:
                        yield record.problem(("terms", index), f"glossary name '{name}' belongs to both '{owner}' and '{term_id}'; "
                                             "a name links to one entry only, so keep it under one term")
            named = term.get("provisions")
            for position, item in enumerate(named if isinstance(named, list) else []):
                if isinstance(item, str) and item not in provisions:
                    yield record.problem(("terms", index, "provisions", position),
                                         f"glossary term '{term_id}': 'provisions' names unknown provision id '{item}' "
                                         f"(known: {describe_ids(provisions)})")


def notices(edition: Edition, config: MkDocsConfig) -> Iterator[Problem]:
    """Notices: provisions name a notice and live in its folder; numbers unique within a notice."""
    known = sorted(page_id for page_id, kind in _kinds(edition).items() if "notice" in kind)
    numbers: dict[tuple[str, int], PageRecord] = {}
    for record in _own(edition):
        meta, uri = _meta(record), record.uri
        kind = meta.get("kind")
        if kind == "notice":
            status, newer = meta.get("status"), meta.get("superseded_by")
            if status == "superseded" and newer is None:
                yield record.problem(("status",), "front matter: a superseded notice needs 'superseded_by: <id of the notice that replaces it>'")
            if meta.get("expired_on") is not None and status != "expired":
                yield record.problem(("expired_on",), f"front matter: 'expired_on' goes with 'status: expired' (status is {show(status)}); remove one")
            if newer is not None and status != "superseded":
                yield record.problem(("superseded_by",), f"front matter: 'superseded_by' goes with 'status: superseded' (status is {show(status)}); remove one")
            if isinstance(newer, str) and newer not in known:
                yield record.problem(("superseded_by",), f"front matter: 'superseded_by' names unknown notice '{newer}' (known: {', '.join(known) or 'none'})")
            if isinstance(meta.get("id"), str) and uri != f"{NOTICES_FOLDER}/{meta['id']}/index.md":
                yield record.problem(("id",), f"a notice page belongs at {NOTICES_FOLDER}/{meta['id']}/index.md; move it there, or change its id")
        if kind != "provision":
            continue
        notice = meta.get("notice")
        if isinstance(notice, str) and notice not in known:
            yield record.problem(("notice",), f"front matter: 'notice' names unknown notice '{notice}' (known: {', '.join(known) or 'none'})")
        elif isinstance(notice, str) and not uri.startswith(f"{NOTICES_FOLDER}/{notice}/"):
            yield record.problem(("notice",), f"a provision of notice '{notice}' belongs in {NOTICES_FOLDER}/{notice}/; "
                                 "move the page there (and in the other edition)")
        number = meta.get("number")
        if isinstance(notice, str) and isinstance(number, int):
            first = numbers.setdefault((notice, number), record)
            if first is not record:
                yield record.problem(("number",), f"front matter: number {number} is already used in notice '{notice}' by {first.label}; "
                                     "give each provision its own number")


def notice_sources(edition: Edition, config: MkDocsConfig) -> Iterator[Problem]:
    """A notice names the sources of its text, its interpretation and its status, and they hold what labels need."""
    sources = {(r.meta or {}).get("id"): r.meta for r in edition.records.values() if (r.meta or {}).get("kind") == "source"}
    known = ", ".join(sorted(map(str, sources))) or "none"
    for record in _own(edition):
        meta = _meta(record)
        if meta.get("kind") != "notice":
            continue
        if meta.get("status") in ("in-force", "expired") and "status_source" not in meta:
            yield record.problem(("status",), f"front matter: 'status: {meta['status']}' needs 'status_source: <id of the source that says so>'; "
                                 "if no source says whether the notice still applies, write 'status: issued'")
        for key, needs in (("text_source", ("text_en", "text_zh")), ("view_source", ("view_name",)), ("status_source", ())):
            source_id = meta.get(key)
            if not isinstance(source_id, str):
                continue
            if source_id not in sources:
                yield record.problem((key,), f"front matter: '{key}' names unknown source '{source_id}' (known: {known}); "
                                     f"add the source's page, sources/{source_id}.md, in both docs/ and docs_zh/")
                continue
            missing = [part for part in needs if part not in (sources[source_id] or {})]
            if missing:
                yield record.problem((key,), f"front matter: '{key}' names source '{source_id}', which has no "
                                     f"{' or '.join(repr(part) for part in missing)}; add it to sources/{source_id}.md")


def translation_records(edition: Edition, config: MkDocsConfig) -> Iterator[Problem]:
    """`translated_from`: required on a Chinese page, refused on an English one."""
    for record in _own(edition):
        if record.meta is None:
            continue
        if edition.language == CHINESE and RECORD_KEY not in record.meta:
            english = source_label(config, record.uri, DEFAULT_LANGUAGE)
            yield record.problem(None, f"front matter: '{RECORD_KEY}' is missing; when this translation matches {english}, "
                                 f"run: ./site.sh translations mark {record.label}")
        if edition.language != CHINESE and RECORD_KEY in record.meta:
            yield record.problem((RECORD_KEY,), f"front matter: '{RECORD_KEY}' belongs in docs_zh/ pages only; remove it here")


def translations(edition: Edition, config: MkDocsConfig) -> Iterator[Problem]:
    """Chinese build: each page in both folders."""
    if edition.language != CHINESE:
        return
    for record in edition.records.values():
        if record.fallback:
            zh_label = source_label(config, record.uri, CHINESE)
            yield Problem(record.label, None, f"no Chinese translation; copy it to {zh_label}, translate it, "
                          f"then run: ./site.sh translations mark {zh_label}")
    for uri in page_uris(zh_docs_dir(config)):
        if uri not in edition.records:
            yield Problem(source_label(config, uri, CHINESE), None, f"no English page {source_label(config, uri, DEFAULT_LANGUAGE)}; "
                          "add it, or move this file to the path of its English page")


# --- checks of a page and its translation ----------------------------------------


def same_values(zh: PageRecord, en: PageRecord) -> Iterator[Problem]:
    """The keys declared the same in both editions have the same values."""
    if zh.meta is None or en.meta is None:
        return
    required = set(required_keys(en.meta.get("kind") if isinstance(en.meta.get("kind"), str) else None))
    for key in same_in_both_editions():
        if key not in zh.meta and key not in en.meta:
            continue
        if (key not in zh.meta or key not in en.meta) and key in required:
            continue  # reported as a missing key
        if key in zh.bad_keys or key in en.bad_keys:
            continue  # a value of the wrong type or with an unknown tag is reported as such
        zh_value, en_value = zh.meta.get(key), en.meta.get(key)
        part = same_part(key)
        if part:  # a list whose items differ by language: only their `part` must match
            zh_parts, en_parts = (sorted(item[part] for item in value or []) for value in (zh_value, en_value))
            if zh_parts != en_parts:
                yield zh.problem((key,), f"front matter: '{key}' has the {part}s {show(zh_parts)} here but {show(en_parts)} in {en.label}; "
                                 f"a page has the same {key} {part}s in both editions")
        elif zh_value != en_value:
            yield zh.problem((key,), f"front matter: '{key}' is {show(zh_value)} here but {show(en_value)} in {en.label}; "
                             f"a page has the same {key} in both editions")


def same_terms(zh: PageRecord, en: PageRecord) -> Iterator[Problem]:
    if zh.meta is None or en.meta is None:
        return
    zh_terms = {term.get("id"): index for index, term in _items(zh.meta, "terms")}
    en_terms = {term.get("id"): index for index, term in _items(en.meta, "terms")}
    for term_id in en_terms.keys() - zh_terms.keys():
        yield zh.problem(("terms",), f"glossary term '{term_id}' of {_at(en, ('terms', en_terms[term_id]))} is missing here; translate it")
    for term_id in zh_terms.keys() - en_terms.keys():
        yield zh.problem(("terms", zh_terms[term_id]), f"glossary term '{term_id}' is not in {en.label}; add it there, or remove it here")


def same_steps(zh: PageRecord, en: PageRecord) -> Iterator[Problem]:
    """A guide has the same steps in both editions: their number, and in each the values declared the same."""
    if zh.meta is None or en.meta is None or "steps" in zh.bad_keys or "steps" in en.bad_keys:
        return
    zh_steps, en_steps = _items(zh.meta, "steps"), _items(en.meta, "steps")
    if len(zh_steps) != len(en_steps):
        yield zh.problem(("steps",), f"front matter: {len(zh_steps)} steps here but {len(en_steps)} in {_at(en, ('steps',))}; "
                         "a guide has the same steps in both editions")
        return
    shared = [key for key, field in Step.model_fields.items() if (field.json_schema_extra or {}).get("same")]
    for (index, zh_step), (_, en_step) in zip(zh_steps, en_steps, strict=True):
        for key in shared:
            if zh_step.get(key) != en_step.get(key):
                yield zh.problem(("steps", index, key), f"front matter: step {index + 1} has {key} {show(zh_step.get(key))} here but "
                                 f"{show(en_step.get(key))} in {_at(en, ('steps', index, key))}; a step has the same {key} in both editions")


def same_heading_ids(zh: PageRecord, en: PageRecord) -> Iterator[Problem]:
    zh_ids = dict(reversed(zh.headings))
    en_ids = dict(reversed(en.headings))
    for anchor in en_ids.keys() - zh_ids.keys():
        marks = en.text.split("\n")[en_ids[anchor] - 1].lstrip().split(" ", 1)[0]  # the English heading's '#'s
        yield zh.problem(None, f"heading id '#{anchor}' of {en.label}:{en_ids[anchor]} is missing here; "
                         f"give the translated heading the same id: '{marks} 标题 {{ #{anchor} }}'")
    for anchor in zh_ids.keys() - en_ids.keys():
        yield zh.problem(zh_ids[anchor], f"heading id '#{anchor}' is not in {en.label}; a translated heading keeps the English heading's id")


def translated_headings(zh: PageRecord, en: PageRecord) -> Iterator[Problem]:
    """A Chinese heading left as the English heading of the same id: Latin words, no Chinese, the same text."""
    zh_ids, en_ids = dict(reversed(zh.headings)), dict(reversed(en.headings))
    for anchor in sorted(zh_ids.keys() & en_ids.keys(), key=zh_ids.get):
        marks, text = _heading_text(zh, zh_ids[anchor])
        if text == _heading_text(en, en_ids[anchor])[1] and _LATIN_WORD.search(text) and not HAN_RUN.search(text):
            yield zh.problem(zh_ids[anchor], f"heading '#{anchor}' still has the English heading's words ('{text}'); "
                             f"translate them and keep the id: '{marks} 中文标题 {{ #{anchor} }}'")


# --- helpers ------------------------------------------------------------------------


def _heading_text(record: PageRecord, line: int) -> tuple[str, str]:
    """('##', 'Official text') of the heading on a file line, its { … } attributes left out."""
    marks, _, rest = record.text.split("\n")[line - 1].strip().partition(" ")
    return marks, _HEADING_ATTRIBUTES.sub("", rest).strip()


def describe_ids(ids: list[str]) -> str:
    """'provision-1 .. provision-7, port-visa-transfer': runs of numbered ids shortened."""
    numbered: dict[str, list[int]] = {}
    plain = []
    for page_id in ids:
        match = re.fullmatch(r"(.*?)([1-9][0-9]*)", page_id)
        if match:
            numbered.setdefault(match.group(1), []).append(int(match.group(2)))
        else:
            plain.append(page_id)
    parts = []
    for prefix, numbers in sorted(numbered.items()):
        numbers.sort()
        run = [numbers[0]]
        for number in numbers[1:] + [None]:
            if number is not None and number == run[-1] + 1:
                run.append(number)
                continue
            parts += [f"{prefix}{run[0]} .. {prefix}{run[-1]}"] if len(run) >= 3 else [f"{prefix}{n}" for n in run]
            run = [number]
    return ", ".join(parts + sorted(plain)) or "none"


def _own(edition: Edition) -> list[PageRecord]:
    """The edition's own pages (not English fallbacks), by path."""
    return [edition.records[uri] for uri in sorted(edition.records) if not edition.records[uri].fallback]


def _kinds(edition: Edition) -> dict[str, set]:
    """Page id -> its kinds, fallbacks included, even where the front matter as a whole cannot be read.

    Keeps one broken page from making every link to it an "unknown id" as well.
    """
    kinds: dict[str, set] = {}
    for record in edition.records.values():
        identity = _identity(record)
        if isinstance(identity.get("id"), str):
            kinds.setdefault(identity["id"], set()).add(identity.get("kind"))
    return kinds


def _identity(record: PageRecord) -> dict:
    if record.meta is not None:
        return record.meta
    match = YAML_RE.match(record.text)
    return {key: value.strip("'\"") for key, value in _ID_OR_KIND.findall(match.group(1))} if match else {}


def _meta(record: PageRecord) -> dict:
    return record.meta or {}


def _at(record: PageRecord, where: tuple) -> str:
    line = record.line(where)
    return f"{record.label}:{line}" if line else record.label


def _items(meta: dict, key: str) -> list[tuple[int, dict]]:
    """(index, item) of the mappings in a list-of-records key (`terms`, `steps`)."""
    items = meta.get(key)
    return [(index, item) for index, item in enumerate(items if isinstance(items, list) else []) if isinstance(item, dict)]


def _term_names(term: dict) -> list[str]:
    """The names a glossary term is linked by: en, zh and its 'also' names (well-typed ones only)."""
    also = term.get("also") if isinstance(term.get("also"), list) else []
    return [name.strip() for name in (term.get("en"), term.get("zh"), *also) if isinstance(name, str) and name.strip()]


# --- data -------------------------------------------------------------------------

# Top folders of the built site that the build writes itself: the Chinese edition, assets, the search index.
BUILD_FOLDERS = ("zh", "assets", "search")

CARDS_MARKER = MARKERS[0]
_MARKER = re.compile(r"<!--\s*([a-z][a-z0-9-]*:[a-z][a-z0-9-]*)\s*-->")
_HEADING_ATTRIBUTES = re.compile(r"\s*\{[^{}]*\}\s*#*\s*$")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_ID_OR_KIND = re.compile(r"^(id|kind)[ \t]*:[ \t]*(\S+)[ \t]*$", re.MULTILINE)
# A class attribute that holds REINDEER_VIEW among its classes.
_VIEW_BLOCK_CLASS = re.compile(rf"""\bclass\s*=\s*(["'])(?:[^"']*\s)?{REINDEER_VIEW}(?:\s[^"']*)?\1""")

PAGE_CHECKS = (reading, heading_ids, placeholders_and_markers, required_blocks, safe_html, history_dates)
EDITION_CHECKS = (files, unique_ids, related_pages, step_pages, moved_from_live_pages, glossary_terms, notices, notice_sources, translation_records, translations)
PAIR_CHECKS = (same_values, same_terms, same_steps, same_heading_ids, translated_headings)
