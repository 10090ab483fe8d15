"""The board paper as a PDF: the document model (`blocks`) laid out with ReportLab."""

from __future__ import annotations

import io

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, NextPageTemplate, PageBreak

from ddwizard.report import figures, fonts, text
from ddwizard.report.blocks import Bullets, Figure, Heading, Inline, Paper, Para, Run, Table
from ddwizard.report.doc import BriefDoc, PageInfo
from ddwizard.report.figures import Mode
from ddwizard.report.flow import Paragraph, gap, heading, short, subheading, table
from ddwizard.report.legend import legend
from ddwizard.report.styles import TEXT_WIDTH, Styles, styles

PLOT = 330  # points: the plot square of the plane


def render(paper: Paper) -> bytes:
    st = styles()
    story: list[Flowable] = []
    on_cover = True
    for i, block in enumerate(paper.blocks):
        kind = type(block).__name__
        if kind == "PageBreak":
            if on_cover:
                story.append(NextPageTemplate("body"))
                on_cover = False
            story.append(PageBreak())
        else:
            story += _FLOW[kind](block, st, f"b{i}", on_cover)
    out = io.BytesIO()
    doc = BriefDoc(out, _info(paper))
    doc.build(story)
    doc.finish()
    return out.getvalue()


def markup(runs: Inline) -> str:
    """Runs as paragraph markup, every character as typed."""
    return "".join(_styled(text.markup(r.text), r) for r in runs)


def _styled(m: str, r) -> str:
    if r.italic:
        m = f"<i>{m}</i>"
    return f"<b>{m}</b>" if r.bold else m


def pieces(runs: Inline) -> list[str]:
    """Runs as the markup of one paragraph or more: a long run (a note typed at length) is
    split at its blank lines and into pieces, as a plain note is, so that no paragraph runs
    over many pages (each page a long paragraph runs onto lays out its rest again)."""
    out: list[str] = []
    current: list[str] = []
    for r in runs:
        if len(r.text) <= text.CHUNK:
            current.append(_styled(text.markup(r.text), r))
            continue
        parts = [_styled(p, r) for p in text.paragraphs(r.text)]
        if not parts:
            continue
        out.append("".join([*current, parts[0]]))
        out += parts[1:-1]
        current = parts[-1:] if len(parts) > 1 else []
    if current or not out:
        out.append("".join(current))
    return out


def _heading(b: Heading, st: Styles, anchor: str, cover: bool) -> list[Flowable]:
    if cover and b.level == 1:
        return [gap(14 * mm), heading(b.text, st.cover_school, anchor, level=0)]
    if b.level == 1:  # a section starting low on a page goes to the next
        return [CondPageBreak(50 * mm), heading(b.text, st.h1, anchor, level=0)]
    if b.level == 2:  # never alone at the foot of a page
        return [CondPageBreak(22 * mm), heading(b.text, st.h2, anchor, level=1)]
    return subheading(text.markup(b.text), st.h3)


STYLE = {"body": "body", "lead": "lead", "small": "small", "note": "note", "quote": "quote"}


def _para(b: Para, st: Styles, anchor: str, cover: bool) -> list[Flowable]:
    style = getattr(st, "cover_sub" if cover and b.style == "lead" else STYLE[b.style])
    if len(b.runs) == 1 and not (b.runs[0].bold or b.runs[0].italic):
        return [Paragraph(p, style) for p in text.paragraphs(b.runs[0].text)]
    lines = _lines(b.runs)
    if len(lines) == 1 and not _led(lines[0]):
        return [Paragraph(p, style) for p in pieces(b.runs)]
    out: list[Flowable] = []
    for i, line in enumerate(lines):  # the lines of a panel of facts, one after another
        out += _line(line, style if i == len(lines) - 1 else _derived(style, "tight"))
    return out


def _led(line: Inline) -> bool:
    """A line led by a bold label, the rest plain ("Target: ...")."""
    return (
        len(line) > 1
        and line[0].bold
        and not line[0].italic
        and not any(r.bold or r.italic for r in line[1:])
    )


def _line(line: Inline, style) -> list[Flowable]:
    """One line of a paragraph. A bold label leading plain text is set as the paragraph's
    run-in label (ReportLab's bullet text), so that the text keeps one style and ReportLab
    sets it on its quick path."""
    if not line:
        return [gap(style.leading)]
    label = text.plain(line[0].text)  # ReportLab leaves a little more than a space after it
    # (A label needing another font, an emoji say, is set the ordinary way, with fallbacks.)
    if not _led(line) or not text.covered(label):
        return [Paragraph(p, style) for p in pieces(line)]
    first, *rest = pieces(line[1:])
    return [
        Paragraph(first, _derived(style, "run-in"), bulletText=label),
        *(Paragraph(p, style) for p in rest),
    ]


_DERIVED: dict[tuple[str, str], ParagraphStyle] = {}


def _derived(style: ParagraphStyle, kind: str) -> ParagraphStyle:
    """`style` with no space after (a line of a panel), or with a bold run-in label."""
    key = (style.name, kind)
    if key not in _DERIVED:
        if kind == "tight":
            _DERIVED[key] = ParagraphStyle(f"{style.name}-tight", parent=style, spaceAfter=0)
        else:
            _DERIVED[key] = ParagraphStyle(
                f"{style.name}-{kind}",
                parent=style,
                bulletFontName=fonts.BOLD,
                bulletFontSize=style.fontSize,
                bulletIndent=style.leftIndent,
                bulletColor=style.textColor,
            )
    return _DERIVED[key]


def _bullets(b: Bullets, st: Styles, anchor: str, cover: bool) -> list[Flowable]:
    out = []
    for item in b.items:
        first, *rest = pieces(item)
        out.append(Paragraph(first, st.bullet, bulletText="\u2022"))
        out += [Paragraph(p, st.bullet) for p in rest]
    return out


def _table(b: Table, st: Styles, anchor: str, cover: bool) -> list[Flowable]:
    widths = [w * TEXT_WIDTH for w in b.widths]
    head = st.cell_head
    rows: list[list] = [[short(h, head, w) for h, w in zip(b.header, widths, strict=True)]]
    style = st.cell_small if b.dense else st.cell
    bolder = ParagraphStyle("bold", parent=style, fontName=fonts.BOLD)
    extra = _cells_like(head, ((0, 0), (-1, 0)))
    if b.dense:
        extra += _cells_like(style, ((0, 1), (-1, -1)))
    for r, row in enumerate(b.rows, start=1):
        cells = []
        for c, (runs, width) in enumerate(zip(row, widths, strict=True)):
            lines = _lines(runs)
            if len(lines) > 1:
                cells.append(_line_paragraphs(lines, style, bolder))
                continue
            one = runs[0] if len(runs) == 1 and not runs[0].italic else None
            if one is None:
                cells.append(Paragraph(markup(runs), style))
                continue
            cell = short(one.text, bolder if one.bold else style, width)  # plain if it fits
            if one.bold and isinstance(cell, str):
                extra.append(("FONTNAME", (c, r), (c, r), fonts.BOLD))
            elif one.bold:
                cell = Paragraph(markup(runs), style)
            cells.append(cell)
        rows.append(cells)
    return [table(rows, widths, extra=extra), gap(3 * mm)]


def _lines(runs: Inline) -> list[Inline]:
    """Runs split at their line breaks."""
    lines: list[list[Run]] = [[]]
    for r in runs:
        for i, part in enumerate(r.text.split("\n")):
            if i:
                lines.append([])
            if part:
                lines[-1].append(Run(part, r.bold, r.italic))
    return [tuple(line) for line in lines]


def _line_paragraphs(lines: list[Inline], style, bolder) -> list[Flowable]:
    """A cell of several lines as a paragraph each, in one style where the line has one:
    ReportLab sets a paragraph of one style on its quick path, and one with line breaks or
    bold words in it on its slow one."""
    out: list[Flowable] = []
    for line in lines:
        if not line:
            out.append(gap(style.leading))
        elif all(r.bold and not r.italic for r in line):
            out.append(Paragraph(text.markup("".join(r.text for r in line)), bolder))
        else:
            out.append(Paragraph(markup(line), style))
    return out


def _cells_like(style, cells) -> list:
    """Plain-string cells (flow.short) look like the paragraphs of `style`: the header's,
    or a dense table's smaller type."""
    return [
        ("FONTNAME", *cells, style.fontName),
        ("FONTSIZE", *cells, style.fontSize),
        ("LEADING", *cells, style.leading),
        ("TEXTCOLOR", *cells, style.textColor),
    ]


def _figure(b: Figure, st: Styles, anchor: str, cover: bool) -> list[Flowable]:
    return [
        gap(2 * mm),
        figures.plane(b.scene, TEXT_WIDTH, PLOT),
        gap(2 * mm),
        legend(Mode.PLANE, st),
    ]


_FLOW = {
    "Heading": _heading,
    "Para": _para,
    "Bullets": _bullets,
    "Table": _table,
    "Figure": _figure,
}


def _info(paper: Paper) -> PageInfo:
    return PageInfo(
        school=text.plain(paper.school),
        draft=paper.draft,
        title=text.plain(paper.title),
        author=text.plain(paper.author),
        subject=text.plain(paper.subject),
        created=_pdf_date(paper.assessed_on),
    )


def _pdf_date(value: str) -> str:
    import datetime as dt

    try:
        d = dt.date.fromisoformat(value.strip())
    except ValueError:
        return ""
    return f"D:{d:%Y%m%d}000000Z"
