"""The preview shows a page's build problems (#31): `mkdocs serve` (what `./site.sh serve` runs) of a
project copy with one broken page in each edition puts each page's problems in a box at its top, in
the page's language; saving the fix reloads the page without it. A published build never has the
box: tests/test_build_suggestions.py checks the pages its strict build of broken pages wrote.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from playwright.sync_api import expect

from conftest import mkdocs_env
from content.strings import STRINGS
from project_copy import append_line, copy_project

from .conftest import DESKTOP, watch_policy
from .site_ui import visit

pytestmark = pytest.mark.browser

BROKEN = {"en": ("docs", "faq.md", "See [the apostille](notices/ningbo-2023-work-permits/apostile.md)."),
          "zh": ("docs_zh", "about.md", "见[工作签证](glossary.md#work-visa)。")}
URL = {"docs/faq.md": "/faq/", "docs_zh/about.md": "/zh/about/"}


@pytest.fixture(scope="module")
def preview(browser, tmp_path_factory):
    """`mkdocs serve` of a copy with one broken page per edition: the copy, a browser context on it,
    {file: line of its problem}, the port and the server."""
    project = copy_project(tmp_path_factory.mktemp("preview") / "project")
    lines = {f"{folder}/{page}": append_line(project / folder / page, text) for folder, page, text in BROKEN.values()}
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project, env=mkdocs_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    context = browser.new_context(base_url=f"http://127.0.0.1:{port}", viewport=DESKTOP)
    watch_policy(context)
    try:
        _wait_for(port, server, "/zh/", lambda html: True)
        yield project, context, lines, port, server
    finally:
        context.close()
        server.terminate()
        server.wait(timeout=10)


def test_preview_shows_a_pages_problems_at_its_top_in_its_language_until_they_are_fixed(preview):
    project, context, lines, port, server = preview
    tab = context.new_page()
    for language, (folder, page, _) in BROKEN.items():
        label = f"{folder}/{page}"
        visit(tab, URL[label])
        box = tab.locator(".preview-problems")
        expect(box, f"the preview of {label}, which has a problem, shows no box of problems").to_be_visible()
        expect(box.locator(".admonition-title")).to_have_text(STRINGS[language]["problems_title"])
        expect(box.locator("li"), f"the box of {label} does not list its one problem").to_have_count(1)
        expect(box.locator("li")).to_contain_text(f"{label}:{lines[label]}: contains a link")
        above = tab.evaluate("document.querySelector('.preview-problems').getBoundingClientRect().top "
                             "< document.querySelector('article h1').getBoundingClientRect().top")
        assert above, f"the box of {label} is not at the top of the page, above its title"
    visit(tab, "/glossary/")
    assert tab.locator(".preview-problems").count() == 0, "a page without problems shows the box of problems"
    tab.close()
    # One test, not two: the fix needs the preview running, and a second preview would cost a second build.
    folder, page, text = BROKEN["en"]
    path = project / folder / page
    path.write_text(path.read_text(encoding="utf-8").replace(text, ""), encoding="utf-8")
    _wait_for(port, server, URL[f"{folder}/{page}"], lambda html: "preview-problems" not in html)
    tab = context.new_page()  # the old one is reloading itself (live reload)
    visit(tab, URL["docs_zh/about.md"])
    expect(tab.locator(".preview-problems"), "the fix of one page took the box off another, still broken").to_be_visible()
    tab.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(port: int, server: subprocess.Popen, path: str, ready) -> None:
    """Until the served page at `path` is there and `ready(its HTML)`; mkdocs serve (re)builds meanwhile."""
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        assert server.poll() is None, "mkdocs serve stopped: a content problem aborted the preview"
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2) as response:
                if response.status == 200 and ready(response.read().decode()):
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"mkdocs serve did not serve {path} as expected within 90 s")
