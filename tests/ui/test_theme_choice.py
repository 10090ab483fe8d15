"""View > Theme: System, Light or Dark, applied at once and remembered; in the dark palette
the chosen answer, the focus ring and the selection stand out 3:1 from what is around them."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from ddwizard.ui import theme
from ddwizard.ui.widgets import WrapRadio

ROLE = QPalette.ColorRole


def luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_the_view_menu_chooses_the_theme_and_remembers_it(qtbot, make_window, db, app_look):
    window = make_window(db)
    by_name = {a.text().replace("&", ""): a for a in window.assessment_menu.theme_actions}
    assert list(by_name) == ["System", "Light", "Dark"] and by_name["System"].isChecked()
    by_name["Dark"].trigger()
    app = QApplication.instance()
    assert app.palette().color(ROLE.Window) == theme.dark_palette().color(ROLE.Window)
    by_name["Light"].trigger()
    assert app.palette().color(ROLE.Window) == theme.light_palette().color(ROLE.Window)
    by_name["Dark"].trigger()
    window.close()
    again = make_window(db)
    chosen = [a.text() for a in again.assessment_menu.theme_actions if a.isChecked()]
    assert chosen == ["&Dark"] and theme.wants_dark()


def test_in_dark_the_answer_the_focus_and_the_selection_stand_out(qtbot):
    dark = theme.dark_palette()
    around = (dark.color(ROLE.Window), dark.color(ROLE.Base), dark.color(ROLE.AlternateBase))
    for colour in around:  # the focus ring and the selection, on the window and in fields
        assert contrast(dark.color(ROLE.Highlight), colour) >= 3
    assert contrast(dark.color(ROLE.HighlightedText), dark.color(ROLE.Highlight)) >= 4.5
    radio = WrapRadio("The trust's own way of working", "1")
    qtbot.addWidget(radio)
    radio.setPalette(dark)
    radio.setChecked(True)
    radio.resize(300, 30)
    image = radio.grab().toImage()
    dot = image.pixelColor(7, image.height() // 2)  # the middle of the chosen indicator
    for colour in around:
        assert contrast(dot, colour) >= 3, dot.name()
