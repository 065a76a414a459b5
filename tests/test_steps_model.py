"""A guide's `steps` (hooks/content/model.py Step, content/rules.py): one message per problem, with file and line.

The checks are called on records read from text, as hooks/checks.py calls them: no build.
"""

from __future__ import annotations

from content.model import ACTORS
from content.pages import Edition, read_page
from content.rules import required_blocks, same_steps, step_pages

# --- tests ------------------------------------------------------------------


def test_each_wrong_value_of_a_step_is_one_message_at_its_line():
    record = _record(STEPS_WITH_MISTAKES)
    messages = [str(record.problem(where, text)) for where, text in record.problems]
    assert messages == [
        f"{LABEL}:{_line(STEPS_WITH_MISTAKES, 'who: boss')}: front matter: step 1: 'who' is 'boss', not one of: {', '.join(ACTORS)}",
        f"{LABEL}:{_line(STEPS_WITH_MISTAKES, 'next: but')}: front matter: step 2: 'next' is 'but', not one of: and, or",
        f"{LABEL}:{_line(STEPS_WITH_MISTAKES, '- who: you')}: front matter: step 3 has no 'page'",
    ], messages


def test_a_join_after_the_last_step_is_refused_where_it_is_written():
    text = GOOD.replace("    page: provision-5\n---", "    page: provision-5\n    next: or\n---")
    record = _record(text)
    assert not record.problems, record.problems
    messages = [str(problem) for problem in required_blocks(record, "en") if "last step" in problem.text]
    assert messages == [f"{LABEL}:{_line(text, 'next: or')}: front matter: step 2 is the last step but says next: 'or'; "
                        "'and' and 'or' join a step to the one after it, so remove it"], messages


def test_a_guide_without_steps_is_told_how_to_add_them():
    text = GOOD.split("steps:")[0] + "---" + GOOD.split("---", 2)[2]
    messages = [str(problem) for problem in required_blocks(_record(text), "en")]
    assert any("situation guide has no 'steps'" in message and "CONTRIBUTING.md, 'Writing steps'" in message for message in messages), messages


def test_a_step_must_link_a_provision_or_process_page():
    text = GOOD.replace("page: provision-5\n---", "page: guide-family\n---")
    records = {"audiences/x.md": _record(text), "family.md": _record("---\nid: guide-family\nkind: guide\n---\n", "family.md"),
               "p5.md": _record("---\nid: provision-5\nkind: provision\n---\n", "p5.md")}
    messages = [str(problem) for problem in step_pages(Edition("en", records), None)]
    assert messages == [f"{LABEL}:{_line(text, 'page: guide-family')}: front matter: step 2 names 'guide-family', a guide page; "
                        "a step links the provision or process page that explains it (known: provision-5)"], messages


def test_both_editions_have_the_same_steps():
    zh = _record(GOOD.replace("who: employer", "who: you").replace("Applies.", "申请。"), "audiences/x.md", "docs_zh/audiences/x.md")
    messages = [str(problem) for problem in same_steps(zh, _record(GOOD))]
    assert messages == [f"docs_zh/audiences/x.md:{_line(GOOD, 'who: employer')}: front matter: step 2 has who 'you' here but "
                        f"'employer' in {LABEL}:{_line(GOOD, 'who: employer')}; a step has the same who in both editions"], messages
    shorter = _record(GOOD.split("  - who: employer")[0] + "---\n\n# X { #guide }\n", "audiences/x.md", "docs_zh/audiences/x.md")
    assert [problem.text for problem in same_steps(shorter, _record(GOOD))] == [
        f"front matter: 1 steps here but 2 in {LABEL}:{_line(GOOD, 'steps:')}; a guide has the same steps in both editions"]


# --- helpers ----------------------------------------------------------------


def _record(text: str, uri: str = "audiences/x.md", label: str | None = None):
    return read_page(text.encode(), label or f"docs/{uri}", uri)


def _line(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.split("\n"), start=1) if needle in line)


# --- data -------------------------------------------------------------------

LABEL = "docs/audiences/x.md"
GOOD = """---
id: guide-x
kind: guide
audience: job-transfer
title: X
description: Y.
reviewed: 2026-12-01
steps:
  - who: you
    does: Checks.
    page: provision-5
  - who: employer
    does: Applies.
    page: provision-5
---

# X { #guide }
"""
STEPS_WITH_MISTAKES = GOOD.replace("  - who: you\n", "  - who: boss\n").replace(
    "    does: Applies.\n", "    does: Applies.\n    next: but\n").replace("---\n\n# X", "  - who: you\n    does: Waits.\n---\n\n# X")
