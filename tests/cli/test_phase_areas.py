"""An assessment's areas follow the school's phase everywhere (DESIGN.md: "`referents` left
out means all of the questionnaire's (for the school's phase)"): `place --json`, the stored
question counts of `list --json`, the brief and a comparison leave out an area the phase
leaves out, and keep one that has something recorded on it."""

from __future__ import annotations

import io
import json
from dataclasses import replace

from pypdf import PdfReader

from ddwizard.cli import main
from ddwizard.core.assessment import Answer, Assessment, School, Trust
from ddwizard.core.changes import AnswerChosen, AnswerCleared, AnswerNoted, AreasSelected
from ddwizard.storage import Database

from ..core.builders import questionnaire, referent


def phased_questionnaire():
    curriculum = referent("curriculum")
    ks2 = replace(curriculum.questions[0], id="curriculum_ks2", phases=("primary",))
    curriculum = replace(curriculum, title="Curriculum", questions=(*curriculum.questions, ks2))
    phonics = replace(referent("phonics"), title="Phonics in Reception", phases=("primary",))
    early = replace(referent("early"), title="Early years foundation stage", phases=("primary",))
    return questionnaire(curriculum, phonics, early)


def secondary(*answers: Answer, referents=()) -> Assessment:
    school = School("Hartwell Academy", phase="Secondary")
    return Assessment(
        "", school, Trust("Fellside Trust"), "test", "1", answers=answers, referents=referents
    )


ANSWERS = (
    Answer("curriculum_pr0", "own"),
    Answer("curriculum_pu0", "mix"),
    Answer("early_pr0", "other", note="Seen on the visit: a Reception class on site."),
)


def run(capsys, *argv: str) -> str:
    capsys.readouterr()
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def placed(capsys, db, aid: int) -> dict[str, dict]:
    doc = json.loads(run(capsys, "--db", str(db), "place", str(aid), "--json"))
    return {row["referent"]: row for row in doc["referents"]}


def counts(capsys, db, aid: int) -> tuple[int, int]:
    rows = json.loads(run(capsys, "--db", str(db), "list", "--json"))
    row = next(r for r in rows if r["id"] == aid)
    return row["answered"], row["questions"]


def test_place_and_counts_leave_out_what_the_phase_does_and_keep_what_is_recorded(tmp_path, capsys):
    db = tmp_path / "phase.db"
    with Database(db) as store:
        aid = store.create_assessment(secondary(*ANSWERS), phased_questionnaire())
    rows = placed(capsys, db, aid)
    assert list(rows) == ["curriculum", "early"]  # no Phonics: primary only, nothing recorded
    assert rows["curriculum"]["questions"] == 4  # its primary question is left out
    assert rows["early"]["answered"] == 1
    assert counts(capsys, db, aid) == (3, 8)

    with Database(db) as store:  # something recorded in Phonics: it is listed and counted
        store.apply(aid, AnswerNoted("phonics_pu0", "The school runs a phonics club."))
    assert "phonics" in placed(capsys, db, aid)
    assert counts(capsys, db, aid) == (3, 12)
    with Database(db) as store:
        store.apply(aid, AnswerChosen("phonics_pr1", "mix"))
        store.apply(aid, AnswerChosen("curriculum_ks2", "own"))
    assert placed(capsys, db, aid)["curriculum"]["questions"] == 5
    assert counts(capsys, db, aid) == (5, 13)
    with Database(db) as store:  # cleared again: back to what the phase asks
        store.apply(aid, AnswerNoted("phonics_pu0", ""))
        store.apply(aid, AnswerCleared("phonics_pr1"))
        store.apply(aid, AnswerCleared("curriculum_ks2"))
    assert list(placed(capsys, db, aid)) == ["curriculum", "early"]
    assert counts(capsys, db, aid) == (3, 8)


def test_a_selected_area_the_phase_leaves_out_is_listed_only_with_something_recorded(
    tmp_path, capsys
):
    db = tmp_path / "phase.db"
    chosen = ("curriculum", "phonics", "early")
    with Database(db) as store:
        aid = store.create_assessment(secondary(*ANSWERS, referents=chosen), phased_questionnaire())
    assert list(placed(capsys, db, aid)) == ["curriculum", "early"]
    assert counts(capsys, db, aid) == (3, 8)
    with Database(db) as store:
        store.apply(aid, AreasSelected(("early",)))
    assert list(placed(capsys, db, aid)) == ["early"]
    assert counts(capsys, db, aid) == (1, 4)


def test_the_brief_leaves_out_the_area_the_phase_leaves_out(tmp_path, capsys):
    db, pdf = tmp_path / "phase.db", tmp_path / "brief.pdf"
    with Database(db) as store:
        aid = store.create_assessment(secondary(*ANSWERS), phased_questionnaire())
    run(capsys, "--db", str(db), "brief", str(aid), "-o", str(pdf))
    text = " ".join(
        " ".join((p.extract_text() or "").split())
        for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages
    )
    assert "Curriculum" in text
    assert "Early years foundation stage" in text  # out of phase, but an answer is recorded
    assert "Seen on the visit: a Reception class on site." in text
    assert "Phonics in Reception" not in text
    assert "Question curriculum_ks2?" not in text


def test_a_comparison_lists_only_the_areas_of_the_schools_phase(tmp_path, capsys):
    db = tmp_path / "phase.db"
    with Database(db) as store:
        q = phased_questionnaire()
        first = store.create_assessment(secondary(*ANSWERS[:2]), q)
        again = replace(secondary(*ANSWERS[:2]), assessed_on="2027-06-01")
        second = store.create_assessment(again, q)
    doc = json.loads(run(capsys, "--db", str(db), "compare", str(first), str(second), "--json"))
    assert [r["referent"] for r in doc["referents"]] == ["curriculum"]
