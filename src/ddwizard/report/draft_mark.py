"""The DRAFT mark as pictures, not text: its letters are never part of the text a screen
reader, a search or a copy-paste meets (the cover says "draft" once, in words). Drawn once
per process with Pillow (ReportLab's own dependency) in the brief's bold font."""

from __future__ import annotations

import functools
import io

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.utils import ImageReader

from ddwizard.resources import resource

WORD = "DRAFT"
FONT = "fonts/NotoSans-Bold.ttf"
WATERMARK_RGB = (0xF0, 0xF2, 0xF4)
ACCENT_RGB = (0x1F, 0x4E, 0x6B)


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(resource(FONT)), size)


@functools.cache
def watermark_png() -> bytes:
    """The large diagonal mark, light grey on transparent."""
    font = _font(360)
    left, top, right, bottom = font.getbbox(WORD)
    img = Image.new("LA", (right - left + 40, bottom - top + 40), (255, 0))
    ImageDraw.Draw(img).text((20 - left, 20 - top), WORD, font=font, fill=(255, 255))
    img = img.rotate(52, expand=True, resample=Image.BICUBIC)
    alpha = img.getchannel("A")
    rgba = Image.new("RGBA", img.size, (*WATERMARK_RGB, 0))
    rgba.putalpha(alpha)
    return _png(rgba)


@functools.cache
def tag_png() -> bytes:
    """The small tag in the header: white letters on the accent colour."""
    font = _font(64)
    left, top, right, bottom = font.getbbox(WORD)
    w, h = right - left + 56, bottom - top + 36
    img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.rounded_rectangle((0, 0, w - 1, h - 1), radius=12, fill=(*ACCENT_RGB, 255))
    draw.text((28 - left, 18 - top), WORD, font=font, fill=(255, 255, 255, 255))
    return _png(img)


def watermark() -> ImageReader:
    return ImageReader(io.BytesIO(watermark_png()))


def tag() -> ImageReader:
    return ImageReader(io.BytesIO(tag_png()))


def _png(img: Image.Image) -> bytes:
    out = io.BytesIO()
    img.save(out, "PNG", optimize=False)
    return out.getvalue()
