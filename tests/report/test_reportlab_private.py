"""What `report.reportlab_private` relies on still holds in the installed ReportLab.

Each test here fails on a ReportLab release that changes a private name the brief uses
(or fixes the bug it works around): update or drop that piece of `reportlab_private` then.
"""

from __future__ import annotations

import ast
import io
from pathlib import Path

from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import ttfonts
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from ddwizard.report import fonts, reportlab_private

SRC = Path(__file__).resolve().parents[2] / "src" / "ddwizard"
STYLE = ParagraphStyle("t", fontSize=10, leading=12)


def _doc(out: io.BytesIO) -> SimpleDocTemplate:
    return SimpleDocTemplate(out, invariant=1)


def test_a_held_save_writes_nothing_until_the_canvas_is_saved():
    out = io.BytesIO()
    doc = _doc(out)
    reportlab_private.hold_save(doc)
    doc.build([Paragraph("one", STYLE)])
    assert out.getvalue() == b""
    doc.canv.save()
    assert out.getvalue().startswith(b"%PDF")


def _marked_story() -> list:
    # A heading kept with the next paragraph, near the foot of the first page.
    heading = ParagraphStyle("h", parent=STYLE, keepWithNext=1)
    return [Spacer(1, 620), Paragraph("heading", heading), Paragraph("kept " * 90, STYLE)]


def test_reportlabs_tounicode_map_is_ours_below_u_ffff_and_still_wrong_above_it():
    subset = [0, 32, 65, 0x2212, 0xFFFD]
    assert reportlab_private.REPORTLAB_TOUNICODE("F", subset) == (
        reportlab_private.tounicode_cmap("F", subset)
    ), "ReportLab's ToUnicode map changed: bring tounicode_cmap in line with it"
    theirs = reportlab_private.REPORTLAB_TOUNICODE("F", [0x1F600])
    assert "<00> <1F600>" in theirs, (
        "ReportLab now writes characters above U+FFFF differently: if as surrogate pairs, "
        "drop repair_tounicode"
    )
    assert "<00> <D83DDE00>" in reportlab_private.tounicode_cmap("F", [0x1F600])


def test_the_repair_is_what_reportlab_calls_for_an_embedded_font():
    fonts.register()
    assert ttfonts.makeToUnicodeCMap is reportlab_private.tounicode_cmap


def test_a_character_no_font_has_keeps_its_own_code_in_the_text():
    fonts.register()
    code = 0x0F00  # Tibetan: in none of the brief's fonts
    assert fonts.register().font_for(code) is None
    fonts.keep_missing(code)
    out = io.BytesIO()
    style = ParagraphStyle("m", fontName=fonts.REGULAR, fontSize=10, leading=12)
    _doc(out).build([Paragraph(f"before {chr(code)} after", style)])
    text = PdfReader(io.BytesIO(out.getvalue())).pages[0].extract_text()
    assert chr(code) in text


def test_only_the_adapter_imports_private_reportlab_names():
    found = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("reportlab"):
                private = [a.name for a in node.names if a.name.startswith("_")]
                if private or any(part.startswith("_") for part in node.module.split(".")):
                    found.append((path.name, node.module, private))
    assert found == []
