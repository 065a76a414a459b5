"""Render `<!-- reindeer:views -->`: the Reindeer Views index, grouped by whom each view concerns.

Events: on_page_markdown, default priority (0). The group headings are
Markdown, so they reach the table of contents and search; each group's list is
an HTML block (catalog.py says why), its links made from the build's `files`,
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

from mkdocs.config.defaults import MkDocsConfig
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
    display_title,
    escape,
    html_link,
    md_text,
    opening_sentences,
    replace_marker,
)

# --- hooks ------------------------------------------------------------------


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return replace_marker(markdown, VIEWS_MARKER, lambda: render_index(catalog(files, config), page.file, files))


# --- helpers ----------------------------------------------------------------


def render_index(cat: Catalog, from_file: File, files: Files) -> str:
    """Markdown headings, one per audience, each followed by an HTML list of its views."""
    language = cat.language
    with_view = [e for e in cat.entries.values() if e.has_view_anchor and e.opening and e.src_uri in files.src_uris]
    if not with_view:
        return f"*{LABELS[language]['none']}*"
    groups = [(tag, audience_label(tag, language), cat.by_audience[tag]) for tag in cat.by_audience]
    groups.append((EVERYONE, LABELS[language]["everyone"], tuple(e for e in with_view if not e.applies_to)))
    viewed = {entry.id for entry in with_view}
    blocks = []
    for anchor, label, entries in groups:
        shown = [entry for entry in entries if entry.id in viewed]
        if not shown:
            continue
        items = [_view_item(entry, from_file, files, language) for entry in shown]
        listing = "\n".join([f'<ul class="views-index {CROSS_LINKS_CLASS}" data-search-exclude>', *items, "</ul>"])
        blocks.append(f"## {md_text(label)} {{ #{anchor} }}\n\n{listing}")
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
