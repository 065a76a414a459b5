"""Cross-links, all generated from front matter: notices, lists, audience pages, glossary links.

Events, in the order they run in each edition's build:
- on_env: gives the templates in overrides/ the table of UI words (content/strings.yml), the
  page's QR code (content/codes.py) and, when publishing sets FEEDBACK_URL, `feedback_href`
  (overrides/partials/page-feedback.html).
- on_files, priority -120 (after hooks/editions.py has read this edition's pages at -110): adds the generated audience pages (audiences/<tag>.md
  for every tag without a situation guide, and audiences/index.md).
- on_nav, priority -110 (after mkdocs-static-i18n's on_nav at -100, which rebuilds the nav): adds
  a section per notice in force (its page, then its provisions by number), one entry for the
  earlier notices, and "Who it applies to".
- on_page_markdown, default priority: "Also called" under the title, the markers (<!-- provisions:cards -->, <!-- reindeer:views -->,
  <!-- glossary:terms -->, <!-- changes:list -->: What's new), a notice's facts, a provision's notice
  line and banner, "Part of" the guides whose steps use a page, a guide's "Step by step" (front
  matter `steps`), the list at the foot of guides and audience pages, and "Related provisions".
- on_page_content, default priority (before Material's search reads the page at on_page_context):
  the first use of each glossary term links to its entry.
"""

from __future__ import annotations

import re
from functools import partial
from itertools import groupby

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from content.catalog import Catalog, Entry, Notice, excerpt, md_text, term_ids_in
from content.changes import site_changes
from content.codes import page_code, published_address
from content.glossary import link_terms
from content.layout import AUDIENCE_FOLDER, CHINESE, FEED, NOTICES_FOLDER, SOURCES_FOLDER, DEFAULT_LANGUAGE, current_language, edition_prefix, other_language
from content.model import AUDIENCES, GUIDE_SECTIONS, MARKERS, GuidePage
from content.pages import edition, twin
from content.render import audience_label, audience_src_uri, current, feedback_href, href, render, view_name
from content.strings import STRINGS

# --- hooks ------------------------------------------------------------------


def on_env(env, *, config: MkDocsConfig, files: Files):
    env.globals["site_strings"] = STRINGS  # the words of our own templates (overrides/)
    env.globals["page_code"] = partial(page_code, config)  # overrides/partials/page-code.html
    if config.extra.get("feedback_url"):
        env.globals["feedback_href"] = partial(feedback_href, config.extra["feedback_url"])
    return env


# After mkdocs-static-i18n (-100), which re-creates every file, and editions.py (-110).
@event_priority(-120)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    cat = edition(config).catalog
    for file in files.documentation_pages():
        if file.src_uri.startswith((f"{NOTICES_FOLDER}/", f"{AUDIENCE_FOLDER}/", f"{SOURCES_FOLDER}/")):
            file.inclusion = InclusionLevel.NOT_IN_NAV  # on_nav places notices and guides; sources are linked from them
    wanted = [tag for tag in AUDIENCES if cat.by_audience[tag] and tag not in cat.guides]
    generated = [generated_page(config, audience_src_uri(cat, tag)) for tag in wanted if audience_src_uri(cat, tag) not in files.src_uris]
    if (cat.guides or wanted) and AUDIENCE_INDEX not in files.src_uris:
        generated.append(generated_page(config, AUDIENCE_INDEX))
    for file in generated:
        files.append(file)
    i18n = config.plugins["i18n"]
    i18n.i18n_files_per_language.setdefault(current_language(config), []).extend(generated)  # its sitemap
    return files


# After mkdocs-static-i18n's on_nav (-100), which rebuilds the navigation.
@event_priority(-110)
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    cat = edition(config).catalog
    words = STRINGS[cat.language]
    now = [notice for notice in cat.notices.values() if notice.current]
    earlier = [notice for notice in cat.notices.values() if not notice.current]
    notices = [_section(n.title, [n.src_uri, *(e.src_uri for e in cat.by_notice[n.id])], files) for n in now]
    if earlier:  # one entry holding their own pages only: the menu does not grow with the site's history
        notices.append(_section(words["earlier_notices"], [notice.src_uri for notice in earlier], files))
    if len(cat.notices) > 1:
        notices = [Section(words["notices_section"], children=notices)]
    tags = [tag for tag in AUDIENCES if audience_src_uri(cat, tag) in files.src_uris]
    audiences = _section(words["audiences_section"], [AUDIENCE_INDEX, *(audience_src_uri(cat, tag) for tag in tags)], files)
    added = [item for item in [*notices, audiences] if item.children]
    nav.items[1:1] = added
    for item in added:
        item.parent = None
    nav.pages[:] = _pages_in(nav.items)
    for before, page, after in zip([None, *nav.pages[:-1]], nav.pages, [*nav.pages[1:], None], strict=True):
        page.previous_page, page.next_page = before, after
    return nav


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    cat = edition(config).catalog
    this = page.file
    for marker, list_of in LISTS.items():
        pattern = re.compile(rf"<!--\s*{re.escape(marker)}\s*-->")
        if pattern.search(markdown):
            block = list_of(cat, this, files, config)
            markdown = pattern.sub(lambda _: block, markdown)
    kind = page.meta.get("kind")
    found = cat.by_src_uri.get(this.src_uri)
    if isinstance(page.meta.get("also_called"), list):
        markdown = _under_title(markdown, render("also-called", this, files, config, names=page.meta["also_called"]))
    if kind == "notice" and isinstance(found, Notice):
        markdown = _under_title(markdown, render("notice-facts", this, files, config, notice=found))
    elif isinstance(found, Entry) and found.notice in cat.notices:
        line = render("notice-line", this, files, config, notice=cat.notices[found.notice], entry=found)
        markdown = _under_title(markdown, line)
    if isinstance(found, Entry) and cat.part_of.get(found.id):
        guides = [(uri, cat.journeys[uri].title) for uri in cat.part_of[found.id] if uri in files.src_uris]
        markdown = _under_title(markdown, render("part-of", this, files, config, guides=guides)) if guides else markdown
    if isinstance(found, Entry):
        markdown += related_section(cat, found, this, files, config)
    if kind == "guide" and this.src_uri in cat.journeys and cat.journeys[this.src_uri].steps:
        markdown = _before_heading(markdown, GUIDE_SECTIONS[0], steps_section(cat, page, files, config))
    tag = page.meta.get("audience") if kind == "guide" else _generated_tag(this)
    if tag in AUDIENCES:
        markdown += f"\n\n## {md_text(STRINGS[cat.language]['guide_provisions'])} {{ #provisions }}\n" if kind == "guide" else ""
        markdown += audience_list(cat, tag, this, files, config)
    elif this.src_uri == AUDIENCE_INDEX and this.generated_by is not None:
        counts = [(tag, len(cat.by_audience[tag])) for tag in AUDIENCES if audience_src_uri(cat, tag) in files.src_uris]
        markdown += render("audience-index", this, files, config, counts=counts)
    return markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    cat = edition(config).catalog
    if cat.term_matcher is None or cat.glossary_src_uri in (None, page.file.src_uri):
        return html
    glossary = href(page.file, files, cat.glossary_src_uri)
    return link_terms(html, cat.term_matcher, glossary, cat.language) if glossary else html


# --- helpers: generated pages -----------------------------------------------


def generated_page(config: MkDocsConfig, src_uri: str) -> File:
    """A generated page of this edition, with the attributes mkdocs-static-i18n gives its own files.

    Its `alternates` point at the same page of the other edition, so the language switch leads there.
    """
    language = current_language(config)
    file = File.generated(config, src_uri, content=_front_matter(config, src_uri), inclusion=InclusionLevel.NOT_IN_NAV)
    plain_dest = file.dest_uri
    file.dest_uri = edition_prefix(language) + plain_dest
    file.locale = file.locale_alternate_of = language
    file.localization = None if language == DEFAULT_LANGUAGE else language
    file.norm_src_uri = src_uri
    file.alternates = {language: file}
    for other in config.plugins["i18n"].build_languages:
        if other != language:
            file.alternates[other] = File(
                src_uri, src_dir=None, dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls,
                dest_uri=edition_prefix(other) + plain_dest,
            )
    return file


def _front_matter(config: MkDocsConfig, src_uri: str) -> str:
    words = STRINGS[current_language(config)]
    tag = _generated_tag_of(src_uri)
    if tag is None:
        title, description, intro, anchor = words["audiences_section"], words["audiences_description"], words["audiences_intro"], "audiences"
    else:
        title = audience_label(current_language(config), tag)
        description, intro, anchor = words["audience_description"].format(audience=title), words["audience_intro"], tag
    quoted = [_yaml_string(text) for text in (title, description)]
    # Low search boost: the page repeats what the provision pages say (see CONTRIBUTING.md, search).
    return f"---\ntitle: {quoted[0]}\ndescription: {quoted[1]}\nsearch:\n  boost: 0.2\n---\n\n# {md_text(title)} {{ #{anchor} }}\n\n{md_text(intro)}\n"


def _generated_tag(file: File) -> str | None:
    return _generated_tag_of(file.src_uri) if file.generated_by is not None else None


def _generated_tag_of(src_uri: str) -> str | None:
    name = src_uri.removeprefix(f"{AUDIENCE_FOLDER}/").removesuffix(".md")
    return name if name in AUDIENCES and src_uri.startswith(f"{AUDIENCE_FOLDER}/") else None


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _section(title: str, src_uris: list[str], files: Files) -> Section:
    pages = [files.src_uris[uri].page for uri in src_uris if uri in files.src_uris and files.src_uris[uri].page]
    section = Section(title, children=pages)
    for page in pages:
        page.parent = section
    return section


def _pages_in(items: list) -> list:
    """The pages of a navigation tree in reading order."""
    pages = []
    for item in items:
        if getattr(item, "is_page", False):
            pages.append(item)
        elif getattr(item, "is_section", False):
            for child in item.children:
                child.parent = item
            pages += _pages_in(item.children)
    return pages


def _before_heading(markdown: str, anchor: str, block: str) -> str:
    """`block` right before the heading with id `anchor` (at the end when there is none)."""
    match = re.search(rf"^#{{1,6}} .*\{{[^}}]*#{re.escape(anchor)}[\s}}]", markdown, re.M)
    at = match.start() if match else len(markdown)
    return markdown[:at] + block + "\n\n" + markdown[at:]


def _under_title(markdown: str, block: str) -> str:
    """`block` right under the page's H1 (first when it has none)."""
    match = _H1.search(markdown)
    at = match.end() if match else 0
    return markdown[:at] + block + markdown[at:]


# --- helpers: lists ---------------------------------------------------------


def provision_cards(cat: Catalog, this: File, files: Files, config: MkDocsConfig) -> str:
    """A notice page: its provisions. Elsewhere: those of each notice in force, then earlier notices."""
    notice = cat.by_src_uri.get(this.src_uri)
    if isinstance(notice, Notice):
        return render("cards", this, files, config, entries=_built(cat.by_notice[notice.id], files))
    blocks = []
    for notice_id in current(cat):
        if len(cat.notices) > 1:
            blocks.append(f"\n\n### {md_text(cat.notices[notice_id].title)} {{ #{notice_id} }}\n")
        blocks.append(render("cards", this, files, config, entries=_built(cat.by_notice[notice_id], files)))
    return "".join(blocks) + _earlier(cat, this, files, config)


def views_index(cat: Catalog, this: File, files: Files, config: MkDocsConfig) -> str:
    """Each Reindeer View under the audiences it concerns; with several notices, each view once under
    its notice (so the page grows by a notice's views, not by those times its audiences); then the
    earlier notices."""
    language = cat.language
    words = STRINGS[language]
    viewed = [e for e in cat.entries.values() if e.has_view_anchor and e.opening and view_name(cat, e) and e.src_uri in files.src_uris]
    if not viewed:
        return f"\n\n*{md_text(words['no_views'])}*\n\n"
    groups = [n for n in current(cat)] + [None]  # None: pages of no notice (process pages)
    blocks = []
    for notice_id in groups:
        entries = [e for e in viewed if e.notice == notice_id]
        if not entries:
            continue
        if len(cat.notices) > 1 and notice_id:
            blocks.append(f"\n\n## {md_text(cat.notices[notice_id].title)} {{ #{notice_id} }}\n")
            openings = [(e, *excerpt(e.view, language, VIEW_SENTENCES)) for e in entries]
            blocks.append(render("views", this, files, config, items=openings, with_audiences=True))
            continue
        audiences = [(tag, audience_label(language, tag)) for tag in AUDIENCES] + [("everyone", words["everyone"])]
        for tag, label in audiences:
            items = [e for e in entries if (tag in e.applies_to if tag != "everyone" else not e.applies_to)]
            if items:
                blocks.append(f"\n\n## {md_text(label)} {{ #{tag} }}\n")
                openings = [(e, *excerpt(e.view, language, VIEW_SENTENCES)) for e in items]
                blocks.append(render("views", this, files, config, items=openings))
    return "".join(blocks) + _earlier(cat, this, files, config)


def glossary_entries(cat: Catalog, this: File, files: Files, config: MkDocsConfig) -> str:
    """Each glossary term as a heading (its id as anchor, so search and the TOC find it) and its entry."""
    language = cat.language
    if not cat.terms:
        return f"\n\n*{md_text(STRINGS[language]['no_terms'])}*\n\n"
    uses = term_uses(cat)
    blocks = []
    for term in cat.terms:
        own, other = (term.zh, term.en) if language == CHINESE else (term.en, term.zh)
        names = [md_text(own) if own else "", f'<span lang="{other_language(language)}">{md_text(other)}</span>' if other else ""]
        heading = " · ".join(name for name in names if name)
        blocks.append(f"\n\n## {heading} {{ #{term.id} .glossary-entry }}\n")
        used = _built(uses[term.id], files)
        blocks.append(render("term", this, files, config, term=term, uses=used, limit=USED_IN_LIMIT))
    return "".join(blocks)


def whats_new(cat: Catalog, this: File, files: Files, config: MkDocsConfig) -> str:
    """Every dated change of the edition, newest first (content/changes.py): notices issued, replaced
    or expired, and the pages' `history`; the feeds hold the same items."""
    feed = get_relative_url(edition_prefix(cat.language) + FEED, this.url) if config.extra.get("published") else None
    return render("changes", this, files, config, updates=site_changes(edition(config).records.values(), cat), feed=feed)


def term_uses(cat: Catalog) -> dict[str, list[Entry]]:
    """Term id -> pages that use it: the term's own `provisions` first, then by text, in catalog order."""
    found: dict[str, set[str]] = {term.id: set() for term in cat.terms}
    if cat.term_matcher is not None:
        for entry in cat.entries.values():
            for term_id in term_ids_in(cat.term_matcher, entry.body):
                found[term_id].add(entry.id)
    uses = {}
    for term in cat.terms:
        listed = [cat.entries[p] for p in dict.fromkeys(term.provisions) if p in cat.entries]
        by_text = [e for e in cat.entries.values() if e.id in found[term.id] and e.id not in term.provisions]
        uses[term.id] = [*listed, *by_text]
    return uses


def audience_list(cat: Catalog, tag: str, this: File, files: Files, config: MkDocsConfig) -> str:
    """The pages for an audience, per notice in force (headed when there are several), then the rest."""
    blocks = []
    now = set(current(cat))
    entries = [e for e in _built(cat.by_audience[tag], files) if e.notice is None or e.notice in now]
    for notice_id, group in groupby(entries, key=lambda e: e.notice):
        if len(cat.notices) > 1:
            title = cat.notices[notice_id].title if notice_id else STRINGS[cat.language]["other_pages"]
            blocks.append(f"\n\n### {md_text(title)} {{ #{notice_id or 'other-pages'} }}\n")
        blocks.append(render("audience", this, files, config, entries=list(group), tag=tag))
    return "".join(blocks) + _earlier(cat, this, files, config)


def steps_section(cat: Catalog, page: Page, files: Files, config: MkDocsConfig) -> str:
    """A guide's 'Step by step': its steps, numbered, each with the other edition's twin for the print view."""
    guide = cat.journeys[page.file.src_uri]
    other = other_language(cat.language)
    paired = twin(config, page.file.src_uri)
    twin_steps = paired.steps if isinstance(paired, GuidePage) and len(paired.steps) == len(guide.steps) else None
    heading = f"\n\n## {md_text(STRINGS[cat.language]['steps_heading'])} {{ #steps }}\n"
    return heading + render("steps", page.file, files, config, steps=guide.steps, twin=twin_steps, other=other, o=STRINGS[other],
                            address=published_address(config, page), page_title=guide.title, reviewed=guide.reviewed)


def related_section(cat: Catalog, entry: Entry, this: File, files: Files, config: MkDocsConfig) -> str:
    """'Related provisions' closing a provision or process page (empty when nothing relates)."""
    items = [(other, why) for other, why in related_items(cat, entry) if other.src_uri in files.src_uris]
    if not items:
        return ""
    words = STRINGS[cat.language]
    # Not indexed for search: it repeats other pages' titles and views.
    heading = f"\n\n## {md_text(words['related_heading'])} {{ #related-provisions data-search-exclude }}\n"
    return heading + render("related", this, files, config, items=items, this=entry)


def related_items(cat: Catalog, entry: Entry) -> list[tuple[Entry, list[str]]]:
    """Pages related to `entry`, each once with its reasons: named here, names this, shared tags.

    Named here first, then naming this page, then up to SHARED_TAG_LIMIT pages of notices in
    force sharing a tag (the audience pages list them all); each group in catalog order.
    """
    words = STRINGS[cat.language]
    now = set(current(cat))
    named = sorted({i for i in entry.related if i in cat.entries and i != entry.id}, key=cat.order.__getitem__)
    naming_all = {i for i in cat.named_by.get(entry.id, ()) if i in cat.entries}
    naming = sorted(naming_all.difference(named), key=cat.order.__getitem__)
    chosen = [*named, *naming]
    sharing = [
        e.id for e in cat.entries.values()
        if e.id not in chosen and e.id != entry.id and set(e.applies_to) & set(entry.applies_to)
        and (e.notice is None or e.notice in now)
    ]
    chosen += sharing[:SHARED_TAG_LIMIT]
    items = []
    for other_id in chosen:
        other = cat.entries[other_id]
        reasons = [words["related_named"]] if other_id in named else []
        if other_id in naming_all:
            reasons.append(words["related_names_this"])
        shared = [audience_label(cat.language, tag) for tag in entry.applies_to if tag in other.applies_to]
        if shared:
            reasons.append(words["related_shared"].format(tags=words["tag_separator"].join(shared)))
        items.append((other, reasons))
    return items


def _earlier(cat: Catalog, this: File, files: Files, config: MkDocsConfig) -> str:
    earlier = [n for n in cat.notices.values() if not n.current and n.src_uri in files.src_uris]
    return render("earlier", this, files, config, notices=earlier, limit=EARLIER_LIMIT) if earlier else ""


def _built(entries, files: Files) -> list[Entry]:
    return [entry for entry in entries if entry.src_uri in files.src_uris]


# --- data -------------------------------------------------------------------

AUDIENCE_INDEX = f"{AUDIENCE_FOLDER}/index.md"
# What replaces each marker (content.model.MARKERS; content/rules.py refuses any other).
LISTS = dict(zip(MARKERS, (provision_cards, views_index, glossary_entries, whats_new), strict=True))
# How many sentences of each view's first paragraph the views index shows.
VIEW_SENTENCES = 2
# "Used in" names this many pages of a glossary term and counts the rest.
USED_IN_LIMIT = 3
# Earlier notices a site-wide list names (the newest); the menu lists them all.
EARLIER_LIMIT = 5
# Pages related to a page by a shared audience alone, at most.
SHARED_TAG_LIMIT = 12
_H1 = re.compile(r"^# .*$", re.M)
