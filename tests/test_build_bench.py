"""bench/build_bench.py keeps working: its sample notice, copied from the real pages, passes the strict build.

Smoke tests, not timing tests: one sample notice (a few seconds), and the shape of
the JSON line the benchmark promises; then the instruction counts of --instructions
on the real pages (valgrind, about half a minute), and the configs --per-hook counts.
Timings are measured by running the benchmark by hand (README, "Performance").
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys

import pytest
import yaml

from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import yaml_load

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


def test_benchmark_counts_the_instructions_of_the_builds_with_and_without_our_hooks():
    if shutil.which("valgrind") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true and valgrind is missing: ./site.sh test installs it", pytrace=False)
        pytest.skip("valgrind is not installed (./site.sh test installs it when run as root)")
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "build_bench.py"), "--sizes", "1", "--instructions"],
        cwd=ROOT, env=mkdocs_env(), capture_output=True, text=True,
    )
    assert result.returncode == 0, f"the benchmark failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}"
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    counted = summary["instructions"]
    assert counted["hooks_off"] > 10**9, f"not a whole build: {counted}"
    assert counted["with_hooks"] > counted["hooks_off"], f"our hooks should add work of their own: {counted}"
    assert summary["hooks_overhead_instructions"] == round(counted["with_hooks"] / counted["hooks_off"], 3)
    assert "in instructions" in result.stdout, "the table should state the ratio in instructions"


def test_per_hook_configs_each_leave_out_one_of_our_hooks_and_keep_the_required_one(tmp_path):
    spec = importlib.util.spec_from_file_location("build_bench", ROOT / "bench" / "build_bench.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    project = bench.make_project(tmp_path / "project", 1)
    ours = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["hooks"]
    configs = bench.leave_out_each_hook(project)
    assert sorted(configs) == sorted(h.rsplit("/", 1)[-1] for h in ours if not h.endswith("/zh_overlay.py"))
    for left_out, config in configs.items():
        hooks = yaml.safe_load((project / config).read_text(encoding="utf-8"))["hooks"]
        assert [h for h in ours if h not in hooks] == [f"hooks/{left_out}"], f"{config} should lack {left_out} only"
