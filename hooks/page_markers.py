"""Fail the build when a page holds a marker no hook renders.

Events: on_page_markdown, priority 100 (before the hooks that render markers,
so a typo is reported as a typo, whichever hook would have rendered it).

A page opts in to generated content with an HTML comment such as
`<!-- reindeer:views -->` (the list is catalog.KNOWN_MARKERS). A misspelt one
(`<!-- reindeer:viewz -->`) would otherwise vanish silently from the page, so
it stops the build with one line naming the file, the marker and the known
markers. Runs in both editions' builds; keeps nothing between them.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from catalog import KNOWN_MARKERS, edited_path, find_markers

# --- hooks ------------------------------------------------------------------


# Before the renderers (default priority 0): report an unknown marker first.
@event_priority(100)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    unknown = [marker for marker in find_markers(markdown) if marker not in KNOWN_MARKERS]
    if unknown:
        raise PluginError(
            f"{edited_path(config, page.file)}: unknown marker <!-- {unknown[0]} -->; "
            f"known markers: {', '.join(f'<!-- {m} -->' for m in KNOWN_MARKERS)}"
        )
    return markdown
