"""The scaffold (python -m tools.scaffold): a new page pair, ready to write and to build.

Every test runs the command in a temporary copy of the project, never in the
real docs/ and docs_zh/.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, run_strict_build
from content.model import AUDIENCES, MODELS, required_keys
from project_copy import copy_project, run_tool

NEW_PROVISION = [
    "notices/ningbo-2023-work-permits/scaffold-test",
    "--kind", "provision",
    "--number", "99",
    "--title", "A provision for the scaffold test",
    "--title-zh", "脚手架测试条款",
    "--applies-to", "category-a,family",
    "--notice", "ningbo-2023-work-permits",
]


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


def scaffold(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tools.scaffold", *args],
        cwd=project,
        capture_output=True,
        text=True,
    )


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), f"{path} does not start with front matter"
    return yaml.safe_load(text.split("---\n", 2)[1])


# --- writing the pair -----------------------------------------------------------


def test_scaffold_writes_both_files_and_prints_their_paths(project):
    result = scaffold(project, *NEW_PROVISION)
    assert result.returncode == 0, result.stderr
    for path in ("docs/notices/ningbo-2023-work-permits/scaffold-test.md", "docs_zh/notices/ningbo-2023-work-permits/scaffold-test.md"):
        assert (project / path).is_file(), f"{path} was not written"
        assert path in result.stdout, f"the output does not tell staff it wrote {path}:\n{result.stdout}"


def test_front_matter_has_every_key_the_kind_requires(project):
    scaffold(project, *NEW_PROVISION)
    for folder in ("docs", "docs_zh"):
        meta = front_matter(project / folder / "notices/ningbo-2023-work-permits/scaffold-test.md")
        missing = [key for key in required_keys("provision") if key not in meta]
        assert not missing, f"{folder}: front matter lacks {missing}"
        assert meta["id"] == "provision-99" and meta["number"] == 99 and meta["kind"] == "provision"
        assert meta["applies_to"] == ["category-a", "family"]
        assert meta["notice"] == "ningbo-2023-work-permits", f"{folder}: the provision does not name its notice"


def test_each_file_has_the_title_in_its_own_language(project):
    scaffold(project, *NEW_PROVISION)
    english = front_matter(project / "docs/notices/ningbo-2023-work-permits/scaffold-test.md")
    chinese = front_matter(project / "docs_zh/notices/ningbo-2023-work-permits/scaffold-test.md")
    assert english["title"] == "A provision for the scaffold test"
    assert chinese["title"] == "脚手架测试条款"


def test_chinese_file_records_the_english_version_it_translates(project):
    """The build requires `translated_from`; it names the English file's git blob id."""
    scaffold(project, *NEW_PROVISION)
    recorded = front_matter(project / "docs_zh/notices/ningbo-2023-work-permits/scaffold-test.md").get("translated_from")
    blob = subprocess.run(
        ["git", "hash-object", "docs/notices/ningbo-2023-work-permits/scaffold-test.md"], cwd=project, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert isinstance(recorded, str) and blob.startswith(recorded), (
        f"translated_from is {recorded!r}, not the English file's version {blob}"
    )


def test_scaffolded_pair_builds_strict_once_its_placeholders_are_written(project, tmp_path):
    """The scaffold's REPLACE: placeholders fail the build on purpose; with text in their place the pair builds."""
    result = scaffold(project, *NEW_PROVISION)
    assert result.returncode == 0, result.stderr
    page = "notices/ningbo-2023-work-permits/scaffold-test.md"
    for folder in ("docs", "docs_zh"):
        path = project / folder / page
        path.write_text(re.sub(r"REPLACE:[^{\n'\"]*", "Written by an editor. ", path.read_text(encoding="utf-8")), encoding="utf-8")
    marked = run_tool(project, "tools.translations", "mark", f"docs_zh/{page}")
    assert marked.returncode == 0, marked.stderr
    # No nav entry to add: a notice's provisions are placed in the navigation by hooks/cross_links.py.
    build = run_strict_build(project, tmp_path / "site")
    assert build.returncode == 0, f"a scaffolded pair with its placeholders written fails the strict build:\n{build.stderr}"
    for built, title in (
        ("notices/ningbo-2023-work-permits/scaffold-test/index.html", "A provision for the scaffold test"),
        ("zh/notices/ningbo-2023-work-permits/scaffold-test/index.html", "脚手架测试条款"),
    ):
        heading = BeautifulSoup((tmp_path / "site" / built).read_text(encoding="utf-8"), "html.parser").find("h1")
        assert heading is not None and title in heading.get_text(), f"{built}: heading {heading}"


def test_the_guides_example_command_works(project):
    """The scaffold command shown in CONTRIBUTING.md, run as a member of staff would paste it."""
    blocks = re.findall(r"```sh\n(.*?)```", (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"), re.S)
    example = next((block for block in blocks if block.startswith("./site.sh scaffold")), None)
    assert example is not None, "CONTRIBUTING.md shows no scaffold command"
    args = shlex.split(example.replace("\\\n", " "))[2:]  # what ./site.sh passes to python -m tools.scaffold
    result = scaffold(project, *args)
    assert result.returncode == 0, f"the guide's example fails:\n{result.stderr}"


def test_output_names_the_preview_address_of_both_pages(project):
    result = scaffold(project, *NEW_PROVISION)
    assert "http://127.0.0.1:8000/notices/ningbo-2023-work-permits/scaffold-test/" in result.stdout
    assert "http://127.0.0.1:8000/zh/notices/ningbo-2023-work-permits/scaffold-test/" in result.stdout


# --- refusing -------------------------------------------------------------------


def test_scaffold_refuses_to_overwrite_an_english_page(project):
    existing = project / "docs/notices/ningbo-2023-work-permits/scaffold-test.md"
    existing.parent.mkdir(parents=True, exist_ok=True)
    existing.write_text("staff's work\n", encoding="utf-8")
    result = scaffold(project, *NEW_PROVISION)
    assert result.returncode != 0, "the scaffold reported success over an existing page"
    assert "docs/notices/ningbo-2023-work-permits/scaffold-test.md" in result.stderr, result.stderr
    assert existing.read_text(encoding="utf-8") == "staff's work\n", "the existing page was overwritten"
    assert not (project / "docs_zh/notices/ningbo-2023-work-permits/scaffold-test.md").exists(), "half a pair was written"


def test_scaffold_refuses_to_overwrite_a_chinese_page(project):
    existing = project / "docs_zh/notices/ningbo-2023-work-permits/scaffold-test.md"
    existing.parent.mkdir(parents=True, exist_ok=True)
    existing.write_text("已有内容\n", encoding="utf-8")
    result = scaffold(project, *NEW_PROVISION)
    assert result.returncode != 0
    assert "docs_zh/notices/ningbo-2023-work-permits/scaffold-test.md" in result.stderr, result.stderr
    assert existing.read_text(encoding="utf-8") == "已有内容\n"
    assert not (project / "docs/notices/ningbo-2023-work-permits/scaffold-test.md").exists(), "half a pair was written"


def test_unknown_audience_is_refused_with_the_allowed_list(project):
    args = [*NEW_PROVISION]
    args[args.index("--applies-to") + 1] = "category-z"
    result = scaffold(project, *args)
    assert result.returncode != 0
    assert "category-z" in result.stderr and all(tag in result.stderr for tag in AUDIENCES), result.stderr
    assert not (project / "docs/notices/ningbo-2023-work-permits/scaffold-test.md").exists()


def test_an_id_already_in_use_is_refused(project):
    scaffold(project, *NEW_PROVISION)
    result = scaffold(project, "new-page", "--kind", "faq", "--id", "provision-99", "--title", "New", "--title-zh", "新页")
    assert result.returncode != 0
    assert "provision-99" in result.stderr and "already" in result.stderr, result.stderr
    assert not (project / "docs/new-page.md").exists()


def test_an_option_the_kind_has_no_key_for_is_refused(project):
    result = scaffold(project, "new-page", "--kind", "faq", "--number", "3", "--title", "New", "--title-zh", "新页")
    assert result.returncode != 0
    assert "--number" in result.stderr, result.stderr
    assert not (project / "docs/new-page.md").exists()


def test_help_names_the_notice_command_and_every_page_kind(project):
    result = scaffold(project, "--help")
    assert result.returncode == 0, result.stderr
    assert "notice ID" in result.stdout and "`notice --help`" in result.stdout, result.stdout
    missing = [kind for kind in MODELS if kind not in result.stdout]
    assert not missing, f"--help does not name the kinds {missing}"
