"""Render `<!-- glossary:terms -->`: the glossary entries, from the glossary page's front matter.

Events: on_page_markdown, default priority (0). Markdown stage: each entry is a
heading with the term's id as its explicit anchor (`glossary.md#apostille` in
both editions), so entries reach the table of contents and search, and the
links to provisions are relative `.md` links that MkDocs checks in strict mode.

Each entry shows the term in the edition's language with the other language
beside it, its other names, its meaning, and the provision and process pages
that use it. "Used in" is computed: a page uses a term when any of the term's
names occurs in its text (same matching as glossary_links.py); ids listed by
hand under the term's `provisions` are added to that. Both editions' builds run
this hook, each with its own catalog (catalog.py).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from catalog import (
    GLOSSARY_MARKER,
    Catalog,
    Entry,
    Term,
    catalog,
    display_title,
    find_terms,
    md_link,
    md_text,
    replace_marker,
)
from shared import CHINESE

# --- hooks ------------------------------------------------------------------


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return replace_marker(markdown, GLOSSARY_MARKER, lambda: render_glossary(catalog(files, config), page.file.src_uri))


# --- helpers ----------------------------------------------------------------


def render_glossary(cat: Catalog, from_src_uri: str) -> str:
    language = cat.language
    if not cat.terms:
        return f"*{LABELS[language]['none']}*"
    uses = term_uses(cat)
    return "\n\n".join(_entry(term, uses.get(term.id, []), from_src_uri, language) for term in cat.terms)


def term_uses(cat: Catalog) -> dict[str, list[Entry]]:
    """Term id -> pages that use it (by text, plus the term's own `provisions`), in catalog order."""
    found: dict[str, set[str]] = {term.id: {p for p in term.provisions if p in cat.entries} for term in cat.terms}
    if cat.term_matcher is not None:
        for entry in cat.entries.values():
            for _, term in find_terms(cat.term_matcher, entry.body):
                found[term.id].add(entry.id)
    return {term_id: [e for e in cat.entries.values() if e.id in ids] for term_id, ids in found.items()}


def _entry(term: Term, uses: list[Entry], from_src_uri: str, language: str) -> str:
    words = LABELS[language]
    chinese = f'<span lang="zh">{md_text(term.zh)}</span>' if term.zh else ""
    english = f'<span lang="en">{md_text(term.en)}</span>' if term.en else ""
    first, second = (chinese, english) if language == CHINESE else (english, chinese)
    heading = " · ".join(part for part in (first, second) if part)
    # Paragraphs with classes (attr_list), not a <div markdown> per entry: md_in_html re-parses
    # each such block and doubled the page's rendering time.
    lines = [f"## {heading} {{ #{term.id} .glossary-entry }}", ""]
    if term.also:
        also = words["separator"].join(md_text(name) for name in term.also)
        lines += [f"{words['also']}{also}", "{ .glossary-entry__also }", ""]
    if term.meaning:
        lines += [md_text(term.meaning), "{ .glossary-entry__meaning }", ""]
    if uses:
        links = words["separator"].join(
            f"[{md_text(display_title(entry, language))}]({md_link(from_src_uri, entry.src_uri)})" for entry in uses
        )
        lines += [f"{words['used_in']}{links}", "{ .glossary-entry__uses }", ""]
    return "\n".join(lines)


# --- data -------------------------------------------------------------------

LABELS = {
    "en": {"also": "Also called: ", "used_in": "Used in: ", "separator": " · ", "none": "No terms yet."},
    "zh": {"also": "又称：", "used_in": "出现于：", "separator": " · ", "none": "暂无术语。"},
}
