"""Small flowable helpers shared by the sections."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Spacer, TableStyle
from reportlab.platypus import Table as _Table
from reportlab.platypus.tables import _SPECIALROWS, CellStyle, _setCellStyle

from ddwizard.report import text
from ddwizard.report.para import Paragraph
from ddwizard.report.styles import CELL_PADDING, GREY_RULE, TEXT_HEIGHT, table_style


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


class Anchor(Flowable):
    """An invisible link target (no outline entry), e.g. a table further down a page."""

    def __init__(self, anchor: str):
        super().__init__()
        self.anchor = anchor
        self.outline = ""
        self.level = None

    def wrap(self, availWidth, availHeight):
        return (0, 0)

    def draw(self):
        pass


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


# Style commands that set each cell's font, colour, alignment or padding.
_CELL_COMMANDS = frozenset(
    {
        "FONT", "FONTNAME", "FACE", "SIZE", "FONTSIZE", "LEADING", "TEXTCOLOR", "ALIGN",
        "ALIGNMENT", "VALIGN", "LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING",
    }
)  # fmt: skip


class Table(_Table):
    """ReportLab's table, its cells styled with less repeated work.

    ReportLab applies each cell command to every cell in its range, one cell at a time (a
    table style of a dozen commands over a table of fifty cells: six hundred steps). Cells
    covered by the same commands end up alike: here the commands are applied once for each
    such group of cells, and the result given to each cell of the group. The cells get the
    same attributes, with the same values, as ReportLab's way."""

    def setStyle(self, tblstyle):  # noqa: N802 (ReportLab's name)
        if not isinstance(tblstyle, TableStyle):
            tblstyle = TableStyle(tblstyle)
        cells = []
        for cmd in tblstyle.getCommands():
            _check(cmd)
            if cmd[0] in _CELL_COMMANDS and not _special(cmd):
                cells.append(cmd)
            else:
                self._addCommand(cmd)  # ReportLab's handling
        self._style_cells(cells)
        for key, value in tblstyle._opts.items():
            setattr(self, key, value)
        for name in ("spaceBefore", "spaceAfter"):
            if not hasattr(self, name) and hasattr(tblstyle, name):
                setattr(self, name, getattr(tblstyle, name))

    def _style_cells(self, commands: list) -> None:
        ranges = []
        for op, (sc, sr), (ec, er), *values in commands:
            sc, ec, sr, er = self.normCellRange(sc, ec, sr, er)
            ranges.append((sc, ec, sr, er, op, values))
        rows: list[list[int]] = [[] for _ in range(self._nrows)]  # the commands over each row
        for k, (_, _, sr, er, _, _) in enumerate(ranges):
            for i in range(sr, er + 1):
                rows[i].append(k)
        styled: dict[tuple, dict] = {}  # the commands over a cell -> its attributes
        across: dict[tuple, list[dict]] = {}  # the commands over a row -> each cell's
        for i, row in enumerate(map(tuple, rows)):
            found = across.get(row)
            if found is None:
                found = across[row] = [
                    self._styled(styled, ranges,
                                 tuple(k for k in row if ranges[k][0] <= j <= ranges[k][1]))
                    for j in range(self._ncols)
                ]  # fmt: skip
            for style, attributes in zip(self._cellStyles[i], found, strict=True):
                style.__dict__.update(attributes)

    @staticmethod
    def _styled(styled: dict, ranges: list, over: tuple) -> dict:
        """The attributes a cell gets from the commands over it (in the style's order)."""
        attributes = styled.get(over)
        if attributes is None:
            scratch = CellStyle("scratch")
            for k in over:
                _setCellStyle([[scratch]], 0, 0, ranges[k][4], ranges[k][5])
            attributes = styled[over] = dict(vars(scratch))
            del attributes["name"]
        return attributes


def _check(cmd) -> None:
    """ReportLab's check of a style command's coordinates."""
    if len(cmd) >= 3:
        _, (sc, sr), (ec, er) = cmd[0:3]
        if (
            isinstance(sc, str)
            or isinstance(ec, str)
            or (isinstance(sr, str) and sr not in _SPECIALROWS)
            or (isinstance(er, str) and er not in _SPECIALROWS)
        ):
            raise ValueError(
                f"bad style command {cmd!r} illegal of invalid string coordinate\n"
                f"only rows may be strings with values in {_SPECIALROWS!r}"
            )


def _special(cmd) -> bool:
    """A command for the rows where a table splits (ReportLab keeps those for later)."""
    return cmd[1][1] in _SPECIALROWS or cmd[2][1] in _SPECIALROWS


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
