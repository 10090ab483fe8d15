"""Beside an area's questions: the trust's reference for the area (what it does, what for,
and what its schools decide for themselves), and a small plane with where the area sits,
in words too."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ddwizard.core.placement import Placement, ReferentPlacement
from ddwizard.core.plane import FACET_GAP, build_scene
from ddwizard.core.questionnaire import Axis
from ddwizard.ui import theme
from ddwizard.ui.pages.base import card, em
from ddwizard.ui.plane_view import PlaneView
from ddwizard.ui.words import position_words, signed


class AreaAside(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        frame, layout = card("aside")
        layout.addWidget(theme.label("The trust's reference", size=1.1, bold=True))
        self.reference = theme.label("")
        self.reference.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.reference)
        column.addWidget(frame)
        frame, layout = card("aside")
        layout.addWidget(theme.label("Where this area sits", size=1.1, bold=True))
        self.plane = PlaneView(frame)  # the plane colleague's widget, in its small form
        self.plane.set_compact(True)
        self.plane.setAccessibleName(f"Where {title} sits on the plane")
        self.plane.setMinimumHeight(22 * em(self))
        self.plane.setMaximumHeight(28 * em(self))
        layout.addWidget(self.plane)
        self.position = theme.label("")
        layout.addWidget(self.position)
        column.addWidget(frame)

    def show_reference(self, assessment, referent_id: str) -> None:
        ref = assessment.trust.reference_for(referent_id)
        trust = assessment.trust.name or "the trust"
        if ref is None or not (ref.practice or ref.purpose or ref.school_decides):
            self.reference.setText(
                escape(
                    f"{trust[0].upper()}{trust[1:]} has not written its reference for this "
                    "area yet (see the Trust reference step)."
                )
            )
            return
        decides = (
            f"<p><b>What its schools decide for themselves here</b><br>"
            f"{_html(ref.school_decides)}</p>"
            if ref.school_decides
            else ""
        )
        self.reference.setText(
            f"<p><b>What {escape(trust)} does</b><br>{_html(ref.practice)}</p>"
            f"<p><b>What it does it for</b><br>{_html(ref.purpose)}</p>{decides}"
        )

    def show_position(self, rp: ReferentPlacement | None, model, answered: str) -> None:
        """Where the area sits (`rp`, None when it is not chosen any more); `answered`
        says how many of the questions shown are answered."""
        if rp is None:
            self.position.setText("This area is not among those chosen for this school.")
            return
        lines = axis_words(rp)
        if not rp.placed and _school_decides(rp):  # not "yet": there is nothing to place
            self.position.setText("\n".join([*lines, f"{answered}."]))
        else:
            self.position.setText("\n".join([position_words(rp, answered), *lines]))
        self.plane.set_scene(_scene(rp, model))


def axis_words(rp: ReferentPlacement) -> list[str]:
    """Per axis: where the trust has no set way (the school decides), and stated and lived
    answers apart where both are given, saying when they diverge."""
    lines = []
    for axis, v in ((Axis.PURPOSE, rp.purpose), (Axis.PRACTICE, rp.practice)):
        if v.trust_open:
            lines.append(
                f"{axis.value.capitalize()}: the trust has no set way here, so the school decides."
            )
        if v.stated is not None and v.lived is not None:
            gap = abs(v.stated - v.lived)
            how = f"diverge ({gap:.2f} apart)" if gap >= FACET_GAP else "are close"
            lines.append(
                f"Stated and lived {axis.value} {how}: stated {signed(v.stated)}, "
                f"lived {signed(v.lived)}."
            )
    return lines


def _school_decides(rp: ReferentPlacement) -> bool:
    """Every axis not placed is one where the trust has no set way."""
    missing = [v for v in (rp.purpose, rp.practice) if v.value is None]
    return bool(missing) and all(v.trust_open for v in missing)


def _html(text: str) -> str:
    return escape(text).replace("\n", "<br>") if text else "<i>not written yet</i>"


def _scene(rp: ReferentPlacement, model):
    """This area alone on the plane, with its target and route when it has one."""
    target = model.assessment.target_for(rp.referent.id)
    only = Placement(referents=(rp,), overall=rp.position)
    targets = [target] if target else []
    return build_scene(only, targets=targets, only=[rp.referent.id], facets=True)
