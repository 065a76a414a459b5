"""Render `<!-- provisions:cards -->`: one card per provision page, in the reader's language.

Events:
- on_files, priority -120 (after mkdocs-static-i18n at -100 and
  hooks/zh_overlay.py at -110, so the catalog is the current edition's): when
  there are more cards than fit one page, the provisions index (the list's
  owner, hooks/paging.py) gets continuation pages; the home page shows the
  first cards and the same pager;
- on_page_markdown, default priority (0): renders the marker, that page's
  cards and the pager.

The cards are HTML that skips Markdown (catalog.defer_html says why); every
link comes from the build's `files`. They are left out of the search index (`data-search-exclude`): a search
should find the provision page, not the home page that lists it.

Each card shows the provision's number, title (linking to the page),
description, whom it applies to (linking to the generated audience pages) and a
link straight to its Reindeer View. The list comes from the provision pages'
front matter (catalog.py), so a new provision page gets its card with no other
edit. Both editions' builds run this hook; all it reads comes from the build's
own catalog.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from catalog import (
    CARDS_MARKER,
    CROSS_LINKS_CLASS,
    TEXT,
    VIEW_ANCHOR,
    Catalog,
    Entry,
    audience_links,
    catalog,
    defer_html,
    escape,
    html_link,
    replace_marker,
    short_title,
)
from content_schema import CHANGES
from paging import ListPage, add_marker_continuations, marker_list_page, page_items, pager

# --- hooks ------------------------------------------------------------------


# After mkdocs-static-i18n (-100) and zh_overlay (-110): see the module docstring.
@event_priority(-120)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    cat = catalog(files, config)
    add_marker_continuations(files, config, cat, CARDS_MARKER, len(card_entries(cat, files)))
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    def render() -> str:
        cat = catalog(files, config)
        entries = card_entries(cat, files)
        at = marker_list_page(page.file, cat, CARDS_MARKER, len(entries), config)
        return defer_html(page.file, render_cards(cat, entries, at, page.file, files, config))

    return replace_marker(markdown, CARDS_MARKER, render)


# --- helpers ----------------------------------------------------------------


def card_entries(cat: Catalog, files: Files) -> list[Entry]:
    """The provision pages of this build, in catalog order: one card each."""
    return [e for e in cat.entries.values() if e.kind == "provision" and e.src_uri in files.src_uris]


def render_cards(
    cat: Catalog, entries: list[Entry], page: ListPage, from_file: File, files: Files, config: MkDocsConfig
) -> str:
    """The cards of `page` of the list (all of them when they fit one page), then its pager."""
    language = cat.language
    words = {**TEXT[language], **LABELS[language]}
    cards = []
    for entry in page_items(entries, page, config):
        target = files.src_uris[entry.src_uri]
        lines = ["<li>"]
        if entry.number is not None:
            lines.append(f"<p><strong>{escape(short_title(entry, language))}</strong></p>")
        lines.append(f"<p><strong>{html_link(from_file, target, entry.title)}</strong></p>")
        if entry.description:
            lines.append(f"<p>{escape(entry.description)}</p>")
        if entry.applies_to:
            audiences = audience_links(entry.applies_to, from_file, files, language)
            lines.append(f'<p class="provision-cards__audiences">{escape(words["for"])}{audiences}</p>')
        if entry.change in CHANGES:
            label = CHANGES[entry.change].get(language) or CHANGES[entry.change]["en"]
            lines.append(f'<p class="provision-cards__change">{escape(label)}</p>')
        if entry.has_view_anchor:
            lines.append(f"<p>{html_link(from_file, target, words['view'] + ' →', VIEW_ANCHOR)}</p>")
        lines.append("</li>")
        cards.append("\n".join(lines))
    if not cards:
        return f"<p><em>{escape(words['none'])}</em></p>"
    opening = f'<div class="grid cards provision-cards {CROSS_LINKS_CLASS}" data-search-exclude>'
    return "\n".join([opening, "<ul>", *cards, "</ul>", "</div>", pager(from_file, files, page, language)])


# --- data -------------------------------------------------------------------

LABELS = {
    "en": {"for": "For: ", "none": "No provision pages yet."},
    "zh": {"for": "适用：", "none": "暂无条款页面。"},
}
