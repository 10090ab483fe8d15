"""`place --json` on the demo, every area's `borderline_on`, `facets`, per-axis `confidence`
and `trust_open` against the independent computation of tests/core/test_place_json."""

import json

import pytest

from ddwizard.cli import main
from ddwizard.storage import Database

from ..core.test_place_json import AXES, expected


def test_place_json_new_keys_on_the_demo(tmp_path, capsys):
    db = tmp_path / "demo.db"
    assert main(["--db", str(db), "demo"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "place", "1", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    with Database(db) as store:
        a, q = store.load_assessment(1), store.questionnaire_for(1)
    faceted = 0
    for row in doc["referents"]:
        want = expected(q.referent(row["referent"]), a.chosen(), a.note_for(row["referent"]))
        assert row["borderline_on"] == want["borderline_on"]
        assert row["confidence"] == want["confidence"]
        assert row["trust_open"] == want["trust_open"]
        for axis in AXES:
            for facet, value in want["facets"][axis].items():
                got = row["facets"][axis][facet]
                assert got is None if value is None else got == pytest.approx(float(value))
                faceted += value is not None
    assert faceted  # the demo's questionnaire has facets, and the demo answers them
