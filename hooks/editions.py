"""Two editions from docs/ and docs_zh/: what mkdocs-static-i18n does not do for our layout.

Events:
- on_config: checks, once, every assumption this project makes about mkdocs-static-i18n and
  Material (see ASSUMPTIONS), and fails the build naming the versions it was written for.
- on_files, priority -110 (after mkdocs-static-i18n's on_files at -100, which re-creates every
  file from docs/): checks the attributes the plugin gives its files; points each page of the
  Chinese build at its docs_zh/ file, and "Edit this page" at the file staff edit; reads every
  page of the edition once (content/pages.py), for the checks, cross-links and redirects.
- on_page_read_source: a page whose front matter the checks refuse is built without it, so
  nothing (MkDocs and Material included) parses what was refused.
- on_env: compiled templates are kept between builds (a faster `mkdocs serve`); templates get
  `feed`, the edition's Atom feed (overrides/main.html links it), in a build with SITE_URL only.
- on_template_context: the 404 and offline pages' language links lead to each edition's home page.
- on_post_template: the Chinese 404 page and sitemap go to zh/ (the English ones stay at the root).
- on_post_build, priority -200 (after mkdocs-static-i18n's on_post_build at -100, which builds
  the Chinese edition and writes one search index for both): splits the index per edition (each
  page's `also_called` names join its title there, so search finds it by them), writes the
  redirects of moved pages (front matter `moved_from`), robots.txt and, with SITE_URL, each
  edition's Atom feed of What's new (content/changes.py), from the pages' records.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from html import escape
from importlib.metadata import version
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from content.catalog import HAN_RUN
from content.changes import atom_feed, site_changes
from content.layout import (
    CHINESE, DEFAULT_LANGUAGE, FEED, LANGUAGES, SEARCH_INDEX, WHATS_NEW, current_language, edition_prefix, edition_source, is_chinese_build,
    project_dir, source_label,
)
from content.pages import EDITIONS, edition, read_edition
from content.strings import STRINGS
from content.search_terms import pinyin_names

# --- hooks ------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    _require([what for what, holds in ASSUMPTIONS.items() if not holds(i18n, config)])


# After mkdocs-static-i18n (-100): it replaces every File object in its on_files.
@event_priority(-110)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    pages = files.documentation_pages()
    _require([FILE_ASSUMPTION] if pages and not all(hasattr(pages[0], name) for name in I18N_FILE_ATTRIBUTES) else [])
    chinese = is_chinese_build(config)
    for file in pages:
        if file.generated_by is not None:
            continue
        file.edit_uri = source_label(config, file.src_uri)
        zh_source = edition_source(config, file.src_uri) if chinese else None
        if zh_source is not None:
            file.abs_src_path = str(zh_source)
            file.locale = CHINESE
    read_edition(files, config)
    return files


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    record = edition(config).records.get(page.file.src_uri)
    if record is None or record.page is not None and not record.unreadable:
        return None  # MkDocs reads the file itself
    if record.page is None and record.body_start:
        return "\n" + record.body  # refused front matter: the page builds as if it had none
    return record.text  # bytes that are not UTF-8, replaced: MkDocs would stop with a traceback


def on_env(env, *, config: MkDocsConfig, files: Files):
    # Compiled templates kept between builds (Jinja's own cache, checked against each template's
    # source): `mkdocs serve` rebuilds both editions on every save, and compiling Material's
    # templates again was a third of each rebuild.
    folder = Path(tempfile.gettempdir()) / f"ningbo-guide-templates-{hashlib.sha1(str(project_dir(config)).encode()).hexdigest()[:12]}"
    folder.mkdir(exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
    language = current_language(config)
    env.globals["feed"] = {"href": feed_url(config, language), "title": STRINGS[language]["feed_link_title"]} if config.extra.get("published") else None
    return env


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    # The plugin leaves the last rendered page's language links in extra.alternate (an attribute,
    # which is what the templates read): on the 404 and offline pages they lead to each edition's home.
    if template_name in EDITION_PAGES:
        roots = {language.locale: language.link for language in config.plugins["i18n"].config.languages}
        for alternate in getattr(config.extra, "alternate", None) or []:
            alternate["link"] = roots.get(alternate.get("lang"), alternate["link"])
    return context


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if not is_chinese_build(config) or template_name not in (*EDITION_PAGES, "sitemap.xml"):
        return output_content
    target = Path(config.site_dir) / edition_prefix(CHINESE) / template_name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output_content, encoding="utf-8")
    # The zh sitemap lists both editions: it stays at the root too. The zh 404 and offline page must not.
    return "" if template_name in EDITION_PAGES else output_content


# After mkdocs-static-i18n (-100): it builds the Chinese edition and writes the merged index.
@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    # Runs twice, with the plugin's language left at zh both times: at the end of the Chinese
    # build (the index holds its entries only) and after it (both editions'). Each run writes
    # what it finds, so the last one leaves each edition its own index.
    site = Path(config.site_dir)
    records = {language: EDITIONS[language].records.values() for language in LANGUAGES if language in EDITIONS}
    merged = site / SEARCH_INDEX
    if merged.is_file() and len(records) == len(LANGUAGES):
        index = json.loads(merged.read_text(encoding="utf-8"))
        prefix = edition_prefix(CHINESE)
        english = [doc for doc in index["docs"] if not doc["location"].startswith(prefix)]
        chinese = [{**doc, "location": doc["location"][len(prefix) :]} for doc in index["docs"] if doc["location"].startswith(prefix)]
        names = {language: also_called(records[language]) for language in LANGUAGES}
        # Both editions: the pinyin of the page's Chinese title and names (content/search_terms.py).
        for record in records[CHINESE]:
            if record.page and not record.fallback:
                url = page_url(record.uri)
                pinyin = pinyin_names([record.page.title, *names[DEFAULT_LANGUAGE].get(url, []), *names[CHINESE].get(url, [])])
                for language in LANGUAGES:
                    names[language][url] = names[language].get(url, []) + pinyin
        english = with_also_called(english, names[DEFAULT_LANGUAGE])
        chinese = with_also_called(chinese, names[CHINESE])
        for path, docs in ((merged, english), (site / prefix / SEARCH_INDEX, chinese)):
            if docs:
                _write(path, json.dumps({**index, "docs": docs}, ensure_ascii=False, separators=(",", ":")))
    _write_redirects(config, site, moved_pages(records.get(DEFAULT_LANGUAGE, ())))
    if config.extra.get("published"):
        for language, built in EDITIONS.items():
            _write_feed(config, site, language, built)
    sitemap = f"Sitemap: {config.site_url.rstrip('/')}/sitemap.xml\n" if config.site_url else ""
    _write(site / "robots.txt", f"User-agent: *\nAllow: /\n\n{sitemap}".rstrip("\n") + "\n")


# --- helpers ----------------------------------------------------------------


def moved_pages(records) -> dict[str, str]:
    """Old page path -> the page that now stands there, from every page's `moved_from`."""
    moved = {}
    for record in records:
        for old in (record.page.moved_from or []) if record.page and not record.fallback else []:
            moved.setdefault(old, record.uri)
    return moved


def also_called(records) -> dict[str, list[str]]:
    """Index location ('notices/x/apostille/') -> the page's `also_called` names, in one edition."""
    return {page_url(record.uri): record.page.also_called for record in records
            if record.page and record.page.also_called and not record.fallback}


def with_also_called(docs: list[dict], names: dict[str, list[str]]) -> list[dict]:
    """Index entries with each page's own entry (not its sections) titled 'Title · name · name'.

    Titles outweigh body text in Material's search, as glossary entries ('Apostille · 附加证明书')
    show; Chinese names are cut into words as the search plugin cuts the rest of the index. The
    index's titles are HTML (the theme shows them as such in results): names are escaped text.
    """
    out = []
    for doc in docs:
        extra = names.get(doc["location"]) if "#" not in doc["location"] else None
        if extra:
            doc = {**doc, "title": doc["title"] + "".join(f" · {escape(_segment(name), quote=False)}" for name in extra)}
        out.append(doc)
    return out


def _segment(text: str) -> str:
    """Chinese runs cut into jieba words between zero-width spaces, as Material's search plugin does."""
    import jieba  # Material's search plugin has loaded it already

    return HAN_RUN.sub(lambda run: "\u200b" + "\u200b".join(jieba.cut(run.group(0))) + "\u200b", text).strip("\u200b")


def page_url(src_uri: str) -> str:
    """'notices/x/apostille.md' -> 'notices/x/apostille/' (directory URLs, as this site uses)."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
        return stem
    return f"{stem}/"


def _write_redirects(config: MkDocsConfig, site: Path, moved: dict[str, str]) -> None:
    """A small page at each old address of each edition, sending the reader to the new one."""
    template = jinja2.Environment(autoescape=True, loader=config.theme.get_env().loader).get_template("redirect.html")
    for old, new in moved.items():
        for language in LANGUAGES:
            old_url = edition_prefix(language) + page_url(old)
            target = "../" * old_url.count("/") + edition_prefix(language) + page_url(new)
            html = template.render(target=target, canonical=(config.site_url or "/") + edition_prefix(language) + page_url(new), lang=language,
                                   t=STRINGS[language])
            _write(site / old_url / "index.html", html)


def feed_url(config: MkDocsConfig, language: str) -> str:
    """The absolute address of an edition's Atom feed."""
    return f"{config.site_url}{edition_prefix(language)}{FEED}"


def _write_feed(config: MkDocsConfig, site: Path, language: str, built) -> None:
    root = f"{config.site_url}{edition_prefix(language)}"
    updates = site_changes(built.records.values(), built.catalog)
    feed = atom_feed(updates, language, feed_url(config, language), root + page_url(WHATS_NEW), lambda uri: root + page_url(uri))
    path = site / edition_prefix(language) / FEED
    path.write_bytes(feed)


def _require(broken: list[str]) -> None:
    if broken:
        raise PluginError(
            "hooks/editions.py was written for mkdocs-static-i18n 1.3 and mkdocs-material 9 "
            f"(installed: {version('mkdocs-static-i18n')}, {version('mkdocs-material')}); "
            f"no longer true: {'; '.join(broken)}. Check the plugin's changes before upgrading."
        )


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


# --- data -------------------------------------------------------------------

# Theme pages each edition has in its own language: the Chinese build writes its copy to zh/.
# 503.html is the offline page (hooks/offline.py).
EDITION_PAGES = ("404.html", "503.html")

# What this project relies on, each checked at start-up (on_config).
ASSUMPTIONS = {
    "the i18n plugin is configured as 'i18n'": lambda i18n, config: i18n is not None,
    "the plugin's current_language, default_language, build_languages and i18n_files_per_language exist": lambda i18n, config: all(
        hasattr(i18n, name) for name in ("current_language", "default_language", "build_languages", "i18n_files_per_language")
    ),
    "its languages are en (default) and zh, in docs_structure 'suffix'": lambda i18n, config: (
        [language.locale for language in i18n.config.languages] == list(LANGUAGES) and i18n.config.docs_structure == "suffix"
    ),
    "its on_files, on_nav and on_post_build run at priority -100": lambda i18n, config: all(
        getattr(getattr(type(i18n), name, None), "mkdocs_priority", None) == -100 for name in ("on_files", "on_nav", "on_post_build")
    ),
    "Material's search plugin is on and writes search/search_index.json": lambda i18n, config: "material/search" in config.plugins,
}
# Checked in on_files, the first time the plugin's files exist: cross_links.py gives its generated pages the same.
I18N_FILE_ATTRIBUTES = ("alternates", "locale", "locale_alternate_of", "localization", "norm_src_uri")
FILE_ASSUMPTION = f"the plugin's files carry {', '.join(I18N_FILE_ATTRIBUTES)}"
