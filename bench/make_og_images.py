"""Render the link-preview images from bench/og-image.html (run by hand, then commit the PNGs).

    /tmp/venv/bin/python bench/make_og_images.py

Writes docs/assets/images/og-en.png and og-zh.png, 1200x630 each, their lead line the
site description of each edition in mkdocs.yml (the words every link preview shows), with
Chromium (CHROMIUM_PATH, default /usr/bin/chromium) through Playwright. The
PNGs are committed so a build never needs a browser.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlencode

from mkdocs.config import load_config
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "bench" / "og-image.html"
TARGET = ROOT / "docs" / "assets" / "images"
SIZE = {"width": 1200, "height": 630}


def descriptions() -> dict[str, str]:
    """Each edition's site description, as mkdocs.yml gives it (the Chinese one in the i18n plugin's languages)."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    found = {"en": config.site_description}
    for language in config.plugins["i18n"].config.languages:
        if language.locale != "en" and language.site_description:
            found[language.locale] = language.site_description
    return found


def main() -> None:
    leads = descriptions()
    browser_path = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=browser_path, args=["--no-sandbox"])
        page = browser.new_page(viewport=SIZE, device_scale_factor=1)
        for language in ("en", "zh"):
            page.goto(f"{SOURCE.as_uri()}?{urlencode({'lang': language, 'lead': leads[language]})}")
            out = TARGET / f"og-{language}.png"
            page.screenshot(path=str(out), full_page=False)
            print(f"{out.relative_to(ROOT)}: {out.stat().st_size} bytes")
        browser.close()


if __name__ == "__main__":
    main()
