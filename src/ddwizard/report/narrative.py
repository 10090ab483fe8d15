"""The brief's prose, from Jinja2 templates shipped in `report/templates/`.

Every value a template prints is escaped: plain strings (anything a user or a trust typed)
pass through :func:`ddwizard.report.text.markup`, so they show exactly as typed and are never
read as markup. Only the templates' own literal text may carry markup (`<b>`, `<a>`).

A template's output is a series of blocks separated by blank lines. A block may start with
a marker saying how to set it; the markers start with `<`, which escaped text never does:

    <h3/>       a small heading           <li/>     a bullet point
    <lead/>     a larger opening line     <small/>  a note in small type
    <insert/>x  the flowables passed in as inserts["x"]
    (none)      a body paragraph
"""

from __future__ import annotations

import functools
import re

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup
from reportlab.platypus import Flowable

from ddwizard.report import formats, text
from ddwizard.report.flow import Paragraph, subheading
from ddwizard.report.styles import Styles, styles

_BLOCKS = re.compile(r"\n[ \t]*\n")
_SPACES = re.compile(r"[ \t\n]+")
_MARKERS = ("h3", "li", "lead", "small", "insert")


def _finalize(value):
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return Markup(text.markup(value))


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


def flowables(
    name: str, st: Styles | None = None, inserts: dict | None = None, **context
) -> list[Flowable]:
    """A template's blocks as paragraphs in the brief's styles."""
    st = st or styles()
    style = {"body": st.body, "h3": st.h3, "lead": st.lead, "small": st.small, "li": st.bullet}
    out: list[Flowable] = []
    for marker, markup in blocks(name, **context):
        if marker == "insert":
            out.extend((inserts or {})[markup])
        elif marker == "h3":
            out += subheading(markup, st.h3)
        elif marker == "li":
            out.append(Paragraph(markup, st.bullet, bulletText="\u2022"))
        else:
            out.append(Paragraph(markup, style[marker]))
    return out
