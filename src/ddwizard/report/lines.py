"""Breaking paragraphs into lines, and drawing them: ReportLab's algorithms, with less
work per word.

A brief has some fifteen hundred paragraphs: notes and table cells in one style, and
questions with their answers, steps of a route, sentences with a word in bold, in several.
ReportLab breaks a paragraph of several styles word by word, and for every word compares
its style with the line's attribute by attribute, looks up line heights and the width of
a space by font name, and copies fragments; most words, though, continue the run of text
before them, in the same fragment, and here such a word costs a few additions and
comparisons (:func:`break_lines`). A paragraph of one style has its words measured in one
go (:func:`break_one`). Drawing (:func:`draw_lines`) writes the operators ReportLab's
`drawPara` writes, without its bookkeeping for links, underlines and backgrounds.

This covers the paragraphs the brief makes (see :func:`handles`, :func:`handles_one`,
:func:`draws`): fragments of text and line breaks, left aligned in fixed leading, with no
hyphenation, soft hyphens, images, anchors, links, underlines, bullets, right-to-left
text or shaping, and no word wider than a line. ReportLab breaks and draws any other
paragraph itself.

The result is ReportLab's to the last bit: the same words, the same lines, fragments and
widths, every sum made in the same order, the same operators (the brief's tests compare
the two on the brief and on made-up paragraphs).
"""

from __future__ import annotations

from string import whitespace

from reportlab.lib.enums import TA_LEFT
from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont
from reportlab.platypus.paragraph import (
    _FK_BREAK,
    _FK_TEXT,
    FragLine,
    ParaLines,
    _HSFrag,
    lstrip,
    paraFontSizeHeightOffset,
    split,
    strip,
)
from reportlab.platypus.paraparser import ParaFrag

from ddwizard.report.fonts import BriefFont

# ReportLab's `sameFrag` compares these; a fragment with a line break never matches.
_LOOKS = ("fontName", "fontSize", "textColor", "rise", "us_lines", "link", "backColor", "nobr")
# Style settings that take ReportLab down other paths.
_OTHER_PATHS = (
    "wordWrap",
    "endDots",
    "hyphenationLang",
    "uriWasteReduce",
    "embeddedHyphenation",
    "shaping",
    "justifyBreaks",
)


_STYLES: dict[int, tuple] = {}  # id(style) -> (style, breaks, breaks in several, draws)


def _style(style) -> tuple:
    """What a paragraph style allows here: (style, this module breaks paragraphs of one
    fragment, of several, draws them). Worked out once per style (the brief's styles are
    made once and not changed)."""
    found = _STYLES.get(id(style))
    if found is None or found[0] is not style:
        one = not any(getattr(style, name, None) for name in _OTHER_PATHS)
        several = one and getattr(style, "autoLeading", "") in ("", "off")
        draws = (
            several
            and style.alignment == TA_LEFT
            and not style.backColor
            and not (getattr(style, "borderColor", None) and getattr(style, "borderWidth", None))
        )
        found = _STYLES[id(style)] = (style, one, several, draws)
    return found


def handles(paragraph) -> bool:
    """Whether :func:`break_lines` breaks `paragraph` (before its first breaking)."""
    frags = paragraph.frags
    if len(frags) < 2 or paragraph.bulletText or not _style(paragraph.style)[2]:
        return False
    if getattr(paragraph, "autoLeading", "") not in ("", "off"):
        return False
    for f in frags:
        if type(f) is not ParaFrag or "cbDefn" in f.__dict__:
            return False
        text = getattr(f, "text", None)
        if not isinstance(text, str) or "\xad" in text:  # no text, or a soft hyphen
            return False
    return True


class _Measures:
    """Widths, spaces and line heights, looked up once per font and size."""

    def __init__(self):
        self.spaces: dict[tuple, float] = {}
        self.heights: dict[tuple, tuple] = {}
        self.fonts: dict[str, object] = {}

    def font(self, font_name: str):
        found = self.fonts.get(font_name)
        if found is None:
            found = self.fonts[font_name] = getFont(font_name)
        return found

    def width(self, text: str, font_name: str, font_size: float) -> float:
        return self.font(font_name).stringWidth(text, font_size)

    def space(self, font_name: str, font_size: float) -> float:
        key = (font_name, font_size)
        found = self.spaces.get(key)
        if found is None:
            found = self.spaces[key] = self.width(" ", font_name, font_size)
        return found

    def height(self, font_name: str, font_size: float) -> tuple:
        key = (font_name, font_size)
        found = self.heights.get(key)
        if found is None:
            found = self.heights[key] = getAscentDescent(font_name, font_size)
        return found


def frag_words(frags: list, m: _Measures) -> list:
    """ReportLab's `_getFragWords` for the fragments :func:`handles` accepts: each word
    as [width, (fragment, text), ...], a `_HSFrag` when a space follows it."""
    words: list = []
    add = words.append
    pending: list = []  # pieces of a word that continues into the next fragment
    n = 0  # its width so far
    strip_start = True
    for f in frags:
        text = f.text
        if text != "":
            f._fkind = _FK_TEXT
            if strip_start:
                text = lstrip(text)
                if not text:
                    continue
                strip_start = False
            pieces = _split(text)
            if text[0] in whitespace or not pieces:
                if pending:
                    pending.insert(0, n)
                    add(pending)
                    pending = []
                    n = 0
                    follows_space = False
                else:
                    follows_space = bool(words) and isinstance(words[-1], _HSFrag)
                if not follows_space:
                    pieces.insert(0, "")
                elif not pieces:
                    continue
            font, size = m.font(f.fontName), f.fontSize
            measure = font.stringWidth
            *within, last = pieces  # words followed by a space, and the last
            if within and pending:  # the first ends the word begun in earlier fragments
                w = within.pop(0)
                pending.append((f, w))
                n += measure(w, size)
                pending.insert(0, n)
                add(_HSFrag(pending))
                pending, n = [], 0
            if within:
                if isinstance(font, BriefFont):
                    widths = font.widths(within, size)
                else:
                    widths = [measure(w, size) for w in within]
                words += [_HSFrag([width, (f, w)]) for width, w in zip(widths, within, strict=True)]
            pending.append((f, last))
            n += measure(last, size)
            if text[-1] in whitespace:
                pending.insert(0, n)
                add(_HSFrag(pending))
                pending, n = [], 0
        elif hasattr(f, "lineBreak"):
            if pending:
                pending.insert(0, n)
                add(pending)
                pending = []
                n = 0
            f._fkind = _FK_BREAK
            add([0, (f, "")])
            strip_start = True
    if pending:
        pending.insert(0, n)
        add(pending)
    if not words and frags:
        f = frags[0]
        f._fkind = _FK_TEXT
        words = [[0, (f, "")]]
    return words


def _split(text: str) -> list[str]:
    """ReportLab's `split(text)`: words between white space (no-break spaces kept)."""
    return text.split() if "\xa0" not in text else split(text)


def _copy(f):
    """`f.clone()`: a fragment of the same class with the same attributes."""
    copy = object.__new__(type(f))
    copy.__dict__.update(f.__dict__)
    return copy


def _looks(f) -> tuple | None:
    """What ReportLab's `sameFrag` compares of a fragment (None: like nothing else)."""
    d = f.__dict__
    if "cbDefn" in d or "lineBreak" in d:
        return None
    return tuple([d.get(name) for name in _LOOKS])


def break_lines(paragraph, width) -> ParaLines | None:
    """ReportLab's `Paragraph.breakLines` for a paragraph :func:`handles` accepts; None
    when a word is wider than a line (ReportLab splits such words).

    The loop is ReportLab's, in its own terms: `words` are the fragments of the line being
    filled, `g` the last of them (a copy of the fragment `source`, holding the text of
    several words), `n` the words on the line, `current` its width so far, `space_width`
    the width of the space after the last word. Before a word is placed ReportLab adds up
    the line's space shrink, fragment by fragment: here the terms of the fragments before
    `g` are kept from the moment `g` is started, and `g`'s own spaces are counted as its
    text grows (same terms, same order, same sum)."""
    style = paragraph.style
    max_widths = width if isinstance(width, (tuple, list)) else [width]
    m = _Measures()
    fragwords = frag_words(paragraph.frags, m)
    if max(w[0] for w in fragwords) > min(max_widths):
        return None
    height, space = m.height, m.space
    shrinkage = style.spaceShrinkage
    looks: dict[int, tuple | None] = {}  # id(fragment) -> _looks(fragment)

    def look(f):
        key = id(f)
        if key not in looks:
            looks[key] = _looks(f)
        return looks[key]

    lines: list = []
    done: list = []  # the words broken so far (ReportLab keeps them as the paragraph's)
    words: list = []
    g = source = None
    before: list = []  # (spaces, width of a space) of the text fragments before g
    g_spaces = 0  # spaces in g's text
    g_space = 0.0  # the width of a space in g's font, if g is text
    g_text = False  # g is a text fragment (not a line break)
    first = 0  # the index in `done` of the line's first word
    lineno = 0
    last_line = len(max_widths) - 1
    max_width = max_widths[0]
    width_max = 0
    n = space_width = current = 0
    max_size = max_ascent = min_descent = 0

    def start(f, text):
        """A new fragment on the line: a copy of `f` holding `text`. (The line's last
        fragment is complete then: ReportLab adds a space to it, if at all, just before.)"""
        nonlocal g, source, g_spaces, g_space, g_text
        if words and g_spaces and g_text:
            before.append((g_spaces, g_space))
        g = _copy(f)
        source = f
        g.text = text
        words.append(g)
        g_spaces = text.count(" ")
        g_text = f._fkind == _FK_TEXT
        g_space = space(f.fontName, f.fontSize) if g_text else 0

    def grow(size, name):
        nonlocal max_size, max_ascent, min_descent
        ascent, descent = height(name, size)
        max_size = max(max_size, size)
        max_ascent = max(max_ascent, ascent)
        min_descent = min(min_descent, descent)

    for w in fragwords:
        done.append(w)
        if len(w) == 2 and w[1][0] is source and g_text and words:
            # A word of one piece continuing g's fragment (most words): the steps below
            # for it, without those that change nothing (its font is g's, whose line
            # height and space are counted already; it is the same fragment as g's).
            word_width = w[0]
            new_width = current + space_width + word_width if word_width > 0 else current
            limit = max_width
            if shrinkage:
                shrink = space_width
                for count, width_of_space in before:
                    shrink += count * width_of_space
                if g_spaces:
                    shrink += g_spaces * g_space
                shrink *= shrinkage
                limit += shrink
            if not (new_width > limit and n > 0):
                text = w[1][1]
                if text:
                    n += 1
                if space_width and not g.text.endswith(" "):
                    g.text += " " + text
                    g_spaces += 1 + text.count(" ")
                else:
                    g.text += text
                    g_spaces += text.count(" ")
                space_width = g_space if type(w) is _HSFrag else 0
                current = new_width
                continue
        f = w[-1][0]
        font_name = f.fontName
        font_size = f.fontSize
        if not words:
            n = space_width = current = 0
            max_size = font_size
            max_ascent, min_descent = height(font_name, font_size)
        word_width = w[0]
        f = w[1][0]
        new_width = current + space_width + word_width if word_width > 0 else current
        line_break = f._fkind == _FK_BREAK
        limit = max_width
        if shrinkage:
            shrink = space_width
            for count, width_of_space in before:
                shrink += count * width_of_space
            if g_spaces and g_text:
                shrink += g_spaces * g_space
            shrink *= shrinkage
            limit += shrink

        if (new_width > limit and n > 0) or line_break:  # the line is done
            if line_break:
                start(f, f.text)  # (ReportLab's copy of the break, text and all)
            if current > width_max:
                width_max = current
            lines.append(_line(max_width, current, n, line_break, words, max_size,
                               max_ascent, min_descent, first))  # fmt: skip
            first = len(done) - 1
            lineno += 1
            max_width = max_widths[min(last_line, lineno)]
            words = []
            before.clear()
            if line_break:
                continue
            # The word starts the next line.
            space_width = space(font_name, font_size) if isinstance(w, _HSFrag) else 0
            current = word_width
            n = 1
            start(f, w[1][1])
            max_size = g.fontSize
            max_ascent, min_descent = height(g.fontName, max_size)
            for piece in w[2:]:
                start(piece[0], piece[1])
                grow(g.fontSize, g.fontName)
            continue

        # The word goes on this line.
        text = w[1][1]
        if text:
            n += 1
        font_size = f.fontSize
        grow(font_size, f.fontName)
        if not words:
            start(f, text)
        elif f is not source and look(source) != look(f):
            if space_width:  # the space before the word ends the line's last text
                for wi in reversed(words):
                    if wi._fkind == _FK_TEXT:
                        if not wi.text.endswith(" "):
                            wi.text += " "
                            if wi is g:
                                g_spaces += 1
                        break
            start(f, text)
        elif space_width and not g.text.endswith(" "):
            g.text += " " + text
            g_spaces += 1 + text.count(" ")
        else:
            g.text += text
            g_spaces += text.count(" ")
        space_width = space(font_name, font_size) if isinstance(w, _HSFrag) else 0
        later = 0
        for piece in w[2:]:
            start(piece[0], piece[1])
            if piece[1]:
                later = 1
            grow(g.fontSize, g.fontName)
        if not text and later:
            n += 1
        current = new_width

    if words:
        if current > width_max:
            width_max = current
        lines.append(_line(max_width, current, n, False, words, max_size, max_ascent,
                           min_descent, first))  # fmt: skip
    paragraph._width_max = width_max
    paragraph.height = 0
    paragraph._splitLongWordCount = paragraph._hyphenations = 0
    paragraph.frags = done
    return ParaLines(kind=1, lines=lines)


def handles_one(paragraph) -> bool:
    """Whether :func:`break_one` breaks `paragraph` (of one fragment, before its first
    breaking)."""
    style = paragraph.style
    frags = paragraph.frags
    if len(frags) != 1 or paragraph.bulletText:
        return False
    f = frags[0]
    if type(f) is not ParaFrag or "cbDefn" in f.__dict__ or "backColor" in f.__dict__:
        return False  # (after a first breaking, the words of the paragraph are lists)
    text = f.__dict__.get("text")
    if not isinstance(text, str) or "\xad" in text:  # a soft hyphen
        return False
    return _style(style)[1]


def break_one(paragraph, width) -> ParaLines | None:
    """ReportLab's `Paragraph.breakLines` for a paragraph of one fragment that
    :func:`handles_one` accepts (its words measured up front); None when a word is wider
    than a line (ReportLab splits such words)."""
    max_widths = width if isinstance(width, (tuple, list)) else [width]
    f = paragraph.frags[0]
    font_size = f.fontSize
    ascent, descent = getAscentDescent(f.fontName, font_size)
    text = strip(f.text)
    if not text:
        return None  # (ReportLab's: no lines)
    font = getFont(f.fontName)
    measure = font.stringWidth
    encoding = paragraph.encoding
    words = _split(text)
    if isinstance(font, BriefFont) and encoding == "utf8":
        widths = font.widths(words, font_size)
    else:
        widths = [measure(w, font_size, encoding) for w in words]
    if max(widths) > min(max_widths):
        return None
    space_width = measure(" ", font_size, encoding)
    shrink = paragraph.style.spaceShrinkage * space_width
    lines = []
    line: list = []
    current = -space_width
    width_max = 0
    lineno = 0
    last_line = len(max_widths) - 1
    max_width = max_widths[0]
    for word, word_width in zip(words, widths, strict=True):
        new_width = current + space_width + word_width
        if new_width <= max_width + shrink * len(line) or not line:
            if word:
                line.append(word)
            current = new_width
        else:
            if current > width_max:
                width_max = current
            lines.append((max_width - current, line))
            line = [word]
            current = word_width
            lineno += 1
            max_width = max_widths[min(last_line, lineno)]
    if line:
        if current > width_max:
            width_max = current
        lines.append((max_width - current, line))
    paragraph._width_max = width_max
    paragraph.height = 0
    paragraph._splitLongWordCount = paragraph._hyphenations = 0
    broken = _copy(f)  # (ReportLab's f.clone(kind=0, lines=...))
    broken.__dict__.update(kind=0, lines=lines, ascent=ascent, descent=descent, fontSize=font_size)
    return broken


def draws(paragraph) -> bool:
    """Whether :func:`draw_lines` draws `paragraph`, laid out: left aligned, no bullet,
    background, border or first-line offsets, and no links, underlines, backgrounds or
    raised text."""
    if (
        not _style(paragraph.style)[3]
        or paragraph.bulletText
        or hasattr(paragraph, "_offsets")
        or getattr(paragraph, "autoLeading", "") not in ("", "off")
    ):
        return False
    bl = paragraph.blPara
    frags = [bl] if bl.kind == 0 else [f for line in bl.lines for f in line.words]
    for f in frags:
        d = f.__dict__
        if "cbDefn" in d or d.get("link") or d.get("us_lines") or d.get("backColor"):
            return False
        if d.get("rise"):
            return False
    return True


def draw_lines(paragraph) -> None:
    """ReportLab's `Paragraph.drawPara` for a paragraph :func:`draws` accepts: the same
    operators, in the same order. (ReportLab's also keeps track of where links, underlines
    and backgrounds start and end on each line; these paragraphs have none.)"""
    bl = paragraph.blPara
    if bl.lines:
        (_draw_one if bl.kind == 0 else _draw_several)(paragraph, bl)


def _text_out(tx, text: str, last: bool) -> None:
    """`tx._textOut(text, last)`: a piece of a line, and for the last, the move to the next."""
    tx._code.append(tx._formatText(text) + " T*" if last else tx._formatText(text))


def _draw_one(paragraph, bl) -> None:
    """Lines of one style: each line's words in one piece of text."""
    canvas = paragraph.canv
    style = paragraph.style
    canvas.saveState()
    top = bl.fontSize if paraFontSizeHeightOffset else getattr(bl, "ascent", bl.fontSize)
    canvas.setFillColor(bl.textColor)
    tx = paragraph.beginText(style.leftIndent, paragraph.height - top)
    tx.preformatted = "preformatted" in type(paragraph).__name__.lower()
    tx.direction = style.wordWrap
    tx.setFont(bl.fontName, bl.fontSize, style.leading)
    offset = style.firstLineIndent
    moved = offset > 1e-6 or offset < -1e-6
    for extra, words in bl.lines:
        text = " ".join(words)
        if moved:
            tx.setXPos(offset)
        if extra > -1e-8 or tx.preformatted:
            _text_out(tx, text, True)
        else:  # a line fitted by narrowing its spaces
            spaces = len(words) + text.count("\xa0") - 1
            if spaces > 0:
                tx.setWordSpace(extra / float(spaces))
                _text_out(tx, text, True)
                tx.setWordSpace(0)
            else:
                _text_out(tx, text, True)
        if moved:
            tx.setXPos(-offset)
            offset, moved = 0, False  # (only the first line is indented)
    canvas.drawText(tx)
    canvas.restoreState()


def _draw_several(paragraph, bl) -> None:
    """Lines of several styles: each fragment of a line in its font and colour."""
    canvas = paragraph.canv
    style = paragraph.style
    lines = bl.lines
    leading = style.leading
    canvas.saveState()
    first = lines[0]
    top = first.fontSize if paraFontSizeHeightOffset else getattr(first, "ascent", first.fontSize)
    tx = paragraph.beginText(style.leftIndent, paragraph.height - top)
    tx.preformatted = "preformatted" in type(paragraph).__name__.lower()
    tx.direction = style.wordWrap
    tx._leading = None
    tx._fontname = tx._fontsize = None
    colour = None
    offset = style.firstLineIndent
    for line in lines:
        moved = offset > 1e-6 or offset < -1e-6
        if moved:
            tx.setXPos(offset)
        squeeze = line.extraSpace <= -1e-8 and not getattr(line, "preformatted", False)
        if squeeze:  # a line fitted by narrowing its spaces
            spaces = line.wordCount + sum(w.text.count("\xa0") for w in line.words) - 1
            squeeze = spaces > 0
            if squeeze:
                tx.setWordSpace(line.extraSpace / float(spaces))
        if tx._leading != leading:
            tx.setLeading(leading)
        last = line.words[-1]
        for f in line.words:
            if tx._fontname != f.fontName or tx._fontsize != f.fontSize:
                tx._setFont(f.fontName, f.fontSize)
            if colour != f.textColor:
                colour = f.textColor
                tx.setFillColor(colour)
            _text_out(tx, f.text, f is last)
        if squeeze:
            tx.setWordSpace(0)
        if moved:
            tx.setXPos(-offset)
        offset = 0  # (only the first line is indented)
    canvas.drawText(tx)
    canvas.restoreState()


def _line(max_width, current, n, line_break, words, size, ascent, descent, first) -> FragLine:
    """One laid-out line, as ReportLab's breakLines makes it."""
    return FragLine(extraSpace=max_width - current, wordCount=n, lineBreak=line_break,
                    words=words, fontSize=size, ascent=ascent, descent=descent,
                    maxWidth=max_width, sFW=first)  # fmt: skip
