"""The app knows its version, written once in pyproject.toml: `--version`, Help > About,
the brief's method appendix, and the bundles it exports."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from pypdf import PdfReader

from ddwizard.cli import main

ROOT = Path(__file__).parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setenv("DDWIZARD_DB", str(tmp_path / "dd.db"))
    assert main(["demo"]) == 0


def test_version_prints_the_projects_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out == f"ddwizard {VERSION}\n"


def test_help_about_names_the_version():
    from ddwizard.ui.help import ABOUT_DDWIZARD

    assert ABOUT_DDWIZARD.startswith(f"ddwizard {VERSION}\n")


def test_the_brief_method_appendix_names_the_version(db, tmp_path):
    out = tmp_path / "brief.pdf"
    assert main(["brief", "1", "-o", str(out)]) == 0
    pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(out).pages]
    appendix = next(i for i, text in enumerate(pages) if "Appendix C: Method and sources" in text)
    assert any(f"made with ddwizard {VERSION}" in text for text in pages[appendix:])


def test_an_exported_bundle_says_which_version_wrote_it(db, tmp_path):
    out = tmp_path / "visit.json"
    assert main(["export", "1", "-o", str(out)]) == 0
    assert json.loads(out.read_text())["written_by"] == f"ddwizard {VERSION}"


def test_import_ignores_written_by_and_still_reads_bundles_without_it(db, tmp_path, capsys):
    out = tmp_path / "visit.json"
    assert main(["export", "1", "-o", str(out)]) == 0
    data = json.loads(out.read_text())
    for i, written_by in enumerate(["ddwizard 9.9.9", "something else entirely", None]):
        bundle = dict(data)
        if written_by is None:  # as 0.1.0 wrote them: format 1 without the key
            del bundle["written_by"]
        else:
            bundle["written_by"] = written_by
        path = tmp_path / f"b{i}.json"
        path.write_text(json.dumps(bundle))
        capsys.readouterr()
        assert main(["import", str(path), "--copy"]) == 0, capsys.readouterr().err
        new_id = capsys.readouterr().out.strip()
        again = tmp_path / f"again{i}.json"
        assert main(["export", new_id, "-o", str(again)]) == 0
        back = json.loads(again.read_text())
        assert back["written_by"] == f"ddwizard {VERSION}"  # the exporter's, not the file's
        assert back["answers"] == data["answers"] and back["targets"] == data["targets"]
