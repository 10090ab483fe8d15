"""Run the benchmark suite and print the table: `uv run python benchmarks/run.py`.

Each figure is a ratio against a bare baseline measured in the same run (or an absolute
budget where the issue sets one). Exits 1 if any figure is over its budget.
"""

from __future__ import annotations

import compileall
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The app runs from bytecode, compiled once, as an installed app does after its first run.
# This machine's environment sets PYTHONDONTWRITEBYTECODE, which would charge the figures
# measured in this process (a first visit to a page imports its modules) for compiling
# each module from source every time. The bytecode goes to a temporary folder.
sys.dont_write_bytecode = False
sys.pycache_prefix = tempfile.mkdtemp(prefix="ddwizard-bench-bytecode-")
compileall.compile_dir(Path(__file__).parents[1] / "src" / "ddwizard", quiet=1)

from harness import table  # noqa: E402


def main(argv: list[str]) -> int:
    import bench_app
    import bench_commands
    import bench_compare
    import bench_store

    # The app's suite starts many fresh processes, which leave this machine slower for a
    # while after: it comes last.
    suites = {
        "store": bench_store.run_all,
        "commands": bench_commands.run_all,
        "compare": bench_compare.run_all,
        "app": bench_app.run_all,
    }
    chosen = argv or list(suites)
    unknown = [name for name in chosen if name not in suites]
    if unknown:
        choose = ", ".join(suites)
        print(f"no such suite: {', '.join(unknown)} (choose from {choose})", file=sys.stderr)
        return 2
    figures = []
    for name in chosen:
        print(f"measuring {name}…", file=sys.stderr, flush=True)
        figures += suites[name]()
    print(table(figures))
    return 0 if all(f.passed for f in figures) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
