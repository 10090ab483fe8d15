"""The document: A4 pages with a running header and footer, the DRAFT mark, bookmarks.

Headings (and :class:`~ddwizard.report.flow.Anchor` marks) carry an `anchor`; after each is
laid out the document records its page, bookmarks it, and adds it to the PDF outline.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

from ddwizard.report import fonts, text
from ddwizard.report.styles import (
    ACCENT,
    GREY,
    GREY_DARK,
    GREY_RULE,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE,
    TEXT_HEIGHT,
    TEXT_WIDTH,
    WATERMARK,
    WHITE,
)

HEADER_Y = PAGE[1] - 14 * 2.8346
HEADER_STYLE = ParagraphStyle(
    "header", fontName=fonts.BOLD, fontSize=8, leading=10, textColor=GREY_DARK
)
FOOTER_Y = 12 * 2.8346


@dataclass(frozen=True)
class PageInfo:
    school: str  # plain text, for the running header
    draft: bool
    title: str  # PDF metadata
    author: str
    subject: str
    total: int | None = None  # pages, once known from an earlier pass
    created: str = ""  # the PDF's creation date, e.g. D:20261122000000Z (empty: invariant's)


class BriefDoc(BaseDocTemplate):
    def __init__(self, out, info: PageInfo):
        super().__init__(
            out,
            pagesize=PAGE,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=info.title,
            author=info.author,
            subject=info.subject,
            creator="ddwizard",
            invariant=1,
            lang="en-GB",
            pageCompression=1,
            # Start every page in our own font: no unembedded standard font is referenced.
            initialFontName=fonts.REGULAR,
            initialFontSize=10,
            initialLeading=12,
        )
        self.info = info
        self.anchors: dict[str, int] = {}
        # Layout marks flowables as it goes (postponed, keep-with-next); we undo the marks
        # after each pass so the same flowables can be laid out again (as multiBuild does).
        self._edits: list[tuple] = []
        self._multiBuildEdits = self._edits.append
        frame = Frame(
            MARGIN_LEFT,
            MARGIN_BOTTOM,
            TEXT_WIDTH,
            TEXT_HEIGHT,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [
                PageTemplate("cover", [frame], onPage=self._cover),
                PageTemplate("body", [frame], onPage=self._page),
            ]
        )
        self._school_line: Paragraph | None = None  # made once, drawn on every page

    def beforeDocument(self) -> None:
        if self.info.created:  # the assessment's date, never "now": same input, same bytes
            self.canv.setDateFormatter(lambda *_: self.info.created)

    def undo_layout_marks(self) -> None:
        while self._edits:
            func, *args = self._edits.pop(0)
            func(*args)

    def afterFlowable(self, flowable) -> None:
        anchor = getattr(flowable, "anchor", None)
        if not anchor or anchor in self.anchors:
            return
        self.anchors[anchor] = self.page
        top = min(PAGE[1], self.frame._y + flowable.height + 14)
        self.canv.bookmarkPage(anchor, fit="XYZ", left=0, top=top)
        if flowable.level is not None:
            self.canv.addOutlineEntry(
                flowable.outline, anchor, level=flowable.level, closed=flowable.level > 0
            )

    # -- page decoration -------------------------------------------------------------

    def _cover(self, canv, doc) -> None:
        canv.saveState()
        canv.setFillColor(ACCENT)
        canv.rect(0, PAGE[1] - 10, PAGE[0], 10, stroke=0, fill=1)
        self._draft_marks(canv)
        self._footer(canv, doc)
        canv.restoreState()

    def _page(self, canv, doc) -> None:
        canv.saveState()
        self._draft_marks(canv)
        self._header(canv)
        self._footer(canv, doc)
        canv.restoreState()

    def _draft_marks(self, canv) -> None:
        if not self.info.draft:
            return
        canv.saveState()
        canv.setFillColor(WATERMARK)
        canv.setFont(fonts.BOLD, 120)
        canv.translate(PAGE[0] / 2, PAGE[1] / 2)
        canv.rotate(52)
        canv.drawCentredString(0, -42, "DRAFT")
        canv.restoreState()
        # A plain tag too, where a reader looks first.
        canv.setFont(fonts.BOLD, 7.5)
        w = canv.stringWidth("DRAFT", fonts.BOLD, 7.5) + 10
        x, y = PAGE[0] - MARGIN_RIGHT - w, HEADER_Y + 12
        canv.setFillColor(ACCENT)
        canv.roundRect(x, y - 3, w, 12, 2, stroke=0, fill=1)
        canv.setFillColor(WHITE)
        canv.drawCentredString(x + w / 2, y + 0.5, "DRAFT")

    def _header(self, canv) -> None:
        right = "Integration brief"
        canv.setFont(fonts.REGULAR, 8)
        canv.setFillColor(GREY)
        canv.drawRightString(PAGE[0] - MARGIN_RIGHT, HEADER_Y, right)
        if self._school_line is None:
            room = TEXT_WIDTH - canv.stringWidth(right, fonts.REGULAR, 8) - 24
            name = _fit(self.info.school, room, fonts.BOLD, 8)
            self._school_line = Paragraph(text.markup(name), HEADER_STYLE)
            self._school_line.wrapOn(canv, room, 20)
        self._school_line.drawOn(canv, MARGIN_LEFT, HEADER_Y - 2)
        canv.setStrokeColor(GREY_RULE)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_LEFT, HEADER_Y - 6, PAGE[0] - MARGIN_RIGHT, HEADER_Y - 6)

    def _footer(self, canv, doc) -> None:
        canv.setFont(fonts.REGULAR, 7.5)
        canv.setFillColor(GREY)
        canv.drawString(MARGIN_LEFT, FOOTER_Y, "Confidential: for the governing boards")
        total = self.info.total if self.info.total else "?"
        canv.drawRightString(PAGE[0] - MARGIN_RIGHT, FOOTER_Y, f"Page {doc.page} of {total}")


def _fit(value: str, width: float, font: str, size: float) -> str:
    """`value` shortened with an ellipsis to fit `width` (the header has one line)."""
    value = text.plain(value)
    if stringWidth(value, font, size) <= width:
        return value
    value = value[: int(width / (size * 0.2))]  # no glyph is narrower than this
    while value and stringWidth(value + "\u2026", font, size) > width:
        value = value[:-1]
    return value.rstrip() + "\u2026"
