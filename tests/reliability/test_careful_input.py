"""Promise 6 ("Your data": a bundle is checked completely before anything is written) as a
careful person would check it: real calendar dates, each key once, text that is text (no NUL,
no lone surrogate), names that look alike are one (NFC), text within the stated limits, and
every ID argument of the command line answered in words."""

from __future__ import annotations

import json
import sqlite3
import unicodedata
import uuid
from pathlib import Path

import pytest

from ddwizard import services
from ddwizard.cli import main
from ddwizard.core import bundle

from .helpers import full_assessment, tree


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "data" / "dd.db"
    with services.open_database(path) as d:
        services.create_demo(d)
    return path


def bundle_text(**changes) -> str:
    a = full_assessment(services.shipped_default())
    return bundle.dumps_bundle(a.with_changes(**changes) if changes else a)


def edited(change) -> str:
    data = json.loads(bundle_text())
    change(data)
    return json.dumps(data)


def refused(capsys, db: Path, tmp_path: Path, text: str, *words: str) -> str:
    file = tmp_path / "in.json"
    file.write_text(text, encoding="utf-8")
    before = tree(db.parent)
    code = main(["--db", str(db), "import", str(file)])
    out, err = capsys.readouterr()
    assert code == 1 and out == "" and "Traceback" not in err, (out, err)
    assert all(line.startswith("ddwizard: error: ") for line in err.splitlines()), err
    for w in words:
        assert w in err, (w, err)
    assert tree(db.parent) == before
    return err


def _set(path: str, value):
    def change(data):
        *parents, last = path.split(".")
        node = data
        for p in parents:
            node = node[int(p)] if p.isdigit() else node[p]
        node[int(last) if last.isdigit() else last] = value

    return change


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("assessment.assessed_on", "9999-99-99"),
        ("assessment.assessed_on", "2026-02-30"),
        ("assessment.assessed_on", "0001-01-01"),
        ("targets.0.by", "2027-13"),
        ("targets.0.steps.0.by", "2027-00"),
        ("due_diligence.0.due", "2027-09"),  # a checklist item's due date is a day
        ("assessment.assessed_on", "２０２６-11-22"),  # full-width digits
    ],
)
def test_impossible_dates_are_refused_naming_the_field(capsys, db, tmp_path, field, value):
    refused(capsys, db, tmp_path, edited(_set(field, value)), f"`{field}`", "date")


def test_a_key_given_twice_is_refused_naming_it_and_where(capsys, db, tmp_path):
    text = bundle_text().replace('"note": "', '"note": "first", "note": "', 1)
    refused(capsys, db, tmp_path, text, "`answers.0`", "`note`", "more than once")


@pytest.mark.parametrize(("escape", "words"), [("\\ud800", "lone surrogate"), ("\\u0000", "NUL")])
def test_text_that_is_not_text_is_refused_naming_the_field(capsys, db, tmp_path, escape, words):
    text = bundle_text().replace('"note": "', f'"note": "bad {escape} ', 1)
    refused(capsys, db, tmp_path, text, "`answers.0.note`", words)


@pytest.mark.parametrize(
    ("field", "length", "limit"),
    [
        ("answers.0.note", 20_001, "20,000"),
        ("school.name", 201, "200"),
        ("assessment.label", 201, "200"),
    ],
)
def test_text_past_its_limit_is_refused_in_words(capsys, db, tmp_path, field, length, limit):
    text = edited(_set(field, "x" * length))
    refused(capsys, db, tmp_path, text, f"`{field}`", f"longer than {limit} characters")


def test_text_at_its_limit_goes_there_and_back(capsys, db, tmp_path):
    text = edited(_set("answers.0.note", "é" * 20_000))
    file = tmp_path / "at-limit.json"
    file.write_text(text, encoding="utf-8")
    assert main(["--db", str(db), "import", str(file)]) == 0
    new_id = capsys.readouterr().out.strip()
    out = tmp_path / "again.json"
    assert main(["--db", str(db), "export", new_id, "-o", str(out)]) == 0
    assert main(["--db", str(db), "import", "--copy", str(out)]) == 0


def test_names_that_look_alike_are_one_school_and_one_trust(capsys, db, tmp_path):
    composed = unicodedata.normalize("NFC", "École Sainte-Thérèse")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    for n, name in enumerate((composed, decomposed)):
        text = edited(
            lambda d, name=name: (
                _set("school.name", name)(d),
                _set("trust.name", "Trust " + name)(d),
            )
        )
        text = text.replace(json.loads(text)["assessment"]["uid"], str(uuid.uuid4()))
        file = tmp_path / f"{n}.json"
        file.write_text(text, encoding="utf-8")
        assert main(["--db", str(db), "import", str(file)]) == 0, capsys.readouterr().err
    conn = sqlite3.connect(db)
    try:
        schools = conn.execute("SELECT name FROM schools WHERE name LIKE '%Sainte%'").fetchall()
        trusts = conn.execute("SELECT name FROM trusts WHERE name LIKE 'Trust %'").fetchall()
    finally:
        conn.close()
    assert schools == [(composed,)] and trusts == [("Trust " + composed,)]


ODD_IDS = [
    "99999999999999999999",
    "²",
    "١",
    "",
    " ",
    "-1",
    "0",
    "1.5",
    "0x1",
    "1\n",
    "\udcff",
    "a" * 300,
]


@pytest.mark.parametrize("odd", ODD_IDS)
@pytest.mark.parametrize(
    "command", [["place"], ["export", "-o", "x.json"], ["brief", "-o", "x.pdf"]]
)
def test_every_id_argument_gets_a_worded_error(capsys, db, tmp_path, odd, command):
    (*name,) = command[:1]
    code = main(["--db", str(db), *name, *command[1:], odd])
    out, err = capsys.readouterr()
    assert code == 1 and out == "", (code, out, err)
    assert err.startswith("ddwizard: error: ") and "Traceback" not in err, err
    assert "unexpected" not in err.lower(), err
