"""Which Chinese pages are missing or behind their English pages, and marking them done.

    python -m tools.translations status
        Lists every docs_zh/ page that needs work: missing (an English page with no
        Chinese file), outdated (the English page changed since the translation was
        marked), unmarked (no `translated_from` yet) and orphan (no English page).
        Exit status 0 when every translation is up to date, 1 when any needs work,
        so a script or CI step can use it.
    python -m tools.translations diff docs_zh/<path>.md
        Shows what changed in the English page since the translation was marked
        (needs the marked English version in git history).
    python -m tools.translations mark docs_zh/<path>.md [more files]
    python -m tools.translations mark --all
        After checking a translation against its English page, records the English
        page's current version in the Chinese page's front matter (`translated_from`).
        --all marks every Chinese page: only after reviewing them all.

The build reports outdated translations too (INFO lines) and shows Chinese readers a
notice; it does not fail on them (hooks/translations.py says why). The version is a
hash computed in one place, hooks/content/record.py.

For other tools: mark_translated(zh_path) marks one page and returns the hash.
"""

from __future__ import annotations

import argparse
import codecs
import difflib
import re
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "hooks"))

from mkdocs.utils.meta import YAML_RE, get_data  # noqa: E402

from content.layout import ZH_DOCS_DIR_NAME  # noqa: E402
from content.record import RECORD_KEY, english_hash, english_updated, git, is_current, page_uris  # noqa: E402

# --- command ----------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "status":
            return _print_status()
        if args.command == "diff":
            return _print_diff(args.page)
        if not args.pages and not args.all:
            return _fail("name the docs_zh/ pages to mark, or use --all")
        pages = _all_translations() if args.all else args.pages
        for page in pages:
            value = mark_translated(Path(page))
            print(f"marked {_relative(Path(page))} as translating {_relative(_english_of(Path(page)))} ({RECORD_KEY}: {value})")
        return 0
    except ValueError as problem:
        return _fail(str(problem))


def mark_translated(zh_path: Path) -> str:
    """Record that a docs_zh/ page translates the current English page; returns the hash.

    Raises ValueError, with a message for staff, for a path outside docs_zh/, a page
    whose English page does not exist, or a page without front matter.
    """
    english = _english_of(zh_path)
    if not english.is_file():
        raise ValueError(f"{_relative(zh_path)}: no English page {_relative(english)} to compare it with")
    try:
        return record_translation(zh_path.resolve(), english)
    except ValueError as problem:
        raise ValueError(f"{_relative(zh_path)}: {problem}") from None


def translation_status(project: Path = PROJECT) -> list[tuple[str, str, str]]:
    """(state, docs_zh/ path, what to do) for every Chinese page that needs work, by path."""
    english_dir, chinese_dir = project / ENGLISH_DIR_NAME, project / ZH_DOCS_DIR_NAME
    english, chinese = set(page_uris(english_dir)), set(page_uris(chinese_dir))
    found = []
    for uri in sorted(english | chinese):
        zh_label, en_label = f"{ZH_DOCS_DIR_NAME}/{uri}", f"{ENGLISH_DIR_NAME}/{uri}"
        if uri not in chinese:
            found.append(("missing", zh_label, f"{en_label} has no Chinese page; copy it here and translate it"))
        elif uri not in english:
            found.append(("orphan", zh_label, f"no English page {en_label}; add it, or move this file"))
        else:
            text = (chinese_dir / uri).read_text(encoding="utf-8", errors="replace")
            recorded = get_data(text)[1].get(RECORD_KEY)
            if recorded is None:
                found.append(("unmarked", zh_label, f"never marked; check it against {en_label}, then mark it"))
            elif not is_current(recorded, english_dir / uri):
                updated, how = english_updated(english_dir / uri)
                found.append(
                    (
                        "outdated",
                        zh_label,
                        f"{en_label} changed on {updated.isoformat()} ({'git' if how == 'git' else 'file date'}); "
                        f"see: ./site.sh translations diff {zh_label}",
                    )
                )
    return found


# --- helpers ----------------------------------------------------------------


def english_text_at(recorded: str, folder: Path) -> str | None:
    """The English text a translation was made from, if git still has it."""
    return git(folder, "cat-file", "blob", recorded, strip=False)


def record_translation(zh_path: Path, english_path: Path) -> str:
    """Write the English page's current hash into a Chinese page's front matter.

    Replaces an existing `translated_from` line or adds one at the end of the
    front matter; keeps everything else (encoding mark, line endings) as it was.
    Raises ValueError when the Chinese page has no front matter.
    """
    value = english_hash(english_path)
    raw = zh_path.read_bytes()
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
    newline = "\r\n" if b"\r\n" in raw else "\n"
    text = raw[len(bom):].decode("utf-8").replace("\r\n", "\n")
    match = YAML_RE.match(text)
    if match is None:
        raise ValueError("it has no front matter (the '---' block at the top); add it first")
    block = match.group(1)
    line = f'{RECORD_KEY}: "{value}"\n'
    existing = re.compile(rf"^{RECORD_KEY}[ \t]*:.*\n", re.MULTILINE)
    block = existing.sub(line, block, count=1) if existing.search(block) else block + line
    text = text[: match.start(1)] + block + text[match.end(1):]
    zh_path.write_bytes(bom + text.replace("\n", newline).encode("utf-8"))
    return value


def _print_status() -> int:
    found = translation_status()
    total = len(page_uris(PROJECT / ENGLISH_DIR_NAME))
    if not found:
        print(f"All {total} Chinese translations are up to date.")
        return 0
    width = max(len(label) for _, label, _ in found)
    for state, label, advice in found:
        print(f"{state:<9} {label:<{width}}  {advice}")
    print(f"{len(found)} Chinese page(s) need work ({total} English pages). After updating one, run:")
    print(f"  ./site.sh translations mark {ZH_DOCS_DIR_NAME}/<path>.md")
    return 1


def _print_diff(page: str) -> int:
    zh_path = Path(page)
    english = _english_of(zh_path)
    if not zh_path.is_file() or not english.is_file():
        return _fail(f"{page}: needs both {_relative(zh_path)} and {_relative(english)}")
    recorded = get_data(zh_path.read_text(encoding="utf-8", errors="replace"))[1].get(RECORD_KEY)
    if recorded is None:
        return _fail(f"{page}: no {RECORD_KEY} yet, so there is no earlier English version to compare with")
    if is_current(recorded, english):
        print(f"{_relative(english)} has not changed since {page} was marked.")
        return 0
    before = english_text_at(str(recorded), english.parent)
    if before is None:
        return _fail(
            f"{page}: git has no English version {recorded} here (not a git checkout, or it was marked "
            "before the English page was committed); "
            f"compare by hand with: git log -p {_relative(english)}"
        )
    now = english.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
    label = _relative(english)
    sys.stdout.writelines(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            now.splitlines(keepends=True),
            fromfile=f"{label} (translated, {recorded})",
            tofile=f"{label} (now)",
        )
    )
    return 0


def _all_translations() -> list[Path]:
    """Every docs_zh/ page that has its English page (orphans cannot be marked)."""
    english = set(page_uris(PROJECT / ENGLISH_DIR_NAME))
    return [PROJECT / ZH_DOCS_DIR_NAME / uri for uri in page_uris(PROJECT / ZH_DOCS_DIR_NAME) if uri in english]


def _english_of(zh_path: Path) -> Path:
    """docs/<path> for docs_zh/<path>; ValueError for a file outside docs_zh/."""
    chinese_dir = (PROJECT / ZH_DOCS_DIR_NAME).resolve()
    resolved = zh_path.resolve()
    if not resolved.is_relative_to(chinese_dir) or resolved.suffix != ".md":
        raise ValueError(f"{zh_path}: not a Markdown page in {ZH_DOCS_DIR_NAME}/ (expected {ZH_DOCS_DIR_NAME}/<path>.md)")
    return PROJECT / ENGLISH_DIR_NAME / resolved.relative_to(chinese_dir)


def _relative(path: Path) -> str:
    resolved = path.resolve()
    return resolved.relative_to(PROJECT).as_posix() if resolved.is_relative_to(PROJECT) else str(path)


def _fail(message: str) -> int:
    print(f"translations: {message}", file=sys.stderr)
    return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m tools.translations", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("status", help="list missing and outdated translations (exit 1 if any)")
    diff = commands.add_parser("diff", help="what changed in English since a translation was marked")
    diff.add_argument("page", help="docs_zh/<path>.md")
    mark = commands.add_parser("mark", help="record that translations match their English pages now")
    mark.add_argument("pages", nargs="*", help="docs_zh/<path>.md files")
    mark.add_argument("--all", action="store_true", help="every Chinese page (after reviewing them all)")
    return parser


# --- data -------------------------------------------------------------------

ENGLISH_DIR_NAME = "docs"

if __name__ == "__main__":
    sys.exit(main())
