"""Safety checks: what a careless or hostile edit must never put in front of a reader.

Pure functions for the checks hook; none is an MkDocs event. Each check returns
[(line or None, "problem; fix")] and the caller prefixes "file:line: ".
CONTRIBUTING.md ("Build messages") lists every message with its fix; hooks/checks.py reports them.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import html5lib
import markupsafe
import yaml

from content.published import is_external, preview_host

# -----------------------------------------------------------------------------
# Checks
# -----------------------------------------------------------------------------

def front_matter_problems(yaml_text: str, first_line: int) -> list:
    """Size, invisible characters, YAML anchors, aliases and tags; run before any YAML parsing.

    first_line: the file's line of yaml_text's first line. Reads YAML tokens only,
    so an alias bomb is never expanded; parse only when this returns nothing.
    """
    lines = yaml_text.splitlines()
    size = len(yaml_text.encode("utf-8"))
    if size > MAX_FRONT_MATTER_BYTES or len(lines) > MAX_FRONT_MATTER_LINES:
        return [(first_line, f"front matter is {size // 1000} KB in {len(lines)} lines, more than the "
                 f"{MAX_FRONT_MATTER_BYTES // 1000} KB or {MAX_FRONT_MATTER_LINES} lines allowed; "
                 "move long text into the page itself")]
    depth, line = _nesting(yaml_text)
    if depth > MAX_FRONT_MATTER_DEPTH:
        return [(first_line + line, f"front matter nests lists or keys {depth} deep, more than the {MAX_FRONT_MATTER_DEPTH} "
                 "levels allowed; write the values as a flat list")]
    problems = []
    if any(char in yaml_text for char in (*INVISIBLE, "：")):
        problems = [(first_line + n, message) for n, line in enumerate(lines) for message in _character_problems(line)]
    if not re.search(r"[&*!]", yaml_text):  # no anchor, alias or tag can start without one of these
        return problems
    try:
        for token in yaml.scan(yaml_text, Loader=yaml.SafeLoader):
            if type(token) in YAML_TOKENS:
                value = token.value
                if isinstance(token, yaml.TagToken):
                    value = value[0] + value[1] if value[0] else f"!<{value[1]}>"
                problems.append((first_line + token.start_mark.line, YAML_TOKENS[type(token)].format(value)))
    except yaml.YAMLError:
        pass  # not YAML at all: the YAML parser reports it (name the line with yaml_error_line)
    return sorted(problems, key=lambda problem: problem[0])


def yaml_error_line(error: yaml.MarkedYAMLError, yaml_text: str, first_line: int) -> int:
    """The file line to name for a YAML error: where an unclosed quote opens, else where the parser stopped."""
    mark = error.problem_mark or error.context_mark
    stopped = mark.line if mark else len(yaml_text.splitlines()) - 1
    for number, line in enumerate(yaml_text.splitlines()[: stopped + 1]):
        if _opens_unclosed_quote(line):
            return first_line + number
    return first_line + stopped


def content_problems(markdown_body: str, first_line: int) -> list:
    """HTML outside the allowlist, unsafe URLs, unclosed blocks, an empty body.

    first_line: the file's line of the body's first line. Code blocks and code
    spans are blanked first: code may show any HTML.
    """
    if not markdown_body.strip():
        return [(first_line, "page has no content after its front matter; "
                 "write the page or delete it in both docs/ and docs_zh/")]
    text = _blank_code(markdown_body)
    problems = []
    for match in MARKDOWN_URL.finditer(text):
        url = match.group("url") or match.group("url2") or match.group("auto")
        line = first_line + text.count("\n", 0, match.start())
        problems += [(line, message) for message in _url_problems(url, image=bool(match.group("image")))]
    for match in ATTR_LIST.finditer(text):
        line = first_line + text.count("\n", 0, match.start())
        problems += [(line, message) for message in _attr_list_problems(match.group(1))]
    text = AUTOLINK.sub(lambda match: " " * len(match.group(0)), text)
    open_blocks = []
    for kind, tag, attrs, line in _parse(text):
        line += first_line - 1
        if kind == "start":
            problems += [(line, message) for message in _tag_problems(tag, attrs)]
            if tag in BLOCK_TAGS:
                open_blocks.append((tag, line))
        elif kind == "end" and tag in BLOCK_TAGS:
            if tag not in [open_tag for open_tag, _ in open_blocks]:
                problems.append((line, f"</{tag}> closes a block that was never opened; "
                                 f"remove it, or add the <{tag}> it belongs to"))
                continue
            while open_blocks:
                open_tag, open_line = open_blocks.pop()
                if open_tag == tag:
                    break
                problems.append((open_line, _unclosed(open_tag)))
    problems += [(open_line, _unclosed(tag)) for tag, open_line in open_blocks]
    return sorted(problems, key=lambda problem: problem[0])


def page_size_problems(text: str) -> list:
    """A page too large, or with so many unfinished tags that parsing it would take minutes: refused
    before any parser (Python-Markdown's included) reads it."""
    size = len(text.encode("utf-8"))
    if size > MAX_PAGE_BYTES:
        return [(None, f"page is {size // 1000} KB, more than the {MAX_PAGE_BYTES // 1000} KB a page may have; "
                 "split it into two pages")]
    unfinished = UNFINISHED_TAG.findall(text, 0, len(text))
    if len(unfinished) > MAX_UNFINISHED_TAGS:
        first = UNFINISHED_TAG.search(text)
        return [(text.count("\n", 0, first.start()) + 1,
                 f"page has {len(unfinished)} '<' that start a tag never finished with '>' (from this line on); "
                 "write '&lt;' for a '<' that is text, or finish each tag")]
    for number, line in enumerate(text.split("\n"), start=1):
        markers = BLOCK_MARKERS.match(line)
        depth = len(re.findall(r"[>*+-]|\d+[.)]", markers.group(0))) + line[: len(line) - len(line.lstrip(" "))].count("    ")
        if depth > MAX_BLOCK_NESTING:
            return [(number, f"line nests lists or quotes {depth} deep, more than the {MAX_BLOCK_NESTING} levels a page "
                     "may have; write them as one list")]
    unclosed, first = 0, None
    for match in PARAGRAPH.finditer(text):
        paragraph = match.group(0)
        count = max(paragraph.count("[") - paragraph.count("]"), 0) + max(paragraph.count("(") - paragraph.count(")"), 0)
        if count and first is None:
            first = text.count("\n", 0, match.start()) + 1
        unclosed += count
    if unclosed > MAX_UNCLOSED_BRACKETS:
        return [(first, f"page has {unclosed} '[' or '(' never closed (from this line on), which makes links take minutes "
                 "to read; close each bracket, or write '\\[' for one that is text")]
    return []


def rendered_problems(page_html: str, source: str, first_line: int) -> tuple[list, str]:
    """The second layer: a page's HTML as Python-Markdown made it, parsed as a browser parses it
    (html5lib), held to the allowlist: elements, attributes, address schemes, heading ids.

    Returns ([(line, text)], the HTML to publish): the problems, and the page without what they
    name (page_html itself when there is none), so even a preview never runs it. source: the
    page's Markdown body, whose first line is the file's first_line; a problem names the first
    source line holding what made it, where one does.
    """
    fragment = html5lib.parseFragment(page_html, treebuilder="etree", namespaceHTMLElements=False)
    problems, removed = [], []
    for parent in fragment.iter():
        for element in list(parent):
            if not isinstance(element.tag, str):
                continue  # a comment: html5lib has ended it where a browser does
            tag = element.tag.rpartition("}")[2].lower()
            if tag not in RENDERED_TAGS:
                problems.append((f"<{tag}", f"the page as built has a <{tag}> element, which a page may not contain; "
                                 "remove the HTML that makes it (a browser reads it as an element, whatever the Markdown around it)"))
                removed.append((parent, element))
                continue
            for name, value in list(element.attrib.items()):
                found = _rendered_attribute_problems(tag, name.rpartition("}")[2].lower(), value)
                if found:
                    problems += found
                    del element.attrib[name]
    if not problems:
        return [], page_html
    for parent, element in removed:
        parent.remove(element)
    cleaned = html5lib.serialize(fragment, tree="etree", quote_attr_values="always", omit_optional_tags=False)
    return [(_source_line(source, needle, first_line), message) for needle, message in dict.fromkeys(problems)], cleaned


def escape_page_title(page) -> None:
    """Turn page.title and page.meta["title"] into escaped Markup, which Material prints as it is.

    `| e` leaves Markup alone, so nothing is escaped twice. Call from on_env for
    every page: all are read by then and none is rendered (each shows the others in its menu).
    """
    if isinstance(page.meta.get("title"), str):
        page.meta["title"] = markupsafe.escape(page.meta["title"])
    if page.title is not None:
        page.title = markupsafe.escape(page.title)

# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

class _Events(HTMLParser):
    """html.parser's callbacks as a list of (kind, tag, attrs, line); HTMLParser only offers callbacks."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.events = []

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag, dict(attrs), self.getpos()[0]))

    def handle_endtag(self, tag):
        self.events.append(("end", tag, {}, self.getpos()[0]))


def _parse(text: str) -> list:
    parser = _Events()
    parser.feed(text)
    parser.close()
    return parser.events


def _character_problems(line: str) -> list:
    problems = []
    for column, char in enumerate(line):
        name = INVISIBLE.get(char)
        before = line[:column]
        structural = not before.strip() or before.rstrip(" \t\u00a0\u3000").endswith((":", "-")) \
            or line[column + 1:column + 2] in (":", "：")
        if char in ALWAYS_INVISIBLE or (name and structural):
            problems.append(f"front matter has {name} (U+{ord(char):04X}), an invisible character, in column "
                            f"{column + 1}; delete it, and type a plain space if one is needed")
        elif char == "：" and KEY_BEFORE.match(before):
            problems.append(f"front matter has a full-width colon '：' (U+FF1A) after '{before.strip()}'; "
                            "type a plain colon ':' followed by a space")
    return problems


def _nesting(yaml_text: str) -> tuple[int, int]:
    """(how deep the front matter nests, the line where it first nests too deep), from its YAML
    tokens (nothing is built): bounded before parsing."""
    if yaml_text.count("[") + yaml_text.count("{") + yaml_text.count("-") + yaml_text.count(":") < MAX_FRONT_MATTER_DEPTH:
        return 0, 0
    depth = deepest = line = 0
    try:
        for token in yaml.scan(yaml_text, Loader=SCAN_LOADER):
            if isinstance(token, NESTING_STARTS):
                depth += 1
                if depth > MAX_FRONT_MATTER_DEPTH and not line:
                    line = token.start_mark.line
                deepest = max(deepest, depth)
            elif isinstance(token, NESTING_ENDS):
                depth -= 1
    except yaml.YAMLError:
        pass  # not YAML: the YAML parser reports it
    return deepest, line


def _opens_unclosed_quote(line: str) -> bool:
    quote, index = None, 0
    while index < len(line):
        char = line[index]
        if quote == '"' and char == "\\":
            index += 1
        elif quote == "'" and char == "'" and line[index + 1:index + 2] == "'":
            index += 1
        elif quote and char == quote:
            quote = None
        elif not quote and char in "\"'" and re.fullmatch(r"(|.*[:\-\[{,])\s*", line[:index]):
            quote = char
        elif not quote and char == "#" and (index == 0 or line[index - 1] in " \t"):
            break
        index += 1
    return quote is not None


def _blank_code(text: str) -> str:
    """Fenced code blocks and inline code spans replaced by spaces, line breaks kept."""
    out, fence = [], None
    for line in text.splitlines(keepends=True):
        opening = FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)
            out.append("\n" if line.endswith("\n") else "")
        elif fence is not None:
            if re.match(rf"\s*{re.escape(fence[0])}{{{len(fence)},}}\s*$", line):
                fence = None
            out.append("\n" if line.endswith("\n") else "")
        else:
            out.append(line)
    return CODE_SPAN.sub(lambda match: re.sub(r"[^\n]", " ", match.group(0)), "".join(out))


def _tag_problems(tag: str, attrs: dict) -> list:
    if tag in REFUSED_TAGS:
        return [f"<{tag}> is not allowed in a page ({REFUSED_TAGS[tag]}); remove it"]
    if tag not in ALLOWED_TAGS:
        return [f"<{tag}> is not one of the HTML elements a page may use; write it in Markdown, "
                "or use a block the content guide lists"]
    problems = []
    for name, value in attrs.items():
        value = value or ""
        if name.startswith("on"):
            problems.append(f"<{tag}> has an '{name}' attribute, which runs a script; remove it")
        elif name == "style":
            loads = "loads a file from elsewhere with url()" if "url(" in value.lower() else "is not allowed"
            problems.append(f"<{tag}> has a style attribute that {loads}; remove it, the site's stylesheet sets the look")
        elif name not in ALLOWED_TAGS[tag] | GLOBAL_ATTRIBUTES:
            problems.append(f"<{tag}> may not have a '{name}' attribute; remove it")
        elif name in ("href", "src"):
            problems += _url_problems(value, image=name == "src")
        elif name == "class":
            problems += [f"class '{word}' is not one of the site's blocks ({', '.join(sorted(ALLOWED_CLASSES))}); "
                         "use one of them, or ask a developer to add it" for word in value.split()
                         if word not in ALLOWED_CLASSES]
    return problems


def _attr_list_problems(items: str) -> list:
    """Markdown attribute lists ({ #id .class key=value }) set HTML attributes too."""
    problems = []
    for sign, name, key in ATTR_ITEM.findall(items):
        if sign == "#" and not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name):
            problems.append(f"heading id '#{name}' is not lower-case letters, digits and hyphens; "
                            "rename it, in both languages")
        elif sign == "." and name not in ALLOWED_CLASSES:
            problems.append(f"class '{name}' is not one of the site's blocks; remove '.{name}'")
        elif key and key.lower() not in ("lang", "title"):
            problems.append(f"'{{ {items} }}' sets the attribute '{key}', which the site does not allow; "
                            "keep only the id, like '{ #fees }'")
    return problems


def _url_problems(url: str, image: bool) -> list:
    plain = re.sub(r"[\x00-\x20]", "", html.unescape(url)).lower()
    scheme = re.match(r"([a-z][a-z0-9+.-]*):", plain)
    if scheme and scheme.group(1) not in SAFE_SCHEMES:
        return [f"link or image address '{url[:40]}' starts with '{scheme.group(1)}:', which browsers run "
                f"or load as a file; link to a web page ({', '.join(s + ':' for s in SAFE_SCHEMES)}) or a page of the site"]
    if preview_host(plain):
        return [f"link or image address '{url[:60]}' is this computer's preview address ({preview_host(plain)}), "
                "which readers cannot open; use a relative link to the page's file instead, like '../faq.md'"]
    if image and is_external(plain):
        return [f"image '{url[:60]}' is on another website; save it in docs/assets/images/ and "
                "link it from there (pages load nothing from other hosts)"]
    return []


def _rendered_attribute_problems(tag: str, name: str, value: str) -> list:
    """[(what to look for in the source, message)] for one attribute of a built page's element."""
    if name.startswith("on"):
        return [(name, f"the page as built has <{tag}> with an '{name}' attribute, which runs a script; remove it")]
    if name == "style" and tag in ("th", "td") and TABLE_ALIGN.fullmatch(value):
        return []  # a Markdown table's column alignment
    if name not in RENDERED_ATTRIBUTES.get(tag, ()) and name not in RENDERED_ATTRIBUTES["*"]:
        return [(name, f"the page as built has <{tag}> with a '{name}' attribute, which a page may not set; "
                 "remove it (raw HTML or an attribute list '{ … }' makes it)")]
    if name in ("href", "src"):
        return [(value, message) for message in _url_problems(value, image=name == "src")]
    if name == "id" and tag in HEADINGS and not HEADING_ID.fullmatch(value):
        return [(value, f"heading id {ascii(value)} is not letters, digits and hyphens (browsers keep every character, "
                 "so no link reaches it); retype the id, in both languages")]
    if name == "id" and value.startswith("__") and not value.startswith("__tabbed_"):
        return [(value, f"id '{value}' is one the theme uses for its own parts; remove it")]
    return []


def _source_line(source: str, needle: str, first_line: int) -> int | None:
    """The file line of the first source line holding `needle` (any case), or None."""
    needle = needle.lower()
    for number, line in enumerate(source.lower().split("\n")):
        if needle in line:
            return first_line + number
    return None


def _unclosed(tag: str) -> str:
    return f"<{tag}> opened here is never closed; add </{tag}> on its own line where the block ends"

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

MAX_FRONT_MATTER_BYTES = 20_000
MAX_FRONT_MATTER_LINES = 400
MAX_FRONT_MATTER_DEPTH = 20  # the real pages nest 3 deep (terms: - also: [...])
NESTING_STARTS = (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken, yaml.FlowMappingStartToken,
                  yaml.FlowSequenceStartToken)
NESTING_ENDS = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)
try:
    from yaml import CSafeLoader as SCAN_LOADER  # libyaml's scanner, where PyYAML was built with it
except ImportError:  # pragma: no cover
    SCAN_LOADER = yaml.SafeLoader
YAML_TOKENS = {
    yaml.AnchorToken: "front matter marks a value with the YAML anchor '&{}' to reuse it, which the site does "
                      "not allow; write each value out in full, or put the value in quotes if '&' is part of the text",
    yaml.AliasToken: "front matter reuses a value with the YAML alias '*{}', which the site does not allow; "
                     "write the value out in full, or put it in quotes if '*' is part of the text",
    yaml.TagToken: "front matter has the YAML tag '{}', which the site does not allow; delete it, "
                   "or put the value in quotes if '!' is part of the text",
}
KEY_BEFORE = re.compile(r"\s*(-\s+)?[A-Za-z_][A-Za-z0-9_-]*\s*$")

# Refused anywhere in front matter, except the last two: only in indentation or around a colon.
INVISIBLE = {
    "\u200b": "a zero-width space", "\u200c": "a zero-width non-joiner", "\u200d": "a zero-width joiner",
    "\u2060": "a word joiner", "\ufeff": "a byte order mark",
    "\u00a0": "a no-break space", "\u3000": "a full-width (ideographic) space",
}
ALWAYS_INVISIBLE = set(INVISIBLE) - {"\u00a0", "\u3000"}

# The HTML a page may contain (CONTRIBUTING.md "Files and front matter" and the views).
# No id: headings get theirs in Markdown ({ #id }), and an HTML id could stand in for
# one of the theme's own elements (document.getElementById("__config")).
GLOBAL_ATTRIBUTES = {"class", "lang", "title", "markdown"}
ALLOWED_TAGS = {
    **dict.fromkeys("div blockquote p span abbr br sup sub kbd em strong code summary "
                    "table thead tbody tr".split(), set()),
    "details": {"open"}, "th": {"colspan", "rowspan", "scope"}, "td": {"colspan", "rowspan"},
    "a": {"href", "hreflang"}, "img": {"src", "alt", "width", "height"},
}
ALLOWED_CLASSES = {
    "official-text", "reindeer-view", "reindeer-view__label", "no-glossary", "steps",
    "admonition", "note", "tip", "info", "warning", "danger",
}
BLOCK_TAGS = {"div", "blockquote", "details", "table"}
REFUSED_TAGS = {
    "script": "it runs a program", "style": "it changes how every page looks", "iframe": "it shows another website",
    "object": "it runs a plug-in", "embed": "it runs a plug-in", "form": "it sends what readers type elsewhere",
    "link": "it loads a file", "meta": "it changes how the page is read", "base": "it redirects every link",
}

# Pages: larger ones are split (the largest, the glossary, is about 16 KB); an unfinished tag
# ('<a ' with no '>') makes Python-Markdown and html.parser read to the end of the page again.
SAFE_SCHEMES = ("http", "https", "mailto", "tel")
MAX_PAGE_BYTES = 60_000
MAX_UNFINISHED_TAGS = 100
# Lists and quotes inside each other (`1. 1. 1. …`): Python-Markdown reads each level in a call of its own.
MAX_BLOCK_NESTING = 20
BLOCK_MARKERS = re.compile(r"(?:[ \t]*(?:>|[*+-](?=\s)|\d+[.)](?=\s)))*")
# The same for '[' and '(' never closed in a paragraph: Python-Markdown looks for each one's end.
MAX_UNCLOSED_BRACKETS = 200
PARAGRAPH = re.compile(r"(?:[^\n]+\n?)+")
UNFINISHED_TAG = re.compile(r"<[A-Za-z/!?][^<>]*(?=<|\Z)")

# The page as built (the second layer): what Markdown, its extensions and our list templates make.
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
RENDERED_TAGS = set(ALLOWED_TAGS) | HEADINGS | set(
    "ul ol li dl dt dd pre hr em strong del ins mark small time tfoot caption input label svg path".split())
RENDERED_ATTRIBUTES = {
    "*": {"class", "lang", "title", "id", "data-search-exclude"},
    **{tag: attributes | {"align"} for tag, attributes in ALLOWED_TAGS.items() if tag in ("th", "td")},
    "a": {"href", "hreflang", "rel"}, "img": {"src", "alt", "width", "height"}, "details": {"open"}, "ol": {"start"},
    "time": {"datetime"}, "p": {"data-label-en", "data-label-zh", "data-show-title"}, "div": {"data-tabs", "role"},
    "input": {"type", "name", "checked"}, "label": {"for"}, "svg": {"xmlns", "viewbox", "width", "height", "aria-hidden"},
    "path": {"d"},
}
TABLE_ALIGN = re.compile(r"text-align:\s*(left|right|center);?")
HEADING_ID = re.compile(r"[^\W_]+(?:-[^\W_]+)*")

FENCE = re.compile(r"\s*(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.S)
MARKDOWN_URL = re.compile(
    r"(?P<image>!\[[^\]\n]*)?\]\(\s*<?(?P<url>[^)\s>]+)"  # [text](url) and ![alt](url)
    r"|^ {0,3}\[[^\]\n]+\]:\s*<?(?P<url2>\S+?)>?(?:\s|$)"       # [label]: url
    r"|<(?P<auto>[a-z][a-z0-9+.-]*:[^\s<>]*)>", re.M | re.I)    # <https://...>
_ATTR = r"(?:[#.][\w-]+|[\w-]+=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s}]*))"
ATTR_LIST = re.compile(rf"\{{:?[ \t]*({_ATTR}(?:[ \t]+{_ATTR})*)[ \t]*\}}")
ATTR_ITEM = re.compile(r"([#.])([\w-]+)|([\w-]+)=(?:\"[^\"]*\"|'[^']*'|[^\s}]*)")
AUTOLINK = re.compile(r"<(?:[a-z][a-z0-9+.-]*:|[^\s<>@/]+@)[^\s<>]*>", re.I)
