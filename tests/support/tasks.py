"""Running the portal's background tasks in a test, with the real database backend and worker.

`queued_tasks` switches the running test from "run at once" (the local default) to the database
backend production uses; `run_queued_tasks` then runs django-tasks-db's own `db_worker` command in
this process until nothing is left waiting, deferred tasks included.
"""

import signal
import time

import pytest
from django.core.management import call_command

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def queued_tasks(settings):
    settings.TASKS = DATABASE_TASKS


def waiting_tasks():
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(status=TaskResultStatus.READY)


def run_queued_tasks(deadline_seconds: float = 30) -> None:
    from django.utils import timezone

    # The worker installs its own SIGINT/SIGTERM handlers; pytest's come back afterwards.
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    deadline = time.monotonic() + deadline_seconds
    try:
        while (first := waiting_tasks().order_by("run_after").first()) is not None:
            assert time.monotonic() < deadline, "queued tasks did not finish"
            wait = (first.run_after - timezone.now()).total_seconds()
            if wait > 0:
                time.sleep(min(wait, 1.0))
            call_command(
                "db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0", verbosity=0
            )
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
