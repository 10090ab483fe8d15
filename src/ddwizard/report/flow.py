"""The brief's paragraph, and small flowable helpers shared by the sections."""

from __future__ import annotations

from reportlab import platypus
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table

from ddwizard.report import text
from ddwizard.report.styles import CELL_PADDING, GREY_RULE, PAGE, TEXT_HEIGHT, table_style


class Paragraph(platypus.Paragraph):
    """ReportLab's paragraph, which does not break its lines again for the width it was
    last wrapped to. A table wraps each cell to measure its rows, again when it splits
    across a page, and again as it draws; the lines depend on the width alone.

    Nor is it drawn on a canvas laid out only to count pages (see `doc.pages_filled`)."""

    _wrapped_to: float | None = None

    def wrap(self, availWidth, availHeight):  # noqa: N803 (ReportLab's names)
        # (ReportLab forgets the lines, `blPara`, of a paragraph it could not split.)
        if availWidth == self._wrapped_to and hasattr(self, "blPara"):
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        if getattr(self, "width", None) == availWidth:  # not when there was no room at all
            self._wrapped_to = availWidth
        return size


class Heading(Paragraph):
    """A heading the document bookmarks: its page is recorded under `anchor`, and it gets
    an outline entry at `level` (None: a link target only, no outline entry)."""

    def __init__(
        self,
        markup,
        style: ParagraphStyle,
        anchor: str = "",
        outline: str = "",
        level: int | None = 0,
        **kw,
    ):
        super().__init__(markup, style, **kw)
        self.anchor = anchor
        self.outline = outline
        self.level = level

    def split(self, availWidth, availHeight):
        # Only the first part of a split heading carries its bookmark.
        parts = super().split(availWidth, availHeight)
        for i, part in enumerate(parts):
            part.anchor = self.anchor if i == 0 else ""
            part.outline, part.level = self.outline, self.level
        return parts

    def draw(self):
        if self.anchor:
            bookmark(self.canv, self.anchor, self.height)
        super().draw()


def bookmark(canv, anchor: str, height: float) -> None:
    """A link target, named `anchor`, showing a little above what is drawn here (its
    `height`, in the canvas's current coordinates) at the top of a reader's window."""
    _, top = canv.absolutePosition(0, height + 14)
    canv.bookmarkHorizontalAbsolute(anchor, min(PAGE[1], top))


class Rule(Flowable):
    """A thin horizontal rule."""

    def __init__(self, width: float, thickness: float = 0.5, color=GREY_RULE, space: float = 6):
        super().__init__()
        self.width, self.thickness, self.color, self.space = width, thickness, color, space

    def wrap(self, availWidth, availHeight):
        return (self.width, self.thickness + 2 * self.space)

    def draw(self):
        self.canv.setStrokeColor(self.color)
        self.canv.setLineWidth(self.thickness)
        y = self.space + self.thickness / 2
        self.canv.line(0, y, self.width, y)


def heading(
    title: str, style: ParagraphStyle, anchor: str, level: int | None = 0, prefix: str = ""
) -> Heading:
    """A heading showing user or trust text `title` (escaped), optionally numbered."""
    shown = (f"{prefix}&#160;&#160;" if prefix else "") + text.markup(title)
    outline = f"{prefix} {text.plain(title)}".strip()
    return Heading(shown, style, anchor, outline, level)


SUBHEAD_ROOM = 52  # points: a subheading needs room for itself and two lines below it


def subheading(markup: str, style: ParagraphStyle) -> list[Flowable]:
    """A small heading that never sits alone at the foot of a page. (A page-break check is
    much cheaper than keep-with-next, which lays the next flowable out twice.)"""
    return [CondPageBreak(SUBHEAD_ROOM), Paragraph(markup, style)]


def para(value: str, style: ParagraphStyle) -> Paragraph:
    """One paragraph of user text, exactly as typed."""
    return Paragraph(text.markup(value), style)


def paras(value: str, style: ParagraphStyle) -> list[Paragraph]:
    """User text in as many paragraphs as it has (long ones in pieces), as typed."""
    return [Paragraph(p, style) for p in text.paragraphs(value)]


def cell(value: str, style: ParagraphStyle) -> Paragraph:
    """A table cell of user text (its paragraphs joined with line breaks)."""
    return Paragraph("<br/><br/>".join(text.paragraphs(value)) or "", style)


def short(value: str, style: ParagraphStyle, width: float) -> str | Paragraph:
    """A cell for short text. When it fits one line in the main font it is a plain string,
    which a table lays out far more cheaply than a paragraph (and never reads as markup);
    otherwise a paragraph. Plain cells take the table style's font (see styles.table_style)."""
    line = text.plain(value)
    fits = stringWidth(line, style.fontName, style.fontSize) <= width - CELL_PADDING
    if line == text.clean(value).strip() and text.covered(line) and fits:
        return line
    return cell(value, style)


def gap(height: float) -> Spacer:
    return Spacer(1, height)


def _may_outgrow_a_page(rows: list[list], widths: list[float]) -> bool:
    """A generous estimate of each cell's height from its length. (Splitting rows only when
    needed matters: ReportLab can repeat a header mid-page when it splits inside a row.)"""
    for row in rows:
        for value, width in zip(row, widths, strict=False):
            items = value if isinstance(value, list) else [value]
            lines = 0
            for item in items:
                markup = item if isinstance(item, str) else getattr(item, "text", "") or ""
                per_line = max(1.0, (width - CELL_PADDING) / 4.2)  # 4.2 pt: a narrow glyph
                lines += len(markup) / per_line + markup.count("<br/>") + 1
            if lines * 12 > TEXT_HEIGHT * 0.5:
                return True
    return False


def table(
    rows: list[list],
    widths: list[float],
    header: bool = True,
    extra: list | None = None,
    repeat: bool = True,
) -> Table:
    """A quiet table. Rows are kept whole, unless one might not fit on a page (a very long
    note): then rows may split, so nothing ever overflows."""
    t = Table(
        rows,
        colWidths=widths,
        repeatRows=1 if header and repeat else 0,
        splitInRow=1 if _may_outgrow_a_page(rows, widths) else 0,
        hAlign="LEFT",
    )
    t.setStyle(table_style(header, extra))
    return t
