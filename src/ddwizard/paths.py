"""Where the database lives: --db, else $DDWIZARD_DB, else the user data folder."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "DDWIZARD_DB"


def database_path(explicit: str | os.PathLike | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("ddwizard", appauthor=False)) / "ddwizard.db"
