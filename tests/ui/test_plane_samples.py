"""Sample planes to look at, and the checks that they draw: a crowded plane, a route map,
movement since an earlier assessment, and the dark scheme.

Run `uv run python -m tests.ui.test_plane_samples [FOLDER]` to write them as PNG files
(default /tmp/plane-samples) and look at them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ddwizard.core.assessment import Step, Target
from ddwizard.core.placement import AxisValue, Placement, Position, ReferentPlacement
from ddwizard.core.plane import PlaneScene, build_scene
from ddwizard.core.questionnaire import Axis, Option, Question, Referent

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

AREAS = [  # title, purpose, practice, spread, confidence
    ("Curriculum intent", 0.62, 0.55, 0.2, "high"),
    ("Early reading and phonics", 0.62, 0.55, 0.1, "high"),  # on top of the one above
    ("Mathematics mastery", 0.62, 0.55, 0.3, "medium"),  # and again
    ("Behaviour and relationships", 0.35, -0.45, 0.35, "medium"),
    ("SEND and inclusion", 0.05, 0.4, 0.2, "low"),  # borderline
    ("Assessment and feedback", 0.5, 0.0, 0.25, None),  # on the purpose axis
    ("Attendance", 0.0, -0.3, 0.0, "high"),  # on the practice axis
    ("Safeguarding culture", 0.9, 0.85, 0.05, "high"),
    ("Pastoral care", -0.25, 0.45, 0.3, "medium"),
    ("Staff development (CPD)", 0.15, -0.6, 0.2, "low"),
    ("Workload and wellbeing", -0.4, -0.35, 0.4, "low"),
    ("HR practice", -0.55, -0.7, 0.1, "medium"),
    ("Financial practice", -0.7, -0.55, 0.15, "high"),
    ("Site management", -0.9, -0.9, 0.0, "high"),
    ("ICT and data", -0.5, 0.2, 0.2, None),
    ("Governance", 0.3, 0.3, 0.1, "medium"),
    ("Vision and ethos", -0.6, 0.75, 0.25, "high"),  # a faith school's C
    ("Parental engagement", 0.28, 0.33, 0.2, "low"),
    ("Enrichment and trips", 0.75, -0.25, 0.1, "medium"),
    ("Careers guidance", 0.08, -0.08, 0.1, "low"),  # near the centre
    ("Religious education", -0.3, 0.95, 0.1, "high"),
    ("Admissions", 1.0, 1.0, 0.0, "high"),  # the very corner
]
UNPLACED = ["Estates condition", "Trips and visits policy"]


def _referent(i: int, title: str) -> Referent:
    opts = (Option("own", "Own", 1.0),)
    qs = (
        Question(f"q{i}pr", Axis.PRACTICE, "?", opts),
        Question(f"q{i}pu", Axis.PURPOSE, "?", opts),
    )
    return Referent(f"area{i}", title, "Group", qs)


def placement_of(areas, unplaced=(), shift=(0.0, 0.0)) -> Placement:
    rows = []
    for i, (title, x, y, spread, conf) in enumerate(areas):
        x = max(-1.0, min(1.0, x + shift[0]))
        y = max(-1.0, min(1.0, y + shift[1]))
        rows.append(
            ReferentPlacement(
                _referent(i, title),
                AxisValue(x, spread, 3),
                AxisValue(y, spread * 0.8, 3),
                6,
                7,
                conf,
            )
        )
    for j, title in enumerate(unplaced, start=len(areas)):
        rows.append(
            ReferentPlacement(
                _referent(j, title), AxisValue(None, None, 0), AxisValue(0.5, 0.0, 1), 1, 6, None
            )
        )
    placed = [r for r in rows if r.placed]
    ox = sum(r.purpose.value for r in placed) / len(placed)
    oy = sum(r.practice.value for r in placed) / len(placed)
    return Placement(tuple(rows), Position(ox, oy))


def crowded_scene() -> PlaneScene:
    return build_scene(placement_of(AREAS, UNPLACED))


ROUTE_AREAS = [
    ("Behaviour and relationships", -0.6, -0.55, 0.2, "medium"),
    ("Early reading and phonics", 0.55, -0.6, 0.15, "high"),
    ("Vision and ethos", -0.5, 0.6, 0.3, "medium"),
    ("Financial practice", 0.7, 0.65, 0.05, "high"),
]
ROUTES = [
    Target(
        "area0",
        0.8,
        0.75,
        "2027-09",
        rationale="Shared purpose first",
        steps=(
            Step(0.7, -0.55, "2027-01", "Agree what behaviour work is for"),
            Step(0.75, 0.2, "2027-04", "Bring routines together"),
        ),
    ),
    Target(
        "area1",
        0.6,
        0.8,
        "2027-07",
        return_trip=True,
        steps=(Step(0.6, -0.6, "2026-12", "Review"),),
    ),
    Target("area2", 0.45, 0.65, "2027-12"),
]


def route_scene() -> PlaneScene:
    return build_scene(placement_of(ROUTE_AREAS), targets=ROUTES)


def movement_scene() -> PlaneScene:
    earlier = placement_of(AREAS[:12], shift=(-0.25, -0.2))
    return build_scene(placement_of(AREAS[:12]), earlier=earlier)


def write_samples(folder: Path) -> list[Path]:
    from ddwizard.ui.plane_export import export_style, render_png, render_svg

    folder.mkdir(parents=True, exist_ok=True)
    out = [
        render_png(crowded_scene(), folder / "crowded.png", caption="Crowded: 22 areas"),
        render_png(route_scene(), folder / "routes.png", caption="Route map"),
        render_png(movement_scene(), folder / "movement.png", caption="Movement"),
        render_png(
            route_scene(),
            folder / "routes-dark.png",
            1600,
            style=export_style(1600, dark=True),
            caption="Route map, dark",
        ),
        render_png(crowded_scene(), folder / "crowded-small.png", 700),
        render_svg(route_scene(), folder / "routes.svg"),
    ]
    return out


def test_samples_render_as_png_and_svg(qapp, tmp_path):
    import xml.etree.ElementTree as ET

    paths = write_samples(tmp_path)
    for p in paths:
        if p.suffix == ".png":
            assert p.read_bytes()[:8] == PNG_MAGIC
        else:
            ET.parse(p)


if __name__ == "__main__":
    from ddwizard.ui.plane_export import ensure_gui_app

    ensure_gui_app()
    for path in write_samples(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/plane-samples")):
        print(path)
