"""The Compare view for a trust's schools (the portfolio), with a hundred of them: joining
schools apart from existing ones, and the areas where many schools sit far from their
targets, in words, in the view and in its picture. Built in memory from the demo."""

from __future__ import annotations

import random

from ddwizard.core.assessment import Answer, Decision, School
from ddwizard.core.compare import compare
from ddwizard.core.compare_portfolio import far_areas
from ddwizard.ui.compare_view import CompareView

from ..report.options_builders import demo

JOINING = 12


def portfolio(n: int = 100):
    base, q = demo()
    rng = random.Random(5)
    items = []
    for i in range(n):
        answers = tuple(
            Answer(a.question, rng.choice([o.key for o in q.question(a.question).options]))
            if rng.random() < 0.5
            else a
            for a in base.answers
        )
        joining_on = "2027-09-01" if i < JOINING else "2019-04-01"
        a = base.with_changes(
            uid=f"school-{i}",
            school=School(f"School number {i}", urn=str(100000 + i)),
            answers=answers,
            decision=Decision(joining_on=joining_on),
        )
        items.append((i + 1, a, q))
    return compare(items)


def test_a_hundred_schools_joining_apart_and_far_from_targets(qtbot, dialogs):
    c = portfolio()
    view = CompareView(dialogs)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    view.set_comparison(c)
    said = view.conversation.text()
    assert view.conversation.isVisibleTo(view)
    assert f"Joining: {JOINING} (School number 0, School number 1," in said
    assert "and 2 more)" in said and "Already in the trust: 88 (" in said
    far = far_areas(c)
    assert far and len(far[0].far) >= len(far[-1].far)  # most first
    first = f"{far[0].title} ({len(far[0].far)} of {far[0].with_target})"
    assert f"Most schools 0.5 or more from their target: {first}" in said
    rows = view.rows()
    heading = rows[0][0]  # the area with most schools far from their targets comes first
    assert heading.startswith(far[0].title + "  (")
    assert f"far from target: {len(far[0].far)} of {far[0].with_target}" in heading
    schools = rows[1 : 1 + len(c.members)]
    assert schools[0][0] == "School number 0 (joining)"
    assert schools[JOINING][0] == f"School number {JOINING}"
    said_far = [i for i, (_, where) in enumerate(schools) if where.endswith("from its target")]
    assert said_far == sorted(far[0].far)
    # The picture: joining and existing are two sets told apart by shape; the note says
    # how many are in each and where most are far from target.
    figure = view.figure
    assert [s.name for s in figure.series] == ["Existing schools", "Joining schools"]
    assert figure.series[0].marker != figure.series[1].marker
    assert f"Schools: joining {JOINING}, existing 88." in figure.notes
    box = next(b for b in view.canvas.layout_.boxes if b.panel.referent == far[0].referent)
    assert box.note.startswith(f"Far from target: {len(far[0].far)} of {far[0].with_target}")
    # Readable: every placed school is counted once, and no two names overlap.
    for b in view.canvas.layout_.boxes:
        area = next(a for a in c.areas if a.referent == b.panel.referent)
        assert sum(m.count for m in b.panel.marks) == sum(p.placed for p in area.points)
        rects = [b.rect_px(label.rect) for label in b.panel.labels.values()]
        for i, r in enumerate(rects):
            assert not any(r.intersects(other) for other in rects[i + 1 :])
