"""hooks/content/safety.py: what a careless or hostile edit must never put in front of a reader."""

from __future__ import annotations

import importlib.util
import time
import types

import jinja2
import pytest
import yaml

from conftest import ROOT

from content import published, safety

ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]\n"
    for previous, name in zip("abcdefgh", "bcdefghi")
)


def lines(problems):
    return [line for line, _ in problems]


def text(problems):
    return " | ".join(message for _, message in problems)


# --- front matter --------------------------------------------------------------


def test_alias_bomb_is_refused_without_being_expanded():
    started = time.perf_counter()
    problems = safety.front_matter_problems(ALIAS_BOMB, 2)
    assert time.perf_counter() - started < 1, "the alias bomb took long: was it expanded?"
    assert "YAML anchor '&a'" in text(problems)
    assert "YAML alias '*a'" in text(problems)


def test_anchor_alias_and_tag_are_named_at_their_lines():
    problems = safety.front_matter_problems("id: x\ntitle: &t Hello\ndescription: *t\nkind: !!python/name:os.system\n", 2)
    assert lines(problems) == [3, 4, 5]
    assert "YAML tag '!!python/name:os.system'" in text(problems)


def test_verbatim_tag_is_named():
    assert "YAML tag '!<tag:yaml.org,2002:str>'" in text(safety.front_matter_problems("title: !<tag:yaml.org,2002:str> x\n", 2))


def test_text_yaml_cannot_read_is_left_to_the_parser():
    assert safety.front_matter_problems("title: \x07bell\n", 2) == []


def test_quoted_ampersand_star_and_bang_in_a_title_pass():
    front = "title: \"Fees & forms: *new* rules!\"\ndescription: 'R&D *staff* !important'\nkind: faq\n"
    assert safety.front_matter_problems(front, 2) == []


def test_plain_text_with_ampersand_and_bang_inside_passes():
    assert safety.front_matter_problems("title: Fees & forms, now!\n", 2) == []


def test_oversized_front_matter_is_refused_with_the_limit():
    problems = safety.front_matter_problems("description: x\n" * 500, 2)
    assert lines(problems) == [2]
    assert "400 lines" in text(problems) and "20 KB" in text(problems)


def test_no_break_space_is_named_at_its_line():
    problems = safety.front_matter_problems("id: about\ntitle:\u00a0About\n", 2)
    assert lines(problems) == [3]
    assert "no-break space (U+00A0)" in text(problems)


def test_ideographic_space_in_indentation_is_named():
    problems = safety.front_matter_problems("issuer:\n\u3000 en: Bureau\n", 2)
    assert lines(problems) == [3]
    assert "U+3000" in text(problems)


def test_ideographic_space_inside_chinese_text_passes():
    assert safety.front_matter_problems("title: 签证\u3000说明\n", 2) == []


def test_full_width_colon_after_a_key_is_named_at_its_line():
    problems = safety.front_matter_problems("id: about\nkind: about\ntitle：关于\n", 2)
    assert lines(problems) == [4]
    assert "full-width colon" in text(problems) and "after 'title'" in text(problems)


def test_full_width_colon_inside_a_value_passes():
    assert safety.front_matter_problems("title: 公证认证：新规\n", 2) == []


def test_zero_width_space_and_byte_order_mark_are_named():
    problems = safety.front_matter_problems("id: ab\u200bout\nkind: about\n\ufefftitle: About\n", 2)
    assert lines(problems) == [2, 4]
    assert "zero-width space" in text(problems) and "byte order mark" in text(problems)


def test_unclosed_quote_is_reported_where_it_opens():
    front = 'id: about\ntitle: "About this guide\ndescription: "One sentence."\nreviewed: 2026-11-22\n'
    with pytest.raises(yaml.MarkedYAMLError) as raised:
        yaml.safe_load(front)
    assert raised.value.problem_mark.line + 2 != 3, "the parser already names the opening line: test nothing"
    assert safety.yaml_error_line(raised.value, front, 2) == 3


def test_other_yaml_error_is_reported_where_the_parser_stopped():
    front = "id: about\ntitle: About\n  kind: about\n"
    with pytest.raises(yaml.MarkedYAMLError) as raised:
        yaml.safe_load(front)
    assert safety.yaml_error_line(raised.value, front, 2) == raised.value.problem_mark.line + 2


# --- page content --------------------------------------------------------------


def test_script_element_is_refused():
    assert "<script> is not allowed" in text(safety.content_problems("# T\n\n<script>alert(1)</script>\n", 8))


def test_iframe_is_refused():
    assert "<iframe> is not allowed" in text(safety.content_problems('<iframe src="https://x.org"></iframe>\n', 8))


def test_unknown_element_is_refused():
    assert "<marquee> is not one of" in text(safety.content_problems("<marquee>hi</marquee>\n", 8))


def test_event_attribute_is_refused_at_its_line():
    problems = safety.content_problems('# T\n\n<img src="x.png" alt="" onerror="alert(1)">\n', 8)
    assert lines(problems) == [10]
    assert "'onerror' attribute" in text(problems)


def test_style_attribute_with_url_is_refused():
    problems = safety.content_problems('<p style="background: url(https://x.org/a.png)">x</p>\n', 8)
    assert "url()" in text(problems)


def test_javascript_link_in_markdown_is_refused():
    assert "'javascript:'" in text(safety.content_problems("[click](javascript:alert(1))\n", 8))


def test_javascript_link_in_a_reference_definition_is_refused():
    problems = safety.content_problems("[click][x]\n\n[x]: JavaScript:alert(1)\n", 8)
    assert lines(problems) == [10]


def test_entity_encoded_javascript_href_is_refused():
    assert "'javascript:'" in text(safety.content_problems('<a href="&#106;avascript:alert(1)">x</a>\n', 8))


def test_data_url_image_is_refused():
    assert "'data:'" in text(safety.content_problems("![x](data:image/svg+xml;base64,PHN2Zz4=)\n", 8))


def test_image_from_another_host_is_refused():
    assert "another website" in text(safety.content_problems("![map](https://maps.example.com/a.png)\n", 8))


def test_ordinary_links_pass():
    body = "[gov](https://gov.cn) [mail](mailto:a@b.cn) [call](tel:+8657427721008) [here](../faq.md#fees)\n"
    assert safety.content_problems(body, 8) == []


def test_autolinks_to_web_pages_and_mail_pass():
    assert safety.content_problems("See <https://gov.cn/a?b=1> or write to <info@example.cn>.\n", 8) == []


def test_javascript_autolink_is_refused():
    assert "'javascript:'" in text(safety.content_problems("<javascript:alert(1)>\n", 8))


def test_id_attribute_is_refused():
    assert "'id' attribute" in text(safety.content_problems('<div id="__config" class="steps" markdown>\nx\n</div>\n', 8))


def test_event_attribute_in_a_markdown_attribute_list_is_refused():
    problems = safety.content_problems('# T\n\n## Fees { #fees onclick="alert(1)" }\n', 8)
    assert lines(problems) == [10]
    assert "sets the attribute 'onclick'" in text(problems)


def test_heading_id_that_is_not_lower_case_words_is_refused():
    assert "heading id '#__config'" in text(safety.content_problems("## Fees { #__config }\n", 8))


def test_heading_ids_and_braces_in_prose_pass():
    assert safety.content_problems("## Fees { #fees }\n\nPay {the fee} at the desk: {a, b}.\n", 8) == []


def test_project_blocks_pass():
    body = (ROOT / "docs" / "notices" / "ningbo-2023-work-permits" / "apostille.md").read_text(encoding="utf-8").split("\n---\n", 1)[1]
    zh_body = (ROOT / "docs_zh" / "notices" / "ningbo-2023-work-permits" / "apostille.md").read_text(encoding="utf-8").split("\n---\n", 1)[1]
    assert safety.content_problems(body, 1) == []
    assert safety.content_problems(zh_body, 1) == []


def test_every_page_of_the_site_passes():
    for path in sorted((ROOT / "docs").rglob("*.md")) + sorted((ROOT / "docs_zh").rglob("*.md")):
        assert safety.content_problems(path.read_text(encoding="utf-8").split("\n---\n", 1)[1], 1) == [], path


def test_unknown_class_is_refused():
    assert "class 'md-banner'" in text(safety.content_problems('<div class="md-banner" markdown>\nx\n</div>\n', 8))


def test_unclosed_div_is_reported_where_it_opens():
    body = "# T\n\n<div class=\"official-text\" markdown>\n\nText.\n\nMore text.\n"
    problems = safety.content_problems(body, 8)
    assert lines(problems) == [10]
    assert "never closed" in text(problems)


def test_div_closed_by_a_wrong_tag_is_reported_where_it_opens():
    body = '<blockquote lang="en" markdown>\n<div class="steps" markdown>\nx\n</blockquote>\n'
    assert lines(safety.content_problems(body, 8)) == [9]


def test_stray_closing_div_is_reported_at_its_line():
    problems = safety.content_problems("# T\n\nText.\n\n</div>\n", 8)
    assert lines(problems) == [12]
    assert "never opened" in text(problems)


def test_script_inside_a_fenced_code_block_passes():
    assert safety.content_problems("# T\n\n```html\n<script>alert(1)</script>\n<div>\n```\n", 8) == []


def test_script_inside_a_code_span_passes():
    assert safety.content_problems("Never write `<script>` or `` <iframe> `` in a page.\n", 8) == []


def test_html_comment_passes():
    assert safety.content_problems("<!-- provisions:cards -->\n<!-- <script> -->\n", 8) == []


def test_empty_body_is_refused():
    problems = safety.content_problems("\n  \n", 8)
    assert problems == [(8, "page has no content after its front matter; write the page or delete it in both docs/ and docs_zh/")]


# --- built pages ---------------------------------------------------------------


@pytest.mark.parametrize("address", [
    "http://127.0.0.1:8000/faq/", "http://localhost:8000/zh/", "HTTP://LOCALHOST/", "//127.0.0.1:8000/",
    "http://[::1]:8000/", "http://0.0.0.0:8000/", "http://user@localhost.:8000/",
])
def test_link_to_the_preview_address_is_refused_with_its_line_and_fix(address):
    problems = safety.content_problems(f"# T\n\nSee [the FAQ]({address}).\n", 8)
    assert lines(problems) == [10]
    assert "this computer's preview address" in text(problems) and "use a relative link" in text(problems)


def test_preview_address_in_a_reference_autolink_or_html_link_is_refused():
    body = "[a][x] <http://localhost:8000/> <a href=\"http://127.0.0.1:8000/\">b</a>\n\n[x]: http://127.0.0.2/\n"
    assert len(safety.content_problems(body, 1)) == 3


@pytest.mark.parametrize("address", ["https://example.org/localhost/", "http://127.0.0.1.example.org/", "../faq.md"])
def test_addresses_that_only_mention_localhost_pass(address):
    assert safety.content_problems(f"[x]({address})\n", 1) == []


def test_protocol_relative_image_is_external():
    assert published.external_resources('<p><img src="//cdn.example.com/a.png"></p>') == ["//cdn.example.com/a.png"]


def test_outbound_link_is_not_external():
    assert published.external_resources('<a href="https://gov.cn">gov</a>') == []


def test_relative_resources_are_not_external():
    page = '<link rel="stylesheet" href="../assets/site.css"><img src="/assets/a.png"><script src="x.js"></script>'
    assert published.external_resources(page) == []


def test_url_in_a_style_attribute_is_external():
    assert published.external_resources('<div style="background:url(\'https://x.org/b.png\')"></div>') == ["https://x.org/b.png"]


def test_stylesheet_and_font_preload_links_are_external():
    page = ('<link rel="stylesheet" href="https://fonts.googleapis.com/css">'
            '<link rel="preload" href="https://x.org/f.woff2"><link rel="canonical" href="https://guide.org/">')
    assert published.external_resources(page) == ["https://fonts.googleapis.com/css", "https://x.org/f.woff2"]


def test_srcset_poster_object_and_svg_use_are_external():
    page = ('<img srcset="a.png 1x, https://x.org/b.png 2x"><video poster="https://x.org/p.jpg"></video>'
            '<object data="//x.org/o.swf"></object><svg><use xlink:href="https://x.org/i.svg#a"></use></svg>')
    assert published.external_resources(page) == ["https://x.org/b.png", "https://x.org/p.jpg", "//x.org/o.swf", "https://x.org/i.svg#a"]


def test_style_element_import_and_meta_refresh_are_external():
    page = ('<style>@import "https://x.org/a.css"; body{background:url(/local.png)}</style>'
            '<meta http-equiv="refresh" content="0; url=https://evil.example/">')
    assert published.external_resources(page) == ["https://x.org/a.css", "https://evil.example/"]


def test_addresses_a_browser_reads_as_another_host_are_external():
    # The URL parser drops tabs and line breaks, reads "\\" as "/", and takes "http:host" as a host.
    page = '<img src="\\\\x.org/a.png"><img src="/\t/x.org/b.png"><img src="http:x.org/c.png"><img src="&#47;/x.org/d.png">'
    assert published.external_resources(page) == ["\\\\x.org/a.png", "/\t/x.org/b.png", "http:x.org/c.png", "//x.org/d.png"]


def test_tags_in_comments_and_scripts_load_nothing():
    page = '<!-- <img src="https://x.org/a.png"> --><script>var s = \'<img src="https://x.org/b.png">\';</script><p>ok</p>'
    assert published.external_resources(page) == []


def test_a_quote_inside_an_unquoted_value_does_not_hide_the_next_tag():
    page = '<img alt=a"b><img src="https://x.org/c.png">'
    assert published.external_resources(page) == ["https://x.org/c.png"]


def test_css_escapes_do_not_hide_another_host():
    css = 'a{background:url("\\2f\\2fx.org/a.png")} @import "\\68ttps://x.org/b.css";'
    assert published.css_external(css) == ["//x.org/a.png", "https://x.org/b.css"]
    assert published.css_external('a{content:"\\FFFFFF"}') == []  # no code point: read as U+FFFD, no traceback


def test_css_external_finds_url_and_import_but_not_comments():
    css = '/* url(https://old.org/x.png) */ @import url("//x.org/a.css"); a{background:url(../i.png)}'
    assert published.css_external(css) == ["//x.org/a.css"]


# --- files ---------------------------------------------------------------------


def test_built_site_loads_nothing_from_other_hosts(built_site):
    for path in sorted(built_site.root.rglob("*.html")):
        assert published.external_resources(path.read_text(encoding="utf-8")) == [], f"{path} makes readers fetch from another host"
    for path in sorted(built_site.root.rglob("*.css")):
        assert published.css_external(path.read_text(encoding="utf-8")) == [], f"{path} loads from another host"


def test_symlink_is_refused(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    (docs / "notes.md").symlink_to(tmp_path / "secret.txt")
    problems = published.file_problems(docs, "docs")
    assert [where for where, _ in problems] == ["docs/notes.md"]
    assert "symbolic link" in problems[0][1]


def test_symlinked_folder_is_refused_and_not_entered(tmp_path):
    docs = tmp_path / "docs"
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "Bad Name.md").write_text("x", encoding="utf-8")
    docs.mkdir()
    (docs / "more").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    assert [where for where, _ in published.file_problems(docs, "docs")] == ["docs/more"]


def test_forbidden_file_names_are_named(tmp_path):
    docs = tmp_path / "docs"
    (docs / "provisions").mkdir(parents=True)
    for name in ("my page.md", "Apostille.md", "签证.md", "fine-page.md"):
        (docs / "provisions" / name).write_text("x", encoding="utf-8")
    (docs / "Logo.png").write_text("x", encoding="utf-8")
    problems = dict(published.file_problems(docs, "docs"))
    assert set(problems) == {"docs/provisions/my page.md", "docs/provisions/Apostille.md", "docs/provisions/签证.md"}
    assert "'apostille.md'" in problems["docs/provisions/Apostille.md"]


def test_the_site_content_folders_pass():
    assert published.file_problems(ROOT / "docs", "docs") == []
    assert published.file_problems(ROOT / "docs_zh", "docs_zh") == []


def test_escape_page_title_escapes_title_and_front_matter_title():
    page = types.SimpleNamespace(title="<b>A & B</b>", meta={"title": "<b>A & B</b>"})
    safety.escape_page_title(page)
    assert page.title == page.meta["title"] == "&lt;b&gt;A &amp; B&lt;/b&gt;"


def test_escape_page_title_twice_escapes_once():
    page = types.SimpleNamespace(title='"A"', meta={"title": '"A"'})
    safety.escape_page_title(page)
    safety.escape_page_title(page)
    assert page.title == page.meta["title"] == "&#34;A&#34;"


def test_escaped_title_is_not_escaped_again_by_jinja():
    page = types.SimpleNamespace(title="R&D", meta={})
    safety.escape_page_title(page)
    assert jinja2.Template("{{ t | e }}|{{ t }}|{{ t | striptags | e }}").render(t=page.title) == "R&amp;D|R&amp;D|R&amp;D"


# --- escaping at output --------------------------------------------------------
# A copy of the project with a hostile title and description on both About pages,
# built with the project's own hooks (hooks/checks.py escapes titles at on_env).

HOSTILE_TITLE = '"><script>alert(1)</script></title><script>alert(2)</script>'
HOSTILE_NAME = '<img src="x.png" alt="" onerror="alert(4)">'
HOSTILE_DESCRIPTION = 'Fees "as listed" & more" onmouseover="alert(3)" <b>bold</b>'


def _as_browsers_read(site, relative: str):
    """A built page parsed by the WHATWG algorithm browsers use (html5lib): inside <title>,
    text such as <script> is text, which html.parser would take for an element."""
    from bs4 import BeautifulSoup

    return BeautifulSoup((site.root / relative).read_text(encoding="utf-8"), "html5lib")


def _yaml_quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    from conftest import BuiltSite, run_strict_build
    from project_copy import copy_project, set_key

    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    for folder in ("docs", "docs_zh"):
        set_key(project / folder / "about.md", "title", _yaml_quoted(HOSTILE_TITLE))
        set_key(project / folder / "about.md", "description", _yaml_quoted(HOSTILE_DESCRIPTION))
        text = (project / folder / "about.md").read_text(encoding="utf-8")
        (project / folder / "about.md").write_text(text.replace("\n---\n", f"\nalso_called: [{_yaml_quoted(HOSTILE_NAME)}]\n---\n", 1),
                                                   encoding="utf-8")
    site_dir = project / "built"
    result = run_strict_build(project, site_dir)
    assert result.returncode == 0, f"strict build with a hostile About title failed:\n{result.stderr}"
    return BuiltSite(site_dir, result.stderr)


@pytest.mark.parametrize("edition", ["en", "zh"])
def test_hostile_title_adds_no_script_or_event_attribute(hostile_site, edition):
    for path in hostile_site.pages(edition):
        soup = _as_browsers_read(hostile_site, path.relative_to(hostile_site.root).as_posix())
        scripts = [s for s in soup.find_all("script") if "alert(" in s.get_text()]
        handlers = [t.name for t in soup.find_all(True) if any(a.startswith("on") for a in t.attrs)]
        assert not scripts and not handlers, f"{path}: the About title or description runs as script"


@pytest.mark.parametrize("about", ["about/index.html", "zh/about/index.html"])
def test_hostile_title_shows_as_typed(hostile_site, about):
    soup = _as_browsers_read(hostile_site, about)
    assert soup.title.get_text().startswith(HOSTILE_TITLE + " - "), f"browser tab shows {soup.title.get_text()!r}"
    assert soup.select_one(".md-header__topic[data-md-component=header-topic] .md-ellipsis").get_text(strip=True) == HOSTILE_TITLE
    assert soup.find("meta", property="og:title")["content"] == HOSTILE_TITLE
    home = _as_browsers_read(hostile_site, about.replace("about/", ""))
    assert HOSTILE_TITLE in [a.get_text(strip=True) for a in home.select(".md-nav__link")], "the menu shows the About title wrongly"
    before = _as_browsers_read(hostile_site, about.replace("about/", "faq/")).select_one(".md-footer__link--next")
    assert before.select_one(".md-ellipsis").get_text(strip=True) == HOSTILE_TITLE, "the FAQ's 'Next' link shows the title wrongly"
    assert before["aria-label"].endswith(": " + HOSTILE_TITLE), "screen readers hear the title escaped twice"


@pytest.mark.parametrize("about", ["about/index.html", "zh/about/index.html"])
def test_hostile_description_is_kept_whole(hostile_site, about):
    soup = _as_browsers_read(hostile_site, about)
    assert soup.find("meta", attrs={"name": "description"})["content"] == HOSTILE_DESCRIPTION
    assert soup.find("meta", property="og:description")["content"] == HOSTILE_DESCRIPTION


# --- the publishing build needs the published address --------------------------
# site.sh runs in a folder of its own whose .venv has a stand-in mkdocs that only
# records being called: a refusal that fails never builds or installs anything.

FAKE_MKDOCS = '#!/bin/sh\necho called > "$(dirname "$0")/../../mkdocs-called"\nexit 1\n'


def _site_sh_build(tmp_path, **environment):
    import subprocess

    from conftest import mkdocs_env
    from project_copy import site_sh_folder

    site_sh_folder(tmp_path, FAKE_MKDOCS)
    result = subprocess.run(["bash", "site.sh", "build"], cwd=tmp_path, env=mkdocs_env(**environment),
                            capture_output=True, text=True, timeout=60)
    return result, (tmp_path / "mkdocs-called").exists()


def test_publishing_build_refuses_without_site_url(tmp_path):
    result, built = _site_sh_build(tmp_path)
    assert result.returncode == 2 and not built, "./site.sh build ran without SITE_URL"
    assert result.stderr.splitlines() == [result.stderr.strip()] and result.stderr.startswith("SITE_URL is not set; set it")


@pytest.mark.parametrize("address", ["http://127.0.0.1:8000/", "http://localhost:8000/", "http://[::1]:8000/", "HTTP://LocalHost/"])
def test_publishing_build_refuses_a_loopback_site_url(tmp_path, address):
    result, built = _site_sh_build(tmp_path, SITE_URL=address)
    assert result.returncode == 2 and not built, f"./site.sh build ran with SITE_URL={address}"
    assert len(result.stderr.strip().splitlines()) == 1 and "is this computer, not the published site; set it" in result.stderr


def test_publishing_build_runs_with_a_public_site_url(tmp_path):
    result, built = _site_sh_build(tmp_path, SITE_URL="https://guide.example.org/")
    assert built, f"./site.sh build refused a public SITE_URL:\n{result.stderr}"


# --- stylesheets, read as CSS (#29) ---------------------------------------------


def test_image_set_strings_are_addresses():
    css = 'a{background:image-set("https://x.org/a.png" 1x, url(//y.org/b.png) 2x)} b{background:-webkit-image-set("/ok.png" 1x)}'
    assert published.css_external(css) == ["https://x.org/a.png", "//y.org/b.png"]


def test_every_form_of_import_is_an_address():
    css = '@import "https://x.org/a.css"; @import url(https://x.org/b.css) screen; @IMPORT url("//x.org/c.css");'
    assert published.css_external(css) == ["https://x.org/a.css", "https://x.org/b.css", "//x.org/c.css"]


def test_a_stylesheet_imported_under_a_capital_extension_is_followed(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "more.CSS").write_text('a{background:url("https://x.org/a.png")}', encoding="utf-8")
    sheet = tmp_path / "assets" / "site.css"
    sheet.write_text('@import "more.CSS"; @import "https://x.org/b.css"; @import "missing.css";', encoding="utf-8")
    assert published.local_imports(sheet.read_text(encoding="utf-8"), sheet, tmp_path) == [(tmp_path / "assets" / "more.CSS").resolve()]


# --- content folders hold content (#29) -----------------------------------------


def test_files_that_are_not_content_are_refused_one_line_each(tmp_path):
    docs = tmp_path / "docs"
    (docs / "assets" / "images").mkdir(parents=True)
    (docs / "zh").mkdir()
    (docs / "zh" / "about.md").write_text("x", encoding="utf-8")
    for name in ("page.html", "_headers", "_redirects", "assets/app.js", "assets/site.css", "guide.md", "assets/images/a.png"):
        (docs / name).write_text("x", encoding="utf-8")
    (docs / ".hidden").write_text("MkDocs publishes no dot file", encoding="utf-8")
    problems = published.file_problems(docs, "docs", reserved=("zh",))
    assert sorted(where for where, _ in problems) == sorted(
        ["docs/zh", "docs/page.html", "docs/_headers", "docs/_redirects", "docs/assets/app.js", "docs/assets/site.css"])
    assert "another edition" in dict(problems)["docs/zh"]
    assert "host's settings" in dict(problems)["docs/_headers"]


@pytest.mark.parametrize("svg, words", [
    (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "<script> element"),
    (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "'onload' attribute"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>', "<foreignobject>"),
    (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:l="http://www.w3.org/1999/xlink"><image l:href="https://x.org/a.png"/></svg>', "outside itself"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import "//x.org/a.css";</style></svg>', "style that loads"),
    (b'<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>', "DOCTYPE"),
])
def test_scripted_or_referring_svg_is_refused(svg, words):
    assert words in " | ".join(published.svg_problems(svg))


def test_a_plain_drawing_passes():
    assert published.svg_problems((ROOT / "docs" / "assets" / "images" / "favicon.svg").read_bytes()) == []
    assert published.svg_problems(b'<svg xmlns="http://www.w3.org/2000/svg"><defs><path id="a"/></defs><use href="#a"/></svg>') == []


def test_codeowners_asks_developers_for_code_and_nobody_for_content():
    rules = [line.split() for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]

    def owners(path):
        found = []
        for pattern, *names in rules:  # the last match wins, as on GitHub
            folder = pattern.strip("/")
            if pattern == "*" or path == folder or path.startswith(folder + "/"):
                found = names
        return found

    for path in ("mkdocs.yml", "hooks/checks.py", "overrides/main.html", "overrides/assets/javascripts/offline.js",
                 "tools/scaffold.py", ".github/workflows/test.yml"):
        assert owners(path), f"a change to {path} would merge without a developer's review"
    for path in ("docs/faq.md", "docs_zh/faq.md", "docs/assets/images/favicon.svg"):
        assert owners(path) == [], f"a change to {path} would wait for a developer"


# The kinds of file a clean build publishes: pages and the edition's data (html, json, webmanifest,
# xml, xml.gz, txt), the theme's and overrides/' scripts and stylesheets (js, its source maps, css),
# and images. Anything else in site/ came from a content folder unchecked.
PUBLISHED_TYPES = {".html", ".json", ".webmanifest", ".xml", ".gz", ".txt", ".js", ".map", ".css",
                   ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".ico", ".pdf"}


def test_a_clean_build_publishes_only_the_documented_types(built_site):
    unexpected = sorted(path.relative_to(built_site.root).as_posix() for path in built_site.root.rglob("*")
                        if path.is_file() and path.suffix.lower() not in PUBLISHED_TYPES)
    assert not unexpected, f"the site publishes files of no documented type: {unexpected}"
    from_content = sorted(path.relative_to(ROOT).as_posix() for folder in ("docs", "docs_zh") for path in (ROOT / folder).rglob("*")
                          if path.is_file() and path.suffix.lower() in {".html", ".js", ".css"})
    assert not from_content, f"scripts, stylesheets or HTML in a content folder: {from_content}"


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_hostile_also_called_name_is_text_in_the_search_index(hostile_site, prefix):
    """The theme shows index titles as HTML in search results: a name is escaped text there."""
    import json

    from bs4 import BeautifulSoup

    index = json.loads((hostile_site.root / prefix / "search/search_index.json").read_text(encoding="utf-8"))
    title = next(doc["title"] for doc in index["docs"] if doc["location"] == "about/")
    shown = BeautifulSoup(title, "html5lib")
    assert not shown.find("img") and not any(a.startswith("on") for t in shown.find_all(True) for a in t.attrs), (
        f"{prefix or 'en'}: searching runs the also_called name as HTML: {title!r}")
    assert HOSTILE_NAME in shown.get_text(), f"the name no longer shows as typed: {shown.get_text()!r}"


# --- the page as built: the second layer (#29) -------------------------------------


def _as_built(body: str) -> str:
    """Python-Markdown with the site's extensions (mkdocs.yml), as MkDocs runs it before on_page_content."""
    import markdown

    return markdown.Markdown(extensions=["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables",
                                         "toc", "pymdownx.details", "pymdownx.superfences"]).convert(body)


# Each is HTML that Python-Markdown and a browser make into an element, but the source check cannot see.
HIDDEN = {
    "CDATA, a bogus comment to HTML": '<![CDATA[ x > <img src="x.png" alt="" onerror="alert(1)"> ]]>\n',
    "backticks in a raw HTML block": '<div class="no-glossary">\n`<img src="x.png" alt="" onerror="alert(1)">`\n</div>\n',
    "a fence never closed": '```\n<img src="x.png" alt="" onerror="alert(1)">\n',
    "an attribute list with a token the pattern does not know": 'A paragraph.\n{ onclick="alert(1)" x.y }\n',
    "a zero-width space in a heading id": "## Fees { #fees\u200b }\n",
}


@pytest.mark.parametrize("case", list(HIDDEN))
def test_html_hidden_from_the_source_check_is_found_in_the_page_as_built(case):
    body = "# T\n\n" + HIDDEN[case]
    assert safety.content_problems(body, 8) == [], "the source check sees it now: pick a case it misses"
    problems, cleaned = safety.rendered_problems(_as_built(body), body, 8)
    assert problems and all(line == 10 or line == 11 for line, _ in problems), problems
    assert safety.rendered_problems(cleaned, body, 8)[0] == [], "what was found is still in the page"


SOURCE_CASES = {
    "script": "<script>alert(1)</script>\n", "iframe": '<iframe src="https://x.org/"></iframe>\n',
    "event handler": '<span lang="en" onmouseover="alert(1)">x</span>\n', "javascript link": "[click](javascript:alert(1))\n",
    "image from another host": "![chart](https://x.org/chart.png)\n", "id of the theme": '<div id="__config" markdown>\nx\n</div>\n',
    "style": '<p style="color:red">x</p>\n',
}


@pytest.mark.parametrize("case", list(SOURCE_CASES))
def test_what_the_source_check_refuses_the_page_as_built_refuses_too(case):
    """Either layer alone catches what can run or load: break one, the other still fails the build."""
    body = "# T\n\n" + SOURCE_CASES[case]
    assert safety.content_problems(body, 8), "the source check lets it through"
    problems, _ = safety.rendered_problems(_as_built(body), body, 8)
    assert problems and problems[0][0] == 10, problems


def test_the_real_pages_pass_as_built(built_site):
    for path in built_site.pages("en") + built_site.pages("zh"):
        article = _as_browsers_read(built_site, path.relative_to(built_site.root).as_posix()).select_one("article")
        assert article is not None, path
        handlers = [(tag.name, name) for tag in article.find_all(True) for name in tag.attrs if name.startswith("on")]
        assert not handlers and not article.find("script"), f"{path}: {handlers}"


def test_a_huge_page_of_unfinished_tags_is_refused_at_once():
    started = time.perf_counter()
    problems = safety.page_size_problems("# T\n\n" + "<a " * 15_000)
    assert time.perf_counter() - started < 1 and "never finished" in text(problems) and lines(problems) == [3]
    assert "more than the 60 KB" in text(safety.page_size_problems("x" * 61_000))
    assert safety.page_size_problems((ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("body, words", [
    ("[" * 20_000, "'[' or '(' never closed"), ("[a](" * 5_000, "'[' or '(' never closed"),
    ("1. " * 3_000, "nests lists or quotes 3000 deep"), ("> " * 3_000, "nests lists or quotes 3000 deep"),
])
def test_input_that_makes_markdown_take_minutes_or_recurse_is_refused_at_once(body, words):
    started = time.perf_counter()
    problems = safety.page_size_problems("# T\n\n" + body)
    assert time.perf_counter() - started < 1 and words in text(problems) and lines(problems) == [3], problems


def test_front_matter_nested_too_deep_is_refused_at_its_line_without_parsing():
    problems = safety.front_matter_problems("id: a\ndeep: " + "[" * 5000 + "]" * 5000 + "\n", 2)
    assert lines(problems) == [3] and "nests lists or keys" in text(problems)


@pytest.mark.parametrize("boost", [".nan", ".inf", "-1", "1000"])
def test_search_boost_must_be_a_finite_number_in_range(boost):
    from content.model import validate

    meta = yaml.safe_load(f"id: faq\nkind: faq\ntitle: T\ndescription: D\nreviewed: 2026-01-01\nsearch:\n  boost: {boost}\n")
    assert [path for path, _ in validate(meta)[1]] == [("search",)]
