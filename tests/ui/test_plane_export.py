"""PNG and SVG exports of the plane: the widget's own drawing, written whole or not at all,
from a scene or straight from the database (what `ddwizard plane` calls)."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from ddwizard.core.assessment import Answer, Assessment, School, Step, Target, Trust
from ddwizard.fileio import WriteError
from ddwizard.ui.plane_export import ExportError, export_plane, render_png, render_svg
from tests.core.builders import questionnaire, referent

from .test_plane_samples import AREAS, PNG_MAGIC, crowded_scene, route_scene

Q = questionnaire(referent("early_reading"), referent("behaviour"))


def svg_text(path) -> str:
    return "".join(ET.parse(path).getroot().itertext())


def test_png_has_a_png_header_and_the_asked_width(qapp, tmp_path):
    from PySide6.QtGui import QImage

    path = render_png(crowded_scene(), tmp_path / "plane.png", size_px=900)
    assert path.read_bytes()[:8] == PNG_MAGIC
    image = QImage(str(path))
    assert image.width() == 900 and image.height() > 900  # the legend sits below
    assert [p.name for p in tmp_path.iterdir()] == ["plane.png"]  # no temporary left


def test_svg_parses_and_names_every_area(qapp, tmp_path):
    path = render_svg(crowded_scene(), tmp_path / "plane.svg")
    text = svg_text(path)
    for title, *_ in AREAS:
        assert title in text
    assert "Quadrant" in text  # the description says where each area sits
    assert "Different practice, shared purpose" in text  # the quadrant names are drawn


def test_route_map_svg_names_the_return_trip_in_its_key(qapp, tmp_path):
    text = svg_text(render_svg(route_scene(), tmp_path / "routes.svg"))
    assert "Return trip: practice brought home" in text


def test_a_failed_write_leaves_nothing_behind(qapp, tmp_path):
    with pytest.raises(WriteError):
        render_png(crowded_scene(), tmp_path / "missing" / "plane.png")
    assert list(tmp_path.iterdir()) == []


def make(db, answers, label, assessed_on, targets=()):
    a = Assessment(
        "",
        School("Hillside Primary"),
        Trust("Riverside Trust"),
        Q.id,
        Q.version,
        label=label,
        assessed_on=assessed_on,
        targets=targets,
        answers=tuple(Answer(q, o) for q, o in answers.items()),
    )
    return db.create_assessment(a, Q)


def test_export_plane_from_the_database_with_movement(qapp, db, tmp_path):
    before = make(
        db,
        {"early_reading_pr0": "entirely", "early_reading_pu0": "entirely"},
        "First look",
        "2026-01-10",
    )
    target = Target(
        "early_reading",
        0.8,
        0.8,
        "2027-09",
        return_trip=True,
        steps=(Step(0.5, -0.5, "2027-01", "Agree purpose"),),
    )
    now = make(
        db,
        {"early_reading_pr0": "other", "early_reading_pu0": "own"},
        "Pre-join visit",
        "2026-11-22",
        targets=(target,),
    )
    svg = export_plane(db, now, tmp_path / "plane.svg", compare_id=before)
    text = svg_text(svg)
    assert "Early Reading" in text
    assert "Hillside Primary and Riverside Trust: Pre-join visit" in text
    assert "movement since First look" in text
    assert "Movement since then" in text and "Return trip" in text
    png = export_plane(db, now, tmp_path / "plane.png")
    assert png.read_bytes()[:8] == PNG_MAGIC


def test_export_plane_wants_png_or_svg(qapp, db, tmp_path):
    aid = make(db, {}, "", "")
    with pytest.raises(ExportError, match=r"\.png or \.svg"):
        export_plane(db, aid, tmp_path / "plane.pdf")


def test_export_needs_no_display(db_path, db, tmp_path):
    """The command line draws offscreen by itself, with no display and no Qt app running."""
    aid = make(db, {"early_reading_pr0": "own", "early_reading_pu0": "own"}, "Visit", "")
    db.close()
    out = tmp_path / "plane.png"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    }
    code = (
        "import sys; from ddwizard import services; "
        "from ddwizard.ui.plane_export import export_plane; "
        "db = services.open_database(sys.argv[1]); "
        "print(export_plane(db, int(sys.argv[2]), sys.argv[3])); db.close()"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(db_path), str(aid), str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes()[:8] == PNG_MAGIC
