"""A Content Security Policy in every built page (issue #28): the reader's browser itself
refuses anything from another host and any script the build did not write.

Events:
- on_startup: only `mkdocs build` and `gh-deploy` write the policy. `mkdocs serve` adds its
  live-reload script to every page it serves, a script no hash made at build time can allow.
- on_post_build, priority -250 (after mkdocs-static-i18n builds the Chinese edition at -100
  and hooks/editions.py writes the redirect pages at -200; before hooks/offline.py reads the
  finished pages for its precache revisions at -300): every HTML file of the site, both
  editions, 404 and redirect pages included, gets the policy (overrides/partials/csp.html)
  with the hashes of its own inline scripts, as minify_html left them.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import jinja2
import markupsafe
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from content.published import START_TAG, start_tags

# --- hooks ------------------------------------------------------------------


def on_startup(*, command: str, dirty: bool) -> None:
    _state["policy"] = command in POLICY_COMMANDS


# Between the last page writer (editions.py, -200) and the first reader (offline.py, -300).
@event_priority(-250)
def on_post_build(config: MkDocsConfig) -> None:
    # Runs at the end of the Chinese build and again after it (editions.py writes the redirects
    # both times): each run gives every HTML file on disk its policy, rewriting only what changed.
    if not _state.get("policy"):
        return
    template = jinja2.Environment(autoescape=True, loader=config.theme.get_env().loader).get_template(TEMPLATE)
    for path in sorted(Path(config.site_dir).rglob("*.html")):
        page = path.read_text(encoding="utf-8")
        with_policy = with_meta(page, template.render(policy=_attribute_text(policy(inline_hashes(page)))))
        if with_policy != page:
            path.write_text(with_policy, encoding="utf-8")


# --- helpers ----------------------------------------------------------------


def policy(hashes: dict[str, list[str]], extra: dict[str, list[str]] | None = None) -> str:
    """DIRECTIVES with these hashes of inline scripts and styles (inline_hashes), and `extra`."""
    directives = {name: list(sources) for name, sources in DIRECTIVES.items()}
    directives["script-src"] += [f"'{digest}'" for digest in hashes["script"]]
    directives["style-src"] += [f"'{digest}'" for digest in hashes["style"]]
    directives.update(extra or {})
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


def inline_hashes(page: str) -> dict[str, list[str]]:
    """'sha256-…' of each inline script the browser runs and each <style>, in page order, once each."""
    hashes = {"script": [], "style": []}
    for tag, attributes, text in start_tags(page, only={"script", "style"}):
        if tag == "script" and ("src" in attributes or not _runs(attributes.get("type"))):
            continue
        digest = sha256_source(text or "")
        if digest not in hashes[tag]:
            hashes[tag].append(digest)
    return hashes


def sha256_source(text: str) -> str:
    """A CSP hash source for an element's text. The browser hashes the text as parsed: line
    breaks are already one LF each (HTML's input stream preprocessing)."""
    data = text.replace("\r\n", "\n").replace("\r", "\n").encode("utf-8")
    return "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode("ascii")


def with_meta(page: str, meta: str) -> str:
    """The page with `meta` as its only policy, right after <meta charset> (else after <head>):
    a policy governs only what comes after it, and the charset must stay in the first 1024 bytes."""
    for match in _head_tags(page):
        if match.group("name").lower() == "meta" and "content-security-policy" in match.group("attrs").lower():
            page = page[: match.start()] + page[match.end() :]
            break
    anchor = None
    for match in _head_tags(page):
        name = match.group("name").lower()
        if name == "meta" and "charset" in match.group("attrs").lower():
            anchor = match
            break
        anchor = match if name == "head" else anchor
    if anchor is None:
        raise ValueError("a built page has neither <meta charset> nor <head>: no place for its security policy")
    return page[: anchor.end()] + meta + page[anchor.end() :]


def _head_tags(page: str):
    """The start tags of a page up to its first script, style or body (none of them holds a tag)."""
    for match in START_TAG.finditer(page):
        name = (match.group("name") or "").lower()
        if name in ("script", "style", "body"):
            return
        if name:
            yield match


def _attribute_text(text: str) -> markupsafe.Markup:
    """Text escaped for a double-quoted attribute, its single quotes left as they are (a policy
    has many, and &#39; for each would add 150 bytes to every page)."""
    return markupsafe.Markup(str(markupsafe.escape(text)).replace("&#39;", "'"))


def _runs(script_type: str | None) -> bool:
    """Whether a <script> with this type attribute is run (HTML: absent, empty, a JavaScript MIME
    type, or module); a JSON block such as Material's #__config is data and needs no hash."""
    if script_type is None or not script_type.strip():
        return True
    kind = script_type.strip().lower()
    return kind == "module" or kind in JAVASCRIPT_TYPES


# --- data -------------------------------------------------------------------

POLICY_COMMANDS = ("build", "gh-deploy")
TEMPLATE = "partials/csp.html"
# Every source is the site itself ('self'); README "Content Security Policy" explains each line.
DIRECTIVES = {
    "default-src": ["'self'"],
    # Our scripts and Material's are files of the site; the few inline ones get their hashes.
    # 'report-sample': a refused inline script's first 40 characters reach the violation event,
    # so a failing browser test names the script.
    "script-src": ["'self'", "'report-sample'"],
    # Stylesheets are files of the site. No 'unsafe-inline': built pages carry no style
    # attributes and no <style> (a <style> a future template adds gets its hash); Material's
    # script sets positions through element.style (CSSOM), which a policy does not govern.
    "style-src": ["'self'"],
    # data: only for the icons Material's stylesheet embeds (mask-image: url("data:image/svg+xml…")).
    "img-src": ["'self'", "data:"],
    # Material's search worker and our service worker (hooks/offline.py).
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
JAVASCRIPT_TYPES = {
    "application/ecmascript", "application/javascript", "application/x-ecmascript", "application/x-javascript",
    "text/ecmascript", "text/javascript", "text/javascript1.0", "text/javascript1.1", "text/javascript1.2",
    "text/javascript1.3", "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript",
    "text/x-ecmascript", "text/x-javascript",
}
# on_startup's command, for on_post_build: MkDocs tells it to no other event.
_state: dict = {}
