"""Say so on a Chinese page whose English page changed since it was translated.

Events: on_page_content (default priority; Chinese build only; nothing depends on its order);
on_post_build, priority 10 (Chinese build only): one INFO line sums up the outdated pages, before
hooks/checks.py ends a failed strict build with its count, which stays the last line.
A docs_zh/ page records in `translated_from` which version of its English page it translates
(content/record.py). When the English page has changed since, the page gets a notice under its
title with the date of the change and a link to the English page, and the build logs one INFO
line with the command that marks the translation current (the notice:
overrides/partials/lists/translation-outdated.html, its words in content/strings.yml). It does
not fail the build: an urgent English fix can be published at once (README, "The hooks").
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from content.layout import CHINESE, DEFAULT_LANGUAGE, edition_prefix, is_chinese_build, source_label
from content.pages import EDITIONS, edition
from content.record import english_updated, is_current
from content.render import render

log = logging.getLogger("mkdocs.hooks.translations")

# --- hooks ------------------------------------------------------------------


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not is_chinese_build(config) or page.file.generated_by is not None:
        return html
    record = edition(config).records.get(page.file.src_uri)
    if record is None or not _outdated(record):
        return html
    updated, known_from = english_updated(Path(config.docs_dir) / page.file.src_uri)
    zh_label = source_label(config, page.file.src_uri, CHINESE)
    log.info(
        f"{zh_label}: translation may be outdated: {source_label(config, page.file.src_uri, DEFAULT_LANGUAGE)} "
        f"changed on {updated.isoformat()} ({SOURCE_OF_DATE[known_from]}); after updating the translation, "
        f"run: ./site.sh translations mark {zh_label}"
    )
    notice = render("translation-outdated", page.file, files, config, updated=updated, original_href=_english_url(page))
    return _with_notice(html, notice.strip())


# Before hooks/checks.py's on_post_build (0), whose closing count must stay the build's last line.
@event_priority(10)
def on_post_build(config: MkDocsConfig) -> None:
    if not is_chinese_build(config):
        return
    outdated = outdated_translations(config)
    if outdated:
        log.info(
            f"Chinese pages older than their English page ({len(outdated)}): {', '.join(outdated)}; "
            "update each, then run: ./site.sh translations mark <file> (./site.sh translations status lists them)"
        )


# --- helpers ----------------------------------------------------------------


def outdated_translations(config: MkDocsConfig) -> list[str]:
    """docs_zh/ files whose English page changed since they were translated, sorted."""
    return sorted(source_label(config, uri, CHINESE) for uri, record in edition(config).records.items() if _outdated(record))


def _outdated(record) -> bool:
    """Whether a Chinese page's `translated_from` no longer names its English page's text.

    False where there is nothing to compare (no translation, front matter with problems, no
    record): hooks/checks.py reports those.
    """
    english = EDITIONS[DEFAULT_LANGUAGE].records.get(record.uri)
    recorded = record.page.translated_from if record.page is not None and not record.fallback else None
    return recorded is not None and english is not None and not is_current(recorded, english.raw)


def _english_url(page: Page) -> str:
    """Relative link from a Chinese page to the English page of the same path."""
    english_url = page.url.removeprefix(edition_prefix(CHINESE))
    return get_relative_url(english_url, page.url)


def _with_notice(html: str, notice: str) -> str:
    """The notice right under the page's H1, or first when the page has none."""
    heading_end = _H1_END.search(html)
    if heading_end is None:
        return notice + html
    return html[: heading_end.end()] + notice + html[heading_end.end():]


# --- data -------------------------------------------------------------------

SOURCE_OF_DATE = {"git": "date of its last git commit", "file": "file modification date"}
_H1_END = re.compile(r"</h1\s*>", re.IGNORECASE)
