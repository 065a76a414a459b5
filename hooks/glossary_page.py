"""Render `<!-- glossary:terms -->`: the glossary entries, from the glossary page's front matter.

Events: on_page_markdown, default priority (0). Each entry is a Markdown
heading with the term's id as its explicit anchor (`glossary.md#apostille` in
both editions), so entries reach the table of contents and search, followed by
HTML that skips Markdown (catalog.defer_html says why), whose links come from
the build's `files`.

Each entry shows the term in the edition's language with the other language
beside it, its other names, its meaning, and the provision and process pages
that use it. "Used in" is computed: a page uses a term when any of the term's
names occurs in its text (same matching as glossary_links.py); ids listed by
hand under the term's `provisions` are added to that, and come first. It names
at most USED_IN_LIMIT pages, by their short titles ("Provision 2"), and counts
the rest, so the glossary does not grow with the site (a common term is used on
most pages). Both editions' builds run
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
    defer_html,
    escape,
    html_link,
    md_text,
    replace_marker,
    short_title,
    term_ids_in,
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
    """Term id -> pages that use it: the term's own `provisions` first, then by text, in catalog order."""
    found: dict[str, set[str]] = {term.id: set() for term in cat.terms}
    if cat.term_matcher is not None:
        for entry in cat.entries.values():
            for term_id in term_ids_in(cat.term_matcher, entry.body):
                found[term_id].add(entry.id)
    uses = {}
    for term in cat.terms:
        listed = [cat.entries[p] for p in dict.fromkeys(term.provisions) if p in cat.entries]
        by_text = [e for e in cat.entries.values() if e.id in found[term.id] and e.id not in term.provisions]
        uses[term.id] = [*listed, *by_text]
    return uses


def _entry(term: Term, uses: list[Entry], from_file: File, files: Files, language: str) -> str:
    """A Markdown heading (anchor, table of contents, search) and HTML set aside (catalog.defer_html)."""
    words = LABELS[language]
    # The name in the page's own language first; only the other one needs its `lang`.
    own, other = (term.zh, term.en) if language == CHINESE else (term.en, term.zh)
    other_language = "en" if language == CHINESE else CHINESE
    names = [md_text(own) if own else "", f'<span lang="{other_language}">{md_text(other)}</span>' if other else ""]
    heading = " · ".join(name for name in names if name)
    body = []
    if term.also:
        also = escape(words["also"] + words["separator"].join(term.also))
        body.append(f'<p class="term-also">{also}</p>')
    if term.meaning:
        body.append(f"<p>{escape(term.meaning)}</p>")
    built = [entry for entry in uses if entry.src_uri in files.src_uris]
    links = [
        html_link(from_file, files.src_uris[entry.src_uri], short_title(entry, language))
        for entry in built[:USED_IN_LIMIT]
    ]
    if len(built) > USED_IN_LIMIT:
        links.append(escape(words["more"].format(count=len(built) - USED_IN_LIMIT)))
    if links:
        # A list of page titles: not indexed for search, or a search for a title finds the glossary.
        uses = f'{escape(words["used_in"])}{words["separator"].join(links)}'
        body.append(f'<p class="term-uses" data-search-exclude>{uses}</p>')
    entry = f"## {heading} {{ #{term.id} .glossary-entry }}"
    # Searchable: a search for a term's other names or meaning finds its entry.
    return entry + (defer_html(from_file, "\n".join(body), searchable=True) if body else "")


# --- data -------------------------------------------------------------------

USED_IN_LIMIT = 3
LABELS = {
    "en": {
        "also": "Also called: ",
        "used_in": "Used in: ",
        "more": "and {count} more",
        "separator": " · ",
        "none": "No terms yet.",
    },
    "zh": {"also": "又称：", "used_in": "出现于：", "more": "及其他 {count} 个页面", "separator": " · ", "none": "暂无术语。"},
}
