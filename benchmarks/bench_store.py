"""Autosave, growth and import: the storage side of the budgets."""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
import tempfile
from pathlib import Path

from harness import Figure, interleaved, median, percentile, timed

from ddwizard import services
from ddwizard.cli import main as cli
from ddwizard.core import bundle
from ddwizard.core.assessment import new_uid
from ddwizard.core.changes import AnswerChosen
from ddwizard.core.placement import place_assessment
from ddwizard.storage import Database


def demo_db(path: Path, copies: int) -> None:
    with Database(path) as db:
        first = services.create_demo(db)
        a = db.load_assessment(first)
        q = db.questionnaire_for(first)
        for _ in range(copies - 1):
            db.create_assessment(a.with_changes(uid=new_uid()), q)


def bare_upsert_connection(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(
        "CREATE TABLE IF NOT EXISTS answers (assessment INTEGER, question TEXT, "
        "option TEXT, PRIMARY KEY (assessment, question))"
    )
    return conn


def autosave(tmp: Path) -> list[Figure]:
    demo_db(tmp / "autosave.db", 1)
    db = Database(tmp / "autosave.db")
    q = db.questionnaire_for(1)
    questions = [x.id for r in q.referents for x in r.questions]
    bare = bare_upsert_connection(tmp / "bare.db")
    options = ["trust", "mix"]
    state = {"i": 0}

    def ours():
        i = state["i"] = state["i"] + 1
        db.apply(1, AnswerChosen(questions[i % len(questions)], options[i % 2]))

    def baseline():
        i = state["i"]
        bare.execute("BEGIN")
        bare.execute(
            "INSERT INTO answers VALUES (1, ?, ?) ON CONFLICT (assessment, question) "
            "DO UPDATE SET option = excluded.option",
            (questions[i % len(questions)], options[i % 2]),
        )
        bare.execute("COMMIT")

    m, b = interleaved(ours, baseline, rounds=200)
    samples = timed(ours, repeat=300, warmup=5)
    db.close()
    bare.close()
    return [
        Figure("autosave: one answer, committed (storage)", m, b, 2.0),
        Figure("autosave p99 (storage)", percentile(samples, 99), None, 0.020),
    ]


def growth(tmp: Path) -> list[Figure]:
    small, large = tmp / "one.db", tmp / "many.db"
    demo_db(small, 1)
    demo_db(large, 300)
    figures = []
    for name, fn in (("list", _list), ("place", _place), ("open an assessment", _open)):
        m, b = interleaved(lambda fn=fn: fn(large), lambda fn=fn: fn(small), rounds=9)
        figures.append(Figure(f"growth: {name}, 300 vs 1 assessments", m, b, 1.3))
    return figures


def _quiet(*argv: str) -> None:
    with contextlib.redirect_stdout(io.StringIO()):
        assert cli(list(argv)) == 0


def _list(path: Path) -> None:
    _quiet("--db", str(path), "list", "--json")


def _place(path: Path) -> None:
    _quiet("--db", str(path), "place", "1", "--json")


def _open(path: Path) -> None:
    with Database(path) as db:
        place_assessment(db.questionnaire_for(1), db.load_assessment(1))


def import_many(tmp: Path) -> list[Figure]:
    demo_db(tmp / "source.db", 1)
    with Database(tmp / "source.db") as db:
        doc = json.loads(bundle.dumps_bundle(db.load_assessment(1)))
    folder = tmp / "bundles"
    folder.mkdir()
    files = []
    for i in range(300):
        doc["assessment"]["uid"] = new_uid()
        f = folder / f"b{i:03}.json"
        f.write_text(json.dumps(doc), encoding="utf-8")
        files.append(str(f))

    def run():
        target = tmp / f"import-{len(list(tmp.glob('import-*.db')))}.db"
        _quiet("--db", str(target), "import", *files)

    per_bundle = median(timed(run, repeat=3, warmup=0)) / 300
    return [Figure("import: 300 bundles in one call, per bundle", per_bundle, None, 0.025)]


def run_all() -> list[Figure]:
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        return autosave(tmp) + growth(tmp) + import_many(tmp)
