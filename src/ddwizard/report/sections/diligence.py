"""Due diligence: the standard checklist, concerns first, status in words."""

from __future__ import annotations

from collections import Counter

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable

from ddwizard.core.assessment import ItemStatus
from ddwizard.report import fonts, formats, narrative
from ddwizard.report.flow import Anchor, Paragraph, cell, gap, heading, short, subheading, table
from ddwizard.report.model import BriefModel, ChecklistRow
from ddwizard.report.styles import TEXT_WIDTH, Styles

DASH = "\u2013"
ORDER = (
    ItemStatus.CONCERN,
    ItemStatus.IN_PROGRESS,
    ItemStatus.NOT_STARTED,
    ItemStatus.DONE,
    ItemStatus.NOT_APPLICABLE,
)


def build(m: BriefModel, st: Styles) -> list[Flowable]:
    story: list[Flowable] = [heading("Due diligence", st.h1, "diligence", prefix="5")]
    rows = m.checklist()
    if not rows:
        story.append(
            Paragraph(
                "The questionnaire used for this assessment has no due-diligence checklist.",
                st.body,
            )
        )
        return story
    story += narrative.flowables("diligence.j2", st)
    story.append(Paragraph(_tally(rows), st.body))
    story += _concerns(m.concerns(), st)
    areas = list(dict.fromkeys(row.area.id for row in rows))
    for i, area_id in enumerate(areas):
        items = [row for row in rows if row.area.id == area_id]
        items.sort(key=lambda row: 0 if row.concern else 1)  # concerns first, else in order
        story += [
            CondPageBreak(40 * mm),
            gap(2 * mm),
            heading(items[0].area.title, st.h2, f"dd-{i}", level=1),
            _items(items, st),
        ]
    return story


def _tally(rows: list[ChecklistRow]) -> str:
    counts = Counter(row.entry.status for row in rows)
    words = {ItemStatus.CONCERN: "concerns"}  # "2 concerns", but "2 done", "2 in progress"
    parts = [
        f"{counts[s]} {words.get(s, s.label.lower()) if counts[s] > 1 else s.label.lower()}"
        for s in ORDER
        if counts[s]
    ]
    return f"Of {formats.count(len(rows), 'item')}: {formats.names(parts)}."


DUE_WIDTH = 23 * mm  # a date such as "11 Dec 2026" on one line


def _concerns(concerns: list[ChecklistRow], st: Styles) -> list[Flowable]:
    story: list[Flowable] = [*subheading("Concerns", st.h3)]
    story.insert(1, Anchor("concerns"))  # after the page-break check: on the heading's page
    if not concerns:
        story.append(Paragraph("No item is marked as a concern.", st.body))
        return story
    head = ("Area", "Item", "Owner", "Due", "Note")
    widths = [26 * mm, 40 * mm, 22 * mm, DUE_WIDTH, TEXT_WIDTH - 88 * mm - DUE_WIDTH]
    rows = [[Paragraph(h, st.cell_head) for h in head]]
    for row in concerns:
        rows.append(
            [
                cell(row.area.title, st.cell),
                cell(row.item.text, st.cell_bold),
                short(row.entry.owner or DASH, st.cell, widths[2]),
                short(formats.date(row.entry.due, short=True) or DASH, st.cell, widths[3]),
                cell(row.entry.note or DASH, st.cell),
            ]
        )
    return [*story, table(rows, widths)]


def _items(items: list[ChecklistRow], st: Styles):
    head = ("Item", "Status", "Owner", "Due", "Note")
    widths = [48 * mm, 26 * mm, 22 * mm, DUE_WIDTH, TEXT_WIDTH - 96 * mm - DUE_WIDTH]
    rows = [[Paragraph(h, st.cell_head) for h in head]]
    bold = []
    for i, row in enumerate(items, start=1):
        if row.concern:  # in words and in bold: never in colour
            bold.append(("FONTNAME", (1, i), (1, i), fonts.BOLD))
        rows.append(
            [
                cell(row.item.text, st.cell),
                short(row.entry.status.label, st.cell_bold if row.concern else st.cell, widths[1]),
                short(row.entry.owner or DASH, st.cell, widths[2]),
                short(formats.date(row.entry.due, short=True) or DASH, st.cell, widths[3]),
                cell(row.entry.note, st.cell),
            ]
        )
    return table(rows, widths, extra=bold)
