"""The options paper's body: each area with each trust side by side (positions in words),
what would stay the school's call with each, the due diligence on each trust with its
costs, and the appendices (positions in numbers, method)."""

from __future__ import annotations

from ddwizard.report import formats
from ddwizard.report.blocks import Block, Bullets, Heading, Para, Table, bold, join, lead, plain
from ddwizard.report.board.money import LEVEL_WORDS, cost_words, totals
from ddwizard.report.board.summary import matter
from ddwizard.report.options_model import OptionsModel, TrustOption
from ddwizard.report.words import call, where

AREA_WIDTH = 0.18
OPEN_SHOWN = 3  # open items named per trust, soonest due first


def _columns(om: OptionsModel) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """The header and widths of a table with an area column and one column per trust."""
    n = len(om.options)
    each = (1 - AREA_WIDTH) / n
    return ("Area", *om.names), (AREA_WIDTH, *([each] * n))


def side_by_side(om: OptionsModel) -> list[Block]:
    header, widths = _columns(om)
    rows = []
    for area in om.areas:
        cells = [bold(area.title)]
        for o in om.options:
            rp = o.placed(area.referent)
            note = o.model.note(area.referent)
            said = where(rp, note) if rp is not None else "not in this assessment"
            cells.append(plain(said[0].upper() + said[1:]))
        rows.append(tuple(cells))
    return [
        Heading("Each area, trust by trust", 1),
        Para(
            plain(
                "Where each area of school life sits with each trust, in words (the numbers "
                "are in Appendix A). \u201cThe trust's\u201d means the trust at the head of the "
                "column: the same school practice can be one trust's own and another's other. "
                "Only the areas every assessment looked at are listed."
            ),
            "small",
        ),
        Table(header, tuple(rows), widths, dense=True),
    ]


def calls(om: OptionsModel) -> list[Block]:
    """The areas where the school's call differs between trusts, side by side; then the
    areas where it is the same with every trust, grouped by what it is."""
    header, widths = _columns(om)
    rows, alike = [], {}
    for area in om.areas:
        said = [_call(o, area.referent) for o in om.options]
        if len(set(said)) == 1:
            alike.setdefault(said[0], []).append(area.title)
            continue
        rows.append((bold(area.title), *map(plain, said)))
    out: list[Block] = [
        Heading("What would stay the school's call with each trust", 1),
        Para(
            plain(
                "Area by area: what the target agreed or proposed with each trust would "
                "leave to the school, what each trust says its schools decide for themselves, "
                "and where a trust has no set way of its own. Areas where it differs between "
                "the trusts come first; then those where it is the same with every trust."
            ),
            "small",
        ),
    ]
    if rows:
        out.append(Table(header, tuple(rows), widths, dense=True))
    if alike:
        out.append(Heading("The same with every trust", 3))
        items = [
            join(bold(said + " "), formats.names(titles) + ".") for said, titles in alike.items()
        ]
        out.append(Bullets(tuple(items)))
    return out


def _call(o: TrustOption, referent: str) -> str:
    rp = o.placed(referent)
    return call(o.model, rp, short=True) if rp is not None else "Not in this assessment"


def diligence(om: OptionsModel) -> list[Block]:
    out: list[Block] = [
        Heading("Due diligence on each trust", 1),
        Para(
            plain(
                "What the school's own look at each trust found (the trust side of the "
                "checklist: its finances, its governance and the school's say, its schools "
                "and capacity), with costs where known, and what is still open."
            ),
            "small",
        ),
    ]
    for o in om.options:
        out += _trust_findings(o)
    return out


def _trust_findings(o: TrustOption) -> list[Block]:
    m = o.model
    out: list[Block] = [Heading(o.name, 2)]
    if m.inputs.findings:
        rows = tuple(
            (
                bold(f.area),
                plain(f"{f.title.rstrip('.')}: {f.text.strip() or 'no text recorded'}"),
                plain(LEVEL_WORDS[f.level]),
                plain(cost_words(f.cost)),
                plain(formats.date(f.due, short=True) or "No date"),
            )
            for f in matter(m)  # serious first, the largest cost first within a level
        )
        out.append(
            Table(
                ("Area", "Finding", "Level", "Cost", "Due"),
                rows,
                (0.17, 0.43, 0.12, 0.16, 0.12),
                dense=True,
            )
        )
        out.append(totals(m))
    else:
        out.append(Para(plain("No finding about the trust is recorded.")))
    still = o.open_items()
    if still:
        named = "; ".join(
            r.item.text.rstrip(".")
            + (f" (due {formats.date(r.entry.due, short=True)})" if r.entry.due else "")
            for r in still[:OPEN_SHOWN]
        )
        more = len(still) - OPEN_SHOWN
        rest = f"; and {more} more, in the board paper for {o.name}" if more > 0 else ""
        out.append(Para(lead(f"Still open ({len(still)})", f"{named}{rest}."), "small"))
    elsewhere = o.all_findings - len(m.inputs.findings)
    if elsewhere:
        out.append(
            Para(
                plain(
                    f"{formats.count(elsewhere, 'other finding')} (about the school or the "
                    f"conversion) in the board paper for {o.name}."
                ),
                "small",
            )
        )
    return out


def numbers(om: OptionsModel, title: str) -> list[Block]:
    header, widths = _columns(om)
    rows = []
    for area in om.areas:
        cells = [bold(area.title)]
        for p in area.points:
            text = formats.position(p.purpose, p.practice) if p.placed else "not placed"
            cells.append(plain(text))
        rows.append(tuple(cells))
    return [
        Heading(title, 1),
        Para(
            plain(
                "Each position as purpose (x) and practice (y), from \u22121 (other) to +1 "
                "(the trust's own), each relative to its own trust."
            ),
            "small",
        ),
        Table(header, tuple(rows), widths, dense=True),
    ]


def method(om: OptionsModel, title: str) -> list[Block]:
    listed = [
        f"{o.name}: {o.model.assessment.label or 'assessment'}"
        f" of {formats.date(o.model.assessment.assessed_on) or 'no date'}"
        f" by {o.model.assessment.assessor or 'an assessor not recorded'}"
        for o in om.options
    ]
    return [
        Heading(title, 1),
        Para(
            plain(
                "Each candidate trust was assessed on its own: the same school, the same "
                "areas, each measured against that trust's own account of its practice and "
                "purpose. Two questions per area: how far the school's practice is the "
                "trust's own (practice), and how far it serves the trust's purposes (purpose). "
                "A position is the weighted mean of the answers on each axis; an axis with no "
                "counted answer is not placed. Positions are never averaged across trusts: "
                "where trusts differ, each is shown."
            )
        ),
        Para(plain("The assessments compared: " + "; ".join(listed) + "."), "small"),
    ]
