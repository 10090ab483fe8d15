"""The legends beside the figures: a sample of each mark, with a few words."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Group, Line, Rect
from reportlab.lib.units import mm
from reportlab.platypus import Table, TableStyle

from ddwizard.core.plane import ArrowKind
from ddwizard.report import figures, fonts
from ddwizard.report.figures import Mode
from ddwizard.report.flow import Paragraph
from ddwizard.report.styles import GREY_LIGHT, TEXT_WIDTH, Styles

LEGENDS = {
    Mode.PLANE: (
        ("high", "An area, assessor’s confidence high"),
        ("medium", "Confidence medium"),
        ("low", "Confidence low"),
        ("none", "Confidence not recorded"),
        ("spread", "Spread of the answers on each scale"),
        ("band", "Borderline band: within 0.1 of an axis"),
    ),
    Mode.ROUTES: (
        ("high", "Where an area sits now (fill shows confidence)"),
        ("step", "A dated step on the route"),
        ("target", "The agreed target"),
        ("route", "The route, in order"),
        ("return", "Return trip: the school’s practice brought into the trust"),
    ),
    Mode.MOVEMENT: (
        ("earlier", "Where an area sat at the earlier assessment"),
        ("movement", "Movement since then"),
        ("high", "Where it sits now (fill shows confidence)"),
    ),
}
ARROWS = {"route": ArrowKind.ROUTE, "return": ArrowKind.RETURN, "movement": ArrowKind.MOVEMENT}


def legend(mode: Mode, st: Styles, columns: int = 2) -> Table:
    """The marks a figure uses, each with a few words, in `columns` columns."""
    items = [[sample(kind), Paragraph(words, st.cell_small)] for kind, words in LEGENDS[mode]]
    rows = []
    for i in range(0, len(items), columns):
        row = [x for item in items[i : i + columns] for x in item]
        rows.append(row + [""] * (2 * columns - len(row)))
    mark_w, text_w = 10 * mm, TEXT_WIDTH / columns - 10 * mm
    t = Table(rows, colWidths=[mark_w, text_w] * columns, hAlign="LEFT")
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return t


def sample(kind: str) -> Drawing:
    """A small sample of one kind of mark, drawn exactly as the figure draws it."""
    d = figures.drawing(26, 10)
    x, y = 13, 5
    if kind == "spread":
        d.add(Line(2, y, 24, y, strokeColor=figures.SPREAD, strokeWidth=0.45))
        for xe in (2, 24):
            d.add(Line(xe, y - 1.6, xe, y + 1.6, strokeColor=figures.SPREAD, strokeWidth=0.45))
        d.add(figures.confidence_mark(x, y, "high"))
    elif kind == "band":
        d.add(Rect(2, 1, 22, 8, fillColor=GREY_LIGHT, strokeColor=None))
    elif kind in ARROWS:
        g = Group()
        figures.arrow_shape(g, 1, y, 25, y, ARROWS[kind], trim=0)
        d.add(g)
    else:
        for shape in figures.marks(kind, x, y):
            d.add(shape)
    return d
