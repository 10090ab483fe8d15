"""The brief's fonts: Noto Sans (Latin, Greek, Cyrillic), with fallbacks for Hebrew, Arabic,
mathematical signs and arrows (including the minus sign), and symbols.

Fonts are registered with ReportLab once per process. Two small repairs make every
character a user types survive into the PDF's text layer:

* a character no shipped font covers is drawn with the main font's "missing glyph" box,
  but still gets its own code and ToUnicode entry, so copying or searching the PDF finds it;
* ReportLab writes ToUnicode entries above U+FFFF (emoji, say) as bare hex, which readers
  reject; we write them as UTF-16 surrogate pairs, as the PDF specification asks.
"""

from __future__ import annotations

import contextlib
import functools
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import repeat

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

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
    """ReportLab's TrueType font, measuring and encoding text with less repeated work while
    a brief is being made (see :func:`typesetting`); otherwise exactly ReportLab's.

    A brief measures the same words many times (each paragraph's words as it breaks its
    lines, each line's pieces as it is drawn), and encodes every line it draws into the
    font's subset codes. Both give exactly what ReportLab's own methods give:

    * a word's width is the sum of its glyphs' widths (whole font units), remembered per
      word; the size scales it as ReportLab does (and :meth:`widths` measures a list of
      words in one go);
    * a line whose characters all have codes in the first subset already is encoded in one
      step, by a translation table kept with the document's font state; any other line
      (one with a character met for the first time, say) goes through ReportLab's method.

    (ReportLab gives every later registration of the same font file this same object, so
    the quick paths are kept to the brief's own layout: any other document measures and
    encodes with ReportLab's methods, as before.)
    """

    def __init__(self, name: str, filename: str):
        super().__init__(name, filename)
        # As ReportLab's standard fonts have them: it looks here first for every word's
        # line height, and falls back to the face after an exception.
        self.ascent, self.descent = self.face.ascent, self.face.descent
        self._units: dict[str, int] | None = None  # text -> width in 1/1000 em, while typesetting
        # While typesetting: (document, {code: first-subset code}, those characters, codes).
        self._subset0: tuple | None = None

    def stringWidth(self, text, size, encoding="utf8"):  # noqa: N802 (ReportLab's name)
        known = self._units
        if known is None:
            return super().stringWidth(text, size, encoding)
        units = known.get(text)
        if units is None:
            if not isinstance(text, str):
                text = text.decode(encoding or "utf8")
            widths = self.face.charWidths
            units = known[text] = sum(
                map(widths.get, map(ord, text), repeat(self.face.defaultWidth))
            )
        return 0.001 * size * units

    def widths(self, texts: list[str], size: float) -> list[float]:
        """`[self.stringWidth(t, size) for t in texts]`, in one go."""
        known = self._units
        if known is None:
            return [self.stringWidth(t, size) for t in texts]
        units = list(map(known.get, texts))
        if None in units:
            widths, default = self.face.charWidths.get, self.face.defaultWidth
            for i, u in enumerate(units):
                if u is None:
                    t = texts[i]
                    units[i] = known[t] = sum(map(widths, map(ord, t), repeat(default)))
        scale = 0.001 * size
        return [scale * u for u in units]

    def splitString(self, text, doc, encoding="utf-8"):  # noqa: N802
        quick = self._subset0
        if quick is not None and quick[0] is doc and quick[2].issuperset(text):
            return [(0, text.translate(quick[1]).encode("latin-1"))] if text else []
        result = super().splitString(text, doc, encoding)
        if self._units is not None and isinstance(text, str):
            self._learn_codes(doc)
        return result

    def _learn_codes(self, doc) -> None:
        """Keep the codes of the first subset for `doc` as a translation table."""
        assigned = self.state[doc].assignments
        quick = self._subset0
        if quick is not None and quick[0] is doc and quick[3] == len(assigned):
            return  # no code added since
        table = {code: n for code, n in assigned.items() if n < 256}
        if assigned.get(32, 256) < 256:
            table[0xA0] = assigned[32]  # ReportLab encodes a no-break space as a space
        self._subset0 = (doc, table, frozenset(map(chr, table)), len(assigned))

    def _set_typesetting(self, on: bool) -> None:
        self._units = {} if on else None
        self._subset0 = None


_lock = threading.Lock()
_typesetting = 0  # briefs being made just now (a thread may make one while another waits)


@contextlib.contextmanager
def typesetting() -> Iterator[None]:
    """While a brief is laid out: its fonts take their quick paths, remembering the widths
    of the words measured (for this brief, and dropped once no brief is being made)."""
    global _typesetting
    register()
    brief_fonts = [f for f in map(pdfmetrics.getFont, _ALL_FILES) if isinstance(f, BriefFont)]
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
    """Which characters each font really has (before any missing-glyph codes are added)."""

    main: frozenset[int]
    fallbacks: tuple[tuple[str, frozenset[int]], ...]
    uncovered: re.Pattern  # finds a character the main font lacks

    def font_for(self, code: int) -> str | None:
        """The font to draw `code` with; None when no font has it (a missing-glyph box)."""
        if code in self.main:
            return REGULAR
        for name, chars in self.fallbacks:
            if chars and code in chars:
                return name
        return None


@functools.cache
def register() -> Coverage:
    """Register the brief's fonts with ReportLab (once) and return what they cover."""
    _repair_tounicode()
    loaded = {}
    for name, filename in _ALL_FILES.items():
        path = resource(f"fonts/{filename}")
        try:
            font = BriefFont(name, str(path))
        except Exception as e:  # ReportLab raises several kinds for a bad file
            raise FontError(f"the font file {path} is missing or unreadable ({e})") from e
        pdfmetrics.registerFont(font)
        loaded[name] = font
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    main = frozenset(loaded[REGULAR].face.charToGlyph)
    return Coverage(
        main=main,
        fallbacks=tuple((n, frozenset(loaded[n].face.charToGlyph)) for n in _FALLBACK_FILES),
        uncovered=re.compile(f"[^{_char_class(main)}]"),
    )


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
    but present in the text layer (ReportLab would otherwise fold it into code 0)."""
    with _lock:
        for name in _MAIN_FILES:
            face = pdfmetrics.getFont(name).face
            face.charToGlyph.setdefault(code, 0)


def _utf16_hex(code: int) -> str:
    if code <= 0xFFFF:
        return f"{code:04X}"
    code -= 0x10000
    return f"{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}"


def _tounicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, with characters above U+FFFF as surrogate pairs."""
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{_utf16_hex(v)}>" for i, v in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


def _repair_tounicode() -> None:
    # Same output as ReportLab's for the Basic Multilingual Plane; only the encoding of
    # characters beyond it changes (ReportLab writes e.g. <1F600>, an odd-length string).
    ttfonts.makeToUnicodeCMap = _tounicode_cmap
