"""A hostile front-matter title and description never run as script in a reader's browser (#15)."""

from __future__ import annotations

import threading
from functools import partial

import pytest

from conftest import run_strict_build
from project_copy import copy_project, set_key

from .conftest import SiteHandler, SiteServer, watch_policy
from .site_ui import visit

pytestmark = pytest.mark.browser

HOSTILE_TITLE = '"><img src=x onerror=alert(1)><script>alert(2)</script></title><script>alert(3)</script>'
HOSTILE_DESCRIPTION = '" onmouseover="alert(4)" x="<script>alert(5)</script>'


@pytest.fixture(scope="module")
def hostile_origin(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("hostile-browser") / "project")
    for folder in ("docs", "docs_zh"):
        set_key(project / folder / "about.md", "title", "'" + HOSTILE_TITLE.replace("'", "''") + "'")
        set_key(project / folder / "about.md", "description", "'" + HOSTILE_DESCRIPTION.replace("'", "''") + "'")
    site_dir = project / "built"
    server = SiteServer(("127.0.0.1", 0), partial(SiteHandler, directory=str(site_dir)))
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    result = run_strict_build(project, site_dir, SITE_URL=f"{origin}/")
    assert result.returncode == 0, result.stderr
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield origin
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("path", ["/about/", "/zh/about/", "/faq/", "/zh/"])
def test_hostile_title_never_runs(browser, hostile_origin, path):
    context = browser.new_context(base_url=hostile_origin)
    watch_policy(context)
    dialogs = []
    try:
        tab = context.new_page()
        tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        visit(tab, path)
        tab.mouse.move(10, 10)
        tab.hover("body")
        tab.wait_for_timeout(300)
        assert not dialogs, f"{path}: the About page's title or description ran as script: {dialogs}"
        assert tab.evaluate("document.querySelectorAll('img[src=x]').length") == 0
    finally:
        context.close()
