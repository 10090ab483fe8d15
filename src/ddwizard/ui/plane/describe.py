"""The plane in words: hover text, the focused point for screen readers, the SVG summary."""

from __future__ import annotations

from ddwizard.core.plane import PlanePoint, PlaneScene, PointKind

MINUS = "−"


def number(v: float) -> str:
    return f"{v:+.2f}".replace("-", MINUS)


def coordinates(x: float, y: float) -> str:
    return f"purpose {number(x)}, practice {number(y)}"


def where(p: PlanePoint, borderline: float = 0.1) -> str:
    """Quadrant, or borderline between two, in the product's words; never a verdict."""
    near_x, near_y = abs(p.x) < borderline, abs(p.y) < borderline
    if near_x and near_y:
        return "Borderline: close to the centre of the plane"
    if near_x or near_y:
        a, b = _either_side(p, near_x)
        return f"Borderline between {a} and {b}"
    q = p.quadrant
    return f"Quadrant {q.value}: {q.title}" if q else "On an axis"


def _either_side(p: PlanePoint, near_purpose_axis: bool) -> tuple[str, str]:
    if near_purpose_axis:  # purpose close to 0: left or right of the practice axis
        return ("A", "C") if p.y > 0 else ("B", "D")
    return ("A", "B") if p.x > 0 else ("C", "D")


def point_text(p: PlanePoint, scene: PlaneScene | None = None, title: str = "") -> str:
    """Several lines about one mark, for its tooltip and accessible description."""
    band = scene.borderline if scene is not None else 0.1
    if p.kind in (PointKind.STATED, PointKind.LIVED):
        return f"{p.title}, for {title or p.referent}\n{coordinates(p.x, p.y)}"
    if p.kind == PointKind.TARGET:
        return f"Target for {title or p.referent}\n{coordinates(p.x, p.y)}"
    if p.kind == PointKind.STEP:
        step = p.key.rsplit("@step", 1)[-1]
        lines = [f"Step {step} towards the target for {title or p.referent}"]
        if p.title:
            lines.append(p.title)
        lines.append(coordinates(p.x, p.y))
        return "\n".join(lines)
    lines = [p.title + (" (earlier assessment)" if p.kind == PointKind.EARLIER else "")]
    lines.append(coordinates(p.x, p.y).capitalize())
    lines.append(where(p, band))
    if p.questions:
        lines.append(f"{p.answered} of {p.questions} questions answered")
    if p.confidence:
        lines.append(f"Confidence: {p.confidence}")
    return "\n".join(lines)


def title_of(scene: PlaneScene, referent: str) -> str:
    p = scene.point(referent)
    if p is not None:
        return p.title
    return next((u.title for u in scene.unplaced if u.referent == referent), referent)


def scene_summary(scene: PlaneScene) -> str:
    """One line an area, for the SVG description (read out by screen readers)."""
    lines = [
        f"{p.title}: {coordinates(p.x, p.y)}; {where(p, scene.borderline)}"
        for p in scene.current_points()
    ]
    lines += [f"{u.title}: not placed ({u.reason})" for u in scene.unplaced]
    return "\n".join(lines)
