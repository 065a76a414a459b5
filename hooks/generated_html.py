"""Put the cross-linking hooks' generated HTML into each page, after Markdown.

Events:
- on_page_content, priority -20: HTML that search indexes (glossary entries);
  after hooks/glossary_links.py (0), which adds no links to generated HTML and
  so need not read it;
- on_page_context, priority -100: the lists left out of search (cards, views
  index, related provisions, audience lists, pagers), after Material's search
  plugin (0) has indexed the page, so it does not parse them only to skip them.

Their hooks leave a placeholder comment in the Markdown and the HTML on the
page's File (catalog.defer_html says why); this hook swaps each placeholder for
its HTML. Nothing is kept between pages or builds: the HTML lives on the File
of the build that rendered it.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from catalog import insert_deferred

# --- hooks ------------------------------------------------------------------


# After glossary_links.py (0), before search (on_page_context).
@event_priority(-20)
def on_page_content(html: str, *, page: Page, **_) -> str:
    return insert_deferred(html, page.file, searchable=True)


# After Material's search plugin (0) has read page.content; the theme renders it next.
@event_priority(-100)
def on_page_context(context: dict, *, page: Page, **_) -> dict:
    page.content = insert_deferred(page.content, page.file, searchable=False)
    return context
