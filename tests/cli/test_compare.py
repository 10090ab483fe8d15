"""`ddwizard compare` and `ddwizard reassess`, driven as a user would, with databases built by
importing bundles. Positions and gaps are checked against the test's own arithmetic, worked
from the questionnaire file as YAML (not through ddwizard's loader)."""

import json
import random
from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from ddwizard.cli import main

EXAMPLE = Path("tests/core/fixtures/example_questionnaire.yaml")


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = tmp_path / "data" / "dd.db"
    monkeypatch.setenv("DDWIZARD_DB", str(path))
    return path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def questions():
    """question id -> (referent id, referent title, axis, weight, {option: score})."""
    doc = yaml.safe_load(EXAMPLE.read_text())
    scales = {k: v["options"] for k, v in doc["scales"].items()}
    out = {}
    for r in doc["referents"]:
        for q in r["questions"]:
            options = q.get("options") or scales[q["scale"]]
            scores = {o["key"]: o["score"] for o in options}
            out[q["id"]] = (r["id"], r["title"], q["axis"], q.get("weight", 1), scores)
    return out


def expected(answers: dict[str, str]) -> dict[str, dict[str, float | None]]:
    """Each referent's position: the weighted mean of the counted scores per axis."""
    sums: dict[tuple[str, str], list[Fraction]] = {}
    for qid, (rid, _, axis, weight, scores) in questions().items():
        score = scores.get(answers.get(qid, ""))
        if score is None:
            continue
        acc = sums.setdefault((rid, axis), [Fraction(0), Fraction(0)])
        acc[0] += Fraction(weight) * Fraction(score)
        acc[1] += Fraction(weight)
    rids = {v[0] for v in questions().values()}
    return {
        rid: {
            axis: float(sums[(rid, axis)][0] / sums[(rid, axis)][1])
            if (rid, axis) in sums
            else None
            for axis in ("purpose", "practice")
        }
        for rid in rids
    }


def quadrant(purpose, practice):
    if not purpose or not practice:
        return None
    return {(True, True): "A", (True, False): "B", (False, True): "C", (False, False): "D"}[
        (purpose > 0, practice > 0)
    ]


def random_answers(rng: random.Random) -> dict[str, str]:
    out = {}
    for qid, (*_, scores) in questions().items():
        if rng.random() < 0.85:  # some left unanswered: an axis may be unplaced
            out[qid] = rng.choice(sorted(scores))
    return out


def bundle(
    tmp_path,
    n,
    school,
    trust,
    answers,
    *,
    assessor="A. Assessor",
    on="2026-11-01",
    label="Visit",
    urn="",
    targets=(),
):
    data = {
        "format": "ddwizard.assessment",
        "format_version": 1,
        "questionnaire": {"id": "example", "version": "1"},
        "school": {"name": school, "urn": urn},
        "trust": {"name": trust},
        "assessment": {"label": label, "assessor": assessor, "assessed_on": on},
        "answers": [{"question": q, "option": o} for q, o in answers.items()],
        "targets": [{"referent": r, "purpose": x, "practice": y} for r, x, y in targets],
    }
    path = tmp_path / f"b{n}.json"
    path.write_text(json.dumps(data))
    return path


KINDS = {
    # kind: (school, trust, assessor, date) for each of three assessments
    "movement": [("Oak", "Wenmoor", "Sam", d) for d in ("2026-09-01", "2025-01-10", "2026-01-05")],
    "trusts": [("Oak", t, "Sam", "2026-11-01") for t in ("Wenmoor", "Fellside", "Brook")],
    "perspectives": [("Oak", "Wenmoor", a, "2026-11-01") for a in ("Head", "Trust lead", "Chair")],
    "schools": [(s, "Wenmoor", "Sam", "2026-11-01") for s in ("Oak", "Ash", "Elm")],
    "mixed": [
        ("Oak", "Wenmoor", "Sam", "2026-11-01"),
        ("Ash", "Fellside", "Sam", "2026-11-01"),
        ("Elm", "Brook", "Sam", "2026-11-01"),
    ],
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_compare_json_matches_an_independent_computation(kind, db, tmp_path, capsys):
    assert run(capsys, "questionnaire", "add", str(EXAMPLE))[0] == 0
    rng = random.Random(kind)
    specs = KINDS[kind]
    answers = [random_answers(rng) for _ in specs]
    rids = list(dict.fromkeys(v[0] for v in questions().values()))
    targets = [  # a target in most areas, on the quarter points so distances are exact
        [(r, rng.choice((-1, -0.5, 0, 0.5, 1)), rng.choice((-1, 0, 1))) for r in rids[:-1]]
        for _ in specs
    ]
    files = [
        bundle(tmp_path, i, s, t, a, assessor=who, on=on, targets=targets[i])
        for i, ((s, t, who, on), a) in enumerate(zip(specs, answers, strict=True))
    ]
    code, out, _ = run(capsys, "import", *map(str, files))
    ids = [int(x) for x in out.split()]
    assert code == 0 and len(ids) == 3

    code, out, err = run(capsys, "compare", *map(str, ids), "--json")
    assert code == 0 and err == ""
    doc = json.loads(out)
    assert set(doc) == {"kind", "assessments", "referents"} | (
        {"portfolio"} if kind == "schools" else set()
    )
    assert doc["kind"] == kind
    order = list(range(3))
    if kind == "movement":  # the trajectory runs in date order
        order = sorted(order, key=lambda i: specs[i][3])
    assert [a["id"] for a in doc["assessments"]] == [ids[i] for i in order]
    for a, i in zip(doc["assessments"], order, strict=True):
        assert (a["school"], a["trust"], a["assessor"], a["assessed_on"]) == specs[i]
        assert a["label"] == "Visit" and a["perspective"] is None

    positions = [expected(a) for a in answers]
    titles = {v[0]: v[1] for v in questions().values()}
    assert [r["referent"] for r in doc["referents"]] == list(dict.fromkeys(titles))
    for row in doc["referents"]:
        rid = row["referent"]
        assert row["title"] == titles[rid]
        assert [p["assessment"] for p in row["points"]] == [ids[i] for i in order]
        for p, i in zip(row["points"], order, strict=True):
            want = positions[i][rid]
            for axis in ("purpose", "practice"):
                assert p[axis] == pytest.approx(want[axis])
            assert p["quadrant"] == quadrant(want["purpose"], want["practice"])
        for axis in ("purpose", "practice"):
            values = [positions[i][rid][axis] for i in range(3)]
            values = [v for v in values if v is not None]
            want = max(values) - min(values) if len(values) >= 2 else None
            assert row["gap"][axis] == pytest.approx(want)
    if kind == "schools":
        assert doc["portfolio"] == expected_portfolio(ids, positions, targets)


def expected_portfolio(ids, positions, targets) -> dict:
    """The schools 0.5 or more from their own target on an axis, area by area, worked out
    here: no school says when it joins, so none is set apart."""
    rows = []
    for rid, title in dict.fromkeys((v[0], v[1]) for v in questions().values()):
        far, on, with_target, without = [], {"purpose": 0, "practice": 0}, 0, 0
        for i, pos in enumerate(positions):
            here = pos[rid]
            if here["purpose"] is None or here["practice"] is None:
                continue
            target = next((t for t in targets[i] if t[0] == rid), None)
            if target is None:
                without += 1
                continue
            with_target += 1
            apart = {"purpose": abs(target[1] - here["purpose"])}
            apart["practice"] = abs(target[2] - here["practice"])
            if max(apart.values()) >= 0.5 - 1e-9:
                far.append((max(apart.values()), ids[i]))
                for axis in on:
                    on[axis] += apart[axis] >= 0.5 - 1e-9
        if far:
            far.sort(key=lambda f: -f[0])
            rows.append(
                (
                    far[0][0],
                    {
                        "referent": rid,
                        "title": title,
                        "far": len(far),
                        "far_on": on,
                        "with_target": with_target,
                        "without_target": without,
                        "assessments": [i for _, i in far],
                    },
                )
            )
    rows.sort(key=lambda r: (-r[1]["far"], -r[0]))  # most schools, then the furthest, first
    far_from_targets = [row for _, row in rows]
    return {
        "joining": [],
        "existing": [],
        "not_recorded": ids,
        "far_from_targets": far_from_targets,
    }


def test_compare_lists_only_areas_every_assessment_has(db, tmp_path, capsys):
    run(capsys, "questionnaire", "add", str(EXAMPLE))
    first = bundle(tmp_path, 1, "Oak", "Wenmoor", {"behaviour-routines": "own"})
    data = json.loads(first.read_text())
    data["referents"] = ["behaviour"]
    first.write_text(json.dumps(data))
    second = bundle(tmp_path, 2, "Oak", "Fellside", {"behaviour-routines": "other"})
    run(capsys, "import", str(first), str(second))
    doc = json.loads(run(capsys, "compare", "1", "2", "--json")[1])
    (row,) = doc["referents"]
    assert row["referent"] == "behaviour" and row["gap"]["practice"] == pytest.approx(2.0)
    assert row["gap"]["purpose"] is None  # nobody answered a purpose question there


def test_perspectives_in_words_list_conversation_points(db, tmp_path, capsys):
    run(capsys, "questionnaire", "add", str(EXAMPLE))
    head = {"early-reading-aim": "own", "early-reading-programme": "close"}
    trust = {"early-reading-aim": "mixed", "early-reading-programme": "close"}
    run(
        capsys,
        "import",
        str(bundle(tmp_path, 1, "Oak", "Wenmoor", head, assessor="Head")),
        str(bundle(tmp_path, 2, "Oak", "Wenmoor", trust, assessor="Lead")),
    )
    code, out, _ = run(capsys, "compare", "1", "2")
    assert code == 0
    assert "Compared: one school and trust, seen from several sides (perspectives)" in out
    assert "different assessors are read as different perspectives" in out
    # The purpose views are 1.0 and 0.0 apart: a conversation point naming both, no mean.
    assert "Early reading and phonics, purpose (gap 1.00): Lead +0.00; Head +1.00" in out
    assert "practice (gap" not in out.split("Conversation points")[1]
    assert "0.50" not in out.split("Conversation points")[1]


def test_compare_refuses_what_it_cannot_do_in_words(db, tmp_path, capsys):
    run(capsys, "demo")
    run(capsys, "demo")  # the trust's visit is 1, then 3
    for name in ("paper.pdf", "paper.docx"):  # one school and trust: no options to weigh
        code, out, err = run(capsys, "compare", "1", "3", "-o", str(tmp_path / name))
        assert code == 1 and out == ""
        assert "options paper" in err and "one school and trust over time" in err
        assert ".png or .svg" in err and not (tmp_path / name).exists()
    code, _, err = run(capsys, "compare", "1")
    assert code == 1 and "two or more assessments" in err
    code, _, err = run(capsys, "compare", "1", "1")
    assert code == 1 and "more than once" in err
    code, _, err = run(capsys, "compare", "1", "9")
    assert code == 1 and "9" in err and "Traceback" not in err


QUESTION = "Which trust, if any, should the governing board apply to join?"


def candidate_trusts(db) -> list[int]:
    """The demo school against three trusts, as stored: the demo and two copies of it, each
    with the decision the headteacher records."""
    from ddwizard import services
    from ddwizard.core.assessment import Decision, Trust, new_uid
    from ddwizard.storage import Database

    with Database(db) as store:
        first = services.create_demo(store)
        base = store.load_assessment(first)
        q = store.questionnaire_for(first)
        ids = []
        for name, advice in (
            ("Wenmoor Learning Trust", "Apply to join"),
            ("Fellside Schools Trust", "Do not apply"),
            ("Dales Church Schools Trust", "Keep in reserve"),
        ):
            decision = Decision(QUESTION, "2027-01-20", "2027-04-01", recommendation=advice)
            other = base.with_changes(
                uid=new_uid(), trust=Trust(name, base.trust.reference), decision=decision
            )
            ids.append(store.create_assessment(other, q))
    return ids


def test_compare_writes_an_options_paper_for_candidate_trusts(db, tmp_path, capsys):
    import docx
    from pypdf import PdfReader

    ids = [str(i) for i in candidate_trusts(db)]
    pdf, word = tmp_path / "options.pdf", tmp_path / "options.docx"
    code, out, err = run(capsys, "compare", *ids, "-o", str(pdf))
    assert code == 0 and out == "" and str(pdf) in err
    reader = PdfReader(pdf)
    first = " ".join(reader.pages[0].extract_text().split())
    assert first.startswith("Options paper: Wrenholme St Aidan's C of E Primary School")
    assert QUESTION in first and "Decide by 20 January 2027" in first
    assert "Fellside Schools Trust 1 April 2027 Do not apply" in first
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    diligence = text[text.index("Due diligence on each trust") :]
    for trust in ("Wenmoor Learning Trust", "Fellside Schools Trust", "Dales Church Schools"):
        assert trust in diligence
    # The demo's look at the trust found its reserves pooled: said under every trust, and
    # what it left open too.
    assert diligence.count("Whether the trust pools its schools' funding or reserves") == 3
    assert diligence.count("The scheme of delegation, and what a local committee") == 3
    code, out, _ = run(capsys, "compare", *ids, "-o", str(word), "--json")
    assert code == 0 and json.loads(out)["kind"] == "trusts"
    document = docx.Document(word)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "Due diligence on each trust" in headings
    assert document.core_properties.title.startswith("Options paper")


CHANGED = """
      - id: early-reading-aim
        axis: purpose"""


def test_reassess_to_a_changed_questionnaire_reports_dropped_answers(db, tmp_path, capsys):
    run(capsys, "questionnaire", "add", str(EXAMPLE))
    answers = {
        "early-reading-aim": "own",
        "early-reading-programme": "close",
        "behaviour-routines": "different",
    }
    run(capsys, "import", str(bundle(tmp_path, 1, "Oak", "Wenmoor", answers)))
    # Version 2 renames one question and drops the option "close" from the scale.
    text = EXAMPLE.read_text().replace('version: "1"', 'version: "2"')
    text = text.replace("id: early-reading-aim", "id: early-reading-purpose")
    text = text.replace('      - {key: close, label: "Close to the trust\'s", score: 0.5}\n', "")
    newer = tmp_path / "example-2.yaml"
    newer.write_text(text)
    assert run(capsys, "questionnaire", "add", str(newer))[0] == 0

    code, out, _ = run(capsys, "reassess", "1", "--questionnaire", "example", "--json")
    doc = json.loads(out)
    assert code == 0 and doc["id"] == 2 and doc["carried"] == 1
    assert sorted(doc["dropped"]) == ["early-reading-aim", "early-reading-programme"]
    export = tmp_path / "new.json"
    run(capsys, "export", "2", "-o", str(export))
    new = json.loads(export.read_text())
    assert (new["questionnaire"]["id"], new["questionnaire"]["version"]) == ("example", "2")
    assert new["answers"] == [
        {
            "question": "behaviour-routines",
            "option": "different",
            "note": "",
            "evidence": [],
            "flags": [],
        }
    ]
    assert new["assessment"]["status"] == "draft"

    # The same questionnaire by default (and @VERSION names one): everything comes across.
    code, out, err = run(capsys, "reassess", "1")
    assert code == 0 and out.strip() == "3" and "carried 3 answers" in err
    code, out, _ = run(capsys, "reassess", "1", "--questionnaire", "example@1", "--json")
    assert json.loads(out)["dropped"] == []
    code, _, err = run(capsys, "reassess", "1", "--questionnaire", "nosuch")
    assert code == 1 and "no questionnaire 'nosuch'" in err


def test_compare_writes_the_picture_as_png_or_svg(db, tmp_path, capsys):
    from PySide6.QtGui import QImage

    run(capsys, "demo")
    run(capsys, "demo")  # the trust's visit is 1, then 3: the same view twice
    png, svg = tmp_path / "movement.png", tmp_path / "movement.svg"
    code, out, err = run(capsys, "compare", "1", "3", "-o", str(png))
    assert code == 0 and out == "" and str(png) in err
    image = QImage(str(png))
    assert image.width() == 1600 and image.height() > 1600
    code, out, _ = run(capsys, "compare", "1", "3", "-o", str(svg), "--json")
    assert code == 0 and json.loads(out)["kind"] == "movement"
    text = svg.read_text()
    assert "<svg" in text and "movement over time" in text
    code, _, err = run(capsys, "compare", "1", "2", "-o", str(tmp_path / "x.gif"))
    assert code == 1 and ".pdf, .docx, .png or .svg" in err


def test_the_comparison_read_matches_the_whole_assessment(db, capsys):
    from ddwizard.storage import Database
    from ddwizard.storage.comparing import load_for_comparison

    run(capsys, "demo")  # 1, and the school's own view as 2
    run(capsys, "reassess", "1")  # 3
    with Database(db) as store:
        from ddwizard.core.changes import ConfidenceSet

        first_area = store.questionnaire_for(3).referents[0].id
        store.apply(3, ConfidenceSet(first_area, "low"))
        light = load_for_comparison(store, [3, 1])
        for aid, a, q in light:
            whole = store.load_assessment(aid)
            assert q == store.questionnaire_for(aid)
            assert a.chosen() == whole.chosen()
            assert [n.confidence for n in a.referent_notes] == [
                n.confidence for n in whole.referent_notes
            ]
            same = ("uid", "school", "label", "assessor", "assessed_on", "referents")
            assert [getattr(a, k) for k in same] == [getattr(whole, k) for k in same]
            assert a.trust.name == whole.trust.name  # its reference is not read: not compared
            assert [(t.referent, t.purpose, t.practice, t.by) for t in a.targets] == [
                (t.referent, t.purpose, t.practice, t.by) for t in whole.targets
            ]
            assert a.targets  # the demo's: a portfolio counts the schools far from them
            assert a.decision == whole.decision  # its joining date sets joining schools apart
        assert [aid for aid, _, _ in light] == [3, 1]
        assert light[0][1].note_for(first_area).confidence == "low"


def test_a_trusts_schools_joining_apart_through_the_database(db, capsys):
    from ddwizard import services
    from ddwizard.core.assessment import Decision, School, new_uid
    from ddwizard.storage import Database

    with Database(db) as store:
        first = services.create_demo(store)  # assessed 18 November 2026
        base = store.load_assessment(first)
        q = store.questionnaire_for(first)
        ids = [
            store.create_assessment(
                base.with_changes(
                    uid=new_uid(),
                    school=School(f"School {n}", urn=str(100 + n)),
                    decision=Decision(joining_on=joining) if joining else None,
                ),
                q,
            )
            for n, joining in enumerate(("2027-04-01", "2018-09-01", "", "2027-09-01"))
        ]
    code, out, _ = run(capsys, "compare", *map(str, ids), "--json")
    portfolio = json.loads(out)["portfolio"]
    assert portfolio["joining"] == [ids[0], ids[3]]
    assert portfolio["existing"] == [ids[1]] and portfolio["not_recorded"] == [ids[2]]
    # Same answers and targets everywhere: an area where one school is far, all four are.
    assert portfolio["far_from_targets"]
    assert all(row["far"] == 4 for row in portfolio["far_from_targets"])
    code, out, _ = run(capsys, "compare", *map(str, ids))
    assert "Joining: 2 (School 0, School 3)." in out
    assert "Already in the trust: 1 (School 1)." in out
    assert "Areas where schools sit 0.5 or more from their targets, most first:" in out
