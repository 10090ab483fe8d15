"""The brief's quicker machinery (its paragraphs, line breaking and drawing, tables, canvas
and fonts' quick paths) gives exactly what ReportLab's own gives."""

from __future__ import annotations

import contextlib
import io

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph as ReportLabParagraph

from ddwizard.report import fonts, lines, para
from ddwizard.report.canvas import BriefCanvas
from ddwizard.report.styles import GREY_DARK, styles

WORDS = ["a", "the", "trust’s", "school", "curriculum", "x" * 14, "\u00a0", "1.5", "&amp;",
         "&#160;", "&lt;b&gt;", "\u05d0\u05d1", "Ωμέγα", "—"]  # fmt: skip
TAGS = [("<b>", "</b>"), ("<i>", "</i>"), ('<font size="6.8">', "</font>"),
        ('<font color="rgb(122,131,139)">', "</font>"), ('<font size="9"><b>', "</b></font>"),
        (f'<font name="{fonts.MATH}">', "</font>")]  # fmt: skip
SPACES = ["", " ", "  ", " \n "]

PLAIN = st.builds(
    lambda words, sep: sep.join(words),
    st.lists(st.sampled_from([w for w in WORDS if "&" not in w]), min_size=1, max_size=60),
    st.sampled_from(SPACES[1:]),
)


@st.composite
def markup(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 12))):
        kind = draw(st.integers(0, 9))
        text = draw(st.lists(st.sampled_from(WORDS), min_size=0, max_size=8))
        sep = draw(st.sampled_from(SPACES))
        body = sep.join(text) + draw(st.sampled_from(SPACES))
        if kind < 3:
            open_, close = draw(st.sampled_from(TAGS))
            parts.append(f"{open_}{body}{close}")
        elif kind == 3:
            parts.append("<br/>")
        else:
            parts.append(body)
    return "".join(parts)


def _frag(f) -> dict:
    return dict(f.__dict__)


def _word(w):
    return (type(w).__name__, w[0], [(_frag(f), t) for f, t in w[1:]])


def _broken(p, widths):
    bl = p.breakLines(list(widths))
    out = [{k: v for k, v in bl.__dict__.items() if k != "lines"}]
    out += [getattr(p, "_width_max", None), p.height]
    for line in bl.lines:
        if bl.kind == 0:
            out.append(line)
            continue
        d = dict(line.__dict__)
        d["words"] = [_frag(g) for g in d["words"]]
        out.append(d)
    frags = p.frags
    out.append([_word(w) if isinstance(w, list) else _frag(w) for w in frags])
    return out


STYLES = ["body", "cell", "cell_step", "question", "note", "small"]


@settings(max_examples=300, deadline=None)
@given(
    markup(),
    st.sampled_from(STYLES),
    st.floats(30, 470),
    st.floats(-20, 20),
)
def test_line_breaking_is_reportlabs(text, style_name, width, indent):
    style = getattr(styles(), style_name)
    with fonts.typesetting(), para.reading():
        ours = para.Paragraph(text, style)
        theirs = para.Paragraph(text, style)
        widths = [width + min(indent, 0), width]
        assert _broken(ours, widths) == _broken_reportlab(theirs, widths)


@settings(max_examples=300, deadline=None)
@given(PLAIN, st.sampled_from(STYLES), st.floats(20, 470))
def test_line_breaking_of_plain_text_is_reportlabs(text, style_name, width):
    style = getattr(styles(), style_name)
    with fonts.typesetting(), para.reading():
        ours, theirs = para.Paragraph(text, style), para.Paragraph(text, style)
        assert _broken(ours, [width - 10, width]) == _broken_reportlab(theirs, [width - 10, width])


def _broken_reportlab(p, widths):
    p.breakLines = lambda w: ReportLabParagraph.breakLines(p, w)
    return _broken(p, widths)


@settings(max_examples=300, deadline=None)
@given(markup() | PLAIN, st.sampled_from(STYLES), st.floats(30, 470))
def test_drawing_is_reportlabs(text, style_name, width):
    """Whole paragraphs, laid out and drawn on our canvas and on ReportLab's."""
    style = getattr(styles(), style_name)
    with fonts.typesetting(), para.reading():
        ours, theirs = BriefCanvas(io.BytesIO()), Canvas(io.BytesIO())
        for canvas, make in ((ours, para.Paragraph), (theirs, ReportLabParagraph)):
            p = make(text, style)
            p.wrap(width, 1000)
            p.drawOn(canvas, 20, 700)
        assert ours._code == theirs._code


def test_the_brief_uses_the_quicker_line_breaking():
    st_ = styles()
    p = para.Paragraph("<b>Why:</b> a reason, in a few words.", st_.cell)
    assert lines.handles(p)
    long = para.Paragraph("<b>Why:</b> " + "x" * 400, st_.cell)
    assert lines.break_lines(long, [100, 100]) is None  # ReportLab splits the long word
    plain = para.Paragraph("A note, as typed.", st_.note)
    assert lines.handles_one(plain) and lines.break_one(plain, [100, 100]) is not None


CELL_OPS = ["FONTNAME", "FONTSIZE", "LEADING", "TEXTCOLOR", "VALIGN", "ALIGN", "LEFTPADDING",
            "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING", "BACKGROUND", "LINEBELOW",
            "SPAN"]  # fmt: skip


@st.composite
def table_commands(draw, rows: int, cols: int) -> list:
    def corner():
        return (draw(st.integers(-cols, cols - 1)), draw(st.integers(-rows, rows - 1)))

    commands = []
    for _ in range(draw(st.integers(0, 12))):
        op = draw(st.sampled_from(CELL_OPS))
        value = {
            "FONTNAME": fonts.BOLD, "FONTSIZE": 7.5, "LEADING": 10, "VALIGN": "MIDDLE",
            "ALIGN": "RIGHT", "TEXTCOLOR": GREY_DARK, "BACKGROUND": GREY_DARK,
        }.get(op, draw(st.integers(0, 9)))  # fmt: skip
        extra = [value] if op != "LINEBELOW" else [0.5, GREY_DARK]
        commands.append(
            (op, corner(), corner(), *extra) if op != "SPAN" else (op, corner(), corner())
        )
    return commands


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 7), st.integers(1, 5), st.data())
def test_table_cells_are_styled_as_reportlab_styles_them(rows, cols, data):
    from reportlab.platypus import Table as ReportLabTable

    from ddwizard.report.flow import Table
    from ddwizard.report.styles import panel_style, table_style

    base = data.draw(
        st.sampled_from([table_style().getCommands(), panel_style().getCommands(), []])
    )
    commands = list(base) + data.draw(table_commands(rows, cols))
    cells = [["x"] * cols for _ in range(rows)]
    ours, theirs = Table(cells), ReportLabTable(cells)
    ours.setStyle(commands)
    theirs.setStyle(commands)
    assert [[vars(c) for c in row] for row in ours._cellStyles] == [
        [vars(c) for c in row] for row in theirs._cellStyles
    ]
    for name in ("_linecmds", "_bkgrndcmds", "_spanCmds", "_nosplitCmds"):
        assert getattr(ours, name) == getattr(theirs, name)


@contextlib.contextmanager
def reportlab_only(monkeypatch):
    """The brief made with ReportLab's own paragraphs, tables, canvas and fonts' methods."""
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Table as ReportLabTable

    from ddwizard.report import doc, flow

    with monkeypatch.context() as m:
        for name in ("__init__", "wrap", "breakLines", "drawPara", "drawOn"):
            m.setattr(para.Paragraph, name, getattr(ReportLabParagraph, name))
        m.setattr(flow.Table, "setStyle", ReportLabTable.setStyle)
        m.setattr(doc, "BriefCanvas", Canvas)
        m.setattr(fonts, "typesetting", contextlib.nullcontext)
        yield


def test_odd_text_makes_the_same_pdf_as_reportlabs(questionnaire, monkeypatch):
    """Markup-looking text, other scripts, emoji, right-to-left runs, a missing glyph, a
    word longer than a line, notes that cross pages: byte for byte ReportLab's PDF."""
    from ddwizard.core.assessment import Answer, ReferentNote, School
    from ddwizard.report import render_brief

    from .builders import rich_assessment
    from .test_user_text import MARKUP, SCRIPTS

    base = rich_assessment(questionnaire)
    odd = MARKUP + SCRIPTS + ["😀👍🏽 ✓ − → שלום עולם مرحبا بكم \U000e0001", "x" * 3000]
    answers = tuple(
        Answer(
            a.question,
            a.option,
            odd[i % len(odd)] + " " + "A sentence, said twice. " * i,
            a.evidence,
        )  # fmt: skip
        for i, a in enumerate(base.answers)
    )
    a = base.with_changes(
        school=School("St Zoë’s <b>School</b> & Nursery 😀 שלום", "1", "Primary", "Łódź"),
        answers=answers,
        referent_notes=(ReferentNote("curriculum", None, "\n\n".join(odd * 3)),),
    )
    ours = render_brief(a, questionnaire)
    with reportlab_only(monkeypatch):
        assert render_brief(a, questionnaire) == ours


def test_lines_fitted_by_narrowing_their_spaces_are_drawn_as_reportlab_draws_them():
    """A line that fits only because its spaces may shrink a little is drawn with narrower
    spaces (no-break spaces count): widths chosen to make such lines, in one style and in
    several."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    style = styles().body
    words = ["The", "trust’s", "route\u00a0map", "and", "the\u00a0school’s", "own", "steps"] * 3
    texts = (
        " ".join(words),
        "<b>Why:</b> " + " ".join(words),
        f"<b>Why it is so:</b> {' '.join(words[:4])} <i>{' '.join(words[4:12])}</i> and more",
    )
    cases = 0
    with fonts.typesetting(), para.reading():
        for k in range(2, len(words)):
            natural = stringWidth(" ".join(words[:k]), style.fontName, style.fontSize)
            for squeeze in (0.01, 0.2, 0.6, 1.5):
                for text in texts:
                    ours, theirs = BriefCanvas(io.BytesIO()), Canvas(io.BytesIO())
                    for canvas, make in ((ours, para.Paragraph), (theirs, ReportLabParagraph)):
                        p = make(text, style)
                        p.wrap(natural - squeeze, 1000)
                        p.drawOn(canvas, 20, 700)
                    assert ours._code == theirs._code
                    cases += any(" Tw" in c for c in ours._code)
    assert cases > 10  # lines were narrowed
