"""Add "Related provisions" to the foot of each provision and process page.

Events: on_page_markdown, priority -10 (after the marker renderers at 0, so the
section is always the last thing on the page). Markdown stage: the section
reaches the table of contents, and its relative `.md` links, anchors included,
are checked by MkDocs in strict mode. It is left out of the search index
(`data-search-exclude`): it repeats other pages' titles and views.

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

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
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
    display_title,
    md_link,
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
    section = render_related(cat, entry, files)
    return f"{markdown.rstrip()}\n\n{section}\n" if section else markdown


# --- helpers ----------------------------------------------------------------


def related_items(cat: Catalog, entry: Entry) -> list[tuple[Entry, dict[str, list[str]]]]:
    """Pages related to `entry`, each once with its reasons: named here, names this, shared tags.

    Order: named here, then naming this page, then shared tags only; each group in
    catalog order (provisions by number). Shared-tag-only pages beyond
    SHARED_TAG_LIMIT are left to the audience pages.
    """
    reasons: dict[str, dict[str, list[str]]] = {}
    for other_id in entry.related:
        if other_id in cat.entries and other_id != entry.id:
            reasons.setdefault(other_id, {}).setdefault(NAMED, [])
    for other_id in cat.named_by.get(entry.id, ()):
        if other_id in cat.entries:
            reasons.setdefault(other_id, {}).setdefault(NAMES_THIS, [])
    for tag in entry.applies_to:
        for other in cat.by_audience.get(tag, ()):
            if other.id != entry.id:
                reasons.setdefault(other.id, {}).setdefault(SHARED, []).append(tag)
    position = {other_id: index for index, other_id in enumerate(cat.entries)}

    def rank(other_id: str) -> tuple[int, int]:
        kinds = reasons[other_id]
        return (0 if NAMED in kinds else 1 if NAMES_THIS in kinds else 2, position[other_id])

    ordered = sorted(reasons, key=rank)
    explicit = [other_id for other_id in ordered if rank(other_id)[0] < 2]
    by_tag_only = [other_id for other_id in ordered if rank(other_id)[0] == 2][:SHARED_TAG_LIMIT]
    return [(cat.entries[other_id], reasons[other_id]) for other_id in explicit + by_tag_only]


def render_related(cat: Catalog, entry: Entry, files: Files) -> str:
    language = cat.language
    words = LABELS[language]
    items = [_item(other, why, entry.src_uri, language) for other, why in related_items(cat, entry)]
    if not items:
        return ""
    # Not indexed for search: it repeats other pages' titles and views, so a search would find
    # every page that lists a provision instead of the provision itself.
    heading = f"## {words['heading']} {{ #{SECTION_ID} data-search-exclude }}"
    parts = [heading, "", f'<div class="related-provisions {CROSS_LINKS_CLASS}" markdown>', ""]
    parts += ["\n\n".join(items), ""]
    if entry.applies_to:
        audiences = audience_links(entry.applies_to, entry.src_uri, files, language)
        parts += [f"{words['all_for']}{audiences}", "{ .related-provisions__audiences }", ""]
    parts.append("</div>")
    return "\n".join(parts)


def _item(other: Entry, why: dict[str, list[str]], from_src_uri: str, language: str) -> str:
    words = LABELS[language]
    reasons = [words[kind] for kind in (NAMED, NAMES_THIS) if kind in why]
    if SHARED in why:
        tags = words["tag_separator"].join(audience_label(tag, language) for tag in why[SHARED])
        reasons.append(words[SHARED].format(tags=tags))
    lines = [
        f"-   **[{md_text(display_title(other, language))}]({md_link(from_src_uri, other.src_uri)})**",
        "",
        f"    {md_text(words['reason_separator'].join(reasons))}",
        "    { .related-provisions__why }",
    ]
    if other.has_view_anchor:
        view = f"[{TEXT[language]['view']}]({md_link(from_src_uri, other.src_uri, VIEW_ANCHOR)})"
        summary = f"{words['colon']}{md_text(other.summary)}" if other.summary else ""
        lines += ["", f"    {view}{summary}", f"    {{ .{VIEW_EXCERPT_CLASS} }}"]
    return "\n".join(lines)


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
