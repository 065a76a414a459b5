"""Make each edition installable and readable offline after one visit (issue #17).

Events:
- on_startup: only `mkdocs build` and `gh-deploy` make service workers; a `mkdocs serve`
  preview (and its rebuilds, which load this module afresh) registers none.
- on_files: the worker's source (assets/javascripts/offline-worker.js) is not published as is.
- on_env: templates get `offline` (this edition's manifest and worker) for overrides/main.html.
- on_post_build, priority -300 (after mkdocs-static-i18n builds the Chinese edition at -100 and
  hooks/editions.py splits the search index at -200): every edition's manifest.webmanifest
  (names from content/strings.yml) and sw.js, its precache list read from the finished files,
  the edition's offline page (overrides/503.html) included.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import shutil
from functools import lru_cache
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from content.layout import SEARCH_INDEX, current_language, edition_prefix
from content.strings import STRINGS
from content.published import start_tags

log = logging.getLogger("mkdocs.hooks.offline")

# --- hooks ------------------------------------------------------------------


def on_startup(*, command: str, dirty: bool) -> None:
    _state["workers"] = command in WORKER_COMMANDS


def on_files(files: Files, config: MkDocsConfig) -> Files:
    source = files.get_file_from_path(WORKER_SOURCE)
    if source is not None:
        files.remove(source)
    return files


def on_env(env, config: MkDocsConfig, files: Files):
    prefix = edition_prefix(current_language(config))
    env.globals["offline"] = {
        "manifest": prefix + MANIFEST,
        "worker": prefix + WORKER if _state.get("workers") else None,
        "theme_color": THEME_COLOR,
    }
    return env


# Last of all (see the module docstring): every edition's files are final by now.
@event_priority(-300)
def on_post_build(config: MkDocsConfig) -> None:
    # Runs at the end of the Chinese build and again after it, both times with the plugin's
    # language left at zh; each run writes every edition's files from what is on disk, so the
    # last run leaves them all final without asking which run it is.
    site = Path(config.site_dir)
    languages = config.plugins["i18n"].build_languages
    for language in languages:
        prefix = edition_prefix(language)
        target = site / prefix / MANIFEST
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(web_manifest(language, prefix), ensure_ascii=False, indent=1), encoding="utf-8")
    if _state.get("workers"):
        _write_workers(config, languages)


# --- helpers ----------------------------------------------------------------


def _write_workers(config: MkDocsConfig, languages: list[str]) -> None:
    """sw.js at each edition's root, its precache list read from the finished site."""
    # The site's own scripts are code: they live in the theme's folder (overrides/), not in docs/.
    folders = [config.theme.custom_dir, config.docs_dir] if config.theme.custom_dir else [config.docs_dir]
    source = next(path for path in (Path(folder) / WORKER_SOURCE for folder in folders) if path.is_file()).read_text(encoding="utf-8")
    site = Path(config.site_dir)
    for language in languages:
        prefix = edition_prefix(language)
        # Other editions inside this one's folder (zh/ inside the root): their own worker serves them.
        nested = [
            other[len(prefix):] for other in (edition_prefix(lang) for lang in languages)
            if other != prefix and other.startswith(prefix)
        ]
        files = precache_files(site, prefix, nested)
        (site / prefix / WORKER).write_text(worker_script(source, site, prefix, files, nested), encoding="utf-8")
        log.info(
            f"Offline: the '{language}' edition precaches {len(files)} files, "
            f"{precache_size(site, files) / 1024:.0f} KB gzipped"
        )


def web_manifest(language: str, prefix: str) -> dict:
    """The edition's web app manifest; its addresses are relative to the manifest (the edition root)."""
    up = "../" * prefix.count("/")
    words = STRINGS[language]
    return {
        "name": words["app_name"],
        "short_name": words["app_short_name"],
        "description": words["app_description"],
        "lang": language,
        "dir": "ltr",
        "id": "./",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOR,
        "icons": [{**icon, "src": up + icon["src"]} for icon in ICONS],
    }


def precache_files(site: Path, prefix: str, skip: list[str]) -> list[str]:
    """Site-relative paths of what one edition needs offline: its pages, its search index,
    its manifest and icons, and the styles, scripts and images its pages load (Material's
    search worker and the lunr files it imports included)."""
    root = site / prefix
    pages = sorted(
        page for page in root.rglob("index.html")
        if not any(page.relative_to(root).as_posix().startswith(other) for other in skip)
    )
    wanted = {page.relative_to(site).as_posix() for page in pages}
    # The offline page loads what every page loads; its links are absolute (an error page's).
    wanted |= {prefix + SEARCH_INDEX, prefix + MANIFEST, prefix + OFFLINE_PAGE, *(icon["src"] for icon in ICONS)}
    # Material reads the sitemap of each <link rel="alternate"> (overrides/main.html) on every
    # page; the shared root one and the edition's own.
    wanted |= {path for path in {SITEMAP, prefix + SITEMAP} if (site / path).is_file()}
    workers = set()
    for page in pages:
        page_path = page.relative_to(site).as_posix()
        addresses, worker = _file_facts(page, *_stamp(page))[0]
        for address in addresses:
            target = _site_path(page_path, address)
            if target and (site / target).is_file():
                wanted.add(target)
        if worker:
            workers.add(_site_path(page_path, worker))
    for worker in workers:  # the same worker on every page: its imports are read once
        wanted |= set(search_scripts(site, prefix, worker))
    missing = sorted(path for path in wanted if not (site / path).is_file())
    if missing:
        raise ValueError(f"offline precache: files missing from the build: {', '.join(missing)}")
    return sorted(wanted)


def search_scripts(site: Path, prefix: str, worker: str) -> list[str]:
    """Material's search worker and the lunr files it imports, where this edition loads them.

    A worker script is fetched for a client of its own, which the service worker whose scope
    holds the script's address serves (Service Worker spec, "non-subresource request"), not
    the worker of the page that starts it. An edition in a folder (zh/) therefore gets a copy
    of the scripts inside it, which its own worker serves offline; overrides/main.html points
    its pages at the copy whenever the site has workers."""
    scripts = [worker, *_lunr_files(worker, site / prefix / SEARCH_INDEX)]
    if not prefix:
        return scripts
    for script in scripts:
        copy = site / prefix / script
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(site / script, copy)
    return [prefix + script for script in scripts]


def worker_script(source: str, site: Path, prefix: str, files: list[str], skip: list[str]) -> str:
    """sw.js: the version and precache list (addresses relative to the worker), then the source."""
    up = "../" * prefix.count("/")
    addresses = [_address(up + path if not path.startswith(prefix) else path[len(prefix):]) for path in files]
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.encode() + b"\0" + (site / path).read_bytes() + b"\0")
    return (
        "// Written by hooks/offline.py from assets/javascripts/offline-worker.js.\n"
        f"const VERSION = {json.dumps(digest.hexdigest()[:16])};\n"
        f"const PRECACHE = {json.dumps(addresses, ensure_ascii=False)};\n"
        f"const OTHER_EDITIONS = {json.dumps(skip)};\n"
        f"const OFFLINE_PAGE = {json.dumps(OFFLINE_PAGE)};\n"
        + source
    )


def precache_size(site: Path, files: list[str]) -> int:
    """Bytes of the precached files, each gzipped (as a host compresses them)."""
    return sum(_file_facts(site / path, *_stamp(site / path))[1] for path in files)


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


# Both post-build runs read the same finished pages: each file is read once while it is unchanged.
@lru_cache(maxsize=None)
def _file_facts(path: Path, mtime_ns: int, size: int) -> tuple[tuple[list[str], str | None] | None, int]:
    """(page_references of an HTML page or None, gzipped size) of one built file."""
    data = path.read_bytes()
    references = page_references(data.decode("utf-8")) if path.suffix == ".html" else None
    return references, len(gzip.compress(data, 6))


def _address(path: str) -> str:
    """A page's address as readers use it: 'faq/index.html' -> 'faq/', 'index.html' -> './'."""
    if path == "index.html" or path.endswith("/index.html"):
        return path[: -len("index.html")] or "./"
    return path


def _site_path(page_path: str, address: str) -> str | None:
    """The site-relative file an address on a page points at, or None if it is not in the site."""
    parts = urlsplit(address)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    resolved = urljoin("/" + page_path, parts.path)
    path = PurePosixPath(resolved.lstrip("/")).as_posix()
    return None if path.startswith("..") else path


def _lunr_files(worker: str, index: Path) -> list[str]:
    """What Material's search worker imports for the index's languages (its own rule)."""
    lunr = PurePosixPath(worker).parent.parent / "lunr"
    languages = json.loads(index.read_text(encoding="utf-8"))["config"]["lang"]
    scripts = [f"min/lunr.{lang}.min.js" for lang in languages if lang != "en"]
    scripts += [LUNR_SEGMENTERS[lang] for lang in languages if lang in LUNR_SEGMENTERS]
    if len(languages) > 1:
        scripts.append("min/lunr.multi.min.js")
    if scripts:
        scripts.append("min/lunr.stemmer.support.min.js")
    return [(lunr / script).as_posix() for script in scripts]


def page_references(html: str) -> tuple[list[str], str | None]:
    """The files a built page makes the browser load (<link> of a loading kind, <script src>,
    <img src>), and the address of Material's search worker (in its #__config block)."""
    addresses, worker = [], None
    for tag, attributes, text in start_tags(html, only={"link", "script", "img"}):
        if tag == "link" and set(attributes.get("rel", "").lower().split()) & LOADED_LINKS:
            addresses.append(attributes.get("href", ""))
        elif tag in ("script", "img") and attributes.get("src"):
            addresses.append(attributes["src"])
        if tag == "script" and attributes.get("id") == "__config":
            worker = json.loads(text).get("search")
    return addresses, worker


# --- data -------------------------------------------------------------------

WORKER_COMMANDS = ("build", "gh-deploy")
WORKER_SOURCE = "assets/javascripts/offline-worker.js"
WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
# The offline page of each edition (overrides/503.html), shown for a page that is not saved.
OFFLINE_PAGE = "503.html"
SITEMAP = "sitemap.xml"
THEME_COLOR = "#00796b"
ICONS = (
    {"src": "assets/images/favicon.svg", "sizes": "any", "type": "image/svg+xml"},
    {"src": "assets/images/icon-192.png", "sizes": "192x192", "type": "image/png"},
    {"src": "assets/images/icon-512.png", "sizes": "512x512", "type": "image/png"},
)
LOADED_LINKS = {"stylesheet", "icon", "apple-touch-icon", "manifest", "modulepreload", "preload"}
# Tags whose addresses a page loads, their attributes, and Material's #__config block.
LUNR_SEGMENTERS = {"ja": "tinyseg.js", "hi": "wordcut.js", "th": "wordcut.js"}
_state: dict = {}
