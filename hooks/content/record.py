"""Which version of its English page a Chinese page translates (helpers, no events).

Each docs_zh/ page records in its front matter `translated_from: "<hash>"`: the first
12 hex digits of the git blob id of its English page (docs/<same path>) as it was when
the translation was last checked. A git blob id, so `git cat-file -p <hash>` shows that
English text again (`python -m tools.translations diff` uses it); line endings are
normalised to LF first, so a Windows checkout computes the same hash as git.

Used by hooks/translations.py (the notice and the build's report), hooks/checks.py
(the format of the record) and tools/translations.py (the `status`, `diff` and
`mark` commands, which also write the record): the one place the hash is computed.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
from datetime import date
from pathlib import Path

# --- helpers ----------------------------------------------------------------


def page_uris(folder: Path) -> list[str]:
    """The Markdown pages under docs/ or docs_zh/, as paths relative to it ('provisions/x.md').

    Like MkDocs, skips files and folders whose names start with a dot.
    """
    if not folder.is_dir():
        return []
    uris = (path.relative_to(folder).as_posix() for path in folder.rglob("*.md") if path.is_file())
    return sorted(uri for uri in uris if not any(part.startswith(".") for part in uri.split("/")))


def english_hash(english_path: Path) -> str:
    """The short hash to record for the current text of an English page."""
    return _blob_id(english_path)[:HASH_LENGTH]


def is_current(recorded: object, english: Path | bytes) -> bool:
    """Whether a recorded `translated_from` still names the English page's current text (its file or bytes)."""
    if not isinstance(recorded, str) or not HASH_PATTERN.fullmatch(recorded):
        return False
    return _blob_id(english).startswith(recorded)


def english_updated(english_path: Path) -> tuple[date, str]:
    """When the English page last changed, and how we know: ("git" or "file").

    Git's last commit date of the file when it is committed and unchanged since;
    otherwise (not a git checkout, git missing, uncommitted edits) the file's
    modification date.
    """
    folder, name = english_path.parent, english_path.name
    changes = git(folder, "status", "--porcelain", "--", name)
    if changes == "":
        committed = git(folder, "log", "-1", "--format=%cd", "--date=short", "--", name)
        if committed:
            try:
                return date.fromisoformat(committed), "git"
            except ValueError:
                pass
    return date.fromtimestamp(english_path.stat().st_mtime), "file"


def _blob_id(english: Path | bytes) -> str:
    data = (english if isinstance(english, bytes) else english.read_bytes()).replace(b"\r\n", b"\n")
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def git(folder: Path, *args: str, strip: bool = True) -> str | None:
    """Output of a git command run in `folder`, or None when git is missing or fails."""
    try:
        result = subprocess.run(["git", *args], cwd=folder, capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    output = result.stdout.decode("utf-8", errors="replace")
    return output.strip() if strip else output


# --- data -------------------------------------------------------------------

RECORD_KEY = "translated_from"
HASH_LENGTH = 12
# What a hand-edited record may hold: 7 to 40 lower-case hex digits of a git blob id.
HASH_PATTERN = re.compile(r"[0-9a-f]{7,40}")
