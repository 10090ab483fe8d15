"""The visit pack's printed parts: its type styles, and the tick boxes and ruled lines a
person writes on (see visit_pack_pdf)."""

from __future__ import annotations

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from ddwizard.report import fonts
from ddwizard.report.styles import ACCENT, GREY, GREY_DARK, GREY_RULE, INK

BOX = 10  # a tick box's side, in points
NOTE_LINES = 3
NOTE_GAP = 18  # points between ruled lines: room for handwriting


class Box(Flowable):
    """An empty tick box."""

    def wrap(self, availWidth, availHeight):  # noqa: N803
        return BOX, BOX

    def draw(self):
        self.canv.setStrokeColor(INK)
        self.canv.setLineWidth(0.8)
        self.canv.rect(0, 0, BOX, BOX)


class Lines(Flowable):
    """Ruled lines to write notes on."""

    def __init__(self, lines: int = NOTE_LINES):
        super().__init__()
        self.lines = lines

    def wrap(self, availWidth, availHeight):  # noqa: N803
        self.width = availWidth
        return availWidth, self.lines * NOTE_GAP

    def draw(self):
        self.canv.setStrokeColor(GREY_RULE)
        self.canv.setLineWidth(0.6)
        for i in range(self.lines):
            self.canv.line(0, i * NOTE_GAP, self.width, i * NOTE_GAP)


def styles() -> dict[str, ParagraphStyle]:
    fonts.register()
    base = ParagraphStyle(
        "vp_body",
        fontName=fonts.REGULAR,
        fontSize=10.5,
        leading=15,
        textColor=INK,
        spaceAfter=6,
        splitLongWords=1,
        bulletFontName=fonts.REGULAR,
    )

    def d(name, **kw):
        return ParagraphStyle(f"vp_{name}", parent=base, **kw)

    bold = {"fontName": fonts.BOLD}
    return {
        "body": base,
        "kicker": d("kicker", **bold, fontSize=10, textColor=ACCENT, spaceAfter=8),
        "school": d("school", **bold, fontSize=26, leading=32, spaceAfter=6),
        "sub": d("sub", fontSize=14, leading=19, textColor=GREY_DARK, spaceAfter=14),
        "h1": d("h1", **bold, fontSize=18, leading=23, textColor=ACCENT, spaceAfter=8),
        "h2": d("h2", **bold, fontSize=14, leading=18, spaceBefore=10, spaceAfter=4),
        "h3": d("h3", **bold, fontSize=12, leading=16, textColor=ACCENT, spaceBefore=12),
        "intro": d("intro", textColor=GREY_DARK, spaceAfter=10),
        "question": d("question", **bold, fontSize=11, leading=15.5, spaceBefore=4),
        "meta": d("meta", fontSize=8.5, leading=11, textColor=GREY, spaceAfter=2),
        "help": d("help", fontSize=9.5, leading=13, textColor=GREY_DARK, spaceAfter=4),
        "option": d("option", fontSize=9.5, leading=12, spaceAfter=0),
        "cell": d("cell", fontSize=10, leading=13, spaceAfter=0),
        "cell_bold": d("cell_bold", **bold, fontSize=10, leading=13, spaceAfter=0),
        "head": d("head", **bold, fontSize=9, leading=12, textColor=GREY_DARK, spaceAfter=0),
        "group": d("group", **bold, fontSize=11, leading=14, textColor=ACCENT, spaceAfter=0),
        "also": d("also", fontSize=9, leading=12, textColor=GREY_DARK, spaceAfter=0),
        "recorded": d("recorded", fontSize=9.5, leading=13, textColor=GREY_DARK, spaceAfter=2),
        "right": d("right", alignment=TA_RIGHT),
    }
