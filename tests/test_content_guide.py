"""CONTRIBUTING.md and CONTRIBUTING.zh.md, the staff guide in both languages, document the page model
and every message the build writes, in the same sections in the same order.

The model lives in hooks/content/model.py; a tag, kind, key or value added there, or a
message added to a check, without a line in both guides would leave staff guessing.
"""

from __future__ import annotations

import ast
import re

import pytest

from conftest import ROOT
from content.model import AUDIENCES, CHANGES, HIDE_VALUES, MODELS, Term, required_keys

GUIDES = {name: (ROOT / name).read_text(encoding="utf-8") for name in ("CONTRIBUTING.md", "CONTRIBUTING.zh.md")}
MESSAGES_SECTION = "build-messages-and-their-fixes"
# Where the build's messages are written.
MESSAGE_MODULES = ("hooks/checks.py", "hooks/content/pages.py", "hooks/content/model.py", "hooks/content/rules.py",
                   "hooks/content/safety.py", "hooks/content/published.py", "hooks/translations.py")


def sections(guide: str) -> list[tuple[str, int, str]]:
    """(id, level, heading) of each heading outside code blocks: the id GitHub gives the heading, or
    the explicit `<a id="…"></a>` on the line before it (the Chinese guide's, identical to the English)."""
    found, fence, previous = [], None, ""
    for line in guide.splitlines():
        opening = re.match(r"\s*(`{3,}|~{3,})", line)
        if opening:
            fence = None if fence and opening.group(1)[0] == fence[0] else (fence or opening.group(1))
        elif fence is None and (heading := re.match(r"(#{2,4}) (.+)", line)):
            anchor = re.fullmatch(r'<a id="([a-z0-9-]+)"></a>', previous.strip())
            slug = re.sub(r"[^\w\- ]", "", heading.group(2).lower()).replace(" ", "-")
            found.append((anchor.group(1) if anchor else slug, len(heading.group(1)), heading.group(2)))
        previous = line
    return found


def section_text(guide: str, section: str) -> str:
    """The text of one `##` section, from its heading to the next `##` heading or the end."""
    start = next(heading for anchor, level, heading in sections(guide) if anchor == section and level == 2)
    text = guide[guide.index(f"## {start}\n") :]
    end = text.find("\n## ", 10)
    return text if end < 0 else text[:end]


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


@pytest.mark.parametrize("guide", GUIDES)
@pytest.mark.parametrize("module", MESSAGE_MODULES)
def test_every_message_the_build_can_write_is_in_both_guides(module, guide):
    messages = section_text(GUIDES[guide], MESSAGES_SECTION)
    missing = [f"{module}:{line}: {text}" for line, text in message_templates(ROOT / module) if problem_words(text) not in messages]
    assert not missing, f"{guide} 'Build messages and their fixes' has no row for:\n" + "\n".join(missing)


def test_the_message_scan_finds_the_messages_it_is_meant_to_find():
    templates = [text for _, text in message_templates(ROOT / "hooks/content/rules.py")]
    assert "heading id '#…' is used twice (lines … and …); give each heading its own id" in templates
    assert problem_words("front matter: 'superseded_by' names unknown notice '…' (known: …)") == (
        "front matter: 'superseded_by' names unknown notice")


def test_both_guides_have_the_same_sections_in_the_same_order():
    english, chinese = ([(anchor, level) for anchor, level, _ in sections(guide)] for guide in GUIDES.values())
    assert english == chinese, (
        "CONTRIBUTING.md and CONTRIBUTING.zh.md differ in their sections (id, level), first at: "
        + str(next(((e, c) for e, c in zip(english, chinese) if e != c), (english[len(chinese):], chinese[len(english):])))
    )


def test_each_chinese_section_has_the_english_sections_explicit_id():
    english = {anchor for anchor, _, _ in sections(GUIDES["CONTRIBUTING.md"])}
    bare = [heading for anchor, _, heading in sections(GUIDES["CONTRIBUTING.zh.md"]) if anchor not in english]
    assert not bare, f"CONTRIBUTING.zh.md headings without an <a id> the English guide has: {bare}"


@pytest.mark.parametrize("guide", GUIDES)
def test_every_link_inside_a_guide_reaches_one_of_its_sections(guide):
    anchors = {anchor for anchor, _, _ in sections(GUIDES[guide])}
    broken = sorted(set(re.findall(r"\]\(#([^)]+)\)", GUIDES[guide])) - anchors)
    assert not broken, f"{guide} links to sections it does not have: {broken}"


@pytest.mark.parametrize("guide", GUIDES)
@pytest.mark.parametrize("tag", list(AUDIENCES))
def test_guide_lists_each_audience_tag_with_its_labels(tag, guide):
    row = next((line for line in GUIDES[guide].splitlines() if line.startswith(f"| `{tag}` |")), None)
    assert row is not None, f"{guide} has no table row for the applies_to tag {tag!r}"
    for label in AUDIENCES[tag].values():
        assert label in row, f"{guide}: the row for {tag!r} does not show the label {label!r}"


@pytest.mark.parametrize("guide", GUIDES)
@pytest.mark.parametrize("key", sorted({key for model in MODELS.values() for key in model.model_fields}))
def test_guide_explains_every_front_matter_key(key, guide):
    assert f"`{key}`" in GUIDES[guide], f"{guide} does not explain the front-matter key {key!r}"


@pytest.mark.parametrize("guide", GUIDES)
@pytest.mark.parametrize("kind", list(MODELS))
def test_guide_names_every_kind_and_the_keys_it_needs(kind, guide):
    assert f"`{kind}`" in GUIDES[guide], f"{guide} does not name the page kind {kind!r}"
    needs = [key for key in required_keys(kind) if key not in required_keys(None)]
    if needs:
        row = next((line for line in GUIDES[guide].splitlines() if line.startswith(f"| `{kind}` |")), "")
        missing = [key for key in needs if f"`{key}`" not in row]
        assert not missing, f"{guide}: the row for {kind!r} pages does not list {missing}"


@pytest.mark.parametrize("guide", GUIDES)
def test_guide_lists_every_kind_where_it_says_which_kinds_exist(guide):
    row = next(line for line in GUIDES[guide].splitlines() if line.startswith("| `kind` |"))
    assert all(f"`{kind}`" in row for kind in MODELS), f"{guide}'s `kind` row does not list every kind: {row}"


@pytest.mark.parametrize("guide", GUIDES)
def test_guide_names_every_allowed_value(guide):
    values = {**{value: "change" for value in CHANGES}, **{value: "hide" for value in HIDE_VALUES}}
    missing = sorted(f"{key}: {value}" for value, key in values.items() if f"`{value}`" not in GUIDES[guide])
    assert not missing, f"{guide} does not list the allowed values {missing}"


@pytest.mark.parametrize("guide", GUIDES)
def test_guide_names_every_glossary_term_key(guide):
    missing = [key for key in Term.model_fields if f"`{key}`" not in GUIDES[guide]]
    assert not missing, f"{guide} does not explain the glossary term keys {missing}"
