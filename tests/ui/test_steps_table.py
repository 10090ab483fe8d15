"""The wizard's steps come from one declared table of pages: each step shows its title in
the list, and going to it shows a page of its class, whose module is loaded only then."""

from __future__ import annotations

from ddwizard.ui.pages.area import AreaPage
from ddwizard.ui.steps import PAGES


def test_every_declared_page_is_a_step_in_order(qtbot, window):
    window.actions.new_assessment()
    wizard = window.wizard
    areas = window.model.selected_referents()
    expected = []
    for page in PAGES:
        if page.per_area:
            expected += [(f"{page.name}:{r.id}", r.title) for r in areas]
        else:
            expected.append((page.name, page.title))
    assert [(s.key, s.title) for s in wizard.steps] == expected
    listed = []
    for i in range(wizard.tree.topLevelItemCount()):
        item = wizard.tree.topLevelItem(i)
        listed += [item.text(0)] + [item.child(j).text(0) for j in range(item.childCount())]
    assert listed == [title for _, title in expected]
    for step in wizard.steps:
        assert wizard.go(step.key)
        assert type(wizard.current_page()) is step.entry.page_class()
        assert wizard.current_page().title == step.title
    assert wizard.current_page().title == PAGES[-1].title


def test_a_page_asks_the_wizard_to_go_to_another_step(qtbot, window):
    window.actions.new_assessment()
    first = window.model.selected_referents()[0]
    window.wizard.go("plane")
    window.wizard.current_page().openArea.emit(first.id)
    assert window.wizard.current() == f"area:{first.id}"
    assert isinstance(window.wizard.current_page(), AreaPage)
