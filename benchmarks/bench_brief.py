"""The PDF integration brief against a bare ReportLab document of the same text.

The issue's budget: the fully answered demo renders in at most 2x the time of a bare
ReportLab document with the same number of pages and the same embedded font. The baseline
here is that document: the brief's own text (read back from the brief's PDF, page by page),
set as plain paragraphs in the brief's main font (Noto Sans, embedded), one page of the
bare document for each page of the brief, built in one pass with SimpleDocTemplate. It has
none of the brief's tables, figures, bookmarks, links, headers, font fallback or page
references. The shipped default questionnaire, every question answered with a note, is
measured the same way.
"""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from harness import Figure, interleaved
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

from ddwizard import services
from ddwizard.report import render_brief
from ddwizard.resources import resource
from ddwizard.storage import Database

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.report.builders import filled_assessment  # noqa: E402

BARE_FONT = "BareNotoSans"


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def bare_story(pages: list[str]) -> list:
    """The text of each page as plain paragraphs (its lines, eight to a paragraph), a page
    break between pages."""
    if BARE_FONT not in pdfmetrics.getRegisteredFontNames():
        path = resource("fonts/NotoSans-Regular.ttf")
        pdfmetrics.registerFont(TTFont(BARE_FONT, str(path)))
    style = ParagraphStyle("bare", fontName=BARE_FONT, fontSize=9, leading=11, spaceAfter=4)
    story: list = []
    for i, text in enumerate(pages):
        if i:
            story.append(PageBreak())
        lines = [escape(line) for line in text.splitlines() if line.strip()]
        story += [Paragraph(" ".join(lines[k : k + 8]), style) for k in range(0, len(lines), 8)]
    return story


def bare_document(pages: list[str]) -> tuple[bytes, int]:
    """The baseline, built from scratch (its paragraphs made too): PDF bytes and pages."""
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=24 * mm, rightMargin=24 * mm,
                            topMargin=20 * mm, bottomMargin=20 * mm)  # fmt: skip
    doc.build(bare_story(pages))
    return out.getvalue(), doc.page


def demo():
    with tempfile.TemporaryDirectory() as d, Database(Path(d) / "demo.db") as db:
        found = services.create_demo(db)
        return db.load_assessment(found), db.questionnaire_for(found)


def shipped():
    q = services.shipped_default()
    return filled_assessment(q), q


def run_all() -> list[Figure]:
    figures = []
    for name, (a, q) in (
        ("brief: the fully answered demo", demo()),
        ("brief: shipped default, every question answered", shipped()),
    ):
        pdf = render_brief(a, q)
        pages = page_texts(pdf)
        _, bare_pages = bare_document(pages)
        if bare_pages != len(pages):
            raise RuntimeError(f"the bare document has {bare_pages} pages, not {len(pages)}")
        brief, bare = interleaved(
            lambda a=a, q=q: render_brief(a, q), lambda p=pages: bare_document(p), rounds=7
        )
        figures.append(Figure(f"{name} ({len(pages)} pages)", brief, bare, 2.0))
    return figures


if __name__ == "__main__":
    from harness import table

    print(table(run_all()))
