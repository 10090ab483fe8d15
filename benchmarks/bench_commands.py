"""Commands as a person or a script runs them, each in a fresh process, against a bare script
doing the least the same job needs:

* the demo brief, `ddwizard brief ID -o FILE.pdf`, against a bare ReportLab document with the
  same number of pages and the same embedded font (`bare_brief.py`); and the same brief as
  Word (`-o FILE.docx`) against the PDF command;
* `list --json` and `place ID --json` on the demo, against a bare Python script that reads
  the same rows with sqlite3 and prints them (`bare_rows.py`).

Both sides run from bytecode written before timing (each is run once first), as an installed
app runs after its first start, and they take turns, so that load on this shared machine
falls on both alike.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_app import _env
from bench_store import demo_db
from harness import Figure, median
from pypdf import PdfReader

HERE = Path(__file__).resolve().parent


def ddwizard() -> list[str]:
    """The `ddwizard` command of this environment (its console script)."""
    script = Path(sys.executable).with_name("ddwizard")
    return [str(script)] if script.exists() else [sys.executable, "-m", "ddwizard"]


def _run(argv: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    out = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=300)
    elapsed = time.perf_counter() - start
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed: {out.stderr.strip()}")
    return elapsed, out.stdout


def _turns(a: list[str], b: list[str], env, rounds: int) -> tuple[float, float]:
    """Medians of `a` and `b` run in turns, after one run of each."""
    _run(a, env), _run(b, env)
    ta, tb = [], []
    for _ in range(rounds):
        ta.append(_run(a, env)[0])
        tb.append(_run(b, env)[0])
    return median(ta), median(tb)


def brief(tmp: Path, env) -> list[Figure]:
    db, pdf, pages_json = tmp / "brief.db", tmp / "brief.pdf", tmp / "pages.json"
    demo_db(db, 1)
    command = [*ddwizard(), "--db", str(db), "brief", "1", "-o", str(pdf)]
    _run(command, env)
    pages = [p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages]
    pages_json.write_text(json.dumps(pages), encoding="utf-8")
    bare = [sys.executable, str(HERE / "bare_brief.py"), str(pages_json), str(tmp / "bare.pdf")]
    if int(_run(bare, env)[1]) != len(pages):
        raise RuntimeError(f"the bare document does not have the brief's {len(pages)} pages")
    m, b = _turns(command, bare, env, rounds=7)
    figures = [Figure(f"brief: the demo, as a command ({len(pages)} pages)", m, b, 2.5)]
    word = [*ddwizard(), "--db", str(db), "brief", "1", "-o", str(tmp / "brief.docx")]
    w, p = _turns(word, command, env, rounds=5)
    return [*figures, Figure("brief: the demo as Word, against the PDF command", w, p, 2.0)]


def rows(tmp: Path, env) -> list[Figure]:
    db = tmp / "rows.db"
    demo_db(db, 1)
    figures = []
    for name, args, bare_args in (
        ("list --json", ["list", "--json"], ["list"]),
        ("place --json", ["place", "1", "--json"], ["place", "1"]),
    ):
        command = [*ddwizard(), "--db", str(db), *args]
        bare = [sys.executable, str(HERE / "bare_rows.py"), str(db), *bare_args]
        m, b = _turns(command, bare, env, rounds=11)
        figures.append(Figure(f"{name} on the demo, as a command", m, b, 5.0))
    return figures


def run_all() -> list[Figure]:
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        env = _env(tmp / "pycache")
        return brief(tmp, env) + rows(tmp, env)


if __name__ == "__main__":
    from harness import table

    print(table(run_all()))
