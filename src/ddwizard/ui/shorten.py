"""Text made to fit a width in a drawing (the planes' labels and titles) by leaving out whole
words at the end, never by cutting a word in two: "Local governance" becomes "Local…", not
"Local governa…". A word that cannot fit even alone is the only one Qt elides."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QFontMetricsF

ELLIPSIS = "\u2026"
# Words that say nothing left at the end of a shortened text ("Parents and…").
_DANGLING = {"and", "or", "of", "in", "the", "for", "to", "a", "an", "with", "&", "-", "\u2013"}


def whole_words(fm: QFontMetrics | QFontMetricsF, text: str, room: float) -> str:
    """`text` if it fits in `room` pixels, else as many of its first words as fit, then …"""
    if fm.horizontalAdvance(text) <= room:
        return text
    words = text.split()
    for n in range(len(words) - 1, 0, -1):
        kept = list(words[:n])
        while kept and kept[-1].lower() in _DANGLING:
            kept.pop()
        if not kept:
            continue
        short = " ".join(kept).rstrip(",;:") + ELLIPSIS
        if fm.horizontalAdvance(short) <= room:
            return short
    return fm.elidedText(text, Qt.TextElideMode.ElideRight, int(room))
