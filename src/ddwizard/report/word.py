"""The board paper as a Word document a clerk can edit: the same document model as the PDF,
written with python-docx. Word's own heading styles (so the navigation pane and a contents
table work), real tables with header rows that repeat, the plane as a picture with
alternative text, page numbers and the draft marking in the header."""

from __future__ import annotations

import io
import re

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Cm, Pt, RGBColor

from ddwizard.report import plane_png, text, word_xml
from ddwizard.report.blocks import Bullets, Figure, Heading, Inline, Paper, Para, Table

TEXT_WIDTH_CM = 16.2  # A4 less 2.4 cm margins each side, as the PDF
STYLES = {"body": "Normal", "lead": "Subtitle", "quote": "Quote", "small": "Small", "note": "Small"}
# Characters XML 1.0 cannot hold (clean() already drops control characters).
_NOT_XML = re.compile("[\ufffe\uffff]")


def render(paper: Paper) -> bytes:
    document = docx.Document()
    _setup(document, paper)
    pictures: list[str] = []
    for block in paper.blocks:
        if isinstance(block, Heading):
            document.add_heading(safe(block.text), min(block.level, 3))
        elif isinstance(block, Para):
            style = STYLES[block.style]  # Normal by default: naming it costs a lookup
            _runs(document.add_paragraph(style=None if style == "Normal" else style), block.runs)
        elif isinstance(block, Bullets):
            for item in block.items:
                _runs(document.add_paragraph(style="List Bullet"), item)
        elif isinstance(block, Table):
            _table(document, block)
        elif isinstance(block, Figure):
            document.add_picture(io.BytesIO(plane_png.render(block.scene)), width=Cm(TEXT_WIDTH_CM))
            pictures.append(safe(block.alt))
        else:
            document.add_page_break()
    word_xml.repeat_header_rows(document)
    word_xml.describe_pictures(document, pictures)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def safe(value: str) -> str:
    """Text as typed, less what XML cannot hold (control characters; lone surrogates and
    non-characters become U+FFFD)."""
    return _NOT_XML.sub("\ufffd", text.clean(value))


def _setup(document, paper: Paper) -> None:
    props = document.core_properties
    props.title, props.author = _property(paper.title), _property(paper.author)
    props.subject, props.language = _property(paper.subject), "en-GB"
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.4))
    section.top_margin, section.bottom_margin = Cm(2.4), Cm(2.2)
    word_xml.set_language(document.styles.element)
    _only_used_table_styles(document.styles)
    _styles(document.styles)
    header = section.header
    line = header.paragraphs[0]
    marking = "DRAFT \u00b7 " if paper.draft else ""
    line.text = safe(f"{marking}Board paper: {paper.school} \u00b7 ")
    word_xml.add_page_fields(header.part.element)


PROPERTY_MAX = 255  # characters a Word document property holds


def _property(value: str) -> str:
    """A document property (title, author, subject): one line, shortened to fit."""
    line = " ".join(safe(value).split())
    return line if len(line) <= PROPERTY_MAX else line[: PROPERTY_MAX - 1] + "\u2026"


FONT = "Arial"  # on every office machine (LibreOffice: Liberation Sans, the same widths)


def _styles(styles) -> None:
    """Named styles a clerk can restyle in one place: the body, headings, small print and
    the two sizes of table text."""
    for name in ("Normal", "Title", "Subtitle", "Quote", "Heading 1", "Heading 2", "Heading 3"):
        styles[name].font.name = FONT
    styles["Normal"].font.size = Pt(10)
    small = styles.add_style("Small", WD_STYLE_TYPE.PARAGRAPH)
    small.base_style = styles["Normal"]
    small.font.size = Pt(8.5)
    small.font.color.rgb = RGBColor(0x4A, 0x52, 0x59)
    # Table text takes its size from the table's style, not from each cell's paragraph
    # (styling thousands of cell paragraphs one by one is most of python-docx's time).
    for name, size in (("Board Table", 9), ("Board Table Small", 8)):
        style = styles.add_style(name, WD_STYLE_TYPE.TABLE)
        style.base_style = styles["Table Grid"]
        style.font.name, style.font.size = FONT, Pt(size)
        style.paragraph_format.space_after = Pt(0)


TABLE_STYLES_KEPT = ("Normal Table", "Table Grid")


def _only_used_table_styles(styles) -> None:
    """Drop the template's hundred table designs the paper never uses (Word offers its own
    built-in ones all the same): every paragraph given a style makes python-docx read
    through all the styles defined, and these are most of them."""
    for style in list(styles):
        if style.type == WD_STYLE_TYPE.TABLE and style.name not in TABLE_STYLES_KEPT:
            style.delete()


def _runs(paragraph, runs: Inline) -> None:
    for r in runs:
        run = paragraph.add_run()
        # Bold and italic only where set: setting either (even to None) gives the run its
        # own properties element.
        if r.bold:
            run.bold = True
        if r.italic:
            run.italic = True
        # Text line by line with breaks between (the `text` setter goes through it a
        # character at a time, slow for a note typed at length).
        for i, line in enumerate(safe(r.text).split("\n")):
            if i:
                run.add_break()
            if line:
                run.add_text(line)


def _table(document, block: Table) -> None:
    t = document.add_table(rows=1, cols=len(block.header))
    t.style = document.styles["Board Table Small" if block.dense else "Board Table"]
    t.alignment = WD_TABLE_ALIGNMENT.LEFT
    t.autofit = False
    widths = [Cm(TEXT_WIDTH_CM * w) for w in block.widths]
    for column, width in zip(t.columns, widths, strict=True):
        column.width = width  # the grid, which LibreOffice and Word lay out from
    for cell, title, width in zip(t.rows[0].cells, block.header, widths, strict=True):
        cell.width = width
        cell.paragraphs[0].add_run(safe(title)).bold = True
    for row in block.rows:
        # (A new row's cells take their widths from the grid.)
        for cell, runs in zip(t.add_row().cells, row, strict=True):
            _runs(cell.paragraphs[0], runs)
    document.add_paragraph()
