"""Labels in the planes are shortened by whole words, never cut in the middle of one
(issue 18: no text cut mid-word at the laptop size)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetricsF

from ddwizard.ui.plane_view import PlaneView
from ddwizard.ui.shorten import ELLIPSIS, whole_words

from .test_plane_samples import AREAS, crowded_scene


def metrics() -> QFontMetricsF:
    return QFontMetricsF(QFont())


def test_a_text_that_fits_is_kept_whole(qapp):
    fm = metrics()
    assert whole_words(fm, "Local governance", fm.horizontalAdvance("Local governance")) == (
        "Local governance"
    )


def test_words_at_the_end_are_left_out_whole(qapp):
    fm = metrics()
    room = fm.horizontalAdvance("Local governa" + ELLIPSIS)  # where Qt would cut the word
    assert whole_words(fm, "Local governance", room) == "Local" + ELLIPSIS
    room = fm.horizontalAdvance("Staff, HR and w" + ELLIPSIS)
    assert whole_words(fm, "Staff, HR and workload", room) == "Staff, HR" + ELLIPSIS
    room = fm.horizontalAdvance("Parents and c" + ELLIPSIS)
    assert whole_words(fm, "Parents and community", room) == "Parents" + ELLIPSIS


def test_a_single_word_too_long_for_any_room_is_the_only_one_cut(qapp):
    fm = metrics()
    room = fm.horizontalAdvance("Safeg" + ELLIPSIS)
    shown = whole_words(fm, "Safeguarding", room)
    assert shown.endswith(ELLIPSIS) and fm.horizontalAdvance(shown) <= room


def test_every_label_on_a_small_crowded_plane_ends_on_a_whole_word(qtbot):
    view = PlaneView()
    qtbot.addWidget(view)
    view.resize(420, 460)  # the plane step's figure at 1093×614 is about this size
    view.show()
    view.set_scene(crowded_scene())
    frame = view.frame()
    shortened = 0
    for title, *_ in AREAS:
        shown = frame.label_text(title)
        if shown != title:
            shortened += 1
            kept = shown.removesuffix(ELLIPSIS)
            assert title.startswith(kept) and title[len(kept)] in " ,", (title, shown)
    assert shortened  # the size is small enough that some are shortened
