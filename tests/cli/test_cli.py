"""The command line of DESIGN.md, driven as a user would (in-process, and as a real process
for exit codes and error lines)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ddwizard.cli import main

from ..core.test_placement import expected_axis

EXAMPLE = "tests/core/fixtures/example_questionnaire.yaml"


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = tmp_path / "data" / "dd.db"
    monkeypatch.setenv("DDWIZARD_DB", str(path))
    return path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_list_place_export_import_round_trip(db, tmp_path, capsys):
    code, out, _ = run(capsys, "demo")
    assert code == 0 and out.strip() == "1"
    code, out, _ = run(capsys, "list", "--json")
    own, row = json.loads(out)  # newest first: the school's own view was added second
    for key in ("id", "school", "trust", "label", "assessor", "status", "updated"):
        assert key in row
    assert row["id"] == 1 and row["answered"] == row["questions"] > 0
    assert own["id"] == 2 and own["school"] == row["school"] and own["label"] != row["label"]

    bundle = tmp_path / "visit.json"
    assert run(capsys, "export", "1", "-o", str(bundle))[0] == 0
    first = json.loads(bundle.read_text())

    other = tmp_path / "other.db"
    code, out, _ = run(capsys, "--db", str(other), "import", str(bundle))
    assert code == 0 and out.strip() == "1"
    again = tmp_path / "again.json"
    assert run(capsys, "--db", str(other), "export", "1", "-o", str(again))[0] == 0
    assert json.loads(again.read_text()) == first


def test_place_json_follows_the_contract(db, capsys):
    run(capsys, "demo")
    code, out, _ = run(capsys, "place", "1", "--json")
    doc = json.loads(out)
    assert code == 0 and doc["assessment"] == 1
    assert set(doc["overall"]) == {"purpose", "practice", "quadrant", "borderline"}

    from ddwizard.storage import Database

    with Database(db) as store:
        a = store.load_assessment(1)
        q = store.questionnaire_for(1)
    chosen = a.chosen()
    selected = a.selected_referents([r.id for r in q.referents])
    assert [r["referent"] for r in doc["referents"]] == selected
    for row in doc["referents"]:
        ref = q.referent(row["referent"])
        for axis in ("purpose", "practice"):
            from ddwizard.core.questionnaire import Axis

            value, spread = expected_axis(ref, Axis(axis), chosen)
            assert row[axis] == pytest.approx(value)
            assert row["spread"][axis] == pytest.approx(spread)
        expected_q = None
        if row["purpose"] and row["practice"]:
            expected_q = {
                (True, True): "A",
                (True, False): "B",
                (False, True): "C",
                (False, False): "D",
            }[(row["purpose"] > 0, row["practice"] > 0)]
        assert row["quadrant"] == expected_q
        assert row["borderline"] == (abs(row["purpose"]) < 0.1 or abs(row["practice"]) < 0.1)
        assert row["questions"] == len(ref.questions)


def test_import_refuses_a_duplicate_then_replaces_or_copies(db, tmp_path, capsys):
    run(capsys, "demo")
    bundle = tmp_path / "b.json"
    run(capsys, "export", "1", "-o", str(bundle))
    code, out, err = run(capsys, "import", str(bundle))
    assert code == 1 and out == ""
    assert "ddwizard: error:" in err and "already" in err
    code, out, _ = run(capsys, "import", str(bundle), "--replace")
    assert code == 0 and out.strip() == "1"
    code, out, _ = run(capsys, "import", str(bundle), "--copy")
    assert code == 0 and out.strip() == "3"  # the demo's school view is number 2
    code, out, _ = run(capsys, "list", "--json")
    by_id = {r["id"]: r for r in json.loads(out)}
    assert by_id[3]["uid"] != by_id[1]["uid"] and by_id[3]["label"] == by_id[1]["label"]


def test_list_json_is_the_same_written_by_the_database_or_by_python(db, capsys):
    """`list --json` has the database write each row; a row from before the counts were
    stored is listed by Python instead. Both must give the same bytes, whatever the text."""
    import sqlite3

    run(capsys, "demo")  # two assessments: the trust's visit and the school's own view
    awkward = 'Oak <Primary> & "Co" \\ back\nline\ttab \x01\x7f \u2028 😀 ' + "é" * 10_000
    conn = sqlite3.connect(db)
    conn.execute("UPDATE schools SET name = ?", [awkward])
    conn.execute("UPDATE assessments SET label = '', assessor = ? WHERE id = 2", ["Ms O'Neil"])
    conn.commit()
    code, by_sqlite, _ = run(capsys, "list", "--json")
    conn.execute("UPDATE assessments SET questions = NULL WHERE id = 1")  # as before m002
    conn.commit()
    conn.close()
    code2, by_python, _ = run(capsys, "list", "--json")
    assert code == code2 == 0
    assert by_sqlite == by_python
    rows = json.loads(by_sqlite)
    assert [r["id"] for r in rows] == [2, 1] and rows[0]["school"] == awkward
    assert rows[1]["questions"] == rows[0]["questions"] > 0


def test_import_is_all_or_nothing_per_file(db, tmp_path, capsys):
    run(capsys, "demo")
    good = tmp_path / "good.json"
    run(capsys, "export", "1", "-o", str(good))
    data = json.loads(good.read_text())
    del data["assessment"]["uid"]
    good.write_text(json.dumps(data))
    data["answers"][-1]["option"] = "no-such-option"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    code, out, err = run(capsys, "import", str(bad), str(good))
    assert code == 1 and out.strip() == "3"
    assert "bad.json" in err and "no-such-option" in err
    code, out, _ = run(capsys, "list", "--json")
    assert len(json.loads(out)) == 3


def test_questionnaire_add_list_and_validate(db, capsys):
    code, out, _ = run(capsys, "validate", "questionnaires/default.yaml", EXAMPLE)
    assert code == 0, out
    assert run(capsys, "questionnaire", "add", EXAMPLE)[0] == 0
    code, out, _ = run(capsys, "questionnaire", "list", "--json")
    ids = {(q["id"], q["version"]) for q in json.loads(out)}
    assert ("default", "3") in ids and len(ids) == 2


def test_validate_prints_file_line_message(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "format: ddwizard.questionnaire\nformat_version: 1\nid: x\nversion: '1'\ntitel: Oops\n"
    )
    code, out, _ = run(capsys, "validate", str(bad))
    assert code == 1
    assert f"{bad}:5:" in out and "title" in out


def test_backup_and_restore(db, capsys):
    run(capsys, "demo")
    code, out, _ = run(capsys, "backup")
    backup = out.strip()
    assert code == 0 and backup.endswith(".db")
    run(capsys, "demo")
    code, _, err = run(capsys, "restore", backup)
    assert code == 0 and "kept" in err
    code, out, _ = run(capsys, "list", "--json")
    assert len(json.loads(out)) == 2  # the first demo's two assessments


def test_readme_example_questionnaire_is_valid(tmp_path, capsys):
    text = Path("README.md").read_text(encoding="utf-8")
    example = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    f = tmp_path / "oak.yaml"
    f.write_text(example)
    code, out, _ = run(capsys, "validate", str(f))
    assert code == 0, out


@pytest.mark.parametrize(
    "argv",
    [
        ["place", "99"],
        ["export", "99", "-o", "x.json"],
        ["import", "does-not-exist.json"],
        ["questionnaire", "add", "does-not-exist.yaml"],
        ["restore", "does-not-exist.db"],
    ],
)
def test_bad_input_exits_1_in_words_and_writes_nothing(db, argv, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *argv)
    assert code == 1 and out == ""
    assert err.startswith("ddwizard: error: ") and "Traceback" not in err
    assert not (tmp_path / "x.json").exists()


def test_a_real_process_exit_codes(tmp_path):
    env_db = str(tmp_path / "p.db")

    def proc(*args):
        return subprocess.run(
            [sys.executable, "-m", "ddwizard", "--db", env_db, *args],
            capture_output=True,
            text=True,
            timeout=60,
        )

    r = proc("list", "--json")
    assert r.returncode == 0 and json.loads(r.stdout) == []
    r = proc("place", "12")
    assert r.returncode == 1 and r.stderr.startswith("ddwizard: error:")
    assert "Traceback" not in r.stderr
    r = proc("no-such-command")
    assert r.returncode == 2


def test_a_damaged_database_is_reported_and_left_alone(tmp_path, capsys):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a database at all" * 100)
    before = bad.read_bytes()
    code, out, err = run(capsys, "--db", str(bad), "list")
    assert code == 1 and "ddwizard: error:" in err and "Traceback" not in err
    assert bad.read_bytes() == before


def test_a_changed_questionnaire_needs_a_new_version(db, tmp_path, capsys):
    text = Path(EXAMPLE).read_text(encoding="utf-8")
    assert run(capsys, "questionnaire", "add", EXAMPLE)[0] == 0
    assert run(capsys, "questionnaire", "add", EXAMPLE)[0] == 0  # the same again: fine
    changed = tmp_path / "changed.yaml"
    version = next(line for line in text.splitlines() if line.startswith("version:"))
    changed.write_text(text.replace("text: ", "text: Changed, ", 1), encoding="utf-8")
    code, _, err = run(capsys, "questionnaire", "add", str(changed))
    assert code == 1 and "different questions" in err and "version" in err
    changed.write_text(
        text.replace("text: ", "text: Changed, ", 1).replace(version, 'version: "99"'),
        encoding="utf-8",
    )
    assert run(capsys, "questionnaire", "add", str(changed))[0] == 0
    code, out, _ = run(capsys, "questionnaire", "list", "--json")
    versions = sorted(q["version"] for q in json.loads(out) if q["id"] != "default")
    assert len(versions) == 2 and "99" in versions


@pytest.mark.parametrize(
    ("argv", "db"),
    [([], None), (["--db", "x.db"], "x.db"), (["--db=x.db"], "x.db"), (["--d", "x.db"], "x.db")],
)
def test_no_command_opens_the_app_on_the_database_given(argv, db, monkeypatch):
    from ddwizard import cli

    opened = []
    monkeypatch.setattr(cli, "_run_app", lambda path: opened.append(path) or 0)
    assert main(argv) == 0
    assert opened == [db]


def test_an_incomplete_db_option_is_still_reported_in_words(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--db"])
    assert exit_.value.code == 2 and "--db" in capsys.readouterr().err
