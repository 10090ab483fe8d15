"""Reading a stored questionnaire quickly, when it is exactly in the canonical form.

A copy of a questionnaire is stored beside each assessment in the form
:func:`ddwizard.core.qfile.questionnaire_to_dict` writes. Reading it back as strictly as a
file (:func:`ddwizard.core.qfile.questionnaire_from_dict`) takes pydantic and PyYAML, which
cost more to import than the app takes to show its first window. :func:`read_canonical`
reads that form directly and applies the same rules (types, required and unknown keys,
ranges, unique ids, both axes covered, a scored option in every question); anything else,
or anything it is unsure of, gives None, and the caller then reads the copy the strict way,
which says what is wrong in words. So it never accepts what the strict reading would refuse,
and what it accepts reads as the strict reading would (the tests check both).
"""

from __future__ import annotations

import math
from typing import Any

from ddwizard.core.questionnaire import (
    EVIDENCE_SOURCES,
    EVIDENCE_SOURCES_1,
    FACETS,
    PHASES,
    SIDES,
    WHEN,
    Axis,
    ChecklistArea,
    ChecklistItem,
    Means,
    Option,
    Question,
    Questionnaire,
    Referent,
)

FORMAT = "ddwizard.questionnaire"  # as qfile.FORMAT (qfile imports pydantic)
FORMAT_VERSION = 2  # as qfile.FORMAT_VERSION; copies stored in format 1 read too

_TOP = {"format", "format_version", "id", "version", "title", "description", "referents"}
_TOP |= {"due_diligence"}
_REFERENT = {"id", "title", "group", "description", "weight", "questions"}
_QUESTION = {"id", "axis", "text", "help", "evidence", "options", "weight"}
_OPTION = {"key", "label", "score"}
_AREA = {"id", "title", "items"}
_ITEM = {"id", "text", "help"}
# The keys format 2 added, by the kind of thing they belong to.
_ADDED = {
    "referent": {"phases"},
    "question": {"requests", "core", "when", "facet", "phases"},
    "option": {"hint", "means"},
    "area": {"side"},
}


class _NotCanonical(Exception):
    pass


def read_canonical(data: Any) -> Questionnaire | None:
    """The questionnaire in `data`, or None when it is not exactly canonical and valid."""
    try:
        return _questionnaire(data)
    except (_NotCanonical, KeyError, TypeError, ValueError, AttributeError):
        return None


def _need(condition: bool) -> None:
    if not condition:
        raise _NotCanonical


def _fields(value: Any, keys: set[str]) -> dict:
    _need(type(value) is dict and value.keys() == keys)
    return value


def _list(value: Any, at_least: int = 0) -> list:
    _need(type(value) is list and len(value) >= at_least)
    return value


def _text(value: Any) -> str:
    """Required text: not blank, and already stripped (as the strict reading leaves it)."""
    _need(type(value) is str and value.strip() == value and value != "")
    return value


def _optional_text(value: Any) -> str:
    _need(type(value) is str and value.strip() == value)
    return value


def _id(value: Any) -> str:
    _need(type(value) is str and value != "" and not any(c.isspace() for c in value))
    return value


def _number(value: Any) -> float:
    _need(type(value) is float and math.isfinite(value))  # as written: never an int
    return value


def _weight(value: Any) -> float:
    weight = _number(value)
    _need(weight > 0)
    return weight


def _score(value: Any) -> float | None:
    if value is None:
        return None
    score = _number(value)
    _need(-1 <= score <= 1)
    return score


def _unique(ids: list[str]) -> None:
    _need(len(set(ids)) == len(ids))


def _questionnaire(data: Any) -> Questionnaire:
    top = _fields(data, _TOP)
    _need(top["format"] == FORMAT and type(top["format_version"]) is int)
    version = top["format_version"]
    _need(version in (1, FORMAT_VERSION))
    referents = tuple(_referent(r, version) for r in _list(top["referents"], 1))
    _unique([r.id for r in referents])
    _unique([q.id for r in referents for q in r.questions])
    areas = tuple(_area(a, version) for a in _list(top["due_diligence"]))
    _unique([a.id for a in areas])
    _unique([i.id for a in areas for i in a.items])
    return Questionnaire(
        _id(top["id"]),
        _text(top["version"]),
        _text(top["title"]),
        referents,
        areas,
        _optional_text(top["description"]),
    )


def _added(value: Any, keys: set[str], kind: str, version: int) -> dict:
    """The fields of one thing, with the keys its format version has, all of them."""
    return _fields(value, keys | _ADDED[kind] if version >= 2 else keys)


def _phases(value: Any) -> tuple[str, ...]:
    """A list of known phases without repeats, or None for all phases."""
    if value is None:
        return ()
    phases = _list(value, 1)
    _need(all(type(p) is str and p in PHASES for p in phases))
    _unique(phases)  # the strict reading would drop repeats
    return tuple(phases)


def _choice(value: Any, choices: tuple[str, ...]) -> str | None:
    _need(value is None or (type(value) is str and value in choices))
    return value


def _referent(value: Any, version: int) -> Referent:
    r = _added(value, _REFERENT, "referent", version)
    questions = tuple(_question(q, version) for q in _list(r["questions"]))
    _need({q.axis for q in questions} == {Axis.PRACTICE, Axis.PURPOSE})
    phases = _phases(r.get("phases"))
    for phase in phases or PHASES:
        shown = [q for q in questions if not q.phases or phase in q.phases]
        _need({q.axis for q in shown} == {Axis.PRACTICE, Axis.PURPOSE})
    _need(not phases or all(set(q.phases) <= set(phases) for q in questions))
    return Referent(
        id=_id(r["id"]),
        title=_text(r["title"]),
        group=_text(r["group"]),
        questions=questions,
        description=_optional_text(r["description"]),
        weight=_weight(r["weight"]),
        phases=phases,
    )


def _question(value: Any, version: int) -> Question:
    q = _added(value, _QUESTION, "question", version)
    _need(q["axis"] in ("practice", "purpose"))
    evidence = _list(q["evidence"])
    sources = EVIDENCE_SOURCES if version >= 2 else EVIDENCE_SOURCES_1
    _need(all(type(e) is str and e in sources for e in evidence))
    _need(len(set(evidence)) == len(evidence))  # the strict reading would drop repeats
    options = tuple(_option(o, version) for o in _list(q["options"], 1))
    _unique([o.key for o in options])
    _need(any(o.score is not None for o in options))
    requests = _list(q.get("requests", []))
    _need(all(type(r) is str and r.strip() == r and r for r in requests))
    core = q.get("core", False)
    _need(type(core) is bool)
    return Question(
        id=_id(q["id"]),
        axis=Axis(q["axis"]),
        text=_text(q["text"]),
        options=options,
        help=_optional_text(q["help"]),
        weight=_weight(q["weight"]),
        evidence=tuple(evidence),
        requests=tuple(requests),
        core=core,
        when=_choice(q.get("when"), WHEN),
        facet=_choice(q.get("facet"), FACETS),
        phases=_phases(q.get("phases")),
    )


def _option(value: Any, version: int) -> Option:
    o = _added(value, _OPTION, "option", version)
    score = _score(o["score"])
    means = _choice(o.get("means"), tuple(m.value for m in Means))
    _need(means is None or score is None)
    hint = _optional_text(o.get("hint", ""))
    return Option(
        _id(o["key"]), _text(o["label"]), score, hint, None if means is None else Means(means)
    )


def _area(value: Any, version: int) -> ChecklistArea:
    a = _added(value, _AREA, "area", version)
    items = tuple(_item(i) for i in _list(a["items"], 1))
    side = _choice(a.get("side"), SIDES)
    return ChecklistArea(_id(a["id"]), _text(a["title"]), items, side or "school")


def _item(value: Any) -> ChecklistItem:
    i = _fields(value, _ITEM)
    return ChecklistItem(_id(i["id"]), _text(i["text"]), _optional_text(i["help"]))
