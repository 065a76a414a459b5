"""Put the cross-linking hooks' generated HTML into each page, after Markdown.

Events: on_page_content, priority -20: after hooks/glossary_links.py (0), which
adds no links to generated lists and so need not read them, and before
Material's search plugin (on_page_context) indexes the page.

The cards, views index, related provisions, audience lists and glossary entries
are HTML that skips Python-Markdown (catalog.defer_html says why): their hooks
leave a placeholder comment in the Markdown and the HTML on the page's File;
this hook swaps each placeholder for its HTML. Nothing is kept between pages or
builds: the HTML lives on the File of the build that rendered it.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from catalog import insert_deferred

# --- hooks ------------------------------------------------------------------


# After glossary_links.py (0): see the module docstring.
@event_priority(-20)
def on_page_content(html: str, *, page: Page, **_) -> str:
    return insert_deferred(html, page.file)
