"""The scheduled jobs may run twice in a row, or on two machines at the same moment, and still email
each person once: two `deploy/run-job` processes started together, then a third after them."""

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.support.servers import ROOT, run_django, scratch_database

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
    with scratch_database(engine, tmp_path) as url:
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
