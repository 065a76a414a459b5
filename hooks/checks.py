"""Report every problem of every page staff wrote, in both editions, and of the built pages; each one WARNING line.

Events (each runs in the English build and again in the Chinese one, except on_startup):
- on_startup: `mkdocs serve` (the preview, `./site.sh serve`) is the only command whose pages show
  their own problems; `build` and `gh-deploy` never do. MkDocs passes the command to this event.
- on_config: MkDocs' own link warnings name the file staff edit and its line, and for a missing
  page or glossary entry the nearest ones; a link to an anchor of a page whose front matter has
  problems is not reported, that problem is (a logging filter, removed again at on_post_build /
  on_build_error); in the first build, a counter of both
  editions' problems starts, and files from other hosts that mkdocs.yml names (extra_css,
  extra_javascript, the theme's favicon, logo and font) are reported against mkdocs.yml and its key.
- on_files, priority -120 (after hooks/editions.py has read this edition's pages at -110): runs
  the checks of content/rules.py, per page, per edition and, in the Chinese build, per pair of
  pages, and logs their problems sorted by file and line.
- on_env, priority -100: every page is read, none rendered: titles become escaped text.
- on_page_content: each page's HTML, as Markdown made it, parsed as a browser parses it and held
  to the allowlist (content/safety.py, rendered_problems), the second layer after the source check.
- on_post_page: a built page that would load anything from another host is reported.
- on_post_build: stylesheets that load anything from another host are reported; in the Chinese
  build, a strict run ends with the count of both editions' problems, and in the preview each
  page written with problems gets them in a box at its top (overrides/partials/problems.html),
  once every problem is known (MkDocs checks anchors after writing the pages).
CONTRIBUTING.md ("Build messages and their fixes") lists every message.
"""

from __future__ import annotations

import difflib
import logging
import posixpath
import re
from functools import partial
from html import escape
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from content.layout import CHINESE, DEFAULT_LANGUAGE, ZH_DOCS_DIR_NAME, edition_source, is_chinese_build, source_label
from content.pages import EDITIONS, Problem, edition
from content.rules import EDITION_CHECKS, PAGE_CHECKS, PAIR_CHECKS
from content.published import css_external, external_resources, local_imports
from content.safety import escape_page_title, rendered_problems
from content.strings import STRINGS

log = logging.getLogger("mkdocs.hooks.checks")

# --- hooks ------------------------------------------------------------------


def on_startup(*, command: str, dirty: bool) -> None:
    _state["preview"] = command == PREVIEW_COMMAND


def on_config(config: MkDocsConfig) -> None:
    _remove_link_filters()
    logging.getLogger(MKDOCS_PAGES_LOGGER).addFilter(partial(_name_the_source, config))
    if not is_chinese_build(config):  # the first build of a run: count both editions' problems
        _problems_counted(reset=True)
        _state["written"] = {}
        for problem in config_problems(config):  # once: both editions share mkdocs.yml
            log.warning(str(problem))


# After hooks/editions.py (-110), which reads the pages this edition is built from.
@event_priority(-120)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    current = edition(config)
    problems: list[Problem] = []
    for record in current.records.values():
        if not record.fallback:
            problems += [problem for check in PAGE_CHECKS for problem in check(record, current.language)]
    problems += [problem for check in EDITION_CHECKS for problem in check(current, config)]
    if is_chinese_build(config):
        english = EDITIONS[DEFAULT_LANGUAGE].records
        for uri, record in current.records.items():
            if not record.fallback and uri in english and record.text.strip() and english[uri].text.strip():
                problems += [problem for check in PAIR_CHECKS for problem in check(record, english[uri])]
    for problem in sorted(set(problems), key=lambda p: (p.label, p.line or 0, p.text)):
        log.warning(str(problem))
    return files


# Late among on_env handlers, so any other sees the titles as written.
@event_priority(-100)
def on_env(env, *, config: MkDocsConfig, files: Files):
    # Every page is read and none rendered yet: titles become escaped text for every template.
    for file in files.documentation_pages():
        if file.page is not None:
            escape_page_title(file.page)
    return env


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The page as Markdown made it, read as a browser reads it: what the source check (the first
    # layer, at on_files) could not see; a line that check reported already is not reported again.
    # Before cross_links.py and translations.py (listed after this hook), whose additions are our templates'.
    # Whatever it finds is taken out of the page, so no build, a preview included, publishes it.
    record = edition(config).records.get(page.file.src_uri)
    if record is None or record.fallback:
        return html
    problems, html = rendered_problems(html, "\n".join(record.text.split("\n")[record.body_start :]), record.body_start + 1)
    reported = {line for line, _ in record.source_problems}
    for line, text in problems:
        if line not in reported and not (line is None and reported):
            log.warning(str(record.problem(line, text)))
    return html


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if _state.get("preview") and page.file.generated_by is None:  # where the preview shows this page's problems
        _state.setdefault("written", {})[source_label(config, page.file.src_uri)] = Path(page.file.abs_dest_path)
    from_config = set(_config_external(config))  # reported once, against mkdocs.yml (on_config)
    for url in external_resources(output):
        if url in from_config or (config.theme.get("font") and _host(url) in GOOGLE_FONTS_HOSTS):
            continue
        log.warning(
            f"{source_label(config, page.file.src_uri)}: the page would load {url} from another host; "
            "put the file in docs/assets/ and link it there, or link to the page instead of embedding it"
        )
    return output


def on_post_build(config: MkDocsConfig) -> None:
    _remove_link_filters()
    if not is_chinese_build(config):  # the stylesheets are shared: checked once
        for sheet in _stylesheets(Path(config.site_dir)):
            for url in css_external(sheet.read_text(encoding="utf-8", errors="replace")):
                where = sheet.relative_to(Path(config.site_dir).resolve()).as_posix()
                log.warning(f"{where}: the stylesheet would load {url} from another host; put the file in docs/assets/ and link it there")
    # MkDocs' own closing line counts the last build's warnings only, the Chinese edition's.
    total = _problems_counted()
    if is_chinese_build(config) and _state.get("preview"):
        _show_problems_on_pages(config)
    elif is_chinese_build(config) and config.strict and total:
        raise Abort(f"Aborted with {total} problem{'s' if total > 1 else ''} in the two editions together, each on a WARNING line above.")


def on_build_error(error: Exception) -> None:
    _remove_link_filters()


# --- helpers: the configuration ------------------------------------------------


def config_problems(config: MkDocsConfig) -> list[Problem]:
    """Files from other hosts that mkdocs.yml puts on every page, and a feedback address that is not one (FEEDBACK_URL):
    named by mkdocs.yml, its key and its line."""
    problems = [Problem(CONFIG_FILE, _config_line(config, url), f"'{key}' loads {url} from another host on every page; "
                        "save the file in the project (overrides/assets/) and name it there")
                for url, key in _config_external(config).items()]
    feedback = config.extra.get("feedback_url")
    if feedback and not re.match(r"(?i)(https://|mailto:)[^\s\"'<>]+$", feedback):
        problems.append(Problem(CONFIG_FILE, _config_line(config, "feedback_url:"), f"'extra.feedback_url' (FEEDBACK_URL) is {feedback!r}, "
                                "not an address starting with https:// or mailto:; set FEEDBACK_URL to the form, issue tracker or mailto: address"))
    if config.theme.get("font"):
        problems.append(Problem(CONFIG_FILE, _config_line(config, "font:"), "'theme.font' makes every page load fonts from "
                                "fonts.googleapis.com, another host; set 'font: false' (the site's stylesheet sets the fonts)"))
    return problems


def _config_external(config: MkDocsConfig) -> dict[str, str]:
    """URL on another host -> the mkdocs.yml key that names it."""
    named = [("extra_css", str(item)) for item in config.extra_css]
    named += [("extra_javascript", str(getattr(item, "path", item))) for item in config.extra_javascript]
    named += [(f"theme.{key}", str(config.theme.get(key))) for key in ("favicon", "logo") if config.theme.get(key)]
    return {url: key for key, url in named if _is_external_address(url)}


def _config_line(config: MkDocsConfig, needle: str) -> int | None:
    return _line_of(Path(config.config_file_path), needle) if config.config_file_path else None


def _is_external_address(url: str) -> bool:
    return bool(external_resources(f'<img src="{escape(url)}">'))


def _host(url: str) -> str:
    return re.sub(r"^[a-z][a-z0-9+.-]*:", "", url.strip(), flags=re.I).lstrip("/\\").split("/")[0].lower()


# --- helpers: MkDocs' own messages and the count ------------------------------


def _name_the_source(config: MkDocsConfig, record: logging.LogRecord) -> bool:
    """Logging filter: MkDocs' link warnings name docs/... or docs_zh/... and the line."""
    match = _MKDOCS_DOC_FILE.match(record.getMessage())
    if match is None:
        return True
    source = edition_source(config, match["uri"])
    if source is None and (Path(config.docs_dir) / match["uri"]).is_file():
        return False  # the Chinese build's English fallback: the English build reported it
    if source is None or not source.is_file():  # a generated page: keep MkDocs' words
        return True
    if _in_unread_front_matter(config, match["rest"]):
        return False
    line = _line_of(source, match["link"])
    suggestion = _suggestion(config, match)
    text = match["rest"].rstrip(".") + suggestion if suggestion else match["rest"]
    record.msg = str(Problem(source_label(config, match["uri"]), line, text))
    record.args = ()
    return True


def _in_unread_front_matter(config: MkDocsConfig, rest: str) -> bool:
    """A link to an anchor of a page whose front matter has problems (the glossary's terms are anchors
    made from it): that problem is reported, not every link to it; the links are checked again once it is fixed."""
    missing_anchor = _MISSING_ANCHOR.search(rest)
    target = edition(config).records.get(missing_anchor["doc"]) if missing_anchor else None
    return target is not None and target.page is None and bool(target.problems)


def _suggestion(config: MkDocsConfig, match: re.Match) -> str:
    """For a link to a missing page: the nearest page; to a missing glossary entry: the nearest terms; else ''."""
    pages = edition(config).records
    # Each part starts with "; ", joining it to MkDocs' words: "file:line: what is wrong; how to fix it".
    missing_page = _MISSING_PAGE.search(match["rest"])
    if missing_page:
        folder = posixpath.dirname(match["uri"])
        target = missing_page["target"] or posixpath.normpath(posixpath.join(folder, match["link"].split("#")[0]))
        close = difflib.get_close_matches(target, [uri for uri in pages if uri.endswith(".md")], n=1, cutoff=0.5)
        if not close:
            return "; " + "link to the page's .md file under docs/ (or docs_zh/)"
        return "; " + f"did you mean '{posixpath.relpath(close[0], folder or '.')}'?"
    missing_anchor = _MISSING_ANCHOR.search(match["rest"])
    glossary = pages.get(missing_anchor["doc"]) if missing_anchor else None
    if glossary is None or glossary.page is None or getattr(glossary.page, "kind", None) != "glossary":
        return ""
    terms = [term.id for term in glossary.page.terms]
    close = difflib.get_close_matches(missing_anchor["anchor"], terms, n=3, cutoff=0.3)
    return ("; " + f"the glossary has no term '{missing_anchor['anchor']}'; "
            + (f"nearest terms: {', '.join(close)}; " if close else "")
            + "link to one of its terms, or add the term to both glossary files")


def _show_problems_on_pages(config: MkDocsConfig) -> None:
    """The preview: every page written with problems gets them in a box at the top of its content."""
    by_label: dict[str, list[str]] = {}
    for message in _problems_logged():
        label = message.split(":", 1)[0]
        by_label.setdefault(label, []).append(message)
    template = jinja2.Environment(autoescape=True, loader=config.theme.get_env().loader).get_template(PROBLEMS_TEMPLATE)
    for label, path in _state.get("written", {}).items():
        if label in by_label and path.is_file():
            language = CHINESE if label.startswith(f"{ZH_DOCS_DIR_NAME}/") else DEFAULT_LANGUAGE
            box = template.render(t=STRINGS[language], problems=by_label[label]).strip()
            html = path.read_text(encoding="utf-8")
            top = _CONTENT_START.search(html) or _BODY_START.search(html)
            if top is not None:
                path.write_text(html[: top.end()] + box + html[top.end():], encoding="utf-8")


def _stylesheets(site: Path) -> list[Path]:
    """Every stylesheet of the built site: names ending in .css in any case, and every file one imports."""
    site = site.resolve()
    queue = sorted(path.resolve() for path in site.rglob("*") if path.suffix.lower() == ".css" and path.is_file())
    seen: set[Path] = set()
    while queue:
        sheet = queue.pop(0)
        if sheet not in seen:
            seen.add(sheet)
            queue += local_imports(sheet.read_text(encoding="utf-8", errors="replace"), sheet, site)
    return sorted(seen)


def _line_of(path: Path, link: str) -> int | None:
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    for needle in (f"]({link}", f'"{link}"', link):
        for number, line in enumerate(lines, start=1):
            if needle in line:
                return number
    return None


def _problems_counted(reset: bool = False) -> int:
    """WARNING lines logged since the first build of this run (a counter kept on MkDocs' logger)."""
    logger = logging.getLogger("mkdocs")
    counter = next((h for h in logger.handlers if isinstance(h, _ProblemCounter)), None)
    if reset or counter is None:
        if counter is not None:
            logger.removeHandler(counter)
        counter = _ProblemCounter(level=logging.WARNING)
        logger.addHandler(counter)
    return counter.counts.get(logging.WARNING, 0)


def _problems_logged() -> list[str]:
    """The WARNING (and ERROR) lines logged since the first build of this run, as printed."""
    logger = logging.getLogger("mkdocs")
    counter = next((h for h in logger.handlers if isinstance(h, _ProblemCounter)), None)
    return list(counter.messages) if counter is not None else []


class _ProblemCounter(CountHandler):
    """MkDocs' warning counter, but for the whole run (MkDocs makes a new one per build); keeps the lines too."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.messages: list[str] = []

    def handle(self, record: logging.LogRecord) -> bool:
        handled = super().handle(record)  # CountHandler counts here, not in emit
        if handled:
            self.messages.append(record.getMessage())
        return handled


def _remove_link_filters() -> None:
    """Remove our filter, also one left by an earlier load of this module (`mkdocs serve`)."""
    logger = logging.getLogger(MKDOCS_PAGES_LOGGER)
    for installed in list(logger.filters):
        if isinstance(installed, partial) and getattr(installed.func, "__name__", "") == _name_the_source.__name__:
            logger.removeFilter(installed)


# --- data -------------------------------------------------------------------

# The state of this run of `mkdocs` (kept across the preview's rebuilds, as csp.py and offline.py do):
# "preview", whether pages show their problems; "written", each source label -> its built page.
_state: dict = {}
PREVIEW_COMMAND = "serve"  # `mkdocs serve --clean` is passed as "build" by MkDocs: no box there either
PROBLEMS_TEMPLATE = "partials/problems.html"
_CONTENT_START = re.compile(r"<article\b[^>]*>", re.IGNORECASE)
_BODY_START = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
MKDOCS_PAGES_LOGGER = "mkdocs.structure.pages"
CONFIG_FILE = "mkdocs.yml"
GOOGLE_FONTS_HOSTS = ("fonts.googleapis.com", "fonts.gstatic.com")
# MkDocs 1.6 link and anchor warnings: "Doc file 'x.md' contains a link 'y.md', but ..."
# Its two endings that a suggestion completes.
# (MkDocs leaves out the target when it is the link as written.)
_MISSING_PAGE = re.compile(r"but the target (?:'(?P<target>[^']+)' )?is not found among documentation files")
_MISSING_ANCHOR = re.compile(r"but the doc '(?P<doc>[^']+)' does not contain an anchor '#(?P<anchor>[^']+)'")
_MKDOCS_DOC_FILE = re.compile(r"Doc file '(?P<uri>[^']+)' (?P<rest>contains [^']*'(?P<link>[^']*)'.*)", re.DOTALL)
