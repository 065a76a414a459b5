"""Render `<!-- reindeer:views -->`: the Reindeer Views index, grouped by whom each view concerns.

Events:
- on_files, priority -120 (after mkdocs-static-i18n at -100 and
  hooks/zh_overlay.py at -110, so the catalog is the current edition's): when
  the index is longer than a page, the page holding the marker gets
  continuation pages (hooks/paging.py), each continuing the groups where the
  previous page stopped;
- on_page_markdown, default priority (0): renders the marker.

The group headings are Markdown, so they reach the table of contents and
search; each group's list is HTML that skips Markdown (catalog.defer_html says
why), its links made from the build's `files`,
left out of the search index: a search for words of a view should find the
provision page that holds the view.

For each audience in content_schema.AUDIENCES order, a heading with the
audience's id (`#category-a`), then each view that applies: the provision's
title linking to its page, the view's opening lines (its first
OPENING_SENTENCES sentences) and a link straight to its `#reindeer-view`
anchor. Views of pages with no audience come last, under
"Everyone". Read from the provision pages (catalog.py): an eighth provision
page appears here with no other edit. Each edition's build renders its own
index from its own catalog.
"""

from __future__ import annotations

from itertools import groupby

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from catalog import (
    CROSS_LINKS_CLASS,
    TEXT,
    VIEW_ANCHOR,
    VIEW_EXCERPT_CLASS,
    VIEWS_MARKER,
    Catalog,
    Entry,
    audience_label,
    catalog,
    defer_html,
    display_title,
    escape,
    html_link,
    md_text,
    opening_sentences,
    replace_marker,
)
from paging import ListPage, add_marker_continuations, marker_list_page, page_items, pager

# --- hooks ------------------------------------------------------------------


# After mkdocs-static-i18n (-100) and zh_overlay (-110): see the module docstring.
@event_priority(-120)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    cat = catalog(files, config)
    add_marker_continuations(files, config, cat, VIEWS_MARKER, len(index_items(cat, files)))
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    def render() -> str:
        cat = catalog(files, config)
        items = index_items(cat, files)
        at = marker_list_page(page.file, cat, VIEWS_MARKER, len(items), config)
        return render_index(cat, items, at, page.file, files, config)

    return replace_marker(markdown, VIEWS_MARKER, render)


# --- helpers ----------------------------------------------------------------


def index_items(cat: Catalog, files: Files) -> list[tuple[str, str, Entry]]:
    """(group anchor, group label, entry) for each view under each audience it concerns, in order.

    Audiences in content_schema.AUDIENCES order, then "Everyone" for views of pages with
    no audience; within a group, catalog order.
    """
    language = cat.language
    with_view = [e for e in cat.entries.values() if e.has_view_anchor and e.opening and e.src_uri in files.src_uris]
    viewed = {entry.id for entry in with_view}
    groups = [(tag, audience_label(tag, language), cat.by_audience[tag]) for tag in cat.by_audience]
    groups.append((EVERYONE, LABELS[language]["everyone"], tuple(e for e in with_view if not e.applies_to)))
    return [(anchor, label, entry) for anchor, label, entries in groups for entry in entries if entry.id in viewed]


def render_index(
    cat: Catalog, items: list[tuple[str, str, Entry]], page: ListPage, from_file: File, files: Files, config: MkDocsConfig
) -> str:
    """`page` of the index: a Markdown heading per audience, each followed by an HTML list of its views."""
    language = cat.language
    if not items:
        return f"*{LABELS[language]['none']}*"
    blocks = []
    for (anchor, label), group in groupby(page_items(items, page, config), key=lambda item: item[:2]):
        views = [_view_item(entry, from_file, files, language) for _, _, entry in group]
        listing = "\n".join([f'<ul class="views-index {CROSS_LINKS_CLASS}" data-search-exclude>', *views, "</ul>"])
        blocks.append(f"## {md_text(label)} {{ #{anchor} }}{defer_html(from_file, listing)}")
    more = pager(from_file, files, page, language)
    if more:
        blocks.append(defer_html(from_file, more))
    return "\n\n".join(blocks)


def _view_item(entry: Entry, from_file: File, files: Files, language: str) -> str:
    target = files.src_uris[entry.src_uri]
    opening = opening_sentences(entry.opening, language, OPENING_SENTENCES)
    read = LABELS[language]["read"].format(view=TEXT[language]["view"]) + " →"
    return (
        f"<li><p><strong>{html_link(from_file, target, display_title(entry, language))}</strong></p>"
        f'<p class="{VIEW_EXCERPT_CLASS}">{escape(opening)}</p>'
        f"<p>{html_link(from_file, target, read, VIEW_ANCHOR)}</p></li>"
    )


# --- data -------------------------------------------------------------------

# "Opening lines": how many sentences of each view's first paragraph the index shows.
OPENING_SENTENCES = 2
EVERYONE = "everyone"
LABELS = {
    "en": {"everyone": "Everyone", "read": "Read the full {view}", "none": "No Reindeer Views yet."},
    "zh": {"everyone": "所有人", "read": "阅读完整{view}", "none": "暂无灵达观点。"},
}
