"""Add "Related provisions" to the foot of each provision and process page.

Events: on_page_markdown, priority -10 (after the marker renderers at 0, so the
section is always the last thing on the page). Its heading is Markdown, so it
reaches the table of contents; the list is HTML that skips Markdown
(catalog.defer_html says why), its links made from the build's `files`. The section is left out of the search
index (`data-search-exclude`): it repeats other pages' titles and views.

A page lists, each once: the pages named in its `related` front matter, the
pages whose `related` names it (if 5 names 1, page 1 lists 5), and the pages
sharing an `applies_to` tag with it; each with the reason, its title in the
reader's language and the first sentence of its Reindeer View, linked straight
to `#reindeer-view`. Pages related by tag alone are capped at SHARED_TAG_LIMIT
(the audience pages, linked below the list, show them all). Everything comes
from the build's own catalog (catalog.py), so each edition shows its own titles
and views and nothing is carried from one build to the next. Unknown ids are
skipped here; hooks/validate_content.py reports them.
"""

from __future__ import annotations

import heapq

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from catalog import (
    CROSS_LINKS_CLASS,
    TEXT,
    VIEW_ANCHOR,
    VIEW_EXCERPT_CLASS,
    Catalog,
    Entry,
    audience_label,
    audience_links,
    catalog,
    defer_html,
    display_title,
    escape,
    html_link,
    md_text,
)

# --- hooks ------------------------------------------------------------------


# After the marker renderers (0): the section closes the page.
@event_priority(-10)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    cat = catalog(files, config)
    entry = cat.by_src_uri.get(page.file.src_uri)
    if entry is None:
        return markdown
    section = render_related(cat, entry, page.file, files)
    return f"{markdown.rstrip()}\n\n{section}\n" if section else markdown


# --- helpers ----------------------------------------------------------------


def related_items(cat: Catalog, entry: Entry) -> list[tuple[Entry, dict[str, list[str]]]]:
    """Pages related to `entry`, each once with its reasons: named here, names this, shared tags.

    Order: named here, then naming this page, then sharing a tag only; each group in
    catalog order (provisions by number). Only the first SHARED_TAG_LIMIT pages of
    the last group are taken (the audience pages list them all), so a page costs
    the same however many pages share its tags.
    """
    by_order = cat.order.__getitem__
    named = sorted({i for i in entry.related if i in cat.entries and i != entry.id}, key=by_order)
    naming_all = {i for i in cat.named_by.get(entry.id, ()) if i in cat.entries}
    naming = sorted(naming_all.difference(named), key=by_order)
    chosen = [*named, *naming]
    taken = {entry.id, *chosen}
    sharing = heapq.merge(*(cat.by_audience.get(tag, ()) for tag in entry.applies_to), key=lambda e: by_order(e.id))
    for other in sharing:
        if len(chosen) - len(named) - len(naming) >= SHARED_TAG_LIMIT:
            break
        if other.id not in taken:
            taken.add(other.id)
            chosen.append(other.id)
    items = []
    for other_id in chosen:
        other = cat.entries[other_id]
        why: dict[str, list[str]] = {}
        if other_id in named:
            why[NAMED] = []
        if other_id in naming_all:
            why[NAMES_THIS] = []
        shared = [tag for tag in entry.applies_to if tag in other.applies_to]
        if shared:
            why[SHARED] = shared
        items.append((other, why))
    return items


def render_related(cat: Catalog, entry: Entry, from_file: File, files: Files) -> str:
    """A Markdown heading (table of contents) and HTML set aside (catalog.defer_html)."""
    language = cat.language
    words = LABELS[language]
    items = [
        _item(other, why, from_file, files.src_uris[other.src_uri], language)
        for other, why in related_items(cat, entry)
        if other.src_uri in files.src_uris
    ]
    if not items:
        return ""
    # Not indexed for search: it repeats other pages' titles and views, so a search would find
    # every page that lists a provision instead of the provision itself.
    heading = f"## {md_text(words['heading'])} {{ #{SECTION_ID} data-search-exclude }}"
    parts = [f'<div class="related-provisions {CROSS_LINKS_CLASS}" data-search-exclude>', "<ul>", *items, "</ul>"]
    if entry.applies_to:
        audiences = audience_links(entry.applies_to, from_file, files, language)
        parts.append(f'<p class="related-provisions__audiences">{escape(words["all_for"])}{audiences}</p>')
    parts.append("</div>")
    return heading + defer_html(from_file, "\n".join(parts))


def _item(other: Entry, why: dict[str, list[str]], from_file: File, target: File, language: str) -> str:
    words = LABELS[language]
    reasons = [words[kind] for kind in (NAMED, NAMES_THIS) if kind in why]
    if SHARED in why:
        tags = words["tag_separator"].join(audience_label(tag, language) for tag in why[SHARED])
        reasons.append(words[SHARED].format(tags=tags))
    parts = [
        f"<li><p><strong>{html_link(from_file, target, display_title(other, language))}</strong></p>",
        f'<p class="related-provisions__why">{escape(words["reason_separator"].join(reasons))}</p>',
    ]
    if other.has_view_anchor:
        view = html_link(from_file, target, TEXT[language]["view"], VIEW_ANCHOR)
        summary = f"{escape(words['colon'])}{escape(other.summary)}" if other.summary else ""
        parts.append(f'<p class="{VIEW_EXCERPT_CLASS}">{view}{summary}</p>')
    return "".join(parts) + "</li>"


# --- data -------------------------------------------------------------------

SECTION_ID = "related-provisions"
SHARED_TAG_LIMIT = 12
NAMED, NAMES_THIS, SHARED = "named", "names_this", "shared"
LABELS = {
    "en": {
        "heading": "Related provisions",
        NAMED: "Listed as related on this page",
        NAMES_THIS: "Refers to this page",
        SHARED: "Also for: {tags}",
        "tag_separator": ", ",
        "reason_separator": " · ",
        "colon": ": ",
        "all_for": "Everything for: ",
    },
    "zh": {
        "heading": "相关条款",
        NAMED: "本页列为相关",
        NAMES_THIS: "该页引用了本页",
        SHARED: "同样适用于：{tags}",
        "tag_separator": "、",
        "reason_separator": " · ",
        "colon": "：",
        "all_for": "全部相关内容：",
    },
}
