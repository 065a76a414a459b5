"""Each page read once per edition into a record that every later stage uses (no events).

hooks/editions.py calls `read_edition` at on_files, when each page of the build points at its
source (docs/ or docs_zh/): every page is read, its front matter parsed (with the file line of
every key) and validated against content/model.py. hooks/checks.py reports the record's
problems, hooks/cross_links.py makes the catalog from the records, hooks/editions.py the
redirects and search titles. An edition's records stay until the next build of that edition,
so the Chinese build compares its pages with the English build's records without reading again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.utils.meta import YAML_RE

from content.catalog import Catalog, read_catalog
from content.layout import CHINESE, DEFAULT_LANGUAGE, current_language, edition_source, other_language, source_label, zh_docs_dir
from content.model import Page, required_keys, validate
from content.safety import content_problems, front_matter_problems, page_size_problems, yaml_error_line

try:
    from yaml import CSafeLoader as SafeLoader  # libyaml, where PyYAML was built with it
except ImportError:  # pragma: no cover
    from yaml import SafeLoader

# --- helpers: editions ----------------------------------------------------------


def read_edition(files: Files, config: MkDocsConfig) -> Edition:
    """Read every page of this build from the file it is built from; kept as the current edition."""
    language = current_language(config)
    records = {}
    for file in files.documentation_pages():
        if file.generated_by is not None:
            continue
        source = edition_source(config, file.src_uri)
        fallback = source is None  # no docs_zh/ file: the build shows the English page
        path = source or Path(config.docs_dir).resolve() / file.src_uri
        label = source_label(config, file.src_uri, DEFAULT_LANGUAGE if fallback else language)
        records[file.src_uri] = read_page(path.read_bytes(), label, file.src_uri, fallback=fallback)
    EDITIONS[language] = Edition(language, records)
    return EDITIONS[language]


def edition(config: MkDocsConfig) -> Edition:
    """The records of the edition being built."""
    return EDITIONS[current_language(config)]


def twin(config: MkDocsConfig, uri: str) -> Page | None:
    """The validated front matter of the same page in the other edition, read from its file (None if it has a problem)."""
    other = other_language(current_language(config))
    path = (zh_docs_dir(config) if other == CHINESE else Path(config.docs_dir).resolve()) / uri
    return read_page(path.read_bytes(), source_label(config, uri, other), uri).page if path.is_file() else None


# --- helpers: one page ----------------------------------------------------------


def read_page(raw: bytes, label: str, uri: str, fallback: bool = False) -> PageRecord:
    """Everything the build needs from one source file, and the problems found reading it."""
    record = PageRecord(uri=uri, label=label, raw=raw, fallback=fallback)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        record.problems.append(
            (line, f"not UTF-8 text (byte 0x{raw[error.start]:02x} cannot be read); save the file as UTF-8 in your editor")
        )
        record.unreadable = True
        text = raw.decode("utf-8-sig", errors="replace")
    record.text = text.replace("\r\n", "\n").replace("\r", "\n")
    refused = page_size_problems(record.text)
    if refused:  # no parser reads it: the page builds empty (hooks/editions.py, on_page_read_source)
        record.problems += refused
        record.unreadable = True
        record.text = ""
        return record
    if not record.text.strip():
        record.problems.append((None, "empty file; write the page, or delete it in both docs/ and docs_zh/"))
        return record
    _read_front_matter(record)
    if record.meta is not None:
        record.page, found = validate(record.meta)
        record.problems += [(path, f"front matter: {text}") for path, text in found]
        record.bad_keys = {path[0] for path, _ in found if path}
    return record


def _read_front_matter(record: PageRecord) -> None:
    """The front matter as MkDocs reads it (same pattern and loader), with the file line of every key."""
    text = record.text
    match = YAML_RE.match(text)
    if match is None:
        if text.startswith("---"):
            record.problems.append((1, "front matter has no closing '---' line; end it with a line of three dashes"))
        else:
            record.problems.append((1, f"no front matter; start the page with '---', its keys ({', '.join(required_keys(None))}, ...) and '---'"))
        return
    record.body_start = text[: match.end()].count("\n")
    source = match.group(1)
    hazards = front_matter_problems(source, FRONT_MATTER_FIRST_LINE)
    if hazards:  # refused before anything expands it
        record.problems += hazards
        return
    loader = SafeLoader(source)
    node = None
    try:
        node = loader.get_single_node()  # parsed once: the nodes give line numbers, then the values
        meta = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        line = yaml_error_line(error, source, FRONT_MATTER_FIRST_LINE)
        record.problems.append((line, f"front matter is not valid YAML ({error.problem}); check quotes, colons and indentation"))
        return
    except yaml.YAMLError as error:
        record.problems.append((1, f"front matter is not valid YAML ({error})"))
        return
    except ValueError as error:  # a date that does not exist, e.g. 2024-13-01
        record.problems.append(
            (_first_bad_date_line(node), f"front matter has an impossible date ({error}); write dates as YYYY-MM-DD"))
        return
    if not isinstance(meta, dict):
        record.problems.append((FRONT_MATTER_FIRST_LINE, "front matter must be 'key: value' lines"))
        return
    record.meta = meta
    _index_lines(node, (), record.lines, record.problems)


def _index_lines(node: yaml.Node, path: tuple, lines: dict, problems: list) -> None:
    """Record the file line of every key and list item; report keys given twice."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + FRONT_MATTER_FIRST_LINE
            key = key_node.value
            if key in seen:
                name = "".join(f"[{p + 1}]" if isinstance(p, int) else (f".{p}" if i else str(p)) for i, p in enumerate(path + (key,)))
                problems.append((line, f"front matter: '{name}' is given twice (lines {seen[key]} and {line}); keep one"))
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


# --- data -----------------------------------------------------------------------

# YAML's first line is the file's second line (the first is '---'); marks count from 0.
FRONT_MATTER_FIRST_LINE = 2
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_HEADING = re.compile(r"^\s*#{1,6}\s.*\{:?(?P<attributes>[^{}]*)\}\s*#*\s*$")
_ATTRIBUTE_ID = re.compile(r"(?:^|\s)#([^\s#{}]+)")


class Problem(NamedTuple):
    """One line of the build's report: the file staff edit, the line where known, what is wrong and the fix."""

    label: str
    line: int | None
    text: str

    def __str__(self) -> str:
        return f"{self.label}:{self.line}: {self.text}" if self.line else f"{self.label}: {self.text}"


@dataclass(eq=False)
class PageRecord:
    """One source file of one edition, as read and validated once."""

    uri: str  # 'notices/x/apostille.md'
    label: str  # the file staff edit: 'docs_zh/notices/x/apostille.md'
    raw: bytes
    fallback: bool = False  # an English page the Chinese edition shows untranslated
    text: str = ""  # the file's text, line ends normalised
    unreadable: bool = False
    body_start: int = 0  # index of the first line after the front matter
    meta: dict | None = None  # the front matter as parsed, when it is a mapping
    lines: dict = field(default_factory=dict)  # key path -> file line
    page: Page | None = None  # the validated front matter, when it has no problem
    bad_keys: set = field(default_factory=set)  # front-matter keys with a problem
    problems: list = field(default_factory=list)  # [(line or key path or None, text)]

    @property
    def body(self) -> str:
        """The Markdown after the front matter."""
        return "\n".join(self.text.split("\n")[self.body_start :]).lstrip("\n")

    @cached_property
    def source_problems(self) -> list:
        """[(line, text)]: the page body against the allowlist (content/safety.py), the first of two layers."""
        if not self.text.strip():
            return []
        return content_problems("\n".join(self.text.split("\n")[self.body_start :]), self.body_start + 1)

    @cached_property
    def headings(self) -> list[tuple[str, int]]:
        """Explicit heading ids (`## Title { #id }`) with their lines, outside code blocks."""
        found = []
        fence = None
        for number, line in enumerate(self.text.split("\n")[self.body_start :], start=self.body_start + 1):
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

    def line(self, where: int | tuple | None) -> int | None:
        """The file line of `where`: a line, or the most specific part of a key path the front matter has."""
        if where is None or isinstance(where, int):
            return where
        while where:
            if where in self.lines:
                return self.lines[where]
            where = where[:-1]
        return None

    def problem(self, where: int | tuple | None, text: str) -> Problem:
        return Problem(self.label, self.line(where), text)


@dataclass(eq=False)
class Edition:
    """Every page of one edition's build, by src_uri."""

    language: str
    records: dict[str, PageRecord]
    templates: object = None  # the list templates' Jinja environment, made by content/render.py on first use

    @cached_property
    def catalog(self) -> Catalog:
        """What the cross-links need: notices, provisions, guides and glossary terms of this edition."""
        return read_catalog(self.records.values(), self.language)


# The latest records of each edition ('en', 'zh'), replaced by each build of that edition.
EDITIONS: dict[str, Edition] = {}
