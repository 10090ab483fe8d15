"""write_brief: the whole file or nothing, with errors in words."""

from __future__ import annotations

import os

import pytest

from ddwizard import fileio
from ddwizard.fileio import WriteError
from ddwizard.report import BriefError, write_brief
from ddwizard.report import brief as brief_module


def test_writes_the_brief(tmp_path, assessment, questionnaire):
    path = write_brief(tmp_path / "brief.pdf", assessment, questionnaire)
    assert path == tmp_path / "brief.pdf"
    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert os.listdir(tmp_path) == ["brief.pdf"]


def test_missing_folder_is_an_error_and_nothing_is_made(tmp_path, assessment, questionnaire):
    with pytest.raises(WriteError, match="does not exist"):
        write_brief(tmp_path / "nowhere" / "brief.pdf", assessment, questionnaire)
    assert os.listdir(tmp_path) == []


def test_a_folder_given_as_the_file_is_an_error(tmp_path, assessment, questionnaire):
    with pytest.raises(WriteError, match="is a folder"):
        write_brief(tmp_path, assessment, questionnaire)
    assert os.listdir(tmp_path) == []


def test_a_file_given_as_the_folder_is_an_error(tmp_path, assessment, questionnaire):
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(WriteError, match="is a file, not a folder"):
        write_brief(tmp_path / "notes.txt" / "brief.pdf", assessment, questionnaire)
    assert os.listdir(tmp_path) == ["notes.txt"]


def test_failure_mid_write_leaves_nothing(tmp_path, assessment, questionnaire, monkeypatch):
    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "fsync", broken_fsync)
    with pytest.raises(WriteError, match="No space left on device"):
        write_brief(tmp_path / "brief.pdf", assessment, questionnaire)
    assert os.listdir(tmp_path) == []


def test_failure_mid_write_keeps_the_old_file(tmp_path, assessment, questionnaire, monkeypatch):
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"the old brief")
    monkeypatch.setattr(fileio.os, "replace", lambda *a: (_ for _ in ()).throw(OSError(5, "I/O")))
    with pytest.raises(WriteError):
        write_brief(target, assessment, questionnaire)
    assert target.read_bytes() == b"the old brief"
    assert os.listdir(tmp_path) == ["brief.pdf"]


def test_a_layout_failure_is_a_brief_error_and_writes_nothing(
    tmp_path, assessment, questionnaire, monkeypatch
):
    def broken(paper):
        raise RuntimeError("the layout broke")

    monkeypatch.setattr(brief_module.pdf, "render", broken)
    with pytest.raises(BriefError, match="could not lay out the brief: the layout broke"):
        write_brief(tmp_path / "brief.pdf", assessment, questionnaire)
    assert os.listdir(tmp_path) == []


def test_a_missing_font_is_a_brief_error(monkeypatch, assessment, questionnaire):
    from ddwizard.report import fonts

    def missing():
        raise fonts.FontError("the font file NotoSans-Regular.ttf is missing or unreadable")

    monkeypatch.setattr(brief_module, "make_model", lambda *a: missing())
    with pytest.raises(BriefError, match="NotoSans-Regular.ttf is missing"):
        brief_module.render_brief(assessment, questionnaire)
