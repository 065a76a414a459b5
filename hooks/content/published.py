"""What the build publishes, read as a browser reads it: built pages, stylesheets, the files of docs/ (no events).

Pure functions for hooks/checks.py (built pages and stylesheets: nothing from other hosts),
content/rules.py (the files of each content folder) and the hooks that read built pages
(offline.py, csp.py). Each message names the problem and its fix; CONTRIBUTING.md lists them.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import tinycss2

# -----------------------------------------------------------------------------
# Checks
# -----------------------------------------------------------------------------

def external_resources(page_html: str) -> list:
    """Every URL on another host that a browser fetches by itself when it opens this built page."""
    found = []
    for tag, attrs, text in start_tags(page_html):
        if tag == "style":
            found += css_external(text or "")
        fetched_link = tag == "link" and set(attrs.get("rel", "").lower().split()) & FETCHED_LINK_RELS
        for name, value in attrs.items():
            if name in FETCHED_ATTRIBUTES.get(tag, ()) or name in FETCHED_ATTRIBUTES["*"] or (fetched_link and name == "href"):
                found.append(value.strip())
            elif name in ("srcset", "imagesrcset"):
                found += [part.split()[0] for part in value.split(",") if part.strip()]
            elif name == "style":
                found += css_external(value)
        if tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
            target = re.search(r"url\s*=\s*['\"]?([^'\";]+)", attrs.get("content", ""), re.I)
            if target:
                found.append(target.group(1).strip())
    return [url for url in found if is_external(url)]


def start_tags(page_html: str, only: set | None = None):
    """(tag, {attribute: value}, text) for each start tag of a built page (or those named in
    `only`), names lower-case, values unescaped; text is the content of a script, style,
    textarea or title element, else None.

    A regex scan (about three times as fast as html.parser) that reads tags as a browser
    does: nothing inside a comment, and no tags inside those four elements.
    """
    position = 0
    while match := START_TAG.search(page_html, position):
        position = match.end()
        if match.group("name") is None:  # a comment
            continue
        tag = match.group("name").lower()
        text = None
        if tag in RAW_TEXT_TAGS:
            end = re.compile(rf"</{tag}\s*>", re.I).search(page_html, position)
            text = page_html[position : end.start() if end else len(page_html)]
            position = end.end() if end else len(page_html)
        if only is not None and tag not in only:
            continue
        attrs = {}
        for name, value in ATTRIBUTE.findall(match.group("attrs")):
            value = value[1:-1] if value[:1] in "\"'" and len(value) > 1 and value[-1] == value[0] else value
            attrs.setdefault(name.lower(), html.unescape(value) if "&" in value else value)
        yield tag, attrs, text


def css_external(css_text: str) -> list:
    """URLs on another host in a stylesheet (or a style attribute), as a CSS tokenizer reads it."""
    return [url for url, _ in css_addresses(css_text) if is_external(url)]


def css_addresses(css_text: str) -> list:
    """[(address, is an @import)] for everything a stylesheet loads: url() quoted or not, strings in
    image-set(), src() and the like, every form of @import; escapes (\\2f) read by tinycss2."""
    found = []
    _css_walk(tinycss2.parse_component_value_list(css_text, skip_comments=True), False, found)
    return [(url.strip(), is_import) for url, is_import in found]


def local_imports(css_text: str, sheet: Path, root: Path) -> list:
    """The files of the site that a stylesheet imports, whatever their names end with."""
    imported = []
    for url, is_import in css_addresses(css_text):
        address = re.split(r"[?#]", url)[0]
        if is_import and address and not is_external(url) and not re.match(r"[a-z][a-z0-9+.-]*:", address, re.I):
            target = (root / address.lstrip("/")) if address.startswith("/") else sheet.parent / address
            if target.resolve().is_relative_to(root.resolve()) and target.is_file():
                imported.append(target.resolve())
    return imported


def file_problems(folder: Path, label: str, reserved: tuple = ()) -> list:
    """Symbolic links, files outside the folder, names the content guide forbids, files that are not
    content (.html, scripts, a host's settings, a scripted SVG), and top folders named in `reserved`
    (another edition's address): [(path_label, message)]."""
    folder, problems = Path(folder), []
    if folder.is_symlink():
        return [(f"{label}/", SYMLINK)]
    for directory, dirs, names in os.walk(folder):  # never into a linked folder
        for name in sorted(dirs + names):
            path = Path(directory) / name
            where = f"{label}/{path.relative_to(folder).as_posix()}"
            if path.is_symlink():
                problems.append((where, SYMLINK))
                continue
            if path.parent == folder and name in reserved and path.is_dir():
                problems.append((where, f"is the address of another edition ({name}/), so its pages would replace that "
                                 f"edition's; rename the folder (Chinese pages go in {ZH_FOLDER}/, at the English page's path)"))
            if not path.resolve().is_relative_to(folder.resolve()):
                problems.append((where, f"is stored outside {label}/; move the real file into {label}/"))
            if " " in name:
                problems.append((where, f"name has a space; use hyphens instead: '{name.replace(' ', '-')}'"))
            if not name.isascii():
                problems.append((where, "name has letters other than plain a-z; use lower-case English letters, "
                                 "digits and hyphens (the Chinese page has the same name as the English one)"))
            if path.suffix.lower() == ".md" and name != name.lower():
                problems.append((where, f"page file name has capital letters; rename it '{name.lower()}' in both "
                                 "docs/ and docs_zh/"))
            if path.is_file() and not name.startswith("."):  # MkDocs publishes no dot file
                problems += [(where, message) for message in _file_type_problems(path)]
    return problems


def svg_problems(svg: bytes) -> list:
    """An SVG opened by itself is a page: scripts, event handlers, foreign objects and references to
    anything outside the file are refused."""
    if re.search(rb"<!(DOCTYPE|ENTITY)", svg, re.I):
        return ["SVG file has a DOCTYPE or ENTITY declaration; save it again without one (an SVG editor's "
                "'plain SVG' or 'optimised SVG')"]
    try:
        root = ElementTree.fromstring(svg)
    except ElementTree.ParseError as error:
        return [f"is not a well-formed SVG file ({error}); export it again from the drawing program"]
    problems = []
    for element in root.iter():
        tag = str(element.tag).rpartition("}")[2].lower()
        if tag in SVG_REFUSED:
            problems.append(f"SVG file has a <{tag}> element, which {SVG_REFUSED[tag]}; remove it")
        for name, value in element.attrib.items():
            name = name.rpartition("}")[2].lower()
            if name.startswith("on"):
                problems.append(f"SVG file has an '{name}' attribute on <{tag}>, which runs a script; remove it")
            elif name in ("href", "src") and not value.strip().startswith("#"):
                problems.append(f"SVG file refers to '{value[:60]}' outside itself; keep everything the drawing "
                                "needs inside the file")
            elif name == "style" and any(not url.startswith("#") for url, _ in css_addresses(value)):
                problems.append("SVG file has a style that loads a file; keep everything the drawing needs inside the file")
        if tag == "style" and any(not url.startswith("#") for url, _ in css_addresses(element.text or "")):
            problems.append("SVG file has a style that loads a file; keep everything the drawing needs inside the file")
    return list(dict.fromkeys(problems))


def _file_type_problems(path: Path) -> list:
    """A file of a content folder that is not a page or a documented kind of asset, or a scripted SVG."""
    suffix = path.suffix.lower()
    if path.name in HOST_FILES:
        return ["is a web host's settings file, which the site would publish and some hosts obey; remove it "
                "(publishing settings belong to developers)"]
    if suffix not in CONTENT_TYPES:
        kind = f"a {suffix} file" if suffix else "a file without a type"
        return [f"is {kind}, which the site would publish as it is; content folders hold pages (.md) and "
                f"images or documents ({', '.join(sorted(CONTENT_TYPES - {'.md'}))}); remove it, or ask a developer"]
    if suffix == ".svg":
        return svg_problems(path.read_bytes())
    return []


def _css_walk(tokens: list, loading: bool, found: list) -> None:
    """Addresses in CSS tokens: url tokens anywhere, strings inside a function that loads (image-set("…")),
    the string or url after @import."""
    tokens = list(tokens)
    for index, token in enumerate(tokens):
        if token.type == "url":
            found.append((token.value, _after_import(tokens, index)))
        elif token.type == "string" and (loading or _after_import(tokens, index)):
            found.append((token.value, _after_import(tokens, index)))
        elif token.type == "function":
            _css_walk(token.arguments, token.lower_name in CSS_LOADING_FUNCTIONS, found)
            if token.lower_name in ("url", "src") and _after_import(tokens, index):
                found[-1:] = [(url, True) for url, _ in found[-1:]]
        elif token.type in ("() block", "[] block", "{} block"):
            _css_walk(token.content, False, found)


def _after_import(tokens: list, index: int) -> bool:
    """Whether tokens[index] is the first thing after an @import."""
    before = [token for token in tokens[:index] if token.type not in ("whitespace", "comment")]
    return bool(before) and before[-1].type == "at-keyword" and before[-1].lower_value == "import"


def is_external(url: str) -> bool:
    """As a browser's URL parser reads it: leading controls and spaces, tabs and line breaks dropped, "\\" read as "/"."""
    plain = re.sub(r"^[\x00-\x20]+|[\t\n\r]", "", url).replace("\\", "/")
    return bool(re.match(r"https?:|([a-z][a-z0-9+.-]*:)?//", plain, re.I))


def preview_host(plain: str) -> str | None:
    """The host of an address on this computer (localhost, 127.x.x.x, [::1], 0.0.0.0), as
    `./site.sh serve` shows it, or None; `plain` is lower-case, without spaces or controls."""
    if not re.match(r"(https?:)?//", plain.replace("\\", "/")):
        return None
    host = urlsplit(plain.replace("\\", "/")).netloc.rpartition("@")[2]
    name = re.sub(r":\d*$", "", host).rstrip(".") if not host.startswith("[") else host.partition("]")[0] + "]"
    if name in LOCAL_HOSTS or name.endswith(".localhost") or re.fullmatch(r"127(\.\d{1,3}){3}", name):
        return host
    return None


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# This computer, where `./site.sh serve` shows the preview (127.x.x.x and *.localhost too).
LOCAL_HOSTS = {"localhost", "0.0.0.0", "[::1]", "[::]"}
# What docs/ and docs_zh/ may hold (CONTRIBUTING.md "What a page may contain"): the site's own
# scripts and stylesheets are code, in overrides/assets/.
CONTENT_TYPES = {".md", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".ico", ".pdf"}
HOST_FILES = {"_headers", "_redirects", "CNAME", "netlify.toml", "vercel.json", "staticwebapp.config.json"}
ZH_FOLDER = "docs_zh"
SVG_REFUSED = {"script": "runs a program", "foreignobject": "shows HTML inside the drawing", "iframe": "shows another website",
               "embed": "runs a plug-in", "object": "runs a plug-in", "handler": "runs a program"}
SYMLINK = "is a symbolic link, which the site does not publish; replace it with the real file or folder"
FETCHED_ATTRIBUTES = {
    "*": ("src", "background"), "object": ("data",), "video": ("poster",), "base": ("href",),
    "image": ("href", "xlink:href"), "use": ("href", "xlink:href"), "feimage": ("href", "xlink:href"),
}
FETCHED_LINK_RELS = {"stylesheet", "icon", "shortcut", "preload", "prefetch", "modulepreload",
                     "manifest", "apple-touch-icon", "apple-touch-icon-precomposed", "mask-icon", "dns-prefetch", "preconnect"}
# Built pages: a start tag (a quote opens a value only after "="), or a comment.
START_TAG = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(?P<name>[a-zA-Z][^\s/>]*)(?P<attrs>(?>=\s*\"[^\"]*\"|=\s*'[^']*'|[^>])*+)>", re.S)
ATTRIBUTE = re.compile(r"""([^\s/>=][^\s/>=]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]*))?""")
RAW_TEXT_TAGS = {"script", "style", "textarea", "title"}
# CSS functions whose string arguments are addresses the browser fetches (url() and src() included).
CSS_LOADING_FUNCTIONS = {"url", "src", "image-set", "-webkit-image-set", "image", "cross-fade", "-webkit-cross-fade"}
