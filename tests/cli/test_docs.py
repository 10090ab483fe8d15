"""The project's own docs stay true to the program: every command is documented, and the
README links only to files a person who clones the repository has."""

from __future__ import annotations

import re
from pathlib import Path

from ddwizard.cli import build_parser

ROOT = Path(__file__).resolve().parents[2]


def _commands() -> list[str]:
    """The commands `ddwizard --help` lists."""
    listed = re.findall(r"^ {4}([a-z][a-z-]*)(?: |$)", build_parser().format_help(), re.M)
    assert "demo" in listed and "validate" in listed
    return listed


def test_every_command_is_in_docs_cli():
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    missing = [c for c in _commands() if not re.search(rf"ddwizard (\[--db PATH\] )?{c}\b", text)]
    for action in ("add", "list"):  # questionnaire's own actions
        assert f"questionnaire {action}" in text
    assert missing == []


def test_the_readme_links_only_to_files_in_the_repository():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for link in re.findall(r"\]\(([^)#\s]+)", readme):
        if "://" not in link:
            assert (ROOT / link).exists(), link
