"""Helpers shared by our MkDocs hooks (no events of its own).

mkdocs-static-i18n builds the site once per language with the same config
object and the same hook modules, so nothing here keeps state: everything is
derived from the config and files of the build that asks.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.meta import YAML_RE

try:
    from yaml import CSafeLoader as SafeLoader  # libyaml: about ten times faster on front matter
except ImportError:  # pragma: no cover
    from yaml import SafeLoader

# --- data -------------------------------------------------------------------

DEFAULT_LANGUAGE = "en"
CHINESE = "zh"
ZH_DOCS_DIR_NAME = "docs_zh"

# --- helpers ----------------------------------------------------------------


def current_language(config: MkDocsConfig) -> str:
    """The language being built now: 'en' in the first run, 'zh' in the second."""
    return config.plugins["i18n"].current_language or DEFAULT_LANGUAGE


def is_chinese_build(config: MkDocsConfig) -> bool:
    return current_language(config) == CHINESE


def project_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def zh_docs_dir(config: MkDocsConfig) -> Path:
    """docs_zh/, beside docs/: the Chinese sources, same relative paths."""
    return Path(config.docs_dir).resolve().parent / ZH_DOCS_DIR_NAME


def edition_source(config: MkDocsConfig, src_uri: str) -> Path | None:
    """The file this build reads a page from: docs/<uri>, or docs_zh/<uri> in the zh build.

    None in the zh build when docs_zh/<uri> does not exist (the page falls back to English).
    """
    if not is_chinese_build(config):
        return Path(config.docs_dir).resolve() / src_uri
    zh_source = zh_docs_dir(config) / src_uri
    return zh_source if zh_source.is_file() else None


def source_label(config: MkDocsConfig, src_uri: str, language: str | None = None) -> str:
    """The path a member of staff edits, e.g. 'docs_zh/provisions/apostille.md'."""
    language = language or current_language(config)
    folder = ZH_DOCS_DIR_NAME if language == CHINESE else Path(config.docs_dir).name
    return f"{folder}/{src_uri}"


def edition_prefix(language: str) -> str:
    """URL prefix of an edition inside the site: '' for English, 'zh/' for Chinese."""
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


def read_front_matter(text: str) -> tuple[str, dict]:
    """(body, meta) as mkdocs.utils.meta.get_data gives them, read with libyaml.

    MkDocs parses front matter in pure Python; the hooks that read every page
    (catalog.py) use this instead. Front matter that is not valid YAML, or not a
    mapping, gives {} and the whole text: hooks/validate_content.py reports it.
    """
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
