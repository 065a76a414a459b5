"""Lighthouse scores (mobile) for six pages of the real site: home, a provision page and the
port-visa page, in both editions.

    /tmp/venv/bin/python bench/lighthouse.py            # or .venv/bin/python
    /tmp/venv/bin/python bench/lighthouse.py --runs 3   # median of three runs per page

What it does, in order:
1. installs the pinned Lighthouse from npm into bench/.lighthouse/ (gitignored, once);
2. builds the real site strictly into a temporary folder, with SITE_URL set to the
   address it serves from, so canonical, hreflang and og:url are the real thing;
3. serves it on 127.0.0.1 with gzip, as any static host does (Python's own
   http.server does not compress, which no real host does either);
4. runs Lighthouse with Chromium (CHROME_PATH, default /usr/bin/chromium), mobile
   form factor and Lighthouse's default simulated slow-4G throttling;
5. prints one table of the four category scores and Total Blocking Time (medians), the
   failing audits of any page below 100, and writes the JSON reports to
   test-artifacts/lighthouse/.

Node is needed here only; the project's test command never runs this.
Performance scores drop when the machine is busy: run it on a quiet machine and
report the load average it prints.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "bench" / ".lighthouse"
REPORTS = ROOT / "test-artifacts" / "lighthouse"
LIGHTHOUSE_VERSION = "12.8.2"  # 13.x needs Node 22; Debian 12 ships Node 20
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)


def main() -> int:
    args = _parse_args()
    lighthouse = _install_lighthouse()
    port = args.port or _free_port()
    with tempfile.TemporaryDirectory(prefix="lighthouse-site-") as tmp:
        base = f"http://127.0.0.1:{port}/"
        site = Path(tmp) / "site"
        _build(site, base)
        pages = args.pages or _default_pages(site)
        server = _serve(site, port)
        try:
            print(f"load average before: {_load()}", file=sys.stderr)
            results = {page: _audit(lighthouse, base + page, args.runs) for page in pages}
            print(f"load average after: {_load()}", file=sys.stderr)
        finally:
            server.shutdown()
    _print_table(results)
    return 0 if all(min(r["scores"].values()) >= 95 for r in results.values()) else 1


# --- helpers ----------------------------------------------------------------


def _parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median score is kept")
    parser.add_argument("pages", nargs="*", help="site-relative paths (default: the six pages)")
    return parser.parse_args()


def _install_lighthouse() -> Path:
    binary = TOOLS / "node_modules" / ".bin" / "lighthouse"
    installed = TOOLS / "node_modules" / "lighthouse" / "package.json"
    if installed.is_file() and json.loads(installed.read_text())["version"] == LIGHTHOUSE_VERSION:
        return binary
    TOOLS.mkdir(parents=True, exist_ok=True)
    print(f"installing lighthouse@{LIGHTHOUSE_VERSION} into {TOOLS.relative_to(ROOT)}/", file=sys.stderr)
    subprocess.run(
        ["npm", "install", "--prefix", str(TOOLS), "--no-save", "--no-audit", "--no-fund",
         f"lighthouse@{LIGHTHOUSE_VERSION}"],
        check=True,
    )
    return binary


def _build(site: Path, base: str) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=base)
    # --strict without -q: -q would hide the warnings strict mode counts.
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    if result.returncode != 0:
        sys.exit(f"strict build failed:\n{result.stderr}")


def _default_pages(site: Path) -> list[str]:
    """Home, the first provision page and the port-visa page, English then Chinese."""
    # notices/<notice>/<provision>/index.html (the old provisions/ addresses are redirect pages)
    provisions = sorted(p.parent.relative_to(site).as_posix() for p in (site / "notices").glob("*/*/index.html"))
    port_visa = sorted(
        p.parent.relative_to(site).as_posix()
        for p in site.rglob("index.html")
        if "port-visa" in p.parent.name and "zh" not in p.relative_to(site).parts[:1]
    )
    english = [""] + [f"{p}/" for p in (provisions[:1] + port_visa[:1])]
    return english + [f"zh/{p}" for p in english]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve(site: Path, port: int) -> ThreadingHTTPServer:
    handler = partial(_GzipHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class _GzipHandler(SimpleHTTPRequestHandler):
    """Static files with gzip for text types, like nginx's gzip or any static host."""

    COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")

    def send_head(self):  # SimpleHTTPRequestHandler's hook: headers sent, body file returned
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and path.suffix in self.COMPRESSIBLE):
            return super().send_head()  # directory redirects, 404s, images
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args) -> None:
        pass


def _audit(lighthouse: Path, url: str, runs: int) -> dict:
    reports = []
    for run in range(runs):
        REPORTS.mkdir(parents=True, exist_ok=True)
        out = REPORTS / (_slug(url) + f"-{run + 1}.json")
        env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
        subprocess.run(
            [str(lighthouse), url, "--quiet", "--output=json", f"--output-path={out}",
             "--form-factor=mobile", f"--only-categories={','.join(CATEGORIES)}",
             f"--chrome-flags={CHROME_FLAGS}"],
            check=True, env=env,
        )
        reports.append(json.loads(out.read_text(encoding="utf-8")))
    scores = {
        c: round(statistics.median(r["categories"][c]["score"] * 100 for r in reports)) for c in CATEGORIES
    }
    # Total Blocking Time, the main thread's long tasks: what an extra script costs first.
    tbt = statistics.median(r["audits"]["total-blocking-time"]["numericValue"] for r in reports)
    return {"scores": scores, "tbt_ms": round(tbt), "failing": _failing_audits(reports[-1])}


def _failing_audits(report: dict) -> list[str]:
    failing = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                failing.append(f"{category}: {ref['id']} ({audit['score']:.2f}) {audit.get('displayValue', '')}".rstrip())
    return failing


def _print_table(results: dict) -> None:
    width = max(len(p or "/") for p in results) + 2
    print(f"{'page':<{width}}" + "".join(f"{c:>16}" for c in CATEGORIES) + f"{'TBT ms':>10}")
    for page, result in results.items():
        scores = "".join(f"{result['scores'][c]:>16}" for c in CATEGORIES)
        print(f"{page or '/':<{width}}{scores}{result['tbt_ms']:>10}")
    for page, result in results.items():
        if result["failing"]:
            print(f"\n{page or '/'}:")
            for line in result["failing"]:
                print(f"  {line}")


def _slug(url: str) -> str:
    path = url.split("://", 1)[1].split("/", 1)[1].strip("/")
    return path.replace("/", "_") or "home"


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


if __name__ == "__main__":
    sys.exit(main())
