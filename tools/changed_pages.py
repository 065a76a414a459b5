"""The pages a pull request changes, as Markdown for the job summary of its CI run.

    python -m tools.changed_pages BASE
        Lists every page whose source file (docs/ or docs_zh/) differs between the git
        commit BASE and the working tree's commit (HEAD): its title, edition, what
        changed, and its file in the built site the workflow uploads (./site.sh preview).

Pages are found from their source files, not by comparing two builds: a reviewer sees
the pages the author edited. Lists the hooks make from front matter (cards, the
glossary's "Used in", the menu) can change on other pages too; the summary says so.
"""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path, PurePosixPath

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "hooks"))

from mkdocs.structure.files import File  # noqa: E402
from mkdocs.utils.meta import get_data  # noqa: E402

from content.layout import CHINESE, ZH_DOCS_DIR_NAME, edition_prefix  # noqa: E402
from content.record import git  # noqa: E402

# --- command ----------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.changed_pages", description=__doc__.split("\n\n")[0])
    parser.add_argument("base", help="the git commit to compare with, e.g. HEAD^1 (a pull request's base)")
    args = parser.parse_args(argv)
    changes = git(PROJECT, "diff", "--name-status", "--find-renames", "--no-color", args.base, "HEAD", "--",
                  "docs", ZH_DOCS_DIR_NAME)
    if changes is None:
        print(f"changed_pages: git cannot compare {args.base} with HEAD (is the commit fetched?)", file=sys.stderr)
        return 2
    rows = [row for line in changes.splitlines() if (row := page_row(line, args.base))]
    print(summary(rows))
    return 0


# --- helpers ----------------------------------------------------------------


def page_row(line: str, base: str) -> tuple[str, str, str, str] | None:
    """One `git diff --name-status` line -> (title, edition, change, file in the built site); None if no page."""
    status, *paths = line.split("\t")
    path = paths[-1]
    if not path.endswith(".md"):
        return None
    folder, _, src_uri = path.partition("/")
    language = CHINESE if folder == ZH_DOCS_DIR_NAME else "en"
    kind = status[0]
    if kind == "D":
        built, text = WORDS["deleted_file"], git(PROJECT, "show", f"{base}:{path}", strip=False)
    else:
        built = f"`{edition_prefix(language)}{File(src_uri, 'docs', 'site', use_directory_urls=True).dest_uri}`"
        text = (PROJECT / path).read_text(encoding="utf-8", errors="replace") if (PROJECT / path).is_file() else None
    change = WORDS.get(kind, WORDS["M"])
    if kind == "R":
        change = change.format(old=f"`{PurePosixPath(paths[0])}`")
    return (cell(_title(text) or path), EDITION_NAMES[language], change, built)


def summary(rows: list[tuple[str, str, str, str]]) -> str:
    """The Markdown of the job summary."""
    if not rows:
        return f"{WORDS['heading']}\n\n{WORDS['none']}\n"
    table = ["| " + " | ".join(WORDS["columns"]) + " |", "|" + " --- |" * len(WORDS["columns"])]
    table += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n\n".join([WORDS["heading"], WORDS["intro"].format(count=len(rows)), "\n".join(table), WORDS["also"]]) + "\n"


def _title(text: str | None) -> str:
    if not text:
        return ""
    title = get_data(text)[1].get("title")
    return title.strip() if isinstance(title, str) else ""


def cell(text: str) -> str:
    """Text in a Markdown table cell: no markup, no column breaks."""
    return html.escape(" ".join(text.split())).replace("|", "&#124;")


# --- data -------------------------------------------------------------------

EDITION_NAMES = {"en": "English", CHINESE: "简体中文"}
WORDS = {
    "heading": "## Changed pages",
    "none": "This pull request changes no page in docs/ or docs_zh/.",
    "intro": (
        "This pull request changes the source of {count} page(s). To look at them before they go live: on this "
        "run's summary page, download the artifact **site-preview** (under Artifacts), unzip it, and open the "
        "page's file below in a browser. From a disk, a link to another page opens a folder: open that "
        "folder's index.html."
    ),
    "also": "Lists the build makes from front matter (the home page's cards, the glossary's \"Used in\", the menu) "
            "can change on other pages too.",
    "columns": ("Page", "Edition", "Change", "File in site-preview"),
    "A": "new page",
    "M": "changed",
    "R": "moved from {old}",
    "D": "deleted",
    "deleted_file": "none (deleted)",
}

if __name__ == "__main__":
    sys.exit(main())
