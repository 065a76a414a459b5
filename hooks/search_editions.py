"""Give each edition its own search index, so a reader downloads only their edition's pages.

Events: on_post_build, priority -200: after mkdocs-static-i18n's on_post_build
(-100), which runs the whole Chinese build and then rewrites
search/search_index.json with the entries of both editions.

This hook splits that file in two: English entries stay in
search/search_index.json, Chinese entries go to zh/search/search_index.json with
their locations made relative to zh/. Material's search fetches
search/search_index.json relative to the `base` of its #__config block;
overrides/main.html sets that base to the edition root on Chinese pages, so each
edition loads its own file and result links resolve as before. The index keeps
its config (languages, the jieba-aware separator), and is written as UTF-8
rather than \\u escapes, which halves the bytes of Chinese text.

The hook runs in both builds and keeps no state; it writes each edition's file
from the entries it finds. In sequence, the Chinese build's file holds its own
entries (written to zh/, then rewritten from the merged file the English build
ends with). When hooks/parallel_editions.py builds the editions at once, the
Chinese build writes zh/ and the English build, which waits for it before its
search plugin writes, writes the root file with English entries only.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from shared import CHINESE, edition_prefix

# --- hooks ------------------------------------------------------------------


# After mkdocs-static-i18n (-100): it writes the merged index in its on_post_build.
@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    merged = Path(config.site_dir) / INDEX
    if not merged.is_file():
        return
    index = json.loads(merged.read_text(encoding="utf-8"))
    english, chinese = split_entries(index["docs"], edition_prefix(CHINESE))
    if english:
        _write(merged, {**index, "docs": english})
    if chinese:
        _write(Path(config.site_dir) / edition_prefix(CHINESE) / INDEX, {**index, "docs": chinese})


# --- helpers ----------------------------------------------------------------


def split_entries(docs: list[dict], prefix: str) -> tuple[list[dict], list[dict]]:
    """Entries of the default edition, and those under `prefix` with locations relative to it."""
    default = [doc for doc in docs if not doc["location"].startswith(prefix)]
    other = [{**doc, "location": doc["location"][len(prefix):]} for doc in docs if doc["location"].startswith(prefix)]
    return default, other


def _write(path: Path, index: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


# --- data -------------------------------------------------------------------

INDEX = "search/search_index.json"
