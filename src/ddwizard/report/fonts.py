"""The brief's fonts: Noto Sans (Latin, Greek, Cyrillic), with fallbacks for Hebrew, Arabic,
mathematical signs and arrows (including the minus sign), and symbols.

Fonts are registered with ReportLab once per process, with two small repairs that make
every character a user types survive into the PDF's text layer (a character no font covers
keeps its own code; characters above U+FFFF get readable ToUnicode entries): see
`reportlab_private`.
"""

from __future__ import annotations

import contextlib
import functools
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ddwizard.report import reportlab_private
from ddwizard.resources import resource

REGULAR = "BriefSans"
BOLD = "BriefSans-Bold"
ITALIC = "BriefSans-Italic"
BOLD_ITALIC = "BriefSans-BoldItalic"
HEBREW = "BriefSansHebrew"
ARABIC = "BriefSansArabic"
MATH = "BriefSansMath"
SYMBOLS = "BriefSansSymbols"

_MAIN_FILES = {
    REGULAR: "NotoSans-Regular.ttf",
    BOLD: "NotoSans-Bold.ttf",
    ITALIC: "NotoSans-Italic.ttf",
    BOLD_ITALIC: "NotoSans-BoldItalic.ttf",
}
_FALLBACK_FILES = {  # tried in this order for a character Noto Sans lacks
    MATH: "NotoSansMath-Regular.ttf",
    SYMBOLS: "NotoSansSymbols2-Regular.ttf",
    HEBREW: "NotoSansHebrew-Regular.ttf",
    ARABIC: "NotoSansArabic-Regular.ttf",
}
_ALL_FILES = {**_MAIN_FILES, **_FALLBACK_FILES}


class FontError(Exception):
    """A shipped font file is missing or unreadable."""


class BriefFont(TTFont):
    """ReportLab's TrueType font, remembering the width of each piece of text it measures
    while a brief is being made (see :func:`typesetting`).

    Breaking a brief's paragraphs into lines measures the same words many times over: the
    memo holds each text's width at 1000 points, scaled to the size asked for. Outside a
    brief (ReportLab gives every later registration of the same file this same object) it
    measures as ReportLab does, and keeps nothing."""

    def __init__(self, name: str, filename: str):
        super().__init__(name, filename)
        self._widths: dict[str, float] | None = None  # text -> width at 1000 pt, while typesetting

    def stringWidth(self, text, size, encoding="utf8"):  # noqa: N802 (ReportLab's name)
        known = self._widths
        if known is None or not isinstance(text, str):
            return super().stringWidth(text, size, encoding)
        width = known.get(text)
        if width is None:
            width = known[text] = super().stringWidth(text, 1000.0)
        return 0.001 * size * width

    def _set_typesetting(self, on: bool) -> None:
        self._widths = {} if on else None


_lock = threading.Lock()
_typesetting = 0  # briefs being made just now (a thread may make one while another waits)


@contextlib.contextmanager
def typesetting() -> Iterator[None]:
    """While a brief is laid out: its main fonts remember the widths of the text they
    measure (for this brief, and dropped once no brief is being made)."""
    global _typesetting
    register()
    brief_fonts = [f for f in map(pdfmetrics.getFont, _MAIN_FILES) if isinstance(f, BriefFont)]
    with _lock:
        if not _typesetting:
            for font in brief_fonts:
                font._set_typesetting(True)
        _typesetting += 1
    try:
        yield
    finally:
        with _lock:
            _typesetting -= 1
            if not _typesetting:
                for font in brief_fonts:
                    font._set_typesetting(False)


@dataclass(frozen=True)
class Coverage:
    """Which characters the fonts really have (before any missing-glyph codes are added)."""

    main: frozenset[int]
    uncovered: re.Pattern  # finds a character the main font lacks

    def font_for(self, code: int) -> str | None:
        """The font to draw `code` with; None when no font has it (a missing-glyph box)."""
        if code in self.main:
            return REGULAR
        for name in _FALLBACK_FILES:
            if code in _fallback(name):
                return name
        return None


@functools.cache
def register() -> Coverage:
    """Register the brief's main fonts with ReportLab (once) and return what they cover.
    A fallback font is read the first time a character the main font lacks is met."""
    reportlab_private.repair_tounicode()
    for name in _MAIN_FILES:
        _register(name)
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    main = frozenset(pdfmetrics.getFont(REGULAR).face.charToGlyph)
    return Coverage(main=main, uncovered=re.compile(f"[^{_char_class(main)}]"))


@functools.cache
def _fallback(name: str) -> frozenset[int]:
    """The characters of a fallback font, registered with ReportLab on first use."""
    return frozenset(_register(name).face.charToGlyph)


def _register(name: str) -> BriefFont:
    path = resource(f"fonts/{_ALL_FILES[name]}")
    try:
        font = BriefFont(name, str(path))
    except Exception as e:  # ReportLab raises several kinds for a bad file
        raise FontError(f"the font file {path} is missing or unreadable ({e})") from e
    pdfmetrics.registerFont(font)
    return font


def _char_class(codes: frozenset[int]) -> str:
    """A regular-expression character class body matching exactly `codes`."""
    ranges, run = [], []
    for code in sorted(codes):
        if run and code == run[-1] + 1:
            run.append(code)
            continue
        if run:
            ranges.append((run[0], run[-1]))
        run = [code]
    if run:
        ranges.append((run[0], run[-1]))
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )


def keep_missing(code: int) -> None:
    """Let a character no font covers keep its own code: drawn as the missing-glyph box,
    but present in the text layer (see `reportlab_private.keep_missing`)."""
    with _lock:
        for name in _MAIN_FILES:
            reportlab_private.keep_missing(pdfmetrics.getFont(name), code)
