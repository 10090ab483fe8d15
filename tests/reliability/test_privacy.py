"""Promise 6: a school's data stays private and is only ever what was typed and chosen.

Files are readable by their owner only; no command uses the network at all; a bundle is
checked whole before anything is written; and no text in a bundle or questionnaire is ever
interpreted (a path, markup or template in it is stored and shown as written, and the file
it names is never opened or made).
"""

from __future__ import annotations

import itertools
import json
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlite_utils.migrations import Migrations

from ddwizard import services
from ddwizard.cli import build_parser, main
from ddwizard.core import bundle
from ddwizard.storage import Database, list_backups

from ..later_release import ours_then
from .helpers import as_imported, full_assessment, mode, tree, write_bundles

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "tests" / "core" / "fixtures" / "example_questionnaire.yaml"


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --- owner-only files ------------------------------------------------------------------------


def test_every_file_is_owner_only_whatever_the_umask(tmp_path, capsys):
    folder = tmp_path / "private"  # made by ddwizard: 0700
    db = folder / "dd.db"
    exports = tmp_path / "exports"
    exports.mkdir()
    old = os.umask(0)
    try:
        _every_writing_command(db, exports, capsys)
        with Database(db, migrations=_with_a_second_migration()):  # -wal, -shm there too
            files = [p for p in folder.rglob("*") if p.is_file()]
            folders = [folder, *(p for p in folder.rglob("*") if p.is_dir())]
            names = {p.name for p in files}
            assert {"dd.db", "dd.db-wal", "dd.db-shm"} <= names
            assert any(".replaced-" in n for n in names) and len(list_backups(db)) >= 3
            assert {str(p): mode(p) for p in files} == {str(p): 0o600 for p in files}
            assert {str(p): mode(p) for p in folders} == {str(p): 0o700 for p in folders}
        assert {p.name: mode(p) for p in exports.iterdir()} == {
            name: 0o600 for name in ("visit.json", "brief.pdf", "plane.png", "plane.svg")
        }
    finally:
        os.umask(old)


def _every_writing_command(db: Path, exports: Path, capsys) -> None:
    def ok(*argv):
        code, out, err = run(capsys, "--db", str(db), *argv)
        assert code == 0, err
        return out.strip()

    ok("demo")
    ok("export", "1", "-o", str(exports / "visit.json"))
    ok("brief", "1", "-o", str(exports / "brief.pdf"))
    ok("plane", "1", "-o", str(exports / "plane.png"))
    ok("plane", "1", "-o", str(exports / "plane.svg"))
    ok("import", "--replace", str(exports / "visit.json"))  # a backup first
    backup = ok("backup")
    ok("demo")
    ok("restore", backup)  # the replaced file kept aside
    Database(db, migrations=_with_a_second_migration()).close()  # a backup first


def _with_a_second_migration() -> Migrations:
    return ours_then(lambda db: db.execute("CREATE TABLE later (x)"), "m_later")


# --- no network, in this process and in a separate one --------------------------------------

WATCHED: list[tuple[str, tuple]] = []
_ACTIVE = {"network": False, "paths": ()}


def _audit(event: str, args: tuple) -> None:
    """One hook for the whole session (hooks cannot be removed), active only in a test."""
    if _ACTIVE["network"] and event.startswith("socket."):
        raise RuntimeError(f"ddwizard tried to use the network ({event})")
    if _ACTIVE["paths"] and args and isinstance(args[0], str | bytes | os.PathLike):
        name = os.fsdecode(args[0])
        if any(p in name for p in _ACTIVE["paths"]):
            WATCHED.append((event, args))


sys.addaudithook(_audit)


def _refuse(*args, **kw):
    raise RuntimeError("ddwizard tried to use the network")


@pytest.fixture
def no_network(monkeypatch):
    monkeypatch.setattr(socket.socket, "__init__", _refuse)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, name, _refuse)
    _ACTIVE["network"] = True
    yield
    _ACTIVE["network"] = False


def _commands(tmp_path: Path) -> list[list[str]]:
    """Every command the command line has (and `brief`/`plane` once it has them)."""
    db = ["--db", str(tmp_path / "net" / "dd.db")]
    out = tmp_path / "out"
    argv = [
        [*db, "demo"],
        [*db, "demo"],
        [*db, "list"],
        [*db, "list", "--json"],
        [*db, "export", "1", "-o", str(out / "visit.json")],
        [*db, "import", str(out / "visit.json"), "--replace"],
        [*db, "import", str(out / "visit.json"), "--copy"],
        [*db, "place", "1"],
        [*db, "place", "1", "--json"],
        ["validate", str(EXAMPLE)],
        [*db, "questionnaire", "add", str(EXAMPLE)],
        [*db, "questionnaire", "list"],
        [*db, "questionnaire", "list", "--json"],
        [*db, "backup"],
    ]
    have = set(build_parser()._subparsers._group_actions[0].choices)  # noqa: SLF001
    if "brief" in have:
        argv.append([*db, "brief", "1", "-o", str(out / "brief.pdf")])
    if "plane" in have:
        argv.append([*db, "plane", "1", "-o", str(out / "plane.svg")])
        argv.append([*db, "plane", "2", "-o", str(out / "plane.png"), "--compare", "1"])
    return argv


def _restore_argv(tmp_path: Path) -> list[str]:
    backups = sorted((tmp_path / "net" / "backups").iterdir())
    return ["--db", str(tmp_path / "net" / "dd.db"), "restore", str(backups[-1])]


def test_no_command_uses_the_network(tmp_path, no_network, capsys):
    (tmp_path / "out").mkdir()
    with pytest.raises(RuntimeError, match="network"):  # the guard works
        socket.create_connection(("example.org", 80))
    for argv in [*_commands(tmp_path), None]:
        argv = argv or _restore_argv(tmp_path)
        code, _, err = run(capsys, *argv)
        assert code == 0, (argv, err)


SHIM = """
import socket, sys
def _refuse(*args, **kw):
    raise RuntimeError("ddwizard tried to use the network")
def _hook(event, args):
    if event.startswith("socket."):
        raise RuntimeError(f"ddwizard tried to use the network ({event})")
socket.socket.__init__ = _refuse
for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
    setattr(socket, name, _refuse)
sys.addaudithook(_hook)
"""

CHILD = """
import json, socket, sys
try:
    socket.socket()
except RuntimeError:
    pass
else:
    sys.exit("the network guard is not active")
from ddwizard.cli import main
codes = []
for argv in json.loads(sys.argv[1]):
    if argv == ["restore"]:
        import pathlib
        folder = pathlib.Path(sys.argv[2])
        newest = sorted((folder / "backups").iterdir())[-1]
        argv = ["--db", str(folder / "dd.db"), "restore", str(newest)]
    codes.append(main(argv))
print(json.dumps(codes))
"""


def test_no_command_uses_the_network_in_a_process_of_its_own(tmp_path):
    """The guard goes in first, as `sitecustomize` (Python imports it before anything)."""
    shim = tmp_path / "shim"
    shim.mkdir()
    (shim / "sitecustomize.py").write_text(SHIM)
    (tmp_path / "out").mkdir()
    argv = [*_commands(tmp_path), ["restore"]]
    path = os.pathsep.join(filter(None, [str(shim), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": path, "QT_QPA_PLATFORM": "offscreen"}
    r = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(CHILD), json.dumps(argv), str(tmp_path / "net")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout.splitlines()[-1]) == [0] * len(argv), r.stderr


# --- a bundle is checked whole before anything is written ------------------------------------


def test_a_bundle_whose_100th_answer_is_wrong_writes_nothing(tmp_path, capsys):
    db = tmp_path / "data" / "dd.db"
    [(uid, _)] = write_bundles(tmp_path / "in", 1).items()
    good = tmp_path / "in" / f"{uid}.json"
    assert run(capsys, "--db", str(db), "import", str(good))[0] == 0
    data = json.loads(good.read_text())
    assert len(data["answers"]) > 100
    data["answers"][99]["option"] = "no-such-answer"
    data["school"]["name"] = "Changed before the bad answer"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    before = tree(db.parent)
    for how in ([], ["--replace"], ["--copy"]):
        code, out, err = run(capsys, "--db", str(db), "import", *how, str(bad))
        assert code == 1 and out == "" and "answers.99" in err and "no-such-answer" in err
        assert tree(db.parent) == before, how  # byte for byte; no backup either
    del data["assessment"]["uid"]  # as a new assessment: the same
    bad.write_text(json.dumps(data))
    assert run(capsys, "--db", str(db), "import", str(bad))[0] == 1
    assert tree(db.parent) == before


# --- text is stored and shown as written, never interpreted ---------------------------------


def _hostile(secret: Path, make: Path) -> list[str]:
    return [
        "{{ config }}{% include '" + str(secret) + "' %}",
        f"<img src='{secret}'/>",
        f"<a href='file://{secret}'>board papers</a>",
        f"file://{secret}",
        "../../x",
        f"{make}",
        "${HOME} $(touch " + str(make) + ") %(name)s {0}",
        "<para><font name='" + str(secret) + "'>x</font></para>",
        "Ærø 🏫 “quoted” & <b>bold</b> \\n",
    ]


def _hostile_assessment(texts: list[str]):
    q = services.shipped_default()
    a = full_assessment(q)
    t = itertools.cycle(texts)  # as many as the questionnaire needs
    return a.with_changes(
        label=next(t),
        assessor=next(t),
        school=a.school.__class__(next(t), next(t), next(t), next(t)),
        trust=a.trust.__class__(
            next(t), tuple(r.__class__(r.referent, next(t), next(t)) for r in a.trust.reference)
        ),
        answers=tuple(x.__class__(x.question, x.option, next(t), x.evidence) for x in a.answers),
        referent_notes=tuple(
            n.__class__.same(n.referent, n.confidence, next(t)) for n in a.referent_notes
        ),
        targets=tuple(
            x.__class__(
                x.referent,
                x.purpose,
                x.practice,
                x.by,
                x.return_trip,
                next(t),
                tuple(s.__class__(s.purpose, s.practice, s.by, next(t)) for s in x.steps),
            )
            for x in a.targets
        ),
        due_diligence=tuple(
            e.__class__(e.item, e.status, next(t), next(t), e.due) for e in a.due_diligence
        ),
    )


def test_text_in_bundles_and_questionnaires_is_never_interpreted(tmp_path, capsys, monkeypatch):
    secret = tmp_path / "secret" / "passwords.txt"
    secret.parent.mkdir()
    secret.write_text("not to be read")
    os.utime(secret, (1_000_000_000, 1_000_000_000))
    make = tmp_path / "made-by-a-bundle"
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)  # "../../x" would be tmp_path / "x"
    texts = _hostile(secret, make)
    a = _hostile_assessment(texts)
    source = tmp_path / "hostile.json"
    source.write_text(bundle.dumps_bundle(a, services.shipped_default()), encoding="utf-8")
    yaml = tmp_path / "hostile.yaml"
    yaml.write_text(_hostile_questionnaire(texts), encoding="utf-8")
    db = ["--db", str(tmp_path / "data" / "dd.db")]
    argv = [
        [*db, "import", str(source)],
        [*db, "export", "1", "-o", str(tmp_path / "back.json")],
        [*db, "list"],
        [*db, "list", "--json"],
        [*db, "place", "1"],
        ["validate", str(yaml)],
        [*db, "questionnaire", "add", str(yaml)],
        [*db, "questionnaire", "list"],
    ]
    have = set(build_parser()._subparsers._group_actions[0].choices)  # noqa: SLF001
    if "brief" in have:
        argv.append([*db, "brief", "1", "-o", str(tmp_path / "brief.pdf")])
    if "plane" in have:
        argv.append([*db, "plane", "1", "-o", str(tmp_path / "plane.svg")])
    WATCHED.clear()
    _ACTIVE["paths"] = (str(secret.parent), str(make), str(tmp_path / "x"), "../x")
    try:
        for args in argv:
            code, _, err = run(capsys, *args)
            assert code == 0, (args, err)
    finally:
        _ACTIVE["paths"] = ()
    assert WATCHED == []  # nothing named in the text was opened, listed or made
    assert not make.exists() and not (tmp_path / "x").exists()
    assert os.stat(secret).st_mtime == 1_000_000_000
    assert os.stat(secret).st_atime == 1_000_000_000
    back = json.loads((tmp_path / "back.json").read_text(encoding="utf-8"))
    assert back == json.loads(source.read_text(encoding="utf-8"))  # verbatim, every field
    if "brief" in have:  # the PDF shows the text as written, markup and all
        from pypdf import PdfReader

        pdf = "\n".join(p.extract_text() for p in PdfReader(tmp_path / "brief.pdf").pages)
        for token in ("{{ config }}", "<img src=", "file://", "${HOME}", "<para><font"):
            assert token in pdf, token
    with Database(tmp_path / "data" / "dd.db") as store:
        assert store.load_assessment(1) == as_imported(a)
        [stored] = [q for q in store.questionnaires() if q.id == "hostile"]
        assert stored.title == texts[0]


def _hostile_questionnaire(texts: list[str]) -> str:
    yaml = EXAMPLE.read_text(encoding="utf-8")
    yaml = yaml.replace("id: example\n", "id: hostile\n", 1)
    yaml = yaml.replace("title: Example questionnaire", f"title: {_quoted(texts[0])}")
    yaml = yaml.replace(
        "title: Early reading and phonics", f"title: {_quoted(texts[1] + texts[2])}"
    )
    return yaml.replace(
        "help: Look at the scheme itself, the daily lesson and how groups are organised.",
        f"help: {_quoted(' '.join(texts[3:]))}",
    )


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML string
