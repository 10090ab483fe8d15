"""The assessment bundle (JSON, formats 1 and 2): how an assessment travels between laptops.

`read_bundle` checks a whole bundle (its shape, the questionnaire it carries, then every
reference against that questionnaire) before anything is written anywhere; problems name
where they are, in words. The shape is in `bundle_models` (format 2) and `bundle_v1`.
"""

from __future__ import annotations

import json
import re
import uuid

from pydantic import ValidationError

from ddwizard.core.assessment import (
    Answer,
    Assessment,
    ChecklistEntry,
    Cost,
    Decision,
    Finding,
    ItemStatus,
    ReferentNote,
    School,
    Status,
    Step,
    Target,
    TargetStatus,
    Trust,
    TrustReference,
    new_uid,
)
from ddwizard.core.bundle_checks import loads, text_problems
from ddwizard.core.bundle_definition import QuestionnaireLookup, choose, read_definition
from ddwizard.core.bundle_models import BundleM, CostM, FindingM
from ddwizard.core.bundle_v1 import Bundle1, upgrade
from ddwizard.core.bundle_write import FORMAT, FORMAT_VERSION, dumps_bundle, write_bundle
from ddwizard.core.errors import UserError
from ddwizard.core.questionnaire import Questionnaire

MAX_BUNDLE_BYTES = 50 * 1024 * 1024


class BundleError(UserError):
    """A bundle that cannot be imported; `problems` are one line each, in words."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


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
    """Check and convert a decoded bundle. Returns the assessment, its questionnaire (the
    database's own copy, or the one the bundle carries when the database has none), and
    whether the bundle carried its own uid (False: a new uid was made)."""

    def refuse(problems: list[str]) -> BundleError:
        return BundleError([f"{source}: {p}" for p in problems])

    version = _check_format(data, source)
    try:
        b = upgrade(Bundle1.model_validate(data)) if version == 1 else BundleM.model_validate(data)
    except ValidationError as e:
        raise refuse([_describe(err) for err in e.errors()]) from None
    q, problems = _questionnaire(b, lookup)
    if q is None or problems:
        raise refuse(problems)
    problems = _check_references(b, q)
    if problems:
        raise refuse(problems)
    had_uid = bool(b.assessment.uid)
    return _to_assessment(b, q), q, had_uid


def _questionnaire(b: BundleM, lookup: QuestionnaireLookup) -> tuple[Questionnaire | None, list]:
    ref = b.questionnaire
    if ref.definition is not None:
        carried, problems = read_definition(ref.definition, ref.id, ref.version)
        return (None, problems) if carried is None else choose(carried, lookup)
    q = lookup(ref.id, ref.version)
    if q is None:
        return None, [
            f"questionnaire '{ref.id}' version '{ref.version}' is not in this database and "
            "the bundle does not carry it; add it first with "
            "'ddwizard questionnaire add FILE.yaml'"
        ]
    return q, []


def _check_format(data: dict, source: str) -> int:
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
                f"(format_version {version}); this version reads format_version 1 to "
                f"{FORMAT_VERSION}. Update ddwizard to import it."
            ]
        )
    if version not in (1, 2) or isinstance(version, bool):
        raise BundleError(
            [
                f"{source}: `format_version` should be the number 1 or 2, "
                f"found {json.dumps(version)[:60]}"
            ]
        )
    return version


def _describe(err: dict) -> str:
    where = ".".join(str(p) for p in err["loc"]) or "the bundle"
    kind = err["type"]
    if kind == "extra_forbidden":
        return f"unknown field `{where}` (is it a typo?)"
    if kind == "missing":
        return f"`{where}` is required but missing"
    if kind == "value_error":
        return f"`{where}`: {err['ctx']['error']}"
    if kind == "model_type":
        shape = _SHAPES.get(str(err["loc"][-1]), "")
        return (
            f"`{where}` should be a JSON object{shape} (found {json.dumps(err.get('input'))[:60]})"
        )
    if kind == "string_too_long":
        limit, found = err["ctx"]["max_length"], len(err.get("input", ""))
        return f"`{where}` is longer than {limit:,} characters (it has {found:,}); shorten it"
    return f"`{where}`: {err['msg'].lower()} (found {json.dumps(err.get('input'))[:60]})"


# What a field that holds an object looks like, where format 1 held a single value.
_SHAPES = {"confidence": ', one for each axis: {"purpose": "medium", "practice": "high"}'}


def _check_references(b: BundleM, q: Questionnaire) -> list[str]:
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
    problems += _duplicates([r.referent for r in b.trust.reference], "trust.reference", "area")
    problems += _duplicates([a.question for a in b.answers], "answers", "question")
    problems += _duplicates([n.referent for n in b.referent_notes], "referent_notes", "area")
    problems += _duplicates([t.referent for t in b.targets], "targets", "area")
    problems += _duplicates([e.item for e in b.due_diligence], "due_diligence", "item")
    problems += _check_answers(b, q)
    for i, e in enumerate(b.due_diligence):
        if e.item not in items:
            problems.append(
                f"due_diligence.{i}: checklist item '{e.item}' is not in questionnaire '{q.id}'"
            )
    if b.assessment.uid is not None and not _valid_uid(b.assessment.uid):
        problems.append(f"assessment.uid: '{b.assessment.uid[:60]}' is not a valid uid")
    return problems


def _check_answers(b: BundleM, q: Questionnaire) -> list[str]:
    problems = []
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


def _to_assessment(b: BundleM, q: Questionnaire) -> Assessment:
    m = b.assessment
    return Assessment(
        uid=str(uuid.UUID(m.uid)) if m.uid else new_uid(),
        school=School(**b.school.model_dump()),
        trust=Trust(
            b.trust.name,
            tuple(TrustReference(**r.model_dump()) for r in b.trust.reference),
            b.trust.reference_as_of,
        ),
        questionnaire_id=q.id,
        questionnaire_version=q.version,
        label=m.label,
        assessor=m.assessor,
        assessed_on=m.assessed_on,
        status=Status(m.status),
        assessor_role=m.assessor_role,
        perspective=m.perspective,
        decision=None if b.decision is None else Decision(**b.decision.model_dump()),
        referents=tuple(b.referents or ()),
        answers=tuple(
            Answer(a.question, a.option, a.note, tuple(a.evidence), tuple(a.flags))
            for a in b.answers
        ),
        referent_notes=tuple(_note(n) for n in b.referent_notes),
        targets=tuple(_target(t) for t in b.targets),
        due_diligence=tuple(_entry(e) for e in b.due_diligence),
    )


def _note(n) -> ReferentNote:
    c = n.confidence
    return ReferentNote(n.referent, c and c.purpose, c and c.practice, n.note)


def _target(t) -> Target:
    steps = tuple(Step(**s.model_dump()) for s in t.steps)
    return Target(
        t.referent,
        t.purpose,
        t.practice,
        t.by,
        t.return_trip,
        t.rationale,
        steps,
        TargetStatus(t.status or TargetStatus.NOT_RECORDED),
        t.agreed_by,
        t.agreed_on,
    )


def _entry(e) -> ChecklistEntry:
    return ChecklistEntry(e.item, ItemStatus(e.status), e.note, e.owner, e.due, _finding(e.finding))


def _finding(f: FindingM | None) -> Finding | None:
    return None if f is None else Finding(f.level, f.text, _cost(f.cost))


def _cost(c: CostM | None) -> Cost | None:
    return None if c is None else Cost(c.amount, c.basis)


__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "BundleError",
    "dumps_bundle",
    "parse_json",
    "read_bundle",
    "write_bundle",
]
