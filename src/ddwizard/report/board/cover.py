"""Page 1: who, what the board is asked to decide and by when, the recommendation, who
prepared the paper, and whether it is a draft (said once, in words)."""

from __future__ import annotations

from ddwizard.report import formats
from ddwizard.report.blocks import Block, Heading, Para, Table, bold, join, lead, plain
from ddwizard.report.board import money
from ddwizard.report.model import BriefModel

PERSPECTIVES = {
    "school": "the school's own view",
    "trust": "the trust's view",
    "joint": "a joint view of the school and the trust",
    "independent": "an independent view",
}
MISSING = "Not recorded yet"


def build(m: BriefModel) -> list[Block]:
    a, d = m.assessment, m.inputs.decision
    out: list[Block] = [
        Heading(f"Board paper: {m.school} joining {m.trust}", 1),
        Para(plain("Integration brief and due diligence, for decision"), "lead"),
        Heading("The decision", 2),
    ]
    if d is None:
        out.append(
            Para(
                join(
                    bold("No decision is recorded yet. "),
                    "The assessor must record the question for the board, the date it must "
                    "decide by and the proposed joining date (the app's Decision part) before "
                    "this paper goes to the board.",
                )
            )
        )
    rows = [
        ("The board is asked", d.question if d else ""),
        ("Decide by", formats.date(d.decide_by) if d else ""),
        ("Proposed joining date", formats.date(d.joining_on) if d else ""),
        ("Recommendation", d.recommendation if d else ""),
        ("Conditions", _numbered(d.conditions) if d else ""),
        ("What was found", money.in_short(m)),
    ]
    out.append(_facts(("The decision", "As recorded"), rows))
    out.append(Heading("About this paper", 2))
    role = a.assessor_role.strip() or "role not recorded"
    view = PERSPECTIVES.get(a.perspective or "", "perspective not recorded")
    status = (
        "Draft for discussion: positions, targets and findings may still change."
        if m.draft
        else "Final."
    )
    made = ", ".join(x for x in (a.label, formats.date(a.assessed_on)) if x)
    about = [
        ("School", _school(m)),
        ("Prepared by", f"{a.assessor or 'Assessor not recorded'} ({role}); {view}"),
        ("Assessment", f"{made}. {status}" if made else status),
    ]
    out.append(_facts(("About", "Detail"), about))
    out.append(
        Para(
            join(
                bold("How to read it. "),
                "A summary, costs and dates, each area in words, the routes and the findings; "
                "the detail in the appendices. \u201cLike the trust\u201d and \u201cunlike the "
                "trust\u201d describe a difference; neither means better or worse.",
            ),
            "small",
        )
    )
    out.append(
        Para(
            lead(
                "Confidential",
                f"prepared for the governing boards of {m.school} and {m.trust}; "
                "please do not share it further without the agreement of both.",
            ),
            "small",
        )
    )
    return out


def _numbered(items: tuple[str, ...]) -> str:
    """Each condition on its own line, numbered when there are several."""
    items = tuple(" ".join(c.split()) for c in items if c.strip())
    if len(items) <= 1:
        return "".join(items)
    return "\n".join(f"{i}. {c}" for i, c in enumerate(items, start=1))


def _school(m: BriefModel) -> str:
    s = m.assessment.school
    extra = ", ".join(x for x in (s.phase, s.local_authority, f"URN {s.urn}" if s.urn else "") if x)
    return f"{m.school} ({extra})" if extra else m.school


def _facts(header: tuple[str, str], rows: list[tuple[str, str]]) -> Table:
    body = tuple((bold(k), plain(v or MISSING)) for k, v in rows)
    return Table(header, body, (0.3, 0.7))
