"""The cover: who, what, when, by whom, how final; and who may read it."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from ddwizard.report import formats, narrative
from ddwizard.report.flow import Heading, Paragraph, gap, para, short
from ddwizard.report.model import BriefModel
from ddwizard.report.styles import TEXT_WIDTH, Styles, panel_style


def build(m: BriefModel, st: Styles) -> list[Flowable]:
    a = m.assessment
    subtitle = f"Practice and purpose in relation to {m.trust}"
    when = " \u00b7 ".join(x for x in (a.label, formats.date(a.assessed_on)) if x)
    story: list[Flowable] = [
        Heading("", st.body, "cover", "Cover", 0),
        gap(22 * mm),
        Paragraph("INTEGRATION BRIEF", st.cover_kicker),
        para(m.school, st.cover_school),
        para(subtitle, st.cover_sub),
    ]
    if when:
        story.append(para(when, st.cover_sub))
    story += [gap(10 * mm), _details(m, st), gap(8 * mm)]
    story += narrative.flowables("cover.j2", st, school=m.school, trust=m.trust, draft=m.draft)
    story += [gap(6 * mm)]
    story += narrative.flowables("confidential.j2", st, school=m.school, trust=m.trust)
    return story


def _details(m: BriefModel, st: Styles) -> Table:
    a, q, school = m.assessment, m.questionnaire, m.assessment.school
    facts = [
        ("School", school.name),
        ("URN", school.urn),
        ("Phase", school.phase),
        ("Local authority", school.local_authority),
        ("Trust", a.trust.name),
        ("Assessment", a.label),
        ("Date of assessment", formats.date(a.assessed_on)),
        ("Assessor", a.assessor or "Not recorded"),
        ("Status", "Draft" if m.draft else "Final"),
        ("Questionnaire", f"{q.title} (version {q.version})"),
    ]
    rows = [[k, short(v, st.cell, TEXT_WIDTH - 42 * mm)] for k, v in facts if v]
    t = Table(rows, colWidths=[42 * mm, TEXT_WIDTH - 42 * mm], hAlign="LEFT", splitInRow=1)
    t.setStyle(panel_style())
    return t
