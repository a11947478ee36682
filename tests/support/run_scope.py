"""Things a test run builds once and every test process shares: collected static files and
migrated template databases.

Under pytest-xdist each worker is its own process; before this, each one collected the static files
(about 30 s of brotli compression) and migrated its own templates. The process that starts the run
makes one directory for it (named in PORTAL_TEST_RUN_DIR, which the workers inherit), the first
process to need a thing builds it there under a file lock, and the others wait for it and reuse it.
The starting process removes the directory, and drops the template databases, when the run ends.
"""

import atexit
import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

RUN_DIR_VARIABLE = "PORTAL_TEST_RUN_DIR"
_POSTGRES_TEMPLATES = "postgres-templates.json"


def start_run() -> bool:
    """Make the run's directory unless a parent process already did; True for the process that owns it."""
    if os.environ.get(RUN_DIR_VARIABLE):
        return False
    os.environ[RUN_DIR_VARIABLE] = tempfile.mkdtemp(prefix="portal-test-run-")
    return True


def end_run(drop_postgres_database: Callable[[str, str], None]) -> None:
    directory = run_dir()
    registry = directory / _POSTGRES_TEMPLATES
    if registry.exists():
        for server_url, name in json.loads(registry.read_text()).items():
            drop_postgres_database(server_url, name)
    shutil.rmtree(directory, ignore_errors=True)
    os.environ.pop(RUN_DIR_VARIABLE, None)


def run_dir() -> Path:
    if not os.environ.get(RUN_DIR_VARIABLE):  # used outside pytest: for this process only
        start_run()
        atexit.register(shutil.rmtree, os.environ[RUN_DIR_VARIABLE], ignore_errors=True)
    return Path(os.environ[RUN_DIR_VARIABLE])


@contextmanager
def _locked(name: str):
    with open(run_dir() / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def built_once(name: str, build: Callable[[Path], None]) -> Path:
    """run_dir()/name, made by `build(path)` in whichever process asks first."""
    path = run_dir() / name
    done = run_dir() / f"{name}.done"
    with _locked(name):
        if not done.exists():
            build(path)
            done.touch()
    return path


def postgres_template_once(server_url: str, create: Callable[[], str]) -> str:
    """The name of the run's migrated template database on `server_url`, created by `create()` once."""
    with _locked("postgres-templates"):
        registry = run_dir() / _POSTGRES_TEMPLATES
        templates = json.loads(registry.read_text()) if registry.exists() else {}
        if server_url not in templates:
            templates[server_url] = create()
            registry.write_text(json.dumps(templates))
        return templates[server_url]
