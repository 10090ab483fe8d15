"""The baseline of the brief's row, run as a command: `python bare_brief.py PAGES.json OUT.pdf`.

A bare ReportLab document: the brief's text (read back from the brief's PDF, page by page,
given as a JSON list), set as plain paragraphs in the brief's main font (Noto Sans,
embedded), one page for each page of the brief, built in one pass with SimpleDocTemplate.
It has none of the brief's tables, figures, bookmarks, links, headers, font fallback or
page references. Prints the number of pages.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

FONT = Path(__file__).resolve().parents[1] / "resources" / "fonts" / "NotoSans-Regular.ttf"


def story(pages: list[str]) -> list:
    """The text of each page as plain paragraphs (its lines, eight to a paragraph), a page
    break between pages."""
    pdfmetrics.registerFont(TTFont("BareNotoSans", str(FONT)))
    style = ParagraphStyle("bare", fontName="BareNotoSans", fontSize=9, leading=11, spaceAfter=4)
    flowables: list = []
    for i, text in enumerate(pages):
        if i:
            flowables.append(PageBreak())
        lines = [escape(line) for line in text.splitlines() if line.strip()]
        flowables += [Paragraph(" ".join(lines[k : k + 8]), style) for k in range(0, len(lines), 8)]
    return flowables


def main(pages_json: str, out: str) -> int:
    pages = json.loads(Path(pages_json).read_text(encoding="utf-8"))
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=24 * mm,
        rightMargin=24 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
    )
    doc.build(story(pages))
    print(doc.page)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
