"""Built pages without indentation: a quarter fewer bytes, the same page on screen.

Events:
- on_env: wraps the theme's template loader, so each template (Material's and
  ours in overrides/) loses its indentation once, when Jinja first reads it,
  instead of every built page paying for it;
- on_page_context, priority -200: compacts the page's own HTML (page.content),
  after hooks/generated_html.py (-100) has put the generated lists in and after
  Material's search plugin (0) has indexed it.

Material's templates indent the navigation deeply; on a 500-page site half the
bytes of a page were spaces (a page shrinks from about 56 KB to 40 KB, 9 KB to
8 KB gzipped). compact() removes the spaces and blank lines that follow a line
break, keeping the line break itself, so wherever the browser saw white space
it still does and the page renders the same. The text inside <pre>, <textarea>
and <script> is left exactly as it was.

In a template, a line that holds only a control tag (`{% if %}`, `{% endfor %}`,
...) would leave an empty line in every page; such a tag gets Jinja's `-%}`,
which drops the line break after it. The line break before it stays, so the
text around the tag is still separated by white space. `{% include %}` is not
touched: it writes text of its own.

Why not mkdocs-minify-plugin: its HTML minifier parses every page in pure Python,
several milliseconds a page. Compacting the finished page with compact() cost
half a millisecond a page; compacting templates once and then only each page's
content costs a tenth of that (bench/build_bench.py measures the build).
"""

from __future__ import annotations

import re

import jinja2
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

# --- hooks ------------------------------------------------------------------


def on_env(env: jinja2.Environment, **_) -> jinja2.Environment:
    env.loader = CompactLoader(env.loader)
    return env


# Last: after generated_html.py (-100) and search (0) have read and changed page.content.
@event_priority(-200)
def on_page_context(context: dict, *, page: Page, **_) -> dict:
    page.content = compact(page.content)
    return context


# --- helpers ----------------------------------------------------------------


class CompactLoader(jinja2.BaseLoader):
    """The theme's loader, handing Jinja each template compacted (compact_template)."""

    def __init__(self, loader: jinja2.BaseLoader) -> None:
        self.loader = loader

    def get_source(self, environment: jinja2.Environment, template: str):
        source, filename, uptodate = self.loader.get_source(environment, template)
        return compact_template(source), filename, uptodate

    def list_templates(self) -> list[str]:
        return self.loader.list_templates()


def compact_template(source: str) -> str:
    """Jinja `source` compacted, each line that is only a control tag closed with `-%}`."""
    return CONTROL_TAG_LINE.sub(r"\g<tag> -%}", compact(source))


def compact(html: str) -> str:
    """`html` without indentation and blank lines, except inside VERBATIM elements."""
    parts = []
    position = 0
    for match in VERBATIM.finditer(html):
        parts.append(squeeze(html[position : match.start()]))
        parts.append(match.group(0))
        position = match.end()
    parts.append(squeeze(html[position:]))
    return "".join(parts)


def squeeze(text: str) -> str:
    """Each line break of `text` with the spaces before it and the white space after it as one break.

    String methods, not a regular expression: half the time on a built page.
    """
    lines = text.split("\n")
    if len(lines) == 1:
        return text
    first, *middle, last = lines
    kept = [first.rstrip(INDENTATION)]
    kept += [line for line in (line.strip(INDENTATION) for line in middle) if line]
    kept.append(last.lstrip(INDENTATION))
    return "\n".join(kept)


# --- data -------------------------------------------------------------------

# Elements whose text is shown or run as written.
VERBATIM = re.compile(r"<(pre|textarea|script)\b.*?</\1\s*>", re.S | re.I)
# White space that indents a line or trails it: ASCII only (not a no-break or
# ideographic space, which is meant to be seen).
INDENTATION = " \t\r"
# A whole line that is one Jinja tag writing nothing itself; group "tag" is all
# of it but the closing "%}" (and a "-" already before it).
CONTROL_TAG_LINE = re.compile(
    r"^(?P<tag>\{%-?\s*(?:if|elif|else|endif|for|endfor|set|endset|macro|endmacro|block|endblock"
    r"|import|from|with|endwith|filter|endfilter|extends)\b(?:[^%\n]|%(?!\}))*?)\s*-?%\}$",
    re.M,
)
