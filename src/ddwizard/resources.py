"""Files shipped with ddwizard (questionnaires, fonts, icons), found with importlib.resources.

In a wheel they sit inside the package; in a source checkout, at the project root.
"""

from __future__ import annotations

from pathlib import Path

_ROOT = Path(__file__).resolve().parents[2]


def shipped(folder: str) -> Path:
    """The folder `questionnaires` or `resources`, wherever this install keeps it."""
    from importlib import resources  # not needed to open the app: imported when first used

    inside = resources.files("ddwizard") / folder
    if inside.is_dir():
        return Path(str(inside))
    return _ROOT / folder


def default_questionnaire_path() -> Path:
    return shipped("questionnaires") / "default.yaml"


def resource(name: str) -> Path:
    return shipped("resources") / name
