"""The brief's paragraphs: ReportLab's, made, wrapped and drawn with less repeated work.

* Plain text (no markup, no entity) is not run through ReportLab's markup parser: its one
  fragment is a copy of the fragment the parser makes for the style, holding the text (the
  parser would make just that; of empty text it makes none). Most paragraphs of a brief
  are notes and table cells, typed text that `text.markup` left without a tag.
* Markup is read by ReportLab's parser, but only once for paragraphs alike: the brief's own
  well-formed markup (a few tags, double-quoted attributes, entities and character
  references, user text always escaped) is split into tags, references and text by one
  regular expression; the parser's own handlers get the calls the HTML tokenizer it is
  built on would make, in the same order, so make the same fragments. Paragraphs with the
  same tags and references (every question of an area, every step of a route) then take
  copies of those fragments, each holding its own text. Anything else goes to the parser.
* Lines are broken, and drawn, by `lines` (ReportLab's algorithms, with less work per
  word) for the paragraphs it covers; by ReportLab for any other.
* A paragraph does not break its lines again for the width it was last wrapped to. A table
  wraps each cell to measure its rows, again when it splits across a page, and again as it
  draws. Wrapping sets `width`, `height`, `blPara` and `_wrapWidths` from the width and the
  paragraph alone, so a repeat for that width keeps what the first call set. (A split makes
  new paragraphs, and a paragraph that could not be split forgets its lines: it is then
  wrapped again.)
* On a canvas laid out only to count pages (`doc.pages_filled`) a paragraph is not drawn.

All give the same PDF, byte for byte, as ReportLab's own Paragraph (the brief's tests
check it).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as _Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaFrag, ParaParser

from ddwizard.report import lines

_FRAGMENTS: dict[int, tuple[ParagraphStyle, ParaFrag]] = {}
# Text ReportLab's `cleanBlockQuotedText` leaves as it is: words (no white space, nor the
# zero-width space ReportLab strips too) separated by single spaces, on one line.
_CLEAN = re.compile(r"[^\s\u200b]+(?: [^\s\u200b]+)*")


class Paragraph(_Paragraph):
    _wrapped_to: float | None = None

    def __init__(self, text, style=None, bulletText=None, frags=None, **kw):
        if frags is None and not kw and _simple(text, style):
            cleaned = text if _CLEAN.fullmatch(text) else cleanBlockQuotedText(text)
            if "<" not in cleaned and "&" not in cleaned:
                # (ReportLab's parser makes no fragment at all of empty text)
                frags = [_copy(_fragment(style), cleaned)] if cleaned else []
            else:
                style, frags = _parse(cleaned, style)
            if frags is not None:
                text = cleaned
        super().__init__(text, style, bulletText, frags, **kw)

    def breakLines(self, width):  # noqa: N802 (ReportLab's name)
        found = None
        if lines.handles_one(self):
            found = lines.break_one(self, width)
        elif lines.handles(self):
            found = lines.break_lines(self, width)
        return found if found is not None else super().breakLines(width)

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802
        if getattr(canvas, "drawing", True):  # (not on a canvas laid out to count pages)
            super().drawOn(canvas, x, y, _sW)

    def drawPara(self, debug=0):  # noqa: N802
        if not debug and lines.draws(self):
            lines.draw_lines(self)
        else:
            super().drawPara(debug)

    def wrap(self, availWidth, availHeight):
        if availWidth == self._wrapped_to and hasattr(self, "blPara"):
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        if getattr(self, "width", None) == availWidth:  # not when there was no room at all
            self._wrapped_to = availWidth
        return size


def _simple(text, style) -> bool:
    return (
        isinstance(text, str)
        and style is not None
        and not style.textTransform
        and getattr(style, "bulletText", None) is None
    )


def _parse(text: str, style: ParagraphStyle):
    """(style, fragments) as ReportLab's parser makes them for `text`; (style, None) when
    it is not the brief's markup, or is in error (ReportLab's Paragraph then parses it).

    Paragraphs with the same tags in the same places (every question of the areas
    section, say) differ only in their text: the parser reads the first of them, and the
    others take copies of its fragments, each holding its own text. (Which paragraphs are
    alike is seen from their tags and references alone, the text between them set aside.)"""
    if _PARA_TAG.match(text):
        return style, None
    parts = _TAG_OR_REFERENCE.split(text)  # text, tag, text, tag, ..., text
    texts = parts[0::2]
    if any("<" in t or "&" in t for t in texts):
        return style, None  # a stray "<" or "&": not the brief's markup
    key = (id(style), tuple(parts[1::2]), tuple(map(bool, texts)))
    found = _skeletons.get(key)
    if found is None or found[0] is not style:
        found = _skeletons[key] = (style, *_read_skeleton(text, style))
    _, parsed, frags, slots = found
    if frags is None:
        return style, None
    texts = [t for t in texts if t]
    return parsed, [
        _copy(frag) if slot is None else _copy(frag, texts[slot])
        for frag, slot in zip(frags, slots, strict=True)
    ]


def _read_skeleton(text: str, style: ParagraphStyle):
    """What `_read` makes of `text`; (style, None, None) if it is not the brief's markup or
    is in error. (Either depends on the tags and references alone.)"""
    tokens = _tokenize(f"<para>{text}</para>")
    if tokens is None:
        return style, None, None
    try:
        return _read(tokens, style)
    except Exception:  # noqa: BLE001 (ReportLab's Paragraph reports it, in its words)
        return style, None, None


def _copy(frag: ParaFrag, text: str | None = None) -> ParaFrag:
    """`frag.clone()` (or `frag.clone(text=text)`): a fragment with the same attributes."""
    copy = object.__new__(type(frag))
    copy.__dict__.update(frag.__dict__)
    if text is not None:
        copy.text = text
    return copy


def _read(tokens: list[tuple], style: ParagraphStyle):
    """Run ReportLab's parser over `tokens`: (style, fragments, and for each fragment the
    index of the text it holds, None for the fragments of references and line breaks)."""
    parser = ParaParser()
    parser.caseSensitive = 1  # as ReportLab's Paragraph sets it
    parser._setup_for_parse(style)
    slots: list[int | None] = []
    n = 0
    for kind, *args in tokens:
        before = len(parser.fragList)
        if kind == "text":
            parser.handle_data(args[0])
        elif kind in ("start", "startend"):
            getattr(parser, _HANDLERS[kind])(args[0], list(args[1]))
        else:
            getattr(parser, _HANDLERS[kind])(*args)
        slots += [None] * (len(parser.fragList) - before)
        if kind == "text":
            if len(parser.fragList) > before:  # (the fragment of this text)
                slots[-1] = n
            n += 1
    parsed, frags, bullet_frags = parser._complete_parse()
    if frags is None or bullet_frags:
        return parsed, None, None
    textTransformFrags(frags, parsed)
    return parsed, frags, slots


@contextlib.contextmanager
def reading() -> Iterator[None]:
    """While a brief is made: what `_parse` learns is kept for its paragraphs (and dropped
    after, so every brief is read afresh)."""
    try:
        yield
    finally:
        _skeletons.clear()


_skeletons: dict[tuple, tuple] = {}
_TAG_OR_REFERENCE = re.compile(r"(<[^<>]*>|&[^&;<>]*;)")
_PARA_TAG = re.compile(r"^\s*<\s*para(?:\s+|>|/>)")  # ReportLab's test for a <para> of its own

# The brief's markup: text, character references, entities, and the tags below with
# double-quoted attributes. (The HTML tokenizer reports text up to each "<" or "&".)
_TOKEN = re.compile(
    r"([^<&]+)"  # 1: text
    r"|&#([0-9]+|x[0-9a-fA-F]+);"  # 2: a character reference, e.g. &#160;
    r"|&([a-zA-Z][a-zA-Z0-9]*);"  # 3: an entity, e.g. &amp;
    r'|<([a-z]+)((?: [a-z]+="[^"<>&]*")*)(/?)>'  # 4: a tag, 5: its attributes, 6: "/"
    r"|</([a-z]+)>"  # 7: an end tag
)
_ATTRIBUTE = re.compile(r' ([a-z]+)="([^"]*)"')
_TAGS = frozenset({"para", "b", "i", "font", "br"})
_HANDLERS = {  # the HTML tokenizer's calls to the parser
    "charref": "handle_charref",
    "entity": "handle_entityref",
    "start": "handle_starttag",
    "startend": "handle_startendtag",
    "end": "handle_endtag",
}


def _tokenize(data: str) -> list[tuple] | None:
    """What the HTML tokenizer reports for `data`, as (kind, *arguments), each hashable;
    None if `data` is not the brief's markup."""
    tokens: list[tuple] = []
    at = 0
    for m in _TOKEN.finditer(data):
        if m.start() != at:
            return None
        at = m.end()
        text, charref, entity, tag, attributes, closed, end = m.groups()
        if text is not None:
            tokens.append(("text", text))
        elif charref is not None:
            tokens.append(("charref", charref))
        elif entity is not None:
            tokens.append(("entity", entity))
        elif tag is not None:
            if tag not in _TAGS:
                return None
            found = tuple(_ATTRIBUTE.findall(attributes))
            tokens.append(("startend" if closed else "start", tag, found))
        else:
            if end not in _TAGS:
                return None
            tokens.append(("end", end))
    return tokens if at == len(data) else None


def _fragment(style: ParagraphStyle) -> ParaFrag:
    """The fragment ReportLab's parser makes for plain text in `style`."""
    found = _FRAGMENTS.get(id(style))
    if found is None or found[0] is not style:
        parser = ParaParser()
        parser.caseSensitive = 1
        _, frags, _ = parser.parse("x", style)
        found = _FRAGMENTS[id(style)] = (style, frags[0])
    return found[1]
