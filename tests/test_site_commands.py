"""./site.sh, the one command staff run (#31): check, scaffold, translations and serve [--port N],
with no environment to activate.

Most tests run site.sh in a folder of its own whose .venv holds stand-ins that record how they
were called (as tests/test_safety.py does for `build`); one runs the real check on a broken copy.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_env
from project_copy import append_line, copy_project, site_sh_folder

# Records its arguments, one per line, then exits with the status its FAKE_STATUS_<name> says.
STAND_IN = '''#!/bin/sh
name=$(basename "$0")
printf '%s\\n' "$@" > "$(dirname "$0")/../../called-$name"
eval "status=\\${FAKE_STATUS_$name:-0}"
exit "$status"
'''


def _stand_in_folder(tmp_path: Path) -> Path:
    return site_sh_folder(tmp_path, STAND_IN)


def _site_sh(folder: Path, *args: str, **environment: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "site.sh", *args], cwd=folder, env=mkdocs_env(**environment),
                          capture_output=True, text=True, timeout=120)


def _called(folder: Path, name: str) -> list[str] | None:
    record = folder / f"called-{name}"
    return record.read_text(encoding="utf-8").splitlines() if record.exists() else None


@pytest.mark.parametrize("tool", ["scaffold", "translations"])
def test_a_staff_tool_gets_every_argument_as_given(tmp_path, tool):
    folder = _stand_in_folder(tmp_path)
    args = ["notice", "x-2025", "--title", "Two words", "--title-zh", "两个 词"]
    result = _site_sh(folder, tool, *args)
    assert result.returncode == 0, result.stderr
    assert _called(folder, "python") == ["-m", f"tools.{tool}", *args]


@pytest.mark.parametrize(("args", "address"), [((), "127.0.0.1:8000"), (("--port", "8123"), "127.0.0.1:8123"), (("--port=9001",), "127.0.0.1:9001")])
def test_serve_previews_on_port_8000_or_the_one_given(tmp_path, args, address):
    folder = _stand_in_folder(tmp_path)
    result = _site_sh(folder, "serve", *args)
    assert _called(folder, "mkdocs") == ["serve", "--dev-addr", address], result.stderr
    assert f"http://{address}/zh/" in result.stdout


@pytest.mark.parametrize("args", [("--port", "eighty"), ("--port",), ("--port", "70000"), ("--open",)])
def test_serve_refuses_a_port_that_is_no_port_in_one_line(tmp_path, args):
    folder = _stand_in_folder(tmp_path)
    result = _site_sh(folder, "serve", *args)
    assert result.returncode == 2 and _called(folder, "mkdocs") is None
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("serve: "), result.stderr
    assert "--port" in result.stderr, result.stderr


@pytest.mark.parametrize(("build", "translations", "last"), [
    ("0", "0", "check: PASSED; open a pull request"),
    ("0", "1", "check: PASSED, with translations to update"),
    ("1", "0", "check: FAILED; fix each WARNING line above"),
])
def test_check_builds_strictly_elsewhere_then_ends_with_one_line_saying_what_next(tmp_path, build, translations, last):
    folder = _stand_in_folder(tmp_path)
    result = _site_sh(folder, "check", FAKE_STATUS_mkdocs=build, FAKE_STATUS_python=translations)
    assert result.stdout.strip().splitlines()[-1].startswith(last), result.stdout
    assert result.returncode == (1 if build == "1" else 0)
    called = _called(folder, "mkdocs")
    assert called[:2] == ["build", "--strict"] and called[2] == "--site-dir" and not called[3].startswith(str(folder)), called
    assert not (folder / "site").exists(), "check wrote site/, the folder the publishing build owns"
    assert _called(folder, "python") == ["-m", "tools.translations", "status"]


def test_check_on_a_broken_page_fails_in_seconds_naming_the_file(tmp_path):
    project = copy_project(tmp_path / "project")
    os.symlink(ROOT / ".venv", project / ".venv")
    if not (project / ".venv" / ".requirements.sha256").exists():
        pytest.skip("the project's .venv has no install stamp; site.sh would install into it")
    append_line(project / "docs" / "faq.md", "See [the apostille](notices/ningbo-2023-work-permits/apostile.md).")
    started = time.monotonic()
    result = _site_sh(project, "check")
    took = time.monotonic() - started
    assert result.returncode == 1, result.stdout + result.stderr
    assert "docs/faq.md:" in result.stderr and "did you mean 'notices/ningbo-2023-work-permits/apostille.md'?" in result.stderr
    assert result.stdout.strip().splitlines()[-1].startswith("check: FAILED"), result.stdout
    assert "docs_zh/faq.md" in result.stdout, "the translation status does not name the page changed in English only"
    assert "Traceback" not in result.stderr and took < 60, took


def test_preview_builds_strictly_into_preview_then_lists_the_pages_changed_since_the_base(tmp_path):
    folder = _stand_in_folder(tmp_path)
    result = _site_sh(folder, "preview", "HEAD^1")
    assert result.returncode == 0, result.stderr
    assert _called(folder, "mkdocs") == ["build", "--strict", "--site-dir", "preview"]
    assert _called(folder, "python") == ["-m", "tools.changed_pages", "HEAD^1"]


def test_preview_without_a_base_says_how_to_call_it(tmp_path):
    folder = _stand_in_folder(tmp_path)
    result = _site_sh(folder, "preview")
    assert result.returncode == 2 and _called(folder, "mkdocs") is None
    assert result.stderr.startswith("usage: ./site.sh preview BASE"), result.stderr


def test_site_sh_test_asks_for_the_chinese_fonts_whenever_they_are_missing_even_with_chromium_there(tmp_path):
    """A Chinese page printed or measured without fonts-noto-cjk is measured on boxes (#26)."""
    folder = _stand_in_folder(tmp_path)
    tools = tmp_path / "system"
    tools.mkdir()
    for name, script in (("fc-list", "#!/bin/sh\nexit 0\n"), ("id", "#!/bin/sh\necho 1000\n")):  # no fonts; not root: nothing installed
        (tools / name).write_text(script, encoding="utf-8")
        (tools / name).chmod(0o755)
    result = _site_sh(folder, "test", "-q", CHROMIUM_PATH="/bin/sh", PATH=f"{tools}:{os.environ['PATH']}")
    assert "Missing Debian packages: fonts-noto-cjk " in result.stderr, (
        f"with Chromium installed, ./site.sh test did not ask for the missing Chinese fonts:\n{result.stderr}")
    assert _called(folder, "python") == ["-m", "pytest", "-q"], "the tests did not run after the notice"



def test_site_sh_test_finds_the_chinese_fonts_in_a_long_font_list(tmp_path):
    """Installed fonts are not asked for again: the whole list is read (a grep that stops early made
    fc-list fail under pipefail, and ./site.sh test reinstalled the fonts on every run)."""
    folder = _stand_in_folder(tmp_path)
    tools = tmp_path / "system"
    tools.mkdir()
    font_list = '#!/bin/sh\necho "/usr/share/fonts/NotoSansCJK-Regular.ttc: Noto Sans CJK SC:style=Regular"\n' \
                'yes "/usr/share/fonts/other.ttf: Other:style=Regular" | head -n 5000\n'
    for name, script in (("fc-list", font_list), ("id", "#!/bin/sh\necho 1000\n")):
        (tools / name).write_text(script, encoding="utf-8")
        (tools / name).chmod(0o755)
    result = _site_sh(folder, "test", "-q", CHROMIUM_PATH="/bin/sh", PATH=f"{tools}:{os.environ['PATH']}")
    assert "Missing Debian packages" not in result.stderr, f"./site.sh test asks for fonts that are installed:\n{result.stderr}"
