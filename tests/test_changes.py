"""Following what changes (#27): page history, What's new, and the feedback links' absence by default.

Validation runs on small records, without a build; the rest reads the session's built sites:
the real site and the copy with a second notice (tests/new_notice_copy.py), which replaces the
2023 notice and gives that notice's page two history entries, written oldest first. The feeds
and the feedback links of a publishing build are tested in test_publishing.py.
"""

from __future__ import annotations

from datetime import date

from conftest import BuiltSite
from content.pages import read_page
from content.rules import history_dates, same_values
from new_notice_copy import NOTICE, SUPERSEDED, TITLES

FRONT = "---\nid: faq\nkind: faq\ntitle: FAQ\ndescription: d\nreviewed: 2026-12-04\n{history}---\n\n# FAQ {{ #faq }}\n"


def _page(history: str, label: str = "docs/faq.md"):
    return read_page(FRONT.format(history=history).encode(), label, "faq.md")


# --- validation -------------------------------------------------------------------


def test_history_entry_with_a_bad_date_is_named_with_its_file_line():
    record = _page("history:\n  - date: 2024-05-01\n    change: One.\n  - date: 1 May 2024\n    change: Two.\n")
    problems = [str(record.problem(where, text)) for where, text in record.problems]
    assert problems == ["docs/faq.md:10: front matter: history entry 2: 'date' must be a date written YYYY-MM-DD, "
                        "like 2023-12-25, got '1 May 2024'"]


def test_each_wrong_history_entry_is_its_own_message():
    record = _page("history:\n  - date: 2024-05-01\n  - change: Two.\n  - date: 2024-05-03\n    change: ' '\n    when: today\n")
    problems = sorted(str(record.problem(where, text)) for where, text in record.problems)
    assert problems == [
        "docs/faq.md:11: front matter: history entry 3: 'change' must be text, got ' '",
        "docs/faq.md:12: front matter: history entry 3 has unknown key 'when' (allowed: date, change)",
        "docs/faq.md:8: front matter: history entry 1 has no 'change'",
        "docs/faq.md:9: front matter: history entry 2 has no 'date'",
    ]


def test_history_dates_must_match_between_editions():
    en = _page("history:\n  - date: 2024-05-01\n    change: One.\n  - date: 2024-06-01\n    change: Two.\n")
    zh = _page("history:\n  - date: 2024-05-01\n    change: 一。\n", label="docs_zh/faq.md")
    assert [str(problem) for problem in same_values(zh, en)] == [
        "docs_zh/faq.md:7: front matter: 'history' has the dates [2024-05-01] here but [2024-05-01, 2024-06-01] in docs/faq.md; "
        "a page has the same history dates in both editions"]
    translated = _page("history:\n  - date: 2024-06-01\n    change: 二。\n  - date: 2024-05-01\n    change: 一。\n", label="docs_zh/faq.md")
    assert not list(same_values(translated, en)), "the same dates, in another order and other words, were refused"


def test_one_history_entry_per_date():
    record = _page("history:\n  - date: 2024-05-01\n    change: One.\n  - date: 2024-05-01\n    change: Two.\n")
    assert [str(problem) for problem in history_dates(record, "en")] == [
        "docs/faq.md:10: front matter: history entry 2 has the date 2024-05-01 of entry 1; say both changes in one entry"]


# --- built pages ---------------------------------------------------------------------


def test_page_history_shows_every_entry_newest_first(new_notice_site: BuiltSite):
    for prefix in ("", "zh/"):
        block = new_notice_site.html(f"{prefix}notices/{SUPERSEDED}/index.html").select_one(".page-history")
        assert block is not None, f"{prefix}notices/{SUPERSEDED}/: the page's history is not shown"
        assert block.find("h2") is not None, "the page history has no heading"
        dates = [time["datetime"] for time in block.select("li time")]
        assert dates == ["2025-03-02", "2024-01-10"], f"{prefix}: page history not newest first, or entries lost: {dates}"


def test_page_without_history_shows_none(built_site: BuiltSite):
    assert built_site.html("faq/index.html").select_one(".page-history") is None


def _whats_new(site: BuiltSite, prefix: str) -> list[tuple[str, str, str]]:
    """(date, page link, text) of each What's new item."""
    page = site.html(f"{prefix}whats-new/index.html")
    items = page.select("ul.whats-new > li")
    assert items, f"{prefix}whats-new/ lists nothing"
    return [(item.time["datetime"], (item.a or {}).get("href", ""), item.get_text(" ", strip=True)) for item in items]


def test_whats_new_lists_newest_first_in_both_editions(any_site: BuiltSite):
    for prefix in ("", "zh/"):
        dates = [day for day, _, _ in _whats_new(any_site, prefix)]
        assert dates == sorted(dates, reverse=True), f"{prefix}whats-new/ is not newest first: {dates}"
        assert all(date.fromisoformat(day) for day in dates)
    assert [d for d, _, _ in _whats_new(any_site, "")] == [d for d, _, _ in _whats_new(any_site, "zh/")], (
        "the two editions' What's new list different dates")


def test_whats_new_lists_every_history_entry_with_its_page(built_site: BuiltSite):
    items = _whats_new(built_site, "")
    assert ("2026-12-04", "../accessibility/", "2026-12-04 Accessibility statement : First published.") in items, items


def test_whats_new_names_the_replaced_notice_and_the_scaffolded_one(new_notice_site: BuiltSite):
    for prefix, language in (("", "en"), ("zh/", "zh")):
        items = _whats_new(new_notice_site, prefix)
        replaced = [text for day, href, text in items if href.endswith(f"notices/{SUPERSEDED}/") and day == "2025-03-01"]
        assert replaced and TITLES[language] in replaced[0], f"{prefix}whats-new/: the 2023 notice's replacement is missing: {items}"
        added = [day for day, href, _ in items if href.endswith(f"notices/{NOTICE}/")]
        assert "2025-03-01" in added, f"{prefix}whats-new/: the new notice's issue is missing"
        assert len(added) == 2, f"{prefix}whats-new/: the new notice's first publication (its scaffolded history) is missing"


def test_no_feed_and_no_feedback_without_publishing_settings(built_site: BuiltSite):
    assert not (built_site.root / "feed.xml").exists() and not (built_site.root / "zh/feed.xml").exists()
    for page in built_site.pages("en")[:3] + built_site.pages("zh")[:3]:
        html = page.read_text(encoding="utf-8")
        assert "application/atom+xml" not in html, f"{page}: links a feed the build did not write"
        assert "page-feedback" not in html, f"{page}: feedback links with no FEEDBACK_URL to lead to"


def test_an_expiry_is_listed_on_its_date_and_only_with_one():
    from content.catalog import read_catalog
    from content.changes import site_changes
    from hook_fixtures import notice_page, source_records

    dated = notice_page("old-notice", "Old notice", status="expired").replace("status: expired\n", "status: expired\nexpired_on: 2024-06-30\n")
    records = source_records({"notices/old-notice/index.md": dated,
                              "notices/other-notice/index.md": notice_page("other-notice", "Other notice", status="expired")})
    updates = site_changes(records, read_catalog(records, "en"))
    assert [(update.date.isoformat(), update.anchor, update.text) for update in updates] == [
        ("2024-06-30", "2024-06-30-old-notice-expired", "Expired"),
        ("2024-01-05", "2024-01-05-old-notice-issued", "Notice issued by the Small Town Bureau"),
        ("2024-01-05", "2024-01-05-other-notice-issued", "Notice issued by the Small Town Bureau"),
    ]


def test_scaffold_starts_each_pages_history_with_its_first_publication(new_notice_scaffolded):
    import yaml

    project, _ = new_notice_scaffolded
    for folder, words in (("docs", "First published."), ("docs_zh", "首次发布。")):
        for path in sorted((project / folder / "notices" / NOTICE).glob("*.md")):
            meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])
            assert meta.get("history") == [{"date": meta["reviewed"], "change": words}], f"{path}: history is {meta.get('history')}"
