"""The content model every hook and tool shares (data only, no MkDocs events).

The content guide (CONTRIBUTING.md) documents the same schema for staff;
hooks/validate_content.py enforces it in every build.
"""

from __future__ import annotations

# --- data -------------------------------------------------------------------

# Who a page applies to: the fixed list for `applies_to`. Labels per edition.
AUDIENCES: dict[str, dict[str, str]] = {
    "category-a": {"en": "Category A (high-end talent)", "zh": "A类（外国高端人才）"},
    "category-b": {"en": "Category B (professionals)", "zh": "B类（外国专业人才）"},
    "research-talent": {"en": "Research talent", "zh": "科研类人才"},
    "job-transfer": {"en": "Changing employer", "zh": "转聘（更换用人单位）"},
    "extension": {"en": "Extending permits", "zh": "延期"},
    "first-application": {"en": "First application", "zh": "首次申请"},
    "family": {"en": "Accompanying family", "zh": "随行家属"},
    "foreign-teachers": {"en": "Foreign teachers and trainers", "zh": "外籍教师及培训师"},
    "urgent-entry": {"en": "Urgent entry to China", "zh": "紧急入境"},
}

# `change`: how a provision compares with earlier policy, only where a source says so.
CHANGES: dict[str, dict[str, str]] = {
    "unchanged": {"en": "Unchanged from earlier policy", "zh": "与之前政策相比无变化"},
    "widened": {"en": "Widened compared with earlier practice", "zh": "较以往做法进一步放宽"},
    "now-applied": {"en": "Now applied in practice", "zh": "现已实际执行"},
}

# Page kinds and the front-matter keys each requires (every page also needs COMMON_KEYS).
COMMON_KEYS = ("id", "kind", "title", "description", "reviewed")
KIND_KEYS: dict[str, tuple[str, ...]] = {
    "provision": ("number", "issued", "issuer", "notice", "applies_to", "related"),
    "process": ("applies_to", "related"),
    "home": (),
    "glossary": ("terms",),
    "faq": (),
    "about": (),
    "index": (),
}
OPTIONAL_KEYS = ("change", "translated_from", "hide", "search")

# What each front-matter key holds; hooks/validate_content.py checks each kind of value.
#   id: lower-case letters, digits and hyphens (ID_PATTERN); text: non-empty string;
#   date: YYYY-MM-DD; number: whole number from 1; bilingual: {en: text, zh: text};
#   audiences: list of AUDIENCES keys; related: list of ids of provision or process pages;
#   change: a CHANGES key; hash: written by `python -m tools.translations mark` (docs_zh/ only,
#   required there); hide: list of HIDE_VALUES; search: {exclude: true/false, boost: number};
#   terms: list of glossary terms (TERM_KEYS, TERM_OPTIONAL_KEYS).
KEY_TYPES: dict[str, str] = {
    "id": "id",
    "kind": "kind",
    "title": "text",
    "description": "text",
    "reviewed": "date",
    "number": "number",
    "issued": "date",
    "issuer": "bilingual",
    "notice": "bilingual",
    "applies_to": "audiences",
    "related": "related",
    "change": "change",
    "translated_from": "hash",
    "hide": "hide",
    "search": "search",
    "terms": "terms",
}
ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
# A glossary term, one item of `terms`: {id, en, zh, meaning, also: [text], provisions: [provision ids]}.
TERM_KEYS = ("id", "en", "zh", "meaning")
TERM_OPTIONAL_KEYS = ("also", "provisions")
# Material's own `hide` values.
HIDE_VALUES = ("navigation", "toc", "footer", "path", "tags", "feedback")
# The same page has the same values of these keys in docs/ and docs_zh/.
SAME_IN_BOTH_EDITIONS = ("id", "kind", "number", "applies_to", "related", "change")
