"""The command line (a contract: see DESIGN.md). Imports Qt only for the GUI command."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

PROG = "ddwizard"


def build_parser() -> argparse.ArgumentParser:
    import argparse

    p = argparse.ArgumentParser(
        prog=PROG,
        description="Practice and purpose due diligence for a school joining a School Trust.",
    )
    p.add_argument("--version", action=_print_version_action(), help="print the version and exit")
    p.add_argument(
        "--db",
        metavar="PATH",
        help="the database file (default: $DDWIZARD_DB, else your user data folder)",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser(
        "demo", help="add the demo: a trust's visit and the school's own view; print the visit's id"
    )
    s = sub.add_parser("list", help="the assessments")
    s.add_argument("--json", action="store_true", help="one JSON array on stdout")
    s = sub.add_parser("import", help="add assessments from bundles; print one id a line")
    s.add_argument("files", nargs="+", metavar="FILE.json")
    how = s.add_mutually_exclusive_group()
    how.add_argument(
        "--replace",
        action="store_true",
        help="replace an assessment with the same uid (after a backup)",
    )
    how.add_argument(
        "--copy", action="store_true", help="add as a new assessment when the uid is already here"
    )
    s = sub.add_parser("export", help="write an assessment as a bundle")
    s.add_argument("id", metavar="ID")
    s.add_argument("-o", "--output", required=True, metavar="FILE.json")
    s = sub.add_parser("place", help="where each area sits on the plane")
    s.add_argument("id", metavar="ID")
    s.add_argument("--json", action="store_true")
    s = sub.add_parser("brief", help="write the board paper (PDF, or Word for FILE.docx)")
    s.add_argument("id", metavar="ID")
    s.add_argument("-o", "--output", required=True, metavar="FILE.pdf|FILE.docx")
    s = sub.add_parser(
        "visit-pack", help="what to request before a visit, and the visit's questions, to print"
    )
    s.add_argument("id", metavar="ID")
    s.add_argument("-o", "--output", required=True, metavar="FILE.pdf|FILE.docx")
    s = sub.add_parser("plane", help="save the plane as a picture for slides")
    s.add_argument("id", metavar="ID")
    s.add_argument("-o", "--output", required=True, metavar="FILE.png|FILE.svg")
    s.add_argument(
        "--compare", metavar="EARLIER_ID", help="show the movement since an earlier assessment"
    )
    s = sub.add_parser("compare", help="compare assessments area by area")
    s.add_argument("ids", nargs="+", metavar="ID")
    s.add_argument("--json", action="store_true")
    s.add_argument(
        "-o",
        "--output",
        metavar="FILE.pdf|FILE.docx|FILE.png|FILE.svg",
        help="save a picture, or the options paper when comparing candidate trusts",
    )
    s = sub.add_parser("reassess", help="a new assessment of the same school and trust")
    s.add_argument("id", metavar="ID")
    s.add_argument(
        "--questionnaire", metavar="QID[@VERSION]", help="with this questionnaire (newest version)"
    )
    s.add_argument("--json", action="store_true")
    s = sub.add_parser("history", help="what changed in an assessment, when, from what to what")
    s.add_argument("id", metavar="ID")
    s.add_argument("--json", action="store_true", help="one JSON array on stdout, oldest first")
    s = sub.add_parser("questionnaire", help="add or list questionnaires")
    qsub = s.add_subparsers(dest="qcommand", metavar="ACTION", required=True)
    qa = qsub.add_parser("add", help="make a trust's own questionnaire available")
    qa.add_argument("file", metavar="FILE.yaml")
    ql = qsub.add_parser("list", help="the questionnaires available")
    ql.add_argument("--json", action="store_true")
    sub.add_parser("backup", help="take a backup now; print its path")
    s = sub.add_parser("restore", help="put a backup back (the current file is kept aside)")
    s.add_argument("backup", metavar="BACKUP")
    s = sub.add_parser("validate", help="check questionnaire files")
    s.add_argument("files", nargs="+", metavar="FILE.yaml")
    return p


def _print_version_action():
    import argparse

    class PrintVersion(argparse.Action):
        """argparse's own "version" action wants the text when the parser is built; reading
        the package metadata then would slow every command, so it is read when asked for."""

        def __init__(self, option_strings, dest, help=None):
            super().__init__(option_strings, argparse.SUPPRESS, nargs=0, help=help)

        def __call__(self, parser, namespace, values, option_string=None):
            from ddwizard import written_by

            print(written_by())
            parser.exit()

    return PrintVersion


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    db = _app_only(argv)
    if db is not False:
        return _run_app(db)
    args = build_parser().parse_args(argv)
    if args.command is None:
        return _run_app(args.db)
    from ddwizard import commands  # only for a command: the app needs none of it

    handler = commands.handler(args)
    try:
        return handler(args) or 0
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # noqa: BLE001 - the contract: words, never a traceback
        for line in commands.error_lines(e):
            print(f"{PROG}: error: {line}", file=sys.stderr)
        if os.environ.get("DDWIZARD_DEBUG"):
            raise
        return 1


def _app_only(argv: list[str]) -> str | None | bool:
    """The database of `ddwizard` or `ddwizard --db PATH`, the app as people start it, read
    without building the whole command line (argparse and every command's options); False
    for anything else, which argparse reads (and opens the app just the same)."""
    if not argv:
        return None
    if len(argv) == 2 and argv[0] == "--db" and not argv[1].startswith("-"):
        return argv[1]
    if len(argv) == 1 and argv[0].startswith("--db="):
        return argv[0].removeprefix("--db=")
    return False


def _run_app(db: str | None) -> int:
    """Open the app (Qt is imported only here)."""
    from ddwizard.ui.app import run

    return run(db)
