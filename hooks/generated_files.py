"""Pages our hooks generate, shaped like mkdocs-static-i18n's own files (no events of its own).

Used by audience_pages.py and paging.py. A generated page belongs to the build's
own Files object: the Chinese build generates its own, so nothing is carried
from one edition's build to the other.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel

from shared import DEFAULT_LANGUAGE, current_language, edition_prefix

# --- helpers ----------------------------------------------------------------


def generated_page(config: MkDocsConfig, src_uri: str, content: str = "") -> File:
    """A generated page of the current edition, with the attributes mkdocs-static-i18n gives its files.

    Not in the navigation (so MkDocs' omitted-files check never fires; the hook
    that makes it places it in the navigation if it belongs there); `alternates`
    point at the same page of the other edition, so the language switch leads there.
    """
    language = current_language(config)
    file = File.generated(config, src_uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
    plain_dest = file.dest_uri
    file.dest_uri = edition_prefix(language) + plain_dest
    file.locale = language
    file.locale_alternate_of = language
    file.localization = None if language == DEFAULT_LANGUAGE else language
    file.norm_src_uri = src_uri
    file.alternates = {language: file}
    for other in _built_languages(config):
        if other != language:
            file.alternates[other] = File(
                src_uri,
                src_dir=None,
                dest_dir=config.site_dir,
                use_directory_urls=config.use_directory_urls,
                dest_uri=edition_prefix(other) + plain_dest,
            )
    return file


def list_in_sitemap(config: MkDocsConfig, generated: list[File]) -> None:
    """Add generated pages to mkdocs-static-i18n's sitemap, which lists the files of its own on_files."""
    i18n = config.plugins.get("i18n")
    per_language = getattr(i18n, "i18n_files_per_language", None)
    if isinstance(per_language, dict):
        per_language.setdefault(current_language(config), []).extend(generated)


def front_matter(title: str, description: str, *extra: str) -> list[str]:
    """Front matter lines of a generated page (title and description quoted for YAML)."""
    return ["---", f"title: {_yaml_string(title)}", f"description: {_yaml_string(description)}", *extra, "---", ""]


def _built_languages(config: MkDocsConfig) -> list[str]:
    i18n = config.plugins.get("i18n")
    return list(getattr(i18n, "build_languages", None) or [current_language(config)])


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
