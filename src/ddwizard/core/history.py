"""An assessment's history in words: what changed, when, from what, to what.

Storage keeps an audit row for every change (`what`, `old`, `new`, `at`), with `what` a key
such as ``answer:reading_programme.option`` or ``checklist:fin_accounts.status``. This module
turns those rows into sentences a person reads, using the questionnaire the assessment was
made with, for the app's History view and `ddwizard history`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from ddwizard.core.questionnaire import Questionnaire
from ddwizard.core.statuses import ITEM_STATUS_LABELS, ItemStatus

NOTHING = "(nothing)"

_DETAILS = {
    "label": "Label",
    "assessor": "Assessor",
    "assessed_on": "Date of the assessment",
    "status": "Status",
    "school": "School",
    "trust_name": "Trust",
    "referents": "Areas to look at",
    "assessor_role": "Assessor's role",
    "perspective": "Whose view this is",
}
_ANSWER_PARTS = {
    "option": "answer",
    "note": "note",
    "evidence": "evidence sources",
    "flags": "flags",
}
_REFERENT_PARTS = {
    "confidence": "confidence",
    "purpose_confidence": "confidence in purpose",
    "practice_confidence": "confidence in practice",
    "note": "note",
}
_ITEM_PARTS = {
    "status": "status",
    "note": "note",
    "owner": "owner",
    "due": "due date",
    "finding": "finding",
}
_FLAGS = {
    "below_minimum": "below a legal or safety minimum",
    "sources_disagree": "sources disagree",
}
_PERSPECTIVES = {
    "school": "the school's own",
    "trust": "the trust's",
    "joint": "joint (school and trust)",
    "independent": "independent",
}
_LEVELS = {"none": "nothing to report", "note": "note", "concern": "concern", "serious": "serious"}
_REFERENCE_PARTS = (
    ("practice", "practice"),
    ("purpose", "purpose"),
    ("school_decides", "the school decides"),
)


@dataclass(frozen=True, slots=True)
class HistoryLine:
    """One change, in words. `at` is the stored UTC time (ISO 8601)."""

    at: str
    what: str
    old: str
    new: str


def describe(what: str, old: str | None, new: str | None, q: Questionnaire) -> HistoryLine:
    """One audit row in words. An unknown key is shown as it is stored, never dropped."""
    kind, _, rest = what.partition(":")
    name, _, part = rest.partition(".")
    if what == "assessment":
        return HistoryLine("", "The assessment", NOTHING if old is None else old, new or "")
    if kind == "answer":
        return _answer(name, part, old, new, q)
    if kind == "referent":
        area = _area_title(name, q)
        return HistoryLine("", f"{area}: {_REFERENT_PARTS.get(part, part)}", *_plain(old, new))
    if kind == "checklist":
        return _checklist(name, part, old, new, q)
    if kind == "target":
        title = f"{_area_title(name, q)}: target and route"
        return HistoryLine("", title, _target_words(old), _target_words(new))
    if kind == "reference":
        title = f"Trust reference for {_area_title(rest, q)}"
        return HistoryLine("", title, _reference(old), _reference(new))
    return _detail(what, old, new, q)


def _detail(what: str, old, new, q: Questionnaire) -> HistoryLine:
    """The assessment's own details, the decision, and the date of its trust reference."""
    if what == "referents":
        return HistoryLine("", _DETAILS[what], _areas(old, q), _areas(new, q))
    if what == "school":
        return HistoryLine("", _DETAILS[what], _school(old), _school(new))
    if what == "perspective":
        return HistoryLine("", _DETAILS[what], _perspective(old), _perspective(new))
    if what == "decision":
        return HistoryLine("", "Decision put to the board", _decision(old), _decision(new))
    if what == "reference_as_of":
        title = "Trust reference: as it stood on"
        return HistoryLine("", title, old or "no date", new or "no date")
    if what in _DETAILS:
        return HistoryLine("", _DETAILS[what], *_plain(old, new))
    return HistoryLine("", what, *_plain(old, new))


def _answer(question_id: str, part: str, old, new, q: Questionnaire) -> HistoryLine:
    question = q.question(question_id)
    referent = q.referent_of(question_id)
    where = f"{referent.title}: “{question.text}”" if question and referent else question_id
    title = f"{where}: {_ANSWER_PARTS.get(part, part)}"
    if part == "option" and question is not None:
        return HistoryLine("", title, _option(question, old), _option(question, new))
    if part == "evidence":
        return HistoryLine("", title, _listed(old), _listed(new))
    if part == "flags":
        return HistoryLine("", title, _flags(old), _flags(new))
    return HistoryLine("", title, *_plain(old, new))


def _flags(value: str | None) -> str:
    items = _json(value)
    if isinstance(items, list):
        return ", ".join(_FLAGS.get(str(i), str(i)) for i in items) or "no flags"
    return NOTHING if value is None else str(value)


def _option(question, key: str | None) -> str:
    if key is None:
        return "not answered"
    option = question.option(key)
    return option.label if option else key


def _checklist(item_id: str, part: str, old, new, q: Questionnaire) -> HistoryLine:
    found = q.checklist_items().get(item_id)
    where = f"Due diligence: {found[1].text}" if found else f"Due diligence: {item_id}"
    title = f"{where}: {_ITEM_PARTS.get(part, part)}"
    if part == "status":
        return HistoryLine("", title, _item_status(old), _item_status(new))
    if part == "finding":
        return HistoryLine("", title, _finding(old), _finding(new))
    return HistoryLine("", title, *_plain(old, new))


def _finding(value: str | None) -> str:
    """ "Serious: Roof at end of life (£180,000, estimated)"; "no finding" when none."""
    f = _json(value)
    if not isinstance(f, dict):
        return "no finding" if value is None else str(value)
    level = str(f.get("level", ""))
    words = _LEVELS.get(level, level).capitalize()
    if f.get("text"):
        words += f": {f['text']}"
    cost = f.get("cost")
    if isinstance(cost, dict):
        words += f" ({_cost(cost)})"
    return words


def _cost(cost: dict) -> str:
    amount, basis = cost.get("amount"), str(cost.get("basis") or "unknown")
    if not isinstance(amount, int | float):
        return "cost not yet known" if basis == "unknown" else f"cost {basis}, no amount"
    return f"£{amount:,.0f}, {basis}"


def _item_status(value: str | None) -> str:
    if value is None:
        return "not started"
    try:
        return ITEM_STATUS_LABELS[ItemStatus(value)]
    except ValueError:
        return value


def _area_title(referent_id: str, q: Questionnaire) -> str:
    referent = q.referent(referent_id)
    return referent.title if referent else referent_id


def _plain(old: str | None, new: str | None) -> tuple[str, str]:
    return (old if old else NOTHING), (new if new else NOTHING)


def _json(value: str | None):
    if value is None:
        return None
    try:
        return json.loads(value)
    except ValueError:
        return value


def _listed(value: str | None) -> str:
    items = _json(value)
    if isinstance(items, list):
        return ", ".join(str(i).replace("_", " ") for i in items) or NOTHING
    return NOTHING if value is None else str(value)


def _areas(value: str | None, q: Questionnaire) -> str:
    items = _json(value)
    if isinstance(items, list):
        return ", ".join(_area_title(i, q) for i in items) or "all areas"
    return NOTHING if value is None else str(value)


def _school(value: str | None) -> str:
    school = _json(value)
    if isinstance(school, dict):
        return str(school.get("name", "")) or NOTHING
    return NOTHING if value is None else str(value)


def _target_words(value: str | None) -> str:
    target = _json(value)
    if not isinstance(target, dict):
        return "no target" if value is None else str(value)
    x, y = target.get("purpose"), target.get("practice")
    words = f"purpose {_signed(x)}, practice {_signed(y)}"
    if target.get("by"):
        words += f", by {target['by']}"
    steps = target.get("steps") or []
    if steps:
        words += f", {len(steps)} step{'s' if len(steps) != 1 else ''}"
    return words + _agreement(target)


def _agreement(target: dict) -> str:
    """ ", agreed by Both boards on 2026-12-01", ", proposed", or nothing when not recorded."""
    status = target.get("status")
    if status not in ("agreed", "proposed"):
        return ""
    words = f", {status}"
    if target.get("agreed_by"):
        words += f" by {target['agreed_by']}"
    if target.get("agreed_on"):
        words += f" on {target['agreed_on']}"
    return words


def _perspective(value: str | None) -> str:
    return _PERSPECTIVES.get(value or "", value) or "not recorded"


def _decision(value: str | None) -> str:
    d = _json(value)
    if not isinstance(d, dict):
        return "none recorded" if value is None else str(value)
    parts = [f"“{d['question']}”" if d.get("question") else "no question yet"]
    for key, words in (("decide_by", "decide by"), ("joining_on", "joining on")):
        if d.get(key):
            parts.append(f"{words} {d[key]}")
    if d.get("recommendation"):
        parts.append(f"recommended: {d['recommendation']}")
    conditions = d.get("conditions") or []
    if conditions:
        parts.append(f"{len(conditions)} condition{'s' if len(conditions) != 1 else ''}")
    return ", ".join(parts)


def _reference(value: str | None) -> str:
    ref = _json(value)
    if not isinstance(ref, dict):
        return NOTHING if value is None else str(value)
    said = [f"{words}: {ref[key]}" for key, words in _REFERENCE_PARTS if ref.get(key)]
    return "; ".join(said) or NOTHING


def _signed(v) -> str:
    if not isinstance(v, int | float):
        return "?"
    return f"{v:+.2f}".replace("-", "−")


def local_time(at: str) -> str:
    """A stored UTC time as the computer's local time, to the minute ("2026-12-05 14:03")."""
    try:
        when = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return at
    if when.tzinfo is not None:
        when = when.astimezone()
    return when.strftime("%Y-%m-%d %H:%M")


def history(rows, q: Questionnaire) -> list[HistoryLine]:
    """Audit rows `(what, old, new, at)`, oldest first, in words."""
    lines = []
    for what, old, new, at in rows:
        line = describe(what, old, new, q)
        lines.append(HistoryLine(at, line.what, line.old, line.new))
    return lines
