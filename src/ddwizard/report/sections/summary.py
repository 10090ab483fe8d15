"""The executive summary: where the school sits and why, counts, points for the board."""

from __future__ import annotations

from collections import Counter

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from ddwizard.core.placement import BORDERLINE, Position, Quadrant, ReferentPlacement
from ddwizard.report import formats, narrative, text
from ddwizard.report.flow import Paragraph, gap, heading, subheading, table
from ddwizard.report.model import BriefModel
from ddwizard.report.styles import ACCENT, TEXT_WIDTH, Styles

READING = {
    Quadrant.A: "On balance, its practice is recognisably the trust’s and is turned to the "
    "trust’s purposes.",
    Quadrant.B: "On balance, it shares the trust’s purposes but pursues them by its own means.",
    Quadrant.C: "On balance, its practice resembles the trust’s but is turned to other purposes.",
    Quadrant.D: "On balance, both its practice and the purposes it serves differ from the trust’s.",
}


def build(m: BriefModel, st: Styles) -> list[Flowable]:
    story: list[Flowable] = [heading("Summary", st.h1, "summary", prefix="1")]
    story += narrative.flowables("summary.j2", st, **_overview(m))
    story += [gap(2 * mm), *subheading("Where the areas sit", st.h3), _counts(m, st), gap(2 * mm)]
    story += narrative.flowables("points.j2", st, points=_points(m), page=m.page)
    return story


def near_axes(p: Position) -> tuple[str, str]:
    """Which axis a borderline position is close to, and what that means, in words."""
    near_purpose = p.purpose is not None and abs(p.purpose) < BORDERLINE
    near_practice = p.practice is not None and abs(p.practice) < BORDERLINE
    if near_purpose and near_practice:
        return (
            "both axes",
            "On balance, neither its practice nor its purposes are clearly "
            "the trust’s or clearly other.",
        )
    if near_purpose:
        return (
            "the vertical axis",
            "On balance, its purposes are neither clearly the trust’s nor clearly other.",
        )
    return (
        "the horizontal axis",
        "On balance, its practice is neither clearly the trust’s nor clearly other.",
    )


def _overview(m: BriefModel) -> dict:
    o = m.placement.overall
    placed = [rp for rp in m.referents if rp.placed]
    clear = [rp for rp in placed if not rp.borderline]

    def titles(rows: list[ReferentPlacement]) -> list[str]:
        return [text.plain(rp.referent.title) for rp in rows]

    q = o.quadrant
    overall = {
        "placed": o.placed,
        "borderline": o.borderline or (o.placed and q is None),
        "purpose": o.purpose,
        "practice": o.practice,
        "letter": q.value if q else "",
        "title": q.title if q else "",
        "reading": READING[q] if q else "",
    }
    overall["near"], overall["near_reading"] = near_axes(o) if o.placed else ("", "")
    return {
        "school": m.school,
        "trust": m.trust,
        "overall": overall,
        "placed": len(placed),
        "away_purpose": titles([rp for rp in clear if rp.purpose.value < 0]),
        "away_practice": titles([rp for rp in clear if rp.practice.value < 0]),
        "aligned": titles(m.clear_in(Quadrant.A)),
        "borderline": len(m.borderline()),
        "unplaced": len(m.unplaced()),
        "page": m.page,
    }


def _counts(m: BriefModel, st: Styles):
    rows = [[Paragraph(h, st.cell_head) for h in ("", "Position", "Areas", "Number")]]

    def row(letter: str, title: str, areas: list[ReferentPlacement]) -> list:
        names = formats.names([text.plain(rp.referent.title) for rp in areas]) or "\u2013"
        return [
            Paragraph(letter, st.cell_bold),
            Paragraph(title, st.cell),
            Paragraph(text.markup(names), st.cell),
            Paragraph(str(len(areas)), st.cell_right),
        ]

    for q in Quadrant:
        rows.append(row(q.value, q.title, m.clear_in(q)))
    rows.append(row("", "Borderline (within 0.1 of an axis)", m.borderline()))
    rows.append(row("", "Not yet placed", m.unplaced()))
    widths = [8 * mm, 52 * mm, TEXT_WIDTH - 76 * mm, 16 * mm]
    return table(rows, widths, extra=[("TEXTCOLOR", (0, 1), (0, -1), ACCENT)])


def _points(m: BriefModel) -> list[dict]:
    """One point per kind of question for the board, each naming where it is covered."""
    points = []
    d = [(rp.referent.title, m.anchor(rp.referent.id)) for rp in m.clear_in(Quadrant.D)]
    if d:
        points.append(
            _point(
                "Different practice and different purpose (D) in ",
                d,
                ": the starting point that needs most care.",
            )
        )
    c = [(rp.referent.title, m.anchor(rp.referent.id)) for rp in m.clear_in(Quadrant.C)]
    if c:
        points.append(
            _point(
                "Different purpose (C) in ",
                c,
                ": familiar practice turned to other ends; worth making both purposes explicit.",
            )
        )
    trips = [
        (m.placement.get(t.referent).referent.title, m.anchor(t.referent))
        for t in m.targets()
        if t.return_trip
    ]
    if trips:
        points.append(
            _point(
                "Return trip planned for ",
                trips,
                ": the trust means to take on "
                "the school’s practice, with learning flowing to the trust.",
            )
        )
    concerns = m.concerns()
    if concerns:
        areas = Counter(text.plain(row.area.title) for row in concerns)
        listed = "; ".join(f"{a} ({n})" if n > 1 else a for a, n in areas.items())
        if len(areas) > 4:
            listed = f"{len(areas)} checklist areas"
        lead = f"{formats.count(len(concerns), 'due-diligence concern')} recorded: "
        points.append(_point(lead, [(listed, "concerns")], "."))
    if m.unplaced():
        n = len(m.unplaced())
        points.append(
            _point(
                "",
                [(formats.count(n, "area"), "plane")],
                " not yet placed: the answers needed are missing.",
            )
        )
    return points


def _point(lead: str, items: list[tuple[str, str]], tail: str) -> dict:
    """A bullet: lead text, named items each with the page it is covered on, tail text."""
    shown = []
    for i, (title, anchor) in enumerate(items):
        sep = "" if i == len(items) - 1 else (" and " if i == len(items) - 2 else ", ")
        shown.append({"title": text.plain(title), "anchor": anchor, "sep": sep})
    return {"lead": lead, "items": shown, "tail": tail}
