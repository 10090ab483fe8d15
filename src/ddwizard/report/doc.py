"""The document: A4 pages with a running header and footer, the DRAFT mark, bookmarks.

Headings carry an `anchor`; after each is laid out the document records its page, bookmarks
it, and adds it to the PDF outline. Every footer says "Page n of N": each footer's number is
a small form XObject, drawn once the total is known (PDF lets a page use a form defined
later), so one layout pass is enough. (Holding the save uses a ReportLab private name: see
`reportlab_private`.)

The DRAFT mark is a picture, not text: a screen reader, a search or a copy-paste never meets
its letters in the middle of the paper. The cover says once, in words, that it is a draft.
The PDF declares its language (en-GB) and asks viewers to show its title in the window.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from ddwizard.report import draft_mark, fonts, text
from ddwizard.report.flow import Paragraph
from ddwizard.report.reportlab_private import hold_save
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
    created: str = ""  # the PDF's creation date, e.g. D:20261122000000Z (empty: invariant's)


def body_frame() -> Frame:
    return Frame(
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
        hold_save(self)  # `finish()` saves, once pages are in order and numbered
        self.anchors: dict[str, int] = {}  # anchor -> the page it fell on
        self._outline: list[tuple[int, str, str, int]] = []  # page, title, anchor, level
        frame = body_frame()
        self.addPageTemplates(
            [
                PageTemplate("cover", [frame], onPage=self._cover, onPageEnd=self._end),
                PageTemplate("body", [frame], onPage=self._page, onPageEnd=self._end),
            ]
        )

    def beforeDocument(self) -> None:
        if self.info.created:  # the assessment's date, never "now": same input, same bytes
            self.canv.setDateFormatter(lambda *_: self.info.created)
        self.canv.setViewerPreference("DisplayDocTitle", "true")

    def afterFlowable(self, flowable) -> None:
        anchor = getattr(flowable, "anchor", None)
        if not anchor or anchor in self.anchors:
            return
        self.anchors[anchor] = self.page  # (the flowable drew its own link target)
        if flowable.level is not None:
            self._outline.append((self.page, flowable.outline, anchor, flowable.level))

    def finish(self) -> None:
        """After layout: draw every footer's page number, write the outline, and save."""
        canv, total = self.canv, self.page
        self._decorate(canv)
        for page in range(1, total + 1):
            canv.beginForm(_page_form(page))
            canv.setFont(fonts.REGULAR, 7.5)
            canv.setFillColor(GREY)
            canv.drawRightString(PAGE[0] - MARGIN_RIGHT, FOOTER_Y, f"Page {page} of {total}")
            canv.endForm()
        for _, title, anchor, level in self._outline:
            canv.addOutlineEntry(title, anchor, level=level, closed=level > 0)
        canv.save()

    # -- page decoration -------------------------------------------------------------
    # What every page shows is drawn once, as a form each page uses (see `_decorate`).

    # The header is drawn before a page's text and the footer after it, so text comes out
    # in the order it is seen.
    def _cover(self, canv, doc) -> None:
        canv.doForm(COVER_FORM)

    def _page(self, canv, doc) -> None:
        canv.doForm(PAGE_FORM)

    def _end(self, canv, doc) -> None:
        canv.doForm(FOOTER_FORM)
        canv.doForm(_page_form(doc.page))

    def _decorate(self, canv) -> None:
        """The cover's and the other pages' furniture, as forms."""
        canv.beginForm(COVER_FORM)
        canv.setFillColor(ACCENT)
        canv.rect(0, PAGE[1] - 10, PAGE[0], 10, stroke=0, fill=1)
        self._draft_marks(canv)
        canv.endForm()
        canv.beginForm(PAGE_FORM)
        self._draft_marks(canv)
        self._header(canv)
        canv.endForm()
        canv.beginForm(FOOTER_FORM)
        self._footer(canv)
        canv.endForm()

    def _draft_marks(self, canv) -> None:
        if not self.info.draft:
            return
        mark = draft_mark.watermark()
        w, h = mark.getSize()
        scale = PAGE[0] * 0.8 / w
        canv.drawImage(mark, PAGE[0] * 0.1, (PAGE[1] - h * scale) / 2, w * scale, h * scale)
        tag = draft_mark.tag()
        tw, th = tag.getSize()
        height = 12
        width = tw * height / th
        canv.drawImage(tag, PAGE[0] - MARGIN_RIGHT - width, HEADER_Y + 9, width, height)

    def _header(self, canv) -> None:
        right = "Board paper"
        canv.setFont(fonts.REGULAR, 8)
        canv.setFillColor(GREY)
        canv.drawRightString(PAGE[0] - MARGIN_RIGHT, HEADER_Y, right)
        room = TEXT_WIDTH - canv.stringWidth(right, fonts.REGULAR, 8) - 24
        name = _fit(self.info.school, room, fonts.BOLD, 8)
        school_line = Paragraph(text.markup(name), HEADER_STYLE)
        school_line.wrapOn(canv, room, 20)
        school_line.drawOn(canv, MARGIN_LEFT, HEADER_Y - 2)
        canv.setStrokeColor(GREY_RULE)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_LEFT, HEADER_Y - 6, PAGE[0] - MARGIN_RIGHT, HEADER_Y - 6)

    def _footer(self, canv) -> None:
        canv.setFont(fonts.REGULAR, 7.5)
        canv.setFillColor(GREY)
        canv.drawString(MARGIN_LEFT, FOOTER_Y, "Confidential: for the governing boards")


COVER_FORM, PAGE_FORM, FOOTER_FORM = "CoverPage", "BodyPage", "Footer"


def _page_form(page: int) -> str:
    return f"PageNumber{page}"


def _fit(value: str, width: float, font: str, size: float) -> str:
    """`value` shortened with an ellipsis to fit `width` (the header has one line)."""
    value = text.plain(value)
    if stringWidth(value, font, size) <= width:
        return value
    value = value[: int(width / (size * 0.2))]  # no glyph is narrower than this
    while value and stringWidth(value + "\u2026", font, size) > width:
        value = value[:-1]
    return value.rstrip() + "\u2026"
