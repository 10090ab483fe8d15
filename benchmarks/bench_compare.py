"""Comparing many assessments: a trust's hundred schools cost at most 3x comparing two.

The figure is the command as a person runs it (`ddwizard compare ... --json`, a fresh
process each time), 100 schools against 2, timed alternately so machine load falls on both.
A second figure keeps the in-process cost of each further assessment in check, so the ratio
cannot hide behind a slow start.

Run alone with `uv run python benchmarks/bench_compare.py`, or as the `compare` suite.
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from harness import Figure, median, table  # noqa: E402

from ddwizard import services  # noqa: E402
from ddwizard.cli import main as cli  # noqa: E402
from ddwizard.core.assessment import Answer, School, new_uid  # noqa: E402
from ddwizard.storage import Database  # noqa: E402

SCHOOLS = 100


def portfolio(path: Path, n: int = SCHOOLS) -> list[int]:
    """The demo school and n-1 others of the same trust, each answered a little differently."""
    rng = random.Random(21)
    with Database(path) as db:
        first = services.create_demo(db)
        base = db.load_assessment(first)
        q = db.questionnaire_for(first)
        ids = [first]
        for i in range(n - 1):
            answers = []
            for a in base.answers:
                question = q.question(a.question)
                if question is not None and rng.random() < 0.5:
                    a = Answer(a.question, rng.choice([o.key for o in question.options]))
                answers.append(a)
            other = base.with_changes(
                uid=new_uid(), school=School(f"School {i}"), answers=tuple(answers)
            )
            ids.append(db.create_assessment(other, q))
    return ids


def _command(db: Path, ids: list[int]) -> list[str]:
    return [sys.executable, "-m", "ddwizard", "--db", str(db), "compare", *map(str, ids), "--json"]


def _env(cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(cache)  # compiled once, as an installed app is
    env["XDG_CACHE_HOME"] = str(cache / "xdg-cache")
    env.pop("DDWIZARD_DB", None)
    return env


def _run(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def as_run(tmp: Path, ids: list[int], rounds: int = 7) -> Figure:
    db, env = tmp / "portfolio.db", _env(tmp / "pycache")
    two, hundred = _command(db, ids[:2]), _command(db, ids)
    _run(two, env)  # compiles the bytecode and warms the file cache
    _run(hundred, env)
    small, large = [], []
    for _ in range(rounds):
        small.append(_run(two, env))
        large.append(_run(hundred, env))
    return Figure(
        f"compare --json: {len(ids)} vs 2 assessments (the command)",
        median(large),
        median(small),
        3.0,
    )


def in_process(tmp: Path, ids: list[int], rounds: int = 5) -> Figure:
    db = str(tmp / "portfolio.db")

    def compare(n: int) -> float:
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            cli(["--db", db, "compare", *map(str, ids[:n]), "--json"])
        return time.perf_counter() - start

    compare(2), compare(len(ids))
    small = median([compare(2) for _ in range(rounds)])
    large = median([compare(len(ids)) for _ in range(rounds)])
    each = (large - small) / (len(ids) - 2)
    return Figure("compare: each further assessment, in process", each, None, 0.010)


def run_all() -> list[Figure]:
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        ids = portfolio(tmp / "portfolio.db")
        return [as_run(tmp, ids), in_process(tmp, ids)]


if __name__ == "__main__":
    figures = run_all()
    print(table(figures))
    raise SystemExit(0 if all(f.passed for f in figures) else 1)
