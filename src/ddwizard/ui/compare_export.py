"""A comparison as a PNG or SVG file, drawn by the same routine as the Compare view.

`export_comparison` is what `ddwizard compare ID ID... -o FILE.png|FILE.svg` calls; it needs
no display (an offscreen Qt application is made when none runs). Files are written whole or
not at all.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage, QPainter

from ddwizard.core.compare import Comparison
from ddwizard.core.compare_plane import ComparisonFigure, build_figure
from ddwizard.fileio import atomic_write
from ddwizard.ui.compare_layout import FigureLayout
from ddwizard.ui.compare_paint import paint_figure
from ddwizard.ui.plane_export import ExportError, draw_svg, ensure_gui_app, export_style

PNG_WIDTH = 1600
SVG_WIDTH = 1200


def layout_for(figure: ComparisonFigure, width: int, dark: bool = False) -> FigureLayout:
    # Type a size down from the single plane's export: four small planes fit across a slide.
    style = export_style(round(width * 0.8), dark)
    return FigureLayout(figure, width, style)


def png_bytes(figure: ComparisonFigure, width: int = PNG_WIDTH) -> bytes:
    ensure_gui_app()
    layout = layout_for(figure, width)
    image = QImage(width, round(layout.height), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(layout.style.base)
    painter = QPainter(image)
    try:
        paint_figure(painter, layout)
    finally:
        painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise ExportError("the PNG image could not be encoded")
    buffer.close()
    return bytes(data.data())


def svg_bytes(figure: ComparisonFigure, width: int = SVG_WIDTH) -> bytes:
    ensure_gui_app()
    layout = layout_for(figure, width)
    height = round(layout.height)
    return draw_svg(
        width, height, figure.title, describe(figure), lambda p: paint_figure(p, layout)
    )


def describe(figure: ComparisonFigure) -> str:
    """The figure in words, for readers who cannot see it (the SVG's description)."""
    names = "; ".join(f"{s.tag + ': ' if s.tag else ''}{s.name}" for s in figure.series)
    return f"{figure.title}. One small plane per area ({len(figure.panels)}). Series: {names}."


def write_figure(figure: ComparisonFigure, path: str | os.PathLike) -> Path:
    suffix = Path(path).suffix.lower()
    if suffix == ".png":
        return atomic_write(path, png_bytes(figure))
    if suffix == ".svg":
        return atomic_write(path, svg_bytes(figure))
    raise ExportError(f"{path}: give a file name ending in .png or .svg")


def export_comparison(comparison: Comparison, path: str | os.PathLike) -> Path:
    return write_figure(build_figure(comparison), path)
