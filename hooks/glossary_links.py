"""Link the first use of each glossary term on a page to its entry on the glossary page.

Events: on_page_content, default priority (0). Works on the page's HTML, where
headings, links, code and the quoted official text can be told apart from
running text; runs before Material's search plugin indexes the page (its
on_page_context), so the added Chinese terms are searchable.

On every page but the glossary itself, the first use of each term (any of its
names: English on word boundaries and in any case, Chinese exactly, longest
name first) becomes a link to `glossary.md#<term id>` of the same edition,
with the term's meaning as its title (shown on hover; a tap opens the entry).
On English pages the Chinese term follows the first use, "Apostille
(附加证明书)", so readers learn the words officials use. Text inside h1-h6,
a, code, pre, abbr and admonition titles is never touched, and neither are
quoted words: the official text (`.official-text`), the Reindeer View
(`.reindeer-view`) and its excerpts on other pages (`.view-excerpt`); an editor
can exclude anything else with the class `no-glossary`. Pages with no term are
returned unchanged without being parsed. Uses BeautifulSoup (html.parser) at build time.
Each edition's build links to its own glossary page from its own catalog.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from catalog import VIEW_EXCERPT_CLASS, Term, catalog, is_chinese, matched_term, url_link
from shared import CHINESE

# --- hooks ------------------------------------------------------------------


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    cat = catalog(files, config)
    if cat.term_pattern is None or cat.glossary_src_uri in (None, page.file.src_uri):
        return html
    glossary = files.src_uris.get(cat.glossary_src_uri)
    if glossary is None:
        return html
    return link_terms(html, cat.terms, cat.term_pattern, url_link(page.file, glossary), cat.language)


# --- helpers ----------------------------------------------------------------


def link_terms(html: str, terms: tuple[Term, ...], pattern: re.Pattern, glossary_href: str, language: str) -> str:
    """`html` with the first use of each term linked to `glossary_href#<id>` (see module docstring)."""
    if not pattern.search(html):
        return html
    soup = BeautifulSoup(html, "html.parser")
    linked: set[str] = set()
    for node in list(_text_nodes(soup)):
        _link_in_text(node, soup, terms, pattern, glossary_href, language, linked)
        if len(linked) == len(terms):
            break
    return str(soup) if linked else html


def _text_nodes(root: Tag):
    """Text nodes in document order, leaving out the elements that must not be touched."""
    stack = list(reversed(root.contents))
    while stack:
        node = stack.pop()
        if isinstance(node, Tag):
            if not _skipped(node):
                stack.extend(reversed(node.contents))
        elif type(node) is NavigableString:
            yield node


def _skipped(tag: Tag) -> bool:
    return tag.name in SKIP_TAGS or not SKIP_CLASSES.isdisjoint(tag.get("class") or ())


def _link_in_text(node, soup, terms, pattern, glossary_href, language, linked: set[str]) -> None:
    text = str(node)
    pieces: list = []
    position = 0
    for match in pattern.finditer(text):
        term = matched_term(match, terms)
        if term.id in linked:
            continue
        linked.add(term.id)
        pieces.append(text[position : match.start()])
        attrs = {"class": "glossary-term", "href": f"{glossary_href}#{term.id}"}
        if term.meaning:
            attrs["title"] = term.meaning
        link = soup.new_tag("a", attrs=attrs)
        link.string = match.group()
        pieces.append(link)
        position = match.end()
        if language != CHINESE and term.zh and not is_chinese(match.group()):
            if not re.match(rf"\s*[(（]\s*{re.escape(term.zh)}", text[position:]):
                chinese = soup.new_tag("span", attrs={"class": "glossary-term__zh", "lang": "zh"})
                chinese.string = f"({term.zh})"
                pieces += [" ", chinese]
    if pieces:
        pieces.append(text[position:])
        node.replace_with(*[piece for piece in pieces if piece != ""])


# --- data -------------------------------------------------------------------

SKIP_TAGS = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "kbd", "samp", "abbr", "script", "style",
     "svg", "math", "button", "select", "textarea", "summary", "title", "noscript"}
)
SKIP_CLASSES = frozenset(
    {"official-text", "reindeer-view", VIEW_EXCERPT_CLASS, "admonition-title", "headerlink", "glossary-term", "no-glossary"}
)
