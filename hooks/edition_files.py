"""Give each edition its own 404 page, and each edition root a sitemap.

Events: on_post_template.

mkdocs-static-i18n builds the Chinese edition into the same site_dir after the
English one, so its static templates land at the root too: the Chinese 404.html
would overwrite the English one (the plugin's known flaw). In the zh build this
hook writes 404.html to zh/404.html instead and returns "" so MkDocs skips the
root copy. The zh build's sitemap.xml lists both editions with their hreflang
alternates; it stays at the root and is copied to zh/sitemap.xml, where
Material's language selector looks for the Chinese edition's sitemap.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from shared import CHINESE, edition_prefix, is_chinese_build

# --- hooks ------------------------------------------------------------------


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if not is_chinese_build(config):
        return output_content
    if template_name == "404.html":
        _write_in_edition(config, template_name, output_content)
        return ""
    if template_name == "sitemap.xml":
        _write_in_edition(config, template_name, output_content)
    return output_content


# --- helpers ----------------------------------------------------------------


def _write_in_edition(config: MkDocsConfig, name: str, content: str) -> None:
    target = Path(config.site_dir) / edition_prefix(CHINESE) / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(content, encoding="utf-8")
