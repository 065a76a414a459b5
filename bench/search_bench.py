"""Measure how often search puts the answering page first, in each edition (issues #18, #25).

Builds the site (or takes a built one with --site), serves it on 127.0.0.1, types
every query of bench/search_queries.yml into its edition's search box in headless
Chromium, as tests/browser/site_ui.py does, and maps each result URL to its
page's front-matter id (the <meta name="page-id"> of the built page). A query that
finds nothing and shows a "Did you mean" suggestion (assets/javascripts/did-you-mean.js)
is tapped through, as a reader would, and scored by the results of the suggestion;
one the script corrects itself ("Showing results for") is scored by the results shown:
a typo counts as found only that way. Prints, per edition: % of queries whose answer
is first, % within the first three, the queries with no results (none even through a
suggestion), those found through a suggestion, and the bytes of the edition's search
index.

    .venv/bin/python bench/search_bench.py [--site DIR] [--misses] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # tests/browser/conftest.py imports tests/conftest.py

from tests.browser.conftest import CHROMIUM_ARGS  # noqa: E402 (after the path is set)
from tests.browser.site_ui import correction, result_paths, search, suggestion, take_suggestion  # noqa: E402

# --- main -------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a site built for http://127.0.0.1:PORT/ (default: build one)")
    parser.add_argument("--port", type=int, default=0, help="port to serve on (with --site: the one it was built for)")
    parser.add_argument("--queries", type=Path, default=ROOT / "bench" / "search_queries.yml")
    parser.add_argument("--half", choices=HALVES, help="only this half of a split query set")
    parser.add_argument("--misses", action="store_true", help="list every query whose answer is not first")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    queries = [q for q in load_queries(args.queries) if args.half in (None, q.get("half"))]
    if args.misses and any(q.get("half") == "held-out" for q in queries):
        parser.error("--misses shows no held-out query: add --half tune")
    with tempfile.TemporaryDirectory() as tmp:
        server = ThreadingHTTPServer(("127.0.0.1", args.port), partial(QuietHandler, directory=str(args.site or tmp)))
        origin = f"http://127.0.0.1:{server.server_address[1]}"
        site = args.site or build(Path(tmp), f"{origin}/")
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            results = run_queries(site, origin, queries)
        finally:
            server.shutdown()
        report = summarise(site, results)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print_report(report, results, misses=args.misses)
    return 0


# --- helpers ----------------------------------------------------------------


def load_queries(path: Path) -> list[dict]:
    queries = yaml.safe_load(path.read_text(encoding="utf-8"))
    for query in queries:
        assert query["edition"] in EDITION_ROOTS, f"{path}: unknown edition in {query}"
        assert query.get("half", "tune") in HALVES, f"{path}: unknown half in {query}"
    return queries


def build(site_dir: Path, site_url: str) -> Path:
    """`mkdocs build --strict` of this project for the address it is served on."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    env.pop("EDIT_URL", None)
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, check=True,
    )
    return site_dir


def page_ids(site: Path) -> dict[str, str]:
    """URL path of every built page -> its front-matter id (its path if it has none)."""
    ids = {}
    for file in site.rglob("index.html"):
        relative = file.parent.relative_to(site).as_posix()
        path = "/" if relative == "." else f"/{relative}/"
        meta = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser").find("meta", attrs={"name": "page-id"})
        ids[path] = meta["content"] if meta else path
    return ids


def run_queries(site: Path, origin: str, queries: list[dict]) -> list[dict]:
    """Each query with the ids of its result pages, best first."""
    ids = page_ids(site)
    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(base_url=origin)
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(origin) else route.abort())
        for edition, home in EDITION_ROOTS.items():
            page = context.new_page()
            page.goto(home)
            for query in (q for q in queries if q["edition"] == edition):
                paths, suggested, corrected = search(page, query["query"]), None, False
                if not paths:
                    suggested = correction(page, query["query"])
                    if suggested:
                        paths, corrected = result_paths(page), True
                    else:
                        suggested = suggestion(page, query["query"])
                        paths = take_suggestion(page) if suggested else []
                items = shown_sections(page) if paths else []
                found = [ids.get(path, path) for path in paths]
                results.append({**query, "found": found, "sections": items, "suggested": suggested, "corrected": corrected})
            page.close()
        browser.close()
    return results


def shown_sections(page) -> list[list[str]]:
    """Per result item, best first: the heading ids of the sections it shows (not those folded under "more")."""
    return page.locator(".md-search-result__item").evaluate_all(
        """items => items.map(item => [...item.querySelectorAll(':scope > a.md-search-result__link')]
            .map(link => new URL(link.href).hash.slice(1)).filter(Boolean))"""
    )


def rank(result: dict) -> int | None:
    """1-based position of the first result item that answers, or None."""
    for position, (page_id, sections) in enumerate(zip(result["found"], result["sections"]), 1):
        if page_id == result["answer"] and result.get("section") in (None, *sections):
            return position
    return None


def summarise(site: Path, results: list[dict]) -> dict:
    report = {}
    for edition, home in EDITION_ROOTS.items():
        mine = [r for r in results if r["edition"] == edition]
        if not mine:
            continue
        first = sum(rank(r) == 1 for r in mine)
        top3 = sum((rank(r) or 99) <= 3 for r in mine)
        report[edition] = {
            "queries": len(mine),
            "first_pct": round(100 * first / len(mine), 1),
            "top3_pct": round(100 * top3 / len(mine), 1),
            "no_results": [r["query"] for r in mine if not r["found"]],
            "through_suggestion": {r["query"]: r["suggested"] for r in mine if r["suggested"] and not r["corrected"]},
            "corrected": {r["query"]: r["suggested"] for r in mine if r["corrected"]},
            "index_bytes": (site / home.strip("/") / "search" / "search_index.json").stat().st_size,
        }
    return report


def print_report(report: dict, results: list[dict], *, misses: bool) -> None:
    for edition, figures in report.items():
        print(
            f"{edition}: {figures['queries']} queries, first {figures['first_pct']}%, "
            f"top 3 {figures['top3_pct']}%, no results {len(figures['no_results'])}, "
            f"index {figures['index_bytes']} bytes"
        )
        for query in figures["no_results"]:
            print(f"    nothing for {query!r}")
        for query, suggested in figures["through_suggestion"].items():
            print(f"    nothing for {query!r} until its suggestion {suggested!r} was tapped (scored by that search)")
        for query, corrected in figures["corrected"].items():
            print(f"    nothing for {query!r}; results for {corrected!r} shown instead (scored by those)")
    if misses:
        print("\nAnswer not first:")
        for r in results:
            if rank(r) != 1:
                via = f" (after tapping {r['suggested']!r})" if r["suggested"] else ""
                wanted = r["answer"] + (f"#{r['section']}" if r.get("section") else "")
                got = [f"{page_id}#{','.join(sections[:2])}" for page_id, sections in zip(r["found"][:3], r["sections"][:3])]
                print(f"  {r['edition']} [{r['kind']}] {r['query']!r}{via}: wants {wanted} (rank {rank(r) or '-'}), got {got}")


class QuietHandler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # noqa: A002 (signature of the base class)
        pass


# --- data -------------------------------------------------------------------

EDITION_ROOTS = {"en": "/", "zh": "/zh/"}
HALVES = ("tune", "held-out")
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")

if __name__ == "__main__":
    sys.exit(main())
