"""Movement over time is read against an earlier assessment of the same school and trust from
the same perspective (a re-assessment), never against another side's view: the demo's
school's own view is not "movement" from the trust's visit, a re-assessment of the trust's
visit is."""

from __future__ import annotations

import io

from pypdf import PdfReader

from ddwizard.cli import main
from ddwizard.storage import Database


def brief_text(db, aid: int, out) -> str:
    assert main(["--db", str(db), "brief", str(aid), "-o", str(out)]) == 0
    pages = PdfReader(io.BytesIO(out.read_bytes())).pages
    return " ".join(" ".join((p.extract_text() or "").split()) for p in pages)


def test_the_schools_own_view_is_not_movement_from_the_trusts_visit(tmp_path, capsys):
    db = tmp_path / "demo.db"
    assert main(["--db", str(db), "demo"]) == 0
    assert main(["--db", str(db), "reassess", "1"]) == 0
    capsys.readouterr()
    with Database(db) as store:
        assert [i.id for i in store.previous_assessments(2)] == []  # the school's own view
        assert [i.id for i in store.previous_assessments(3)] == [1]  # not the school's view
        trust_visit = store.load_assessment(1).label

    text = brief_text(db, 2, tmp_path / "school-view.pdf")
    assert trust_visit not in text  # no "At Pre-join visit (...)" per area, no earlier point

    text = brief_text(db, 3, tmp_path / "again.pdf")
    assert f"At {trust_visit} (18 November 2026)" in text
