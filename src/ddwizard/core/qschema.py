"""The shape of a questionnaire file (pydantic models), and its errors in plain words.

pydantic checks types, required and unknown keys, and ranges. Its messages are written for
programmers, so each error is turned into a sentence for a trust's staff, at the line of the
key or list item it is about. Checks across the file (unique ids, scales that resolve, both
axes covered) are in :mod:`ddwizard.core.qfile`.
"""

from __future__ import annotations

import difflib
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError

from ddwizard.core.questionnaire import EVIDENCE_SOURCES, FACETS, PHASES, SIDES, WHEN, Means
from ddwizard.core.yamlsource import Mapping, Node, Problem, Scalar, Sequence


def _text(value: str) -> str:
    value = value.strip()
    if not value:
        raise PydanticCustomError("blank", "empty")
    return value


def _optional_text(value: str | None) -> str:
    return (value or "").strip()


def _id(value: str) -> str:
    _text(value)
    if any(c.isspace() for c in value):
        raise PydanticCustomError("spaces", "has spaces")
    return value


Text = Annotated[str, AfterValidator(_text)]
OptionalText = Annotated[str | None, AfterValidator(_optional_text)]
Id = Annotated[str, AfterValidator(_id)]
Weight = Annotated[float, Field(gt=0, allow_inf_nan=False)]
Score = Annotated[float, Field(ge=-1, le=1)] | None
Axis = Literal["practice", "purpose"]
Evidence = Literal[EVIDENCE_SOURCES]
Phase = Literal[PHASES]
Phases = Annotated[list[Phase], Field(min_length=1)] | None
MEANS = tuple(m.value for m in Means)


class _Spec(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class OptionSpec(_Spec):
    key: Id
    label: Text
    score: Score  # required, but may be null
    hint: OptionalText = ""
    means: Literal[MEANS] | None = None  # only on a null score: qchecks


class ScaleSpec(_Spec):
    options: Annotated[list[OptionSpec], Field(min_length=1)]


class QuestionSpec(_Spec):
    id: Id
    axis: Axis
    text: Text
    help: OptionalText = ""
    evidence: list[Evidence] | None = None
    scale: Id | None = None
    options: Annotated[list[OptionSpec], Field(min_length=1)] | None = None
    weight: Weight = 1.0
    requests: list[Text] | None = None
    core: bool = False
    when: Literal[WHEN] | None = None
    facet: Literal[FACETS] | None = None
    phases: Phases = None


class ReferentSpec(_Spec):
    id: Id
    title: Text
    group: Text
    description: OptionalText = ""
    weight: Weight = 1.0
    phases: Phases = None
    questions: list[QuestionSpec]


class ItemSpec(_Spec):
    id: Id
    text: Text
    help: OptionalText = ""


class AreaSpec(_Spec):
    id: Id
    title: Text
    side: Literal[SIDES] | None = None
    items: Annotated[list[ItemSpec], Field(min_length=1)]


class QuestionnaireSpec(_Spec):
    format: Any = None  # both checked before the schema, see qfile._check_format
    format_version: Any = None
    id: Id
    version: Text
    title: Text
    description: OptionalText = ""
    scales: dict[Id, ScaleSpec] | None = None
    referents: Annotated[list[ReferentSpec], Field(min_length=1)]
    due_diligence: list[AreaSpec] | None = None


def validate(
    tree: Mapping, data: object, filename: str
) -> tuple[QuestionnaireSpec | None, list[Problem]]:
    """The validated spec, or the problems with it in words."""
    try:
        return QuestionnaireSpec.model_validate(data), []
    except ValidationError as error:
        errors = error.errors()
    # `titel:` makes two errors, a missing `title` and an unknown `titel`; the second
    # ("did you mean `title`?") says it all.
    typos = {(*e["loc"][:-1], _suggest(e["loc"])) for e in errors if e["type"] == "extra_forbidden"}
    kept = [e for e in errors if not (e["type"] == "missing" and tuple(e["loc"]) in typos)]
    return None, [_translate(tree, e, filename) for e in kept]


# --- where in the file ----------------------------------------------------------------------

_KINDS = {
    "referents": "referent",
    "questions": "question",
    "options": "option",
    "due_diligence": "due-diligence area",
    "items": "checklist item",
}
_MODELS: dict[str, type[BaseModel]] = {
    "": QuestionnaireSpec,
    "scale": ScaleSpec,
    "referent": ReferentSpec,
    "question": QuestionSpec,
    "option": OptionSpec,
    "due-diligence area": AreaSpec,
    "checklist item": ItemSpec,
}
Loc = tuple[str | int, ...]


def locate(tree: Node, loc: Loc) -> tuple[Node | None, int]:
    """The node at `loc` (None if absent) and the line to report: a key's or an item's."""
    node: Node = tree
    line = tree.line
    for part in loc:
        if isinstance(node, Mapping) and part in node.entries:
            entry = node.entries[part]
            node, line = entry.value, entry.key_line
        elif isinstance(node, Sequence) and isinstance(part, int) and part < len(node.items):
            node = node.items[part]
            line = node.line
        else:
            return None, line
    return node, line


def kind_of(loc: Loc) -> str | None:
    """What a location holds: 'referent', 'question', ..., '' for the whole file."""
    if not loc:
        return ""
    if len(loc) == 2 and loc[0] == "scales":
        return "scale"
    if len(loc) >= 2 and isinstance(loc[-1], int):
        return _KINDS.get(str(loc[-2]))
    return None


def name_of(tree: Node, loc: Loc) -> str:
    """The thing at `loc` in words: "referent 'behaviour'", "the 2nd question of ...".

    `loc` must be a location `kind_of` knows.
    """
    kind = kind_of(loc)
    if not kind:
        return "the questionnaire"
    if kind == "scale":
        return f"scale '{loc[1]}'"
    node, _ = locate(tree, loc)
    ident = _word(node, "key" if kind == "option" else "id")
    if ident and kind in ("referent", "question", "due-diligence area"):
        return f"{kind} '{ident}'"
    label = f"{kind} '{ident}'" if ident else f"the {ordinal(int(loc[-1]) + 1)} {kind}"
    return f"{label} of {name_of(tree, loc[:-2])}" if len(loc) > 2 else label


def _word(node: Node | None, key: str) -> str | None:
    value = node.get(key) if isinstance(node, Mapping) else None
    if isinstance(value, Scalar) and isinstance(value.value, str) and value.value.strip():
        return value.value
    return None


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _owner(loc: Loc) -> Loc:
    """The longest prefix of `loc`, shorter than it, that is a referent, a question, etc."""
    for end in range(len(loc) - 1, -1, -1):
        if kind_of(loc[:end]) is not None:
            return loc[:end]
    return ()


# --- pydantic errors in words ---------------------------------------------------------------

_OBJECTS = "a mapping of keys such as "
_EXPECTED = {
    "id": "a short name without spaces",
    "key": "a short name without spaces",
    "scale": "the id of one of the scales under `scales`",
    "axis": "practice or purpose",
    "weight": "a number greater than 0",
    "score": "a number from -1 to 1, or null for an answer that does not count",
    "scales": "a mapping of scale ids to scales",
    "evidence": "a list of evidence sources (" + ", ".join(EVIDENCE_SOURCES) + ")",
    "evidence[]": "one of " + ", ".join(EVIDENCE_SOURCES),
    "referents": "a list of areas (referents), each with an id, title, group and questions",
    "referents[]": _OBJECTS + "`id`, `title`, `group` and `questions`",
    "questions": "a list of questions",
    "questions[]": _OBJECTS + "`id`, `axis`, `text` and `scale`",
    "options": "a list of at least one option",
    "options[]": _OBJECTS + "`key`, `label` and `score`",
    "scales[]": _OBJECTS + "`options`",
    "due_diligence": "a list of due-diligence areas",
    "due_diligence[]": _OBJECTS + "`id`, `title` and `items`",
    "items": "a list of at least one checklist item",
    "items[]": _OBJECTS + "`id` and `text`",
    "means": "one of " + ", ".join(MEANS),
    "when": "one of " + ", ".join(WHEN) + " (before the visit, on it, or after it)",
    "facet": "stated or lived",
    "side": "one of " + ", ".join(SIDES),
    "core": "true or false",
    "phases": "a list of phases (" + ", ".join(PHASES) + ")",
    "phases[]": "one of " + ", ".join(PHASES),
    "requests": "a list of documents to ask the school for",
}
_CHOICES = {
    "axis": ("practice", "purpose"),
    "evidence[]": EVIDENCE_SOURCES,
    "means": MEANS,
    "when": WHEN,
    "facet": FACETS,
    "side": SIDES,
    "phases[]": PHASES,
}
_TEXT_FIELDS = {"id", "key", "scale", "version", "title", "group", "text", "label", "hint"}
_TEXT_FIELDS |= {"help", "description", "axis", "evidence[]", "requests[]"}
_MISSING_HINTS = {
    "score": "; give a number from -1 to 1, or null for an answer that does not count",
    "axis": "; it should be practice or purpose",
    "referents": "; add the list of areas (referents) and their questions",
}


def _translate(tree: Node, error: Any, filename: str) -> Problem:
    loc: Loc = tuple(error["loc"])
    node, line = locate(tree, loc)
    if error["type"] == "missing":
        message = f"{name_of(tree, loc[:-1])} has no `{loc[-1]}`{_MISSING_HINTS.get(loc[-1], '')}"
    elif error["type"] == "extra_forbidden":
        message = _unknown_key(tree, loc)
    elif loc and loc[-1] == "[key]":
        message = _bad_key(loc, error["type"])
    else:
        message = _bad_value(tree, loc, node, error["type"])
    return Problem(filename, line, message)


def _allowed_keys(loc: Loc) -> list[str]:
    """The keys allowed in the mapping at `loc`."""
    return list(_MODELS[kind_of(loc) or ""].model_fields)


def _suggest(loc: Loc) -> str | None:
    """The allowed key that an unknown key at `loc` is probably a typo of."""
    close = difflib.get_close_matches(str(loc[-1]), _allowed_keys(loc[:-1]), n=1, cutoff=0.7)
    return close[0] if close else None


def _unknown_key(tree: Node, loc: Loc) -> str:
    message = f"unknown key `{loc[-1]}` in {name_of(tree, loc[:-1])}"
    suggestion = _suggest(loc)
    if suggestion:
        return f"{message}; did you mean `{suggestion}`?"
    allowed = ", ".join(f"`{k}`" for k in _allowed_keys(loc[:-1]))
    return f"{message}; the keys allowed here are {allowed}"


def _bad_key(loc: Loc, error_type: str) -> str:
    what = f"the scale id '{loc[-2]}'"
    if error_type == "spaces":
        return f"{what} has spaces; use a short name such as '{_slug(str(loc[-2]))}'"
    return f"{what} is empty; give the scale a short name"


def _bad_value(tree: Node, loc: Loc, node: Node | None, error_type: str) -> str:
    field = _field(loc)
    subject = _subject(tree, loc)
    expected = _EXPECTED.get(field, "text")
    if error_type == "blank":
        return f"{subject} is empty" + ("" if expected == "text" else f"; it should be {expected}")
    if error_type == "spaces" and isinstance(node, Scalar):
        return f"{subject} should be {expected}, not '{node.text}'; try '{_slug(node.text)}'"
    if error_type == "too_short" or (isinstance(node, Scalar) and node.value is None):
        return f"{subject} is empty; it should be {expected}"
    message = f"{subject} should be {expected}, not {describe(node)}"
    return message + _hint(field, node, loc)


def _field(loc: Loc) -> str:
    """The key a value belongs to; 'evidence[]' for an entry in the `evidence` list."""
    names = [p for p in loc if isinstance(p, str)]
    if not names:
        return ""
    if len(loc) == 2 and loc[0] == "scales":
        return "scales[]"
    return names[-1] + "[]" if isinstance(loc[-1], int) else names[-1]


def _subject(tree: Node, loc: Loc) -> str:
    owner = _owner(loc)
    where = "" if not owner else f" of {name_of(tree, owner)}"
    if kind_of(loc) == "scale":
        return f"scale '{loc[1]}'"
    if isinstance(loc[-1], int):
        return f"the {ordinal(loc[-1] + 1)} entry in `{loc[-2]}`{where}"
    return f"`{loc[-1]}`{where}"


def describe(node: Node | None) -> str:
    """A value as written, in words: 'heavy', the number 2, a list."""
    if isinstance(node, Mapping):
        return "a mapping of keys"
    if isinstance(node, Sequence):
        return "a list"
    if node is None:
        return "nothing"
    text = node.text if len(node.text) <= 40 else node.text[:37] + "..."
    if isinstance(node.value, str):
        return f"'{text}'"
    if isinstance(node.value, bool):
        return f"{text} (which YAML reads as a yes/no value)"
    if isinstance(node.value, int | float):
        return f"the number {text}"
    return f"the date {text}" if hasattr(node.value, "year") else text


def _hint(field: str, node: Node | None, loc: Loc) -> str:
    if not isinstance(node, Scalar):
        return ""
    if isinstance(node.value, str) and field in ("evidence", "phases", "requests"):
        return f"; write it as a list: {field}: [{node.text}]"
    if isinstance(node.value, str) and field in _CHOICES:
        close = difflib.get_close_matches(node.value, _CHOICES[field], n=1, cutoff=0.6)
        return f"; did you mean `{close[0]}`?" if close else ""
    if field in _TEXT_FIELDS and node.plain:
        written = f'"{node.text}"' if isinstance(loc[-1], int) else f'{loc[-1]}: "{node.text}"'
        return f"; put it in quotes: {written}"
    return ""


def _slug(text: str) -> str:
    return "-".join(text.split()).lower()
