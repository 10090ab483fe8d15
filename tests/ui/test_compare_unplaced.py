"""Under each small plane of a comparison picture, who is not placed there is a whole sentence
that fits its space: the names that fit, the rest counted ("and 2 more (see the table)"),
never a list cut off by the edge with a trailing comma. Read from the layout and from the
SVG text of the exported picture."""

from __future__ import annotations

import re

import pytest

from ddwizard.core.assessment import Decision, School
from ddwizard.core.compare import compare
from ddwizard.core.compare_plane import build_figure
from ddwizard.ui.compare_export import layout_for, svg_bytes

from ..report.options_builders import demo


def portfolio(name: str, unplaced: int = 3, schools: int = 6):
    """A trust's schools; the first `unplaced` have nothing answered in the first area."""
    base, q = demo()
    first = {x.id for x in q.referents[0].questions}
    items = []
    for i in range(schools):
        answers = base.answers
        if i < unplaced:
            answers = tuple(a for a in answers if a.question not in first)
        school = School(f"{name} {i}", urn=str(100000 + i))
        a = base.with_changes(
            uid=f"s{i}", school=school, answers=answers, decision=Decision(joining_on="2019-04-01")
        )
        items.append((i + 1, a, q))
    return build_figure(compare(items))


def first_note(figure, width=1200):
    layout = layout_for(figure, width)
    box = layout.boxes[0]
    assert layout._text_height([box.note], box.note_rect.width()) <= box.note_rect.height()
    return box.note


def test_short_names_are_all_named(qapp):
    assert first_note(portfolio("Ash")) == "Not placed here: Ash 0, Ash 1 and Ash 2"


@pytest.mark.parametrize("name", ["Hartwell Primary", "Fellside Church of England Academy"])
def test_longer_names_are_named_as_far_as_they_fit_and_the_rest_counted(qapp, name):
    note = first_note(portfolio(name))
    assert note.startswith(f"Not placed here: {name} 0")
    assert note.endswith(" more (see the table)") or note.endswith(f"and {name} 2")
    assert not note.rstrip().endswith(",")


def test_the_exported_picture_ends_no_line_with_a_comma(qapp):
    figure = portfolio("Fellside Church of England Academy")
    svg = svg_bytes(figure).decode()
    lines = [t.strip() for t in re.findall(r">([^<>]+)<", svg) if t.strip()]
    start = next(i for i, t in enumerate(lines) if t.startswith("Not placed here:"))
    said = " ".join(lines[start : start + 3])
    assert "more (see the table)" in said
    assert not any(t.endswith(",") for t in lines)
