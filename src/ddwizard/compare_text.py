"""`ddwizard compare` without --json: the comparison in words, for a terminal."""

from __future__ import annotations

from ddwizard.core.compare import Comparison, Kind, point_words


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
    return lines


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
