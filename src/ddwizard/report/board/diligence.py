"""Due diligence in the main paper (findings first, then open items due before the
decision) and the full checklist as an appendix (done items with nothing to note condensed)."""

from __future__ import annotations

from ddwizard.core.assessment import ItemStatus
from ddwizard.report import formats
from ddwizard.report.blocks import Block, Bullets, Heading, Inline, Para, Table, bold, join, plain
from ddwizard.report.board.money import LEVEL_WORDS, cost_words
from ddwizard.report.inputs import UNKNOWN_COST, day, ranked
from ddwizard.report.model import BriefModel
from ddwizard.report.text import CHUNK

OPEN = (ItemStatus.NOT_STARTED, ItemStatus.IN_PROGRESS)
SHOWN = 5  # open items in the main paper; all of them are in the checklist appendix


def build(m: BriefModel, appendix: str) -> list[Block]:
    out: list[Block] = [Heading("Due diligence", 1), Heading("Findings", 2)]
    if m.inputs.findings:
        rows = tuple(
            (
                bold(f.area),
                _finding(f),
                plain(f.owner or "Not recorded"),
                plain(formats.date(f.due, short=True) or "No date"),
            )
            for f in ranked(m.inputs.findings)
        )
        out.append(
            Table(("Area", "Finding", "Owner", "Due"), rows, (0.16, 0.55, 0.15, 0.14), dense=True)
        )
    else:
        out.append(Para(plain("No finding is recorded.")))
    open_rows = sorted(
        (r for r in m.checklist() if r.entry.status in OPEN),
        key=lambda r: (day(r.entry.due) is None, day(r.entry.due) or 0),
    )
    decide = day(m.decide_by)
    if decide:
        due = [r for r in open_rows if day(r.entry.due) and day(r.entry.due) <= decide]
        title = f"Open items due before the decision ({formats.date(m.decide_by)})"
        why = f"{formats.count(len(due), 'open item')} fall due before the decision"
    else:
        due = open_rows
        title = "Open items, soonest first"
        why = "No decision date is recorded"
    shown = due[:SHOWN]
    out.append(Heading(title, 2))
    if len(due) > len(shown):
        out.append(
            Para(
                plain(
                    f"{why}: the {len(shown)} due soonest are shown here; all "
                    f"{len(open_rows)} open items are in {appendix}."
                ),
                "small",
            )
        )
    if shown:
        out.append(_items(shown))
    else:
        out.append(Para(plain("None.")))
    return out


def _finding(f) -> Inline:
    """A finding: its level and what it is on (the checklist item, or the question an
    answer below a minimum was given to), then what was found and its cost."""
    on = f"the answer to \u201c{f.title}\u201d" if f.from_answer else f.title.rstrip(".")
    return join(bold(f"{LEVEL_WORDS[f.level]}: {on}"), f"\n{f.text.strip()} {cost_words(f.cost)}.")


def _note(r):
    """An item's note, and its finding where it has one."""
    f = r.entry.finding
    note = r.entry.note.strip()
    if f is None or not f.matters:
        return plain(note or "\u2013")
    said = f.text.strip() if f.text.strip() and f.text.strip() != note else ""
    finding = join(
        bold(f"Finding ({f.level}): "), f"{said} {cost_words(f.cost or UNKNOWN_COST)}.".lstrip()
    )
    return join(note + "\n", finding) if note else finding


def _items(rows) -> Table:
    body = tuple(
        (
            bold(r.item.text),
            plain(r.entry.status.label),
            _note(r),
            plain(r.entry.owner or "Not recorded"),
            plain(formats.date(r.entry.due, short=True) or "No date"),
        )
        for r in rows
    )
    return Table(
        ("Item", "Status", "Note", "Owner", "Due"), body, (0.26, 0.12, 0.34, 0.14, 0.14), dense=True
    )


def _found(r) -> bool:
    return bool(r.entry.finding and r.entry.finding.matters)


def checklist(m: BriefModel, title: str) -> list[Block]:
    out: list[Block] = [Heading(title, 1)]
    rows = m.checklist()
    if not rows:
        return [*out, Para(plain("The questionnaire has no due-diligence checklist."))]
    out.append(
        Para(
            plain(
                "Every checklist item by area: first those still open, with a finding or not "
                "applicable; then, condensed, those done with no finding."
            ),
            "small",
        )
    )
    for area_id in dict.fromkeys(r.area.id for r in rows):
        in_area = [r for r in rows if r.area.id == area_id]
        out.append(Heading(in_area[0].area.title, 2))
        done = [r for r in in_area if r.entry.status == ItemStatus.DONE and not _found(r)]
        rest = [r for r in in_area if r not in done]
        if rest:
            out.append(_items(rest))
        if done:
            out += [
                Para(plain("Done, with no finding:"), "small"),
                Bullets(tuple(map(_done, done))),
            ]
    return out


def _done(r) -> Inline:
    """A done item in a line: what it is, its note, who and when."""
    e = r.entry
    when = formats.date(e.due, short=True)
    who = ", ".join(x for x in (e.owner.strip(), when) if x)
    note = " ".join(e.note.split()) if len(e.note) <= CHUNK else e.note.strip()
    said = f"{r.item.text.rstrip('.')}" + (f": {note}" if note else "")
    return plain(
        said + (f" ({who})" if who else "") + ("" if said.endswith(".") and not who else ".")
    )
