"""Builders for the storage tests: a small questionnaire, a rich assessment, a clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from ddwizard.core.assessment import (
    Answer,
    AnswerFlag,
    Assessment,
    ChecklistEntry,
    Confidence,
    Cost,
    CostBasis,
    Decision,
    Finding,
    FindingLevel,
    ItemStatus,
    Perspective,
    ReferentNote,
    School,
    Status,
    Step,
    Target,
    TargetStatus,
    Trust,
    TrustReference,
)
from ddwizard.core.questionnaire import (
    Axis,
    ChecklistArea,
    ChecklistItem,
    Option,
    Question,
    Questionnaire,
    Referent,
)

SCALE = (
    Option("trust", "Like the trust", 1.0),
    Option("mostly", "Mostly like the trust", 0.5),
    Option("other", "Unlike the trust", -1.0),
    Option("unknown", "Don't know yet", None),
)


def _referent(rid: str, title: str, group: str) -> Referent:
    questions = tuple(
        Question(f"{rid}_{axis.value}_{n}", axis, f"{title}: {axis.value} question {n}?", SCALE)
        for axis in (Axis.PRACTICE, Axis.PURPOSE)
        for n in (1, 2)
    )
    return Referent(rid, title, group, questions, description=f"About {title.lower()}.")


def make_questionnaire(version: str = "1") -> Questionnaire:
    referents = (
        _referent("curriculum", "Curriculum intent", "Teaching and learning"),
        _referent("behaviour", "Behaviour policy", "Teaching and learning"),
        _referent("finance", "Financial practice", "Operations"),
    )
    items = (ChecklistItem("accounts", "Audited accounts"), ChecklistItem("budget", "Budget"))
    areas = (ChecklistArea("finance", "Finance", items),)
    return Questionnaire("test", version, "Test questionnaire", referents, areas)


LONG = ("Évidence <&> “quoted” 🏫 \n" * 500)[:10_000]  # unicode, markup-ish, emoji


def make_assessment(uid: str = "6f1c2a8e-0000-4000-8000-000000000001", **changes) -> Assessment:
    a = Assessment(
        uid=uid,
        school=School("St Ælfric's C of E Primary <&>", "123456", "Primary", "Kent 🌳"),
        trust=Trust(
            "Oak & Ash Trust",
            (
                TrustReference("curriculum", "Knowledge-rich <b>", "Every child 🎓"),
                TrustReference("finance", "Central finance", "", "Its own bank account"),
            ),
            "2026-11-01",
        ),
        questionnaire_id="test",
        questionnaire_version="1",
        label="Pre-join visit",
        assessor="Zoë O'Brien",
        assessed_on="2026-11-22",
        status=Status.FINAL,
        assessor_role="Director of school improvement, Oak & Ash Trust",
        perspective=Perspective.JOINT,
        decision=Decision(
            "Should Hillside join Oak & Ash? 🤝",
            "2027-01-20",
            "2027-04-01",
            "Support for the small staff",
            "A second primary in the town",
            "Join, on conditions",
            ("Deficit plan agreed", "Roof surveyed <&>"),
        ),
        referents=("finance", "curriculum"),
        answers=(
            Answer(
                "finance_purpose_2",
                "other",
                LONG,
                ("documents", "leaders"),
                (AnswerFlag.BELOW_MINIMUM, AnswerFlag.SOURCES_DISAGREE),
            ),
            Answer("curriculum_practice_1", "trust", "", ()),
            Answer("curriculum_purpose_1", None, "note only <script>", ("pupils",)),
            Answer(
                "finance_practice_1",
                "unknown",
                "🙂",
                ("staff", "observation"),
                ("sources_disagree",),
            ),
        ),
        referent_notes=(
            ReferentNote("finance", Confidence.LOW, Confidence.HIGH, LONG),
            ReferentNote.same("curriculum", None, "no confidence yet"),
        ),
        targets=(
            Target(
                "finance",
                0.8,
                -0.25,
                "2027-09",
                True,
                "Return trip: bring it home 🏠",
                (
                    Step(0.6, -0.2, "2027-01", "Align vision", "Head", "Governors, by letter"),
                    Step(0.7, -0.1, "", ""),
                ),
                TargetStatus.AGREED,
                "Both boards",
                "2026-12-01",
            ),
            Target("curriculum", 1.0, 1.0, status=TargetStatus.PROPOSED),
        ),
        due_diligence=(
            ChecklistEntry(
                "budget",
                ItemStatus.DONE,
                "Deficit <&>",
                "CFO",
                "2026-12-15",
                Finding(FindingLevel.SERIOUS, "Deficit of £85k", Cost(85000, CostBasis.ESTIMATED)),
            ),
            ChecklistEntry("accounts", ItemStatus.DONE, finding=Finding(FindingLevel.NONE)),
            ChecklistEntry("lease", ItemStatus.IN_PROGRESS, finding=Finding("note", "", Cost())),
        ),
    )
    return a.with_changes(**changes)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)
