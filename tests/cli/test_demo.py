"""The demo: a trust's pre-join visit and the school's own view of the same areas, as a user
adds them. Its dates must agree with themselves, by rule (a board reader checks them), and it
must show every field of data version 2, read back from the database."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re

import pytest

from ddwizard import services
from ddwizard.cli import main
from ddwizard.core.questionnaire import Means
from ddwizard.storage import Database

MONTHS = {m: i for i, m in enumerate(calendar.month_name) if m}
DATE_WORDS = rf"\d{{1,2}} (?:{'|'.join(MONTHS)}) \d{{4}}"  # "31 August 2027"


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    """(assessment, questionnaire) for the trust's visit and for the school's own view."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with Database(path) as db:
        ids = services.add_demo(db)
        return [(db.load_assessment(i), db.questionnaire_for(i)) for i in ids]


def day(text: str) -> dt.date:
    """A due date, or a month ("2027-09") read as its last day: a step due in a month may
    take all of it."""
    if len(text) == 7:
        year, month = map(int, text.split("-"))
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date.fromisoformat(text)


def written(text: str) -> dt.date:
    d, month, year = text.split()
    return dt.date(int(year), MONTHS[month], int(d))


def everything_said(a) -> str:
    parts = [a.decision.recommendation, *a.decision.conditions]
    parts += [x.note for x in a.answers] + [n.note for n in a.referent_notes]
    for t in a.targets:
        parts += [t.rationale, *(s.action for s in t.steps)]
    for e in a.due_diligence:
        parts += [e.note, e.finding.text if e.finding else ""]
    return "\n".join(parts)


def due(a, item: str) -> dt.date:
    return day(a.entry_for(item).due)


def test_the_demo_adds_both_views_and_prints_the_visits_id(tmp_path, capsys):
    db = str(tmp_path / "d.db")
    assert main(["--db", db, "demo"]) == 0
    out, err = capsys.readouterr()
    assert out == "1\n" and "assessment 2" in err and "compare 1 2" in err
    assert main(["--db", db, "compare", "1", "2", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["kind"] == "perspectives"
    assert [m["perspective"] for m in doc["assessments"]] == ["trust", "school"]
    gaps = [g for r in doc["referents"] for g in r["gap"].values() if g]
    assert len(doc["referents"]) >= 20 and 3 <= len(gaps) <= 12  # a few areas differ


@pytest.mark.parametrize("which", [0, 1], ids=["trust's visit", "school's own view"])
def test_the_dates_agree_with_themselves(pair, which):
    a, _ = pair[which]
    d = a.decision
    assert day(a.trust.reference_as_of) <= day(a.assessed_on) < day(d.decide_by)
    assert day(d.decide_by) < day(d.joining_on)
    for t in a.targets:  # each step in order, and before its target's date
        steps = [day(s.by) for s in t.steps]
        assert steps == sorted(steps) and steps[-1] == day(t.by), t.referent
        assert steps[0] > day(a.assessed_on), t.referent
        if t.status == "agreed":
            assert day(a.assessed_on) <= day(t.agreed_on) <= day(d.decide_by), t.referent


@pytest.mark.parametrize("which", [0, 1], ids=["trust's visit", "school's own view"])
def test_what_informs_the_decision_is_due_before_it(pair, which):
    a, q = pair[which]
    sides = {i: area.side for i, (area, _) in q.checklist_items().items()}
    for e in a.due_diligence:
        if e.status == "not_applicable":
            continue
        # due diligence on either side informs the decision; the conversion's steps follow it
        if sides[e.item] != "conversion" or (e.finding and e.finding.matters):
            assert day(e.due) <= day(a.decision.decide_by), e.item


@pytest.mark.parametrize("which", [0, 1], ids=["trust's visit", "school's own view"])
def test_the_conversion_runs_in_its_legal_order(pair, which):
    a, _ = pair[which]
    joining = day(a.decision.joining_on)
    assert due(a, "faith_consent") <= due(a, "conv_application")  # consent with the application
    assert due(a, "conv_application") < due(a, "conv_decision") < due(a, "conv_academy_order")
    # the consultation closes before the boards decide and the funding agreement is signed
    assert due(a, "conv_consultation") <= day(a.decision.decide_by)
    assert day(a.decision.decide_by) < due(a, "conv_funding_agreement") < joining
    assert due(a, "conv_tupe_measures") < due(a, "conv_tupe_consultation") < joining
    assert due(a, "conv_eli") <= joining - dt.timedelta(days=28)
    for item in ("conv_land", "conv_cta", "conv_support_grant"):
        assert due(a, item) < joining, item
    assert due(a, "conv_date") == joining
    after = a.entry_for("conv_after")
    assert not after.due or day(after.due) > joining


def test_both_views_give_the_conversion_the_same_dates(pair):
    (visit, _), (own, _) = pair
    assert visit.decision.joining_on == own.decision.joining_on
    shared = [e.item for e in own.due_diligence if e.item.startswith("conv_")]
    assert len(shared) == 13
    for item in shared:
        assert own.entry_for(item).due == visit.entry_for(item).due, item


def test_no_licence_ends_before_the_move_off_its_system(pair):
    a, _ = pair[0]
    found = []
    for e in a.due_diligence:
        for system, end in re.findall(
            rf"[Tt]he ([a-z ]+?) licence (?:runs to|ends on) ({DATE_WORDS})", e.note
        ):
            moves = [s for t in a.targets for s in t.steps if system in s.action.lower()]
            assert moves, system
            for step in moves:
                assert day(step.by) <= written(end), (system, step.action)
            found.append(system)
    assert found  # the rule had something to check


def test_no_condition_fund_bid_where_the_trust_has_a_condition_allocation(pair):
    for a, _ in pair:
        said = everything_said(a)
        if "School Condition Allocation" in said:
            assert "Condition Improvement Fund" not in said and not re.search(r"\bCIF\b", said)
    assert "School Condition Allocation" in everything_said(pair[0][0])


def test_admission_arrangements_are_set_by_whoever_is_the_authority_at_the_deadline(pair):
    """Arrangements are determined by 28 February for entry the September of the next year;
    the authority in post on that date sets them."""
    a, _ = pair[0]
    joining = day(a.decision.joining_on)
    note = a.entry_for("adm_authority").note
    entry, deadline = map(
        int, re.search(r"for September (\d{4}) entry by 28 February (\d{4})", note).groups()
    )
    assert entry == deadline + 1 and dt.date(deadline, 2, 28) < joining
    first = joining.year + (joining > dt.date(joining.year, 2, 28))
    assert int(re.search(r"from September (\d{4}) entry", note).group(1)) == first + 1


def test_the_demo_shows_every_field_of_data_version_2(pair):
    (a, q), (own, _) = pair
    d = a.decision
    assert all([d.question, d.decide_by, d.joining_on, d.school_reasons, d.trust_reasons])
    assert d.recommendation and len(d.conditions) >= 3
    assert a.assessor_role and a.perspective == "trust" and own.perspective == "school"
    assert a.trust.reference_as_of and sum(bool(r.school_decides) for r in a.trust.reference) >= 5
    assert any(n.purpose_confidence != n.practice_confidence for n in a.referent_notes)
    assert all(n.purpose_confidence and n.practice_confidence for n in a.referent_notes)
    findings = [e.finding for e in a.due_diligence if e.finding]
    assert {f.level for f in findings} >= {"note", "concern", "serious"}
    assert {f.cost.basis for f in findings if f.cost} == {"known", "estimated", "unknown"}
    assert any(e.status == "done" and e.finding.matters for e in a.due_diligence if e.finding)
    agreed = [t for t in a.targets if t.status == "agreed"]
    assert len(agreed) >= 4 and all(t.agreed_by and t.agreed_on for t in agreed)
    assert any(t.status == "proposed" and not t.agreed_by for t in a.targets)
    assert all(s.owner and s.tell for t in a.targets for s in t.steps)
    flags = [f for x in a.answers for f in x.flags]
    assert "sources_disagree" in flags and len(flags) >= 2
    open_ = [
        x for x in a.answers if q.question(x.question).option(x.option).means is Means.TRUST_OPEN
    ]
    assert len(open_) >= 2
