"""The plane as a PNG picture, for the Word paper: a thin Pillow renderer of the core's
:class:`PlaneScene`, laid out like the PDF's figure (labels where the scene put them, for
the PDF's plot size), with no whole-school point."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

from ddwizard.core.plane import PlaneScene, PointKind
from ddwizard.report import text
from ddwizard.report.figures import LABEL_SIZE
from ddwizard.resources import resource

PLOT_PT = 330  # the PDF's plot size, in points, for which the labels were placed
PX = 4  # pixels per point: sharp when printed
MARGIN = 46  # points around the plot for the axis words
INK, GREY, BAND, ACCENT = (30, 35, 40), (122, 131, 139), (238, 241, 243), (31, 78, 107)


def render(scene: PlaneScene) -> bytes:
    import io

    size = (PLOT_PT + 2 * MARGIN) * PX
    img = Image.new("RGB", (size, size), "white")
    d = ImageDraw.Draw(img)
    scale = PLOT_PT / 2 * PX

    def at(x: float, y: float) -> tuple[float, float]:
        return ((MARGIN * PX) + (x + 1) * scale, (MARGIN * PX) + (1 - y) * scale)

    band = scene.borderline
    d.rectangle((*at(-band, 1), *at(band, -1)), fill=BAND)
    d.rectangle((*at(-1, band), *at(1, -band)), fill=BAND)
    d.rectangle((*at(-1, 1), *at(1, -1)), outline=GREY, width=PX)
    d.line((*at(0, 1), *at(0, -1)), fill=GREY, width=PX)
    d.line((*at(-1, 0), *at(1, 0)), fill=GREY, width=PX)
    big, small = _font(11 * PX, bold=True), _font(LABEL_SIZE * PX)
    for q in scene.quadrants:
        x, y = at(q.x * 0.93, q.y * 0.93)
        d.text((x, y), f"{q.letter}", font=big, fill=GREY, anchor=_anchor(q.x, q.y))
    words, title = _font(7.5 * PX), _font(8.5 * PX, bold=True)
    # As the PDF's figure: each axis's ends in words, its name in the middle.
    y = at(0, -1)[1] + 12 * PX
    d.text((at(-1, 0)[0], y), "other purposes", font=words, fill=GREY, anchor="la")
    d.text((at(0, 0)[0], y), "Purpose", font=title, fill=INK, anchor="ma")
    d.text((at(1, 0)[0], y), "the trust's purposes", font=words, fill=GREY, anchor="ra")
    side = Image.new("RGB", (PLOT_PT * PX, 14 * PX), "white")
    s = ImageDraw.Draw(side)
    s.text((0, 0), "other practice", font=words, fill=GREY, anchor="la")
    s.text((PLOT_PT * PX // 2, 0), "Practice", font=title, fill=INK, anchor="ma")
    s.text((PLOT_PT * PX, 0), "the trust's practice", font=words, fill=GREY, anchor="ra")
    img.paste(side.rotate(90, expand=True), (int(MARGIN * PX - 26 * PX), int(MARGIN * PX)))
    r = 3.4 * PX
    for p in scene.points:
        if p.kind != PointKind.CURRENT:
            continue
        x, y = at(p.x, p.y)
        fill = {"high": ACCENT, "medium": (143, 166, 181)}.get(p.confidence or "", "white")
        d.ellipse((x - r, y - r, x + r, y + r), fill=fill, outline=ACCENT, width=PX)
    for key, label in scene.labels.items():
        p = scene.point(key)
        if p is None:
            continue
        if label.leader:
            d.line((*at(p.x, p.y), *at(label.anchor_x, label.anchor_y)), fill=GREY, width=2)
        rect = label.rect
        x, y = at(rect.x, rect.y + rect.h)
        d.rectangle((x, y, *at(rect.x + rect.w, rect.y)), fill="white")  # as the PDF's
        d.text((x + 1.6 * PX, y), text.plain(p.title), font=small, fill=INK)
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def _anchor(x: float, y: float) -> str:
    return ("r" if x > 0 else "l") + ("a" if y > 0 else "d")


def _font(size: float, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf"
    return ImageFont.truetype(str(resource(f"fonts/{name}")), int(size))
