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
    Axis,
    ChecklistArea,
    ChecklistItem,
    Option,
    Question,
    Questionnaire,
    Referent,
)

FORMAT = "ddwizard.questionnaire"  # as qfile.FORMAT (qfile imports pydantic)
FORMAT_VERSION = 1

_TOP = {"format", "format_version", "id", "version", "title", "description", "referents",
        "due_diligence"}  # fmt: skip
_REFERENT = {"id", "title", "group", "description", "weight", "questions"}
_QUESTION = {"id", "axis", "text", "help", "evidence", "options", "weight"}
_OPTION = {"key", "label", "score"}
_AREA = {"id", "title", "items"}
_ITEM = {"id", "text", "help"}


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
    _need(top["format_version"] == FORMAT_VERSION)
    referents = tuple(_referent(r) for r in _list(top["referents"], 1))
    _unique([r.id for r in referents])
    _unique([q.id for r in referents for q in r.questions])
    areas = tuple(_area(a) for a in _list(top["due_diligence"]))
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


def _referent(value: Any) -> Referent:
    r = _fields(value, _REFERENT)
    questions = tuple(_question(q) for q in _list(r["questions"]))
    _need({q.axis for q in questions} == {Axis.PRACTICE, Axis.PURPOSE})
    return Referent(
        id=_id(r["id"]),
        title=_text(r["title"]),
        group=_text(r["group"]),
        questions=questions,
        description=_optional_text(r["description"]),
        weight=_weight(r["weight"]),
    )


def _question(value: Any) -> Question:
    q = _fields(value, _QUESTION)
    _need(q["axis"] in ("practice", "purpose"))
    evidence = _list(q["evidence"])
    _need(all(type(e) is str and e in EVIDENCE_SOURCES for e in evidence))
    _need(len(set(evidence)) == len(evidence))  # the strict reading would drop repeats
    options = tuple(_option(o) for o in _list(q["options"], 1))
    _unique([o.key for o in options])
    _need(any(o.score is not None for o in options))
    return Question(
        id=_id(q["id"]),
        axis=Axis(q["axis"]),
        text=_text(q["text"]),
        options=options,
        help=_optional_text(q["help"]),
        weight=_weight(q["weight"]),
        evidence=tuple(evidence),
    )


def _option(value: Any) -> Option:
    o = _fields(value, _OPTION)
    return Option(_id(o["key"]), _text(o["label"]), _score(o["score"]))


def _area(value: Any) -> ChecklistArea:
    a = _fields(value, _AREA)
    items = tuple(_item(i) for i in _list(a["items"], 1))
    return ChecklistArea(_id(a["id"]), _text(a["title"]), items)


def _item(value: Any) -> ChecklistItem:
    i = _fields(value, _ITEM)
    return ChecklistItem(_id(i["id"]), _text(i["text"]), _optional_text(i["help"]))
