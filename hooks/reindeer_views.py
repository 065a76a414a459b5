"""Render `<!-- reindeer:views -->`: the Reindeer Views index, grouped by whom each view concerns.

Events: on_page_markdown, default priority (0). Markdown stage, so the group
headings reach the table of contents and search, and every link is a relative
`.md` link that MkDocs checks in strict mode (anchors included).

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
from mkdocs.structure.files import Files
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
    md_link,
    md_text,
    opening_sentences,
    replace_marker,
)

# --- hooks ------------------------------------------------------------------


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return replace_marker(markdown, VIEWS_MARKER, lambda: render_index(catalog(files, config), page.file.src_uri))


# --- helpers ----------------------------------------------------------------


def render_index(cat: Catalog, from_src_uri: str) -> str:
    language = cat.language
    with_view = [entry for entry in cat.entries.values() if entry.has_view_anchor and entry.opening]
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
        items = "\n\n".join(_view_item(entry, from_src_uri, language) for entry in shown)
        blocks.append(f"## {md_text(label)} {{ #{anchor} }}\n\n{items}")
    return f'<div class="views-index {CROSS_LINKS_CLASS}" markdown>\n\n' + "\n\n".join(blocks) + "\n\n</div>"


def _view_item(entry: Entry, from_src_uri: str, language: str) -> str:
    page_link = md_link(from_src_uri, entry.src_uri)
    view_link = md_link(from_src_uri, entry.src_uri, VIEW_ANCHOR)
    return (
        f"-   **[{md_text(display_title(entry, language))}]({page_link})**\n\n"
        f"    {md_text(opening_sentences(entry.opening, language, OPENING_SENTENCES))}\n"
        f"    {{ .{VIEW_EXCERPT_CLASS} }}\n\n"
        f"    [{LABELS[language]['read'].format(view=TEXT[language]['view'])} →]({view_link})"
    )


# --- data -------------------------------------------------------------------

# "Opening lines": how many sentences of each view's first paragraph the index shows.
OPENING_SENTENCES = 2
EVERYONE = "everyone"
LABELS = {
    "en": {"everyone": "Everyone", "read": "Read the full {view}", "none": "No Reindeer Views yet."},
    "zh": {"everyone": "所有人", "read": "阅读完整{view}", "none": "暂无灵达观点。"},
}
