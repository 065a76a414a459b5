"""Where the two editions live: docs/ and docs_zh/, the site root and zh/ (helpers, no events)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

# --- helpers --------------------------------------------------------------------


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


def other_language(language: str) -> str:
    """The language of the other edition."""
    return CHINESE if language == DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


# --- data -----------------------------------------------------------------------

DEFAULT_LANGUAGE = "en"
CHINESE = "zh"
LANGUAGES = (DEFAULT_LANGUAGE, CHINESE)
ZH_DOCS_DIR_NAME = "docs_zh"
# Every notice lives in its own folder: notices/<notice id>/index.md and its provisions beside it.
NOTICES_FOLDER = "notices"
AUDIENCE_FOLDER = "audiences"
# Each source the site quotes or cites: sources/<source id>.md, linked from what uses it.
SOURCES_FOLDER = "sources"
SEARCH_INDEX = "search/search_index.json"
# The What's new page (<!-- changes:list -->): the feeds link it, and their entry ids are its anchors.
WHATS_NEW = "whats-new.md"
# Each edition's Atom feed of What's new, at its root (zh/feed.xml); only a build with SITE_URL writes it.
FEED = "feed.xml"
