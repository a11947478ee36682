"""Fixtures used by test files of several apps (registered in tests/conftest.py)."""

import logging

import pytest

from tests.support.factories import log_in_with_second_factor, make_user

SECURITY_LOGGER = "portal.security"


@pytest.fixture
def security_log(caplog):
    """The security log's lines so far, as a function: call it after the action under test."""
    caplog.set_level(logging.INFO, logger=SECURITY_LOGGER)
    return lambda: [r.getMessage() for r in caplog.records if r.name == SECURITY_LOGGER]


@pytest.fixture
def administrator_client(client):
    """The test client, signed in with both factors as a clinic administrator."""
    log_in_with_second_factor(client, make_user("Administrator"))
    return client


@pytest.fixture
def after_commit(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the search index, cache purges) as a real commit would.

    Tests run inside a transaction that is rolled back, so on_commit callbacks would never run:
    `with after_commit(): make_page(...)` runs them when the block ends.
    """
    return lambda: django_capture_on_commit_callbacks(execute=True)
