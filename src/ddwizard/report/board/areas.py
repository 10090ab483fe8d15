"""The plane (no whole-school point), areas at a glance, and the routes in words."""

from __future__ import annotations

from collections import Counter

from ddwizard.core.assessment import AnswerFlag
from ddwizard.core.placement import BORDERLINE
from ddwizard.core.plane import build_scene
from ddwizard.report import formats
from ddwizard.report.blocks import (
    Block,
    Bullets,
    Figure,
    Heading,
    Para,
    Table,
    bold,
    join,
    lead,
    plain,
)
from ddwizard.report.model import BriefModel
from ddwizard.report.words import agreed, call, target_words, where


def plane(m: BriefModel, measure=None) -> list[Block]:
    scene = build_scene(m.placement, measure=measure)
    placed = [rp for rp in m.referents if rp.placed]
    alt = (
        f"The practice and purpose plane for {m.school} against {m.trust}: "
        f"{formats.count(len(placed), 'area')} placed as points. {spread(m)}"
    )
    return [
        Heading("The plane", 1),
        Para(
            join(
                "Each point is one area of school life. Left to right runs ",
                bold("purpose"),
                f": how far the school's work there serves {m.trust}'s purposes (right) or "
                "other purposes (left). Bottom to top runs ",
                bold("practice"),
                ": how far its ways of working are the trust's own (top) or other ways "
                "(bottom). Neither end is better in itself. The plane shows no whole-school "
                "point: each area sits where it sits, and how they spread is the finding.",
            )
        ),
        Figure(scene, alt),
        Para(plain(spread(m)), "small"),
    ]


def spread(m: BriefModel) -> str:
    """How the areas spread, in words (never one place for the whole school)."""
    placed = [rp for rp in m.referents if rp.placed]
    if not placed:
        return "No area is placed yet."
    counts = Counter(rp.quadrant.value for rp in placed if rp.quadrant and not rp.borderline)
    shown = ", ".join(f"{n} in {q}" for q, n in sorted(counts.items()))
    near = Counter()
    for rp in placed:
        for axis, v in (("purpose", rp.purpose.value), ("practice", rp.practice.value)):
            if abs(v) < BORDERLINE:
                near[axis] += 1
    border = "; ".join(f"{n} borderline on {axis}" for axis, n in near.items())
    text = (
        f"Of {formats.count(len(placed), 'placed area')}: {shown or 'none clearly in a quadrant'}"
    )
    return text + (f"; {border}." if border else ".")


def confidence_words(m: BriefModel, rp) -> str:
    """How sure the assessor is, per axis where the two differ ("practice low, purpose
    high"), and whether sources disagree."""
    said = {a: m.confidence(rp.referent.id, a) for a in ("practice", "purpose")}
    if said["practice"] == said["purpose"]:
        words = str(said["practice"] or "not recorded")
    else:
        words = ", ".join(f"{a} {c or 'not recorded'}" for a, c in said.items())
    if m.flagged(rp, AnswerFlag.SOURCES_DISAGREE):
        words += "; sources disagree"
    return words


def glance(m: BriefModel) -> list[Block]:
    rows = []
    for rp in m.referents:
        t = m.assessment.target_for(rp.referent.id)
        target = f"{target_words(t)}; {agreed(t, short=True)}" if t else "No target yet"
        rows.append(
            (
                bold(rp.referent.title),
                plain(where(rp, m.note(rp.referent.id), short=True)),
                plain(confidence_words(m, rp)),
                plain(target),
                plain(call(m, rp, short=True)),
            )
        )
    return [
        Heading("Areas at a glance", 1),
        Para(
            plain(
                "One row per area: where it sits in words (numbers in Appendix A; borderline: "
                "neither clearly the trust's nor clearly other), how sure the assessor is, "
                "the target, and what stays the school's call."
            ),
            "small",
        ),
        Table(
            ("Area", "Where it sits", "Confidence", "Target", "The school's call"),
            tuple(rows),
            (0.17, 0.22, 0.14, 0.23, 0.24),
            dense=True,
        ),
    ]


def routes(m: BriefModel) -> list[Block]:
    out: list[Block] = [Heading("Routes", 1)]
    targets = m.targets()
    if not targets:
        out.append(Para(plain("No targets are set yet, so there are no routes to describe.")))
        return out
    people = any(s.owner.strip() or s.tell.strip() for t in targets for s in t.steps)
    said = (
        "each step with its owner and who needs to know."
        if people
        else "and each step. No step records its owner or who needs to know: the assessor "
        "should record both before the paper goes to the board."
    )
    out.append(
        Para(
            plain(
                f"Each route in words: where the area is now, where it is going and by when, {said}"
            ),
            "small",
        )
    )
    for t in targets:
        rp = m.placement.get(t.referent)
        out.append(Heading(rp.referent.title, 3))
        lines = [
            join(
                lead("Now", where(rp, m.note(rp.referent.id)) + ". "),
                lead("Target", f"{target_words(t)}; {agreed(t)}."),
            )
        ]
        if t.return_trip:
            lines.append(
                lead(
                    "Return trip",
                    "the school keeps its practice and the trust "
                    "adopts it: the learning flows from the school to the trust.",
                )
            )
        if t.rationale.strip():
            lines.append(lead("Why", t.rationale.strip()))
        out += [Para(line, "small") for line in lines]
        if t.steps:
            out.append(_steps(t, people))
    return out


def _steps(t, people: bool) -> Block:
    """A route's steps; a table with the owner and who needs to know when any step records
    them, else a list."""
    if not people:
        return Bullets(
            tuple(
                join(
                    bold(f"{formats.date(s.by, short=True) or 'No date'}: "),
                    s.action.strip() or "No action recorded",
                )
                for s in t.steps
            )
        )
    rows = []
    for s in t.steps:
        owner, tell = s.owner.strip(), s.tell.strip()
        row = (
            plain(formats.date(s.by, short=True) or "No date"),
            plain(s.action.strip() or "No action recorded"),
        )
        rows.append(row + (plain(owner or "Not recorded"), plain(tell or "Not recorded")))
    return Table(
        ("By", "Step", "Owner", "Who needs to know"),
        tuple(rows),
        (0.14, 0.5, 0.18, 0.18),
        dense=True,
    )
