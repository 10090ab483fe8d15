"""The review's count of questions still to answer, before Mark as final: of the core set
a first visit shows, and of all questions too once the person shows every one."""

from __future__ import annotations

from ddwizard.core.changes import AnswerChosen
from ddwizard.ui.pages.review import QID_ROLE

from .cut_text import cut_items
from .helpers import click


def first_visit(window):
    """A new assessment (it shows the core set), its areas' core and all questions."""
    window.actions.new_assessment()
    areas = window.model.selected_referents()
    assert all(any(q.core for q in r.questions) for r in areas)  # each area has a core set
    core = [q for r in areas for q in r.questions if q.core]
    every = [q for r in areas for q in r.questions]
    assert window.model.core_only() and 0 < len(core) < len(every)
    return core, every


def answer(window, *questions) -> None:
    for q in questions:
        assert window.model.apply(AnswerChosen(q.id, q.options[0].key))


def review_page(window):
    window.wizard.go("review")
    return window.wizard.current_page()


def listed(review) -> list[str]:
    """The questions in the review's "Still to answer" list."""
    tree = review.missing
    areas = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return [a.child(j).data(0, QID_ROLE) for a in areas for j in range(a.childCount())]


def test_the_review_counts_the_core_questions_then_all_once_all_are_shown(qtbot, window):
    window.resize(1093, 614)
    core, every = first_visit(window)
    open_core, beyond = core[:20], next(q for q in every if not q.core)
    answer(window, *core[20:], beyond)  # 30 or fewer open: listed, each question whole
    review = review_page(window)
    qtbot.waitUntil(review.missing.isVisible)
    qtbot.waitUntil(lambda: cut_items(review.missing) == [], timeout=2_000)
    line = f"20 of {len(core)} core questions without an answer"
    assert review.open_text.text().splitlines()[:2] == ["Still open:", f"•  {line}."]
    assert review.missing_text.text().startswith(f"{line}. Choose one to go to it")
    assert sorted(listed(review)) == sorted(q.id for q in open_core)
    click(qtbot, review.status_button)  # Mark as final…: what is open is asked first
    kind, text = review.dialogs.asked[-1]
    assert kind == "confirm" and f"•  {line}\n" in text

    window.wizard.all_questions_action.trigger()  # Go > Show all questions, on this page
    left = len(every) - len(core) + 20 - 1
    both = f"{line}, and {left} of all {len(every)} questions"
    assert review.open_text.text().splitlines()[1] == f"•  {both}."
    assert review.missing_text.text().startswith(f"{both}. Choose one")
    assert len(listed(review)) == left and beyond.id not in listed(review)
    click(qtbot, review.status_button)
    assert f"•  {both}\n" in review.dialogs.asked[-1][1]


def test_with_the_core_set_answered_the_rest_is_counted_only_when_shown(qtbot, window):
    core, every = first_visit(window)
    answer(window, *core)
    review = review_page(window)
    lines = review.open_text.text().splitlines()
    assert not [x for x in lines if "without an answer" in x]  # the core set is done
    others = len(every) - len(core)
    assert review.missing_text.text() == (
        "Every core question in the chosen areas has an answer; "
        f"{others} other questions have none (Go > Show all questions lists them)."
    )
    assert not review.missing.isVisible() and listed(review) == []

    window.model.set_show_all(True)
    line = f"Every core question answered; {others} of all {len(every)} questions"
    assert review.open_text.text().splitlines()[1] == f"•  {line} without an answer."
    assert sorted(listed(review)) == sorted(q.id for q in every if not q.core)
