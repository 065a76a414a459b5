"""Generate one page per audience (audiences/<tag>.md) from the pages' `applies_to`, in each edition.

Events:
- on_files, priority -120: after mkdocs-static-i18n (-100), which re-creates
  every file, and hooks/zh_overlay.py (-110), which points the Chinese build at
  docs_zh/; so the catalog read here is the current edition's. Adds
  audiences/index.md and audiences/<tag>.md for every tag some page uses, as
  `File.generated` pages in the build's language.
- on_nav, priority -110: after mkdocs-static-i18n's on_nav (-100), which
  rebuilds the navigation; adds the section "Who it applies to" / "适用对象"
  after the provisions and links the pages' previous/next in reading order.

Each audience page lists the provisions and process pages tagged for that
audience, with the page's description as the line on why it applies and the
first sentence of its Reindeer View. The list is HTML that skips Markdown
(catalog.defer_html says why), left out of the search index (it repeats the
provision pages); the title and introduction are indexed, so a search for an
audience finds its page. A long list continues on numbered pages (hooks/paging.py: audiences/<tag>/page-2.md, ...). The pages are
made by generated_files.py, shaped like mkdocs-static-i18n's own files, so the
language switch leads to the same audience page in the other edition and the
sitemap lists them; on_nav places the first page of each audience itself.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section

from catalog import (
    AUDIENCE_FOLDER,
    CROSS_LINKS_CLASS,
    TEXT,
    VIEW_ANCHOR,
    VIEW_EXCERPT_CLASS,
    Catalog,
    Entry,
    audience_label,
    audience_links,
    audience_src_uri,
    catalog,
    defer_html,
    display_title,
    escape,
    html_link,
    md_text,
)
from content_schema import AUDIENCES
from generated_files import front_matter, generated_page, list_in_sitemap
from paging import add_continuations, continuation_markdown, list_page, page_items, pager
from shared import current_language, source_label

log = logging.getLogger("mkdocs.hooks.audience_pages")

# --- hooks ------------------------------------------------------------------


# After mkdocs-static-i18n (-100) and zh_overlay (-110): see the module docstring.
@event_priority(-120)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    cat = catalog(files, config)
    tags = [tag for tag, entries in cat.by_audience.items() if entries]
    wanted = [INDEX_SRC_URI, *(audience_src_uri(tag) for tag in tags)] if tags else []
    taken = [src_uri for src_uri in wanted if src_uri in files.src_uris]
    for src_uri in taken:
        log.warning(
            f"{source_label(config, src_uri)}: audience pages are generated from the pages' "
            "applies_to (hooks/audience_pages.py); delete this file"
        )
    if not wanted or taken:
        return files
    # The audience pages link to each other: every file exists before any is rendered.
    generated = {src_uri: generated_page(config, src_uri) for src_uri in wanted}
    for file in generated.values():
        files.append(file)
    list_in_sitemap(config, list(generated.values()))
    pages = {}
    for tag in tags:
        more = add_continuations(files, config, audience_src_uri(tag), len(_listed(cat, tag, files)))
        pages[tag] = [generated[audience_src_uri(tag)], *more]
    generated[INDEX_SRC_URI].content_string = render_index(cat, tags, files)
    for tag, tag_pages in pages.items():
        for file in tag_pages:
            file.content_string = render_audience(cat, tag, file, files, config)
    return files


# After mkdocs-static-i18n's on_nav (-100), which rebuilds the navigation.
@event_priority(-110)
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    wanted = [INDEX_SRC_URI, *(audience_src_uri(tag) for tag in AUDIENCES)]
    pages = [
        files.src_uris[src_uri].page
        for src_uri in wanted
        if src_uri in files.src_uris and files.src_uris[src_uri].generated_by is not None
    ]
    pages = [page for page in pages if page is not None and page not in nav.pages]
    if not pages:
        return nav
    section = Section(LABELS[current_language(config)]["section"], children=list(pages))
    for page in pages:
        page.parent = section
    nav.items.insert(_after_provisions(nav.items, catalog(files, config)), section)
    nav.pages[:] = _pages_in(nav.items)
    for before, page, after in zip([None, *nav.pages[:-1]], nav.pages, [*nav.pages[1:], None], strict=True):
        page.previous_page, page.next_page = before, after
    return nav


# --- helpers ----------------------------------------------------------------


def render_audience(cat: Catalog, tag: str, this: File, files: Files, config: MkDocsConfig) -> str:
    """The Markdown of audiences/<tag>.md, or of a continuation page, in the catalog's language."""
    language = cat.language
    words = LABELS[language]
    label = audience_label(tag, language)
    entries = _listed(cat, tag, files)
    page = list_page(this, len(entries), config)
    items = [_audience_item(entry, tag, this, files, language) for entry in page_items(entries, page, config)]
    back = html_link(this, files.src_uris[INDEX_SRC_URI], words["all"])
    html = "\n".join(
        [
            f'<div class="audience-page {CROSS_LINKS_CLASS}" data-search-exclude>',
            "<ul>",
            *items,
            "</ul>",
            "</div>",
            pager(this, files, page, language),
            "",
            f"<p>{back}</p>",
        ]
    )
    listing = defer_html(this, html)
    description = words["description"].format(audience=label)
    if page.number > 1:
        return continuation_markdown(label, description, page, listing, language)
    return "\n".join(
        [*front_matter(label, description), f"# {md_text(label)} {{ #{tag} }}", "", md_text(words["intro"]), "", listing, ""]
    )


def render_index(cat: Catalog, tags: list[str], files: Files) -> str:
    """The Markdown of audiences/index.md: every audience page with how many pages it lists."""
    language = cat.language
    words = LABELS[language]
    this = files.src_uris[INDEX_SRC_URI]
    items = [
        f"<li>{html_link(this, files.src_uris[audience_src_uri(tag)], audience_label(tag, language))}"
        f"{escape(words['colon'] + _count(len(cat.by_audience[tag]), language))}</li>"
        for tag in tags
    ]
    return "\n".join(
        [
            *front_matter(words["section"], words["index_description"]),
            f"# {md_text(words['section'])} {{ #audiences }}",
            "",
            md_text(words["index_intro"]),
            "",
            f'<ul class="audience-index {CROSS_LINKS_CLASS}" data-search-exclude>',
            *items,
            "</ul>",
            "",
        ]
    )


def _audience_item(entry: Entry, tag: str, from_file: File, files: Files, language: str) -> str:
    words = LABELS[language]
    target = files.src_uris[entry.src_uri]
    parts = [f"<li><p><strong>{html_link(from_file, target, display_title(entry, language))}</strong></p>"]
    if entry.description:
        parts.append(f"<p>{escape(words['why'] + entry.description)}</p>")
    if entry.has_view_anchor:
        view = html_link(from_file, target, TEXT[language]["view"], VIEW_ANCHOR)
        summary = escape(words["colon"] + entry.summary) if entry.summary else ""
        parts.append(f'<p class="{VIEW_EXCERPT_CLASS}">{view}{summary}</p>')
    others = tuple(other for other in entry.applies_to if other != tag)
    if others:
        also = audience_links(others, from_file, files, language)
        parts.append(f'<p class="audience-page__also">{escape(words["also"])}{also}</p>')
    return "".join(parts) + "</li>"


def _after_provisions(items: list, cat: Catalog) -> int:
    """Where the section goes: right after the top-level item holding the provision pages, else last."""
    provision_pages = {entry.src_uri for entry in cat.entries.values() if entry.kind == "provision"}
    for index, item in enumerate(items):
        if any(page.file.src_uri in provision_pages for page in _pages_in([item])):
            return index + 1
    return len(items)


def _pages_in(items: list) -> list:
    """The pages of a navigation tree in reading order."""
    pages = []
    for item in items:
        if getattr(item, "is_page", False):
            pages.append(item)
        elif getattr(item, "is_section", False):
            pages += _pages_in(item.children)
    return pages


def _listed(cat: Catalog, tag: str, files: Files) -> list[Entry]:
    return [entry for entry in cat.by_audience[tag] if entry.src_uri in files.src_uris]


def _count(count: int, language: str) -> str:
    words = LABELS[language]
    return (words["count_one"] if count == 1 else words["count_many"]).format(count=count)


# --- data -------------------------------------------------------------------

INDEX_SRC_URI = f"{AUDIENCE_FOLDER}/index.md"
LABELS = {
    "en": {
        "section": "Who it applies to",
        "description": "Provisions and Reindeer Views that apply to {audience}, and why.",
        "intro": "The provisions and processes on this site that apply to this group, each with why it "
        "applies and the opening of its Reindeer View.",
        "index_description": "Find the provisions and Reindeer Views that apply to you.",
        "index_intro": "Pick the group you belong to; each page lists the provisions that apply to it.",
        "why": "Why it applies: ",
        "also": "Also for: ",
        "colon": ": ",
        "all": "All groups",
        "count_one": "1 page",
        "count_many": "{count} pages",
    },
    "zh": {
        "section": "适用对象",
        "description": "适用于{audience}的条款与灵达观点，及其适用原因。",
        "intro": "本站适用于这一群体的条款和流程，每项附适用原因和灵达观点的开头。",
        "index_description": "查找适用于您的条款与灵达观点。",
        "index_intro": "选择您所属的群体；每个页面列出适用于该群体的条款。",
        "why": "适用原因：",
        "also": "同样适用于：",
        "colon": "：",
        "all": "全部适用对象",
        "count_one": "1 项",
        "count_many": "{count} 项",
    },
}
