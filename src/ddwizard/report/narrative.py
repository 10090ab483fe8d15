"""The paper's prose, from Jinja2 templates shipped in `report/templates/`.

Every value a template prints is escaped, so text a user or a trust typed is never read as
markup. Only the templates' own literal text may carry markup (`<b>`, `<i>`).

A template's output is a series of blocks separated by blank lines. A block may start with
a marker saying how to set it; the markers start with `<`, which escaped text never does:

    <h3/>       a small heading           <li/>     a bullet point
    <lead/>     a larger opening line     <small/>  a note in small type
    <insert/>x  the blocks passed in as inserts["x"]
    (none)      a body paragraph
"""

from __future__ import annotations

import functools
import html
import re
from xml.sax.saxutils import escape

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ddwizard.report import formats
from ddwizard.report.blocks import Block, Bullets, Heading, Inline, Para, Run

_BLOCKS = re.compile(r"\n[ \t]*\n")
_SPACES = re.compile(r"[ \t\n]+")
_MARKERS = ("h3", "li", "lead", "small", "insert")
_TAGS = re.compile(r"(</?[bi]>)")


def _finalize(value):
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return Markup(escape(value))


@functools.cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("ddwizard.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # shipped with the package: no need to look at the files again
    )
    env.filters.update(
        num=formats.num,
        date=formats.date,
        names=formats.names,
        areas=formats.areas,
        count=formats.count,
        spread=formats.spread,
    )
    return env


def render(name: str, **context) -> str:
    return environment().get_template(name).render(**context)


def blocks(name: str, **context) -> list[tuple[str, str]]:
    """(marker, markup) for each block the template writes."""
    out = []
    for block in _BLOCKS.split(render(name, **context)):
        block = _SPACES.sub(" ", block).strip()  # not str.split(): it eats no-break spaces
        if not block:
            continue
        marker = "body"
        for m in _MARKERS:
            if block.startswith(f"<{m}/>"):
                marker, block = m, block[len(m) + 3 :].strip()
                break
        out.append((marker, block))
    return out


def paper_blocks(name: str, inserts: dict | None = None, **context) -> list[Block]:
    """A template's blocks in the document model."""
    out: list[Block] = []
    bullets: list[Inline] = []
    for marker, markup in blocks(name, **context):
        if marker != "li" and bullets:
            out.append(Bullets(tuple(bullets)))
            bullets = []
        if marker == "insert":
            out.extend((inserts or {})[markup])
        elif marker == "h3":
            out.append(Heading(html.unescape(_TAGS.sub("", markup)), 3))
        elif marker == "li":
            bullets.append(runs(markup))
        else:
            out.append(Para(runs(markup), marker))
    if bullets:
        out.append(Bullets(tuple(bullets)))
    return out


def runs(markup: str) -> Inline:
    """`<b>` and `<i>` markup as runs of plain text."""
    out: list[Run] = []
    b = i = False
    for piece in _TAGS.split(markup):
        if piece in ("<b>", "</b>"):
            b = piece == "<b>"
        elif piece in ("<i>", "</i>"):
            i = piece == "<i>"
        elif piece:
            out.append(Run(html.unescape(piece), b, i))
    return tuple(out)
