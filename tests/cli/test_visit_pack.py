"""`ddwizard visit-pack ID -o FILE.pdf|FILE.docx`: the demo's pack in both formats, read
back; worded errors, exit 1 and no file for a wrong name or an unknown assessment."""

import io

import docx
import pytest
from pypdf import PdfReader

from ddwizard.cli import main


@pytest.fixture
def demo(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DDWIZARD_DB", str(tmp_path / "dd.db"))
    assert main(["demo"]) == 0
    capsys.readouterr()
    return tmp_path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_demo_pack_as_pdf_and_as_word(demo, capsys):
    pdf, word = demo / "pack.pdf", demo / "PACK.DOCX"
    code, out, err = run(capsys, "visit-pack", "1", "-o", str(pdf))
    assert (code, out, err.strip()) == (0, "", str(pdf))
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "Wrenholme St Aidan's C of E Primary School" in text
    assert "Documents to request" in text and "On the visit" in text
    assert run(capsys, "visit-pack", "1", "-o", str(word))[0] == 0
    document = docx.Document(io.BytesIO(word.read_bytes()))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:2] == ["Documents to request", "Before the visit: from the documents"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["visit-pack", "1", "-o", "{dir}/pack.txt"], "give a file name ending in .pdf or .docx"),
        (["visit-pack", "1", "-o", "{dir}/pack"], "give a file name ending in .pdf or .docx"),
        (["visit-pack", "7", "-o", "{dir}/pack.pdf"], "no assessment number 7"),
        (["visit-pack", "x1", "-o", "{dir}/pack.pdf"], "there is no assessment 'x1'"),
        (["visit-pack", "1", "-o", "{dir}/missing/pack.pdf"], "does not exist"),
    ],
)
def test_errors_are_worded_and_leave_no_file(demo, capsys, argv, message):
    before = sorted(p.name for p in demo.iterdir())
    code, out, err = run(capsys, *(a.format(dir=demo) for a in argv))
    assert code == 1 and out == ""
    assert err.startswith("ddwizard: error: ") and message in err
    assert "Traceback" not in err
    assert sorted(p.name for p in demo.iterdir()) == before
