"""Glossary links: the first use of each glossary term on a page links to its entry (no events).

hooks/cross_links.py calls `link_terms` at on_page_content, on each page's HTML before the theme
wraps it. English pages add the term's Chinese name after its first use, unless a bracket
follows or encloses it (then only the link's title carries it). Headings, links, code, quoted
names, the quoted texts and the generated lists are left as they are, and so is a name written
without its capitals ('category a' is not 'Category A').
"""

from __future__ import annotations

import re
from html import escape

from content.catalog import TermMatcher, find_terms, is_chinese, term_names
from content.layout import CHINESE
from content.model import Term

# --- helpers --------------------------------------------------------------


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
        out.append(text if skipping else _link_text(text, matcher, glossary_href, language, remaining, _text_after(html, token.start())))
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


def _link_text(text: str, matcher: TermMatcher, glossary_href: str, language: str, remaining: set[str], after: str = "") -> str:
    """One run of text (HTML-escaped) with the first use of each still-unlinked term linked; `after` is
    the text that follows the run across inline tags ('<strong>term</strong> (…)')."""
    pieces: list[str] = []
    position = 0
    for match, term in find_terms(matcher, text):
        if term.id not in remaining or _quoted(text, match.start()) or _verb(text, match) or not _cased_as_named(match.group(), term):
            continue  # a quoted name, a verb or an ordinary word is not a use of the term; a later one may be
        remaining.discard(term.id)
        glossed = language != CHINESE and term.zh and not is_chinese(match.group()) and not _POSSESSIVE.match(text, match.end())
        glossed = glossed and not re.match(rf"\s*[(（]\s*{re.escape(escape(term.zh))}", text[match.end() :])
        bracketed = glossed and _bracketed(text, match, after)  # "(x (中文))", "x (中文) (provision 3)": Chinese on hover only
        hover = ": ".join(part for part in (term.zh if bracketed else "", term.meaning) if part)
        title = f' title="{escape(hover)}"' if hover else ""
        href = f"{glossary_href}#{escape(term.id)}"
        pieces += [
            text[position : match.start()],
            f'<a class="glossary-term" href="{href}"{title}>',
            match.group(),
            "</a>",
        ]
        position = match.end()
        if glossed and not bracketed:
            pieces.append(f' <span class="glossary-term__zh" lang="zh">({escape(term.zh)})</span>')
        if not remaining:
            break
    if not pieces:
        return text
    pieces.append(text[position:])
    return "".join(pieces)


def _bracketed(text: str, match: re.Match, after: str = "") -> bool:
    """Whether a bracket follows the term, or the term lies inside brackets, in this run of text."""
    before, after = _BRACKET.findall(text, 0, match.start()), text[match.end() :] + after
    following = _BRACKET.search(after)
    opened = sum(1 if bracket in "(（" else -1 for bracket in before) > 0
    return bool(re.match(r"\s*[(（]", after)) or opened or (following is not None and following.group() in ")）")


def _text_after(html: str, at: int) -> str:
    """The start of the text that follows `at` across inline tags only, or ''."""
    match = _INLINE_THEN_TEXT.match(html, at)
    return match.group("text") if match else ""


def _quoted(text: str, at: int) -> bool:
    """Whether `at` lies inside quotation marks in this run of text (a quoted name stays as written)."""
    before = text[:at]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _verb(text: str, match: re.Match) -> bool:
    """A one-word, lower-case name right after 'to', 'can', 'you' and the like is a verb ('you can pledge')."""
    return match.group().islower() and " " not in match.group() and bool(_VERB_BEFORE.search(text, 0, match.start()))


def _cased_as_named(found: str, term: Term) -> bool:
    """Whether `found` keeps the capitals a name of `term` has after its first letter: 'Category A' and
    'category A' name the term, 'category a' in 'which visa category a port visa gives' does not (issue #30).
    Only the first letter may change case: 'Apostille' in the glossary, 'an apostille' in a sentence."""
    found = " ".join(found.split())
    for name in term_names(term):
        written = " ".join(name.split())
        if written.casefold() == found.casefold() and all(not w.isupper() or f.isupper() for w, f in zip(written[1:], found[1:])):
            return True
    return False


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

# After a name, the gloss would split it from its possessive ("Bureau (宁波市科技局)'s"): none there.
_POSSESSIVE = re.compile(r"['’]s\b")
_BRACKET = re.compile(r"[()（）]")
_INLINE_THEN_TEXT = re.compile(r"(?:</?(?:strong|em|b|i|span)\b[^>]*>)+(?P<text>[^<]{0,40})", re.I)
_VERB_BEFORE = re.compile(r"\b(?:to|can|could|may|might|must|shall|should|will|would|you|they|we|I)\s+$", re.I)

SKIP_TAGS = frozenset("h1 h2 h3 h4 h5 h6 a code kbd samp abbr button select summary title noscript".split())
SKIP_CLASSES = frozenset("official-text reindeer-view view-excerpt cross-links admonition-title headerlink glossary-term "
                         "no-glossary".split())
VOID_TAGS = frozenset("area base br col embed hr img input link meta source track wbr".split())
# A comment, doctype, a raw block (script, style, pre, textarea, svg, math: skipped whole), or one tag.
_TOKEN = re.compile(
    r"<!--.*?-->|<![^>]*>|<\?[^>]*>"
    r"|<(?P<raw>script|style|pre|textarea|svg|math)\b.*?</(?P=raw)\s*>"
    r"|<(?P<end>/)?(?P<name>[A-Za-z][^\s/>]*)(?:\s+[^\s=/>]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*\s*/?>",
    re.S | re.I,
)
_CLASS = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
