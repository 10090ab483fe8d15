"""Awkward text comes out intact in both formats: markup, right-to-left text, emoji,
10,000-character notes and control characters (which XML cannot hold: dropped, the rest
kept)."""

from __future__ import annotations

import pytest

from ddwizard.core.assessment import ReferentNote, School
from ddwizard.report import render_brief, render_brief_docx

from .builders import concern, rich_assessment
from .conftest import WordPaper, read

MARKUP = '<b>not bold</b> &amp; <img src="x"/> 5 < 6'
RTL = "שלום עולם"
ARABIC = "مرحبا بكم"
EMOJI = "Great team 😀👍🏽 ✓"
LONG = ("The school keeps a careful account of this area. " * 250)[:10_000]
CONTROL = "before\x00\x07\x1b\ufffeafter"


@pytest.fixture(scope="module")
def awkward(questionnaire):
    base = rich_assessment(questionnaire)
    note = "\n\n".join([MARKUP, f"Hebrew: {RTL}. Arabic: {ARABIC}.", EMOJI, CONTROL, LONG])
    return base.with_changes(
        school=School(f"Ysgol {EMOJI} {RTL} <i>&</i>"),
        referent_notes=(ReferentNote.same("curriculum", None, note),),
        due_diligence=(concern("deficit", note, "CFO", "2027-01"),),
    )


@pytest.fixture(scope="module")
def both(awkward, questionnaire):
    pdf = read(render_brief(awkward, questionnaire))
    word = WordPaper(render_brief_docx(awkward, questionnaire))
    return pdf, word


def test_markup_is_text_in_both(both):
    pdf, word = both
    for paper in both:
        assert MARKUP in paper.flat
    assert f"Ysgol {EMOJI} {RTL} <i>&</i>" in word.flat
    assert "<i>&</i>" in pdf.flat


def test_right_to_left_and_emoji_in_both(both):
    for paper in both:
        assert RTL in paper.text and ARABIC in paper.text
        assert "😀" in paper.text and "👍" in paper.text and "✓" in paper.text


def test_ten_thousand_characters_in_both(both):
    for paper in both:
        flat = paper.flat.replace(" ", "")
        whole = LONG.replace(" ", "")
        assert whole[:400] in flat and whole[-400:] in flat


def test_control_characters_are_dropped_and_the_rest_kept(both):
    pdf, word = both
    assert "before\ufffeafter" in pdf.flat  # a PDF can hold U+FFFE: kept as typed
    assert "before\ufffdafter" in word.flat  # U+FFFE cannot be stored: replaced
    for paper in both:
        assert "\x00" not in paper.text and "\x1b" not in paper.text
