"""Screenshots of every step of the real window, offscreen, for looking at the app.

    uv run python scripts/screenshots.py OUTDIR

runs itself once per look (light and dark palette, at 100% and 200% scale; each scale
is its own process, since QT_SCALE_FACTOR is read at start-up) and writes PNGs into OUTDIR,
named look-NN-step.png. Each run uses a temporary database holding the demo assessment,
or, while there is no demo, an assessment filled in here.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LOOKS = {  # name: (palette, scale, logical window size)
    "light-100": ("light", "1", (1093, 614)),  # a 1366×768 laptop at 125%, less a taskbar
    "dark-100": ("dark", "1", (1093, 614)),
    "light-200": ("light", "2", (1093, 614)),  # the same window at 200%: twice the pixels
    "dark-200": ("dark", "2", (1093, 614)),
}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("outdir", type=Path)
    p.add_argument("--look", choices=sorted(LOOKS), help="one look only, in this process")
    args = p.parse_args()
    args.outdir.mkdir(parents=True, exist_ok=True)
    if args.look:
        # Asked for one look: its palette and scale, unless the caller set them (Qt reads
        # both when it starts, which is after this).
        palette, scale, _ = LOOKS[args.look]
        os.environ.setdefault("DDWIZARD_THEME", palette)
        os.environ.setdefault("QT_SCALE_FACTOR", scale)
        return shoot(args.outdir, args.look)
    failed = 0
    for look, (palette, scale, _) in LOOKS.items():
        env = dict(
            os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=scale, DDWIZARD_THEME=palette
        )
        cmd = [sys.executable, __file__, str(args.outdir), "--look", look]
        failed |= subprocess.run(cmd, env=env).returncode
    print(f"screenshots in {args.outdir}")
    return failed


def fill(db) -> int:
    """A filled-in assessment, when there is no demo to use."""
    from ddwizard import services
    from ddwizard.core.assessment import (
        Answer,
        Assessment,
        ChecklistEntry,
        Confidence,
        ItemStatus,
        ReferentNote,
        School,
        Step,
        Target,
        Trust,
        TrustReference,
    )
    from ddwizard.core.questionnaire import EVIDENCE_SOURCES

    q = services.ensure_default(db)
    rnd = random.Random(7)
    areas = [r for r in q.referents][:: max(1, len(q.referents) // 8)][:8]
    answers = []
    for i, r in enumerate(areas):
        lean = (rnd.choice([0, 1]), rnd.choice([0, 1, 2]))
        for question in r.questions[:-1] if i % 3 == 0 else r.questions:
            pick = min(
                len(question.options) - 2,
                max(0, lean[question.axis == "purpose"] + rnd.choice([-1, 0, 1])),
            )
            answers.append(
                Answer(
                    question.id,
                    question.options[pick].key,
                    "Seen in the subject leader's plans." if rnd.random() < 0.3 else "",
                    tuple(rnd.sample(EVIDENCE_SOURCES, 2)),
                )
            )
    refs = tuple(
        TrustReference(
            r.id,
            f"The trust's shared approach to {r.title.lower()}.",
            "So that every pupil becomes a powerful learner.",
        )
        for r in areas
    )
    items = [i for a in q.due_diligence for i in a.items][:20]
    statuses = list(ItemStatus)
    a = Assessment(
        "",
        School("Hillside Primary School", "123456", "Primary", "Northshire"),
        Trust("Riverside Learning Trust", refs),
        q.id,
        q.version,
        label="Pre-join visit",
        assessor="Sam Patel",
        assessed_on="2026-11-20",
        referents=tuple(r.id for r in areas),
        answers=tuple(answers),
        referent_notes=tuple(ReferentNote(r.id, rnd.choice(list(Confidence)), "") for r in areas),
        targets=(
            Target(
                areas[0].id,
                0.6,
                0.5,
                "2027-09",
                False,
                "Agree purposes first.",
                (Step(0.5, -0.2, "2027-01", "Shared vision work"),),
            ),
        ),
        due_diligence=tuple(
            ChecklistEntry(i.id, statuses[n % len(statuses)], owner="J. Okafor")
            for n, i in enumerate(items)
        ),
    )
    return db.create_assessment(a, q)


def shoot(outdir: Path, look: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ddwizard import services
    from ddwizard.ui.app import application
    from ddwizard.ui.mainwindow import MainWindow

    app = application()
    _, _, (width, height) = LOOKS[look]
    with tempfile.TemporaryDirectory() as tmp:
        from PySide6.QtCore import QSettings

        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        db = services.open_database(Path(tmp) / "shots.db")
        window = MainWindow(db)
        window.resize(width, height)
        window.show()
        window.start_up()
        n = _Counter(outdir, look, window)
        n.shot("start-empty")
        try:
            assessment_id = services.create_demo(db)
        except Exception:  # noqa: BLE001 - no demo yet: make one
            assessment_id = fill(db)
        fill(db)  # a second row for the list
        window.start.refresh()
        n.shot("start-list")
        window.open_assessment(assessment_id, "about")
        for step in list(window.wizard.steps):
            if step.key.startswith("area:") and step.key != _first_area(window):
                continue
            window.wizard.go(step.key)
            if step.key.startswith("area:"):  # show the keyboard focus on an option
                window.activateWindow()
                box = next(iter(window.wizard.current_page().questions.values()))
                box.group.checkedButton().setFocus()
            n.shot(step.key.replace(":", "-"))
        window.show_framework_help()
        app.processEvents()
        n.save(window._help.grab(), "help")
        window.close()
        db.close()
    return 0


def _first_area(window) -> str:
    return next(s.key for s in window.wizard.steps if s.key.startswith("area:"))


class _Counter:
    def __init__(self, outdir: Path, look: str, window) -> None:
        self.outdir, self.look, self.window, self.n = outdir, look, window, 0

    def shot(self, name: str) -> None:
        from PySide6.QtWidgets import QApplication

        end = time.perf_counter() + 1.5  # a script, not the app: let the page finish and
        while time.perf_counter() < end:  # settle as it would on screen
            QApplication.processEvents()
        self.save(self.window.grab(), name)

    def save(self, pixmap, name: str) -> None:
        self.n += 1
        pixmap.save(str(self.outdir / f"{self.look}-{self.n:02d}-{name}.png"))


if __name__ == "__main__":
    sys.exit(main())
