"""Render `<!-- glossary:terms -->`: the glossary entries, from the glossary page's front matter.

Events: on_page_markdown, default priority (0). Each entry is a Markdown
heading with the term's id as its explicit anchor (`glossary.md#apostille` in
both editions), so entries reach the table of contents and search, followed by
an HTML block (catalog.py says why) whose links come from the build's `files`.

Each entry shows the term in the edition's language with the other language
beside it, its other names, its meaning, and the provision and process pages
that use it. "Used in" is computed: a page uses a term when any of the term's
names occurs in its text (same matching as glossary_links.py); ids listed by
hand under the term's `provisions` are added to that. Both editions' builds run
this hook, each with its own catalog (catalog.py).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from catalog import (
    GLOSSARY_MARKER,
    Catalog,
    Entry,
    Term,
    catalog,
    display_title,
    escape,
    find_terms,
    html_link,
    md_text,
    replace_marker,
)
from shared import CHINESE

# --- hooks ------------------------------------------------------------------


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return replace_marker(markdown, GLOSSARY_MARKER, lambda: render_glossary(catalog(files, config), page.file, files))


# --- helpers ----------------------------------------------------------------


def render_glossary(cat: Catalog, from_file: File, files: Files) -> str:
    language = cat.language
    if not cat.terms:
        return f"*{LABELS[language]['none']}*"
    uses = term_uses(cat)
    return "\n\n".join(_entry(term, uses.get(term.id, []), from_file, files, language) for term in cat.terms)


def term_uses(cat: Catalog) -> dict[str, list[Entry]]:
    """Term id -> pages that use it (by text, plus the term's own `provisions`), in catalog order."""
    found: dict[str, set[str]] = {term.id: {p for p in term.provisions if p in cat.entries} for term in cat.terms}
    if cat.term_matcher is not None:
        for entry in cat.entries.values():
            for _, term in find_terms(cat.term_matcher, entry.body):
                found[term.id].add(entry.id)
    return {term_id: [e for e in cat.entries.values() if e.id in ids] for term_id, ids in found.items()}


def _entry(term: Term, uses: list[Entry], from_file: File, files: Files, language: str) -> str:
    """A Markdown heading (anchor, table of contents, search) and an HTML block (catalog.py says why)."""
    words = LABELS[language]
    chinese = f'<span lang="zh">{md_text(term.zh)}</span>' if term.zh else ""
    english = f'<span lang="en">{md_text(term.en)}</span>' if term.en else ""
    first, second = (chinese, english) if language == CHINESE else (english, chinese)
    heading = " · ".join(part for part in (first, second) if part)
    body = []
    if term.also:
        also = escape(words["also"] + words["separator"].join(term.also))
        body.append(f'<p class="glossary-entry__also">{also}</p>')
    if term.meaning:
        body.append(f'<p class="glossary-entry__meaning">{escape(term.meaning)}</p>')
    links = [
        html_link(from_file, files.src_uris[entry.src_uri], display_title(entry, language))
        for entry in uses
        if entry.src_uri in files.src_uris
    ]
    if links:
        # A list of page titles: not indexed for search, or a search for a title finds the glossary.
        uses = f'{escape(words["used_in"])}{words["separator"].join(links)}'
        body.append(f'<p class="glossary-entry__uses" data-search-exclude>{uses}</p>')
    entry = f"## {heading} {{ #{term.id} .glossary-entry }}"
    return entry + (f'\n\n<div class="glossary-entry__body">{"".join(body)}</div>' if body else "")


# --- data -------------------------------------------------------------------

LABELS = {
    "en": {"also": "Also called: ", "used_in": "Used in: ", "separator": " · ", "none": "No terms yet."},
    "zh": {"also": "又称：", "used_in": "出现于：", "separator": " · ", "none": "暂无术语。"},
}
