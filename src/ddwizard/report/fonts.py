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

import functools
import re
import threading
from dataclasses import dataclass

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


class FontError(Exception):
    """A shipped font file is missing or unreadable."""


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


_lock = threading.Lock()


@functools.cache
def register() -> Coverage:
    """Register the brief's fonts with ReportLab (once) and return what they cover."""
    _repair_tounicode()
    loaded = {}
    for name, filename in {**_MAIN_FILES, **_FALLBACK_FILES}.items():
        path = resource(f"fonts/{filename}")
        try:
            font = TTFont(name, str(path))
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
