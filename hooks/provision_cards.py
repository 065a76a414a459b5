"""Render `<!-- provisions:cards -->`: one card per provision page, in the reader's language.

Events: on_page_markdown, default priority (0). Runs at Markdown stage so the
cards' links are relative `.md` links that MkDocs validates in strict mode, and
the cards are part of the page's search text.

Each card shows the provision's number, title (linking to the page),
description, whom it applies to (linking to the generated audience pages) and a
link straight to its Reindeer View. The list comes from the provision pages'
front matter (catalog.py), so a new provision page gets its card with no other
edit. Both editions' builds run this hook; all it reads comes from the build's
own catalog.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from catalog import (
    CARDS_MARKER,
    CROSS_LINKS_CLASS,
    TEXT,
    VIEW_ANCHOR,
    Catalog,
    audience_links,
    catalog,
    md_link,
    md_text,
    replace_marker,
)
from content_schema import CHANGES

# --- hooks ------------------------------------------------------------------


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return replace_marker(
        markdown, CARDS_MARKER, lambda: render_cards(catalog(files, config), page.file.src_uri, files)
    )


# --- helpers ----------------------------------------------------------------


def render_cards(cat: Catalog, from_src_uri: str, files: Files) -> str:
    language = cat.language
    words = {**TEXT[language], **LABELS[language]}
    cards = []
    for entry in cat.entries.values():
        if entry.kind != "provision":
            continue
        lines = [
            f"-   **{words['number'].format(number=entry.number)}**" if entry.number is not None else "-   &nbsp;",
            "",
            f"    **[{md_text(entry.title)}]({md_link(from_src_uri, entry.src_uri)})**",
            "",
        ]
        if entry.description:
            lines += [f"    {md_text(entry.description)}", ""]
        if entry.applies_to:
            audiences = audience_links(entry.applies_to, from_src_uri, files, language)
            lines += [f"    {words['for']}{audiences}", "    { .provision-cards__audiences }", ""]
        if entry.change in CHANGES:
            label = CHANGES[entry.change].get(language) or CHANGES[entry.change]["en"]
            lines += [f"    {md_text(label)}", "    { .provision-cards__change }", ""]
        if entry.has_view_anchor:
            view = md_link(from_src_uri, entry.src_uri, VIEW_ANCHOR)
            lines += [f"    [{words['view']} →]({view})", ""]
        cards.append("\n".join(lines))
    if not cards:
        return f"*{words['none']}*"
    return f'<div class="grid cards provision-cards {CROSS_LINKS_CLASS}" markdown>\n\n' + "\n".join(cards) + "\n</div>"


# --- data -------------------------------------------------------------------

LABELS = {
    "en": {"number": "Provision {number}", "for": "For: ", "none": "No provision pages yet."},
    "zh": {"number": "第{number}条", "for": "适用：", "none": "暂无条款页面。"},
}
