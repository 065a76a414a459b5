"""What changed on the site, newest first: for the What's new list and each edition's Atom feed (no events).

Read from front matter only: each notice's date of issue, its replacement (dated by the
replacing notice's issue) or expiry (`expired_on`), and every page's `history`. Each item
is named by its date and page id (`anchor`), which never change when items are added, so
the What's new list keeps its anchors and the feeds their entry ids.
"""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from typing import NamedTuple

from feedgen.feed import FeedGenerator

from content.catalog import Catalog
from content.strings import STRINGS

# --- helpers ------------------------------------------------------------------


def site_changes(records, cat: Catalog) -> list[Update]:
    """Every dated change of one edition (its own pages, validated), newest first."""
    words = STRINGS[cat.language]
    found = []
    for record in sorted(records, key=lambda record: record.uri):
        page = record.page
        if page is None or record.fallback:
            continue
        for entry in page.history or []:
            found.append(Update(entry.date, f"{entry.date}-{page.id}", record.uri, page.title, entry.change))
    for notice in cat.notices.values():
        page = notice.page
        issued = words["news_issued"].format(issuer=page.issuer[cat.language])
        issued += words["aside"].format(text=page.issued_note[cat.language]) if page.issued_note else ""  # a date not as the source gives it
        found.append(Update(page.issued, f"{page.issued}-{page.id}-issued", notice.src_uri, page.title, issued))
        newer = cat.notices.get(page.superseded_by or "")
        if page.status == "superseded" and newer is not None:
            replaced = words["news_replaced"].format(notice=newer.page.title)
            found.append(Update(newer.page.issued, f"{newer.page.issued}-{page.id}-replaced", notice.src_uri, page.title, replaced))
        if page.status == "expired" and page.expired_on:
            found.append(Update(page.expired_on, f"{page.expired_on}-{page.id}-expired", notice.src_uri, page.title,
                                words["news_expired"]))
    return sorted(found, key=lambda update: update.date, reverse=True)  # stable: same-day items keep the order above


def atom_feed(updates: list[Update], language: str, feed_url: str, whats_new_url: str, page_url) -> bytes:
    """The edition's Atom feed of `updates` (feedgen): absolute addresses, each entry's id the
    What's new address and its anchor, dates from the content only, so an unchanged site gives
    the same feed in every build."""
    words = STRINGS[language]
    feed = FeedGenerator()
    feed.id(whats_new_url)
    feed.title(f"{words['app_name']}{words['colon']}{words['feed_title']}")
    feed.author({"name": words["app_name"]})
    feed.language(language)
    feed.link(href=feed_url, rel="self")
    feed.link(href=whats_new_url, rel="alternate")
    feed.updated(_moment(updates[0].date) if updates else _moment(date(1970, 1, 1)))
    for update in updates[:FEED_ENTRIES]:
        entry = feed.add_entry(order="append")
        entry.id(f"{whats_new_url}#{update.anchor}")
        entry.title(f"{update.title}{words['colon']}{update.text}")
        entry.link(href=page_url(update.src_uri))
        entry.updated(_moment(update.date))
        entry.summary(update.text)
    return feed.atom_str(pretty=True)


def _moment(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=timezone.utc)


# --- data -------------------------------------------------------------------

# The newest changes a feed holds (What's new lists them all).
FEED_ENTRIES = 50


class Update(NamedTuple):
    """One dated change: the page it concerns and its line, in the edition's language."""

    date: date
    anchor: str  # '2024-05-01-faq': its place on What's new and its feed entry's id, the same in every build
    src_uri: str
    title: str  # the page's title
    text: str
