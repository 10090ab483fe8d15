"""What the command line and the app both do: open the database, find questionnaires,
import and export bundles, make the demo. Built from core and storage only.

Bundles and questionnaire files are read with pydantic and PyYAML, imported here only when
one is read: opening the app needs neither.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import TYPE_CHECKING

from ddwizard import paths
from ddwizard.core.errors import UserError
from ddwizard.fileio import atomic_write
from ddwizard.resources import default_questionnaire_path, resource
from ddwizard.storage import Database, DuplicateAssessment, NotFound

if TYPE_CHECKING:
    from ddwizard.core.assessment import Assessment
    from ddwizard.core.questionnaire import Questionnaire


class ImportMode:
    REFUSE = "refuse"
    REPLACE = "replace"
    COPY = "copy"


def open_database(path: str | os.PathLike | None = None, *, check_later: bool = False) -> Database:
    """The database at `path` (else the default place); see Database for `check_later`."""
    return Database(paths.database_path(path), check_later=check_later)


@functools.cache
def shipped_default() -> Questionnaire:
    from ddwizard.core.qfile import load_questionnaire

    return load_questionnaire(default_questionnaire_path())


def default_source() -> str:
    return default_questionnaire_path().read_text(encoding="utf-8")


def ensure_default(db: Database) -> Questionnaire:
    """The shipped questionnaire, stored in the database so assessments can keep its copy."""
    q = shipped_default()
    if not any(i.id == q.id and i.version == q.version for i in db.questionnaires()):
        db.add_questionnaire(q, default_source())
    return q


def lookup(db: Database):
    """A questionnaire finder for bundles: stored copies first, then the shipped default."""

    def find(qid: str, version: str) -> Questionnaire | None:
        try:
            return db.get_questionnaire(qid, version)
        except NotFound:
            q = shipped_default()
            return q if (q.id, q.version) == (qid, version) else None

    return find


def read_bundle_file(db: Database, path: str | os.PathLike) -> tuple[Assessment, Questionnaire]:
    from ddwizard.core import bundle

    source = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as e:
        raise bundle.BundleError([f"{source}: cannot read the file: {e.strerror or e}"]) from e
    data = bundle.parse_json(raw, source)
    assessment, questionnaire, _ = bundle.read_bundle(data, lookup(db), source)
    return assessment, questionnaire


def import_assessment(
    db: Database,
    assessment: Assessment,
    questionnaire: Questionnaire,
    mode: str = ImportMode.REFUSE,
) -> int:
    """Add one checked assessment in one transaction; a uid already here is refused unless
    `mode` says replace (after a backup) or copy (with a new uid)."""
    if mode == ImportMode.REPLACE and db.find_uid(assessment.uid) is not None:
        db.backup()  # before the transaction: a backup cannot be taken inside one
    with db.atomic():  # the uid check and the write together, whoever else is importing
        _same_questionnaire_here(db, questionnaire)
        existing = db.find_uid(assessment.uid)
        if existing is None:
            return db.create_assessment(assessment, questionnaire)
        if mode == ImportMode.COPY:
            from ddwizard.core.assessment import new_uid

            copy = assessment.with_changes(uid=new_uid())
            return db.create_assessment(copy, questionnaire)
        if mode == ImportMode.REPLACE:
            db.replace_assessment(existing, assessment, questionnaire)
            return existing
        raise _duplicate(db, existing)


def _same_questionnaire_here(db: Database, q: Questionnaire) -> None:
    """Checked again inside the import's transaction: since the bundle was read, another
    import may have added a different questionnaire under the same id and version."""
    from ddwizard.core.bundle_definition import choose

    _, problems = choose(q, lookup(db))
    if problems:
        raise QuestionnaireChanged("\n".join(problems))


def _duplicate(db: Database, existing: int) -> DuplicateAssessment:
    info = db.assessment_info(existing)
    name = f"{info.school} / {info.trust}" + (f" ({info.label})" if info.label else "")
    return DuplicateAssessment(
        f"this assessment is already in the database as number {existing}: {name}. "
        "Use --replace to replace it (a backup is taken first) or --copy to add it as a "
        "new assessment.",
        existing,
        info.label,
    )


def add_questionnaire(db: Database, path: str | os.PathLike) -> Questionnaire:
    """Make a trust's questionnaire available. The same id and version with different
    questions is refused: assessments made with the stored copy must keep it."""
    from ddwizard.core.qfile import load_questionnaire

    q = load_questionnaire(path)
    try:
        stored = db.get_questionnaire(q.id, q.version)
    except NotFound:
        stored = None
    if stored is not None and stored != q:
        raise QuestionnaireChanged(
            f"{path}: questionnaire '{q.id}' version '{q.version}' is already here with "
            "different questions. Change `version` in the file (for example to "
            f'"{_next_version(q.version)}") and add it again; assessments made with the '
            "earlier questions keep them."
        )
    db.add_questionnaire(q, Path(path).read_text(encoding="utf-8"))
    return q


class QuestionnaireChanged(UserError):
    """A questionnaire's questions changed without a new version."""


def _next_version(version: str) -> str:
    return str(int(version) + 1) if version.isdigit() else version + ".1"


def export_assessment(db: Database, assessment_id: int, path: str | os.PathLike) -> Path:
    from ddwizard.core.bundle_write import dumps_bundle

    # The stored copy of the questionnaire travels with it: the bundle opens anywhere.
    text = dumps_bundle(db.load_assessment(assessment_id), db.questionnaire_for(assessment_id))
    return atomic_write(path, text.encode("utf-8"))


DEMO = "demo.json"  # the trust's pre-join visit
DEMO_SCHOOL_VIEW = "demo-school.json"  # the same school's own view of the same areas


def create_demo(db: Database, name: str = DEMO) -> int:
    """Add one demo assessment (a new one each time, with a fresh uid)."""
    from ddwizard.core import bundle
    from ddwizard.core.assessment import new_uid

    data = bundle.parse_json(resource(name).read_bytes(), name)
    ensure_default(db)
    assessment, questionnaire, _ = bundle.read_bundle(data, lookup(db), name)
    return db.create_assessment(assessment.with_changes(uid=new_uid()), questionnaire)


def add_demo(db: Database) -> tuple[int, int]:
    """Add the demo pair, both or neither: the trust's visit, then the school's own view of
    the same areas (so `compare` has two perspectives to show). Returns both ids."""
    with db.atomic():
        return create_demo(db, DEMO), create_demo(db, DEMO_SCHOOL_VIEW)


def earlier_for_brief(db: Database, assessment_id: int):
    """The newest earlier assessment of the same school and trust, for the movement shown
    in the brief; None when there is none."""
    earlier = db.previous_assessments(assessment_id)
    if not earlier:
        return None
    return db.load_assessment(earlier[0].id), db.questionnaire_for(earlier[0].id)


def resolve_id(db: Database, text: str) -> int:
    """An assessment by its number in `list`, or by its uid; anything else is refused in
    words (only ASCII digits make a number: `²` or `١` are not one)."""
    shown = text.encode("utf-8", "backslashreplace").decode("utf-8")
    if text.isascii() and text.isdigit():
        if len(text) > 18 or int(text) == 0:  # past SQLite's integers: no such number
            raise NotFound(f"there is no assessment number {shown} (see 'ddwizard list')")
        db.load_assessment(int(text))  # NotFound in words if it is not there
        return int(text)
    if not text.strip() or not shown.isprintable() or shown != text:
        raise NotFound(
            f"'{shown}' is not an assessment number or uid (see 'ddwizard list' for both)"
        )
    found = db.find_uid(text)
    if found is None:
        raise NotFound(f"there is no assessment '{text}' (see 'ddwizard list')")
    return found


# --- comparisons and re-assessment (shared by the command line and the app) -------------------


def compare_assessments(db: Database, ids: list[int]):
    """The comparison of the assessments with these ids, in the order given. Candidate
    trusts are then read whole: their options paper needs each one's decision, checklist,
    targets and the trust's own reference, which a comparison alone does not read (and a
    school weighs a few trusts, not a hundred)."""
    from ddwizard.core.compare import Kind, compare
    from ddwizard.storage.comparing import load_for_comparison

    comparison = compare(load_for_comparison(db, ids))
    if comparison.kind != Kind.TRUSTS:
        return comparison
    return compare([(i, db.load_assessment(i), db.questionnaire_for(i)) for i in ids])


def comparison_ids(db: Database, texts: list[str]) -> list[int]:
    """Assessments by number or uid, as `compare` takes them. A number is checked when the
    assessments are read, all together, not one by one here."""
    return [
        int(t) if t.isascii() and t.isdigit() and len(t) <= 18 else resolve_id(db, t) for t in texts
    ]


def newest_questionnaire(db: Database, qid: str) -> Questionnaire | None:
    """The latest version of questionnaire `qid` held here (the shipped default included)."""
    from ddwizard.core.reassess import newer_than

    if qid == shipped_default().id:
        ensure_default(db)
    best = None
    for info in db.questionnaires():
        if info.id == qid and (best is None or newer_than(info.version, best)):
            best = info.version
    return db.get_questionnaire(qid, best) if best is not None else None


def resolve_questionnaire(db: Database, text: str) -> Questionnaire:
    """`QID` (its newest version here) or `QID@VERSION`, as `reassess --questionnaire` takes."""
    qid, _, version = text.partition("@")
    if qid == shipped_default().id:
        ensure_default(db)
    if version:
        return db.get_questionnaire(qid, version)
    found = newest_questionnaire(db, qid)
    if found is None:
        raise NotFound(
            f"there is no questionnaire '{qid}' here (see 'ddwizard questionnaire list'; "
            "'ddwizard questionnaire add FILE.yaml' adds one)"
        )
    return found


def reassess(
    db: Database,
    assessment_id: int,
    questionnaire: Questionnaire | None = None,
    assessed_on: str | None = None,
):
    """A new draft assessment of the same school and trust, from this one's answers, notes,
    confidence and targets, with `questionnaire` (else the one it was made with). Returns
    (new id, the core's Reassessment: what was carried and what dropped)."""
    import datetime

    from ddwizard.core.assessment import new_uid
    from ddwizard.core.reassess import reassess as carry

    old = db.load_assessment(assessment_id)
    q = questionnaire or db.questionnaire_for(assessment_id)
    when = assessed_on or datetime.date.today().isoformat()
    result = carry(old, q, uid=new_uid(), assessed_on=when)
    return db.create_assessment(result.assessment, q), result
