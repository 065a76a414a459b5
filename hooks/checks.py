"""Check every page staff wrote, in both editions, and the built pages; each problem one WARNING line.

Events (each runs in the English build and again in the Chinese one):
- on_config: MkDocs' own link warnings name the file staff edit and its line (a logging
  filter, removed again at on_post_build / on_build_error); in the first build, a counter of
  both editions' problems starts.
- on_files, priority -120 (after mkdocs-static-i18n at -100 and editions.py at -110, so each
  page is checked in the file it is built from): front matter against content/schema.py, page
  bodies and files against content/safety.py (a provision has its Reindeer View), ids, notices,
  related pages, glossary terms; in the Chinese build also the pairs of pages (same keys,
  heading ids, terms, translation records).
- on_env, priority -100: every page is read, none rendered: titles become escaped text.
- on_page_markdown, priority 100: a value of the wrong type, already reported, is dropped, so
  no later code trusting the schema ends in a traceback.
- on_post_page: a built page that would load anything from another host is reported.
- on_post_build: stylesheets that load anything from another host are reported; in the Chinese
  build, a strict run ends with the count of both editions' problems.
CONTRIBUTING.md ("Build messages and their fixes") lists every message.
"""

from __future__ import annotations

import difflib
import logging
import re
from datetime import date, datetime
from functools import lru_cache, partial
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler
from mkdocs.utils.meta import YAML_RE

from content.schema import (
    ANY_KIND_OPTIONAL_KEYS,
    AUDIENCES,
    CHANGES,
    CHINESE,
    COMMON_KEYS,
    DEFAULT_LANGUAGE,
    GUIDE_SECTIONS,
    MARKERS,
    HIDE_VALUES,
    ID_PATTERN,
    KEY_TYPES,
    KIND_KEYS,
    NOTICES_FOLDER,
    OPTIONAL_KEYS,
    PLACEHOLDER,
    RELATABLE_KINDS,
    SAME_IN_BOTH_EDITIONS,
    STATUSES,
    TERM_KEYS,
    TERM_OPTIONAL_KEYS,
    SafeLoader,
    edition_source,
    is_chinese_build,
    source_label,
    zh_docs_dir,
)
from content.record import HASH_PATTERN, RECORD_KEY, page_uris
from content.safety import content_problems, css_external, escape_page_title, external_resources, file_problems, front_matter_problems, yaml_error_line

log = logging.getLogger("mkdocs.hooks.checks")

# --- hooks ------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> None:
    _remove_link_filters()
    logging.getLogger(MKDOCS_PAGES_LOGGER).addFilter(partial(_name_the_source, config))
    if not is_chinese_build(config):  # the first build of a run: count both editions' problems
        _problems_counted(reset=True)


# After mkdocs-static-i18n (-100) and editions.py (-110): see the module docstring.
@event_priority(-120)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    records = {}
    for file in files.documentation_pages():
        if file.generated_by is not None:
            continue
        source = edition_source(config, file.src_uri)
        if source is None:  # no docs_zh/ file: reported below as a missing translation
            continue
        record = _read_page(source, source_label(config, file.src_uri), file.src_uri)
        if record["unreadable"]:
            file.content_string = record["text"]  # MkDocs would stop with a traceback
        records[file.src_uri] = record

    english = {}
    if is_chinese_build(config):
        english = {
            file.src_uri: _read_page(
                Path(config.docs_dir) / file.src_uri, source_label(config, file.src_uri, DEFAULT_LANGUAGE), file.src_uri
            )
            for file in files.documentation_pages()
            if file.generated_by is None
        }

    problems = [(record, where, text) for record in records.values() for where, text in record["problems"]]
    folder = zh_docs_dir(config) if is_chinese_build(config) else Path(config.docs_dir)
    problems += [({"label": label, "lines": {}}, None, text) for label, text in file_problems(folder, folder.name)]
    for record in records.values():
        problems += _schema_problems(record, config)
    problems += _edition_problems(records, {uri: page for uri, page in english.items() if uri not in records})
    if english:
        problems += _translation_problems(records, english, config)

    located = sorted(
        ((*_where(record, where), text) for record, where, text in problems),
        key=lambda item: (item[0], item[1] or 0, item[2]),
    )
    for label, line, text in located:
        log.warning(_format(label, line, text))
    return files


# Early, before other hooks, Material's search and the templates read page.meta.
@event_priority(100)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.generated_by is None:
        for key in [key for key, value in page.meta.items() if _wrong_shape(key, value)]:
            del page.meta[key]  # reported by on_files; the page builds as if the key were absent
    return markdown


# Late among on_env handlers, so any other sees the titles as written.
@event_priority(-100)
def on_env(env, *, config: MkDocsConfig, files: Files):
    # Every page is read and none rendered yet: titles become escaped text for every template.
    for file in files.documentation_pages():
        if file.page is not None:
            escape_page_title(file.page)
    return env


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    for url in external_resources(output):
        log.warning(
            f"{source_label(config, page.file.src_uri)}: the page would load {url} from another host; "
            "put the file in docs/assets/ and link it there, or link to the page instead of embedding it"
        )
    return output


def on_post_build(config: MkDocsConfig) -> None:
    _remove_link_filters()
    if not is_chinese_build(config):  # the stylesheets are shared: checked once
        for sheet in sorted(Path(config.site_dir).rglob("*.css")):
            for url in css_external(sheet.read_text(encoding="utf-8", errors="replace")):
                where = sheet.relative_to(config.site_dir).as_posix()
                log.warning(f"{where}: the stylesheet would load {url} from another host; put the file in docs/assets/ and link it there")
    # MkDocs' own closing line counts the last build's warnings only, the Chinese edition's.
    total = _problems_counted()
    if is_chinese_build(config) and config.strict and total:
        raise Abort(f"Aborted with {total} problem{'s' if total > 1 else ''} in the two editions together, each on a WARNING line above.")


def on_build_error(error: Exception) -> None:
    _remove_link_filters()


# --- helpers: reading a page ------------------------------------------------


def _read_page(path: Path, label: str, uri: str) -> dict:
    """Everything the checks need from one source file, and the problems found reading it.

    The record is shared, read-only: each English page is read by both editions' builds.
    """
    return _page_record(path.read_bytes(), label, uri)


@lru_cache(maxsize=4096)
def _page_record(raw: bytes, label: str, uri: str) -> dict:
    record = {
        "uri": uri,
        "label": label,
        "text": "",
        "unreadable": False,
        "meta": None,
        "lines": {},
        "headings": [],
        "problems": [],
    }
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        record["problems"].append(
            (line, f"not UTF-8 text (byte 0x{raw[error.start]:02x} cannot be read); save the file as UTF-8 in your editor")
        )
        record["unreadable"] = True
        text = raw.decode("utf-8-sig", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    record["text"] = text
    if not text.strip():
        record["problems"].append((None, "empty file; write the page, or delete it in both docs/ and docs_zh/"))
        return record
    meta, lines, problems, body_start = _front_matter(text)
    record.update(meta=meta, lines=lines)
    record["problems"] += problems
    record["headings"] = _heading_ids(text, body_start)
    seen: dict[str, int] = {}
    for anchor, line in record["headings"]:
        if anchor in seen:
            record["problems"].append(
                (line, f"heading id '#{anchor}' is used twice (lines {seen[anchor]} and {line}); give each heading its own id")
            )
        seen.setdefault(anchor, line)
    record["problems"] += _body_problems(text, body_start, meta or {}, record["headings"])
    record["problems"] += content_problems("\n".join(text.split("\n")[body_start:]), body_start + 1)
    return record


def _body_problems(text: str, body_start: int, meta: dict, headings: list[tuple[str, int]]) -> list:
    """Markers, scaffold placeholders, a provision's Reindeer View, and the sections a situation guide must have."""
    problems = []
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        if PLACEHOLDER in line:
            what = line.split(PLACEHOLDER, 1)[1].strip(" .\"'*<>-]").strip() or "this text"
            problems.append((number,
                f"placeholder left by the scaffold ({PLACEHOLDER} {what}); write the real text in its place"))
        if number > body_start:
            for marker in _MARKER.findall(line):
                if marker not in MARKERS:
                    known = ", ".join(f"<!-- {m} -->" for m in MARKERS)
                    problems.append((number, f"unknown marker <!-- {marker} -->; known markers: {known}"))
    if meta.get("kind") == "notice" and f"<!-- {CARDS_MARKER} -->" not in text:
        problems.append((None,
            f"notice page has no <!-- {CARDS_MARKER} -->; put it where the list of the notice's provisions goes"))
    if meta.get("kind") == "provision" and REINDEER_VIEW not in [anchor for anchor, _ in headings]:
        problems.append((None, f"provision page has no Reindeer View heading; add one with the id '{REINDEER_VIEW}': "
                         f"'## Reindeer View {{ #{REINDEER_VIEW} }}'"))
    if meta.get("kind") == "provision" and not _VIEW_BLOCK_CLASS.search(text):
        problems.append((None, f'provision page has no Reindeer View block; put the view inside <div class="{REINDEER_VIEW}" markdown> ... </div>'))
    if meta.get("kind") == "guide":
        ids = [anchor for anchor, _ in headings]
        missing = [section for section in GUIDE_SECTIONS if section not in ids]
        if missing:
            problems.append((None, f"situation guide has no heading with the id {', '.join('#' + m for m in missing)}; "
                             f"a guide has these sections, in this order: {', '.join('#' + s for s in GUIDE_SECTIONS)}"))
        elif [anchor for anchor in ids if anchor in GUIDE_SECTIONS] != list(GUIDE_SECTIONS):
            problems.append((None,
                f"situation guide sections are out of order; put them in this order: {', '.join('#' + s for s in GUIDE_SECTIONS)}"))
    return problems


def _front_matter(text: str) -> tuple[dict | None, dict, list, int]:
    """The front matter as MkDocs reads it (same pattern and loader), with file lines.

    Returns (meta or None, {key path: line}, problems, index of the first body line).
    """
    match = YAML_RE.match(text)
    if match is None:
        if text.startswith("---"):
            return None, {}, [(1, "front matter has no closing '---' line; end it with a line of three dashes")], 0
        return None, {}, [(1, f"no front matter; start the page with '---', its keys ({', '.join(COMMON_KEYS)}, ...) and '---'")], 0
    body_start = text[: match.end()].count("\n")
    source = match.group(1)
    hazards = front_matter_problems(source, FRONT_MATTER_FIRST_LINE)
    if hazards:  # refused before anything expands it
        return None, {}, hazards, body_start
    loader = SafeLoader(source)
    node = None
    try:
        node = loader.get_single_node()  # parsed once: the nodes give line numbers, then the values
        meta = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        line = yaml_error_line(error, source, FRONT_MATTER_FIRST_LINE)
        return None, {}, [(line, f"front matter is not valid YAML ({error.problem}); check quotes, colons and indentation")], body_start
    except yaml.YAMLError as error:
        return None, {}, [(1, f"front matter is not valid YAML ({error})")], body_start
    except ValueError as error:  # a date that does not exist, e.g. 2024-13-01
        line = _first_bad_date_line(node)
        return None, {}, [(line, f"front matter has an impossible date ({error}); write dates as YYYY-MM-DD")], body_start
    if not isinstance(meta, dict):
        return None, {}, [(FRONT_MATTER_FIRST_LINE, "front matter must be 'key: value' lines")], body_start
    lines: dict = {}
    problems: list = []
    _index_lines(node, (), lines, problems)
    return meta, lines, problems, body_start


def _index_lines(node: yaml.Node, path: tuple, lines: dict, problems: list) -> None:
    """Record the file line of every key and list item; report keys given twice."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + FRONT_MATTER_FIRST_LINE
            key = key_node.value
            if key in seen:
                problems.append(
                    (line, f"front matter: '{_key_name(path + (key,))}' is given twice (lines {seen[key]} and {line}); keep one")
                )
            seen.setdefault(key, line)
            lines.setdefault(path + (key,), line)
            _index_lines(value_node, path + (key,), lines, problems)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[path + (index,)] = item.start_mark.line + FRONT_MATTER_FIRST_LINE
            _index_lines(item, path + (index,), lines, problems)


def _first_bad_date_line(node: yaml.Node | None) -> int:
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            stack += [value for pair in reversed(current.value) for value in reversed(pair)]
        elif isinstance(current, yaml.SequenceNode):
            stack += reversed(current.value)
        elif isinstance(current, yaml.ScalarNode) and current.tag.endswith(":timestamp"):
            try:
                yaml.load(current.value, Loader=SafeLoader)
            except ValueError:
                return current.start_mark.line + FRONT_MATTER_FIRST_LINE
    return 1


def _heading_ids(text: str, body_start: int) -> list[tuple[str, int]]:
    """Explicit heading ids (`## Title { #id }`) with their lines, outside code blocks."""
    found = []
    fence = None
    lines = text.split("\n")
    for number, line in enumerate(lines[body_start:], start=body_start + 1):
        opening = _FENCE.match(line)
        if opening:
            marker = opening.group(1)
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = None
            continue
        if fence is None and (heading := _HEADING.match(line)):
            found += [(anchor, number) for anchor in _ATTRIBUTE_ID.findall(heading.group("attributes"))]
    return found


# --- helpers: checks --------------------------------------------------------


def _schema_problems(record: dict, config: MkDocsConfig) -> list:
    """Keys and value types of one page, against content/schema.py."""
    meta = record["meta"]
    if meta is None:
        return []
    problems = []
    chinese = is_chinese_build(config)
    kind = meta.get("kind")
    known_kind = isinstance(kind, str) and kind in KIND_KEYS
    required = COMMON_KEYS + (KIND_KEYS[kind] if known_kind else ())
    allowed = set(required) | set(OPTIONAL_KEYS.get(kind, ())) | set(ANY_KIND_OPTIONAL_KEYS) if known_kind else set(KEY_TYPES)
    for key in required:
        if key not in meta:
            problems.append((record, None,
                f"front matter: '{key}' is missing" + (f" (a {kind} page needs it)" if known_kind else "")))
    english_label = source_label(config, record["uri"], DEFAULT_LANGUAGE)
    if chinese and RECORD_KEY not in meta:
        problems.append((record, None,
            f"front matter: '{RECORD_KEY}' is missing; when this translation matches {english_label}, "
            f"run: python -m tools.translations mark {record['label']}"))
    if not chinese and RECORD_KEY in meta:
        problems.append((record, (RECORD_KEY,), f"front matter: '{RECORD_KEY}' belongs in docs_zh/ pages only; remove it here"))
    for key, value in meta.items():
        if key == RECORD_KEY and not chinese:
            continue
        if key not in allowed:
            if key in KEY_TYPES:
                text = f"'{key}' does not belong on a {kind} page (allowed: {', '.join(sorted(allowed))})"
            else:
                close = difflib.get_close_matches(str(key), sorted(allowed), n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"allowed: {', '.join(sorted(allowed))}"
                text = f"unknown key '{key}'; {hint}"
            problems.append((record, (key,), f"front matter: {text}"))
            continue
        for path, text in _CHECKS[KEY_TYPES[key]](key, value):
            problems.append((record, path, f"front matter: {text}"))
    return problems


def _edition_problems(records: dict, fallbacks: dict) -> list:
    """What ties the pages of one edition together: ids, related pages, glossary terms.

    `fallbacks`: English pages this edition shows untranslated (their ids exist too).
    """
    problems = []
    pages_by_id: dict[str, dict] = {}
    kinds: dict[str, set] = {}
    for record in [*records.values(), *fallbacks.values()]:
        identity = _identity(record)
        if isinstance(identity.get("id"), str):
            kinds.setdefault(identity["id"], set()).add(identity.get("kind"))
    for uri in sorted(records):
        record = records[uri]
        page_id = _meta(record).get("id")
        if not isinstance(page_id, str):
            continue
        if page_id in pages_by_id:
            problems.append(
                (record, ("id",), f"front matter: id '{page_id}' is already used by {pages_by_id[page_id]['label']}; give each page its own id")
            )
        else:
            pages_by_id[page_id] = record
    relatable = sorted(page_id for page_id, kind in kinds.items() if kind & set(RELATABLE_KINDS))
    provisions = sorted(page_id for page_id, kind in kinds.items() if "provision" in kind)

    problems += _notice_problems(records, kinds)
    terms_seen: dict[str, str] = {}
    names_seen: dict[str, str] = {}
    for uri in sorted(records):
        record = records[uri]
        meta = _meta(record)
        related = meta.get("related")
        for index, item in enumerate(related if isinstance(related, list) else []):
            if not isinstance(item, str):
                continue
            if item == meta.get("id"):
                problems.append((record, ("related", index),
                    f"front matter: 'related' names this page itself ('{item}'); remove it"))
            elif item in kinds and item not in relatable:
                problems.append((record, ("related", index),
                    f"front matter: 'related' names '{item}', a {' or '.join(sorted(map(str, kinds[item])))} page; only provision and "
                    f"process pages can be related (known: {_describe_ids(relatable)})"))
            elif item not in kinds:
                problems.append(
                    (record, ("related", index), f"front matter: 'related' names unknown id '{item}' (known: {_describe_ids(relatable)})")
                )
        for index, term in _terms(meta):
            term_id = term.get("id")
            if isinstance(term_id, str):
                where = _at(*_where(record, ("terms", index)))
                if term_id in terms_seen:
                    problems.append(
                        (record, ("terms", index, "id"), f"glossary term '{term_id}' is defined twice (first at {terms_seen[term_id]}); keep one")
                    )
                terms_seen.setdefault(term_id, where)
                for name in _term_names(term):
                    owner = names_seen.setdefault(name.casefold(), term_id)
                    if owner != term_id:
                        problems.append((record, ("terms", index),
                            f"glossary name '{name}' belongs to both '{owner}' and '{term_id}'; a name links to one entry only, "
                            "so keep it under one term"))
            named = term.get("provisions")
            for position, item in enumerate(named if isinstance(named, list) else []):
                if isinstance(item, str) and item not in provisions:
                    problems.append((record, ("terms", index, "provisions", position),
                        f"glossary term '{term_id}': 'provisions' names unknown provision id '{item}' "
                        f"(known: {_describe_ids(provisions)})"))
    return problems


def _notice_problems(records: dict, kinds: dict) -> list:
    """Notices: provisions name a notice and live in its folder; numbers unique within a notice."""
    problems = []
    notices = sorted(page_id for page_id, kind in kinds.items() if "notice" in kind)
    numbers: dict[tuple[str, int], dict] = {}
    for uri in sorted(records):
        record = records[uri]
        meta = _meta(record)
        kind = meta.get("kind")
        if kind == "notice":
            status, newer = meta.get("status"), meta.get("superseded_by")
            if status == "superseded" and newer is None:
                problems.append((record, ("status",),
                    "front matter: a superseded notice needs 'superseded_by: <id of the notice that replaces it>'"))
            if newer is not None and status != "superseded":
                problems.append((record, ("superseded_by",),
                    f"front matter: 'superseded_by' goes with 'status: superseded' (status is {_show(status)}); remove one"))
            if isinstance(newer, str) and newer not in notices:
                problems.append((record, ("superseded_by",),
                    f"front matter: 'superseded_by' names unknown notice '{newer}' (known: {', '.join(notices) or 'none'})"))
            if isinstance(meta.get("id"), str) and uri != f"{NOTICES_FOLDER}/{meta['id']}/index.md":
                problems.append((record, ("id",),
                    f"a notice page belongs at {NOTICES_FOLDER}/{meta['id']}/index.md; move it there, or change its id"))
        if kind != "provision":
            continue
        notice = meta.get("notice")
        if isinstance(notice, str) and notice not in notices:
            problems.append((record, ("notice",),
                f"front matter: 'notice' names unknown notice '{notice}' (known: {', '.join(notices) or 'none'})"))
        elif isinstance(notice, str) and not uri.startswith(f"{NOTICES_FOLDER}/{notice}/"):
            problems.append((record, ("notice",),
                f"a provision of notice '{notice}' belongs in {NOTICES_FOLDER}/{notice}/; move the page there (and in the other edition)"))
        number = meta.get("number")
        if isinstance(notice, str) and isinstance(number, int):
            first = numbers.setdefault((notice, number), record)
            if first is not record:
                problems.append((record, ("number",),
                    f"front matter: number {number} is already used in notice '{notice}' by {first['label']}; give each provision its own number"))
    return problems


def _translation_problems(chinese: dict, english: dict, config: MkDocsConfig) -> list:
    """Chinese build only: each page in both folders, and the same page alike in both."""
    problems = []
    for uri in sorted(english):
        if uri not in chinese:
            zh_label = source_label(config, uri, CHINESE)
            problems.append((english[uri], None,
                f"no Chinese translation; copy it to {zh_label}, translate it, then run: python -m tools.translations mark {zh_label}"))
    for uri in page_uris(zh_docs_dir(config)):
        if uri not in english:
            orphan = {"label": source_label(config, uri, CHINESE), "lines": {}}
            problems.append((orphan, None,
                f"no English page {source_label(config, uri, DEFAULT_LANGUAGE)}; add it, or move this file to the path of its English page"))
    for uri in sorted(set(chinese) & set(english)):
        problems += _pair_problems(chinese[uri], english[uri])
    return problems


def _pair_problems(zh: dict, en: dict) -> list:
    if not zh["text"].strip() or not en["text"].strip():
        return []  # an empty file is reported as such
    problems = []
    zh_meta, en_meta = zh["meta"], en["meta"]
    if zh_meta is not None and en_meta is not None:
        kind = en_meta.get("kind")
        required = set(COMMON_KEYS) | set(KIND_KEYS.get(kind, ()) if isinstance(kind, str) else ())
        for key in SAME_IN_BOTH_EDITIONS:
            if key not in zh_meta and key not in en_meta:
                continue
            if (key not in zh_meta or key not in en_meta) and key in required:
                continue  # reported as a missing key
            zh_value, en_value = zh_meta.get(key), en_meta.get(key)
            if any(_CHECKS[KEY_TYPES[key]](key, value) for value in (zh_value, en_value) if value is not None):
                continue  # a value of the wrong type or with an unknown tag is reported as such
            if zh_value != en_value:
                problems.append((zh, (key,),
                    f"front matter: '{key}' is {_show(zh_value)} here but {_show(en_value)} in {en['label']}; "
                    f"a page has the same {key} in both editions"))
        zh_terms = {term.get("id"): index for index, term in _terms(zh_meta)}
        en_terms = {term.get("id"): index for index, term in _terms(en_meta)}
        for term_id in en_terms.keys() - zh_terms.keys():
            problems.append(
                (zh, ("terms",), f"glossary term '{term_id}' of {_at(*_where(en, ('terms', en_terms[term_id])))} is missing here; translate it")
            )
        for term_id in zh_terms.keys() - en_terms.keys():
            problems.append(
                (zh, ("terms", zh_terms[term_id]), f"glossary term '{term_id}' is not in {en['label']}; add it there, or remove it here")
            )
    zh_ids = dict(reversed(zh["headings"]))
    en_ids = dict(reversed(en["headings"]))
    for anchor in en_ids.keys() - zh_ids.keys():
        problems.append((zh, None,
            f"heading id '#{anchor}' of {en['label']}:{en_ids[anchor]} is missing here; "
            f"give the translated heading the same id: '## 标题 {{ #{anchor} }}'"))
    for anchor in zh_ids.keys() - en_ids.keys():
        problems.append((zh, zh_ids[anchor],
            f"heading id '#{anchor}' is not in {en['label']}; a translated heading keeps the English heading's id"))
    return problems


# --- helpers: value checks (one per KEY_TYPES type) -------------------------


def _wrong_shape(key: object, value: object) -> bool:
    """Whether a value is of the wrong type as a whole (`search: 5`, `title: [a, b]`).

    Item-level problems (an unknown tag in a list) do not count: other hooks skip bad items.
    """
    if key not in KEY_TYPES:
        return False
    return any(path == (key,) for path, _ in _CHECKS[KEY_TYPES[key]](key, value))


def _must(ok, message: str):
    """A value check: [] when ok(value), else one problem, `message` with {key} and {value} filled in."""
    return lambda key, value: [] if ok(value) else [((key,), message.format(key=key, value=_show(value)))]


def _one_of(choices):
    return _must(lambda value: isinstance(value, str) and value in choices, "'{key}' is {value}, not one of: " + ", ".join(choices))


def _list_of(ok, message: str, item_message: str):
    """A list check: one problem if the value is no list, else one per item that is not ok(item)."""
    def check(key, value):
        if not isinstance(value, list):
            return [((key,), message.format(key=key, value=_show(value)))]
        return [((key, index), item_message.format(key=key, value=_show(item))) for index, item in enumerate(value) if not ok(item)]
    return check


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _is_id(value: object) -> bool:
    return isinstance(value, str) and bool(re.fullmatch(ID_PATTERN, value))


def _is_search(value: object) -> bool:
    return (isinstance(value, dict) and set(value) <= {"exclude", "boost"} and isinstance(value.get("exclude", False), bool)
            and isinstance(value.get("boost", 1), (int, float)))


def _choices(allowed, noun: str):
    return _list_of(lambda item: item in allowed, f"'{{key}}' must be a list like [{', '.join(list(allowed)[:2])}], got {{value}}",
                    f"'{{key}}' has unknown {noun} {{value}} (allowed: {', '.join(allowed)})")


def _check_terms(key: str, value: object) -> list:
    if not isinstance(value, list):
        return [((key,), f"'{key}' must be a list of glossary terms, got {_show(value)}")]
    problems = []
    allowed = TERM_KEYS + TERM_OPTIONAL_KEYS
    for index, term in enumerate(value):
        if not isinstance(term, dict):
            problems.append(((key, index), f"glossary term {index + 1} must have the keys {', '.join(TERM_KEYS)}"))
            continue
        name = f"glossary term '{term['id']}'" if isinstance(term.get("id"), str) else f"glossary term {index + 1}"
        problems += [((key, index), f"{name} has no '{part}'") for part in TERM_KEYS if part not in term]
        problems += [
            ((key, index, part), f"{name} has unknown key '{part}' (allowed: {', '.join(allowed)})") for part in term if part not in allowed
        ]
        checks = {"id": _CHECKS["id"], "en": _CHECKS["text"], "zh": _CHECKS["text"], "meaning": _CHECKS["text"]}
        for part, check in checks.items():
            if part in term:
                problems += [((key, index) + path, f"{name}: {text}") for path, text in check(part, term[part])]
        for part in TERM_OPTIONAL_KEYS:
            items = term.get(part, [])
            if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
                problems.append(((key, index, part), f"{name}: '{part}' must be a list like [one, two], got {_show(items)}"))
    return problems


# --- helpers: reporting -----------------------------------------------------


def _where(record: dict, where: int | tuple | None) -> tuple[str, int | None]:
    """(file label, line): the line given, or found from a front-matter key path."""
    line = where if isinstance(where, int) or where is None else _line(record["lines"], where)
    return record["label"], line


def _format(label: str, line: int | None, text: str) -> str:
    return f"{_at(label, line)}: {text}"


def _at(label: str, line: int | None) -> str:
    return f"{label}:{line}" if line else label


def _line(lines: dict, path: tuple) -> int | None:
    """The line of the most specific part of `path` the front matter has."""
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return None


def _name_the_source(config: MkDocsConfig, record: logging.LogRecord) -> bool:
    """Logging filter: MkDocs' link warnings name docs/... or docs_zh/... and the line."""
    match = _MKDOCS_DOC_FILE.match(record.getMessage())
    if match is None:
        return True
    source = edition_source(config, match["uri"])
    if source is None and (Path(config.docs_dir) / match["uri"]).is_file():
        return False  # the Chinese build's English fallback: the English build reported it
    if source is None or not source.is_file():  # a generated page: keep MkDocs' words
        return True
    line = _line_of(source, match["link"])
    record.msg = _format(source_label(config, match["uri"]), line, match["rest"])
    record.args = ()
    return True


def _line_of(path: Path, link: str) -> int | None:
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    for needle in (f"]({link}", f'"{link}"', link):
        for number, line in enumerate(lines, start=1):
            if needle in line:
                return number
    return None


def _problems_counted(reset: bool = False) -> int:
    """WARNING lines logged since the first build of this run (a counter kept on MkDocs' logger)."""
    logger = logging.getLogger("mkdocs")
    counter = next((h for h in logger.handlers if isinstance(h, _ProblemCounter)), None)
    if reset or counter is None:
        if counter is not None:
            logger.removeHandler(counter)
        counter = _ProblemCounter(level=logging.WARNING)
        logger.addHandler(counter)
    return counter.counts.get(logging.WARNING, 0)


class _ProblemCounter(CountHandler):
    """MkDocs' warning counter, but for the whole run (MkDocs makes a new one per build)."""


def _remove_link_filters() -> None:
    """Remove our filter, also one left by an earlier load of this module (`mkdocs serve`)."""
    logger = logging.getLogger(MKDOCS_PAGES_LOGGER)
    for installed in list(logger.filters):
        if isinstance(installed, partial) and getattr(installed.func, "__name__", "") == _name_the_source.__name__:
            logger.removeFilter(installed)


def _meta(record: dict) -> dict:
    return record["meta"] if isinstance(record.get("meta"), dict) else {}


def _identity(record: dict) -> dict:
    """A page's id and kind, even when its front matter as a whole cannot be read.

    Keeps one broken page from making every link to it an "unknown id" as well.
    """
    if isinstance(record.get("meta"), dict):
        return record["meta"]
    match = YAML_RE.match(record.get("text", ""))
    return {key: value.strip("'\"") for key, value in _ID_OR_KIND.findall(match.group(1))} if match else {}


def _term_names(term: dict) -> list[str]:
    """The names a glossary term is linked by: en, zh and its 'also' names (well-typed ones only)."""
    also = term.get("also") if isinstance(term.get("also"), list) else []
    return [name.strip() for name in (term.get("en"), term.get("zh"), *also) if isinstance(name, str) and name.strip()]


def _terms(meta: dict) -> list[tuple[int, dict]]:
    terms = meta.get("terms")
    return [(index, term) for index, term in enumerate(terms if isinstance(terms, list) else []) if isinstance(term, dict)]


def _key_name(path: tuple) -> str:
    return "".join(f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if index else str(part)) for index, part in enumerate(path))


def _show(value: object) -> str:
    """A value as staff wrote it, short."""
    if isinstance(value, str):
        return f"'{value}'"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        shown = "[" + ", ".join(_show(item).strip("'") for item in value) + "]"
        return shown if len(shown) <= 60 else shown[:57] + "...]"
    if isinstance(value, dict):
        return "{" + ", ".join(str(key) for key in value) + "}"
    return str(value)


def _describe_ids(ids: list[str]) -> str:
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
            if len(run) >= 3:
                parts.append(f"{prefix}{run[0]} .. {prefix}{run[-1]}")
            else:
                parts += [f"{prefix}{n}" for n in run]
            run = [number]
    return ", ".join(parts + sorted(plain)) or "none"


# --- data -------------------------------------------------------------------

# YAML's first line is the file's second line (the first is '---'); marks count from 0.
FRONT_MATTER_FIRST_LINE = 2
REINDEER_VIEW = "reindeer-view"
MKDOCS_PAGES_LOGGER = "mkdocs.structure.pages"
# MkDocs 1.6 link and anchor warnings: "Doc file 'x.md' contains a link 'y.md', but ..."
_MKDOCS_DOC_FILE = re.compile(r"Doc file '(?P<uri>[^']+)' (?P<rest>contains [^']*'(?P<link>[^']*)'.*)", re.DOTALL)
_ID_OR_KIND = re.compile(r"^(id|kind)[ \t]*:[ \t]*(\S+)[ \t]*$", re.MULTILINE)
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_HEADING = re.compile(r"^\s*#{1,6}\s.*\{:?(?P<attributes>[^{}]*)\}\s*#*\s*$")
_ATTRIBUTE_ID = re.compile(r"(?:^|\s)#([^\s#{}]+)")
# A class attribute that holds REINDEER_VIEW among its classes.
_VIEW_BLOCK_CLASS = re.compile(rf"""\bclass\s*=\s*(["'])(?:[^"']*\s)?{REINDEER_VIEW}(?:\s[^"']*)?\1""")
_CHECKS = {
    "id": _must(_is_id, "'{key}' must be lower-case letters, digits and hyphens, like 'provision-2', got {value}"),
    "kind": _one_of(KIND_KEYS),
    "text": _must(_is_text, "'{key}' must be text, got {value}"),
    "date": _must(lambda value: isinstance(value, date) and not isinstance(value, datetime),
                  "'{key}' must be a date written YYYY-MM-DD, like 2023-12-25, got {value}"),
    "number": _must(lambda value: isinstance(value, int) and not isinstance(value, bool) and value >= 1,
                    "'{key}' must be a whole number from 1, got {value}"),
    "bilingual": _must(lambda value: isinstance(value, dict) and set(value) == {"en", "zh"} and all(map(_is_text, value.values())),
                       "'{key}' must have two indented lines, 'en: <English>' and 'zh: <中文>', got {value}"),
    "audiences": _choices(AUDIENCES, "tag"),
    "related": _list_of(lambda item: isinstance(item, str), "'{key}' must be a list of page ids, like [provision-2, provision-4], got {value}",
                        "'{key}' must list page ids, got {value}"),
    "change": _one_of(CHANGES),
    "hash": _must(lambda value: isinstance(value, str) and bool(HASH_PATTERN.fullmatch(value)),
                  "'{key}' is {value}, not a hash written by the translations tool; run: python -m tools.translations mark <this file>"),
    "hide": _choices(HIDE_VALUES, "value"),
    "search": _must(_is_search, "'{key}' may only hold 'exclude: true' or 'boost: <number>', got {value}"),
    "terms": _check_terms,
    "status": _one_of(STATUSES),
    "notice_id": _must(_is_id, "'{key}' must be lower-case letters, digits and hyphens, like 'provision-2', got {value}"),
    "url": _must(lambda value: isinstance(value, str) and bool(re.fullmatch(r"https://[^\s\"'<>]+", value)),
                 "'{key}' must be an address starting with https://, got {value}"),
    "audience": _one_of(AUDIENCES),
    "paths": _list_of(lambda item: isinstance(item, str) and bool(re.fullmatch(r"[a-z0-9][a-z0-9/_-]*\.md", item)) and ".." not in item,
                      "'{key}' must be a list of old page paths, like [provisions/apostille.md], got {value}",
                      "'{key}' must list old page paths ending in .md, like provisions/apostille.md, got {value}"),
    "texts": _must(lambda value: isinstance(value, list) and bool(value) and all(map(_is_text, value)),
                   "'{key}' must be a list of names, like [port visa, 口岸签证], got {value}"),
}
CARDS_MARKER = MARKERS[0]
_MARKER = re.compile(r"<!--\s*([a-z][a-z0-9-]*:[a-z][a-z0-9-]*)\s*-->")
