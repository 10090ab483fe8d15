"""The options paper: a school's candidate trusts side by side, for its governing board.
Rendered from assessments built in memory (the demo, against three trusts) and read back
as a board member would get it: the PDF with pypdf, the Word document with python-docx."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from ddwizard.core.compare import compare
from ddwizard.report.options import OptionsError, build_options, render_options, write_options

from .conftest import WordPaper, read
from .options_builders import QUESTION, TRUSTS, candidate, demo, options

WENMOOR, FELLSIDE, DALES = TRUSTS


@pytest.fixture(scope="module")
def trusts():
    return options()


@pytest.fixture(scope="module")
def paper(trusts):
    return read(render_options(trusts))


class InOrder(WordPaper):
    """A Word paper whose text keeps tables where they stand among the paragraphs."""

    @property
    def flat(self) -> str:
        out = []
        for block in self.document.iter_inner_content():
            if hasattr(block, "rows"):
                out += [cell.text for row in block.rows for cell in row.cells]
            else:
                out.append(block.text)
        return " ".join(" ".join(out).split())


@pytest.fixture(scope="module")
def word(trusts):
    return InOrder(render_options(trusts, word=True))


def test_the_decision_is_on_page_one(paper):
    first = " ".join(paper.pages[0].split())
    assert first.startswith("Options paper: Wrenholme St Aidan's C of E Primary School")
    assert QUESTION in first and "Decide by 20 January 2027" in first
    for trust, joining, advice in zip(
        TRUSTS,
        ("1 April 2027", "1 September 2027", "1 April 2027"),
        ("Apply to join", "Do not apply yet", "Keep in reserve"),
        strict=True,
    ):
        assert f"{trust} {joining} {advice}" in first
    assert "The central charge is fixed for two years" in first
    assert "Priya Shah (Headteacher); the school's own view" in first


def test_each_trust_is_named_with_its_findings_and_costs(paper, word):
    for text in (paper.flat, word.flat):
        section = text[text.index("Due diligence on each trust") :]
        wenmoor = section[section.index(WENMOOR) : section.index(FELLSIDE)]
        fellside = section[section.index(FELLSIDE) : section.index(DALES)]
        dales = section[section.index(DALES) :]
        assert "£52,000 (estimated)" in wenmoor and "£41,500 (known)" in wenmoor
        assert "Known 1 finding £41,500 Estimated 1 finding £52,000" in wenmoor  # totals
        assert "in-year deficit in 2027-28" in fellside and "£412,000 (estimated)" in fellside
        assert "Cost not yet known" in fellside and "£52,000" not in fellside
        assert "keeps a budget remit" in dales and "Cost not yet known" in dales
        # Only the school's look at the trust: the demo's findings about the school stay
        # in each trust's own board paper.
        assert "flat roof" not in section and "legionella" not in section
        assert "7 other findings (about the school or the conversion)" in section
    # The summary sets the totals side by side.
    glance = paper.flat[paper.flat.index("Each trust at a glance") :]
    assert "2 findings (1 serious, 1 concern)" in glance


def test_headings_are_bookmarks_and_word_heading_styles(paper, word):
    outline = paper.outline()
    top = [title for depth, title in outline if depth == 0]
    assert top == [
        "Options paper: Wrenholme St Aidan's C of E Primary School",
        "Summary",
        "Each area, trust by trust",
        "What would stay the school's call with each trust",
        "Due diligence on each trust",
        "Appendix A: Positions in numbers",
        "Appendix B: Method and sources",
    ]
    assert (1, "The decision") in outline
    assert [t for d, t in outline if d == 1 and t in TRUSTS] == list(TRUSTS)
    headings = word.headings()
    assert ("Heading 1", "Due diligence on each trust") in headings
    assert [t for s, t in headings if s == "Heading 2" and t in TRUSTS] == list(TRUSTS)


def test_tables_have_header_rows(word):
    from docx.oxml.ns import qn

    tables = word.document.tables
    assert len(tables) >= 8
    for t in tables:
        first = t.rows[0]
        assert first._tr.trPr is not None and first._tr.trPr.find(qn("w:tblHeader")) is not None
        assert all(c.paragraphs[0].runs[0].bold for c in first.cells)
    side = next(t for t in tables if t.rows[0].cells[0].text == "Area")
    assert [c.text for c in side.rows[0].cells] == ["Area", *TRUSTS]


def test_positions_in_words_first_each_against_its_own_trust(paper, trusts):
    flat = paper.flat
    side = flat[flat.index("Each area, trust by trust") :]
    reading = side[side.index("Early reading and reading support") :][:300]
    # The same school practice, against each trust's own: words, then numbers in Appendix A.
    assert reading.startswith(
        "Early reading and reading support Practice largely other; purpose clearly the "
        "trust's Practice partly the trust's"
    )
    numbers = flat.index("Appendix A: Positions in numbers")
    assert flat.index("Practice largely other") < numbers
    in_words = side[: side.index("What would stay the school's call")]
    assert not re.search(r"[+\u2212]\d\.\d\d", in_words)  # no numbers before the appendix
    assert "purpose +1.00, practice −0.50" in flat[numbers:]
    differ = flat[flat.index("Where the trusts differ most") :]
    assert differ.index("Financial management, purpose: with Wenmoor Learning Trust, clearly")
    assert "average" not in flat.replace("never averaged", "")  # no mean of the trusts


def test_what_stays_the_schools_call_with_each(paper, word):
    for text in (paper.flat, word.flat):
        calls = text[text.index("What would stay the school's call") :]
        calls = calls[: calls.index("Due diligence on each trust")]
        assert "The trust leaves to the school: Which phonics programme to teach" in calls
        assert "The trust leaves to the school: Collective worship and RE" in calls
        # What is the same whichever trust is listed once, not three times.
        assert calls.count("The school keeps its own practice and shares the trust's purpose") == 1


def test_a_trust_with_no_set_way_is_said_to_leave_it_to_the_school():
    base, q = demo()
    area = next(r for r in q.referents if any(o.trust_open for x in r.questions for o in x.options))
    open_keys = {
        x.id: next(o.key for o in x.options if o.trust_open)
        for x in area.questions
        if x.axis.value == "practice" and any(o.trust_open for o in x.options)
    }
    first = candidate(base, q, 0)
    answers = tuple(a for a in first.answers if a.question not in open_keys)
    from ddwizard.core.assessment import Answer

    loose = first.with_changes(answers=answers + tuple(Answer(k, v) for k, v in open_keys.items()))
    c = compare([(1, loose, q), (2, candidate(base, q, 1), q)])
    text = build_options(c).text()
    assert re.search(r"The trust has no set way here \(\d+ of \d+ questions\): the school", text)


def test_without_a_decision_it_says_who_must_record_it(tmp_path):
    c = options(2, decisions=False)
    data = write_options(tmp_path / "options.pdf", c).read_bytes()
    first = " ".join(PdfReader(io.BytesIO(data)).pages[0].extract_text().split())
    assert "No decision is recorded yet." in first
    assert "Priya Shah (for Wenmoor Learning Trust) and Priya Shah (for Fellside" in first
    assert "Decide by Not recorded yet" in first


def test_only_candidate_trusts_make_an_options_paper():
    base, q = demo()
    one = candidate(base, q, 0)
    later = one.with_changes(uid="later", assessed_on="2027-06-01")
    with pytest.raises(OptionsError, match="compare one school and trust over time"):
        build_options(compare([(1, one, q), (2, later, q)]))
