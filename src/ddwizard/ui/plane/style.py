"""Colours and fonts for the plane: neutral, taken from a palette, never red or green.

`+` and `−` are not good and bad (DOMAIN.md), so nothing is coloured as a verdict: areas are
drawn in the text colour, routes in one calm accent, everything else in greys between.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

STEEL_LIGHT = QColor("#2f5d8a")  # the accent when the palette's own would read as a verdict
STEEL_DARK = QColor("#8fb3d9")


@dataclass(frozen=True)
class PlaneStyle:
    text: QColor
    base: QColor
    accent: QColor  # targets, steps and routes
    font: QFont
    compact: bool = False

    @classmethod
    def from_palette(cls, palette: QPalette, font: QFont, compact: bool = False) -> PlaneStyle:
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        accent = calm_accent(palette.color(QPalette.ColorRole.Highlight), is_dark(base))
        return cls(text, base, accent, font, compact)

    @classmethod
    def light(cls, font: QFont) -> PlaneStyle:
        """The print scheme used for exports: near-black on white."""
        return cls(QColor("#1f2328"), QColor("#ffffff"), STEEL_LIGHT, font)

    @classmethod
    def dark(cls, font: QFont) -> PlaneStyle:
        return cls(QColor("#e4e6ea"), QColor("#1e1f22"), STEEL_DARK, font)

    def with_compact(self, compact: bool) -> PlaneStyle:
        return replace(self, compact=compact)

    @property
    def dark_scheme(self) -> bool:
        return is_dark(self.base)

    def ink(self, alpha: float) -> QColor:
        """The text colour at some opacity: every grey on the plane is one of these."""
        return faded(self.text, alpha)

    def tint(self, alpha: float) -> QColor:
        return faded(self.accent, alpha)

    def paper(self, alpha: float = 1.0) -> QColor:
        return faded(self.base, alpha)


def faded(colour: QColor, alpha: float) -> QColor:
    c = QColor(colour)
    c.setAlphaF(max(0.0, min(1.0, alpha)))
    return c


def is_dark(colour: QColor) -> bool:
    return colour.lightnessF() < 0.5


def calm_accent(highlight: QColor, dark: bool) -> QColor:
    """The palette's highlight, unless its hue reads as red or green (a verdict): then steel."""
    hue = highlight.hslHueF() * 360 if highlight.hslHueF() >= 0 else -1
    saturated = highlight.hslSaturationF() > 0.25
    verdict = saturated and (hue <= 25 or hue >= 330 or 70 <= hue <= 170)
    if hue < 0 or verdict:
        return QColor(STEEL_DARK if dark else STEEL_LIGHT)
    # Keep the accent readable on the background: lift it on dark, deepen it on light.
    if dark and highlight.lightnessF() < 0.55:
        return highlight.lighter(150)
    if not dark and highlight.lightnessF() > 0.6:
        return highlight.darker(150)
    return QColor(highlight)


def application_font() -> QFont:
    app = QGuiApplication.instance()
    return QGuiApplication.font() if app is not None else QFont()
