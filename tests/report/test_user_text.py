"""Whatever a user types appears exactly as typed, and is never read as markup."""

from __future__ import annotations

import builtins
import os

import pytest

from ddwizard.core.assessment import Answer, ReferentNote, School
from ddwizard.report import render_brief

from .builders import concern, rich_assessment
from .conftest import read

MARKUP = [
    "<b>not bold</b>",
    "&amp; stays &amp;",
    '<img src="/etc/passwd"/>',
    '<a href="https://example.com/x">no link</a>',
    '<font name="Courier" color="red">no font</font>',
    "<para>not a para</para> <br/> <greek>x</greek> <unknown attr='1'>",
    "5 < 6 & 7 > 3 \"quoted\" 'single'",
]
SCRIPTS = ["Zoë Brontë", "Łódź", "Siân", "Ελληνικά γράμματα", "Кириллица и ещё", "naïve café"]


@pytest.fixture(scope="module")
def typed(questionnaire):
    """A brief whose every free-text field carries markup-looking text and other scripts."""
    base = rich_assessment(questionnaire)
    answers = []
    for i, a in enumerate(base.answers):
        note = MARKUP[i % len(MARKUP)] + " " + SCRIPTS[i % len(SCRIPTS)]
        answers.append(Answer(a.question, a.option, note, a.evidence))
    a = base.with_changes(
        school=School("St Zoë’s <b>School</b> & Nursery", "1", "Primary", "Łódź"),
        assessor="Siân <i>Ellis</i>",
        label="Visit & <u>review</u>",
        answers=tuple(answers),
        referent_notes=(ReferentNote.same("curriculum", None, "\n\n".join(MARKUP + SCRIPTS)),),
        due_diligence=(
            concern("deficit", '<img src="/etc/passwd"/> £85k', "<b>CFO</b>", "2026-12-15"),
        ),
    )
    return read(render_brief(a.with_changes(status="final"), questionnaire))


def test_markup_looking_text_appears_literally(typed):
    for s in MARKUP:
        assert s.replace("'", "'") in typed.flat or s in typed.text, s
    assert "St Zoë’s <b>School</b> & Nursery" in typed.flat
    assert "Visit & <u>review</u>" in typed.flat
    assert '<img src="/etc/passwd"/> £85k' in typed.flat
    assert "<b>CFO</b>" in typed.flat


def test_markup_in_user_text_takes_no_effect(typed):
    raw = typed.data
    assert b"/Subtype /Image" not in raw  # (a final paper: no DRAFT mark either)
    assert b"example.com" not in raw.replace(b"\n", b"")  # no link annotation...
    assert b"/URI" not in raw
    for page in typed.reader.pages:
        for annot in page.get("/Annots", []) or []:
            action = annot.get_object().get("/A")
            assert action is None or action.get("/S") != "/URI"
    fonts = set()
    for page in typed.reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]).strip("/").split("+")[-1])
    assert "Courier" not in fonts


def test_bold_looking_text_is_set_in_the_regular_font(typed):
    spans: list[tuple[str, str]] = []

    def visit(text, cm, tm, font, size):
        if font is not None and text.strip():
            spans.append((text, str(font.get("/BaseFont"))))

    n = typed.page_of("Appendix A: Area by area")
    typed.reader.pages[n - 1].extract_text(visitor_text=visit)
    for page in typed.reader.pages[n : n + 3]:
        page.extract_text(visitor_text=visit)
    not_bold = [font for text, font in spans if "not bold" in text]
    assert not_bold and all(font.endswith("NotoSans-Regular") for font in not_bold)


def test_accents_greek_and_cyrillic_extract_exactly(typed):
    for s in SCRIPTS:
        assert s in typed.flat, s
    meta = typed.reader.metadata
    assert (
        meta.title == "Board paper: St Zoë’s <b>School</b> & Nursery joining Northern Lights Trust"
    )
    assert meta.author == "Siân <i>Ellis</i>"


def test_no_file_is_opened_while_rendering(questionnaire, monkeypatch):
    a = rich_assessment(questionnaire).with_changes(
        answers=(Answer("curriculum_pr0", "own", '<img src="/etc/passwd"/>'),)
    )
    render_brief(a, questionnaire)  # fonts and templates are loaded by now
    opened: list[str] = []
    real_open = builtins.open

    def spy(file, *args, **kwargs):
        opened.append(os.fspath(file) if not isinstance(file, int) else str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy)
    render_brief(a, questionnaire)
    assert not [f for f in opened if "passwd" in f]


def test_emoji_and_right_to_left_text_survive(questionnaire):
    note = "Great team 😀👍🏽 and ✓ done. Hebrew: שלום עולם. Arabic: مرحبا بكم."
    a = rich_assessment(questionnaire).with_changes(
        referent_notes=(ReferentNote.same("curriculum", None, note),),
        school=School("Ysgol 😀 שלום"),
    )
    b = read(render_brief(a, questionnaire))
    assert "😀" in b.text and "👍" in b.text and "✓" in b.text
    assert "שלום עולם" in b.text  # readers give right-to-left runs back in typed order
    assert "مرحبا بكم" in b.text


def test_ten_thousand_character_notes_cross_pages(questionnaire):
    sentence = "The school has a long and detailed account of this area, told with care. "
    long_note = (sentence * 140)[:10_000]
    one_word = "x" * 10_000
    a = rich_assessment(questionnaire)
    answers = (
        Answer("curriculum_pr0", "own", long_note),
        Answer("curriculum_pr1", "own", one_word),
    ) + a.answers[2:]
    a = a.with_changes(
        answers=answers,
        referent_notes=(ReferentNote.same("curriculum", None, long_note + "\n\n" + long_note),),
        due_diligence=(concern("deficit", long_note, "CFO", ""),),
        targets=(a.targets[0].__class__("curriculum", 0.8, 0.8, "2027", False, long_note),),
    )
    b = read(render_brief(a, questionnaire))
    flat = b.flat.replace(" ", "")
    assert long_note.replace(" ", "")[:300] in flat
    assert long_note.replace(" ", "")[-300:] in flat
    assert flat.count("x" * 500) >= 1
    assert len(b.pages) > 20


def test_trust_written_titles_and_a_very_long_name(questionnaire):
    import dataclasses

    odd = dataclasses.replace(questionnaire.referents[0], title="Reading <b>&</b> “phonics” Ω")
    q = dataclasses.replace(questionnaire, referents=(odd, *questionnaire.referents[1:]))
    name = "The Very Long Name Academy " * 20
    b = read(render_brief(rich_assessment(q, school=School(name)), q))
    assert (1, "Reading <b>&</b> “phonics” Ω") in b.outline()
    assert "Reading <b>&</b> “phonics” Ω" in b.flat
    assert " ".join(name.split()) in b.flat  # in full on the cover
    header = b.pages[-1].splitlines()
    assert any(
        line.startswith("The Very Long Name Academy") and line.endswith("…") for line in header
    )
