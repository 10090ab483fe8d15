"""The brief's look: page geometry, one accent colour and greys, a small type scale.

`+` and `−` mean "like the trust" and "unlike the trust", never good and bad, so nothing
here colours a position as a verdict: there is one accent colour, and greys.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from ddwizard.report import fonts

PAGE = A4
MARGIN_LEFT = 24 * mm
MARGIN_RIGHT = 24 * mm
MARGIN_TOP = 26 * mm
MARGIN_BOTTOM = 24 * mm
TEXT_WIDTH = PAGE[0] - MARGIN_LEFT - MARGIN_RIGHT
TEXT_HEIGHT = PAGE[1] - MARGIN_TOP - MARGIN_BOTTOM

ACCENT = colors.HexColor("#1F4E6B")  # a deep slate blue
ACCENT_LIGHT = colors.HexColor("#DCE6EC")
INK = colors.HexColor("#1E2328")
GREY_DARK = colors.HexColor("#4A5259")
GREY = colors.HexColor("#7A838B")
GREY_RULE = colors.HexColor("#C9CFD5")
GREY_LIGHT = colors.HexColor("#EEF1F3")
GREY_FAINT = colors.HexColor("#F6F7F8")
WATERMARK = colors.HexColor("#F0F2F4")
WHITE = colors.white

BODY_SIZE = 9.5
BODY_LEADING = 14


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    cover_kicker: ParagraphStyle
    cover_school: ParagraphStyle
    cover_sub: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    kicker: ParagraphStyle
    body: ParagraphStyle
    lead: ParagraphStyle
    small: ParagraphStyle
    note: ParagraphStyle
    bullet: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_head: ParagraphStyle
    cell_small: ParagraphStyle
    cell_right: ParagraphStyle
    cell_step: ParagraphStyle  # one step of a route: a little air above it
    question: ParagraphStyle
    answer: ParagraphStyle
    quote: ParagraphStyle
    ref: ParagraphStyle


@functools.cache
def styles() -> Styles:
    fonts.register()
    base = ParagraphStyle(
        "body",
        fontName=fonts.REGULAR,
        fontSize=BODY_SIZE,
        leading=BODY_LEADING,
        textColor=INK,
        spaceAfter=6,
        splitLongWords=1,
        allowWidows=0,
        allowOrphans=0,
    )

    def derive(name: str, **kw) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    cell = derive("cell", fontSize=8.5, leading=11.5, spaceAfter=0)
    return Styles(
        title=derive("title", fontName=fonts.BOLD, fontSize=24, leading=30, textColor=INK),
        cover_kicker=derive(
            "cover_kicker",
            fontName=fonts.BOLD,
            fontSize=9.5,
            leading=12,
            textColor=ACCENT,
            spaceAfter=10,
        ),
        cover_school=derive(
            "cover_school",
            fontName=fonts.BOLD,
            fontSize=28,
            leading=34,
            textColor=INK,
            spaceAfter=8,
        ),
        cover_sub=derive("cover_sub", fontSize=13, leading=18, textColor=GREY_DARK, spaceAfter=4),
        h1=derive(
            "h1",
            fontName=fonts.BOLD,
            fontSize=18,
            leading=23,
            textColor=ACCENT,
            spaceBefore=0,
            spaceAfter=12,
            keepWithNext=1,
        ),
        h2=derive(
            "h2",
            fontName=fonts.BOLD,
            fontSize=13,
            leading=17,
            textColor=INK,
            spaceBefore=14,
            spaceAfter=6,
            keepWithNext=0,
        ),
        h3=derive(
            "h3",
            fontName=fonts.BOLD,
            fontSize=10,
            leading=14,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=0,
        ),
        kicker=derive(
            "kicker",
            fontName=fonts.BOLD,
            fontSize=7.5,
            leading=10,
            textColor=GREY,
            spaceAfter=2,
            keepWithNext=0,
        ),
        body=base,
        lead=derive("lead", fontSize=11, leading=16.5, spaceAfter=10),
        small=derive("small", fontSize=8, leading=11, textColor=GREY_DARK, spaceAfter=4),
        note=derive(
            "note", fontSize=9, leading=13, textColor=GREY_DARK, leftIndent=10, spaceAfter=2
        ),
        bullet=derive(
            "bullet", leftIndent=14, bulletIndent=2, spaceAfter=4, bulletFontName=fonts.REGULAR
        ),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=fonts.BOLD),
        cell_head=ParagraphStyle(
            "cell_head",
            parent=cell,
            fontName=fonts.BOLD,
            fontSize=7.5,
            leading=10,
            textColor=GREY_DARK,
        ),
        cell_small=ParagraphStyle(
            "cell_small", parent=cell, fontSize=7.5, leading=10, textColor=GREY_DARK
        ),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        cell_step=ParagraphStyle(
            "cell_step", parent=cell, spaceBefore=5, leftIndent=11, firstLineIndent=-11
        ),
        question=derive(  # the question, then its answer on an indented line
            "question",
            fontSize=9.5,
            leading=13.5,
            spaceBefore=6,
            spaceAfter=2,
            leftIndent=10,
            firstLineIndent=-10,
        ),
        answer=derive(
            "answer", leftIndent=10, spaceAfter=1, fontSize=9, leading=13, alignment=TA_LEFT
        ),
        quote=derive(
            "quote", fontSize=9, leading=13, textColor=GREY_DARK, leftIndent=10, spaceAfter=3
        ),
        ref=derive(
            "ref", fontSize=8.5, leading=12, leftIndent=14, firstLineIndent=-14, spaceAfter=5
        ),
    )


CELL_PADDING = 16  # left and right padding of a table or panel cell, together (at most)


def table_style(header: bool = True, extra: list | None = None) -> TableStyle:
    """Quiet tables: no vertical rules, thin horizontal ones, room to breathe."""
    commands = [
        # Plain-string cells (flow.short) look like the `cell` paragraph style.
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("LEADING", (0, 0), (-1, -1), 11.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, GREY_RULE),
    ]
    if header:
        commands += [
            ("LINEBELOW", (0, 0), (-1, 0), 0.9, GREY_DARK),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
        ]
    return TableStyle(commands + (extra or []))


def panel_style() -> TableStyle:
    """A light panel for facts (cover details, an area's position): a column of labels in
    small bold grey (plain strings), then the facts."""
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
            ("FONTSIZE", (0, 0), (-1, -1), 8.5),
            ("LEADING", (0, 0), (-1, -1), 11.5),
            ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ("FONTNAME", (0, 0), (0, -1), fonts.BOLD),
            ("FONTSIZE", (0, 0), (0, -1), 7.5),
            ("TEXTCOLOR", (0, 0), (0, -1), GREY_DARK),
            ("BACKGROUND", (0, 0), (-1, -1), GREY_FAINT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, 0), 9),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 9),
            ("LINEABOVE", (0, 0), (-1, 0), 1.2, ACCENT),
        ]
    )
