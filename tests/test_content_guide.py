"""CONTRIBUTING.md, the content guide, documents the schema the build enforces.

The schema lives in hooks/content/schema.py; a tag, kind, key or value added
there without a line in the guide would leave staff guessing.
"""

from __future__ import annotations

import pytest

from conftest import ROOT
from content.schema import (
    AUDIENCES,
    CHANGES,
    COMMON_KEYS,
    HIDE_VALUES,
    KIND_KEYS,
    OPTIONAL_KEYS,
    TERM_KEYS,
    TERM_OPTIONAL_KEYS,
)

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("tag", list(AUDIENCES))
def test_guide_lists_each_audience_tag_with_its_labels(tag):
    row = next((line for line in GUIDE.splitlines() if line.startswith(f"| `{tag}` |")), None)
    assert row is not None, f"CONTRIBUTING.md has no table row for the applies_to tag {tag!r}"
    for label in AUDIENCES[tag].values():
        assert label in row, f"CONTRIBUTING.md: the row for {tag!r} does not show the label {label!r}"


def test_guide_names_every_front_matter_key():
    keys = {*COMMON_KEYS, *OPTIONAL_KEYS, *(key for keys in KIND_KEYS.values() for key in keys)}
    missing = sorted(key for key in keys if f"`{key}`" not in GUIDE)
    assert not missing, f"CONTRIBUTING.md does not explain the front-matter keys {missing}"


def test_guide_names_every_kind_and_the_keys_it_needs():
    for kind, keys in KIND_KEYS.items():
        assert f"`{kind}`" in GUIDE, f"CONTRIBUTING.md does not name the page kind {kind!r}"
        if keys:
            row = next((line for line in GUIDE.splitlines() if line.startswith(f"| `{kind}` |")), "")
            missing = [key for key in keys if f"`{key}`" not in row]
            assert not missing, f"CONTRIBUTING.md: the row for {kind!r} pages does not list {missing}"


def test_guide_names_every_allowed_value():
    values = {**{value: "change" for value in CHANGES}, **{value: "hide" for value in HIDE_VALUES}}
    missing = sorted(f"{key}: {value}" for value, key in values.items() if f"`{value}`" not in GUIDE)
    assert not missing, f"CONTRIBUTING.md does not list the allowed values {missing}"


def test_guide_names_every_glossary_term_key():
    missing = [key for key in (*TERM_KEYS, *TERM_OPTIONAL_KEYS) if f"`{key}`" not in GUIDE]
    assert not missing, f"CONTRIBUTING.md does not explain the glossary term keys {missing}"
