"""The route map: from now, through dated steps, to the agreed targets; and movement since an
earlier assessment, when there is one."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable

from ddwizard.core.assessment import Target
from ddwizard.core.placement import Placement, ReferentPlacement, is_borderline, quadrant_of
from ddwizard.core.plane import build_scene
from ddwizard.report import figures, formats, narrative, text
from ddwizard.report.figures import Mode
from ddwizard.report.flow import Paragraph, cell, gap, heading, subheading, table
from ddwizard.report.legend import legend
from ddwizard.report.model import BriefModel
from ddwizard.report.styles import TEXT_WIDTH, Styles

ROUTE_PLOT = 360
ARROW = "\u2192"


def build(m: BriefModel, st: Styles) -> list[Flowable]:
    targets = m.targets()
    story: list[Flowable] = [heading("Route map", st.h1, "routes", prefix="3")]
    story += narrative.flowables(
        "routes.j2", st, targets=bool(targets), school=m.school, trust=m.trust
    )
    if targets:
        # Only the areas with a route: the plane on the previous page shows them all.
        routed = {t.referent for t in targets}
        placement = Placement(
            tuple(rp for rp in m.referents if rp.referent.id in routed), m.placement.overall
        )
        scene = build_scene(placement, targets=targets, measure=figures.measure(ROUTE_PLOT))
        story += [
            figures.plane(scene, TEXT_WIDTH, ROUTE_PLOT, Mode.ROUTES),
            gap(2 * mm),
            legend(Mode.ROUTES, st),
            CondPageBreak(60 * mm),
            *subheading("Routes, step by step", st.h3),
            _route_table(m, targets, st),
        ]
    if m.earlier is not None:
        story += _movement(m, st)
    return story


def where(x: float | None, y: float | None) -> str:
    """A position as quadrant (or borderline) and coordinates, for table cells."""
    if x is None or y is None:
        return "Not yet placed"
    q = quadrant_of(x, y)
    name = "Borderline" if is_borderline(x, y) or q is None else q.value
    return f"<b>{name}</b>&#160; ({text.markup(formats.num(x))}, {text.markup(formats.num(y))})"


def _now(rp: ReferentPlacement | None) -> str:
    return where(None, None) if rp is None else where(rp.purpose.value, rp.practice.value)


def _route_table(m: BriefModel, targets: list[Target], st: Styles):
    """One row per area: where it is and where it is going on the left; why, and the
    dated steps, on the right (where there is room for the actions to read as sentences)."""
    head = ("Area: now and target (purpose, practice)", "Why, and the steps to get there")
    rows = [[Paragraph(h, st.cell_head) for h in head]]
    for t in targets:
        rp = m.placement.get(t.referent)
        area = f"<b>{text.markup(rp.referent.title)}</b>"
        if t.return_trip:
            area += '<br/><font size="7.5" color="rgb(31,78,107)"><b>RETURN TRIP</b></font>'
        area += f"<br/>Now: {_now(rp)}<br/>Target: {where(t.purpose, t.practice)}"
        if t.by:
            area += f"<br/>By {text.markup(formats.date(t.by))}"
        why = [Paragraph(f"<b>Why:</b> {p}", st.cell) for p in text.paragraphs(t.rationale)[:1]]
        why += [Paragraph(p, st.cell) for p in text.paragraphs(t.rationale)[1:]]
        rows.append([Paragraph(area, st.cell), why + _steps(t, st)])
    widths = [56 * mm, TEXT_WIDTH - 56 * mm]
    return table(rows, widths)


def _steps(t: Target, st: Styles) -> list[Paragraph]:
    if not t.steps:
        return [Paragraph("A single move, straight to the target.", st.cell_step)]
    out = []
    for i, s in enumerate(t.steps, start=1):
        when = f"By {text.markup(formats.date(s.by))}" if s.by else "No date set"
        action = text.markup(s.action) if s.action else "<i>No action recorded</i>"
        out.append(
            Paragraph(
                f'<b>{i}.</b> {when} <font color="rgb(122,131,139)">\u00a0\u00b7\u00a0 '
                f"{where(s.purpose, s.practice)}</font><br/>{action}",
                st.cell_step,
            )
        )
    return out


def _movement(m: BriefModel, st: Styles) -> list[Flowable]:
    e = m.earlier
    scene = build_scene(m.placement, earlier=e.placement, measure=figures.measure(ROUTE_PLOT))
    label = e.assessment.label or "earlier assessment"
    story: list[Flowable] = [
        CondPageBreak(ROUTE_PLOT + 200),
        heading("Movement since the earlier assessment", st.h2, "movement", level=1),
    ]
    story += narrative.flowables(
        "movement.j2", st, label=label, date=formats.date(e.assessment.assessed_on)
    )
    story += [
        figures.plane(scene, TEXT_WIDTH, ROUTE_PLOT, Mode.MOVEMENT),
        gap(2 * mm),
        legend(Mode.MOVEMENT, st, columns=3),
        gap(3 * mm),
        _change_table(m, st),
    ]
    return story


def _change_table(m: BriefModel, st: Styles):
    head = ("Area", "Earlier", "Now", "Change")
    rows = [[Paragraph(h, st.cell_head) for h in head]]
    for rp in m.referents:
        before = m.earlier.placement.get(rp.referent.id)
        rows.append(
            [
                cell(rp.referent.title, st.cell_bold),
                Paragraph(_now(before), st.cell),
                Paragraph(_now(rp), st.cell),
                Paragraph(_change(before, rp), st.cell),
            ]
        )
    widths = [50 * mm, 34 * mm, 34 * mm, TEXT_WIDTH - 118 * mm]
    return table(rows, widths)


def _change(before: ReferentPlacement | None, now: ReferentPlacement) -> str:
    if before is None or not before.placed:
        return "Newly placed" if now.placed else "Not placed at either assessment"
    if not now.placed:
        return "No longer placed: answers missing"
    dx = now.purpose.value - before.purpose.value
    dy = now.practice.value - before.practice.value
    if abs(dx) < 0.005 and abs(dy) < 0.005:
        return "No change"
    words = f"Purpose {text.markup(formats.num(dx))}, practice {text.markup(formats.num(dy))}"
    qa, qb = before.quadrant, now.quadrant
    if qa != qb and qa is not None and qb is not None:
        words += f"; moved from {qa.value} to {qb.value}"
    return words
