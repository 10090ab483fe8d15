"""The demo's board paper, as a governing board gets it: the main paper fits in ten pages
(the first appendix starts by page 11, read from the PDF's outline), page 1 says what is
decided, by when and by whom it was prepared, and the Word version is the same paper."""

from __future__ import annotations

import json
import re
from itertools import combinations

import pytest

from ddwizard import services
from ddwizard.core.placement import place_assessment
from ddwizard.core.plane import PointKind, build_scene
from ddwizard.report import figures, pdf, render_brief, render_brief_docx

from .conftest import WordPaper, read


@pytest.fixture(scope="module")
def demo_pdf(demo):
    return read(render_brief(*demo))


def test_the_first_appendix_starts_by_page_11(demo_pdf):
    reader = demo_pdf.reader
    first = next(
        i for i in reader.outline if not isinstance(i, list) and i.title.startswith("Appendix A")
    )
    assert reader.get_destination_page_number(first) + 1 <= 11


def test_page_one_states_the_decision_its_dates_and_who_prepared_it(demo, demo_pdf):
    page = " ".join(demo_pdf.pages[0].split())
    decision = demo[0].decision
    assert "The board is asked" in page and " ".join(decision.question.split()[:8]) in page
    assert "27 January 2027" in page and "1 April 2027" in page  # decide by; joining
    assert demo[0].assessor_role in page
    # How the paper's words are meant, in plain words, before any area is described:
    said = "\u201cLike the trust\u201d and \u201cunlike the trust\u201d describe a difference"
    assert f"{said}; neither means better or worse." in page


def test_what_changes_names_each_area_with_findings_once(demo, demo_pdf):
    """Two findings in one checklist area are one name with both costs, not the name twice."""
    for flat in (demo_pdf.flat, WordPaper(render_brief_docx(*demo)).flat):
        assert (
            "Findings, below: Finance (£38,000 estimated; cost not yet known) and The trust's "
            "finances (cost not yet known)."
        ) in flat


def test_a_return_trips_target_says_the_trust_takes_up_the_schools_practice(demo_pdf):
    """Not "the trust's" beside "the school keeps its practice", unexplained."""
    assert (
        "Target: practice and purpose clearly the trust's, as the trust takes up the school's "
        "practice, by September 2027"
    ) in demo_pdf.flat


def test_the_demos_own_words_describe_the_school_and_never_judge_it():
    """The trust's assessor's notes, reasons and steps in the demo visit (the trust's
    descriptions of itself aside; the school's own view speaks for itself): a board reads
    them, and the school's staff may."""
    said = ("note", "rationale", "action", "text", "school_reasons", "recommendation")

    def words(x):
        if isinstance(x, dict):
            for k, v in x.items():
                yield from ([v] if isinstance(v, str) and k in said else words(v))
        elif isinstance(x, list):
            for v in x:
                yield from words(v)

    verdicts = {"bad", "poor", "weak", "weakest", "strong", "strongest", "prudence", "prudent"}
    verdicts |= {"nobody", "failing", "best", "worst", "care"}
    for text in words(json.loads(services.resource("demo.json").read_text(encoding="utf-8"))):
        assert not set(re.findall(r"[a-z]+", text.lower())) & verdicts, text


def test_no_label_on_the_demos_printed_plane_lies_over_another(demo):
    """A printed plane has no hover: in its crowded corner a label goes further out, with a
    leader line, rather than over its neighbour's ("Past…g" under "Safeguarding culture")."""
    scene = build_scene(place_assessment(demo[1], demo[0]), measure=figures.measure(pdf.PLOT))
    labels = list(scene.labels.values())
    assert len(labels) == sum(p.kind is PointKind.CURRENT for p in scene.points)
    overlapping = [(a.key, b.key) for a, b in combinations(labels, 2) if a.rect.overlaps(b.rect)]
    assert overlapping == []


def test_no_whole_school_quadrant_and_no_draft_letters(demo_pdf):
    text = demo_pdf.flat.lower()
    assert "sits in quadrant" not in text and "overall position" not in text
    assert "DRAFT" not in demo_pdf.text.replace("\n", "")


def test_the_word_paper_has_the_same_sections(demo, demo_pdf):
    word = WordPaper(render_brief_docx(*demo))
    sections = [t for s, t in word.headings() if s == "Heading 1"]
    outline = [t for depth, t in demo_pdf.outline() if depth == 0]
    assert sections == outline
