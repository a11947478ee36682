"""Fixtures used by test files of several apps (registered in tests/conftest.py)."""

import logging
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from tests.support.factories import log_in_with_second_factor, make_user

SECURITY_LOGGER = "portal.security"
# A fast password hasher (the real one costs ~0.3 s per login or account) and emails kept in
# django.core.mail.outbox, never printed or sent: for every test (tests/conftest.py) and every seed.
FAST_AND_QUIET_SETTINGS = {
    "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
    "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
}


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


def seeded_once_per_module(*commands: str):
    """A module-scoped fixture that runs the seed `commands` once for all the module's tests.

    Seeding the guide costs seconds, and most tests only read it. The seed runs inside a
    transaction that is rolled back when the module ends; each test runs in a savepoint inside it,
    so what one test changes is still undone before the next, as with a seed of its own. Only for
    modules of non-transactional tests: a transactional test would flush the shared seed.
    """

    @pytest.fixture(scope="module")
    def seeded(django_db_setup, django_db_blocker):
        fast = override_settings(**FAST_AND_QUIET_SETTINGS)
        with django_db_blocker.unblock(), fast, transaction.atomic():
            for command in commands:
                call_command(command, stdout=StringIO())
            yield
            transaction.set_rollback(True)

    return seeded
