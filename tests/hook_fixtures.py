"""A tiny bilingual site for the cross-linking hooks' tests (see test_hooks_*.py).

A notice page (notices/<NOTICE_ID>/index.md) with its three provisions beside it,
a process page, a glossary, a views index and a home page with cards, in docs/ and
docs_zh/, built with the same i18n set-up, templates (overrides/) and hooks as the
real site, except hooks/checks.py (the small site is not written to pass every
check staff content must). Tests that need a variant (an extra provision) write
this site with changes and build it.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from content.pages import PageRecord, read_page
from conftest import ROOT, BuiltSite, run_strict_build

OUR_HOOKS = ("editions.py", "cross_links.py")

# The small site's one notice; its provisions are in notices/<NOTICE_ID>/.
NOTICE_ID = "small-2024-notice"
NOTICE_DIR = f"notices/{NOTICE_ID}"
NOTICE_TITLES = {"en": "The small notice", "zh": "小通知"}


def write_small_site(root: Path, changes: dict[str, str | None] | None = None) -> Path:
    """Write the small site under `root`; `changes` adds, replaces or (None) removes files."""
    files = {**SMALL_SITE, **(changes or {})}
    for relative, content in files.items():
        if content is None:
            continue
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return root


def build_small_site(root: Path, changes: dict[str, str | None] | None = None) -> tuple[BuiltSite, int]:
    """Write and strictly build the small site; returns the site and MkDocs' exit code."""
    project = write_small_site(root / "project", changes)
    result = run_strict_build(project, root / "site")
    return BuiltSite(root / "site", result.stderr), result.returncode


def link_target(site: BuiltSite, page: str, href: str) -> tuple[Path, str]:
    """The built file and fragment a relative link on `page` (e.g. 'zh/views/index.html') leads to."""
    parsed = urlparse(urljoin(f"http://site/{page}", href))
    path = unquote(parsed.path).lstrip("/")
    target = site.root / path
    if path == "" or path.endswith("/"):
        target = target / "index.html"
    return target, unquote(parsed.fragment)


def ids_on(site: BuiltSite, target: Path) -> set[str]:
    """Every element id on a built page (the anchors a link may point to)."""
    soup = site.html(str(target.relative_to(site.root)))
    return {element["id"] for element in soup.find_all(id=True)}


def source_records(pages: dict[str, str | bytes]) -> list[PageRecord]:
    """The records (content/pages.py) of Markdown `pages` as one edition's build reads them, for catalog tests."""
    return [read_page(text if isinstance(text, bytes) else text.encode(), f"docs/{uri}", uri) for uri, text in pages.items()]


def provision_page(
    number, page_id, title, applies_to, related, official, view_en, view_zh, zh_first=False, notes="", notice=NOTICE_ID
) -> str:
    """A provision page in the content contract's shape: front matter, official text, Reindeer View."""
    quotes = [
        f'<blockquote lang="en" markdown>\n{view_en}\n</blockquote>',
        f'<blockquote lang="zh" markdown>\n{view_zh}\n</blockquote>',
    ]
    if zh_first:
        quotes.reverse()
    heading = "## 灵达观点 { #reindeer-view }" if zh_first else "## Reindeer View { #reindeer-view }"
    return f"""---
id: {page_id}
kind: provision
notice: {notice}
number: {number}
title: "{title}"
description: "About {title}."
applies_to: {applies_to}
related: {related}
reviewed: 2024-01-10
---

# {title} {{ #provision }}

<div class="official-text" markdown>
<blockquote lang="en" markdown>
{official}
</blockquote>
</div>

{heading}

<div class="reindeer-view" markdown>
<p class="reindeer-view__label">Reindeer</p>
{quotes[0]}
{quotes[1]}
</div>

{notes}
"""


def notice_page(notice_id, title, body="<!-- provisions:cards -->", status="in-force", superseded_by=None, zh=False) -> str:
    """A notice page: its facts in front matter (its text, view and status from SOURCE_ID), its provisions where the marker is."""
    replaced = f"superseded_by: {superseded_by}\n" if superseded_by else ""
    replaced += f"status_source: {SOURCE_ID}\n" if status in ("in-force", "expired") else ""
    return f"""---
id: {notice_id}
kind: notice
title: "{title}"
description: "About {title}."
issuer:
  en: Small Town Bureau
  zh: 小镇局
name:
  en: Notice on small matters
  zh: 关于小事项的通知
issued: 2024-01-05
status: {status}
text_source: {SOURCE_ID}
view_source: {SOURCE_ID}
{replaced}reviewed: 2024-01-10
---

# {title} {{ #notice }}

{"本通知共三条。" if zh else "The notice has three provisions."}

{body}
"""


def _simple_page(page_id: str, kind: str, title: str, body: str) -> str:
    return f"---\nid: {page_id}\nkind: {kind}\ntitle: {title}\ndescription: {title}.\nreviewed: 2024-01-10\n---\n\n# {title} {{ #{page_id} }}\n\n{body}\n"


MKDOCS_YML = f"""site_name: Small
site_url: http://127.0.0.1:8000/
docs_dir: docs
theme:
  name: material
  custom_dir: {ROOT / 'overrides'}
  language: en
plugins:
  - search
  - i18n:
      docs_structure: suffix
      fallback_to_default: true
      reconfigure_material: true
      languages:
        - locale: en
          name: English
          default: true
          build: true
        - locale: zh
          name: 简体中文
          build: true
hooks:
{chr(10).join(f"  - {ROOT / 'hooks' / name}" for name in OUR_HOOKS)}
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - md_in_html
  - toc:
      permalink: true
validation:
  omitted_files: warn
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
"""

GLOSSARY_EN = """---
id: glossary
kind: glossary
title: Glossary
description: Words officials use.
reviewed: 2024-01-10
terms:
  - id: apostille
    en: Apostille
    zh: 附加证明书
    also: [海牙认证]
    meaning: A certificate that replaces consular legalisation.
  - id: category-a
    en: Category A
    zh: A类
    meaning: Foreign high-end talent.
  - id: job-transfer
    en: job transfer
    zh: 转聘
    also: [change of employer]
    meaning: Moving to a new employer.
---

# Glossary { #glossary }

<!-- glossary:terms -->
"""

GLOSSARY_ZH = (
    GLOSSARY_EN.replace("title: Glossary", "title: 术语表")
    .replace("# Glossary { #glossary }", "# 术语表 { #glossary }")
    .replace("A certificate that replaces consular legalisation.", "取代领事认证的证明。")
    .replace("Foreign high-end talent.", "外国高端人才。")
    .replace("Moving to a new employer.", "更换用人单位。")
)

SOURCE_ID = "small-article"


def source_page(zh=False) -> str:
    """The small site's one source: a firm's article that quotes the notice and interprets it."""
    title = "小文章" if zh else "The small article"
    return f"""---
id: {SOURCE_ID}
kind: source
title: {title}
description: {title}.
reviewed: 2024-01-10
source_type: commentary
publisher:
  en: Small Firm Ltd.
  zh: 小公司
name:
  en: the small article
  zh: 小文章
speaker:
  en: Small Firm
  zh: 小公司
dated:
  en: January 2024
  zh: 2024年1月
text_en:
  en: The English printed in the small article
  zh: 小文章所载英文
text_zh:
  en: The Chinese as given in the small article
  zh: 小文章所载中文
view_name:
  en: Reindeer View
  zh: 灵达观点
---

# {title} {{ #source }}

{"一篇文章。" if zh else "An article."}
"""


SMALL_SITE: dict[str, str] = {
    f"docs/sources/{SOURCE_ID}.md": source_page(),
    f"docs_zh/sources/{SOURCE_ID}.md": source_page(zh=True),
    "mkdocs.yml": MKDOCS_YML,
    "docs/index.md": _simple_page("home", "home", "Home", "<!-- provisions:cards -->"),
    "docs_zh/index.md": _simple_page("home", "home", "首页", "<!-- provisions:cards -->"),
    f"docs/{NOTICE_DIR}/index.md": notice_page(NOTICE_ID, NOTICE_TITLES["en"]),
    f"docs_zh/{NOTICE_DIR}/index.md": notice_page(NOTICE_ID, NOTICE_TITLES["zh"], zh=True),
    "docs/views.md": _simple_page("views", "index", "Views", "<!-- reindeer:views -->"),
    "docs_zh/views.md": _simple_page("views", "index", "观点", "<!-- reindeer:views -->"),
    "docs/glossary.md": GLOSSARY_EN,
    "docs_zh/glossary.md": GLOSSARY_ZH,
    f"docs/{NOTICE_DIR}/green-channel.md": provision_page(
        1,
        "provision-1",
        "Green channel",
        "[category-a, job-transfer]",
        "[provision-9]",
        "Category A talent may use the green channel.",
        "Category A holders get a faster job transfer. Category AB is not a category. Category A again.",
        "A类人才转聘更快。第二句。",
        notes="If you are Category A, ask about a job transfer. Category AB is not a category.",
    ),
    f"docs_zh/{NOTICE_DIR}/green-channel.md": provision_page(
        1,
        "provision-1",
        "绿色通道",
        "[category-a, job-transfer]",
        "[]",
        "A类人才可走绿色通道。",
        "Category A holders get a faster job transfer.",
        "A类人才转聘更快。第二句。",
        zh_first=True,
        notes="A类人才可申请转聘。",
    ),
    f"docs/{NOTICE_DIR}/apostille.md": provision_page(
        2,
        "provision-2",
        "Apostille instead of legalisation",
        "[first-application]",
        "[provision-1]",
        "The Apostille replaces consular legalisation.",
        "An Apostille is enough now. Ask your home country for one.\n\n"
        "Write `Apostille` in the form. See the [glossary](../../glossary.md).",
        "附加证明书即可。请向本国申请。",
        notes="Get an Apostille (附加证明书) at home.",
    ),
    f"docs_zh/{NOTICE_DIR}/apostille.md": provision_page(
        2,
        "provision-2",
        "以附加证明书代替认证",
        "[first-application]",
        "[provision-1]",
        "附加证明书取代领事认证。",
        "An Apostille is enough now.",
        "现在附加证明书即可。请向本国申请。",
        zh_first=True,
        notes="请在本国办理附加证明书。",
    ),
    f"docs/{NOTICE_DIR}/research.md": provision_page(
        3,
        "provision-3",
        "Research talent",
        "[category-a, research-talent]",
        "[]",
        "Research staff.",
        "Research talent in Category A benefit too. More later.",
        "科研人才同样受益。稍后详述。",
    ),
    f"docs_zh/{NOTICE_DIR}/research.md": provision_page(
        3,
        "provision-3",
        "科研人才",
        "[category-a, research-talent]",
        "[]",
        "科研人员。",
        "Research talent benefit too.",
        "A类科研人才同样受益。稍后详述。",
        zh_first=True,
    ),
    "docs/port-visa.md": "---\nid: port-visa-transfer\nkind: process\ntitle: Port visa transfer\n"
    "description: Entering in a hurry.\napplies_to: [urgent-entry]\nrelated: [provision-2]\nreviewed: 2024-01-10\n---\n\n"
    "# Port visa transfer { #port-visa }\n\nApply in advance.\n",
    "docs_zh/port-visa.md": "---\nid: port-visa-transfer\nkind: process\ntitle: 口岸签证转办\n"
    "description: 紧急入境。\napplies_to: [urgent-entry]\nrelated: [provision-2]\nreviewed: 2024-01-10\n---\n\n"
    "# 口岸签证转办 { #port-visa }\n\n提前申请。\n",
}
