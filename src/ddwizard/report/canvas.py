"""The brief's canvas: ReportLab's, writing the same PDF with less repeated work.

A brief draws some six thousand pieces of text, each paragraph and table cell moved into
place, in a handful of colours and sizes, and its figures some hundreds of lines and
circles. ReportLab formats every number it writes afresh (`fp_str`, a few microseconds
each), escapes text byte by byte and keeps the graphics state of every `saveState` in a
new dictionary; here

* numbers are formatted once per value and canvas (a paragraph's x, a font size, a
  leading, a colour recur on every page), by :func:`number`, which gives what `fp_str`
  gives;
* the encoded text of a line is escaped in one translation rather than byte by byte;
* a colour's operator is made once per colour;
* the graphics state `saveState` keeps (some twenty values) is kept as a tuple;
* a table's text cell is not measured (ReportLab measures it, and does not use the width).

Only the common paths are taken over (moving the origin, starting a text object, a line
of text in a TrueType font, an RGB colour, a line, a circle); anything else is ReportLab's
own. The brief's tests check the PDF is byte for byte the one ReportLab's own canvas makes.
"""

from __future__ import annotations

from math import log
from operator import itemgetter

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfbase.ttfonts import ShapedStr
from reportlab.pdfgen import canvas as _canvas
from reportlab.pdfgen import pdfgeom
from reportlab.pdfgen.textobject import PDFTextObject, rtlSupport


def _pdf_escape(code: int) -> str:
    """A byte in a PDF string, as ReportLab writes it."""
    if code < 32 or code >= 127:
        return f"\\{code:03o}"
    return "\\" + chr(code) if chr(code) in "\\()" else chr(code)


_PDF_ESCAPES = {code: _pdf_escape(code) for code in range(256)}
_LOG_10 = log(10.0)
_FORMATS = ("%.0f", "%.1f", "%.2f", "%.3f", "%.4f", "%.5f", "%.6f")


def number(value) -> str:
    """One number as ReportLab's `fp_str` writes it (at most six decimals, trailing zeros
    dropped, and a leading zero: "-0.5", ".25", "12"), by the same steps, without its
    character-by-character loop."""
    size = abs(value)
    if size <= 1e-7:
        return "0"
    places = 6 if size <= 1 else min(max(0, 6 - int(log(size) / _LOG_10)), 6)
    text = _FORMATS[places] % value
    if places:
        text = text.rstrip("0")
        if text[-1] == ".":
            text = text[:-1]
    return text[1:] if text[0] == "0" and len(text) > 1 else text


class _Numbers(dict):
    """Numbers as ReportLab writes them into a PDF, each formatted once."""

    def __missing__(self, value) -> str:
        text = self[value] = number(value)
        return text

    def join(self, *values) -> str:
        return " ".join([self[v] for v in values])


class _QuickColours:
    """Setting an RGB colour (the brief's only kind) writes its remembered operator."""

    def _rgb(self, colour: Color, operator: str) -> str:
        key = (colour.red, colour.green, colour.blue, operator)
        found = self._colours.get(key)
        if found is None:
            found = self._colours[key] = f"{self._numbers.join(*key[:3])} {operator}"
        return found

    def setFillColor(self, aColor, alpha=None):  # noqa: N802, N803 (ReportLab's names)
        if type(aColor) is not Color or self._enforceColorSpace:
            return super().setFillColor(aColor, alpha)
        self._fillColorObj = aColor
        self._code.append(self._rgb(aColor, "rg"))
        if alpha is not None:
            self.setFillAlpha(alpha)
        elif aColor.alpha is not None:
            self.setFillAlpha(aColor.alpha)

    def setStrokeColor(self, aColor, alpha=None):  # noqa: N802, N803
        if type(aColor) is not Color or self._enforceColorSpace:
            return super().setStrokeColor(aColor, alpha)
        self._strokeColorObj = aColor
        self._code.append(self._rgb(aColor, "RG"))
        if alpha is not None:
            self.setStrokeAlpha(alpha)
        elif aColor.alpha is not None:
            self.setStrokeAlpha(aColor.alpha)


_STATE = tuple(_canvas.Canvas.STATE_ATTRIBUTES)
_state_of = itemgetter(*_STATE)


class BriefCanvas(_QuickColours, _canvas.Canvas):
    """ReportLab's canvas (see the module's notes)."""

    def __init__(self, *args, **kw):
        self._numbers = _Numbers()
        self._colours: dict[tuple, str] = {}
        super().__init__(*args, **kw)

    def push_state_stack(self):
        # The graphics state a `saveState` keeps, as a tuple (ReportLab makes a dict).
        self.state_stack.append(_state_of(self.__dict__))
        self._extgstate = self._extgstate.pushCopy()

    def pop_state_stack(self):
        self.__dict__.update(zip(_STATE, self.state_stack.pop(), strict=False))

    def _escape(self, s):
        if isinstance(s, bytes):
            return s.decode("latin-1").translate(_PDF_ESCAPES)
        return super()._escape(s)

    def transform(self, a, b, c, d, e, f):
        code = self._code
        if (code and code[-1][-3:] == " cm") or not _canvas.ENABLE_TRACKING:
            return super().transform(a, b, c, d, e, f)  # ReportLab merges the two
        a0, b0, c0, d0, e0, f0 = self._currentMatrix
        self._currentMatrix = (
            a0 * a + c0 * b,
            b0 * a + d0 * b,
            a0 * c + c0 * d,
            b0 * c + d0 * d,
            a0 * e + c0 * f + e0,
            b0 * e + d0 * f + f0,
        )
        numbers = self._numbers
        if a == 1 and b == 0 and c == 0 and d == 1:  # a move (every flowable drawn)
            code.append(f"1 0 0 1 {numbers[e]} {numbers[f]} cm")
        else:
            code.append(f"{numbers.join(a, b, c, d, e, f)} cm")

    def beginText(self, x=0, y=0, direction=None):  # noqa: N802
        return BriefTextObject(self, x, y, direction=direction)

    def drawString(self, x, y, text, mode=None, charSpace=0, direction=None, wordSpace=None,  # noqa: N802, N803
                   shaping=False):  # fmt: skip
        # A table's text cells. ReportLab measures the text too (and does not use it).
        if mode is not None or charSpace or direction or wordSpace or shaping or rtlSupport:
            return super().drawString(x, y, text, mode, charSpace, direction, wordSpace, shaping)
        t = self.beginText(x, y)
        t.textLine(text)
        self.drawText(t)

    # The figures' lines and circles (a plane draws some hundreds).

    def line(self, x1, y1, x2, y2):
        self._code.append(f"n {self._numbers.join(x1, y1)} m {self._numbers.join(x2, y2)} l S")

    def setLineWidth(self, width):  # noqa: N802
        self._lineWidth = width
        self._code.append(f"{self._numbers[width]} w")

    def ellipse(self, x1, y1, x2, y2, stroke=1, fill=0):
        # ReportLab's path: its `ellipse(x, y, width, height)`, from four Bézier curves.
        width, height = x2 - x1, y2 - y1
        curves = pdfgeom.bezierArc(x1, y1, x1 + width, y1 + height, 0, 360)
        code, numbers = self._code, self._numbers
        code.append("n")  # (a path object starts with a new path)
        code.append(f"{numbers.join(*curves[0][:2])} m")
        for curve in curves:
            code.append(f"{numbers.join(*curve[2:])} c")
        self._strokeAndFill(stroke, fill)


class BriefTextObject(_QuickColours, PDFTextObject):
    """ReportLab's text object, as the canvas makes it (see the module's notes)."""

    def __init__(self, canvas: BriefCanvas, x=0, y=0, direction=None):
        self._numbers = canvas._numbers
        self._colours = canvas._colours
        super().__init__(canvas, x, y, direction)

    def setLeading(self, leading):  # noqa: N802
        self._leading = leading
        self._code.append(f"{self._numbers[leading]} TL")

    def setFillAlpha(self, a):  # noqa: N802
        # ReportLab's text objects check the value and then do nothing with it (the canvas
        # sets transparency); the check is kept.
        if not (isinstance(a, (float, int)) and 0 <= a <= 1):
            super().setFillAlpha(a)

    def setTextOrigin(self, x, y):  # noqa: N802
        if not self._canvas.bottomup:
            return super().setTextOrigin(x, y)
        self._code.append(f"1 0 0 1 {self._numbers.join(x, y)} Tm")
        self._x0 = self._x = x
        self._y0 = self._y = y

    def _formatText(self, text):  # noqa: N802
        font = getFont(self._fontname)
        if not font._dynamicFont or (font.shapable and isinstance(text, ShapedStr)):
            return super()._formatText(text)
        doc = self._canvas._doc
        escape = self._canvas._escape
        code = []
        size = None
        for subset, chars in font.splitString(text, doc):
            if subset != self._curSubset:
                if size is None:
                    size = f"{self._numbers[self._fontsize]} Tf {self._numbers[self._leading]} TL"
                code.append(f"{font.getSubsetInternalName(subset, doc)} {size}")
                self._curSubset = subset
            code.append(f"({escape(chars)}) Tj")
        return " ".join(code)
