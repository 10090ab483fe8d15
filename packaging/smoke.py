"""Smoke test of the packaged app: `uv run python packaging/smoke.py [BUILD]`.

BUILD is `dist/ddwizard` (or `dist/ddwizard.app` on macOS) as packaging/build.py makes it.
The build is copied into a fresh folder and run from there, as a person would run it: no
Python on PATH, a new empty home folder, offscreen Qt, and (on Linux, where the machine
allows) no network at all. It must print its version, make the demo, write the brief and
the plane, validate the default questionnaire, export and import a bundle, and open its
window and close it cleanly. Then it checks that the brief embeds the shipped fonts, that
the questionnaire came from inside the build, and that nothing was written anywhere but the
data folder and the files asked for. Exits 1, saying what failed, if anything did.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WINDOWS, MACOS = sys.platform == "win32", sys.platform == "darwin"
MARK = "# ddwizard smoke test: this copy is the one inside the build"
TIMEOUT = 180  # seconds for one command: far more than any takes; a hang is a failure


class SmokeFailure(Exception):
    pass


def check(condition: bool, what: str) -> None:
    if not condition:
        raise SmokeFailure(what)
    print(f"ok    {what}")


@dataclass
class Build:
    """A copy of the build: the program for commands, the one for the window, and the
    default questionnaire it ships."""

    root: Path
    cli: Path
    gui: Path
    questionnaire: Path
    fonts: Path

    @classmethod
    def at(cls, root: Path) -> Build:
        if root.suffix == ".app":
            cli = gui = root / "Contents/MacOS/ddwizard"
        elif WINDOWS:
            cli, gui = root / "ddwizard-cli.exe", root / "ddwizard.exe"
        else:
            cli = gui = root / "ddwizard"
        shipped = [p for p in root.rglob("ddwizard/questionnaires/default.yaml")]
        fonts = [p for p in root.rglob("ddwizard/resources/fonts") if p.is_dir()]
        if not (cli.is_file() and gui.is_file() and shipped and fonts):
            raise SmokeFailure(f"{root} is not a ddwizard build (run packaging/build.py)")
        return cls(root, cli, gui, shipped[0].resolve(), fonts[0].resolve())


@dataclass
class Sandbox:
    """Fresh folders for one run, and the environment the app is given there."""

    top: Path

    @property
    def home(self) -> Path:
        return self.top / "home"

    @property
    def work(self) -> Path:
        return self.top / "work"

    def make(self) -> None:
        for name in ("home", "work", "tmp", "bin"):
            (self.top / name).mkdir(parents=True)

    def env(self) -> dict[str, str]:
        path = self.top / "bin"  # empty: no Python, no uv
        if WINDOWS:  # Windows itself must stay on PATH; it holds no Python
            system = os.environ.get("SYSTEMROOT", r"C:\Windows")
            path = f"{system}\\System32;{system}"
        keep = ("SYSTEMROOT", "SYSTEMDRIVE", "WINDIR", "LANG", "LC_ALL", "USERNAME")
        env = {k: os.environ[k] for k in keep if k in os.environ}
        tmp = str(self.top / "tmp")
        env.update(
            PATH=str(path),
            HOME=str(self.home),
            USERPROFILE=str(self.home),
            TMPDIR=tmp,
            TEMP=tmp,
            TMP=tmp,
            QT_QPA_PLATFORM="offscreen",
        )
        return env

    def data_folders(self) -> list[Path]:
        """Where the README says ddwizard writes: the data, the integrity-check note, and
        the window's settings (size, position, splitters)."""
        if MACOS:
            lib = self.home / "Library"
            return [
                lib / "Application Support/ddwizard",
                lib / "Caches/ddwizard",
                self.home / ".config/ddwizard",
            ]
        if WINDOWS:  # Windows asks the system for these, whatever the environment says
            from platformdirs import user_data_dir

            return [Path(user_data_dir("ddwizard", appauthor=False))]
        return [
            self.home / ".local/share/ddwizard",
            self.home / ".cache/ddwizard",
            self.home / ".config/ddwizard",
        ]


def files_under(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.lstat().st_size, p.lstat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file() or p.is_symlink()
    }


def network_guard() -> list[str]:
    """On Linux as root: run each command in a network namespace of its own, with nothing
    to connect to. Elsewhere the app's own tests hold it to no network."""
    unshare = shutil.which("unshare")
    if sys.platform != "linux" or unshare is None:
        return []
    tried = subprocess.run([unshare, "--net", "true"], capture_output=True)
    return [unshare, "--net"] if tried.returncode == 0 else []


class Runner:
    def __init__(self, build: Build, box: Sandbox, guard: list[str]):
        self.build, self.box, self.guard = build, box, guard

    def run(self, *args: str, gui: bool = False, env: dict | None = None) -> str:
        return self.process(*args, gui=gui, env=env).stdout

    def process(self, *args: str, gui: bool = False, env: dict | None = None):
        program = self.build.gui if gui else self.build.cli
        command = [*self.guard, str(program), *args]
        done = subprocess.run(
            command,
            cwd=self.box.work,
            env={**self.box.env(), **(env or {})},
            capture_output=True,
            encoding="utf-8",
            timeout=TIMEOUT,
        )
        shown = " ".join(["ddwizard", *args])
        if done.returncode != 0 or "Traceback" in done.stderr:
            raise SmokeFailure(f"`{shown}` exited {done.returncode}:\n{done.stderr.strip()}")
        return done


def expected_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def check_pdf_fonts(pdf: Path, fonts: Path) -> None:
    from pypdf import PdfReader

    shipped = {p.stem for p in fonts.glob("*.ttf")}
    found: dict[str, bool] = {}
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            embedded = descriptor is not None and any(
                key.startswith("/FontFile") for key in descriptor.get_object()
            )
            found[str(font["/BaseFont"]).split("+")[-1]] = embedded
    check(bool(found) and all(found.values()), f"every font in the brief is embedded: {found}")
    check(set(found) <= shipped, f"the brief's fonts are the shipped ones ({sorted(found)})")
    check({"NotoSans-Regular", "NotoSans-Bold"} <= set(found), "the brief is set in Noto Sans")


def check_docx(path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(path) as z:
        check("word/document.xml" in z.namelist(), f"{path.name} is a Word document")


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        raise SmokeFailure(f"{path.name} is not a PNG file")
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


def commands(r: Runner, build: Build, version: str) -> list[Path]:
    """Every command the smoke test asks for; returns the files it asked to be written."""
    out = r.box.work
    check(r.run("--version").strip() == f"ddwizard {version}", f"--version says {version}")
    check(r.run("demo").strip() == "1", "demo made assessment 1")
    said = r.process("validate", str(build.questionnaire)).stderr
    check(said.strip().endswith(": ok"), "the default questionnaire is valid")
    asked = [out / "brief.pdf", out / "plane.png", out / "bundle.json"]
    r.run("brief", "1", "-o", str(asked[0]))
    check_pdf_fonts(asked[0], build.fonts)
    if "docx" in r.run("brief", "--help"):  # once the brief is written in Word too
        asked.append(out / "brief.docx")
        r.run("brief", "1", "-o", str(asked[-1]))
        check_docx(asked[-1])
    r.run("plane", "1", "-o", str(asked[1]))
    width, height = png_size(asked[1])
    check(width > 200 and height > 200, f"the plane is a {width}×{height} PNG")
    r.run("export", "1", "-o", str(asked[2]))
    bundle = json.loads(asked[2].read_text(encoding="utf-8"))
    check(bundle.get("written_by") == f"ddwizard {version}", "the bundle names its version")
    # The demo adds the trust's visit and the school's own view of it: the copy comes after.
    before = sorted(row["id"] for row in json.loads(r.run("list", "--json")))
    check(before[0] == 1 and len(before) >= 1, f"the demo is listed ({len(before)} assessments)")
    new_id = int(r.run("import", str(asked[2]), "--copy").strip())
    check(new_id > before[-1], f"the bundle imported as {new_id}")
    listed = sorted(row["id"] for row in json.loads(r.run("list", "--json")))
    check(listed == [*before, new_id], "the demo and the copy are listed")
    r.run(gui=True, env={"DDWIZARD_CLOSE_WHEN_SHOWN": "1"})
    check(True, "the app window opened and closed cleanly")
    return asked


def check_data(box: Sandbox, asked: list[Path]) -> None:
    import sqlite3

    data = box.data_folders()
    db = data[0] / "ddwizard.db"
    check(db.is_file(), f"the database is where the README says ({db})")
    check(not db.with_name("ddwizard.db-wal").exists(), "the database was closed cleanly")
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        sources = [row[0] for row in conn.execute("SELECT source FROM questionnaires")]
    finally:
        conn.close()  # before the Windows clean-up removes the folder
    check(any(MARK in s for s in sources), "the questionnaire was read from inside the build")
    allowed = {str(p) for p in asked}
    stray = [
        str(p)
        for p in box.top.rglob("*")
        if p.is_file()
        and str(p) not in allowed
        and not any(p.is_relative_to(folder) for folder in data)
    ]
    check(not stray, f"nothing else was written: {stray or 'none'}")


def smoke(build_path: Path) -> None:
    version = expected_version()
    with tempfile.TemporaryDirectory(prefix="ddwizard-smoke-") as top:
        box = Sandbox(Path(top) / "box")
        box.make()
        if WINDOWS and box.data_folders()[0].exists():
            raise SmokeFailure(f"{box.data_folders()[0]} exists: run on a machine without it")
        copy = Path(top) / "app" / build_path.name
        shutil.copytree(build_path, copy, symlinks=True)
        build = Build.at(copy)
        with build.questionnaire.open("a", encoding="utf-8") as f:
            f.write(f"\n{MARK}\n")
        before = files_under(copy)
        guard = network_guard()
        print(f"note  network: {'none (own namespace)' if guard else 'not cut off here'}")
        try:
            asked = commands(Runner(build, box, guard), build, version)
            check_data(box, asked)
            check(files_under(copy) == before, "the build folder was left as it was")
        finally:
            if WINDOWS:
                shutil.rmtree(box.data_folders()[0], ignore_errors=True)


def default_build() -> Path:
    return ROOT / "dist" / ("ddwizard.app" if MACOS else "ddwizard")


def main(argv: list[str]) -> int:
    build = Path(argv[0]) if argv else default_build()
    try:
        smoke(build.resolve())
    except (SmokeFailure, subprocess.TimeoutExpired) as e:
        print(f"FAIL  {e}", file=sys.stderr)
        return 1
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
