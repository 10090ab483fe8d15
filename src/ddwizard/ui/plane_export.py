"""The plane as a PNG or SVG file, drawn by the same paint routine as the widget.

`export_plane` is what `ddwizard plane ID -o FILE.png|FILE.svg [--compare EARLIER_ID]` calls.
It needs no display: when no Qt application exists it makes an offscreen one. Files are
written whole or not at all (`fileio.atomic_write`).
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QImage, QPainter

from ddwizard.core.errors import UserError
from ddwizard.core.placement import place_assessment
from ddwizard.core.plane import PlaneScene, build_scene
from ddwizard.fileio import atomic_write
from ddwizard.resources import resource
from ddwizard.ui.plane.describe import scene_summary
from ddwizard.ui.plane.frame import Frame
from ddwizard.ui.plane.paint import paint_frame
from ddwizard.ui.plane.style import PlaneStyle

FORMATS = (".png", ".svg")
SVG_DPI = 96


class ExportError(UserError):
    """The plane cannot be exported as asked; the message says why, in words."""


def ensure_gui_app() -> QGuiApplication:
    """The running Qt application, or a new offscreen one (the command line has no display)."""
    app = QGuiApplication.instance()
    if app is None:
        # A full QApplication, not a bare QGuiApplication: the process may go on to show
        # widgets (the app, or tests), which a QGuiApplication would not allow.
        from PySide6.QtWidgets import QApplication

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication([])
    return app


@functools.cache
def _font_family() -> str:
    """Noto Sans from our resources (the brief's font), so exports look the same anywhere."""
    families: list[str] = []
    for name in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(resource(f"fonts/{name}")))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    return families[0] if families else QFont().family()


def export_style(width_px: int, dark: bool = False) -> PlaneStyle:
    ensure_gui_app()
    font = QFont(_font_family())
    font.setPixelSize(max(9, round(width_px / 64)))
    return PlaneStyle.dark(font) if dark else PlaneStyle.light(font)


def _frame(scene: PlaneScene, width: int, style: PlaneStyle | None, caption: str):
    style = style or export_style(width)
    height = round(Frame.preferred_height(width, scene, style, caption))
    return Frame(scene, QRectF(0, 0, width, height), style, caption=caption), height


def render_image(
    scene: PlaneScene, width: int = 1600, *, style: PlaneStyle | None = None, caption: str = ""
) -> QImage:
    ensure_gui_app()
    frame, height = _frame(scene, width, style, caption)
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(frame.style.base)
    painter = QPainter(image)
    try:
        paint_frame(painter, frame)
    finally:
        painter.end()
    return image


def png_bytes(scene: PlaneScene, size_px: int = 1600, **kw) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not render_image(scene, size_px, **kw).save(buffer, "PNG"):
        raise ExportError("the PNG image could not be encoded")
    buffer.close()
    return bytes(data.data())


def svg_bytes(
    scene: PlaneScene, size_px: int = 900, *, style: PlaneStyle | None = None, caption: str = ""
) -> bytes:
    ensure_gui_app()
    frame, height = _frame(scene, size_px, style, caption)
    title = caption or "Practice and purpose plane"
    summary = scene_summary(frame.scene)
    return draw_svg(size_px, height, title, summary, lambda p: paint_frame(p, frame))


def draw_svg(width: int, height: int, title: str, description: str, paint) -> bytes:
    """An SVG document of `width` by `height`, with its title and a description in words
    for readers who cannot see it, drawn by `paint(painter)`."""
    from PySide6.QtSvg import QSvgGenerator  # in pyside6-essentials; only exports need it

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    svg = QSvgGenerator()
    svg.setOutputDevice(buffer)
    svg.setSize(QSize(width, height))
    svg.setViewBox(QRectF(0, 0, width, height))
    svg.setResolution(SVG_DPI)
    svg.setTitle(title)
    svg.setDescription(description)
    painter = QPainter(svg)
    try:
        paint(painter)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def render_png(
    scene: PlaneScene,
    path: str | os.PathLike,
    size_px: int = 1600,
    *,
    style: PlaneStyle | None = None,
    caption: str = "",
) -> Path:
    """Draw the plane `size_px` wide (the height follows from the legend) and write a PNG."""
    return atomic_write(path, png_bytes(scene, size_px, style=style, caption=caption))


def render_svg(
    scene: PlaneScene,
    path: str | os.PathLike,
    size_px: int = 900,
    *,
    style: PlaneStyle | None = None,
    caption: str = "",
) -> Path:
    """Write the plane as SVG (Qt's SVG generator, so it is the widget's drawing exactly)."""
    return atomic_write(path, svg_bytes(scene, size_px, style=style, caption=caption))


def render_file(scene: PlaneScene, path: str | os.PathLike, caption: str = "") -> Path:
    """PNG or SVG by the file's extension."""
    suffix = Path(path).suffix.lower()
    if suffix == ".png":
        return render_png(scene, path, caption=caption)
    if suffix == ".svg":
        return render_svg(scene, path, caption=caption)
    raise ExportError(f"{path}: give a file name ending in .png or .svg")


def plane_caption(assessment, earlier=None) -> str:
    parts = [assessment.school.name, "and", assessment.trust.name]
    when = ", ".join(x for x in (assessment.label, assessment.assessed_on) if x)
    text = " ".join(parts) + (f": {when}" if when else "")
    if earlier is not None:
        then = ", ".join(x for x in (earlier.label, earlier.assessed_on) if x) or "earlier"
        text += f" (movement since {then})"
    return text


def export_plane(
    db, assessment_id: int, path: str | os.PathLike, compare_id: int | None = None
) -> Path:
    """The assessment's plane with every area's target and route, and the movement since
    `compare_id` when given, written to `path` (.png or .svg)."""
    if Path(path).suffix.lower() not in FORMATS:
        raise ExportError(f"{path}: give a file name ending in .png or .svg")
    assessment = db.load_assessment(assessment_id)
    placement = place_assessment(db.questionnaire_for(assessment_id), assessment)
    earlier = earlier_placement = None
    if compare_id is not None:
        earlier = db.load_assessment(compare_id)
        earlier_placement = place_assessment(db.questionnaire_for(compare_id), earlier)
    scene = build_scene(placement, targets=assessment.targets, earlier=earlier_placement)
    ensure_gui_app()
    return render_file(scene, path, caption=plane_caption(assessment, earlier))
