"""`ddwizard compare` without --json: the comparison in words, for a terminal."""

from __future__ import annotations

from ddwizard.core.compare import Comparison, Kind, point_words

NAMED = 10  # schools named in a set; the rest are counted


def signed(v: float | None) -> str:
    return "  —  " if v is None else f"{v:+.2f}".replace("-", "\u2212")


def gap_text(v: float | None) -> str:
    return "—" if v is None else f"{v:.2f}"


def comparison_lines(c: Comparison) -> list[str]:
    lines = [f"Compared: {c.kind.words} ({c.kind.value})"]
    for i, m in enumerate(c.members):
        a = m.assessment
        about = ", ".join(
            x for x in (a.school.name, a.trust.name, a.label, a.assessed_on, a.assessor) if x
        )
        lines.append(f"  {i + 1}. {c.name(i)}  [{m.id}: {about}]")
    lines += [f"Note: {n}" for n in c.notes]
    if not c.areas:
        return [*lines, "", "These assessments have no area in common."]
    if c.kind == Kind.MOVEMENT:
        lines.append("Each area's trajectory runs from 1 (earliest) to the latest.")
    lines += ["", "Areas, largest difference first (gap: largest minus smallest position):"]
    for area in c.by_gap():
        lines += [
            "",
            f"{area.title}  (gap: purpose {gap_text(area.gap_purpose)}, "
            f"practice {gap_text(area.gap_practice)})",
        ]
        for p in area.points:
            where = point_words(p) if p.placed else "Not placed yet"
            lines.append(
                f"  {p.member + 1}. {where}  [purpose {signed(p.purpose)}, "
                f"practice {signed(p.practice)}]"
            )
    if c.kind == Kind.PERSPECTIVES:
        lines += ["", *conversation_lines(c)]
    if c.kind == Kind.SCHOOLS:
        lines += ["", *portfolio_lines(c)]
    return lines


def portfolio_summary(c: Comparison, shown: int = 3) -> str:
    """The portfolio in a few lines: the sets of schools, and the areas where most schools
    sit far from their targets (the rest are in the table)."""
    from ddwizard.core.compare_portfolio import FAR, far_areas

    lines = _sets(c)
    far = far_areas(c)
    if far:
        most = "; ".join(f"{d.title} ({len(d.far)} of {d.with_target})" for d in far[:shown])
        more = f"; {len(far) - shown} more areas in the table" if len(far) > shown else ""
        lines.append(f"Most schools {FAR} or more from their target: {most}{more}.")
    else:
        lines.append(f"No school sits {FAR} or more from its target in any area.")
    return "\n".join(lines)


def _sets(c: Comparison) -> list[str]:
    from ddwizard.core.compare_portfolio import sets

    s = sets(c)
    parts = []
    for what, which in (
        ("Joining", s.joining),
        ("Already in the trust", s.existing),
        ("Not recorded as joining or existing", s.not_recorded),
    ):
        if which:
            names = ", ".join(c.name(i) for i in which[:NAMED])
            more = f" and {len(which) - NAMED} more" if len(which) > NAMED else ""
            parts.append(f"{what}: {len(which)} ({names}{more}).")
    return parts


def portfolio_lines(c: Comparison) -> list[str]:
    """Joining schools apart from existing ones, and the areas where many schools sit far
    from their targets, most first, in words."""
    from ddwizard.core.compare_portfolio import FAR, distance_words, far_areas

    parts = _sets(c)
    far = far_areas(c)
    if not far:
        return [*parts, f"No school sits {FAR} or more from its target in any area."]
    lines = [*parts, f"Areas where schools sit {FAR} or more from their targets, most first:"]
    return lines + [f"  - {distance_words(d)}" for d in far]


def conversation_lines(c: Comparison) -> list[str]:
    """Where the views differ by 0.5 or more on an axis: each view is kept, none averaged."""
    points = c.conversation_points()
    if not points:
        return ["Conversation points: none (no two views of an area differ by 0.5 or more)."]
    out = ["Conversation points (views 0.5 or more apart on an axis):"]
    for cp in points:
        views = "; ".join(f"{c.name(i)} {signed(v)}" for i, v in cp.views)
        out.append(f"  - {cp.title}, {cp.axis} (gap {cp.gap:.2f}): {views}")
    return out


def print_comparison(c: Comparison) -> None:
    print("\n".join(comparison_lines(c)))
