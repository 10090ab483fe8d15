"""The plane: every placed area as a labelled point, and the areas not yet placed."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from ddwizard.core.plane import Unplaced, build_scene
from ddwizard.report import figures, narrative
from ddwizard.report.figures import Mode
from ddwizard.report.flow import Anchor, Paragraph, cell, gap, heading, table
from ddwizard.report.legend import legend
from ddwizard.report.model import BriefModel
from ddwizard.report.styles import TEXT_WIDTH, Styles

PLOT = 372  # points: the plot square of the main figure...
PLOT_WITH_LIST = 340  # ...smaller when the areas not yet placed are listed below it


def build(m: BriefModel, st: Styles) -> list[Flowable]:
    story: list[Flowable] = [heading("The plane", st.h1, "plane", prefix="2")]
    story += narrative.flowables("plane.j2", st, trust=m.trust)
    size = PLOT_WITH_LIST if m.unplaced() else PLOT
    scene = build_scene(m.placement, measure=figures.measure(size))
    story += [
        gap(2 * mm),
        figures.plane(scene, TEXT_WIDTH, size),
        gap(3 * mm),
        legend(Mode.PLANE, st),
    ]
    story += _unplaced(scene.unplaced, st)
    return story


def _unplaced(unplaced: tuple[Unplaced, ...], st: Styles) -> list[Flowable]:
    if not unplaced:
        return []
    rows = [[Paragraph(h, st.cell_head) for h in ("Area not yet placed", "Why")]]
    for u in unplaced:
        rows.append([cell(u.title, st.cell_bold), cell(u.reason.capitalize(), st.cell)])
    widths = [TEXT_WIDTH * 0.45, TEXT_WIDTH * 0.55]
    return [gap(4 * mm), Anchor("unplaced"), table(rows, widths)]
