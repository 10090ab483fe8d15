"""Small questionnaires built in code, for tests that need exact control."""

from ddwizard.core.questionnaire import Axis, Option, Question, Questionnaire, Referent

SCALE = (
    Option("own", "The trust's own", 1.0),
    Option("mostly", "Mostly the trust's", 0.5),
    Option("mix", "A mix", 0.0),
    Option("other", "Mostly other", -0.5),
    Option("entirely", "Entirely other", -1.0),
    Option("unknown", "Don't know yet", None),
)


def question(qid: str, axis: Axis, weight: float = 1.0, options=SCALE) -> Question:
    return Question(qid, axis, f"Question {qid}?", tuple(options), weight=weight)


def referent(rid: str, n_practice=2, n_purpose=2, weight=1.0, group="Teaching and learning"):
    qs = [question(f"{rid}_pr{i}", Axis.PRACTICE) for i in range(n_practice)]
    qs += [question(f"{rid}_pu{i}", Axis.PURPOSE) for i in range(n_purpose)]
    return Referent(rid, rid.replace("_", " ").title(), group, tuple(qs), weight=weight)


def questionnaire(*referents: Referent, qid="test", version="1") -> Questionnaire:
    return Questionnaire(qid, version, "Test questionnaire", tuple(referents))
