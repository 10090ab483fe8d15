"""The document: A4 pages with a running header and footer, the DRAFT mark, bookmarks.

Headings (and :class:`~ddwizard.report.flow.Anchor` marks) carry an `anchor`; after each is
laid out the document records its page, bookmarks it, and adds it to the PDF outline.

One layout pass makes the whole document, though the summary near the front cites the pages
of what follows it, and every footer says "Page n of N":

* the summary is laid out *last*, when the pages it cites are known (:class:`MoveToFront`
  marks its place at the end of the story, :class:`FrontGoesHere` where it belongs), and
  its pages are then moved to their place in the page tree;
* each footer's "Page n of N" is a small form XObject, drawn once every page's final number
  and the total are known (PDF lets a page use a form defined later).

Bookmarks and links name page objects, not positions, so moving pages keeps them right;
the outline is written at the end, in the order of the finished document. (Holding the
save, undoing layout's marks and moving pages use ReportLab's private names: see
`reportlab_private`.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from ddwizard.report import fonts, text
from ddwizard.report.flow import Paragraph
from ddwizard.report.reportlab_private import (
    hold_save,
    order_pages,
    record_layout_marks,
    undo_layout_marks,
)
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


class FrontGoesHere(Flowable):
    """Where the section laid out last (see :class:`MoveToFront`) goes: before the page on
    which this mark is laid out."""

    def wrap(self, availWidth, availHeight):
        return (0, 0)

    def draw(self):
        pass


class MoveToFront(Flowable):
    """The place, at the end of the story, of a section that cites the pages of the rest:
    when layout reaches it, `make(doc)` gives the section's flowables (the pages of all
    before it are known then), and the section starts a page of its own."""

    def __init__(self, make: Callable[[BriefDoc], list[Flowable]]):
        super().__init__()
        self.make = make

    def wrap(self, availWidth, availHeight):
        return (0, 0)

    def draw(self):
        pass


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


class ScratchCanvas(Canvas):
    """A canvas layout runs on only to count pages: paragraphs are not drawn on it."""

    drawing = False


def pages_filled(flowables: list[Flowable]) -> int:
    """How many body pages `flowables` take from the top of a page, laid out on a scratch
    canvas that is never saved (a section of a page or two: a few milliseconds). The marks
    layout leaves on flowables are undone, so the same flowables can be laid out again."""
    import io

    doc = BaseDocTemplate(
        io.BytesIO(),
        pagesize=PAGE,
        initialFontName=fonts.REGULAR,
        initialFontSize=10,
        initialLeading=12,
        invariant=1,
    )
    hold_save(doc)
    marks = record_layout_marks(doc)
    doc.addPageTemplates([PageTemplate("body", [body_frame()])])
    try:
        doc.build(list(flowables), canvasmaker=ScratchCanvas)
    finally:
        undo_layout_marks(marks)
    return doc.page


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
        self.anchors: dict[str, int] = {}  # anchor -> the page it fell on, as laid out
        self._outline: list[tuple[int, str, str, int]] = []  # page, title, anchor, level
        self.front_at: int | None = None  # the page the moved section goes before
        self.moved_from: int | None = None  # the first page of the moved section, as laid out
        self.moved_pages = 0  # how many pages `make` expected the moved section to take
        # Layout marks flowables as it goes (postponed, keep-with-next); we undo the marks
        # after each pass so the same flowables can be laid out again (as multiBuild does).
        self._marks = record_layout_marks(self)
        frame = body_frame()
        self.addPageTemplates(
            [
                PageTemplate("cover", [frame], onPage=self._cover),
                PageTemplate("body", [frame], onPage=self._page),
            ]
        )

    def beforeDocument(self) -> None:
        if self.info.created:  # the assessment's date, never "now": same input, same bytes
            self.canv.setDateFormatter(lambda *_: self.info.created)

    def undo_layout_marks(self) -> None:
        undo_layout_marks(self._marks)

    def filterFlowables(self, flowables) -> None:
        first = flowables[0] if flowables else None
        if isinstance(first, FrontGoesHere):
            self.front_at = self.page
            del flowables[0]
        elif isinstance(first, MoveToFront):
            self.moved_from = self.page
            flowables[0:1] = first.make(self)

    def afterFlowable(self, flowable) -> None:
        anchor = getattr(flowable, "anchor", None)
        if not anchor or anchor in self.anchors:
            return
        self.anchors[anchor] = self.page  # (the flowable drew its own link target)
        if flowable.level is not None:
            self._outline.append((self.page, flowable.outline, anchor, flowable.level))

    # -- page numbers ------------------------------------------------------------------

    def final_page(self, page: int, moved: int | None = None) -> int:
        """The number page `page` (as laid out) has in the finished document, the moved
        section taking `moved` pages (default: as laid out)."""
        if self.front_at is None or self.moved_from is None or page < self.front_at:
            return page
        moved = self.page - self.moved_from + 1 if moved is None else moved
        if page < self.moved_from:
            return page + moved
        return page - self.moved_from + self.front_at

    def settled(self) -> bool:
        """The moved section took the pages its citations were worked out for."""
        return self.moved_from is None or self.page - self.moved_from + 1 == self.moved_pages

    def finish(self) -> None:
        """After layout: put the moved pages in their place, draw every footer's page
        number, write the outline in document order, and save."""
        canv, total = self.canv, self.page
        self._decorate(canv)
        for page in range(1, total + 1):
            canv.beginForm(_page_form(page))
            canv.setFont(fonts.REGULAR, 7.5)
            canv.setFillColor(GREY)
            label = f"Page {self.final_page(page)} of {total}"
            canv.drawRightString(PAGE[0] - MARGIN_RIGHT, FOOTER_Y, label)
            canv.endForm()
        order_pages(canv, sorted(range(1, total + 1), key=self.final_page))
        self._outline.sort(key=lambda entry: self.final_page(entry[0]))  # stable
        for _, title, anchor, level in self._outline:
            canv.addOutlineEntry(title, anchor, level=level, closed=level > 0)
        canv.save()

    # -- page decoration -------------------------------------------------------------
    # What every page shows is drawn once, as a form each page uses (see `_decorate`).

    def _cover(self, canv, doc) -> None:
        canv.doForm(COVER_FORM)
        canv.doForm(_page_form(doc.page))

    def _page(self, canv, doc) -> None:
        canv.doForm(PAGE_FORM)
        canv.doForm(_page_form(doc.page))

    def _decorate(self, canv) -> None:
        """The cover's and the other pages' furniture, as forms."""
        canv.beginForm(COVER_FORM)
        canv.setFillColor(ACCENT)
        canv.rect(0, PAGE[1] - 10, PAGE[0], 10, stroke=0, fill=1)
        self._draft_marks(canv)
        self._footer(canv)
        canv.endForm()
        canv.beginForm(PAGE_FORM)
        self._draft_marks(canv)
        self._header(canv)
        self._footer(canv)
        canv.endForm()

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


COVER_FORM, PAGE_FORM = "CoverPage", "BodyPage"


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
