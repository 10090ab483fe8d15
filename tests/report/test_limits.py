"""The brief of an assessment with every text field at its limit (core.limits: every name
and short field SHORT_MAX characters, every note LONG_MAX) renders within the brief's time
budget, 2.5 times a bare ReportLab document of the same text, and loses none of it, in the
PDF and in Word.

(Very long text in a table cell made ReportLab lay the cell out again on every page it ran
onto: such a brief once took over five minutes.)"""

from __future__ import annotations

import io
import time
from xml.sax.saxutils import escape

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from ddwizard.core.limits import LONG_MAX, SHORT_MAX
from ddwizard.report import fonts, render_brief, render_brief_docx
from ddwizard.report.brief import make_paper

from .builders import at_limits, rich_questionnaire
from .conftest import WordPaper

BUDGET = 2.5  # times a bare ReportLab document, as the brief's benchmark row


@pytest.fixture(scope="module")
def limits():
    q = rich_questionnaire()
    return at_limits(q), q


def bare_seconds(paper_text: str) -> float:
    """CPU seconds for ReportLab alone to set the same text as plain paragraphs, in the
    brief's own font (registered before timing, as the brief's is)."""
    style = ParagraphStyle("bare", fontName=fonts.REGULAR, fontSize=9, leading=11)
    lines = [escape(line) for line in paper_text.splitlines() if line.strip()]
    with fonts.typesetting():
        start = time.process_time()
        story = [Paragraph(line, style) for line in lines]
        SimpleDocTemplate(io.BytesIO(), pagesize=A4).build(story)
        return time.process_time() - start


def test_the_brief_at_the_text_limits_renders_within_its_budget(limits):
    a, q = limits
    render_brief(a, q)  # the fonts and templates loaded, as for the bare document
    start = time.process_time()
    data = render_brief(a, q)
    brief = time.process_time() - start
    bare = bare_seconds(make_paper(a, q).text())
    print(f"{brief:.1f} s against {bare:.1f} s bare")
    assert brief <= BUDGET * bare, f"{brief:.1f} s against {bare:.1f} s bare"
    flat = " ".join(
        "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages[:3]).split()
    )
    assert " ".join(a.decision.question.split())[:300] in flat  # page 1 states the decision


def test_every_long_text_is_in_both_formats_whole(limits):
    a, q = limits
    word = WordPaper(render_brief_docx(a, q))
    texts = [ans.note for ans in a.answers] + [e.note for e in a.due_diligence]
    texts += [e.finding.text for e in a.due_diligence] + [n.note for n in a.referent_notes]
    texts += [a.decision.school_reasons, *a.decision.conditions]
    assert all(len(t) == LONG_MAX for t in texts) and len(a.school.name) == SHORT_MAX
    for t in texts:
        assert " ".join(t.split()) in word.flat
    assert word.document.core_properties.title.endswith("\u2026")  # shortened to fit Word
