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
from content.schema import AUDIENCES, COMMON_KEYS, KIND_KEYS
from project_copy import copy_project

NEW_PROVISION = [
    "provisions/scaffold-test",
    "--kind", "provision",
    "--number", "99",
    "--title", "A provision for the scaffold test",
    "--title-zh", "脚手架测试条款",
    "--applies-to", "category-a,family",
    "--issued", "2023-12-25",
    "--issuer", "Issuing bureau",
    "--issuer-zh", "发布机关",
    "--notice", "Title of the notice",
    "--notice-zh", "通知标题",
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


def add_to_nav(project: Path, page: str) -> None:
    """What the guide tells staff to do: list the page in mkdocs.yml's nav, if there is one."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    nav = re.search(r"^nav:\n(\s+)- ", text, re.M)
    if nav:
        text = text[: nav.start(1)] + f"{nav.group(1)}- {page}\n" + text[nav.start(1) :]
        config.write_text(text, encoding="utf-8")


# --- writing the pair -----------------------------------------------------------


def test_scaffold_writes_both_files_and_prints_their_paths(project):
    result = scaffold(project, *NEW_PROVISION)
    assert result.returncode == 0, result.stderr
    for path in ("docs/provisions/scaffold-test.md", "docs_zh/provisions/scaffold-test.md"):
        assert (project / path).is_file(), f"{path} was not written"
        assert path in result.stdout, f"the output does not tell staff it wrote {path}:\n{result.stdout}"


def test_front_matter_has_every_key_the_kind_requires(project):
    scaffold(project, *NEW_PROVISION)
    for folder in ("docs", "docs_zh"):
        meta = front_matter(project / folder / "provisions/scaffold-test.md")
        missing = [key for key in (*COMMON_KEYS, *KIND_KEYS["provision"]) if key not in meta]
        assert not missing, f"{folder}: front matter lacks {missing}"
        assert meta["id"] == "provision-99" and meta["number"] == 99 and meta["kind"] == "provision"
        assert meta["applies_to"] == ["category-a", "family"]
        assert meta["issuer"] == {"en": "Issuing bureau", "zh": "发布机关"}


def test_each_file_has_the_title_in_its_own_language(project):
    scaffold(project, *NEW_PROVISION)
    english = front_matter(project / "docs/provisions/scaffold-test.md")
    chinese = front_matter(project / "docs_zh/provisions/scaffold-test.md")
    assert english["title"] == "A provision for the scaffold test"
    assert chinese["title"] == "脚手架测试条款"


def test_chinese_file_records_the_english_version_it_translates(project):
    """The build requires `translated_from`; it names the English file's git blob id."""
    scaffold(project, *NEW_PROVISION)
    recorded = front_matter(project / "docs_zh/provisions/scaffold-test.md").get("translated_from")
    blob = subprocess.run(
        ["git", "hash-object", "docs/provisions/scaffold-test.md"], cwd=project, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert isinstance(recorded, str) and blob.startswith(recorded), (
        f"translated_from is {recorded!r}, not the English file's version {blob}"
    )


def test_same_notice_as_copies_the_notice_from_an_existing_provision(project):
    scaffold(project, *NEW_PROVISION)
    result = scaffold(
        project, "provisions/same-notice", "--kind", "provision", "--number", "98",
        "--title", "Same notice", "--title-zh", "同一通知", "--applies-to", "category-b",
        "--same-notice-as", "provisions/scaffold-test",
    )
    assert result.returncode == 0, result.stderr
    written = front_matter(project / "docs/provisions/same-notice.md")
    assert written["issued"].isoformat() == "2023-12-25"
    assert written["issuer"] == {"en": "Issuing bureau", "zh": "发布机关"}
    assert written["notice"] == {"en": "Title of the notice", "zh": "通知标题"}


def test_scaffolded_pair_builds_strict_in_both_languages(project, tmp_path):
    result = scaffold(project, *NEW_PROVISION)
    assert result.returncode == 0, result.stderr
    add_to_nav(project, "provisions/scaffold-test.md")
    build = run_strict_build(project, tmp_path / "site")
    assert build.returncode == 0, f"a fresh scaffolded pair fails the strict build:\n{build.stderr}"
    for built, title in (
        ("provisions/scaffold-test/index.html", "A provision for the scaffold test"),
        ("zh/provisions/scaffold-test/index.html", "脚手架测试条款"),
    ):
        heading = BeautifulSoup((tmp_path / "site" / built).read_text(encoding="utf-8"), "html.parser").find("h1")
        assert heading is not None and title in heading.get_text(), f"{built}: heading {heading}"


def test_the_guides_example_command_works(project):
    """The scaffold command shown in CONTRIBUTING.md, run as a member of staff would paste it."""
    blocks = re.findall(r"```sh\n(.*?)```", (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"), re.S)
    example = next((block for block in blocks if block.startswith("python -m tools.scaffold")), None)
    assert example is not None, "CONTRIBUTING.md shows no scaffold command"
    args = shlex.split(example.replace("\\\n", " "))[3:]
    result = scaffold(project, *args)
    assert result.returncode == 0, f"the guide's example fails:\n{result.stderr}"


def test_output_names_the_preview_address_of_both_pages(project):
    result = scaffold(project, *NEW_PROVISION)
    assert "http://127.0.0.1:8000/provisions/scaffold-test/" in result.stdout
    assert "http://127.0.0.1:8000/zh/provisions/scaffold-test/" in result.stdout


# --- refusing -------------------------------------------------------------------


def test_scaffold_refuses_to_overwrite_an_english_page(project):
    existing = project / "docs/provisions/scaffold-test.md"
    existing.parent.mkdir(parents=True, exist_ok=True)
    existing.write_text("staff's work\n", encoding="utf-8")
    result = scaffold(project, *NEW_PROVISION)
    assert result.returncode != 0, "the scaffold reported success over an existing page"
    assert "docs/provisions/scaffold-test.md" in result.stderr, result.stderr
    assert existing.read_text(encoding="utf-8") == "staff's work\n", "the existing page was overwritten"
    assert not (project / "docs_zh/provisions/scaffold-test.md").exists(), "half a pair was written"


def test_scaffold_refuses_to_overwrite_a_chinese_page(project):
    existing = project / "docs_zh/provisions/scaffold-test.md"
    existing.parent.mkdir(parents=True, exist_ok=True)
    existing.write_text("已有内容\n", encoding="utf-8")
    result = scaffold(project, *NEW_PROVISION)
    assert result.returncode != 0
    assert "docs_zh/provisions/scaffold-test.md" in result.stderr, result.stderr
    assert existing.read_text(encoding="utf-8") == "已有内容\n"
    assert not (project / "docs/provisions/scaffold-test.md").exists(), "half a pair was written"


def test_unknown_audience_is_refused_with_the_allowed_list(project):
    args = [*NEW_PROVISION]
    args[args.index("--applies-to") + 1] = "category-z"
    result = scaffold(project, *args)
    assert result.returncode != 0
    assert "category-z" in result.stderr and all(tag in result.stderr for tag in AUDIENCES), result.stderr
    assert not (project / "docs/provisions/scaffold-test.md").exists()


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
