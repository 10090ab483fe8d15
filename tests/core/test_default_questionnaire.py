"""The shipped questionnaire, version 3: what a two-hour visit, a neutral reading and both
sides of due diligence rely on."""

from __future__ import annotations

import re

import pytest

from ddwizard.core.qfile import load_questionnaire
from ddwizard.core.questionnaire import Axis, Means
from ddwizard.resources import default_questionnaire_path


@pytest.fixture(scope="module")
def q():
    return load_questionnaire(default_questionnaire_path())


def questions(q):
    return [x for r in q.referents for x in r.questions]


def test_it_is_version_3_in_format_2(q):
    assert (q.id, q.version) == ("default", "3")
    assert default_questionnaire_path().read_text().count("\nformat_version: 2\n") == 1


def test_the_trusts_way_is_compared_with_never_the_standard_the_school_is_marked_against(q):
    """A headteacher's reading (version 3): no "as the trust trains its staff to" or "as
    the trust expects", no gaps in the school's knowledge, no "only if", no help that sends
    the assessor to parents at the gate before the school has told them."""
    said = " ".join(f"{x.text} {x.help}" for x in questions(q)).lower()
    options = " ".join(f"{o.label} {o.hint}" for x in questions(q) for o in x.options).lower()
    for words in ("trains its staff", "trust expects", "trust's expectations", "at the gate"):
        assert words not in said, words
    assert "cost something" not in said and "skill and care" not in said
    assert "gaps" not in options and "only if" not in options


def test_a_core_set_of_at_most_fifty_with_both_axes_in_every_area(q):
    assert sum(x.core for x in questions(q)) <= 50
    for r in q.referents:
        core = {x.axis for x in r.questions if x.core}
        assert core == {Axis.PRACTICE, Axis.PURPOSE}, r.id


def test_every_question_says_when_it_is_answered_and_what_to_request(q):
    for x in questions(q):
        assert x.when in ("before", "visit", "after"), x.id
        assert x.requests, x.id


def test_no_invented_phrasing_and_purpose_stems_point_to_the_trusts_recorded_aim(q):
    for x in questions(q):
        assert not re.search(r"\bturn(ed|s)? to\b", f"{x.text} {x.help}", re.I), x.id
    purpose = [x for x in questions(q) if x.axis is Axis.PURPOSE]
    # the two "room" questions ask about the trust itself: can it make room for the school's?
    others = [x.id for x in purpose if "the trust's recorded aim for" not in x.text]
    assert others == ["faith_room", "char_room"]


def test_every_scale_offers_the_trust_has_no_set_way_here(q):
    for x in questions(q):
        open_ = [o for o in x.options if o.means is Means.TRUST_OPEN]
        assert [o.label for o in open_] == ["The trust has no set way here"], x.id
        assert open_[0].score is None


def test_stated_and_lived_are_separate_facets_weighted_apart(q):
    for x in questions(q):
        assert x.facet in ("stated", "lived"), x.id
        if x.axis is Axis.PURPOSE and x.facet == "stated" and "recorded aim for" in x.text:
            assert x.weight == 0.5, x.id
        if x.core and x.facet == "lived":
            assert x.weight == 1.5, x.id


def test_the_wider_evidence_sources_are_used_where_the_help_sends_you(q):
    used = {e for x in questions(q) for e in x.evidence}
    assert {"parents", "governors", "published_data", "trust_colleagues"} <= used
    for qid in ("send_aim_parents", "com_parents", "com_aim_parents", "att_aim_lived"):
        assert "parents" in q.question(qid).evidence, qid
    for qid in ("gov_challenge", "gov_aim_role", "fin_aim_balances"):
        assert "governors" in q.question(qid).evidence, qid
    for qid in ("beh_aim_hardest", "dis_aim_spend", "intent_post16"):
        assert "published_data" in q.question(qid).evidence, qid


def test_phase_specific_questions(q):
    reading = q.referent("early_reading")
    secondary = {x.id for x in reading.questions_for("secondary")}
    primary = {x.id for x in reading.questions_for("primary")}
    assert "reading_older" in secondary and "reading_programme" not in secondary
    assert "reading_programme" in primary and "reading_older" not in primary
    assert "intent_post16" in {
        x.id for x in q.referent("curriculum_intent").questions_for("post16")
    }


def test_the_broad_areas_are_split_and_faith_has_its_own(q):
    ids = [r.id for r in q.referents]
    assert {"assessment", "feedback", "enrichment", "personal_development"} <= set(ids)
    assert {"faith", "distinctive_character"} <= set(ids)
    room = q.question("faith_room")
    assert room.axis is Axis.PURPOSE and "make room for the school's religious purposes" in (
        room.text
    )


def test_anchors_on_the_which_scheme_questions(q):
    for x in questions(q):
        if x.text.startswith("Which "):
            assert all(o.hint for o in x.options if o.score is not None), x.id


def test_the_checklist_looks_both_ways_and_at_the_conversion(q):
    sides = {a.side for a in q.due_diligence}
    assert sides == {"school", "trust", "conversion"}
    items = q.checklist_items()
    trust = " ".join(i.text for a, i in items.values() if a.side == "trust").lower()
    needed = ["accounts", "reserves", "central charge", "pools", "scheme of delegation"]
    needed += ["performance", "support one more school", "notice to improve"]
    needed += ["headteacher's role", "leave"]
    for words in needed:
        assert words in trust, words
    conversion = [i.id for a, i in items.values() if a.side == "conversion"]
    first = ["conv_application", "conv_decision", "conv_academy_order", "conv_consultation"]
    assert conversion[:4] == first


def test_the_corrected_statements(q):
    items = {k: f"{i.text} {i.help}" for k, (_, i) in q.checklist_items().items()}
    assert "at least 28 days" in items["conv_eli"]
    assert "identifies each employee" in items["conv_eli"]
    assert "appropriate representatives" in items["conv_tupe_consultation"]
    assert "SIAMS" in items["faith_inspection"]
    assert "Catholic Schools Inspectorate" in items["faith_inspection"]
    assert "School Condition Allocation" in items["est_capital"]
    assert "size" in items["est_capital"]
    for school_type in ("community", "voluntary controlled", "foundation", "voluntary aided"):
        assert school_type in items["adm_authority"]
    assert "Funds differ" in items["pen_lgps_valuation"]


def test_the_explained_anchors_fit_questions_that_ask_for_an_explanation(q):
    # "Explained as the trust's staff would" answers only a question about what people explain
    for x in questions(q):
        if any(o.label.startswith("Explained as") for o in x.options):
            assert re.search(r"\b(explains?|reason|answer|describes?)\b", x.text), x.id


def test_a_question_that_can_meet_a_legal_minimum_names_the_flag_for_it(q):
    for x in questions(q):
        if "due-diligence finding" in x.help:
            assert '"below a legal or safety minimum"' in " ".join(x.help.split()), x.id
