"""Build the packaged app for the platform this runs on: `uv run python packaging/build.py`.

Makes `dist/ddwizard/` (one folder: the `ddwizard` executable and what it needs; on macOS
also `dist/ddwizard.app`) with PyInstaller, from `packaging/ddwizard.spec`. The installers
(Windows) and disk images (macOS) are made from that folder by the release workflow.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)


def make_icons(folder: Path) -> Path:
    """ddwizard.ico (Windows) and ddwizard.icns (macOS) from resources/icons/ddwizard.svg,
    drawn by Qt's SVG renderer and written by Pillow: no binary icons kept in the repo."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - keeps Qt up
    renderer = QSvgRenderer(str(ROOT / "resources/icons/ddwizard.svg"))
    folder.mkdir(parents=True, exist_ok=True)
    pngs = []
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        path = folder / f"ddwizard-{size}.png"
        image.save(str(path))
        pngs.append(path)
    largest = Image.open(pngs[-1])
    largest.save(folder / "ddwizard.ico", sizes=[(s, s) for s in ICON_SIZES if s <= 256])
    largest.save(folder / "ddwizard.icns")
    return folder


def project_version() -> str:
    from importlib.metadata import version

    return version("ddwizard")


def build(dist: Path, work: Path) -> Path:
    icons = make_icons(work / "icons")
    env = dict(os.environ, DDWIZARD_ICONS=str(icons), DDWIZARD_VERSION=project_version())
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(ROOT / "packaging/ddwizard.spec"),
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work / "pyinstaller"),
    ]
    subprocess.run(command, check=True, env=env, cwd=ROOT)
    return dist / "ddwizard"


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the build goes")
    p.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's own files")
    args = p.parse_args(argv)
    start = time.monotonic()
    folder = build(args.dist.resolve(), args.work.resolve())
    size = folder_size(folder) / 1e6
    print(f"built {folder} ({size:.0f} MB) in {time.monotonic() - start:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
