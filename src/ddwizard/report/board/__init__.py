"""The board paper's sections, in DESIGN.md's order, built once into the document model."""

from __future__ import annotations

from ddwizard.report import formats
from ddwizard.report.blocks import PageBreak, Paper, Table, spill
from ddwizard.report.board import appendices, areas, cover, diligence, money, summary
from ddwizard.report.model import BriefModel

APPENDICES = (
    "Appendix A: Area by area",
    "Appendix B: The full checklist",
    "Appendix C: Method and sources",
)


def build_paper(m: BriefModel, measure=None) -> Paper:
    """The whole paper. `measure` sizes the plane's labels for the PDF's figure."""
    a = m.assessment
    when = ", ".join(x for x in (a.label, formats.date(a.assessed_on)) if x)
    subject = f"Whether {m.school} joins {m.trust}" + (f" ({when})" if when else "")
    paper = Paper(
        title=f"Board paper: {m.school} joining {m.trust}",
        school=m.school,
        trust=m.trust,
        author=a.assessor or "ddwizard",
        subject=subject,
        draft=m.draft,
        assessed_on=a.assessed_on,
    )
    a_areas, b_list, c_method = APPENDICES
    # Each list starts a page; sections within one follow on (the main paper is short).
    pages = [
        cover.build(m),
        summary.build(m) + money.build(m),
        areas.plane(m, measure),
        areas.glance(m) + areas.routes(m) + diligence.build(m, b_list.split(":")[0]),
        appendices.areas(m, a_areas),
        diligence.checklist(m, b_list),
        appendices.method(m, c_method),
    ]
    for i, blocks in enumerate(pages):
        if i:
            paper.add(PageBreak())
        for block in blocks:
            paper.add(*(spill(block) if isinstance(block, Table) else [block]))
    return paper
