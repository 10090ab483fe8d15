"""The in-memory side of autosave: after storage has committed a change, the model applies
the same change to its `Assessment` snapshot here, instead of reloading the whole thing.

Pure functions of frozen values; they mirror what storage keeps (an answer or area note
emptied of everything is dropped, as storage drops its row).
"""

from __future__ import annotations

from ddwizard.core.assessment import (
    Answer,
    Assessment,
    ChecklistEntry,
    Confidence,
    ReferentNote,
    School,
    Status,
    Target,
    Trust,
    TrustReference,
)
from ddwizard.storage import UNSET


def _put(items: tuple, key: str, value, new) -> tuple:
    """Replace the item whose `key` is `value` by `new` (append if absent, drop if None)."""
    out, found = [], False
    for item in items:
        if getattr(item, key) == value:
            found = True
            if new is not None:
                out.append(new)
        else:
            out.append(item)
    if not found and new is not None:
        out.append(new)
    return tuple(out)


def _given(old, **values) -> dict:
    return {k: getattr(old, k) if v is UNSET else v for k, v in values.items()}


def with_answer(a: Assessment, question: str, option=UNSET, note=UNSET, evidence=UNSET):
    old = a.answer(question) or Answer(question)
    values = _given(old, option=option, note=note, evidence=evidence)
    new = Answer(question, values["option"], values["note"], tuple(values["evidence"]))
    empty = new == Answer(question)
    return a.with_changes(answers=_put(a.answers, "question", question, None if empty else new))


def with_referent_note(a: Assessment, referent: str, confidence=UNSET, note=UNSET):
    old = a.note_for(referent) or ReferentNote(referent)
    values = _given(old, confidence=confidence, note=note)
    level = values["confidence"]
    new = ReferentNote(referent, Confidence(level) if level else None, values["note"])
    empty = new == ReferentNote(referent)
    notes = _put(a.referent_notes, "referent", referent, None if empty else new)
    return a.with_changes(referent_notes=notes)


def with_target(a: Assessment, target: Target) -> Assessment:
    return a.with_changes(targets=_put(a.targets, "referent", target.referent, target))


def without_target(a: Assessment, referent: str) -> Assessment:
    return a.with_changes(targets=_put(a.targets, "referent", referent, None))


def with_entry(a: Assessment, entry: ChecklistEntry) -> Assessment:
    return a.with_changes(due_diligence=_put(a.due_diligence, "item", entry.item, entry))


def with_reference(a: Assessment, ref: TrustReference) -> Assessment:
    refs = _put(a.trust.reference, "referent", ref.referent, ref)
    return a.with_changes(trust=Trust(a.trust.name, refs))


def with_details(a: Assessment, school: School | None = None, status=UNSET, **fields):
    """label, assessor and assessed_on as given; a new trust name is applied by reloading."""
    changes = {k: v for k, v in fields.items() if v is not UNSET}
    if school is not None and school is not UNSET:
        changes["school"] = school
    if status is not UNSET:
        changes["status"] = Status(status)
    return a.with_changes(**changes)
