"""The layers of DESIGN.md, checked on every test run by import-linter's contracts
(pyproject.toml): core imports no Qt, SQLite or ReportLab; storage and report are
independent of each other and of the UI."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold():
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_runs_without_qt_sqlite_or_reportlab():
    # Block the forbidden modules, then import every module of core.
    code = (
        "import sys, importlib, pkgutil\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        blocked = {'PySide6', 'sqlite3', 'sqlite_utils', 'reportlab', 'docx'}\n"
        "        if name.split('.')[0] in blocked:\n"
        "            raise ImportError('blocked ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import ddwizard.core as c\n"
        "for m in pkgutil.iter_modules(c.__path__):\n"
        "    importlib.import_module('ddwizard.core.' + m.name)\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "ok", out.stderr
