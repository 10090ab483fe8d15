"""User text into paragraph markup, and the brief's formats."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from ddwizard.report import fonts, formats, text


def test_markup_escapes_everything():
    assert text.markup('<b>x</b> & <img src="a"/>') == (
        '&lt;b&gt;x&lt;/b&gt; &amp; &lt;img src="a"/&gt;'
    )
    assert text.markup("&amp;") == "&amp;amp;"


def test_line_breaks_are_kept_and_controls_dropped():
    assert text.markup("one\r\ntwo\rthree\nfour") == "one<br/>two<br/>three<br/>four"
    assert text.markup("a\x00b\x07c\td") == "abc d"


def test_characters_the_main_font_lacks_get_a_fallback_font():
    # (A space after a fallback character stays in its font: phrases are not broken up.)
    assert text.markup("a \u2212 b") == f'a <font name="{fonts.MATH}">\u2212 </font>b'
    assert text.markup("\u05d0 \u05d1") == (
        f'<font name="{fonts.HEBREW}">\u05d1\u00a0\u05d0</font>'
    )
    assert text.runs("\u2190 other") == [(fonts.MATH, "\u2190 "), (fonts.REGULAR, "other")]


def test_right_to_left_runs_are_laid_out_in_visual_order():
    assert text.visual("abc") == "abc"
    assert text.visual("Head: \u05d0\u05d1 \u05d2\u05d3 end") == (
        "Head: \u05d3\u05d2\u00a0\u05d1\u05d0 end"
    )
    assert text.visual("\u05d0\u05d1 12") == "\u05d1\u05d0 12"  # numbers keep their order


def test_paragraphs_split_at_blank_lines_and_long_ones_in_pieces():
    assert text.paragraphs("one\n\n\ntwo\n  \nthree") == ["one", "two", "three"]
    long = "word " * 2000
    pieces = text.paragraphs(long)
    assert len(pieces) > 3 and all(len(p) <= text.CHUNK for p in pieces)
    assert " ".join(pieces).split() == long.split()
    assert "".join(text.paragraphs("x" * 5000)) == "x" * 5000


@given(st.text(max_size=200))
def test_any_text_makes_a_paragraph_that_reads_back(value):
    # Whatever is typed, the markup parses, and the paragraph shows the typed characters.
    fonts.register()
    p = Paragraph(text.markup(value), ParagraphStyle("t", fontName=fonts.REGULAR))
    shown = "".join(f.text for f in p.frags if hasattr(f, "text"))
    kept = text.visual(text.clean(value).replace("\n", ""))
    assert " ".join(shown.split()) == " ".join(kept.split())


def test_numbers_and_dates():
    assert formats.num(0.5) == "+0.50"
    assert formats.num(-1 / 3) == "\u22120.33"
    assert formats.num(-0.001) == "0.00"
    assert formats.num(None) == "\u2013"
    assert formats.date("2026-11-22") == "22 November 2026"
    assert formats.date("2027-09") == "September 2027"
    assert formats.date("2027-09", short=True) == "Sep 2027"
    assert formats.date("next spring") == "next spring"
    assert formats.names(["a", "b", "c"]) == "a, b and c"
    assert formats.count(0, "area") == "no areas"
