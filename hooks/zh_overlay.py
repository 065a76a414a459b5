"""Feed docs_zh/ to the Chinese edition.

Events: on_files, priority -110 (after mkdocs-static-i18n's on_files at -100).

Why this way: mkdocs-static-i18n 1.3 re-creates every file from docs_dir in its
own on_files and drops pages from any other folder ("Unhandled file case"), so
adding docs_zh/ files before it runs does not work. Instead the plugin lays out
the zh build from docs/ (suffix mode, each page falling back to its English
file), and this hook then points every page of the zh build at its docs_zh/
source. URLs, navigation, alternates and the language switch stay the
plugin's; only the text read changes. A symlink docs/zh -> ../docs_zh would
also work, but breaks on Windows checkouts and shows every Chinese page twice
in the English file list.

It also points "Edit this page" at the file staff really edit (docs/... or
docs_zh/...). A page that exists in one language folder only is reported by
hooks/validate_content.py (strict builds fail); here it keeps the English text.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from shared import CHINESE, edition_source, is_chinese_build, source_label

# --- hooks ------------------------------------------------------------------


# After mkdocs-static-i18n (-100): it replaces every File object in its on_files.
@event_priority(-110)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    chinese = is_chinese_build(config)
    for file in files.documentation_pages():
        if file.generated_by is not None:
            continue
        file.edit_uri = source_label(config, file.src_uri)
        zh_source = edition_source(config, file.src_uri) if chinese else None
        if zh_source is not None:
            file.abs_src_path = str(zh_source)
            file.locale = CHINESE
    return files
