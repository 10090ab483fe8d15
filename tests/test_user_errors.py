"""One way to tell a person something is wrong: every such error is a `UserError`, the
command line and the app show its words, and SQLite's own errors never get past storage."""

from __future__ import annotations

import pytest

from ddwizard import commands, services
from ddwizard.cli import main
from ddwizard.core.errors import UserError
from ddwizard.storage import StorageError


class _Refused(UserError):
    """A kind of error the command line has never heard of."""


def test_storage_words_an_sqlite_error_it_has_no_plainer_words_for(tmp_path):
    with services.open_database(tmp_path / "dd.db") as db:
        with pytest.raises(StorageError) as raised, db.atomic():
            db.conn.execute("INSERT INTO assessments (uid) VALUES (NULL)")  # breaks NOT NULL
        assert isinstance(raised.value, UserError)
        assert "could not be used" in str(raised.value)
        assert db.list_assessments() == []  # and nothing half-written


@pytest.mark.parametrize(
    "error, said",
    [
        (
            _Refused("The lease is unsigned.\nAsk the trust."),
            ["The lease is unsigned.", "Ask the trust."],
        ),
        (KeyError("x"), ["something unexpected went wrong (KeyError: 'x')"]),
    ],
)
def test_the_command_line_says_any_user_error_in_its_own_words(
    tmp_path, monkeypatch, capsys, error, said
):
    monkeypatch.setenv("DDWIZARD_DB", str(tmp_path / "dd.db"))

    def fail(_args):
        raise error

    monkeypatch.setattr(commands, "cmd_backup", fail)
    assert main(["backup"]) == 1
    assert capsys.readouterr().err.splitlines() == [f"ddwizard: error: {line}" for line in said]


def test_the_app_says_any_user_error_in_its_own_words():
    from ddwizard.ui.actions import error_text

    assert error_text(_Refused("The lease is unsigned.")) == "The lease is unsigned."
    assert error_text(KeyError("x")).startswith("Something unexpected went wrong")
