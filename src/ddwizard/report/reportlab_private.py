"""The only place the brief reaches past ReportLab's public API, and why.

Page numbers: every footer says "Page n of N", drawn once the total is known (see `doc`),
so the canvas must not be saved when layout ends:

* `hold_save`: `BaseDocTemplate.build` saves the canvas at its end unless `_doSave` is 0;
  the paper saves once its footers are numbered and its outline written.

The text layer: every character a user types must survive into the PDF's text, so that
copying or searching the PDF finds it.

* `repair_tounicode`: ReportLab writes a ToUnicode entry above U+FFFF (an emoji, say) as
  bare hex, which readers reject; ours writes it as a UTF-16 surrogate pair, as the PDF
  specification asks, and is otherwise ReportLab's `ttfonts.makeToUnicodeCMap`.
* `keep_missing`: a character no font covers is drawn as the missing-glyph box but keeps
  its own code (ReportLab would fold it into code 0, and it would vanish from the text).

`tests/report/test_reportlab_private.py` checks each against the installed ReportLab: it
fails on a release that changes any of them (or fixes the ToUnicode bug: drop ours then).
"""

from __future__ import annotations

from reportlab.pdfbase import ttfonts
from reportlab.platypus import BaseDocTemplate


def hold_save(doc: BaseDocTemplate) -> None:
    """`doc.build` lays out and draws but does not save; call `doc.canv.save()` after."""
    doc._doSave = 0


def _utf16_hex(code: int) -> str:
    if code <= 0xFFFF:
        return f"{code:04X}"
    code -= 0x10000
    return f"{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}"


def tounicode_cmap(fontname: str, subset: list[int]) -> str:
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


REPORTLAB_TOUNICODE = ttfonts.makeToUnicodeCMap


def repair_tounicode() -> None:
    ttfonts.makeToUnicodeCMap = tounicode_cmap


def keep_missing(font: ttfonts.TTFont, code: int) -> None:
    """Give `code` the missing glyph (0) in `font`, and so a code of its own in the PDF."""
    font.face.charToGlyph.setdefault(code, 0)
