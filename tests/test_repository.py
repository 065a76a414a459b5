"""The repository itself: no file keeps the markers of an unfinished merge."""

from __future__ import annotations

import re
import subprocess

from conftest import ROOT

MARKER = re.compile(r"^(?:<{7}|>{7}) |^={7}$", re.M)


def test_no_tracked_file_keeps_merge_conflict_markers():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    left = [name for name in tracked if (ROOT / name).suffix in {".md", ".py", ".yml", ".yaml", ".html", ".js", ".css", ".txt", ".in", ".sh"}
            and MARKER.search((ROOT / name).read_text(encoding="utf-8", errors="replace"))]
    assert not left, f"unfinished merges (<<<<<<< / ======= / >>>>>>>) in {left}"
