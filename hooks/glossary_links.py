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
(`.reindeer-view`) and its excerpts on other pages (`.view-excerpt`); nor the
generated lists that repeat other pages (`.cross-links`: cards, views index,
related provisions, audience lists). An editor can exclude anything else with
the class `no-glossary`. Pages with no term are
returned unchanged; the others are read in one pass (link_terms), not parsed
into a tree.
Each edition's build links to its own glossary page from its own catalog.
"""

from __future__ import annotations

import re
from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from catalog import CROSS_LINKS_CLASS, VIEW_EXCERPT_CLASS, TermMatcher, catalog, find_terms, is_chinese, url_link
from shared import CHINESE

# --- hooks ------------------------------------------------------------------


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    cat = catalog(files, config)
    if cat.term_matcher is None or cat.glossary_src_uri in (None, page.file.src_uri):
        return html
    glossary = files.src_uris.get(cat.glossary_src_uri)
    if glossary is None:
        return html
    return link_terms(html, cat.term_matcher, url_link(page.file, glossary), cat.language)


# --- helpers ----------------------------------------------------------------


def link_terms(html: str, matcher: TermMatcher, glossary_href: str, language: str) -> str:
    """`html` with the first use of each term linked to `glossary_href#<id>` (see module docstring).

    One pass over the page's tags and text: a stack of open elements says whether a
    text run lies inside an element that must not be touched. The page content
    comes from Python-Markdown, so tags are well formed; script, style, pre,
    textarea, svg and math are skipped whole. About 1 ms for a provision page,
    where parsing into a tree and writing it back took 15 to 20.
    """
    if not matcher.pattern.search(html):
        return html
    remaining = {term.id for term in matcher.by_key.values()}
    out: list[str] = []
    open_elements: list[tuple[str, bool]] = []
    skipping = 0
    position = 0
    for token in _TOKEN.finditer(html):
        text = html[position : token.start()]
        out.append(text if skipping else _link_text(text, matcher, glossary_href, language, remaining))
        if not remaining:  # every term is linked: the rest of the page stays as it is
            out.append(html[token.start() :])
            return "".join(out)
        out.append(token.group())
        position = token.end()
        name = (token.group("name") or "").lower()
        if not name or token.group("raw"):
            continue  # comment, doctype, or a raw block already consumed whole
        if token.group("end"):
            skipping -= _close(open_elements, name)
        elif name not in VOID_TAGS and not token.group().endswith("/>"):
            skipped = name in SKIP_TAGS or not SKIP_CLASSES.isdisjoint(_classes(token.group()))
            open_elements.append((name, skipped))
            skipping += skipped
    tail = html[position:]
    out.append(tail if skipping else _link_text(tail, matcher, glossary_href, language, remaining))
    return "".join(out)


def _link_text(text: str, matcher: TermMatcher, glossary_href: str, language: str, remaining: set[str]) -> str:
    """One run of text (HTML-escaped) with the first use of each still-unlinked term linked."""
    pieces: list[str] = []
    position = 0
    for match, term in find_terms(matcher, text):
        if term.id not in remaining:
            continue
        remaining.discard(term.id)
        title = f' title="{escape(term.meaning)}"' if term.meaning else ""
        href = f"{glossary_href}#{escape(term.id)}"
        pieces += [
            text[position : match.start()],
            f'<a class="glossary-term" href="{href}"{title}>',
            match.group(),
            "</a>",
        ]
        position = match.end()
        if language != CHINESE and term.zh and not is_chinese(match.group()):
            if not re.match(rf"\s*[(（]\s*{re.escape(escape(term.zh))}", text[position:]):
                pieces.append(f' <span class="glossary-term__zh" lang="zh">({escape(term.zh)})</span>')
        if not remaining:
            break
    if not pieces:
        return text
    pieces.append(text[position:])
    return "".join(pieces)


def _close(open_elements: list[tuple[str, bool]], name: str) -> int:
    """Close `name` and anything left open inside it; returns how many skipped elements closed."""
    for index in range(len(open_elements) - 1, -1, -1):
        if open_elements[index][0] == name:
            closed = open_elements[index:]
            del open_elements[index:]
            return sum(skipped for _, skipped in closed)
    return 0  # a stray end tag: nothing to close


def _classes(tag: str) -> list[str]:
    match = _CLASS.search(tag)
    return next(value for value in match.groups() if value is not None).split() if match else []


# --- data -------------------------------------------------------------------

SKIP_TAGS = frozenset(
    {
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "a",
        "code",
        "kbd",
        "samp",
        "abbr",
        "button",
        "select",
        "summary",
        "title",
        "noscript",
    }
)
SKIP_CLASSES = frozenset(
    {
        "official-text",
        "reindeer-view",
        VIEW_EXCERPT_CLASS,
        CROSS_LINKS_CLASS,
        "admonition-title",
        "headerlink",
        "glossary-term",
        "no-glossary",
    }
)
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
# A comment, doctype, a raw block (script, style, pre, textarea, svg, math: skipped whole), or one tag.
_TOKEN = re.compile(
    r"<!--.*?-->|<![^>]*>|<\?[^>]*>"
    r"|<(?P<raw>script|style|pre|textarea|svg|math)\b.*?</(?P=raw)\s*>"
    r"|<(?P<end>/)?(?P<name>[A-Za-z][^\s/>]*)(?:\s+[^\s=/>]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*\s*/?>",
    re.S | re.I,
)
_CLASS = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
