"""Every built page carries its Content Security Policy (hooks/csp.py, issue #28).

Read with html5lib, the parsing algorithm browsers use, independently of the hook's own
scanner: the policy is the first thing after the charset, and its script hashes are exactly
those of the inline scripts a browser would run. tests/browser/ shows a browser obeying it.
"""

from __future__ import annotations

import base64
import hashlib

import pytest
from bs4 import BeautifulSoup

import csp

# --- helpers ----------------------------------------------------------------


def html_files(site) -> list:
    return sorted(site.root.rglob("*.html"))


def parsed(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html5lib")


def directives(policy: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def policy_of(soup: BeautifulSoup) -> str:
    metas = soup.find_all("meta", attrs={"http-equiv": lambda value: value and value.lower() == "content-security-policy"})
    assert len(metas) == 1, f"{len(metas)} policies"
    return metas[0]["content"]


def running_scripts(soup: BeautifulSoup) -> set[str]:
    """sha256 sources of the inline scripts a browser runs (no src, a JavaScript type or none)."""
    found = set()
    for script in soup.find_all("script"):
        kind = (script.get("type") or "").strip().lower()
        if script.get("src") is None and kind in ("", "text/javascript", "module"):
            digest = hashlib.sha256(script.string.encode("utf-8") if script.string else b"").digest()
            found.add("'sha256-" + base64.b64encode(digest).decode() + "'")
    return found


# --- tests ------------------------------------------------------------------


def test_every_html_file_has_one_policy_right_after_its_charset(built_site):
    wrong = []
    for path in html_files(built_site):
        head = parsed(path).head
        first = [tag for tag in head.find_all(True, recursive=False)][:2]
        if not (first[0].get("charset") and first[1].get("http-equiv", "").lower() == "content-security-policy"):
            wrong.append(str(path.relative_to(built_site.root)))
    assert not wrong, f"pages whose policy is missing or comes after something it should govern: {wrong}"


def test_404_and_redirect_pages_of_both_editions_have_the_policy(built_site):
    pages = [built_site.root / "404.html", built_site.root / "zh" / "404.html"]
    pages += built_site.redirects("en")[:1] + built_site.redirects("zh")[:1]
    assert len(pages) == 4, "the site has no redirect page to check"
    for path in pages:
        assert directives(policy_of(parsed(path)))["object-src"] == ["'none'"], path


def test_script_hashes_are_exactly_the_pages_inline_scripts(built_site):
    wrong = {}
    for path in html_files(built_site):
        soup = parsed(path)
        allowed = {source for source in directives(policy_of(soup))["script-src"] if source.startswith("'sha256-")}
        if allowed != running_scripts(soup):
            wrong[str(path.relative_to(built_site.root))] = sorted(allowed ^ running_scripts(soup))
    assert not wrong, f"pages whose policy would refuse their own scripts or allow others (difference): {wrong}"


def test_policy_allows_nothing_from_elsewhere_and_no_unsafe_script(built_site):
    policy = directives(policy_of(parsed(built_site.root / "index.html")))
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"]
    assert policy["worker-src"] == ["'self'"] and policy["manifest-src"] == ["'self'"]
    every_source = [source for sources in policy.values() for source in sources]
    assert not [source for source in every_source if "unsafe" in source], f"an unsafe source: {policy}"
    assert not [source for source in every_source if "//" in source or source in ("*", "http:", "https:")], (
        f"a source on another host: {policy}"
    )


def test_main_pages_have_at_most_a_few_hashes(built_site):
    """Material's inline scripts and ours (overrides/main.html): a new one is a decision, not an accident."""
    counts = {}
    for edition in ("en", "zh"):
        for path in built_site.pages(edition):
            script_src = directives(policy_of(parsed(path)))["script-src"]
            counts[str(path.relative_to(built_site.root))] = sum(source.startswith("'sha256-") for source in script_src)
    # One fewer since #30: a single palette (a mapping in mkdocs.yml) has no palette script.
    assert set(counts.values()) <= {2, 3}, f"hashes per page: {counts}"


@pytest.mark.parametrize("line_break", ["\r\n", "\r"])
def test_hash_reads_line_breaks_as_the_browser_does(line_break):
    assert csp.sha256_source(f"a(){line_break}b()") == csp.sha256_source("a()\nb()")


def test_json_data_blocks_need_no_hash():
    page = '<head><script id="__config" type="application/json">{"a": 1}</script><script>run()</script></head>'
    assert csp.inline_hashes(page)["script"] == [csp.sha256_source("run()")]


def test_policy_goes_right_after_the_charset_and_replaces_an_older_one():
    page = '<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="old"><title>x</title>'
    assert csp.with_meta(page, "<new>") == '<html><head><meta charset="utf-8"><new><title>x</title>'


def test_header_for_hosts_allows_every_pages_scripts_and_no_framing(built_site):
    from tools.csp_header import header

    line = header(built_site.root)
    assert line.startswith("Content-Security-Policy: ")
    policy = directives(line.removeprefix("Content-Security-Policy: "))
    assert policy["frame-ancestors"] == ["'none'"]
    for path in html_files(built_site):
        assert running_scripts(parsed(path)) <= set(policy["script-src"]), f"the header would refuse scripts of {path}"
