"""One function per command of the command line; each returns its exit code."""

from __future__ import annotations

import sys
from collections.abc import Callable

from ddwizard import services
from ddwizard.core.errors import UserError
from ddwizard.core.placement import place_assessment, placement_json


class CliError(UserError):
    """Bad input: reported as `ddwizard: error: ...` lines, exit 1."""

    def __init__(self, *lines: str):
        super().__init__("\n".join(str(line) for line in lines))


def handler(args) -> Callable:
    """The function for the command `args` asks for."""
    name = args.command if args.command != "questionnaire" else f"questionnaire_{args.qcommand}"
    return globals()["cmd_" + name.replace("-", "_")]


def error_lines(e: Exception) -> list[str]:
    """What the command line says about an error, one line each."""
    if isinstance(e, UserError):
        return e.lines()
    if isinstance(e, OSError):
        where = f"{e.filename}: " if e.filename else ""
        return [f"{where}{e.strerror or e}"]
    return [f"something unexpected went wrong ({type(e).__name__}: {e})"]


def print_json(data) -> None:
    """One write of the whole text (json.dump would write it a token at a time). A list
    (the rows of `list --json`, which grow with the database) on one line, compact, by the
    C encoder; anything else indented. An indented dump goes through the pure-Python encoder,
    which is what made `list --json` slow to grow."""
    import json

    if isinstance(data, list):
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    else:
        text = json.dumps(data, ensure_ascii=False, indent=2)
    sys.stdout.write(text + "\n")


def _db(args):
    db = services.open_database(args.db)
    for warning in db.warnings:
        print(f"ddwizard: warning: {warning}", file=sys.stderr)
    return db


def cmd_demo(args) -> int:
    with _db(args) as db:
        visit, school_view = services.add_demo(db)
    print(visit)
    print(
        f"ddwizard: also added the school's own view as assessment {school_view}; "
        f"'ddwizard compare {visit} {school_view}' sets the two side by side",
        file=sys.stderr,
    )
    return 0


def cmd_list(args) -> int:
    with _db(args) as db:
        written = db.list_json() if args.json else None
        rows = db.list_assessments() if written is None else []
    if written is not None:  # the database wrote each row's JSON, as info_json would
        sys.stdout.write(f"[{','.join(written)}]\n")
        return 0
    if args.json:
        print_json([info_json(r) for r in rows])
        return 0
    if not rows:
        print("No assessments yet. Try 'ddwizard demo', or open the app with 'ddwizard'.")
        return 0
    header = ("id", "school", "trust", "label", "assessor", "status", "done", "updated")
    table = [header] + [
        (
            str(r.id),
            r.school,
            r.trust,
            r.label,
            r.assessor,
            r.status,
            f"{r.answered}/{r.questions}",
            r.updated[:16].replace("T", " "),
        )
        for r in rows
    ]
    widths = [min(32, max(len(row[i]) for row in table)) for i in range(len(header))]
    for row in table:
        print("  ".join(_cell(c, w) for c, w in zip(row, widths, strict=True)).rstrip())
    return 0


def _cell(text: str, width: int) -> str:
    text = " ".join(text.split())
    return (text[: width - 1] + "…" if len(text) > width else text).ljust(width)


def info_json(r) -> dict:
    """An assessment in `list --json` (storage.listing.json_rows writes the same)."""
    return {
        "id": r.id,
        "uid": r.uid,
        "school": r.school,
        "trust": r.trust,
        "label": r.label,
        "assessor": r.assessor,
        "assessed_on": r.assessed_on,
        "status": r.status,
        "created": r.created,
        "updated": r.updated,
        "answered": r.answered,
        "questions": r.questions,
    }


def cmd_import(args) -> int:
    mode = (
        services.ImportMode.REPLACE
        if args.replace
        else services.ImportMode.COPY
        if args.copy
        else services.ImportMode.REFUSE
    )
    failures: list[str] = []
    with _db(args) as db:
        for file in args.files:
            try:
                assessment, questionnaire = services.read_bundle_file(db, file)
                # Flushed at once: a printed id is a committed assessment, even if the
                # process is stopped before the others.
                print(services.import_assessment(db, assessment, questionnaire, mode), flush=True)
            except Exception as e:  # noqa: BLE001 - each file stands alone: report, go on
                failures += [
                    line if line.startswith(file) else f"{file}: {line}" for line in error_lines(e)
                ]
    if failures:
        raise CliError(*failures)
    return 0


def cmd_export(args) -> int:
    with _db(args) as db:
        path = services.export_assessment(db, services.resolve_id(db, args.id), args.output)
    print(path, file=sys.stderr)
    return 0


def cmd_place(args) -> int:
    with _db(args) as db:
        aid = services.resolve_id(db, args.id)
        assessment = db.load_assessment(aid)
        questionnaire = db.questionnaire_for(aid)
    placement = place_assessment(questionnaire, assessment)
    if args.json:
        print_json(placement_json(aid, placement))
        return 0
    _print_placement(placement)
    return 0


def _print_placement(placement) -> None:
    def fmt(v):
        return "   —  " if v is None else f"{v:+.2f}"

    def where(p):
        if not p.placed:
            return "not placed"
        letter = p.quadrant.value if p.quadrant else ""
        if p.borderline:
            return f"{letter}{', ' if letter else ''}borderline"
        return letter

    print(f"{'area':40} {'purpose':>7} {'practice':>8}  quadrant")
    for rp in placement.referents:
        pos = rp.position
        print(
            f"{_cell(rp.referent.title, 40)} {fmt(pos.purpose):>7} {fmt(pos.practice):>8}  "
            f"{where(pos)}"
        )
    o = placement.overall
    print(f"{'Overall':40} {fmt(o.purpose):>7} {fmt(o.practice):>8}  {where(o)}")


def cmd_plane(args) -> int:
    from ddwizard.ui.plane_export import export_plane  # Qt only for this command

    with _db(args) as db:
        aid = services.resolve_id(db, args.id)
        compare = services.resolve_id(db, args.compare) if args.compare else None
        path = export_plane(db, aid, args.output, compare)
    print(path, file=sys.stderr)
    return 0


def cmd_brief(args) -> int:
    from ddwizard.report import write_brief  # ReportLab only for this command

    with _db(args) as db:
        aid = services.resolve_id(db, args.id)
        assessment = db.load_assessment(aid)
        questionnaire = db.questionnaire_for(aid)
        earlier = services.earlier_for_brief(db, aid)
    path = write_brief(args.output, assessment, questionnaire, earlier=earlier)
    print(path, file=sys.stderr)
    return 0


def cmd_visit_pack(args) -> int:
    from ddwizard.report.visit_pack import check_suffix, write_visit_pack

    check_suffix(args.output)  # before opening the database: a wrong name is a quick error
    with _db(args) as db:
        aid = services.resolve_id(db, args.id)
        assessment = db.load_assessment(aid)
        questionnaire = db.questionnaire_for(aid)
    print(write_visit_pack(args.output, assessment, questionnaire), file=sys.stderr)
    return 0


def cmd_history(args) -> int:
    from ddwizard.core.history import history, local_time

    with _db(args) as db:
        aid = services.resolve_id(db, args.id)
        entries = db.audit(aid)
        questionnaire = db.questionnaire_for(aid)
    if args.json:
        print_json([{"at": e.at, "what": e.what, "old": e.old, "new": e.new} for e in entries])
        return 0
    for line in history([(e.what, e.old, e.new, e.at) for e in entries], questionnaire):
        print(f"{local_time(line.at)}  {line.what}")
        print(f"{'':18}{_cell(line.old, 60).rstrip()} → {_cell(line.new, 60).rstrip()}")
    return 0


def cmd_questionnaire_add(args) -> int:
    with _db(args) as db:
        q = services.add_questionnaire(db, args.file)
    print(f"{q.id} version {q.version}: {q.title}")
    return 0


def cmd_questionnaire_list(args) -> int:
    with _db(args) as db:
        services.ensure_default(db)
        rows = db.questionnaires()
    if args.json:
        print_json(
            [
                {
                    "id": r.id,
                    "version": r.version,
                    "title": r.title,
                    "referents": r.referents,
                    "questions": r.questions,
                    "added": r.added,
                }
                for r in rows
            ]
        )
        return 0
    for r in rows:
        print(
            f"{r.id}  version {r.version}  {r.title}  "
            f"({r.referents} areas, {r.questions} questions)"
        )
    return 0


def cmd_backup(args) -> int:
    with _db(args) as db:
        print(db.backup())
    return 0


def cmd_restore(args) -> int:
    from ddwizard import paths
    from ddwizard.storage import restore

    kept = restore(paths.database_path(args.db), args.backup)
    before = f"the previous database is kept at {kept}" if kept else "there was no database before"
    print(f"restored {args.backup}; {before}", file=sys.stderr)
    return 0


def cmd_validate(args) -> int:
    from ddwizard.core.qfile import check_questionnaire  # pydantic and PyYAML: only here

    problems = [p for file in args.files for p in check_questionnaire(file)]
    for p in problems:
        print(p)
    if not problems:
        for file in args.files:
            print(f"{file}: ok", file=sys.stderr)
    return 1 if problems else 0


PICTURES = (".png", ".svg")
PAPERS = (".pdf", ".docx")


def cmd_compare(args) -> int:
    import json
    from pathlib import Path

    from ddwizard.core.compare import Kind, comparison_json

    suffix = Path(args.output).suffix.lower() if args.output else ""
    if args.output and suffix not in PICTURES + PAPERS:
        raise CliError(f"{args.output}: give a file name ending in .pdf, .docx, .png or .svg")
    with _db(args) as db:
        ids = services.comparison_ids(db, args.ids)
        comparison = services.compare_assessments(db, ids)
    if suffix in PAPERS and comparison.kind != Kind.TRUSTS:
        raise CliError(
            f"{args.output}: an options paper (PDF or Word) sets candidate trusts side by "
            f"side for one school; these assessments compare {comparison.kind.words}. Give "
            "a file name ending in .png or .svg for a picture."
        )
    if suffix in PAPERS:
        from ddwizard.report.options import write_options  # ReportLab: only for a paper

        print(write_options(args.output, comparison), file=sys.stderr)
    elif args.output:
        from ddwizard.ui.compare_export import export_comparison  # Qt only for pictures

        print(export_comparison(comparison, args.output), file=sys.stderr)
    if args.json:  # compact, by the C encoder: a trust's hundred schools make a long one
        sys.stdout.write(json.dumps(comparison_json(comparison), ensure_ascii=False) + "\n")
    elif not args.output:
        from ddwizard.compare_text import print_comparison

        print_comparison(comparison)
    return 0


def cmd_reassess(args) -> int:
    with _db(args) as db:
        aid = services.resolve_id(db, args.id)
        q = services.resolve_questionnaire(db, args.questionnaire) if args.questionnaire else None
        new_id, result = services.reassess(db, aid, q)
    if args.json:
        print_json({"id": new_id, "carried": len(result.carried), "dropped": list(result.dropped)})
        return 0
    print(new_id)
    q = result.assessment
    print(
        f"carried {len(result.carried)} answers into {q.questionnaire_id} version "
        f"{q.questionnaire_version}",
        file=sys.stderr,
    )
    if result.dropped:
        print(
            "dropped (the question or its option is not in that questionnaire): "
            + ", ".join(result.dropped),
            file=sys.stderr,
        )
    return 0
