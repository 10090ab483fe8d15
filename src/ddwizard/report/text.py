"""User text into ReportLab paragraph markup: every character as typed, nothing read as markup.

Everything a user typed passes through :func:`markup` (or :func:`paragraphs`) before it
reaches a Paragraph, so `<b>`, `&amp;` or `<img src=...>` stay literal text. Characters the
main font lacks are drawn with a fallback font (Hebrew, Arabic) or as a missing-glyph box;
either way they stay in the PDF's text layer.

Right-to-left runs (Hebrew, Arabic) are laid out in visual order, the order PDF readers
expect when they extract text, so copying from the PDF gives back what was typed. Short runs
are kept on one line; Arabic letters are not joined (ReportLab has no shaping without extra
libraries), so they read as separate letter forms.
"""

from __future__ import annotations

import re
import unicodedata
from xml.sax.saxutils import escape

from ddwizard.report import fonts

NBSP = "\u00a0"
CHUNK = 1500  # characters per paragraph piece: long notes break across pages in pieces
KEEP_RTL_TOGETHER = 60  # right-to-left runs up to this long are not broken across lines

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATES = re.compile("[\ud800-\udfff]")
_UNCLEAN = re.compile("[\r\t\u2028\u2029\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_BLANK_LINES = re.compile(r"\n[ \t]*\n+")
_RTL = {"R", "AL"}
_RUN_ENDS = _RTL  # a run ends at its last right-to-left letter
_RTL_TOKENS = re.compile(r"\d+(?:[.,:/]\d+)*|.", re.S)
# Every right-to-left letter lies in these blocks: a quick test before the careful one.
_MAYBE_RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff]"
)


def clean(text: str) -> str:
    """Newlines unified, tabs as spaces, invisible control characters dropped."""
    text = str(text)
    if not _UNCLEAN.search(text):
        return text  # most text: nothing to change
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").replace("\t", " ")
    text = _CONTROLS.sub("", text)
    return _SURROGATES.sub("\ufffd", text)


def plain(text: str) -> str:
    """One line of plain text (for bookmarks, metadata and figure labels)."""
    return " ".join(clean(text).split())


def covered(line: str) -> bool:
    """True when the main font has every character of `line` (no fallback needed)."""
    return not fonts.register().uncovered.search(line)


def markup(text: str) -> str:
    """Paragraph markup showing `text` exactly; line breaks kept."""
    text = clean(text)
    if text.isascii():  # (most text: no fallback font, nothing right to left)
        return escape(text).replace("\n", "<br/>")
    return "<br/>".join(_line_markup(visual(line)) for line in text.split("\n"))


def paragraphs(text: str, chunk: int = CHUNK) -> list[str]:
    """`text` split at blank lines (and long paragraphs into pieces), each as markup."""
    pieces = []
    for para in _BLANK_LINES.split(clean(text).strip()):
        if para.strip():
            pieces += [markup(p) for p in _chunks(para.strip(), chunk)]
    return pieces


def runs(text: str) -> list[tuple[str, str]]:
    """(font name, text) runs in drawing order, for one line drawn outside a Paragraph."""
    return [(font or fonts.REGULAR, s) for font, s in _font_runs(visual(plain(text)))]


def visual(line: str) -> str:
    """One line with its right-to-left runs in visual order (left-to-right paragraph)."""
    if not _MAYBE_RTL.search(line):
        return line
    out: list[str] = []
    i, n = 0, len(line)
    while i < n:
        if unicodedata.bidirectional(line[i]) not in _RTL:
            out.append(line[i])
            i += 1
            continue
        j = last = i
        while j < n and unicodedata.bidirectional(line[j]) != "L":
            if unicodedata.bidirectional(line[j]) in _RUN_ENDS:
                last = j
            j += 1
        out.append(_reverse_run(line[i : last + 1]))
        i = last + 1
    return "".join(out)


def _reverse_run(run: str) -> str:
    tokens = _RTL_TOKENS.findall(run)[::-1]  # numbers keep their own order
    text = "".join(tokens)
    return text.replace(" ", NBSP) if len(text) <= KEEP_RTL_TOGETHER else text


def _font_runs(line: str) -> list[tuple[str | None, str]]:
    """Runs of one font; None marks characters no font has (kept as missing glyphs)."""
    coverage = fonts.register()
    if not coverage.uncovered.search(line):
        return [(fonts.REGULAR, line)] if line else []
    out: list[tuple[str | None, list[str]]] = []
    for ch in line:
        code = ord(ch)
        font = coverage.font_for(code)
        if font is None:
            fonts.keep_missing(code)
        elif out and ch.isspace() and out[-1][0] not in (font, None):
            font = out[-1][0]  # a space inside a Hebrew phrase stays in the Hebrew font
        if out and out[-1][0] == font:
            out[-1][1].append(ch)
        else:
            out.append((font, [ch]))
    return [(f, "".join(chars)) for f, chars in out]


def _line_markup(line: str) -> str:
    parts = []
    for font, text in _font_runs(line):
        if font in (None, fonts.REGULAR):
            parts.append(escape(text))
        else:
            parts.append(f'<font name="{font}">{escape(text)}</font>')
    return "".join(parts)


def _chunks(para: str, size: int) -> list[str]:
    """Split a long paragraph near `size` characters, at a sentence end or a space."""
    pieces = []
    while len(para) > size * 1.3:
        cut = max(para.rfind(". ", 0, size), para.rfind("\n", 0, size))
        if cut < size // 2:
            cut = para.rfind(" ", 0, size)
        if cut < size // 2:
            cut = size - 1  # one very long word: cut it anyway
        pieces.append(para[: cut + 1].rstrip())
        para = para[cut + 1 :].lstrip()
    return [*pieces, para] if para else pieces
