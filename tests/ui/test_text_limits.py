"""Text has limits that hold end to end: a field stops at its stated limit where it is
typed, says so, and what the app stored it can export and import again."""

from __future__ import annotations

import json

from ddwizard import services
from ddwizard.core.limits import LONG_MAX, SHORT_MAX


def test_fields_stop_at_their_limits_and_the_export_imports_again(qtbot, window, db, tmp_path):
    aid = services.create_demo(db)
    window.open_assessment(aid)
    window.wizard.go("about")
    about = window.wizard.current_page()
    about.label.setFocus()
    about.label.selectAll()
    about.label.insert("L" * (SHORT_MAX + 50))
    assert len(about.label.text()) == SHORT_MAX

    key = next(s.key for s in window.wizard.steps if s.key.startswith("area:"))
    window.wizard.go(key)
    box = next(iter(window.wizard.current_page().questions.values()))
    box.note.setFocus()
    box.note.selectAll()
    box.note.insertPlainText("<b>&</b> 🙂 " + "n" * LONG_MAX)  # as a paste would
    assert len(box.note.toPlainText()) == LONG_MAX
    assert "20,000 characters" in window.statusBar().currentMessage()
    window.model.flush()
    stored = db.load_assessment(aid)
    assert stored.label == "L" * SHORT_MAX
    assert stored.answer(box.question.id).note.startswith("<b>&</b> 🙂 n")
    assert len(stored.answer(box.question.id).note) == LONG_MAX

    bundle = tmp_path / "visit.json"
    services.export_assessment(db, aid, bundle)
    with services.open_database(tmp_path / "other.db") as other:
        new_id = services.import_assessment(other, *services.read_bundle_file(other, bundle))
        back = other.load_assessment(new_id)
    assert back.answer(box.question.id).note == stored.answer(box.question.id).note
    assert json.loads(bundle.read_text())["assessment"]["label"] == "L" * SHORT_MAX
