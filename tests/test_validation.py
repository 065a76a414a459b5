"""Content validation: each kind of staff mistake fails the strict build with one clear line.

Each mistake is made in a temporary copy of the project, which is built with
`mkdocs build --strict`; the tests check what staff would see: a non-zero exit status,
no traceback, and a WARNING line that starts with the file they must edit
(docs/... or docs_zh/...) and its line where one is known, then says what is
wrong. hooks/checks.py makes these lines; MkDocs' own link and anchor
checks are relabelled by it.

The mistakes marked `@mistake` each touch a page no other one touches, so one copy holds
them all and is built once (a strict build of both editions is most of this file's time);
each test still checks its own line. Mistakes that would meet on one page (the glossary's
names, the notice's status) or that count every problem have a copy of their own.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from conftest import mkdocs_env, run_strict_build
from content.model import AUDIENCES
from project_copy import append_line, copy_project, line_number, pages_of_kind, replace_once, set_key

Expected = tuple[str, tuple[str, ...]]  # where the line starts ('docs/x.md:12'), and words it says


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


def build(project: Path) -> subprocess.CompletedProcess:
    return run_strict_build(project, project.parent / "site")


def problems(result: subprocess.CompletedProcess) -> list[str]:
    """The WARNING lines of a build, without MkDocs' 'WARNING -  ' prefix."""
    return [line.split("-  ", 1)[1] for line in result.stderr.splitlines() if line.startswith("WARNING")]


def reported(result: subprocess.CompletedProcess, where: str, *words: str) -> str:
    """Assert the build failed cleanly and a problem line starts '<where>: ' and says `words`."""
    assert result.returncode != 0, f"the strict build passed; readers would see the mistake:\n{result.stderr}"
    assert "Traceback" not in result.stderr, f"staff got a traceback instead of a message:\n{result.stderr}"
    matching = [line for line in problems(result) if line.startswith(f"{where}: ") and all(word in line for word in words)]
    assert matching, f"no problem line starting {where!r} and saying {words}; got:\n" + "\n".join(problems(result))
    return matching[0]


def _only_line(result: subprocess.CompletedProcess, where: str, *words: str) -> str:
    """`reported`, and no second line on that file says the same."""
    line = reported(result, where, *words)
    file = where.rsplit(":", 1)[0]
    same = [entry for entry in problems(result) if entry.startswith(f"{file}:") and all(word in entry for word in words)]
    assert len(same) == 1, f"the problem is reported {len(same)} times on {file}:\n" + "\n".join(same)
    return line


# --- one copy with every independent mistake, built once ----------------------

MISTAKES: dict[str, Callable[[Path], list[Expected]]] = {}


def mistake(make: Callable[[Path], list[Expected]]) -> Callable[[Path], list[Expected]]:
    """Register a mistake for the shared copy: it changes the copy and returns the lines staff must see."""
    MISTAKES[make.__name__] = make
    return make


@dataclass
class Mistakes:
    result: subprocess.CompletedProcess
    expected: dict[str, list[Expected]]

    def reported(self, name: str, *, only: bool = False) -> None:
        for where, words in self.expected[name]:
            (_only_line if only else reported)(self.result, where, *words)


@pytest.fixture(scope="module")
def mistakes(tmp_path_factory) -> Mistakes:
    project = copy_project(tmp_path_factory.mktemp("mistakes") / "project")
    expected = {name: make(project) for name, make in MISTAKES.items()}
    return Mistakes(build(project), expected)


def provision(project: Path, index: int) -> str:
    """The index-th provision page; each mistake below uses its own, in its own edition."""
    return pages_of_kind(project, "provision")[index]


# --- links and anchors (MkDocs' checks, naming the real file) ----------------


@mistake
def broken_link(project: Path) -> list[Expected]:
    page = provision(project, 0)
    line = append_line(project / "docs_zh" / page, "另见[旧页面](no-such-page.md)。")
    return [(f"docs_zh/{page}:{line}", ("'no-such-page.md'", "not found"))]


def test_broken_link_names_the_chinese_file_and_line(mistakes):
    mistakes.reported("broken_link")


@mistake
def broken_anchor(project: Path) -> list[Expected]:
    page = pages_of_kind(project, "guide")[0]
    line = append_line(project / "docs" / page, "See [the list](#no-such-heading).")
    return [(f"docs/{page}:{line}", ("'#no-such-heading'", "no such anchor"))]


def test_broken_anchor_names_the_english_file_and_line(mistakes):
    mistakes.reported("broken_anchor")


# --- both editions ------------------------------------------------------------


@mistake
def missing_translation(project: Path) -> list[Expected]:
    page = pages_of_kind(project, "faq")[0]
    (project / "docs_zh" / page).unlink()
    return [(f"docs/{page}", ("no Chinese translation", f"docs_zh/{page}"))]


def test_missing_translation_names_the_english_page_and_the_file_to_create(mistakes):
    mistakes.reported("missing_translation")


@mistake
def orphan_translation(project: Path) -> list[Expected]:
    (project / "docs_zh" / "extra-page.md").write_text("---\nid: extra-page\n---\n\n# 多余的页面\n", encoding="utf-8")
    return [("docs_zh/extra-page.md", ("no English page docs/extra-page.md",))]


def test_orphan_translation_names_the_missing_english_page(mistakes):
    mistakes.reported("orphan_translation")


@mistake
def heading_ids_differ(project: Path) -> list[Expected]:
    page = provision(project, 5)
    chinese = project / "docs_zh" / page
    replace_once(chinese, "{ #official-text }", "{ #guanfang-yuanwen }")
    line = line_number(chinese, "{ #guanfang-yuanwen }")
    return [
        (f"docs_zh/{page}", ("heading id '#official-text'", f"docs/{page}:", "missing here")),
        (f"docs_zh/{page}:{line}", ("heading id '#guanfang-yuanwen' is not in", f"docs/{page}")),
    ]


def test_heading_ids_that_differ_between_editions_are_reported_on_the_chinese_file(mistakes):
    mistakes.reported("heading_ids_differ")


@mistake
def no_translation_record(project: Path) -> list[Expected]:
    page = provision(project, 6)
    chinese = project / "docs_zh" / page
    text = chinese.read_text(encoding="utf-8")
    chinese.write_text("".join(line for line in text.splitlines(keepends=True) if not line.startswith("translated_from:")), encoding="utf-8")
    return [(f"docs_zh/{page}", ("'translated_from' is missing", f"./site.sh translations mark docs_zh/{page}"))]


def test_chinese_page_without_translation_record_names_the_command_that_adds_it(mistakes):
    mistakes.reported("no_translation_record")


# --- reading the file ---------------------------------------------------------


@mistake
def malformed_front_matter(project: Path) -> list[Expected]:
    page = pages_of_kind(project, "index")[0]
    line = set_key(project / "docs" / page, "title", "Apostille: no more legalisation")
    return [(f"docs/{page}:{line}", ("front matter is not valid YAML",))]


def test_malformed_front_matter_is_a_problem_not_a_page_without_metadata(mistakes):
    mistakes.reported("malformed_front_matter")


@mistake
def not_utf8(project: Path) -> list[Expected]:
    page = provision(project, 1)
    chinese = project / "docs_zh" / page
    line = append_line(chinese, "Café")
    chinese.write_bytes(chinese.read_bytes().replace("Café".encode("utf-8"), "Café".encode("latin-1")))
    return [(f"docs_zh/{page}:{line}", ("not UTF-8", "save the file as UTF-8"))]


def test_file_that_is_not_utf8_is_reported_without_a_traceback(mistakes):
    mistakes.reported("not_utf8")
    assert "UnicodeDecodeError" not in mistakes.result.stderr, mistakes.result.stderr


@mistake
def empty_file(project: Path) -> list[Expected]:
    page = pages_of_kind(project, "about")[0]
    (project / "docs" / page).write_text("", encoding="utf-8")
    return [(f"docs/{page}", ("empty file",))]


def test_empty_file_is_reported(mistakes):
    mistakes.reported("empty_file")


# --- front matter values --------------------------------------------------------


@mistake
def search_of_the_wrong_type(project: Path) -> list[Expected]:
    page = pages_of_kind(project, "faq")[0]
    faq = project / "docs" / page
    if "\nsearch:" in faq.read_text(encoding="utf-8"):
        line = set_key(faq, "search", "5")  # the page already sets search (a boost): give it the wrong type
    else:
        replace_once(faq, "\nreviewed:", "\nsearch: 5\nreviewed:")
        line = line_number(faq, "search: 5")
    return [(f"docs/{page}:{line}", ("'search' may only hold 'exclude: true' or 'boost: <number>', got 5",))]


def test_value_of_the_wrong_type_is_reported_without_a_traceback(mistakes):
    """Material's search plugin would crash on `search: 5`; staff get the schema's words instead."""
    mistakes.reported("search_of_the_wrong_type")


@mistake
def unknown_related_id(project: Path) -> list[Expected]:
    page = provision(project, 4)
    line = set_key(project / "docs" / page, "related", "[provision-99]")
    return [(f"docs/{page}:{line}", ("'related' names unknown id 'provision-99'", "(known: provision-"))]


def test_unknown_related_id_names_the_value_and_the_known_ids(mistakes):
    mistakes.reported("unknown_related_id")


@mistake
def unknown_tag(project: Path) -> list[Expected]:
    page = provision(project, 2)
    line = set_key(project / "docs_zh" / page, "applies_to", "[category-c]")
    return [(f"docs_zh/{page}:{line}", ("'applies_to' has unknown tag 'category-c'", f"(allowed: {', '.join(AUDIENCES)})"))]


def test_unknown_tag_names_the_value_and_the_allowed_tags(mistakes):
    mistakes.reported("unknown_tag")


def _front_matter_value(path: Path, key: str) -> str:
    return next(line.split(":", 1)[1].strip() for line in path.read_text(encoding="utf-8").splitlines() if line.startswith(f"{key}:"))


@mistake
def duplicate_id(project: Path) -> list[Expected]:
    first, second = provision(project, 0), provision(project, 1)
    first_id = _front_matter_value(project / "docs" / first, "id")
    line = set_key(project / "docs" / second, "id", first_id)
    return [(f"docs/{second}:{line}", (f"id '{first_id}' is already used by docs/{first}",))]


def test_duplicate_id_names_both_pages(mistakes):
    mistakes.reported("duplicate_id")


@mistake
def glossary_term_defined_twice(project: Path) -> list[Expected]:
    page, glossary, text, first, second = _first_two_glossary_terms(project)
    term = text[first:second]
    term_id = term.split("\n", 1)[0].split(":", 1)[1].strip()
    glossary.write_text(text[:second] + term + text[second:], encoding="utf-8")
    first_line = text[:first].count("\n") + 1
    repeated_line = text[:second].count("\n") + 1
    return [(f"docs/{page}:{repeated_line}", (f"glossary term '{term_id}' is defined twice", f"docs/{page}:{first_line}"))]


def test_glossary_term_defined_twice_names_both_places(mistakes):
    mistakes.reported("glossary_term_defined_twice")


def test_glossary_name_under_two_terms_names_both_terms(project):
    page, glossary, text, first, second = _first_two_glossary_terms(project)
    first_id = text[first:].split("\n", 1)[0].split(":", 1)[1].strip()
    second_id = text[second:].split("\n", 1)[0].split(":", 1)[1].strip()
    first_name = text[first:second].split("\n    en:", 1)[1].split("\n", 1)[0].strip()
    second_en = text.index("\n    en:", second)
    glossary.write_text(
        text[:second_en] + f"\n    en: {first_name}" + text[text.index("\n", second_en + 1):], encoding="utf-8"
    )
    second_line = text[:second].count("\n") + 1
    reported(
        build(project),
        f"docs/{page}:{second_line}",
        f"glossary name '{first_name}' belongs to both '{first_id}' and '{second_id}'",
    )


def _first_two_glossary_terms(project: Path) -> tuple[str, Path, str, int, int]:
    """The English glossary page, its text, and where its first and second terms start."""
    page = pages_of_kind(project, "glossary")[0]
    glossary = project / "docs" / page
    text = glossary.read_text(encoding="utf-8")
    first = text.index("\n  - id:") + 1
    second = text.index("\n  - id:", first) + 1
    return page, glossary, text, first, second


@mistake
def no_reindeer_view(project: Path) -> list[Expected]:
    page = provision(project, 0)  # its id and number stay: duplicate_id and number_used_twice copy them
    english = project / "docs" / page
    replace_once(english, "{ #reindeer-view }", "{ #our-view }")
    replace_once(english, 'class="reindeer-view"', 'class="view"')
    return [
        (f"docs/{page}", ("provision page has no Reindeer View heading",)),
        (f"docs/{page}", ("provision page has no Reindeer View block",)),
    ]


def test_provision_without_reindeer_view_is_reported(mistakes):
    mistakes.reported("no_reindeer_view")


# --- notices -----------------------------------------------------------------


def known_notices(project: Path) -> str:
    """The notices of the content, as the message lists them: every notice page's id (its folder), sorted."""
    return ", ".join(sorted(page.split("/")[1] for page in pages_of_kind(project, "notice")))


@mistake
def unknown_notice(project: Path) -> list[Expected]:
    page = provision(project, 3)
    known = known_notices(project)
    line = set_key(project / "docs" / page, "notice", "no-such-notice")
    return [(f"docs/{page}:{line}", ("'notice' names unknown notice 'no-such-notice'", f"(known: {known})"))]


def test_provision_naming_an_unknown_notice_names_the_value_and_the_known_notices(mistakes):
    mistakes.reported("unknown_notice", only=True)


@mistake
def number_used_twice(project: Path) -> list[Expected]:
    first, second = provision(project, 0), provision(project, 2)
    number = _front_matter_value(project / "docs" / first, "number")
    line = set_key(project / "docs" / second, "number", number)
    return [(f"docs/{second}:{line}", (f"number {number} is already used", f"by docs/{first}"))]


def test_number_used_twice_in_one_notice_names_both_pages(mistakes):
    mistakes.reported("number_used_twice", only=True)


@mistake
def superseded_without_successor(project: Path) -> list[Expected]:
    page = pages_of_kind(project, "notice")[0]
    line = set_key(project / "docs" / page, "status", "superseded")
    return [(f"docs/{page}:{line}", ("a superseded notice needs 'superseded_by:",))]


def test_superseded_notice_without_superseded_by_names_the_key_to_add(mistakes):
    mistakes.reported("superseded_without_successor", only=True)


def test_superseded_by_naming_no_notice_names_the_value_and_the_known_notices(project):
    page = pages_of_kind(project, "notice")[0]
    set_key(project / "docs" / page, "status", "superseded\nsuperseded_by: no-such-notice")
    line = line_number(project / "docs" / page, "superseded_by:")
    _only_line(build(project), f"docs/{page}:{line}", "'superseded_by' names unknown notice 'no-such-notice'", f"(known: {known_notices(project)})")


def test_closing_line_counts_the_problems_of_both_editions(project):
    english, chinese = pages_of_kind(project, "provision")[:2]
    set_key(project / "docs" / english, "applies_to", "[category-c]")
    set_key(project / "docs_zh" / chinese, "applies_to", "[category-d]")
    set_key(project / "docs_zh" / chinese, "number", "zero")
    result = build(project)
    assert len(problems(result)) == 3, "\n".join(problems(result))
    last = result.stdout.strip().splitlines()[-1]  # MkDocs prints its closing line on stdout
    assert last == "Aborted with 3 problems in the two editions together, each on a WARNING line above.", last


# --- nothing half-built ---------------------------------------------------------


def test_failed_build_leaves_the_published_site_untouched(project, tmp_path):
    """`./site.sh build` swaps in a new site/ only when the strict build passed."""
    _prepared_virtualenv(project)
    published = project / "site" / "index.html"
    published.parent.mkdir()
    published.write_text("<p>yesterday's site</p>", encoding="utf-8")
    page = pages_of_kind(project, "provision")[0]
    append_line(project / "docs" / page, "See [nowhere](no-such-page.md).")
    scratch = tmp_path / "tmp"
    scratch.mkdir()

    result = subprocess.run(
        ["bash", "site.sh", "build"], cwd=project, env={**mkdocs_env(SITE_URL="https://guide.example.org/"), "TMPDIR": str(scratch)}, capture_output=True, text=True
    )

    assert result.returncode != 0, f"the publishing build passed with a broken link:\n{result.stderr}"
    assert "site/ left unchanged" in result.stderr, result.stderr
    assert [p.name for p in (project / "site").iterdir()] == ["index.html"], "the failed build wrote into site/"
    assert published.read_text(encoding="utf-8") == "<p>yesterday's site</p>", "the failed build replaced site/"
    leftovers = list(scratch.glob("site-build.*"))  # site.sh's build folder (jieba also caches here)
    assert not leftovers, f"a half-built site was left behind: {leftovers}"


def _prepared_virtualenv(project: Path) -> None:
    """site.sh's .venv, pointing at the interpreter running the tests (nothing installed)."""
    bin_dir = project / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    python_bin = Path(sys.executable)
    (bin_dir / "python").symlink_to(python_bin)
    (bin_dir / "mkdocs").symlink_to(python_bin.parent / "mkdocs")
    stamp = hashlib.sha256((project / "requirements.txt").read_bytes()).hexdigest()
    (project / ".venv" / ".requirements.sha256").write_text(stamp + "\n", encoding="utf-8")
