"""bench/build_bench.py keeps working: its sample notice, copied from the real pages, passes the strict build.

A smoke test, not a timing test: one sample notice (a few seconds), and the shape of
the JSON line the benchmark promises. Timings are measured by running the benchmark by hand (README, "Performance").
"""

from __future__ import annotations

import json
import subprocess
import sys

from mkdocs.utils.meta import get_data

from conftest import ROOT, mkdocs_env

PROMISED = ("seconds", "ms_per_page", "bytes_per_page", "largest_page_bytes", "peak_rss_mb", "search_index_bytes")


def test_benchmark_builds_a_sample_notice_and_reports_its_figures():
    pages = list((ROOT / "docs").rglob("*.md"))
    provisions = [p for p in pages if get_data(p.read_text(encoding="utf-8"))[1].get("kind") == "provision"]
    size = len(pages) + len(provisions)  # the real pages and one sample notice
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "build_bench.py"), "--sizes", str(size)],
        cwd=ROOT, env=mkdocs_env(), capture_output=True, text=True,
    )
    assert result.returncode == 0, f"the benchmark's strict build failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}"
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    figures = summary["sizes"][str(size)]
    assert all(figures.get(key, 0) > 0 for key in PROMISED), f"missing figures: {figures}"
    assert summary["hooks_overhead"] > 0
    assert figures["pages"] >= 2 * size, f"{figures['pages']} pages built for {size} per language"
    assert set(figures["search_index_files"]) == {"en", "zh"}, "each edition should have its own search index"

