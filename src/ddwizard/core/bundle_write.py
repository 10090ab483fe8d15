"""Writing an assessment as a bundle, format 2 (docs/formats.md, "The assessment bundle").

Apart from reading bundles (`bundle`), which checks everything: exporting an assessment
needs none of that. Every field is written, empty ones included, so a script reading a
bundle finds each key where the format says.
"""

from __future__ import annotations

import json

from ddwizard import written_by
from ddwizard.core.assessment import (
    Answer,
    Assessment,
    ChecklistEntry,
    Decision,
    Finding,
    ReferentNote,
    Target,
)
from ddwizard.core.bundle_definition import embedded
from ddwizard.core.questionnaire import Questionnaire

FORMAT = "ddwizard.assessment"
FORMAT_VERSION = 2


def write_bundle(a: Assessment, q: Questionnaire | None = None) -> dict:
    """The bundle document for an assessment (always with its uid), carrying `q`, the
    questionnaire it was made with. `export` always gives it; without it the bundle names the
    questionnaire only, as format 1 did."""
    ref: dict = {"id": a.questionnaire_id, "version": a.questionnaire_version}
    if q is not None:
        if (q.id, q.version) != (a.questionnaire_id, a.questionnaire_version):
            raise ValueError(
                f"assessment made with {a.questionnaire_id}@{a.questionnaire_version}, "
                f"not {q.id}@{q.version}"
            )
        ref["definition"] = embedded(q)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "questionnaire": ref,
        "school": {
            "name": a.school.name,
            "urn": a.school.urn,
            "phase": a.school.phase,
            "local_authority": a.school.local_authority,
        },
        "trust": {
            "name": a.trust.name,
            "reference_as_of": a.trust.reference_as_of,
            "reference": [
                {
                    "referent": r.referent,
                    "practice": r.practice,
                    "purpose": r.purpose,
                    "school_decides": r.school_decides,
                }
                for r in a.trust.reference
            ],
        },
        "assessment": {
            "uid": a.uid,
            "label": a.label,
            "assessor": a.assessor,
            "assessor_role": a.assessor_role,
            "perspective": a.perspective.value if a.perspective else None,
            "assessed_on": a.assessed_on,
            "status": a.status.value,
        },
        "decision": _decision(a.decision),
        "referents": list(a.referents),
        "answers": [_answer(x) for x in a.answers],
        "referent_notes": [_note(n) for n in a.referent_notes],
        "targets": [_target(t) for t in a.targets],
        "due_diligence": [_entry(e) for e in a.due_diligence],
    }


def _decision(d: Decision | None) -> dict | None:
    if d is None:
        return None
    return {
        "question": d.question,
        "decide_by": d.decide_by,
        "joining_on": d.joining_on,
        "school_reasons": d.school_reasons,
        "trust_reasons": d.trust_reasons,
        "recommendation": d.recommendation,
        "conditions": list(d.conditions),
    }


def _answer(x: Answer) -> dict:
    return {
        "question": x.question,
        "option": x.option,
        "note": x.note,
        "evidence": list(x.evidence),
        "flags": [f.value for f in x.flags],
    }


def _note(n: ReferentNote) -> dict:
    def level(c):
        return c.value if c else None

    return {
        "referent": n.referent,
        "confidence": {
            "purpose": level(n.purpose_confidence),
            "practice": level(n.practice_confidence),
        },
        "note": n.note,
    }


def _target(t: Target) -> dict:
    return {
        "referent": t.referent,
        "purpose": t.purpose,
        "practice": t.practice,
        "by": t.by,
        "return_trip": t.return_trip,
        "rationale": t.rationale,
        "status": t.status.value,
        "agreed_by": t.agreed_by,
        "agreed_on": t.agreed_on,
        "steps": [
            {
                "purpose": s.purpose,
                "practice": s.practice,
                "by": s.by,
                "action": s.action,
                "owner": s.owner,
                "tell": s.tell,
            }
            for s in t.steps
        ],
    }


def _entry(e: ChecklistEntry) -> dict:
    return {
        "item": e.item,
        "status": e.status.value,
        "note": e.note,
        "owner": e.owner,
        "due": e.due,
        "finding": _finding(e.finding),
    }


def _finding(f: Finding | None) -> dict | None:
    if f is None:
        return None
    cost = None if f.cost is None else {"amount": f.cost.amount, "basis": f.cost.basis.value}
    return {"level": f.level.value, "text": f.text, "cost": cost}


def dumps_bundle(a: Assessment, q: Questionnaire | None = None) -> str:
    """The bundle file: the assessment's document, and which program wrote the file."""
    doc = write_bundle(a, q)
    doc = {"format": FORMAT, "format_version": FORMAT_VERSION, "written_by": written_by(), **doc}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
