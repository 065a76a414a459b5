"""Long generated lists continue on numbered pages (no events of its own).

Used by provision_cards.py, reindeer_views.py and audience_pages.py, so that
no page grows with the site (bench/build_bench.py measures the largest page).
A list of more than `extra.list_page_size` items (mkdocs.yml; PAGE_SIZE when
unset) shows its first items where it stands and continues on generated pages
beside that page, each with a pager:

    views.md                 -> views/page-2.md, views/page-3.md, ...
    provisions/index.md      -> provisions/page-2.md, ...
    audiences/category-a.md  -> audiences/category-a/page-2.md, ...

The hook that renders a list makes its continuation pages in its own `on_files`
(add_continuations; add_marker_continuations for a list a marker renders) and,
at render time, asks which page it is on (list_page; marker_list_page).
When several pages hold the same list (the home page and the provisions index
both show the cards), the continuation pages belong to one of them, its owner
(list_owner): the first that is not the home page. The others show the first
items with the owner's pager, so the home page previews the list instead of
repeating all its pages.
Continuation pages are generated pages of the build's edition
(generated_files.py): the language switch leads to the same page number in the
other edition, the sitemap lists them, search leaves them out (they repeat the
pages the list links to), and they are not in the navigation.
"""

from __future__ import annotations

import logging
import math
import posixpath
from collections.abc import Sequence
from typing import NamedTuple

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from catalog import CROSS_LINKS_CLASS, Catalog, Host, escape, html_link, md_text, url_link
from generated_files import front_matter, generated_page, list_in_sitemap
from shared import source_label

log = logging.getLogger("mkdocs.hooks.paging")

# --- helpers ----------------------------------------------------------------


class ListPage(NamedTuple):
    """Where a page stands in a list: `host` is the src_uri of the list's first page."""

    host: str
    number: int
    count: int


def page_size(config: MkDocsConfig) -> int:
    """Items per page of a generated list: `extra.list_page_size` in mkdocs.yml, else PAGE_SIZE."""
    size = config.extra.get("list_page_size", PAGE_SIZE)
    return size if isinstance(size, int) and size > 0 else PAGE_SIZE


def page_count(total: int, size: int) -> int:
    return max(1, math.ceil(total / size))


def continuation_src_uri(host: str, number: int) -> str:
    """'views.md', 2 -> 'views/page-2.md'; an index.md's list continues in its own folder."""
    stem = host.removesuffix(".md")
    folder = posixpath.dirname(stem) if posixpath.basename(stem) == "index" else stem
    return posixpath.join(folder, f"page-{number}.md")


def list_owner(hosts: Sequence[Host]) -> Host | None:
    """Of the pages holding a list, the one its continuation pages belong to (see above)."""
    return next((host for host in hosts if host.kind != HOME_KIND), hosts[0] if hosts else None)


def list_page(file: File, total: int, config: MkDocsConfig, owner: str | None = None) -> ListPage:
    """The page of its list that `file` shows: a continuation page, else the first page.

    `owner`: src_uri of the page the list's pages belong to, when not `file` itself.
    """
    host, number = getattr(file, _ATTRIBUTE, (owner or file.src_uri, 1))
    return ListPage(host, number, page_count(total, page_size(config)))


def page_items(items: Sequence, page: ListPage, config: MkDocsConfig) -> Sequence:
    size = page_size(config)
    return items[(page.number - 1) * size : page.number * size]


def add_continuations(files: Files, config: MkDocsConfig, host: str, total: int) -> list[File]:
    """Generate pages 2.. of the list held by `host` (empty; the caller writes their Markdown).

    A Markdown file already at a continuation's path keeps its place; the build is
    told to delete it (the list's pages are generated), and the list stops before it.
    """
    made = []
    for number in range(2, page_count(total, page_size(config)) + 1):
        src_uri = continuation_src_uri(host, number)
        if src_uri in files.src_uris:
            log.warning(
                f"{source_label(config, src_uri)}: this path holds page {number} of the list on "
                f"{source_label(config, host)} (hooks/paging.py); delete or move this file"
            )
            break
        file = generated_page(config, src_uri)
        setattr(file, _ATTRIBUTE, (host, number))
        files.append(file)
        made.append(file)
    list_in_sitemap(config, made)
    return made


def add_marker_continuations(files: Files, config: MkDocsConfig, cat: Catalog, marker: str, total: int) -> None:
    """Continuation pages of the list `marker` renders, on its owner; each holds the marker itself."""
    owner = list_owner(cat.hosts.get(marker, ()))
    if owner is None:
        return
    for file in add_continuations(files, config, owner.src_uri, total):
        page = list_page(file, total, config)
        body = f"<!-- {marker} -->"
        file.content_string = continuation_markdown(owner.title, owner.description, page, body, cat.language)


def marker_list_page(file: File, cat: Catalog, marker: str, total: int, config: MkDocsConfig) -> ListPage:
    """The page of the list `marker` renders that `file` shows (its owner's first page on other hosts)."""
    owner = list_owner(cat.hosts.get(marker, ()))
    return list_page(file, total, config, owner.src_uri if owner else None)


def continuation_markdown(title: str, description: str, page: ListPage, body: str, language: str) -> str:
    """The Markdown of a continuation page: its own title and H1 ('…, page 2 of 5'), then `body`."""
    numbered = LABELS[language]["title"].format(title=title, number=page.number, count=page.count)
    return "\n".join(
        [
            *front_matter(numbered, description, "search:", "  exclude: true"),
            f"# {md_text(numbered)} {{ #list-page }}",
            "",
            body,
            "",
        ]
    )


def pager(from_file: File, files: Files, page: ListPage, language: str) -> str:
    """Links to every page of the list, the current one marked; '' for a one-page list."""
    if page.count < 2:
        return ""
    words = LABELS[language]

    def target(number: int) -> File | None:
        return files.src_uris.get(page.host if number == 1 else continuation_src_uri(page.host, number))

    parts = []
    previous = target(page.number - 1) if page.number > 1 else None
    if previous:
        parts.append(f'<a rel="prev" href="{escape(url_link(from_file, previous))}">{escape(words["previous"])}</a>')
    for number in range(1, page.count + 1):
        linked = target(number)
        if number == page.number:
            parts.append(f'<span aria-current="page">{number}</span>')
        elif linked:
            parts.append(html_link(from_file, linked, str(number)))
    following = target(page.number + 1) if page.number < page.count else None
    if following:
        parts.append(f'<a rel="next" href="{escape(url_link(from_file, following))}">{escape(words["next"])}</a>')
    label = escape(words["label"])
    return f'<nav class="list-pager {CROSS_LINKS_CLASS}" aria-label="{label}" data-search-exclude>{" ".join(parts)}</nav>'


# --- data -------------------------------------------------------------------

# About 40 items keep a list page well under 60 KB in either edition (bench/build_bench.py).
PAGE_SIZE = 40
HOME_KIND = "home"
_ATTRIBUTE = "_reindeer_list_page"
LABELS = {
    "en": {
        "title": "{title}, page {number} of {count}",
        "label": "Pages of this list",
        "previous": "← Previous",
        "next": "Next →",
    },
    "zh": {
        "title": "{title}（第 {number}/{count} 页）",
        "label": "列表分页",
        "previous": "← 上一页",
        "next": "下一页 →",
    },
}
