"""Fixtures for the brief: a rich assessment built in code, rendered once, read back."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cached_property

import pytest
from pypdf import PdfReader

from ddwizard.report import render_brief

from .builders import rich_assessment, rich_questionnaire


@dataclass
class Brief:
    """A rendered brief, read back with pypdf."""

    data: bytes

    @cached_property
    def reader(self) -> PdfReader:
        return PdfReader(io.BytesIO(self.data))

    @cached_property
    def pages(self) -> list[str]:
        return [p.extract_text() or "" for p in self.reader.pages]

    @cached_property
    def text(self) -> str:
        return "\n".join(self.pages)

    @cached_property
    def flat(self) -> str:
        """All text with line breaks and runs of spaces as single spaces (text wraps)."""
        return " ".join(self.text.split())

    def outline(self) -> list[tuple[int, str]]:
        """(depth, title) for every bookmark, in order."""
        out: list[tuple[int, str]] = []

        def walk(items, depth):
            for item in items:
                if isinstance(item, list):
                    walk(item, depth + 1)
                else:
                    out.append((depth, item.title))

        walk(self.reader.outline, 0)
        return out

    def page_of(self, needle: str) -> int:
        """1-based number of the first page whose text contains `needle`."""
        return next(i for i, t in enumerate(self.pages, start=1) if needle in " ".join(t.split()))


def read(data: bytes) -> Brief:
    return Brief(data)


@pytest.fixture(scope="session")
def demo(tmp_path_factory):
    """The demo visit as stored, with its questionnaire: what `ddwizard demo` adds."""
    from ddwizard import services
    from ddwizard.storage import Database

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with Database(path) as db:
        found = services.create_demo(db)
        return db.load_assessment(found), db.questionnaire_for(found)


@pytest.fixture(scope="session")
def questionnaire():
    return rich_questionnaire()


@pytest.fixture(scope="session")
def assessment(questionnaire):
    return rich_assessment(questionnaire)


@pytest.fixture(scope="session")
def brief(assessment, questionnaire) -> Brief:
    return read(render_brief(assessment, questionnaire))


@pytest.fixture(scope="session")
def brief_with_earlier(assessment, questionnaire) -> Brief:
    earlier = rich_assessment(
        questionnaire,
        label="Scoping visit",
        assessed_on="2026-06-10",
        answers=assessment.answers[3:],
    )
    return read(render_brief(assessment, questionnaire, earlier=(earlier, questionnaire)))


@dataclass
class WordPaper:
    """A Word board paper, read back with python-docx."""

    data: bytes

    @cached_property
    def document(self):
        import docx

        return docx.Document(io.BytesIO(self.data))

    @cached_property
    def text(self) -> str:
        """Every paragraph, in the body and in table cells, in order."""
        d = self.document
        out = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                out += [c.text for c in row.cells]
        return "\n".join(out)

    @cached_property
    def flat(self) -> str:
        return " ".join(self.text.split())

    def headings(self) -> list[tuple[str, str]]:
        """(style name, text) of every heading paragraph."""
        return [
            (p.style.name, p.text)
            for p in self.document.paragraphs
            if p.style.name.startswith("Heading")
        ]


@pytest.fixture(scope="session")
def word(assessment, questionnaire) -> WordPaper:
    from ddwizard.report import render_brief_docx

    return WordPaper(render_brief_docx(assessment, questionnaire))
