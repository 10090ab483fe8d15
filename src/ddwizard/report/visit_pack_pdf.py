"""The visit pack as PDF, through ReportLab's public API: A4, type that reads well on paper,
tick boxes and ruled lines to write on, "Page n of N", and every heading a bookmark.

Each footer's "of N" is a PDF form drawn once the page count is known, so the pack is laid
out once.
"""

from __future__ import annotations

import io

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ddwizard.report import fonts, formats, text
from ddwizard.report.styles import (
    ACCENT,
    GREY_DARK,
    GREY_FAINT,
    GREY_RULE,
    PAGE,
    panel_style,
)
from ddwizard.report.visit_pack_model import (
    EXPLANATION,
    REQUESTS_INTRO,
    TRUST_WAYS_TITLE,
    Part,
    VisitPack,
    VisitQuestion,
    part_summary,
    subtitle,
    trust_ways_intro,
)
from ddwizard.report.visit_pack_parts import Box, Lines, styles

MARGIN = 20 * mm  # left and right
TOP = 15 * mm
BOTTOM = 19 * mm  # the footer sits in it
WIDTH = PAGE[0] - 2 * MARGIN
BOX_COLUMN = 7 * mm
TOTAL_FORM = "visit_pack_pages"
HINT = "#4A5259"  # GREY_DARK, as paragraph markup wants it


def render_pdf(pack: VisitPack) -> bytes:
    out = io.BytesIO()
    doc = _Doc(out, pack)
    doc.build(_story(pack, styles()), canvasmaker=_Canvas)
    return out.getvalue()


class _Canvas(Canvas):
    """A canvas that counts its pages, and draws the count as the footers' "of N" form
    before it saves."""

    pages = 0

    def showPage(self):  # noqa: N802 (ReportLab's name)
        self.pages += 1
        super().showPage()

    def save(self):
        self.beginForm(TOTAL_FORM)
        self.setFont(fonts.REGULAR, 8.5)
        self.setFillColor(GREY_DARK)
        self.drawString(0, 0, str(self.pages))
        self.endForm()
        super().save()


class _Doc(BaseDocTemplate):
    def __init__(self, out, pack: VisitPack):
        school = text.plain(pack.school)
        super().__init__(
            out,
            pagesize=PAGE,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=TOP,
            bottomMargin=BOTTOM,
            title=text.plain(pack.title),
            author=text.plain(pack.assessor) or "ddwizard",
            subject=f"Documents to request and questions for a visit to {school}",
            creator="ddwizard",
            lang="en-GB",
            invariant=1,
        )
        self.pack, self._marks, self._part = pack, 0, ""
        frame = Frame(MARGIN, self.bottomMargin, WIDTH, PAGE[1] - TOP - BOTTOM)
        self.addPageTemplates(
            [
                PageTemplate("title", [frame], onPage=self._footer),
                PageTemplate("body", [frame], onPage=self._footer, onPageEnd=self._header),
            ]
        )

    def _footer(self, canv, doc) -> None:
        canv.saveState()
        canv.setFont(fonts.REGULAR, 8.5)
        canv.setFillColor(GREY_DARK)
        y = BOTTOM - 9 * mm
        x = MARGIN
        for font, piece in text.runs(self.pack.title[:90]):  # a fallback font where needed
            canv.setFont(font, 8.5)
            canv.drawString(x, y, piece)
            x += canv.stringWidth(piece, font, 8.5)
        # "Page n of N": N is a form drawn once the last page is known (see `_Canvas`).
        canv.setFont(fonts.REGULAR, 8.5)
        right = PAGE[0] - MARGIN - canv.stringWidth("0000", fonts.REGULAR, 8.5)
        canv.drawRightString(right, y, f"Page {doc.page} of ")
        canv.translate(right, y)
        canv.doForm(TOTAL_FORM)
        canv.restoreState()

    def _header(self, canv, doc) -> None:
        """The part a page belongs to, top right, for a reader leafing through on paper
        (drawn as the page ends, when its part's heading has been laid out)."""
        canv.saveState()
        canv.setFont(fonts.BOLD, 8.5)
        canv.setFillColor(ACCENT)
        canv.drawRightString(PAGE[0] - MARGIN, PAGE[1] - TOP + 4 * mm, self._part)
        canv.restoreState()

    def afterFlowable(self, flowable):  # noqa: N802 (ReportLab's name)
        outline = getattr(flowable, "outline", None)
        if outline:
            title, level = outline
            if level == 0:
                self._part = title
            self._marks += 1
            key = f"h{self._marks}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=level, closed=level > 0)
            self.canv.showOutline()


def _heading(markup: str, style: ParagraphStyle, outline: str, level: int) -> Paragraph:
    p = Paragraph(markup, style)
    p.outline = (text.plain(outline), level)
    return p


def _story(pack: VisitPack, st: dict) -> list:
    story = [NextPageTemplate("title"), *_title_page(pack, st), NextPageTemplate("body")]
    story += [PageBreak(), *_requests(pack, st)]
    for part in pack.parts:
        story += [PageBreak(), *_part(part, st)]
    if pack.trust_ways:
        story += [PageBreak(), *_trust_ways(pack, st)]
    return story


def _title_page(pack: VisitPack, st: dict) -> list:
    m = text.markup
    facts = [
        ("School", pack.school),
        ("Trust", pack.trust),
        ("Phase", pack.phase),
        ("Visit date", pack.visit_date),
        ("Assessor", pack.assessor),
        ("Assessment", pack.label),
        ("Areas", f"{len(pack.areas)}"),
    ]
    rows = [[label, Paragraph(m(value) or "&nbsp;", st["cell"])] for label, value in facts]
    panel = Table(rows, colWidths=[32 * mm, WIDTH - 32 * mm])
    panel.setStyle(panel_style())
    contents = [
        f"Documents to request: {formats.count(pack.request_count, 'document')}, "
        "to send to the school ahead of the visit"
    ] + [part_summary(p) for p in pack.parts]
    if pack.trust_ways:
        contents.append(f"{TRUST_WAYS_TITLE}, to look up on the day")
    return [
        _heading("VISIT PACK", st["kicker"], f"Visit pack: {pack.school}", 0),
        Paragraph(m(pack.school) or "The school", st["school"]),
        Paragraph(subtitle(pack, m), st["sub"]),
        panel,
        Spacer(1, 14),
        Paragraph("The two questions", st["h2"]),
        Paragraph(EXPLANATION, st["body"]),
        Paragraph("In this pack", st["h2"]),
        *[Paragraph(m(c), st["body"], bulletText="•") for c in contents],
    ]


def _requests(pack: VisitPack, st: dict) -> list:
    """One table: a row naming each area, then its documents; the header row repeats."""
    m = text.markup
    out = [
        _heading("Documents to request", st["h1"], "Documents to request", 0),
        Paragraph(
            f"For {m(pack.school) or 'the school'}, ahead of the visit"
            + (f" on {m(pack.visit_date)}" if pack.visit_date else "")
            + ".",
            st["intro"],
        ),
        Paragraph(REQUESTS_INTRO, st["body"]),
    ]
    if not pack.requests:
        return [*out, Paragraph("None of the questions asks for a document.", st["body"])]
    head = ["Sent", "Document", "Also informs"]
    rows = [[Paragraph(h, st["head"]) for h in head]]
    extra = []
    for group in pack.requests:
        extra += [
            ("SPAN", (0, len(rows)), (-1, len(rows))),
            ("TOPPADDING", (0, len(rows)), (-1, len(rows)), 10),
        ]
        rows.append([Paragraph(m(group.area), st["group"]), "", ""])
        rows += [
            [Box(), Paragraph(m(r.text), st["cell"]), Paragraph(m(", ".join(r.also)), st["also"])]
            for r in group.requests
        ]
    table = Table(rows, colWidths=[12 * mm, WIDTH * 0.56, None], repeatRows=1)
    table.setStyle(_table_style(extra))
    return [*out, table]


def _table_style(extra: list | None = None) -> TableStyle:
    return TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, GREY_RULE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.9, GREY_DARK),
            *(extra or []),
        ]
    )


def _part(part: Part, st: dict) -> list:
    out = [
        _heading(text.markup(part.title), st["h1"], part.title, 0),
        Paragraph(part.intro, st["intro"]),
    ]
    for i, qset in enumerate(part.sets):
        lead = [
            _heading(qset.title, st["h2"], qset.title, 1),
            Paragraph(qset.intro, st["intro"]),
        ]
        for j, block in enumerate(qset.areas):
            heading = _heading(text.markup(block.area), st["h3"], block.area, 2)
            first, *rest = (_question(q, st) for q in block.questions)
            # A heading never ends a page: it goes with the first question under it.
            top = [*lead, heading] if j == 0 else [heading]
            out += [KeepTogether([*top, *first]), *(KeepTogether(q) for q in rest)]
        if i + 1 < len(part.sets):
            out.append(Spacer(1, 8))
    return out


def _question(q: VisitQuestion, st: dict) -> list:
    m = text.markup
    meta = f"Q{q.number} · {q.axis}" + (f" · Look at: {m(q.sources)}" if q.sources else "")
    parts = [Paragraph(meta, st["meta"]), Paragraph(m(q.text), st["question"])]
    if q.help:
        parts.append(Paragraph(m(q.help), st["help"]))
    parts.append(_options(q, st))
    if q.recorded or q.note:
        said = [f"Recorded so far: {m(q.recorded)}." if q.recorded else "", m(q.note)]
        recorded = Table([[Paragraph(" ".join(s for s in said if s), st["recorded"])]])
        recorded.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), GREY_FAINT)]))
        parts += [Spacer(1, 3), recorded]
    parts += [Spacer(1, 4), Paragraph("Notes", st["meta"]), Lines(), Spacer(1, 10)]
    return parts


def _options(q: VisitQuestion, st: dict) -> Table:
    """The answers that count, one a row from most like the trust to most unlike it; then
    those that do not count, side by side on one row."""
    scored = [b for b in q.boxes if b.counted]
    others = [b for b in q.boxes if not b.counted]
    cols = max(len(others), 1)
    rows = [[Box(), Paragraph(_option(b.label, b.hint), st["option"])] for b in scored]
    rows = [row + [""] * (2 * cols - 2) for row in rows]
    commands = [("SPAN", (1, i), (-1, i)) for i in range(len(rows))]
    if others:
        row: list = []
        for b in others:
            row += [Box(), Paragraph(_option(b.label, b.hint, "<br/>"), st["option"])]
        rows.append(row)
        commands.append(("TOPPADDING", (0, len(rows) - 1), (-1, len(rows) - 1), 5))
    # Room by how much each says: "Don't know yet" needs little, a hint more.
    said = [max(len(b.label) + 8, len(b.hint) / 2, 24) for b in others] or [1]
    room = WIDTH - cols * BOX_COLUMN
    widths = [w for n in said for w in (BOX_COLUMN, room * n / sum(said))]
    table = Table(rows, colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                *commands,
            ]
        )
    )
    return table


def _option(label: str, hint: str, between: str = " – ") -> str:
    if not hint:
        return text.markup(label)
    hint = f"{between}{text.markup(hint)}"
    return f'{text.markup(label)}<font size="8" color="{HINT}">{hint}</font>'


def _trust_ways(pack: VisitPack, st: dict) -> list:
    m = text.markup
    head = ["Area", "What its schools do (practice)", "Why (purpose)"]
    rows = [[Paragraph(h, st["head"]) for h in head]]
    rows += [
        [
            Paragraph(m(w.area), st["cell_bold"]),
            Paragraph(m(w.practice), st["cell"]),
            Paragraph(m(w.purpose), st["cell"]),
        ]
        for w in pack.trust_ways
    ]
    table = Table(rows, colWidths=[WIDTH * 0.22, WIDTH * 0.42, None], repeatRows=1)
    table.setStyle(_table_style())
    return [
        _heading(TRUST_WAYS_TITLE, st["h1"], TRUST_WAYS_TITLE, 0),
        Paragraph(trust_ways_intro(pack, m), st["intro"]),
        table,
    ]
