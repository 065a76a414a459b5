"""The content model every hook and tool shares: page kinds, their keys, and the editions.

CONTRIBUTING.md documents the same schema for staff; hooks/checks.py enforces it.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.meta import YAML_RE

# --- helpers: editions ------------------------------------------------------


def current_language(config: MkDocsConfig) -> str:
    """The edition being built now: 'en' in the first build, 'zh' in the second."""
    return config.plugins["i18n"].current_language or DEFAULT_LANGUAGE


def is_chinese_build(config: MkDocsConfig) -> bool:
    return current_language(config) == CHINESE


def project_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def zh_docs_dir(config: MkDocsConfig) -> Path:
    """docs_zh/, beside docs/: the Chinese sources, same relative paths."""
    return Path(config.docs_dir).resolve().parent / ZH_DOCS_DIR_NAME


def edition_source(config: MkDocsConfig, src_uri: str) -> Path | None:
    """docs/<uri>, or docs_zh/<uri> in the Chinese build (None when that file is missing)."""
    if not is_chinese_build(config):
        return Path(config.docs_dir).resolve() / src_uri
    zh_source = zh_docs_dir(config) / src_uri
    return zh_source if zh_source.is_file() else None


def source_label(config: MkDocsConfig, src_uri: str, language: str | None = None) -> str:
    """The path a member of staff edits, e.g. 'docs_zh/faq.md'."""
    language = language or current_language(config)
    folder = ZH_DOCS_DIR_NAME if language == CHINESE else Path(config.docs_dir).name
    return f"{folder}/{src_uri}"


def edition_prefix(language: str) -> str:
    """URL prefix of an edition inside the site: '' for English, 'zh/' for Chinese."""
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


def read_front_matter(text: str) -> tuple[str, dict]:
    """(body, meta) of a page; {} for front matter that is not a valid mapping (checks.py reports it)."""
    match = YAML_RE.match(text)
    if match is None:
        return text, {}
    try:
        meta = yaml.load(match.group(1), Loader=SafeLoader)
    except (yaml.YAMLError, ValueError):
        return text, {}
    if not isinstance(meta, dict):
        return text, {}
    return text[match.end() :].lstrip("\n"), meta


# --- data -------------------------------------------------------------------

try:
    from yaml import CSafeLoader as SafeLoader  # libyaml, where PyYAML was built with it
except ImportError:  # pragma: no cover
    from yaml import SafeLoader  # noqa: F401

DEFAULT_LANGUAGE = "en"
CHINESE = "zh"
LANGUAGES = (DEFAULT_LANGUAGE, CHINESE)
ZH_DOCS_DIR_NAME = "docs_zh"
# Every notice lives in its own folder: notices/<notice id>/index.md and its provisions beside it.
NOTICES_FOLDER = "notices"
AUDIENCE_FOLDER = "audiences"

# Who a page applies to: the fixed list for `applies_to`. Labels per edition.
AUDIENCES: dict[str, dict[str, str]] = {
    "category-a": {"en": "Category A (high-end talent)", "zh": "A类（外国高端人才）"},
    "category-b": {"en": "Category B (professionals)", "zh": "B类（外国专业人才）"},
    "research-talent": {"en": "Research talent", "zh": "科研类人才"},
    "job-transfer": {"en": "Changing employer", "zh": "转聘（更换用人单位）"},
    "extension": {"en": "Extending permits", "zh": "延期"},
    "first-application": {"en": "First application", "zh": "首次申请"},
    "family": {"en": "Accompanying family", "zh": "随行家属"},
    "foreign-teachers": {"en": "Foreign teachers and trainers", "zh": "外籍教师及培训师"},
    "urgent-entry": {"en": "Urgent entry to China", "zh": "紧急入境"},
}

# `change`: how a provision compares with earlier policy, as Reindeer described it at the end of 2023.
CHANGES: dict[str, dict[str, str]] = {
    "unchanged": {"en": "Unchanged, says Reindeer (end of 2023)", "zh": "据灵达（2023年底）：与之前政策相比无变化"},
    "widened": {"en": "Widened, says Reindeer (end of 2023)", "zh": "据灵达（2023年底）：较以往放宽"},
    "now-applied": {"en": "Now applied, says Reindeer (end of 2023)", "zh": "据灵达（2023年底）：已实际执行"},
}

# `status` of a notice.
STATUSES = ("in-force", "superseded", "expired")

# Page kinds and the front-matter keys each requires (every page also needs COMMON_KEYS).
COMMON_KEYS = ("id", "kind", "title", "description", "reviewed")
KIND_KEYS: dict[str, tuple[str, ...]] = {
    "notice": ("issuer", "name", "issued", "status"),
    "provision": ("notice", "number", "applies_to", "related"),
    "process": ("applies_to", "related"),
    "guide": ("audience",),
    "home": (),
    "glossary": ("terms",),
    "faq": (),
    "about": (),
    "index": (),
}
OPTIONAL_KEYS: dict[str, tuple[str, ...]] = {
    "notice": ("superseded_by", "document_number", "official_url"),
    "provision": ("change",),
}
ANY_KIND_OPTIONAL_KEYS = ("translated_from", "hide", "search", "moved_from", "also_called")

# What each front-matter key holds; hooks/checks.py checks each kind of value.
#   id: lower-case letters, digits and hyphens (ID_PATTERN); text: non-empty string;
#   date: YYYY-MM-DD; number: whole number from 1; bilingual: {en: text, zh: text};
#   audiences: list of AUDIENCES keys; audience: one AUDIENCES key; related: list of ids of
#   provision or process pages; notice_id: the id of a notice page; status: a STATUSES value;
#   url: an https:// address; change: a CHANGES key; hash: written by
#   `python -m tools.translations mark` (docs_zh/ only, required there); hide: list of
#   HIDE_VALUES; search: {exclude: true/false, boost: number}; paths: list of old page paths
#   ('provisions/apostille.md') that now redirect here; texts: list of text (`also_called`: what
#   readers also call the page's subject, shown under its title and found by search; may differ
#   between the editions); terms: list of glossary terms.
KEY_TYPES: dict[str, str] = {
    "id": "id",
    "kind": "kind",
    "title": "text",
    "description": "text",
    "reviewed": "date",
    "issuer": "bilingual",
    "name": "bilingual",
    "issued": "date",
    "status": "status",
    "superseded_by": "notice_id",
    "document_number": "text",
    "official_url": "url",
    "notice": "notice_id",
    "number": "number",
    "applies_to": "audiences",
    "audience": "audience",
    "related": "related",
    "change": "change",
    "translated_from": "hash",
    "hide": "hide",
    "search": "search",
    "moved_from": "paths",
    "also_called": "texts",
    "terms": "terms",
}
ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
# Page kinds that take part in cross-links (they carry applies_to and related).
RELATABLE_KINDS = ("provision", "process")
# A glossary term, one item of `terms`: {id, en, zh, meaning, also: [text], provisions: [page ids]}.
TERM_KEYS = ("id", "en", "zh", "meaning")
TERM_OPTIONAL_KEYS = ("also", "provisions")
# Material's own `hide` values.
HIDE_VALUES = ("navigation", "toc", "footer", "path", "tags", "feedback")
# The same page has the same values of these keys in docs/ and docs_zh/.
SAME_IN_BOTH_EDITIONS = (
    "id", "kind", "notice", "number", "applies_to", "audience", "related", "change",
    "issued", "status", "superseded_by", "document_number", "official_url", "moved_from",
)
# The heading ids a situation guide must have, in this order.
GUIDE_SECTIONS = ("checklist", "who-files", "where-to-ask", "not-in-the-sources")
# Markers a page may hold, each replaced by a generated list (hooks/cross_links.py).
MARKERS = ("provisions:cards", "reindeer:views", "glossary:terms")
# Text the scaffold writes for staff to replace; the build refuses a page that still has it.
PLACEHOLDER = "REPLACE:"
