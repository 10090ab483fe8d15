"""The packaged app's budgets (issue #22), measured only when a build exists:
`uv run python packaging/build.py`, then `uv run python benchmarks/bench_packaged.py`.

- Start-up: the packaged app takes at most twice the time of the same version run from
  source, for the window (opened, shown, closed: DDWIZARD_CLOSE_WHEN_SHOWN) and for a
  command. Each pair is timed alternately, whole processes, on the same database.
- Size: the Linux build is at most 250 MB unpacked.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from harness import Figure, interleaved, table  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "dist" / "ddwizard"
PROGRAM = BUILD / ("ddwizard-cli.exe" if sys.platform == "win32" else "ddwizard")
WINDOW = BUILD / ("ddwizard.exe" if sys.platform == "win32" else "ddwizard")


def _env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CACHE_HOME=str(tmp / "cache"))
    # From source, as an installed app runs after its first start: from bytecode.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    env.pop("DDWIZARD_DB", None)
    return env


def _runner(command: list[str], env: dict[str, str]):
    def run() -> None:
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=120)

    return run


def startup(tmp: Path) -> list[Figure]:
    env = _env(tmp)
    db = str(tmp / "bench.db")
    subprocess.run([str(PROGRAM), "--db", db, "demo"], env=env, check=True, capture_output=True)
    source = [sys.executable, "-m", "ddwizard", "--db", db]
    window_env = dict(env, DDWIZARD_CLOSE_WHEN_SHOWN="1")
    packed_window, source_window = interleaved(
        _runner([str(WINDOW), "--db", db], window_env), _runner(source, window_env), rounds=7
    )
    packed_list, source_list = interleaved(
        _runner([str(PROGRAM), "--db", db, "list", "--json"], env),
        _runner([*source, "list", "--json"], env),
        rounds=7,
    )
    return [
        Figure(
            "packaged: open the window and close it, vs from source",
            packed_window,
            source_window,
            2.0,
        ),
        Figure("packaged: a command (list --json), vs from source", packed_list, source_list, 2.0),
    ]


def size() -> list[Figure]:
    files = [p for p in BUILD.rglob("*") if p.is_file() and not p.is_symlink()]
    megabytes = sum(p.stat().st_size for p in files) / 1e6
    return [Figure(f"packaged: {sys.platform} build, unpacked", megabytes, None, 250, unit="MB")]


def run_all() -> list[Figure]:
    if not PROGRAM.is_file():
        print(f"no build at {BUILD}: run packaging/build.py first", file=sys.stderr)
        return []
    with tempfile.TemporaryDirectory() as d:
        return startup(Path(d)) + size()


if __name__ == "__main__":
    figures = run_all()
    if not figures:
        raise SystemExit(2)
    print(table(figures))
    raise SystemExit(0 if all(f.passed for f in figures) else 1)
