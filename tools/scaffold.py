"""Create a new page pair: docs/<path>.md and docs_zh/<path>.md, front matter filled in.

    python -m tools.scaffold notices/<notice id>/new-slug --kind provision --number 8 \\
        --notice <notice id> --title "Short title" --title-zh "简短标题" --applies-to category-a
    python -m tools.scaffold notice --help

The front matter follows the page model, hooks/content/model.py (CONTRIBUTING.md documents it);
the body comes from tools/templates/, with the headings and blocks each kind
uses and HTML comments saying what to write (readers never see them). A fresh
pair builds strict once the page is in `nav`. The scaffold never overwrites a
page: if either file exists it writes nothing and exits with status 1; for
options it cannot use it names every problem, writes nothing and exits with 2.
After writing, it records in the Chinese file which version of the English file
it translates (tools/translations.py), as the build requires.
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
from pathlib import Path
from string import Template
from typing import Any, Callable

import yaml
from mkdocs.utils.meta import get_data

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from content.layout import NOTICES_FOLDER, SOURCES_FOLDER  # noqa: E402
from content.model import AUDIENCES, CHANGES, ID_PATTERN, MODELS, PLACEHOLDER, RELATABLE_KINDS, required_keys  # noqa: E402

from .translations import mark_translated  # noqa: E402

# --- command ----------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["notice"]:
        return new_notice(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        page = page_path(args.path)
    except ValueError as problem:
        return fail(str(problem))
    targets = {language: ROOT / FOLDERS[language] / page for language in LANGUAGES}
    existing = [relative(path) for path in targets.values() if path.exists()]
    if existing:
        for path in existing:
            print(f"scaffold: {path} already exists; nothing written.", file=sys.stderr)
        print("Edit the existing page, or choose another path.", file=sys.stderr)
        return 1
    try:
        meta = front_matter(args, page, page_kinds())
    except ValueError as problem:
        return fail(str(problem))
    for language, path in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as out:
            out.write(render(args.kind, meta[language], language))
        print(f"wrote {relative(path)}")
    # The Chinese file starts as a translation of the English template; the
    # build requires the record (CONTRIBUTING.md, "Update a translation").
    recorded = mark_translated(targets["zh"])
    print(f"recorded in {relative(targets['zh'])}: translated_from: {recorded}")
    print(next_steps(page, meta["en"]["title"]))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m tools.scaffold",
        usage="%(prog)s notice ID --provisions N ... | %(prog)s PATH --kind KIND --title ... --title-zh ...",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=(
            "Create pages in both docs/ and docs_zh/ from templates, front matter filled in.\n\n"
            "  notice ID ...      a new notice: its page and one page per provision, in notices/ID/\n"
            "                     (`notice --help` lists its options)\n"
            "  PATH --kind KIND   one page pair, docs/PATH.md and docs_zh/PATH.md, of any kind:\n"
            f"                     {', '.join(MODELS)}\n\n"
            "Staff run it as ./site.sh scaffold ... (no environment to activate)."
        ),
        epilog="Audiences: " + ", ".join(AUDIENCES) + ". Changes: " + ", ".join(CHANGES) + ".",
    )
    parser.add_argument("path", help="page path under docs/, e.g. provisions/new-slug (.md optional)")
    parser.add_argument("--kind", required=True, choices=list(MODELS), help="page kind")
    parser.add_argument("--title", required=True, help="English title")
    parser.add_argument("--title-zh", required=True, help="Chinese title")
    parser.add_argument("--id", help="unique page id (default: provision-NUMBER, else the file name)")
    parser.add_argument("--description", help="one English sentence for search results (default: the title)")
    parser.add_argument("--description-zh", help="one Chinese sentence (default: the Chinese title)")
    parser.add_argument(
        "--applies-to", type=_words, default=[], metavar="TAG,TAG", help="audience tags, comma-separated"
    )
    parser.add_argument("--related", type=_words, default=[], metavar="ID,ID", help="related page ids, comma-separated")
    parser.add_argument("--change", choices=list(CHANGES), help="how a provision compares with earlier policy")
    parser.add_argument("--number", type=int, help="provision number (default: from an id like provision-8)")
    parser.add_argument("--notice", help="id of the notice a provision belongs to, e.g. ningbo-2023-work-permits")
    return parser


def new_notice(argv: list[str]) -> int:
    """`notice ID ...`: the notice's page pair and one page pair per provision, in notices/ID/."""
    parser = argparse.ArgumentParser(prog="python -m tools.scaffold notice", description=new_notice.__doc__)
    parser.add_argument("id", help="the notice's id and folder, e.g. zhejiang-2025-talent")
    for option, text in NOTICE_OPTIONS.items():
        parser.add_argument(option, required=True, help=text)
    parser.add_argument("--provisions", type=int, default=1, help="how many provisions (pages provision-1 ... provision-N)")
    args = parser.parse_args(argv)
    problems = []
    if not _PAGE_ID.fullmatch(args.id) or args.id in page_kinds():
        problems.append(f"{args.id!r}: give a new id of lower-case letters, digits and hyphens")
    try:
        issued = datetime.date.fromisoformat(args.issued)
    except ValueError:
        problems.append(f"--issued {args.issued!r}: write the date as YYYY-MM-DD")
    if not 1 <= args.provisions <= 99:
        problems.append("--provisions: a whole number from 1 to 99")
    sources = sorted(page_id for page_id, kind in page_kinds().items() if kind == "source")
    for option in ("--text-source", "--view-source"):
        if getattr(args, option[2:].replace("-", "_")) not in sources:
            problems.append(f"{option}: the id of a source page in docs/{SOURCES_FOLDER}/ (known: {', '.join(sources) or 'none'}); "
                            "add the source's page first (CONTRIBUTING.md, 'Add a source')")
    if problems:
        return fail("\n".join(problems))
    folder = Path(NOTICES_FOLDER) / args.id
    pages = {folder / "index.md": {"en": {}, "zh": {}}}
    for language in LANGUAGES:
        suffix = "_zh" if language == "zh" else ""
        pages[folder / "index.md"][language] = {
            "id": args.id, "kind": "notice", "title": getattr(args, f"title{suffix}"),
            "description": f"{PLACEHOLDER} {DESCRIPTION[language]}", "reviewed": datetime.date.today(),
            "issuer": {"en": args.issuer, "zh": args.issuer_zh}, "name": {"en": args.name, "zh": args.name_zh},
            "issued": issued, "status": "issued", "text_source": args.text_source, "view_source": args.view_source,
            "history": first_publication(language),
        }
    for number in range(1, args.provisions + 1):
        pages[folder / f"provision-{number}.md"] = {
            language: {
                "id": f"{args.id}-{number}", "kind": "provision", "title": f"{PLACEHOLDER} {SHORT_TITLE[language]}",
                "description": f"{PLACEHOLDER} {DESCRIPTION[language]}", "reviewed": datetime.date.today(),
                "notice": args.id, "number": number, "applies_to": [], "related": [],
                "history": first_publication(language),
            }
            for language in LANGUAGES
        }
    existing = [relative(ROOT / FOLDERS[lang] / page) for page in pages for lang in LANGUAGES if (ROOT / FOLDERS[lang] / page).exists()]
    if existing:
        print(f"scaffold: {', '.join(existing)} already exist; nothing written.", file=sys.stderr)
        return 1
    for page, metas in pages.items():
        for language in LANGUAGES:
            path = ROOT / FOLDERS[language] / page
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("x", encoding="utf-8") as out:
                out.write(render(metas[language]["kind"], metas[language], language))
            print(f"wrote {relative(path)}")
        mark_translated(ROOT / FOLDERS["zh"] / page)
    print(notice_checklist(args.id, len(pages) - 1))
    return 0


# --- helpers ----------------------------------------------------------------


def fail(problems: str) -> int:
    for problem in problems.splitlines():
        print(f"scaffold: {problem}", file=sys.stderr)
    print("Nothing written. `python -m tools.scaffold --help` lists every option.", file=sys.stderr)
    return 2


def page_path(raw: str) -> Path:
    """'provisions/new-slug' -> Path('provisions/new-slug.md'); lower-case words and hyphens only."""
    name = raw.strip().removeprefix("docs/").removeprefix("docs_zh/").removesuffix(".md")
    if not _PAGE_PATH.fullmatch(name):
        raise ValueError(
            f"page path {raw!r}: use lower-case letters, digits and hyphens, "
            "folders separated by '/', e.g. provisions/new-slug"
        )
    return Path(name + ".md")


def front_matter(args: argparse.Namespace, page: Path, ids: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Each language's front matter: the same keys and values, title and description translated.

    Raises ValueError naming every problem at once, one per line.
    """
    problems = unused_options(args)

    def attempt(compute: Callable[[], Any]) -> Any:
        try:
            return compute()
        except ValueError as problem:
            problems.append(str(problem))
            return None

    number = attempt(lambda: provision_number(args)) if args.kind == "provision" else None
    page_id = args.id or (f"provision-{number}" if number is not None else page.stem)
    attempt(lambda: check_id(page_id, ids))
    shared = {key: attempt(lambda key=key: kind_value(args, key, number, ids)) for key in kind_keys(args.kind)}
    if problems:
        raise ValueError("\n".join(dict.fromkeys(problems)))  # each problem once, in order
    if args.change:
        shared["change"] = args.change
    texts = {
        "en": (args.title, args.description or args.title),
        "zh": (args.title_zh, args.description_zh or args.title_zh),
    }
    return {
        language: {
            "id": page_id,
            "kind": args.kind,
            "title": title,
            "description": description,
            "reviewed": datetime.date.today(),
            **shared,
            "history": first_publication(language),
        }
        for language, (title, description) in texts.items()
    }


def unused_options(args: argparse.Namespace) -> list[str]:
    """Options given for keys this kind of page does not have."""
    return [
        f"{option}: a {args.kind} page has no `{key}`"
        for option, (attribute, key) in KEY_OPTIONS.items()
        if getattr(args, attribute) not in (None, []) and key not in kind_keys(args.kind)
    ]


def kind_value(args: argparse.Namespace, key: str, number: int | None, ids: dict[str, str]) -> Any:
    if key == "number":
        return number
    if key == "applies_to":
        unknown = [tag for tag in args.applies_to if tag not in AUDIENCES]
        if unknown:
            raise ValueError(
                f"--applies-to: unknown audience {', '.join(unknown)}; choose from {', '.join(AUDIENCES)}"
            )
        if not args.applies_to:
            raise ValueError(f"--applies-to: a {args.kind} page needs at least one of {', '.join(AUDIENCES)}")
        return list(args.applies_to)
    if key == "related":
        relatable = sorted(page_id for page_id, kind in ids.items() if kind in RELATABLE_KINDS)
        unknown = [page_id for page_id in args.related if page_id not in relatable]
        if unknown:
            raise ValueError(
                f"--related: {', '.join(unknown)} is not the id of a provision or process page "
                f"(known: {', '.join(relatable) or 'none'})"
            )
        return list(args.related)
    if key == "notice":
        notices = sorted(page_id for page_id, kind in ids.items() if kind == "notice")
        if args.notice not in notices:
            raise ValueError(f"--notice: a provision needs the id of its notice (known: {', '.join(notices) or 'none'})")
        return args.notice
    field = MODELS[args.kind].model_fields[key]
    return (field.json_schema_extra or {}).get("scaffold", f"{PLACEHOLDER} {field.description}")


def kind_keys(kind: str) -> tuple[str, ...]:
    """The keys a page of `kind` needs beyond those every page has."""
    return tuple(key for key in required_keys(kind) if key not in required_keys(None))


def provision_number(args: argparse.Namespace) -> int:
    match = re.fullmatch(r"provision-(\d+)", args.id or "")
    number = args.number if args.number is not None else int(match.group(1)) if match else None
    if number is None:
        raise ValueError("--number: a provision needs its number (or an id like provision-8)")
    if number < 1:
        raise ValueError(f"--number {number}: a provision's number is a whole number from 1")
    return number


def check_id(page_id: str, ids: dict[str, str]) -> None:
    if not _PAGE_ID.fullmatch(page_id):
        raise ValueError(f"--id {page_id!r}: use lower-case letters, digits and hyphens")
    if page_id in ids:
        raise ValueError(f"--id {page_id!r}: another page already has this id")


def page_kinds() -> dict[str, str]:
    """id -> kind of every English page (the Chinese page of a pair has the same id)."""
    return {
        str(meta["id"]): str(meta.get("kind"))
        for path in sorted((ROOT / FOLDERS["en"]).rglob("*.md"))
        if "id" in (meta := read_front_matter(path))
    }


def read_front_matter(path: Path) -> dict[str, Any]:
    """A page's front matter as MkDocs reads it ({} when it has none or it is not valid YAML)."""
    return get_data(path.read_text(encoding="utf-8", errors="replace"))[1]


def render(kind: str, meta: dict[str, Any], language: str) -> str:
    template = TEMPLATES / f"{kind if kind in ('provision', 'notice') else 'page'}.{language}.md"
    body = Template(template.read_text(encoding="utf-8")).substitute(
        title=meta["title"], id=meta["id"], number=meta.get("number", ""), **source_words(meta, language)
    )
    return f"---\n{dump_front_matter(meta)}---\n\n{body}"


def source_words(meta: dict[str, Any], language: str) -> dict[str, str]:
    """How a provision's texts are labelled, from its notice's sources (docs/sources/); a placeholder where one is missing."""
    notice = meta if meta.get("kind") == "notice" else read_front_matter(ROOT / FOLDERS["en"] / NOTICES_FOLDER / str(meta.get("notice")) / "index.md")
    text, view = (read_front_matter(ROOT / FOLDERS["en"] / SOURCES_FOLDER / f"{notice.get(key)}.md") for key in ("text_source", "view_source"))

    def word(source: dict[str, Any], key: str) -> str:
        value = source.get(key)
        return value[language] if isinstance(value, dict) and value.get(language) else f"{PLACEHOLDER} the source's {key}"

    return {"text_source": word(text, "name"), "text_en": word(text, "text_en"), "text_zh": word(text, "text_zh"),
            "view_name": word(view, "view_name"), "view_publisher": word(view, "publisher"), "view_speaker": word(view, "speaker")}


def first_publication(language: str) -> list[dict[str, Any]]:
    """A new page's `history`: its first publication, dated today (staff set the day it goes live)."""
    return [{"date": datetime.date.today(), "change": FIRST_PUBLISHED[language]}]


def dump_front_matter(meta: dict[str, Any]) -> str:
    """YAML laid out like the hand-written pages: lists in [brackets], en/zh pairs on their own lines."""
    lines = []
    for key, value in meta.items():
        if isinstance(value, dict):
            lines.append(f"{key}:")
            lines += [f"  {sub}: {_scalar(item)}" for sub, item in value.items()]
        elif isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            lines.append(f"{key}:")  # a list of entries (`history`): one '- key: value' block each
            for item in value:
                lines += [f"  {'-' if index == 0 else ' '} {sub}: {_scalar(part)}" for index, (sub, part) in enumerate(item.items())]
        elif isinstance(value, list):
            lines.append(f"{key}: [{', '.join(_scalar(item) for item in value)}]")
        else:
            lines.append(f"{key}: {_scalar(value)}")
    return "\n".join(lines) + "\n"


def notice_checklist(notice_id: str, provisions: int) -> str:
    """What the scaffold cannot do for a new notice: the steps only a person can take, in order."""
    folder = f"{NOTICES_FOLDER}/{notice_id}"
    chinese = " ".join(f"{FOLDERS['zh']}/{folder}/{name}.md" for name in ["index", *(f"provision-{n}" for n in range(1, provisions + 1))])
    return "\n".join([
        "",
        "Written. What only you can do (the notice appears in the menu by itself):",
        f"  1. Replace each '{PLACEHOLDER}' text in docs/{folder}/ and {FOLDERS['zh']}/{folder}/ with the real text;",
        "     the check names every one left. Under each view, add to its label whose view it is and whom",
        "     they confirmed it with: nothing checks that line once its placeholder is gone.",
        "  2. Set applies_to (who each provision is for) and related (provision ids) in both editions.",
        "  3. Its status is 'issued'. If a source says it is in force, write 'status: in-force' and",
        "     'status_source: <that source's id>' in both editions. If it replaces an older notice, give the",
        "     older one 'status: superseded' and 'superseded_by: " + notice_id + "' in both editions, and a",
        "     'history' entry saying it is replaced. Each new page's history starts 'First published' today:",
        "     set that date to the day the pages go live (What's new and the feeds list it).",
        "  4. Review the pages that name notices in their own words, which no build updates: the home page",
        "     (docs/index.md, docs_zh/index.md: its introduction, headings and 'Start here' links),",
        "     docs/views.md and docs/faq.md with their Chinese pages.",
        "  5. When each Chinese page matches its English page, mark it (and any older notice you changed):",
        f"       ./site.sh translations mark {chinese}",
        "  6. Run ./site.sh check: it ends with one line, passed or failed, and what to do next.",
    ])


def next_steps(page: Path, title: str) -> str:
    url = page.with_suffix("").as_posix()
    url = "" if url == "index" else url.removesuffix("/index") + "/"
    if _NAV.search((ROOT / "mkdocs.yml").read_text(encoding="utf-8")):
        nav_hint = (
            "  1. Add the page to `nav` in mkdocs.yml, where readers should find it:\n"
            f"       - {page.as_posix()}\n"
            "     (the Chinese page follows by itself; a page missing from nav fails the build)."
        )
    else:
        nav_hint = "  1. mkdocs.yml has no `nav`: the page appears in the menu by itself."
    return "\n".join(
        [
            "",
            f"Next, for {title!r}:",
            nav_hint,
            "  2. Write both files: replace every <!-- ... --> note with the text it asks for,",
            "     and replace the description if it still repeats the title.",
            "  3. Preview both languages with ./site.sh serve:",
            f"       http://127.0.0.1:8000/{url}",
            f"       http://127.0.0.1:8000/zh/{url}",
            "  4. When the Chinese page matches the finished English page, record it:",
            f"       ./site.sh translations mark {FOLDERS['zh']}/{page.as_posix()}",
            "  5. Run ./site.sh check: it ends with one line, passed or failed, and what to do next.",
            "  See CONTRIBUTING.md (中文：CONTRIBUTING.zh.md) for the front matter and every build message.",
        ]
    )


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _scalar(value: Any) -> str:
    """One YAML scalar on one line, quoted only when YAML needs it."""
    text = yaml.safe_dump(value, allow_unicode=True, width=float("inf"), default_flow_style=True)
    return text.removesuffix("\n").removesuffix("\n...").strip()


def _words(raw: str) -> list[str]:
    return [word.strip() for word in raw.split(",") if word.strip()]


# --- data -------------------------------------------------------------------

LANGUAGES = ("en", "zh")
FOLDERS = {"en": "docs", "zh": "docs_zh"}
TEMPLATES = Path(__file__).resolve().parent / "templates"
# Options that fill one kind-specific key: option -> (argparse attribute, key).
KEY_OPTIONS = {
    "--applies-to": ("applies_to", "applies_to"),
    "--related": ("related", "related"),
    "--number": ("number", "number"),
    "--notice": ("notice", "notice"),
}
# The options of `notice` (each required), besides --provisions.
NOTICE_OPTIONS = {
    "--title": "short title, English (menu and lists)", "--title-zh": "short title, Chinese",
    "--name": "the notice's name in English, as its text source gives it", "--name-zh": "the notice's name, Chinese",
    "--issuer": "issuing body, English", "--issuer-zh": "issuing body, Chinese",
    "--issued": "date issued, YYYY-MM-DD",
    "--text-source": "id of the source page (docs/sources/) the notice's text is quoted from",
    "--view-source": "id of the source page of the interpretation on each provision",
}
SHORT_TITLE = {"en": "short title of this provision", "zh": "本条的简短标题"}
FIRST_PUBLISHED = {"en": "First published.", "zh": "首次发布。"}
DESCRIPTION = {"en": "one sentence for search results and link previews", "zh": "一句话说明，用于搜索结果和链接预览"}
# A page path: one page id per folder level, e.g. provisions/new-slug.
_PAGE_PATH = re.compile(rf"{ID_PATTERN}(?:/{ID_PATTERN})*")
_PAGE_ID = re.compile(ID_PATTERN)
_NAV = re.compile(r"^nav:", re.M)


if __name__ == "__main__":
    sys.exit(main())
