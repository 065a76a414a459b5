"""HTML of the generated lists, from the templates in overrides/partials/lists/ (no events).

The templates are rendered with the theme's own Jinja loader, as Material's translations
hook does, but with autoescaping on, so every front-matter string is output as text.
Links are made from the build's `files` (MkDocs does not check links in raw HTML), so a
list only ever links to a page that is built. UI words come from strings.yml.
"""

from __future__ import annotations

from functools import partial
from urllib.parse import quote, urlencode

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from content.catalog import Catalog, Entry, Notice, Source
from content.layout import AUDIENCE_FOLDER
from content.model import ACTORS, AUDIENCES, CHANGES
from content.pages import edition
from content.strings import STRINGS

# --- helpers ----------------------------------------------------------------


def render(name: str, page_file: File, files: Files, config: MkDocsConfig, **context) -> str:
    """`partials/lists/<name>.html` for a page of this build, as one HTML block."""
    current = edition(config)
    cat = current.catalog
    if current.templates is None:
        current.templates = config.theme.get_env().overlay(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env = current.templates
    helpers = {
        "t": STRINGS[cat.language],
        "cat": cat,
        "href": partial(href, page_file, files),
        "title": partial(full_title, cat),
        "short": partial(short_title, cat),
        "audience": partial(audience_label, cat.language),
        "actor": lambda who, language=cat.language: ACTORS[who][language],
        "audience_href": lambda tag: href(page_file, files, audience_src_uri(cat, tag)),
        "change": partial(change_badge, cat),
        "view_name": partial(view_name, cat),
        "status": partial(status_line, cat),
        "sources_of": partial(sources_of, cat),
    }
    html = env.get_template(f"partials/lists/{name}.html").render(**helpers, **context)
    return f"\n\n{html.strip()}\n\n"


def href(from_file: File, files: Files, src_uri: str, anchor: str = "") -> str | None:
    """Relative URL from one built page to another of the same edition; None when it is not built."""
    target = files.src_uris.get(src_uri)
    if target is None:
        return None
    link = get_relative_url(target.url, from_file.url)
    return f"{link}#{anchor}" if anchor else link


def feedback_href(base: str, subject: str, body: str) -> str:
    """The feedback address (FEEDBACK_URL) with a subject and body filled in: `subject` for mailto:,
    `title` for a web form or issue tracker (GitHub's new-issue page reads title and body).
    Spaces as %20, never '+', which mailto: would show as it is."""
    field = "subject" if base.lower().startswith("mailto:") else "title"
    return base + ("&" if "?" in base else "?") + urlencode({field: subject, "body": body}, quote_via=quote)


def full_title(cat: Catalog, entry: Entry) -> str:
    """'Provision 2: Apostille …'; with more than one notice, the notice's short name first."""
    if entry.number is None:
        return entry.title
    words = STRINGS[cat.language]
    return f"{short_title(cat, entry)}{words['colon']}{entry.title}"


def short_title(cat: Catalog, entry: Entry) -> str:
    """'Provision 2' / '第2条', or '<notice>, provision 2' where more than one notice exists."""
    if entry.number is None:
        return entry.title
    words = STRINGS[cat.language]
    notice = cat.notices.get(entry.notice or "")
    if notice is not None and len(cat.notices) > 1:
        return words["of_notice"].format(notice=notice.title, number=entry.number)
    return words["provision_number"].format(number=entry.number)


def sources_of(cat: Catalog, notice: Notice) -> tuple[Source | None, Source | None]:
    """The sources of a notice's text and of its interpretation (None where not built)."""
    return cat.sources.get(notice.text_source), cat.sources.get(notice.view_source)


def view_source(cat: Catalog, entry: Entry) -> Source | None:
    """The source of the interpretation on a provision's page: its notice's view source."""
    notice = cat.notices.get(entry.notice or "")
    return sources_of(cat, notice)[1] if notice else None


def view_name(cat: Catalog, entry: Entry) -> str | None:
    """What the interpretation on a provision's page is called, from its view source."""
    source = view_source(cat, entry)
    return source.view_name[cat.language] if source and source.view_name else None


def change_badge(cat: Catalog, entry: Entry) -> str | None:
    """'Widened, says <speaker> (<dated>)': the change, and who says so and when (the notice's view source)."""
    source = view_source(cat, entry)
    if not entry.change or source is None:
        return None
    language = cat.language
    return STRINGS[language]["change_says"].format(
        change=CHANGES[entry.change][language], speaker=source.speaker[language], dated=source.dated[language])


def status_line(cat: Catalog, notice: Notice) -> str:
    """A notice's status with who says so: its status source, the notice that replaces it, or 'the sources do not say'."""
    words, language = STRINGS[cat.language], cat.language
    if notice.status == "superseded" and notice.superseded_by in cat.notices:
        return words["replaced_by"].format(notice=cat.notices[notice.superseded_by].title)
    source = cat.sources.get(notice.status_source or "")
    if source is not None:
        return words["status_says"].format(status=words[f"status_{notice.status}"], source=source.name[language],
                                           dated=source.dated[language])
    if notice.status == "issued":
        return words["status_not_stated"].format(date=notice.issued.isoformat(), issuer=notice.issuer[language])
    return words[f"status_{notice.status}"]


def audience_label(language: str, tag: str) -> str:
    return AUDIENCES[tag].get(language) or AUDIENCES[tag]["en"]


def audience_src_uri(cat: Catalog, tag: str) -> str:
    """The page of an audience: its situation guide, or the generated audiences/<tag>.md."""
    return cat.guides.get(tag) or f"{AUDIENCE_FOLDER}/{tag}.md"


def current(cat: Catalog) -> list[str]:
    """Ids of the notices whose provisions site-wide lists show in full (content.model.CURRENT_STATUSES)."""
    return [notice.id for notice in cat.notices.values() if notice.current]

