"""The content model: one declared model per page kind, and the words of its build messages (no events).

Each page's front matter is validated once per edition (content/pages.py) into one of the
models below; the catalog, the lists and the templates use the validated object. A field
declares everything about a key: its type (with the message staff see when a value is
wrong), whether it is required (no default), whether it must be the same in docs/ and
docs_zh/ (`same=True`), and what it means (`description`, checked against CONTRIBUTING.md).
Adding a key is one line in one model, plus its row in both guides (CONTRIBUTING.md, CONTRIBUTING.zh.md).
"""

from __future__ import annotations

import difflib
import math
from datetime import date
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, ValidationError
from typing_extensions import TypedDict

from content.record import HASH_PATTERN

# --- vocabularies -------------------------------------------------------------

# Who a page applies to: the fixed list for `applies_to`. Labels per edition; a tag with a
# situation guide (docs/audiences/) is labelled with the guide's title: one name per page (#30).
AUDIENCES: dict[str, dict[str, str]] = {
    "category-a": {"en": "Category A (high-end talent)", "zh": "A类（外国高端人才）"},
    "category-b": {"en": "Category B (professionals)", "zh": "B类（外国专业人才）"},
    "research-talent": {"en": "Research hires", "zh": "科研类人才"},
    "job-transfer": {"en": "Changing employer", "zh": "更换用人单位"},
    "extension": {"en": "Extending permits", "zh": "延期"},
    "first-application": {"en": "First application", "zh": "首次申请"},
    "family": {"en": "Accompanying family", "zh": "随行家属"},
    "foreign-teachers": {"en": "Foreign teachers and trainers", "zh": "外籍教师及培训师"},
    "urgent-entry": {"en": "Urgent entry", "zh": "紧急入境"},
}
# Who acts in a step of a guide (`steps[].who`). Labels per edition.
ACTORS: dict[str, dict[str, str]] = {
    "you": {"en": "You", "zh": "您"},
    "employer": {"en": "Your employer", "zh": "用人单位"},
    "inviting-company": {"en": "The inviting company", "zh": "邀请单位"},
    "foreign-experts": {"en": "The foreign-experts authority", "zh": "外专部门"},
    "exit-entry": {"en": "The exit-entry authorities", "zh": "出入境管理部门"},
    "police": {"en": "The police", "zh": "警方"},
}
# `steps[].next`: the sources say this step and the next are done together (and), or either will do (or).
JOINS = ("and", "or")
# `change`: how a provision compares with earlier policy, as its notice's interpretation says
# (the badge names who says so and when, from that source: strings.yml `change_says`).
CHANGES: dict[str, dict[str, str]] = {
    "unchanged": {"en": "Unchanged", "zh": "与之前政策相比无变化"},
    "widened": {"en": "Widened", "zh": "较以往放宽"},
    "now-applied": {"en": "Now applied", "zh": "已实际执行"},
}
# `status` of a notice: `issued` is all the sources say (not whether it still applies).
STATUSES = ("in-force", "issued", "superseded", "expired")
# `source_type`: what a source is.
SOURCE_TYPES = ("issuer", "commentary", "news", "reference")
# Notices whose provisions the site-wide lists show: as far as the sources say, still current.
CURRENT_STATUSES = ("in-force", "issued")
# Material's own `hide` values.
HIDE_VALUES = ("navigation", "toc", "footer", "path", "tags", "feedback")
ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"

# --- value types: each says what staff read when a value is wrong -------------


class Says(NamedTuple):
    """The message for a wrong value ({key}, {value}); `item`, for one wrong item of a list."""

    whole: str
    item: str | None = None


def _text(value: str) -> str:
    if not value.strip():
        raise ValueError("empty")
    return value.strip()


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError("not a finite number")
    return value


def _inside(path: str) -> str:
    if ".." in path:
        raise ValueError("leaves the docs folder")
    return path


def _one_of(choices) -> Says:
    return Says(f"'{{key}}' is {{value}}, not one of: {_words(choices)}")


def _words(choices) -> str:
    return ", ".join(choices)


Text = Annotated[str, AfterValidator(_text), Says("'{key}' must be text, got {value}")]
Id = Annotated[str, StringConstraints(pattern=rf"^{ID_PATTERN}$"),
               Says("'{key}' must be lower-case letters, digits and hyphens, like 'provision-2', got {value}")]
Day = Annotated[date, Says("'{key}' must be a date written YYYY-MM-DD, like 2023-12-25, got {value}")]
Number = Annotated[int, Field(ge=1), Says("'{key}' must be a whole number from 1, got {value}")]
Url = Annotated[str, StringConstraints(pattern=r"^https://[^\s\"'<>]+$"), Says("'{key}' must be an address starting with https://, got {value}")]
Hash = Annotated[str, StringConstraints(pattern=rf"^{HASH_PATTERN.pattern}$"), Says(
    "'{key}' is {value}, not a hash written by the translations tool; run: ./site.sh translations mark <this file>")]
AudienceTag = Literal[tuple(AUDIENCES)]
Audience = Annotated[AudienceTag, _one_of(AUDIENCES)]
Change = Annotated[Literal[tuple(CHANGES)], _one_of(CHANGES)]
Status = Annotated[Literal[STATUSES], _one_of(STATUSES)]
Audiences = Annotated[list[AudienceTag], Says("'{key}' must be a list like [category-a, category-b], got {value}",
                                           f"'{{key}}' has unknown tag {{value}} (allowed: {_words(AUDIENCES)})")]
Related = Annotated[list[str], Says("'{key}' must be a list of page ids, like [provision-2, provision-4], got {value}",
                                    "'{key}' must list page ids, got {value}")]
Hide = Annotated[list[Literal[HIDE_VALUES]], Says("'{key}' must be a list like [navigation, toc], got {value}",
                                                  f"'{{key}}' has unknown value {{value}} (allowed: {_words(HIDE_VALUES)})")]
OldPath = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9/_-]*\.md$"), AfterValidator(_inside)]
OldPaths = Annotated[list[OldPath], Says("'{key}' must be a list of old page paths, like [provisions/apostille.md], got {value}",
                                         "'{key}' must list old page paths ending in .md, like provisions/apostille.md, got {value}")]
Names = Annotated[list[Annotated[str, AfterValidator(_text)]], Field(min_length=1),
                  Says("'{key}' must be a list of names, like [port visa, 口岸签证], got {value}")]


class Bilingual(TypedDict):
    """Two lines, `en:` and `zh:`."""

    __pydantic_config__ = ConfigDict(extra="forbid", strict=True)  # type: ignore[misc]
    en: Annotated[str, AfterValidator(_text)]
    zh: Annotated[str, AfterValidator(_text)]


TwoLanguages = Annotated[Bilingual, Says("'{key}' must have two indented lines, 'en: <English>' and 'zh: <中文>', got {value}")]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Search(_Record):
    """Material's per-page search settings."""

    exclude: bool = False
    boost: Annotated[float, AfterValidator(_finite), Field(ge=0, le=100)] = 1


SearchSettings = Annotated[Search, Says("'{key}' may only hold 'exclude: true' or 'boost: <number>', got {value}")]


class Term(_Record):
    """A glossary entry, one item of the glossary page's `terms`."""

    id: Id = Field(description="the entry's anchor on the glossary page")
    en: Text = Field(description="the English name")
    zh: Text = Field(description="the Chinese name")
    meaning: Text = Field(description="one sentence in the page's language")
    also: Annotated[list[Annotated[str, AfterValidator(_text)]], Says("'{key}' must be a list like [one, two], got {value}")] = Field(
        [], description="other names that link to the entry")
    provisions: Annotated[list[str], Says("'{key}' must be a list like [one, two], got {value}")] = Field(
        [], description="ids of provisions that use the term, listed first under 'Used in'")


Terms = Annotated[list[Term], Says("'{key}' must be a list of glossary terms, got {value}")]


class HistoryEntry(_Record):
    """One dated line of a page's `history`: what changed for the reader, in the page's language."""

    date: Day = Field(description="when the change was published, the same in both editions")
    change: Text = Field(description="one line in the page's language: what the page now tells the reader")


History = Annotated[list[HistoryEntry], Says("'{key}' must be a list of entries, each '- date: YYYY-MM-DD' and 'change: <one line>', got {value}")]


def same(description: str, default: Any = ..., **flags) -> Any:
    """A field whose value must be the same in docs/ and docs_zh/."""
    return Field(default, description=description, json_schema_extra={"same": True, **flags})


class Step(_Record):
    """One step of a situation guide, one item of the guide's `steps`: who acts, and the page that explains it."""

    who: Annotated[Literal[tuple(ACTORS)], _one_of(ACTORS)] = same(f"who acts: {_words(ACTORS)}")
    does: Text = Field(description="what they do, in the page's language, as the sources say it")
    page: Id = same("the id of the provision or process page that explains the step")
    bring: Annotated[list[Annotated[str, AfterValidator(_text)]], Says("'{key}' must be a list like [one, two], got {value}")] = Field(
        [], description="what to have ready, as the sources name it: the print view's checklist")
    open: Text = Field(None, description="what the sources do not say about this step")
    next: Annotated[Literal[JOINS], _one_of(JOINS)] = same(
        "'and' where the sources say this step and the next go together, 'or' where either will do", None)


Steps = Annotated[list[Step], Says("'{key}' must be a list of steps, each with 'who', 'does' and 'page', got {value}")]


# --- the page kinds -----------------------------------------------------------


class Page(_Record):
    """Keys every page has, and the optional keys any page may have."""

    id: Id = same("the page's own id, unique on the site")
    kind: str = same("the kind of page")
    title: Text = Field(description="the title in the page's language")
    description: Text = Field(description="one sentence for search results and link previews")
    reviewed: Day = Field(description="when a person last checked the page against its sources")
    translated_from: Hash = Field(None, description="Chinese pages only, and required there: the English version translated")
    hide: Hide = Field(None, description="parts of Material's layout to hide")
    search: SearchSettings = Field(None, description="Material's search settings for the page")
    moved_from: OldPaths = same("old paths of the page, each redirected here", None)
    also_called: Names = Field(None, description="other names readers use for the page's subject")
    history: History = same("dated changes that alter what the page tells a reader (the dates the same in both editions)", None, part="date")


class SourcePage(Page):
    """A source the site quotes or cites: sources/<id>.md. Its words label every text taken from it."""

    kind: Literal["source"] = same("the kind of page")
    source_type: Annotated[Literal[SOURCE_TYPES], _one_of(SOURCE_TYPES)] = same(
        "issuer (the issuing authority's own text), commentary (a firm's article), news or reference")
    publisher: TwoLanguages = same("who published it")
    name: TwoLanguages = same("how labels name it, in both languages: 'the … article'")
    speaker: TwoLanguages = same("who says what it says, in badges ('Widened, says …')")
    dated: TwoLanguages = same("when it was written, as labels say it: '2023-12-20', 'end of 2023 (no date given)'")
    url: Annotated[str, StringConstraints(pattern=r"^https?://[^\s\"'<>]+$"), Says(
        "'{key}' must be an address starting with https:// or http://, got {value}")] = same("the address of a public copy", None)
    text_en: TwoLanguages = same("what the English version of a text quoted from it is, in both languages", None)
    text_zh: TwoLanguages = same("what the Chinese version of a text quoted from it is, in both languages", None)
    view_name: TwoLanguages = same("what its interpretations are called, in both languages", None)


class NoticePage(Page):
    """One policy document: notices/<id>/index.md, its provisions beside it."""

    kind: Literal["notice"] = same("the kind of page")
    issuer: TwoLanguages = Field(description="the issuing body, in English and Chinese")
    name: TwoLanguages = Field(description="the notice's name, in Chinese and as its text source gives it in English")
    issued: Day = same("the date of issue")
    issued_note: TwoLanguages = same("where the date is not as the source gives it: how it was found", None)
    status: Status = same("in-force, issued (all the sources say), superseded or expired")
    status_source: Id = same("the id of the source that says the notice is in force or expired", None)
    text_source: Id = same("the id of the source of the notice's text as this site quotes it")
    view_source: Id = same("the id of the source of the interpretation (the view) on each provision")
    superseded_by: Id = same("the id of the notice that replaces it", None)
    expired_on: Day = same("the date it stopped applying, where a source gives it (What's new and the feeds list it)", None)
    document_number: Text = same("the document number (文号), where a source gives it", None)
    official_url: Url = same("the official address, where a source gives it", None)


class ProvisionPage(Page):
    """One provision of a notice, in the notice's folder."""

    kind: Literal["provision"] = same("the kind of page")
    notice: Id = same("the id of the provision's notice")
    number: Number = same("the provision's number in its notice")
    applies_to: Audiences = same("whom the page concerns")
    related: Related = same("ids of related provision and process pages")
    change: Change = same("how the provision compares with earlier policy, where a source says so", None)
    view_summary: Text = Field(None, description="our one-line summary of the view, shown in lists")


class ProcessPage(Page):
    """A procedure no notice covers."""

    kind: Literal["process"] = same("the kind of page")
    applies_to: Audiences = same("whom the page concerns")
    related: Related = same("ids of related provision and process pages")


class GuidePage(Page):
    """A situation guide: audiences/<tag>.md."""

    kind: Literal["guide"] = same("the kind of page")
    audience: Audience = same("the guide's tag")
    steps: Steps = Field([], description="the journey in numbered steps, the same steps in both editions (see 'Writing steps')")


class GlossaryPage(Page):
    kind: Literal["glossary"] = same("the kind of page")
    terms: Terms = Field(description="the glossary entries", json_schema_extra={"scaffold": []})


class HomePage(Page):
    kind: Literal["home"] = same("the kind of page")


class FaqPage(Page):
    kind: Literal["faq"] = same("the kind of page")


class AboutPage(Page):
    kind: Literal["about"] = same("the kind of page")


class IndexPage(Page):
    kind: Literal["index"] = same("the kind of page")


# kind -> its model, in the order messages list the kinds.
MODELS: dict[str, type[Page]] = {
    model.model_fields["kind"].annotation.__args__[0]: model
    for model in (NoticePage, ProvisionPage, ProcessPage, GuidePage, SourcePage, HomePage, GlossaryPage, FaqPage, AboutPage, IndexPage)
}
# Kinds that take part in cross-links (they carry applies_to and related).
RELATABLE_KINDS = ("provision", "process")
KIND_MESSAGE = _one_of(MODELS)

# --- helpers --------------------------------------------------------------------


def required_keys(kind: str | None) -> tuple[str, ...]:
    """The keys a page of `kind` must have (every page's, for an unknown kind)."""
    return tuple(key for key, field in MODELS.get(kind, Page).model_fields.items() if field.is_required())


def allowed_keys(kind: str | None) -> tuple[str, ...]:
    """The keys a page of `kind` may have (every key of every kind, for an unknown kind)."""
    if kind in MODELS:
        return tuple(MODELS[kind].model_fields)
    return tuple(dict.fromkeys(key for model in MODELS.values() for key in model.model_fields))


def same_in_both_editions() -> tuple[str, ...]:
    """Keys a page has with the same value in docs/ and docs_zh/."""
    return tuple(dict.fromkeys(key for model in MODELS.values() for key, field in model.model_fields.items()
                               if (field.json_schema_extra or {}).get("same")))


def same_part(key: str) -> str | None:
    """For a list whose items differ by language (`history`), the part of each item that is the same in both editions."""
    return next(((field.json_schema_extra or {}).get("part") for model in MODELS.values()
                 for name, field in model.model_fields.items() if name == key), None)


def validate(meta: dict) -> tuple[Page | None, list[tuple[tuple, str]]]:
    """(the validated page or None, [(key path, message)]) for one page's front matter."""
    kind = meta.get("kind")
    known = isinstance(kind, str) and kind in MODELS
    problems: list[tuple[tuple, str]] = []
    model, data = (MODELS[kind], meta) if known else (Page, {k: v for k, v in meta.items() if k in Page.model_fields or k not in allowed_keys(None)})
    if "kind" in meta and not known:
        problems.append((("kind",), KIND_MESSAGE.whole.format(key="kind", value=show(kind))))
        data["kind"] = ""  # reported just now
    try:
        page = model.model_validate(data)
        return (None if problems else page), problems
    except ValidationError as error:
        for found in error.errors():
            problems += _explain(found, meta, kind if known else None, model)
    return None, list(dict.fromkeys(problems))


def _explain(error: dict, meta: dict, kind: str | None, model: type[BaseModel]) -> list[tuple[tuple, str]]:
    """The house message for one pydantic error of a page's front matter."""
    loc = error["loc"]
    key = loc[0]
    if key in LIST_ITEMS and len(loc) > 1:
        return _explain_item(error, key, meta[key])
    if len(loc) == 1 and error["type"] == "missing":
        return [((), f"'{key}' is missing" + (f" (a {kind} page needs it)" if kind else ""))]
    if len(loc) == 1 and error["type"] == "extra_forbidden":
        allowed = sorted(allowed_keys(kind))
        if key in allowed_keys(None):
            return [((key,), f"'{key}' does not belong on a {kind} page (allowed: {', '.join(allowed)})")]
        close = difflib.get_close_matches(str(key), allowed, n=1)
        return [((key,), f"unknown key '{key}'; " + (f"did you mean '{close[0]}'?" if close else f"allowed: {', '.join(allowed)}"))]
    return [_says(model.model_fields[key].metadata, key, loc, meta[key])]


def _explain_item(error: dict, key: str, items: list) -> list[tuple[tuple, str]]:
    """The message for one wrong item of a list of records (a glossary term, a step, a history entry)."""
    model, noun = LIST_ITEMS[key]
    index, item = error["loc"][1], items[error["loc"][1]]
    if not isinstance(item, dict):
        return [((key, index), f"{noun} {index + 1} must have the keys {', '.join(required_keys_of(model))}")]
    name = f"{noun} '{item['id']}'" if isinstance(item.get("id"), str) else f"{noun} {index + 1}"
    part = error["loc"][2]
    if len(error["loc"]) == 3 and error["type"] == "missing":
        return [((key, index), f"{name} has no '{part}'")]
    if len(error["loc"]) == 3 and error["type"] == "extra_forbidden":
        return [((key, index, part), f"{name} has unknown key '{part}' (allowed: {', '.join(model.model_fields)})")]
    path, text = _says(model.model_fields[part].metadata, part, error["loc"][2:], item[part])
    return [((key, index, *path), f"{name}: {text}")]


def _says(metadata: list, key: str, loc: tuple, value: Any) -> tuple[tuple, str]:
    """(key path, message) from the value type's Says: the item's message for a wrong item, where it has one."""
    says = next(item for item in metadata if isinstance(item, Says))
    if len(loc) > 1 and isinstance(loc[1], int) and says.item and isinstance(value, list):
        return (key, loc[1]), says.item.format(key=key, value=show(value[loc[1]]))
    return (key,), says.whole.format(key=key, value=show(value))


def required_keys_of(model: type[BaseModel]) -> tuple[str, ...]:
    return tuple(key for key, field in model.model_fields.items() if field.is_required())


def show(value: object) -> str:
    """A value as staff wrote it, short."""
    if isinstance(value, str):
        return f"'{value}'"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        shown = "[" + ", ".join(show(item).strip("'") for item in value) + "]"
        return shown if len(shown) <= 60 else shown[:57] + "...]"
    if isinstance(value, dict):
        return "{" + ", ".join(str(key) for key in value) + "}"
    return str(value)


# Keys holding a list of records: the record's model, and what a message calls one item.
LIST_ITEMS: dict[str, tuple[type[BaseModel], str]] = {
    "terms": (Term, "glossary term"), "steps": (Step, "step"), "history": (HistoryEntry, "history entry"),
}

# --- page bodies ----------------------------------------------------------------

# The heading ids a situation guide must have, in this order.
GUIDE_SECTIONS = ("checklist", "who-files", "where-to-ask", "not-in-the-sources")
# Markers a page may hold, each replaced by a generated list (hooks/cross_links.py).
MARKERS = ("provisions:cards", "reindeer:views", "glossary:terms", "changes:list")
# The heading id and block class of a provision's Reindeer View.
REINDEER_VIEW = "reindeer-view"
# Text the scaffold writes for staff to replace; the build refuses a page that still has it.
PLACEHOLDER = "REPLACE:"
