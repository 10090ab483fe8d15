"""Writing an assessment as a bundle (DESIGN.md, "The assessment bundle"; docs/formats.md).

Apart from reading bundles (`bundle`), which validates with pydantic: exporting an
assessment needs none of that.
"""

from __future__ import annotations

import json

from ddwizard import written_by
from ddwizard.core.assessment import Assessment

FORMAT = "ddwizard.assessment"
FORMAT_VERSION = 1


def write_bundle(a: Assessment) -> dict:
    """The bundle document for an assessment (always with its uid)."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "questionnaire": {"id": a.questionnaire_id, "version": a.questionnaire_version},
        "school": {
            "name": a.school.name,
            "urn": a.school.urn,
            "phase": a.school.phase,
            "local_authority": a.school.local_authority,
        },
        "trust": {
            "name": a.trust.name,
            "reference": [
                {"referent": r.referent, "practice": r.practice, "purpose": r.purpose}
                for r in a.trust.reference
            ],
        },
        "assessment": {
            "uid": a.uid,
            "label": a.label,
            "assessor": a.assessor,
            "assessed_on": a.assessed_on,
            "status": a.status.value,
        },
        "referents": list(a.referents),
        "answers": [
            {
                "question": x.question,
                "option": x.option,
                "note": x.note,
                "evidence": list(x.evidence),
            }
            for x in a.answers
        ],
        "referent_notes": [
            {
                "referent": n.referent,
                "confidence": n.confidence.value if n.confidence else None,
                "note": n.note,
            }
            for n in a.referent_notes
        ],
        "targets": [
            {
                "referent": t.referent,
                "purpose": t.purpose,
                "practice": t.practice,
                "by": t.by,
                "return_trip": t.return_trip,
                "rationale": t.rationale,
                "steps": [
                    {"purpose": s.purpose, "practice": s.practice, "by": s.by, "action": s.action}
                    for s in t.steps
                ],
            }
            for t in a.targets
        ],
        "due_diligence": [
            {
                "item": e.item,
                "status": e.status.value,
                "note": e.note,
                "owner": e.owner,
                "due": e.due,
            }
            for e in a.due_diligence
        ],
    }


def dumps_bundle(a: Assessment) -> str:
    """The bundle file: the assessment's document, and which program wrote the file."""
    doc = write_bundle(a)
    doc = {"format": FORMAT, "format_version": FORMAT_VERSION, "written_by": written_by(), **doc}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
