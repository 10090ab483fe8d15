"""Promise 1 with an assessment replaced from outside: when `import --replace` (in another
process) replaces the assessment the app has open, the app's next write is refused in words
and nothing stale is written over the new copy; the app reloads and says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddwizard import services
from ddwizard.core import bundle
from ddwizard.core.changes import AnswerNoted, DetailSet
from ddwizard.storage import Database

from .helpers import as_imported, ddwizard, full_assessment


@pytest.fixture
def opened(tmp_path):
    path = tmp_path / "dd.db"
    with Database(path) as db:
        q = services.ensure_default(db)
        a = full_assessment(q)
        aid = db.create_assessment(a, q)
    return path, aid, a


def replace_from_outside(path: Path, a, tmp_path: Path):
    """`ddwizard import --replace` of the same assessment, with other answers and notes."""
    newer = a.with_changes(label="Replaced from outside", answers=a.answers[1:])
    file = tmp_path / "newer.json"
    file.write_text(bundle.dumps_bundle(newer), encoding="utf-8")
    done = ddwizard("import", "--replace", str(file), db=path)
    assert done.returncode == 0, done.stderr
    return as_imported(newer)


def test_a_write_after_an_outside_replace_is_refused_and_writes_nothing(opened, tmp_path):
    from ddwizard.storage import AssessmentReplaced

    path, aid, a = opened
    with Database(path) as app:
        app.load_assessment(aid)  # what the app shows
        newer = replace_from_outside(path, a, tmp_path)
        question = a.answers[0].question
        for write in (
            lambda: app.apply(aid, AnswerNoted(question, "typed in the app")),
            lambda: app.apply(aid, DetailSet("label", "stale label")),
        ):
            with pytest.raises(AssessmentReplaced, match="replaced"):
                write()
        with pytest.raises(AssessmentReplaced):
            app.require_current(aid)  # before an export or a brief
        assert app.load_assessment(aid) == newer  # reloaded: writes go on
        app.apply(aid, DetailSet("label", "after reloading"))
    with Database(path) as db:
        assert db.load_assessment(aid) == newer.with_changes(label="after reloading")


def test_the_app_reloads_says_so_and_writes_nothing_stale(opened, tmp_path, qtbot):
    from ddwizard.ui.model import AssessmentModel

    path, aid, a = opened
    with Database(path) as db:
        model = AssessmentModel(db)
        model.open(aid)
        newer = replace_from_outside(path, a, tmp_path)
        question = a.answers[0].question
        with qtbot.waitSignal(model.saveFailed) as said, qtbot.waitSignal(model.loaded):
            assert not model.apply(AnswerNoted(question, "typed before the replace was seen"))
        assert "replaced" in said.args[0] and "reloaded" in said.args[0]
        assert model.assessment == newer and not model.has_pending_edits()
        model.flush()  # nothing stale is kept to try again
        assert db.load_assessment(aid) == newer
        assert model.apply(DetailSet("label", "after reloading"))  # edits go on, on the new copy
    with Database(path) as db:
        assert db.load_assessment(aid) == newer.with_changes(label="after reloading")


def test_no_brief_is_written_from_a_replaced_copy(opened, tmp_path, qtbot):
    from ddwizard.ui.model import AssessmentModel

    path, aid, a = opened
    with Database(path) as db:
        model = AssessmentModel(db)
        model.open(aid)
        assert model.ensure_current()
        newer = replace_from_outside(path, a, tmp_path)
        with qtbot.waitSignal(model.saveFailed):
            assert not model.ensure_current()  # the brief's export stops here
        assert model.assessment == newer and model.ensure_current()


def test_undo_never_puts_back_a_value_of_the_replaced_copy(opened, tmp_path, qtbot):
    from ddwizard.ui.model import AssessmentModel

    path, aid, a = opened
    with Database(path) as db:
        model = AssessmentModel(db)
        model.open(aid)
        assert model.apply(DetailSet("label", "typed in the app"))
        assert model.can_undo()
        newer = replace_from_outside(path, a, tmp_path)
        with qtbot.waitSignal(model.saveFailed):
            assert not model.undo()  # would write the old label over the new copy
        assert not model.can_undo() and not model.can_redo()
        assert db.load_assessment(aid) == newer == model.assessment
