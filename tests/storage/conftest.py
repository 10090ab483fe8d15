"""Fixtures for the storage tests."""

from __future__ import annotations

import pytest

from ddwizard.core.assessment import Assessment
from ddwizard.core.questionnaire import Questionnaire
from ddwizard.storage import Database

from .storage_helpers import Clock, make_assessment, make_questionnaire


@pytest.fixture
def questionnaire() -> Questionnaire:
    return make_questionnaire()


@pytest.fixture
def assessment() -> Assessment:
    return make_assessment()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "data" / "ddwizard.db"


@pytest.fixture
def db(db_path, clock):
    database = Database(db_path, clock=clock)
    yield database
    database.close()
