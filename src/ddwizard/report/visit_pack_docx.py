"""The visit pack as a Word document, through python-docx: Word's own heading styles (so the
navigation pane and a table of contents find them), real tables whose first row is a header
row repeated on each page, tick boxes, ruled lines for notes, and "Page n of N" in the footer.

What python-docx has no call for is set on the XML it hands out publicly: header rows and
page-number fields through the board paper's `word_xml`; here, rows kept whole and a ruled
line's border (a style's `element`), with python-docx's own `OxmlElement` and `qn`.
"""

from __future__ import annotations

import io
import re

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from ddwizard.report import word_xml
from ddwizard.report.visit_pack_model import (
    EXPLANATION,
    REQUESTS_INTRO,
    TRUST_WAYS_TITLE,
    Part,
    VisitPack,
    VisitQuestion,
    part_summary,
    subtitle,
    trust_ways_intro,
)

BOX = "\u2610"  # ☐
GREY = RGBColor(0x4A, 0x52, 0x59)
NOTE_LINE = "Visit pack note line"
NOTE_LINES = 3
# Characters XML 1.0 cannot hold (Word would refuse the file): dropped, as the PDF drops them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def render_docx(pack: VisitPack) -> bytes:
    doc = Document()
    _setup(doc, pack)
    _title_page(doc, pack)
    _requests(doc, pack)
    for part in pack.parts:
        _part(doc, part)
    if pack.trust_ways:
        _trust_ways(doc, pack)
    word_xml.repeat_header_rows(doc)
    _rows_kept_whole(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def clean(text: str) -> str:
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _setup(doc, pack: VisitPack) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(18), Mm(20)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.font.name = "Calibri"  # said outright: not every reader resolves the theme's fonts
    props = doc.core_properties
    props.title = clean(pack.title)
    props.author = clean(pack.assessor) or "ddwizard"
    props.subject = clean(f"Documents to request and questions for a visit to {pack.school}")
    props.language = "en-GB"
    line = doc.styles.add_style(NOTE_LINE, WD_STYLE_TYPE.PARAGRAPH)
    line.base_style = normal
    _bottom_border(line.element)  # first: python-docx puts the spacing after it, in order
    line.paragraph_format.space_before = Pt(14)
    line.paragraph_format.space_after = Pt(0)
    footer = section.footer.paragraphs[0]
    footer.text = clean(pack.title) + "    "
    word_xml.add_page_fields(section.footer.part.element)
    word_xml.set_language(doc.styles.element)


def _title_page(doc, pack: VisitPack) -> None:
    doc.add_heading(clean(pack.title), level=0)
    doc.add_paragraph(clean(subtitle(pack)), style="Subtitle")
    facts = [
        ("School", pack.school),
        ("Trust", pack.trust),
        ("Phase", pack.phase),
        ("Visit date", pack.visit_date),
        ("Assessor", pack.assessor),
        ("Assessment", pack.label),
        ("Areas", str(len(pack.areas))),
    ]
    for label, value in facts:
        p = doc.add_paragraph()
        p.paragraph_format.space_after = Pt(2)
        p.add_run(f"{label}: ").bold = True
        p.add_run(clean(value))
    doc.add_heading("The two questions", level=2)
    doc.add_paragraph(EXPLANATION)
    doc.add_heading("In this pack", level=2)
    contents = [
        f"Documents to request: {pack.request_count} documents, to send to the school "
        "ahead of the visit",
        *(part_summary(p) for p in pack.parts),
    ]
    if pack.trust_ways:
        contents.append(f"{TRUST_WAYS_TITLE}, to look up on the day")
    for item in contents:
        doc.add_paragraph(item, style="List Bullet")


def _requests(doc, pack: VisitPack) -> None:
    _page_break(doc)
    doc.add_heading("Documents to request", level=1)
    when = f" on {pack.visit_date}" if pack.visit_date else ""
    _grey(doc.add_paragraph(clean(f"For {pack.school or 'the school'}, ahead of the visit{when}.")))
    doc.add_paragraph(REQUESTS_INTRO)
    if not pack.requests:
        doc.add_paragraph("None of the questions asks for a document.")
        return
    table = _table(doc, ["Sent", "Document", "Also informs"])
    for group in pack.requests:
        cells = table.add_row().cells
        area = cells[0].merge(cells[2])
        area.paragraphs[0].add_run(clean(group.area)).bold = True
        for request in group.requests:
            cells = table.add_row().cells
            cells[0].text = BOX
            cells[1].text = clean(request.text)
            cells[2].text = clean(", ".join(request.also))
    _widths(table, [Mm(14), Mm(95), Mm(61)])


def _part(doc, part: Part) -> None:
    _page_break(doc)
    doc.add_heading(part.title, level=1)
    _grey(_keep(doc.add_paragraph(part.intro)))
    for qset in part.sets:
        doc.add_heading(qset.title, level=2)
        _grey(_keep(doc.add_paragraph(qset.intro)))
        for block in qset.areas:
            doc.add_heading(clean(block.area), level=3)
            for q in block.questions:
                _question(doc, q)


def _question(doc, q: VisitQuestion) -> None:
    meta = f"Q{q.number} · {q.axis}" + (f" · Look at: {q.sources}" if q.sources else "")
    _small(_keep(doc.add_paragraph()), clean(meta))
    asked = _keep(doc.add_paragraph())
    asked.add_run(clean(q.text)).bold = True
    if q.help:
        _grey(_keep(doc.add_paragraph(clean(q.help))))
    for box in q.boxes:
        p = _keep(doc.add_paragraph())
        p.paragraph_format.left_indent = Mm(6)
        p.paragraph_format.first_line_indent = Mm(-6)
        p.paragraph_format.space_after = Pt(2)
        p.add_run(f"{BOX}\t{clean(box.label)}")
        if box.hint:
            _small(p, f" – {clean(box.hint)}")
    if q.recorded or q.note:
        said = [f"Recorded so far: {q.recorded}." if q.recorded else "", q.note]
        recorded = _keep(doc.add_paragraph())
        recorded.add_run(clean(" ".join(s for s in said if s))).italic = True
        _grey(recorded)
    _small(_keep(doc.add_paragraph()), "Notes")
    for i in range(NOTE_LINES):
        line = doc.add_paragraph(style=NOTE_LINE)
        line.paragraph_format.keep_with_next = i + 1 < NOTE_LINES


def _trust_ways(doc, pack: VisitPack) -> None:
    _page_break(doc)
    doc.add_heading(TRUST_WAYS_TITLE, level=1)
    _grey(doc.add_paragraph(clean(trust_ways_intro(pack))))
    head = ["Area", "What its schools do (practice)", "Why (purpose)"]
    table = _table(doc, head)
    for way in pack.trust_ways:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(clean(way.area)).bold = True
        cells[1].text = clean(way.practice)
        cells[2].text = clean(way.purpose)
    _widths(table, [Mm(36), Mm(67), Mm(67)])


def _table(doc, head: list[str]):
    table = doc.add_table(rows=1, cols=len(head))
    table.style = "Table Grid"
    table.autofit = False
    for cell, title in zip(table.rows[0].cells, head, strict=True):
        cell.paragraphs[0].add_run(title).bold = True
    return table


def _widths(table, widths: list) -> None:
    """Column widths, set on every cell as well: Word reads the cells', others the grid's."""
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def _page_break(doc) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _keep(paragraph):
    paragraph.paragraph_format.keep_with_next = True
    return paragraph


def _grey(paragraph):
    for run in paragraph.runs:
        run.font.color.rgb = GREY
    return paragraph


def _small(paragraph, words: str) -> None:
    run = paragraph.add_run(words)
    run.font.size = Pt(8.5)
    run.font.color.rgb = GREY


def _rows_kept_whole(doc) -> None:
    """No table row breaks across a page (a document's name apart from its tick box)."""
    for row in doc.element.body.iter(qn("w:tr")):
        props = row.find(qn("w:trPr"))
        if props is None:
            props = OxmlElement("w:trPr")
            row.insert(0, props)
        props.append(OxmlElement("w:cantSplit"))


def _bottom_border(style_element) -> None:
    """A thin rule under each paragraph of the style: a line to write on."""
    ppr = style_element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    # Word draws one border round a run of paragraphs alike: `between` rules each of them.
    for side in ("bottom", "between"):
        rule = OxmlElement(f"w:{side}")
        for key, value in (("val", "single"), ("sz", "4"), ("space", "1"), ("color", "A0A8B0")):
            rule.set(qn(f"w:{key}"), value)
        borders.append(rule)
    ppr.append(borders)
