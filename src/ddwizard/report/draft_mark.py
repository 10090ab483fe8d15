"""The DRAFT mark as pictures, not text: its letters are never part of the text a screen
reader, a search or a copy-paste meets (the cover says "draft" once, in words). Drawn once
per process with Pillow (ReportLab's own dependency) in the brief's bold font."""

from __future__ import annotations

import functools

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.utils import ImageReader

from ddwizard.resources import resource

WORD = "DRAFT"
FONT = "fonts/NotoSans-Bold.ttf"
WATERMARK_GREY = 0xF0
ACCENT_RGB = (0x1F, 0x4E, 0x6B)


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(resource(FONT)), size)


# Both pictures are opaque (no transparency to work out) and small: the mark is drawn first
# on each page, on white, before anything else; a faint mark needs few pixels.


@functools.cache
def watermark_image() -> Image.Image:
    """The large diagonal mark: light grey letters on white, greyscale."""
    font = _font(160)
    left, top, right, bottom = font.getbbox(WORD)
    img = Image.new("L", (right - left + 20, bottom - top + 20), 255)
    ImageDraw.Draw(img).text((10 - left, 10 - top), WORD, font=font, fill=WATERMARK_GREY)
    return img.rotate(52, expand=True, resample=Image.BICUBIC, fillcolor=255)


@functools.cache
def tag_image() -> Image.Image:
    """The small tag in the header: white letters on the accent colour."""
    font = _font(48)
    left, top, right, bottom = font.getbbox(WORD)
    w, h = right - left + 40, bottom - top + 26
    img = Image.new("RGB", (w, h), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    draw.rounded_rectangle((0, 0, w - 1, h - 1), radius=9, fill=ACCENT_RGB)
    draw.text((20 - left, 13 - top), WORD, font=font, fill=(255, 255, 255))
    return img


def watermark() -> ImageReader:
    return ImageReader(watermark_image())


def tag() -> ImageReader:
    return ImageReader(tag_image())
