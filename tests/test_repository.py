"""The repository itself: no file keeps the markers of an unfinished merge, and mkdocs.yml names each key once."""

from __future__ import annotations

import re
import subprocess

import yaml

from conftest import ROOT

MARKER = re.compile(r"^(?:<{7}|>{7}) |^={7}$", re.M)


def test_no_tracked_file_keeps_merge_conflict_markers():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    left = [name for name in tracked if (ROOT / name).suffix in {".md", ".py", ".yml", ".yaml", ".html", ".js", ".css", ".txt", ".in", ".sh"}
            and MARKER.search((ROOT / name).read_text(encoding="utf-8", errors="replace"))]
    assert not left, f"unfinished merges (<<<<<<< / ======= / >>>>>>>) in {left}"


def test_mkdocs_yml_names_no_key_twice():
    """YAML keeps the last of two equal keys silently: a second `extra:` block dropped the first's settings."""
    repeated = []

    def walk(node, path):
        if isinstance(node, yaml.MappingNode):
            seen = set()
            for key, value in node.value:
                if key.value in seen:
                    repeated.append(f"{'.'.join(path + [key.value])} (line {key.start_mark.line + 1})")
                seen.add(key.value)
                walk(value, path + [str(key.value)])
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item, path)

    walk(yaml.compose((ROOT / "mkdocs.yml").read_text(encoding="utf-8")), [])
    assert not repeated, f"mkdocs.yml names these keys twice, and only the last counts: {repeated}"
