"""The UI words of our templates, hooks and scripts: one table per edition, from strings.yml (no events)."""

from __future__ import annotations

from pathlib import Path

import yaml

STRINGS: dict[str, dict[str, str]] = yaml.safe_load(Path(__file__).with_name("strings.yml").read_text(encoding="utf-8"))
