"""The board paper as a document model: what to say, in what order, in which tables.

The sections in `report/board/` build a :class:`Paper` once from an assessment; the PDF
writer (`pdf`) and the Word writer (`word`) each render the same Paper, so the two formats
cannot drift apart. Text here is exactly as typed (logical order, nothing escaped): each
writer makes it safe for its own format.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ddwizard.core.plane import PlaneScene


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


Inline = tuple[Run, ...]


def plain(value: str) -> Inline:
    return (Run(value),) if value else ()


def bold(value: str) -> Inline:
    return (Run(value, bold=True),) if value else ()


def join(*parts: Inline | str) -> Inline:
    """Runs and plain strings, one after another."""
    out: list[Run] = []
    for part in parts:
        out += plain(part) if isinstance(part, str) else part
    return tuple(out)


def lead(label: str, value: str) -> Inline:
    """'Label: value', the label in bold."""
    return join(bold(f"{label}: "), value)


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading; level 1 is a section (a bookmark, Word's Heading 1), 2 a subsection
    (bookmarked under it), 3 a small heading (no bookmark)."""

    text: str
    level: int = 1


@dataclass(frozen=True, slots=True)
class Para:
    runs: Inline
    style: str = "body"  # body | lead | small | note | quote


@dataclass(frozen=True, slots=True)
class Bullets:
    items: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A table with one header row; `widths` are fractions of the text width."""

    header: tuple[str, ...]
    rows: tuple[tuple[Inline, ...], ...]
    widths: tuple[float, ...]
    dense: bool = False  # many columns: a smaller type


@dataclass(frozen=True, slots=True)
class Figure:
    """The plane: every placed area, no whole-school point; `alt` says what it shows."""

    scene: PlaneScene
    alt: str


@dataclass(frozen=True, slots=True)
class PageBreak:
    pass


Block = Heading | Para | Bullets | Table | Figure | PageBreak


@dataclass
class Paper:
    title: str  # e.g. "Board paper: <school> joining <trust>"
    school: str
    trust: str
    author: str
    subject: str
    draft: bool
    assessed_on: str  # ISO date, for the file's own date (same input, same bytes)
    blocks: list[Block] = field(default_factory=list)

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def text(self) -> str:
        """Every word of the paper, for tests and searching."""
        out: list[str] = []
        for b in self.blocks:
            if isinstance(b, Heading):
                out.append(b.text)
            elif isinstance(b, Para):
                out.append("".join(r.text for r in b.runs))
            elif isinstance(b, Bullets):
                out += ["".join(r.text for r in item) for item in b.items]
            elif isinstance(b, Table):
                out.append(" ".join(b.header))
                out += ["".join(r.text for c in row for r in c) for row in b.rows]
        return "\n".join(out)


CELL_MAX = 1500  # characters a table cell holds; longer text follows the table, in full
CELL_KEPT = 300  # characters of it the cell keeps, to be read in place


def _length(runs: Inline) -> int:
    return sum(len(r.text) for r in runs)


def _cut(runs: Inline, size: int) -> Inline:
    """The first `size` characters or so of `runs`, ended at a space."""
    out: list[Run] = []
    left = size
    for r in runs:
        if len(r.text) <= left:
            out.append(r)
            left -= len(r.text)
            continue
        head = r.text[:left]
        head = head.rsplit(" ", 1)[0] if " " in head else head
        out.append(Run(head.rstrip(), r.bold, r.italic))
        break
    return tuple(out)


def _about(table: Table, row: tuple[Inline, ...], column: int, n: int) -> str:
    """A spilled cell's lead: its number, its column, and the start of its row."""
    others = [
        " ".join("".join(r.text for r in c).split()) for j, c in enumerate(row) if j != column
    ]
    about = " \u00b7 ".join(o for o in others if o)
    about = about if len(about) <= 100 else about[:100].rsplit(" ", 1)[0] + "\u2026"
    return f"Note {n}, {table.header[column]}" + (f" ({about})" if about else "") + ": "


def spill(table: Table) -> list[Block]:
    """The table, with every cell longer than CELL_MAX cut short and pointing to its text in
    full, which follows the table as a numbered paragraph led by the row it belongs to.
    (Very long text in a cell that runs over pages is slow to lay out and hard to read;
    nothing is lost.)"""
    rows, notes = [], []
    for row in table.rows:
        cells = list(row)
        for i, runs in enumerate(row):
            if _length(runs) <= CELL_MAX:
                continue
            n = len(notes) + 1
            cells[i] = join(
                _cut(runs, CELL_KEPT), (Run(f"\u2026 (in full below, note {n})", italic=True),)
            )
            notes.append(Para(join(bold(_about(table, row, i, n)), runs)))
        rows.append(tuple(cells))
    if not notes:
        return [table]
    return [Table(table.header, tuple(rows), table.widths, table.dense), *notes]
