"""Render `<!-- provisions:cards -->`: one card per provision page, in the reader's language.

Events: on_page_markdown, default priority (0). The cards are an HTML block in
the page's Markdown (catalog.py says why); every link comes from the build's
`files`. They are left out of the search index (`data-search-exclude`): a search
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
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from catalog import (
    CARDS_MARKER,
    CROSS_LINKS_CLASS,
    TEXT,
    VIEW_ANCHOR,
    Catalog,
    audience_links,
    catalog,
    escape,
    html_link,
    replace_marker,
)
from content_schema import CHANGES

# --- hooks ------------------------------------------------------------------


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return replace_marker(markdown, CARDS_MARKER, lambda: render_cards(catalog(files, config), page.file, files))


# --- helpers ----------------------------------------------------------------


def render_cards(cat: Catalog, from_file: File, files: Files) -> str:
    language = cat.language
    words = {**TEXT[language], **LABELS[language]}
    cards = []
    for entry in cat.entries.values():
        target = files.src_uris.get(entry.src_uri)
        if entry.kind != "provision" or target is None:
            continue
        lines = ["<li>"]
        if entry.number is not None:
            lines.append(f"<p><strong>{escape(words['number'].format(number=entry.number))}</strong></p>")
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
    return "\n".join([opening, "<ul>", *cards, "</ul>", "</div>"])


# --- data -------------------------------------------------------------------

LABELS = {
    "en": {"number": "Provision {number}", "for": "For: ", "none": "No provision pages yet."},
    "zh": {"number": "第{number}条", "for": "适用：", "none": "暂无条款页面。"},
}
