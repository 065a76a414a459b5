"""Built pages carry no indentation (hooks/compact_html.py), yet show exactly what they showed.

The unit tests feed compact() small pieces of HTML and render small Jinja templates
through CompactLoader; the built-site test reads every page with BeautifulSoup and
looks at its text nodes.
"""

from __future__ import annotations

import re

import jinja2
from bs4 import BeautifulSoup, NavigableString

from compact_html import CompactLoader, compact, compact_template

VERBATIM_TAGS = ("pre", "textarea", "script")


def test_indentation_and_blank_lines_go():
    html = "<nav>\n      <ul>\n\n        <li><a href='x/'>X</a></li>\n      </ul>\n    </nav>\n"
    assert compact(html) == "<nav>\n<ul>\n<li><a href='x/'>X</a></li>\n</ul>\n</nav>\n"


def test_a_line_break_between_words_stays_a_space_on_screen():
    assert compact("<p>work\n      permit</p>") == "<p>work\npermit</p>"


def test_preformatted_text_keeps_every_space():
    code = '<pre><code>def f():\n    return 1\n\n\n    # end\n</code></pre>'
    area = "<textarea>\n  line one\n\n  line two</textarea>"
    script = "<script>\n  var a = 1;\n\n  var b = 2;\n</script>"
    html = f"<div>\n  {code}\n  {area}\n  {script}\n</div>"
    assert compact(html) == f"<div>\n{code}\n{area}\n{script}\n</div>"


def test_no_break_and_ideographic_spaces_are_kept():
    html = "<p>\n\u3000\u3000第一段\n\u00a0note</p>"
    assert compact(html) == "<p>\n\u3000\u3000第一段\n\u00a0note</p>"


def test_a_line_holding_only_a_control_tag_drops_its_line_break():
    source = "<ul>\n  {% for x in xs %}\n    <li>{{ x }}</li>\n  {%- endfor %}\n</ul>\n"
    assert compact_template(source) == "<ul>\n{% for x in xs -%}\n<li>{{ x }}</li>\n{%- endfor -%}\n</ul>\n"


def test_tags_that_write_text_or_share_a_line_are_left_alone():
    source = '{% include "a.html" %}\n<p>{% if x %}y{% endif %}</p>\n{% if a %}b{% endif %}\n'
    assert compact_template(source) == source


def test_a_compacted_template_renders_the_same_words_without_blank_lines():
    template = (
        "<nav>\n  {% if title %}\n    <h1>{{ title }}</h1>\n  {% endif %}\n  <ul>\n"
        "    {% for x in xs %}\n      {% if x %}\n        <li>{{ x }}</li>\n      {% else %}\n"
        "        <li>none</li>\n      {% endif %}\n    {% endfor %}\n  </ul>\n  word\n  {% if not title %}\n"
        "    hidden\n  {% endif %}\n  next\n</nav>"
    )
    loader = jinja2.DictLoader({"page.html": template})
    context = {"title": "T", "xs": ["a", "", "c"]}
    plain = jinja2.Environment(loader=loader).get_template("page.html").render(context)
    compacted = jinja2.Environment(loader=CompactLoader(loader)).get_template("page.html").render(context)
    assert re.sub(r"\s+", " ", compacted) == re.sub(r"\s+", " ", plain)
    assert "\n\n" not in compacted and "\n " not in compacted
    assert "word\nnext" in compacted  # the words around an empty {% if %} stay apart


def test_built_pages_have_no_indented_text_outside_preformatted_blocks(built_site):
    for edition in ("en", "zh"):
        for page in built_site.pages(edition):
            soup = built_site.html(str(page.relative_to(built_site.root)))
            indented = [
                repr(text[:40])
                for text in soup.find_all(string=True)
                if type(text) is NavigableString
                and "\n " in text
                and not any(parent.name in VERBATIM_TAGS for parent in text.parents)
            ]
            assert not indented, f"{page}: indentation left in the page's text: {indented[:3]}"
