"""The brief's paragraphs: ReportLab's, made and wrapped with less repeated work.

* Plain text (no markup, no entity) is not run through ReportLab's markup parser: its one
  fragment is a copy of the fragment the parser makes for the style, holding the text (the
  parser would make just that). Most paragraphs of a brief are notes and table cells, typed
  text that `text.markup` left without a tag.
* A paragraph does not break its lines again for the width it was last wrapped to. A table
  wraps each cell to measure its rows, again when it splits across a page, and again as it
  draws. Wrapping sets `width`, `height`, `blPara` and `_wrapWidths` from the width and the
  paragraph alone, so a repeat for that width keeps what the first call set. (A split makes
  new paragraphs, and a paragraph that could not be split forgets its lines: it is then
  wrapped again.)

Both give the same PDF, byte for byte, as ReportLab's own Paragraph (the brief's tests
check it).
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as _Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaFrag, ParaParser

_FRAGMENTS: dict[int, tuple[ParagraphStyle, ParaFrag]] = {}


class Paragraph(_Paragraph):
    _wrapped_to: float | None = None

    def __init__(self, text, style=None, bulletText=None, frags=None, **kw):
        if frags is None and bulletText is None and not kw and _plain(text, style):
            text = cleanBlockQuotedText(text)
            if text:
                frags = [_fragment(style).clone(text=text)]
        super().__init__(text, style, bulletText, frags, **kw)

    def wrap(self, availWidth, availHeight):
        if availWidth == self._wrapped_to and hasattr(self, "blPara"):
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        if getattr(self, "width", None) == availWidth:  # not when there was no room at all
            self._wrapped_to = availWidth
        return size


def _plain(text, style) -> bool:
    return (
        isinstance(text, str)
        and "<" not in text
        and "&" not in text
        and style is not None
        and not style.textTransform
        and getattr(style, "bulletText", None) is None
    )


def _fragment(style: ParagraphStyle) -> ParaFrag:
    """The fragment ReportLab's parser makes for plain text in `style`."""
    found = _FRAGMENTS.get(id(style))
    if found is None or found[0] is not style:
        parser = ParaParser()
        parser.caseSensitive = 1
        _, frags, _ = parser.parse("x", style)
        found = _FRAGMENTS[id(style)] = (style, frags[0])
    return found[1]
