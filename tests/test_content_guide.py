"""CONTRIBUTING.md, the content guide, documents the page model and every message the build writes.

The model lives in hooks/content/model.py; a tag, kind, key or value added there, or a
message added to a check, without a line in the guide would leave staff guessing.
"""

from __future__ import annotations

import ast
import re

import pytest

from conftest import ROOT
from content.model import AUDIENCES, CHANGES, HIDE_VALUES, MODELS, Term, required_keys

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
MESSAGES = GUIDE[GUIDE.index("## Build messages and their fixes") :]
MESSAGES = MESSAGES[: MESSAGES.index("\n## ", 10)]
# Where the build's messages are written.
MESSAGE_MODULES = ("hooks/checks.py", "hooks/content/pages.py", "hooks/content/model.py", "hooks/content/rules.py",
                   "hooks/content/safety.py", "hooks/content/published.py", "hooks/translations.py")


def message_templates(path) -> list[tuple[int, str]]:
    """Each message a module can write, its values as '…': the string literals in the house form
    ('problem; fix', or a value type's 'must be …' / 'not one of …'), docstrings aside."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {id(node.body[0].value) for node in ast.walk(tree)
               if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body and isinstance(node.body[0], ast.Expr)}
    skipped |= {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for part in node.values}
    found = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.JoinedStr):
            text = "".join(part.value if isinstance(part, ast.Constant) else "…" for part in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        else:
            continue
        if "; " in text or " must " in text or "not one of" in text:
            found.append((node.lineno, text))
    return found


def problem_words(template: str) -> str:
    """The longest fixed run of words in a message's problem part (before its '; fix')."""
    problem = template.split("; ")[0]
    return max((run.strip(" '\"{}()<>/:#.,") for run in re.split(r"…|\{[a-z_]*\}", problem)), key=len)


@pytest.mark.parametrize("module", MESSAGE_MODULES)
def test_every_message_the_build_can_write_is_in_the_guide(module):
    missing = [f"{module}:{line}: {text}" for line, text in message_templates(ROOT / module) if problem_words(text) not in MESSAGES]
    assert not missing, "CONTRIBUTING.md 'Build messages and their fixes' has no row for:\n" + "\n".join(missing)


def test_the_message_scan_finds_the_messages_it_is_meant_to_find():
    templates = [text for _, text in message_templates(ROOT / "hooks/content/rules.py")]
    assert "heading id '#…' is used twice (lines … and …); give each heading its own id" in templates
    assert problem_words("front matter: 'superseded_by' names unknown notice '…' (known: …)") == (
        "front matter: 'superseded_by' names unknown notice")


@pytest.mark.parametrize("tag", list(AUDIENCES))
def test_guide_lists_each_audience_tag_with_its_labels(tag):
    row = next((line for line in GUIDE.splitlines() if line.startswith(f"| `{tag}` |")), None)
    assert row is not None, f"CONTRIBUTING.md has no table row for the applies_to tag {tag!r}"
    for label in AUDIENCES[tag].values():
        assert label in row, f"CONTRIBUTING.md: the row for {tag!r} does not show the label {label!r}"


@pytest.mark.parametrize("key", sorted({key for model in MODELS.values() for key in model.model_fields}))
def test_guide_explains_every_front_matter_key(key):
    assert f"`{key}`" in GUIDE, f"CONTRIBUTING.md does not explain the front-matter key {key!r}"


@pytest.mark.parametrize("kind", list(MODELS))
def test_guide_names_every_kind_and_the_keys_it_needs(kind):
    assert f"`{kind}`" in GUIDE, f"CONTRIBUTING.md does not name the page kind {kind!r}"
    needs = [key for key in required_keys(kind) if key not in required_keys(None)]
    if needs:
        row = next((line for line in GUIDE.splitlines() if line.startswith(f"| `{kind}` |")), "")
        missing = [key for key in needs if f"`{key}`" not in row]
        assert not missing, f"CONTRIBUTING.md: the row for {kind!r} pages does not list {missing}"


def test_guide_lists_every_kind_where_it_says_which_kinds_exist():
    row = next(line for line in GUIDE.splitlines() if line.startswith("| `kind` |"))
    assert all(f"`{kind}`" in row for kind in MODELS), f"CONTRIBUTING.md's `kind` row does not list every kind: {row}"


def test_guide_names_every_allowed_value():
    values = {**{value: "change" for value in CHANGES}, **{value: "hide" for value in HIDE_VALUES}}
    missing = sorted(f"{key}: {value}" for value, key in values.items() if f"`{value}`" not in GUIDE)
    assert not missing, f"CONTRIBUTING.md does not list the allowed values {missing}"


def test_guide_names_every_glossary_term_key():
    missing = [key for key in Term.model_fields if f"`{key}`" not in GUIDE]
    assert not missing, f"CONTRIBUTING.md does not explain the glossary term keys {missing}"
