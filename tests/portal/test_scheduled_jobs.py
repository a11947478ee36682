"""The scheduled jobs may run twice in a row, or on two machines at the same moment, and still email
each person once: two `deploy/run-job` processes started together, then a third after them."""

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest

from tests.conftest import require_service
from tests.support.servers import (
    ROOT,
    migrated_sqlite_database,
    postgres_server_url,
    run_django,
    scratch_postgres_database,
)

SET_UP = """
import datetime
from django.utils import timezone
from tests.support.factories import make_page, make_reviewed_page, make_user
rhea = make_user("Clinical reviewer", username="rhea")
sam = make_user("Clinical reviewer", username="sam")
long_ago = timezone.localdate() - datetime.timedelta(days=400)
make_reviewed_page("Overdue page", reviewer=rhea, reviewed_on=long_ago)
make_page("Never reviewed page")
make_user("Administrator", username="ada")
make_user("Administrator", username="ike")
"""


@contextmanager
def database(engine, tmp_path):
    if engine == "sqlite":
        yield migrated_sqlite_database(tmp_path / "jobs.sqlite3")
        return
    server = postgres_server_url()
    require_service(server is not None, "PostgreSQL on 127.0.0.1:5432")
    with scratch_postgres_database(server) as url:
        yield url


def run_job(name: str, env_file) -> str:
    """The shipped job script, as cron runs it (it reads the environment file itself)."""
    result = subprocess.run(
        [str(ROOT / "deploy" / "run-job"), name],
        cwd="/",
        env={"PATH": "/usr/bin:/bin", "PORTAL_ENV_FILE": str(env_file), "PORTAL_PYTHON": sys.executable},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


@pytest.mark.parametrize(
    "engine",
    [
        pytest.param("sqlite", marks=pytest.mark.own_sqlite),
        pytest.param("postgres", marks=pytest.mark.own_postgres),
    ],
)
@pytest.mark.parametrize(
    ("job", "recipients"),
    [
        ("review-reminders", ["rhea@clinic.example", "sam@clinic.example"]),
        ("access-report", ["ada@clinic.example", "ike@clinic.example"]),
    ],
)
def test_two_runs_at_the_same_moment_and_one_after_email_each_person_once(engine, job, recipients, tmp_path):
    with database(engine, tmp_path) as url:
        run_django(SET_UP, database_url=url)
        env_file = tmp_path / "portal.env"
        # Locally tasks run at once and mail is printed: each process's output is what it sent.
        env_file.write_text(f"DEBUG=1\nDATABASE_URL={url}\nEMAIL_URL=consolemail://\n")
        with ThreadPoolExecutor(max_workers=2) as pool:
            outputs = list(pool.map(lambda _: run_job(job, env_file), range(2)))
        outputs.append(run_job(job, env_file))
    printed = "\n".join(outputs)
    for address in recipients:
        assert printed.count(f"To: {address}") == 1, printed[-4000:]
