"""Write robots.txt at the site root, naming the sitemap by its absolute address.

Events: on_post_build (default priority; the English build only).

Why a hook and not a file in docs/: a file in docs/ is copied as it is, but the
Sitemap line must be an absolute URL, and site_url differs per build (SITE_URL,
see README "Publishing"). mkdocs-static-i18n runs the Chinese build from its own
on_post_build (-100) into the same folder without cleaning it, so writing the
file once, in the English build, leaves exactly one robots.txt at the root; the
root sitemap.xml already lists both editions with their hreflang alternates.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from shared import is_chinese_build

# --- hooks ------------------------------------------------------------------


def on_post_build(config: MkDocsConfig) -> None:
    if is_chinese_build(config):
        return
    target = Path(config.site_dir) / "robots.txt"
    target.write_text(robots_txt(config.site_url), encoding="utf-8")


# --- helpers ----------------------------------------------------------------


def robots_txt(site_url: str | None) -> str:
    """Every crawler may read every page; the sitemap line only with an absolute site_url."""
    lines = list(ALLOW_ALL)
    if site_url:
        lines += ["", f"Sitemap: {site_url.rstrip('/')}/{SITEMAP}"]
    return "\n".join(lines) + "\n"


# --- data -------------------------------------------------------------------

ALLOW_ALL = ("User-agent: *", "Allow: /")
SITEMAP = "sitemap.xml"
