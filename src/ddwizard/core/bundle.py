"""The assessment bundle (JSON, format 1): how an assessment travels between laptops.

`read_bundle` checks a whole bundle (shape, then every reference against its questionnaire)
before anything is written anywhere; problems name where they are, in words.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ddwizard.core.assessment import (
    Answer,
    Assessment,
    ChecklistEntry,
    Confidence,
    Finding,
    FindingLevel,
    ItemStatus,
    ReferentNote,
    School,
    Status,
    Step,
    Target,
    Trust,
    TrustReference,
    new_uid,
)
from ddwizard.core.bundle_checks import Day, Long, Month, Name, Short, loads, text_problems
from ddwizard.core.bundle_write import FORMAT, FORMAT_VERSION, dumps_bundle, write_bundle
from ddwizard.core.errors import UserError
from ddwizard.core.questionnaire import EVIDENCE_SOURCES, Questionnaire

MAX_BUNDLE_BYTES = 50 * 1024 * 1024

Text = Long  # notes, rationales, actions: see bundle_checks for the limits
Coord = Annotated[float, Field(ge=-1, le=1, allow_inf_nan=False)]
Evidence = Literal[EVIDENCE_SOURCES]  # type: ignore[valid-type]


class BundleError(UserError):
    """A bundle that cannot be imported; `problems` are one line each, in words."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False, frozen=True)


class _QRef(_Model):
    id: Short
    version: Short


class _School(_Model):
    name: Name
    urn: Short = ""
    phase: Short = ""
    local_authority: Short = ""


class _Reference(_Model):
    referent: Short
    practice: Text = ""
    purpose: Text = ""


class _Trust(_Model):
    name: Name
    reference: list[_Reference] = []


class _Meta(_Model):
    uid: Short | None = None
    label: Short = ""
    assessor: Short = ""
    assessed_on: Day = ""
    status: Status = Status.DRAFT


class _Answer(_Model):
    question: Short
    option: Short | None = None
    note: Text = ""
    evidence: list[Evidence] = []


class _RNote(_Model):
    referent: Short
    confidence: Confidence | None = None
    note: Text = ""


class _Step(_Model):
    purpose: Coord
    practice: Coord
    by: Month = ""
    action: Text = ""


class _Target(_Model):
    referent: Short
    purpose: Coord
    practice: Coord
    by: Month = ""
    return_trip: bool = False
    rationale: Text = ""
    steps: list[_Step] = []


class _Entry(_Model):
    item: Short
    status: ItemStatus | Literal["concern"] = ItemStatus.NOT_STARTED  # "concern": format 1
    note: Text = ""
    owner: Short = ""
    due: Day = ""


class _Bundle(_Model):
    format: Literal["ddwizard.assessment"]
    format_version: Literal[1]
    written_by: Text = ""  # (2) who exported it; import ignores it
    questionnaire: _QRef
    school: _School
    trust: _Trust
    assessment: _Meta = _Meta()
    referents: list[Short] | None = None
    answers: list[_Answer] = []
    referent_notes: list[_RNote] = []
    targets: list[_Target] = []
    due_diligence: list[_Entry] = []


QuestionnaireLookup = Callable[[str, str], Questionnaire | None]


def parse_json(raw: bytes | str, source: str = "bundle") -> dict:
    """Decode a bundle's bytes; problems in words, never a traceback."""
    if isinstance(raw, bytes):
        if len(raw) > MAX_BUNDLE_BYTES:
            raise BundleError([f"{source}: the file is larger than 50 MB; it is not a bundle"])
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise BundleError([f"{source}: the file is not UTF-8 text (byte {e.start})"]) from e
    try:
        data = loads(raw)
    except json.JSONDecodeError as e:
        raise BundleError(
            [f"{source}: not valid JSON at line {e.lineno}, column {e.colno}: {e.msg}"]
        ) from e
    except RecursionError as e:
        raise BundleError([f"{source}: the JSON is nested too deeply to be a bundle"]) from e
    if not isinstance(data, dict):
        raise BundleError([f"{source}: a bundle is a JSON object, not {type(data).__name__}"])
    problems = text_problems(data)
    if problems:
        raise BundleError([f"{source}: {p}" for p in problems])
    return data


def read_bundle(
    data: dict, lookup: QuestionnaireLookup, source: str = "bundle"
) -> tuple[Assessment, Questionnaire, bool]:
    """Check and convert a decoded bundle. Returns the assessment, its questionnaire, and
    whether the bundle carried its own uid (False: a new uid was made)."""
    _check_format(data, source)
    try:
        b = _Bundle.model_validate(data)
    except ValidationError as e:
        raise BundleError([f"{source}: {_describe(err)}" for err in e.errors()]) from None
    q = lookup(b.questionnaire.id, b.questionnaire.version)
    if q is None:
        raise BundleError(
            [
                f"{source}: questionnaire '{b.questionnaire.id}' version "
                f"'{b.questionnaire.version}' is not in this database; add it first with "
                "'ddwizard questionnaire add FILE.yaml'"
            ]
        )
    problems = _check_references(b, q)
    if problems:
        raise BundleError([f"{source}: {p}" for p in problems])
    had_uid = bool(b.assessment.uid)
    return _to_assessment(b, q), q, had_uid


def _check_format(data: dict, source: str) -> None:
    fmt, version = data.get("format"), data.get("format_version")
    if fmt != FORMAT:
        raise BundleError(
            [
                f"{source}: not a ddwizard assessment bundle "
                f'(`format` should be "{FORMAT}", found {json.dumps(fmt)})'
            ]
        )
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise BundleError(
            [
                f"{source}: this bundle was written by a newer version of ddwizard "
                f"(format_version {version}); this version reads format_version {FORMAT_VERSION}. "
                "Update ddwizard to import it."
            ]
        )


def _describe(err: dict) -> str:
    where = ".".join(str(p) for p in err["loc"]) or "the bundle"
    kind = err["type"]
    if kind == "extra_forbidden":
        return f"unknown field `{where}` (is it a typo?)"
    if kind == "missing":
        return f"`{where}` is required but missing"
    if kind == "value_error":
        return f"`{where}`: {err['ctx']['error']}"
    if kind == "string_too_long":
        limit, found = err["ctx"]["max_length"], len(err.get("input", ""))
        return f"`{where}` is longer than {limit:,} characters (it has {found:,}); shorten it"
    return f"`{where}`: {err['msg'].lower()} (found {json.dumps(err.get('input'))[:60]})"


def _check_references(b: _Bundle, q: Questionnaire) -> list[str]:
    referent_ids = {r.id for r in q.referents}
    items = q.checklist_items()
    problems: list[str] = []

    def known_referent(rid: str, where: str) -> None:
        if rid not in referent_ids:
            problems.append(f"{where}: area '{rid}' is not in questionnaire '{q.id}'")

    for i, rid in enumerate(b.referents or []):
        known_referent(rid, f"referents.{i}")
    for i, ref in enumerate(b.trust.reference):
        known_referent(ref.referent, f"trust.reference.{i}")
    for i, note in enumerate(b.referent_notes):
        known_referent(note.referent, f"referent_notes.{i}")
    for i, t in enumerate(b.targets):
        known_referent(t.referent, f"targets.{i}")
    problems += _duplicates([a.question for a in b.answers], "answers", "question")
    problems += _duplicates([n.referent for n in b.referent_notes], "referent_notes", "area")
    problems += _duplicates([t.referent for t in b.targets], "targets", "area")
    problems += _duplicates([e.item for e in b.due_diligence], "due_diligence", "item")
    for i, a in enumerate(b.answers):
        question = q.question(a.question)
        if question is None:
            problems.append(
                f"answers.{i}: question '{a.question}' is not in questionnaire '{q.id}'"
            )
        elif a.option is not None and question.option(a.option) is None:
            keys = ", ".join(o.key for o in question.options)
            problems.append(
                f"answers.{i}: '{a.option}' is not an answer to question "
                f"'{a.question}' (its answers are: {keys})"
            )
    for i, e in enumerate(b.due_diligence):
        if e.item not in items:
            problems.append(
                f"due_diligence.{i}: checklist item '{e.item}' is not in questionnaire '{q.id}'"
            )
    if b.assessment.uid is not None and not _valid_uid(b.assessment.uid):
        problems.append(f"assessment.uid: '{b.assessment.uid[:60]}' is not a valid uid")
    return problems


def _duplicates(ids: list[str], where: str, what: str) -> list[str]:
    seen: set[str] = set()
    out = []
    for i, x in enumerate(ids):
        if x in seen:
            out.append(f"{where}.{i}: the {what} '{x}' appears more than once")
        seen.add(x)
    return out


_UID = re.compile(r"^[0-9a-fA-F-]{32,36}$")


def _valid_uid(uid: str) -> bool:
    if not _UID.match(uid):
        return False
    try:
        uuid.UUID(uid)
    except ValueError:
        return False
    return True


def _to_assessment(b: _Bundle, q: Questionnaire) -> Assessment:
    m = b.assessment
    return Assessment(
        uid=str(uuid.UUID(m.uid)) if m.uid else new_uid(),
        school=School(**b.school.model_dump()),
        trust=Trust(
            b.trust.name, tuple(TrustReference(**r.model_dump()) for r in b.trust.reference)
        ),
        questionnaire_id=q.id,
        questionnaire_version=q.version,
        label=m.label,
        assessor=m.assessor,
        assessed_on=m.assessed_on,
        status=Status(m.status),
        referents=tuple(b.referents or ()),
        answers=tuple(Answer(a.question, a.option, a.note, tuple(a.evidence)) for a in b.answers),
        referent_notes=tuple(
            ReferentNote.same(
                n.referent, Confidence(n.confidence) if n.confidence else None, n.note
            )
            for n in b.referent_notes
        ),
        targets=tuple(
            Target(
                t.referent,
                t.purpose,
                t.practice,
                t.by,
                t.return_trip,
                t.rationale,
                tuple(Step(s.purpose, s.practice, s.by, s.action) for s in t.steps),
            )
            for t in b.targets
        ),
        due_diligence=tuple(_entry(e) for e in b.due_diligence),
    )


def _entry(e: _Entry) -> ChecklistEntry:
    """Format 1's status "concern" is "done" with a finding of that level: the note is its
    text (and stays the note), as storage's migration m003 reads an older database."""
    if e.status == "concern":
        finding = Finding(FindingLevel.CONCERN, e.note)
        return ChecklistEntry(e.item, ItemStatus.DONE, e.note, e.owner, e.due, finding)
    return ChecklistEntry(e.item, ItemStatus(e.status), e.note, e.owner, e.due)


__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "BundleError",
    "dumps_bundle",
    "parse_json",
    "read_bundle",
    "write_bundle",
]
