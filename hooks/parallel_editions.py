"""Build the Chinese edition in a second process while the English edition builds.

Events (all in the English build; the Chinese build runs them and does nothing):
- on_startup: only `mkdocs build` builds in parallel. `mkdocs serve` keeps one
  process: its server threads and a fork do not mix, and it rebuilds often.
- on_nav, priority -200: after mkdocs-static-i18n (-100) and audience_pages.py
  (-110) have set up the English files, navigation and pages, fork. The child
  builds the Chinese edition into the same folder, as mkdocs-static-i18n would
  after the English one (its sitemap needs the English pages, which exist now),
  and exits; the parent goes on with the English pages.
- on_post_template: the English build writes no root sitemap.xml; the Chinese
  build writes it, with both editions, as it does in sequence.
- on_post_build, priority 50: before Material's search plugin (0) and
  mkdocs-static-i18n (-100). Waits for the child; if the Chinese edition failed,
  so does this build. Then tells mkdocs-static-i18n the other editions are built
  (its `building` flag, which its on_post_build checks);
- on_shutdown: gives the flag back;
- on_build_error: an English build that fails stops the Chinese one.

mkdocs-static-i18n builds the editions one after the other in one process, so
a build takes the sum of both; on two cores this takes the longer of the two.
The files both processes write are the same in both (theme assets) or written
by one only (search indexes: hooks/search_editions.py; 404 pages and sitemaps:
hooks/edition_files.py and above), so the site is byte for byte the one a
sequential build makes (tests/test_parallel_editions.py compares them).
EDITIONS_IN_SEQUENCE=1 in the environment, or a system without fork, builds
in sequence.

Before the fork, gc.freeze() keeps the garbage collector's passes off the
objects both processes share, which would otherwise each be copied for each
process (about 3% less CPU time for the real site's build).

The child's pid is module state between this process's events: one English
build at a time, and it is cleared when the build ends or fails.
"""

from __future__ import annotations

import gc
import logging
import os
import signal
import sys

from mkdocs import utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from shared import current_language

log = logging.getLogger("mkdocs.hooks.parallel_editions")

# --- hooks ------------------------------------------------------------------


def on_startup(*, command: str, dirty: bool) -> None:
    _state["command"] = command
    _state["dirty"] = dirty


# After mkdocs-static-i18n (-100) and audience_pages.py (-110): see the module docstring.
@event_priority(-200)
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    i18n = config.plugins["i18n"]
    others = [language for language in i18n.build_languages if language != current_language(config)]
    if _state.get("command") != "build" or i18n.building or not others or not _can_fork():
        return nav
    # MkDocs makes the pages of files outside the navigation after on_nav; the Chinese
    # build's sitemap lists every English page, so make them now, as MkDocs would.
    for file in files.documentation_pages(inclusion=InclusionLevel.is_included):
        if file.page is None and file.inclusion.is_not_in_nav():
            Page(None, file, config)
    _load_jieba()
    sys.stdout.flush()
    sys.stderr.flush()
    # Objects made so far are shared by both processes until one writes to them; the
    # garbage collector's passes write to every object it visits. Frozen, they are
    # left out of its passes (Python's gc documentation advises this before a fork).
    gc.freeze()
    pid = os.fork()
    if pid == 0:
        _build_in_child(config, others)
    log.info(f"Building {', '.join(others)} in a second process (pid {pid}) while {current_language(config)} builds")
    _state["child"] = pid
    return nav


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name == SITEMAP and "child" in _state:
        return ""  # the Chinese build writes it, listing both editions
    return output_content


# Before Material's search plugin (0) and mkdocs-static-i18n (-100).
@event_priority(50)
def on_post_build(config: MkDocsConfig) -> None:
    pid = _state.pop("child", None)
    if pid is None:
        return
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise Abort("Aborted: the Chinese edition did not build (its messages are above)")
    i18n = config.plugins["i18n"]
    i18n.building = True  # its on_post_build then leaves the other editions alone
    _state["handed_over"] = i18n


def on_shutdown() -> None:
    i18n = _state.pop("handed_over", None)
    if i18n is not None:
        i18n.building = False


def on_build_error(*, error: Exception) -> None:
    pid = _state.pop("child", None)
    if pid is not None:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)


# --- helpers ----------------------------------------------------------------


def _can_fork() -> bool:
    return hasattr(os, "fork") and os.environ.get(SEQUENTIAL_VARIABLE, "") not in ("1", "true", "yes")


def _load_jieba() -> None:
    """Load jieba's dictionary (about 0.6 s) once, before the fork, instead of once in each process.

    Material's search plugin segments Chinese text with jieba, which loads its
    dictionary on first use; both editions have Chinese text, so it is needed anyway.
    """
    jieba = sys.modules.get("jieba")
    if jieba is not None:
        jieba.initialize()


def _build_in_child(config: MkDocsConfig, languages: list[str]) -> None:
    """Build `languages` as mkdocs-static-i18n's on_post_build would, then leave the process."""
    from mkdocs.commands.build import build

    code = 1
    try:
        i18n = config.plugins["i18n"]
        i18n.building = True
        utils.clean_directory = lambda _: None  # the English build cleaned the folder and is writing to it
        logging.getLogger("mkdocs.commands.build").addFilter(_QuietNestedBuild())
        for language in languages:
            i18n.current_language = language
            build(config, dirty=bool(_state.get("dirty")))
        code = 0
    except Abort as error:
        log.error(f"{error}")
    except BaseException:  # noqa: BLE001 - anything else, shown, and the English build fails too
        log.exception("the Chinese edition's build failed")
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


class _QuietNestedBuild(logging.Filter):
    """Drop the lines a nested build repeats ('Building documentation to directory', 'built in')."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(("Building documentation to directory", "Documentation built in"))


# --- data -------------------------------------------------------------------

SEQUENTIAL_VARIABLE = "EDITIONS_IN_SEQUENCE"
SITEMAP = "sitemap.xml"
_state: dict = {}
