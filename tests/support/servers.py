"""Real servers for the infrastructure tests: free ports, gunicorn instances, PostgreSQL and Redis.

Everything here talks to 127.0.0.1 only, picks free ports by binding to port 0, and stops only the
processes it started.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path

import dj_database_url

from tests.support import run_scope

ROOT = Path(__file__).resolve().parents[2]
TEST_SECRET_KEY = "test-only-secret-key-for-gunicorn-instances-0123456789"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, timeout: float = 5.0) -> tuple[int, dict, str]:
    """GET a URL; answers 4xx/5xx too instead of raising."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def poll(predicate, deadline_seconds: float, interval: float = 0.02):
    """Call predicate() until it returns something truthy or the deadline passes; return its last value."""
    deadline = time.monotonic() + deadline_seconds
    while True:
        value = predicate()
        if value or time.monotonic() >= deadline:
            return value
        time.sleep(interval)


# --- services --------------------------------------------------------------------------------------


def postgres_server_url() -> str | None:
    """The shared PostgreSQL server to create scratch databases on, if one answers."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        url = "postgres://postgres@127.0.0.1:5432/postgres"
    try:
        import psycopg

        with psycopg.connect(_libpq(url, "postgres"), connect_timeout=3):
            return url
    except Exception:
        return None


def redis_url() -> str | None:
    url = os.environ.get("PORTAL_TEST_REDIS_URL") or os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
        return url
    except Exception:
        return None


def delete_redis_keys(url: str, prefix: str) -> None:
    import redis

    client = redis.Redis.from_url(url)
    keys = list(client.scan_iter(match=f"{prefix}*", count=500))
    if keys:
        client.delete(*keys)


@contextmanager
def redis_namespace(name: str):
    """Redis for a test's own servers: (url, a unique key prefix), its keys deleted afterwards."""
    from tests.conftest import require_service

    url = redis_url()
    require_service(url is not None, "Redis on 127.0.0.1:6379")
    prefix = f"{name}-{uuid.uuid4().hex[:8]}"
    try:
        yield url, prefix
    finally:
        delete_redis_keys(url, prefix)


def _libpq(url: str, database: str) -> str:
    config = dj_database_url.parse(url)
    parts = {
        "host": config["HOST"] or "127.0.0.1",
        "port": config["PORT"] or 5432,
        "user": config["USER"] or "postgres",
        "dbname": database,
    }
    if config["PASSWORD"]:
        parts["password"] = config["PASSWORD"]
    return " ".join(f"{key}={value}" for key, value in parts.items())


def database_url(server_url: str, database: str) -> str:
    config = dj_database_url.parse(server_url)
    auth = config["USER"] or "postgres"
    if config["PASSWORD"]:
        auth += f":{config['PASSWORD']}"
    return f"postgres://{auth}@{config['HOST'] or '127.0.0.1'}:{config['PORT'] or 5432}/{database}"


# Migrating a new database costs seconds; a test run migrates one template per database engine,
# once for all its processes (tests/support/run_scope.py), and every scratch database is a copy of it.
_templates: dict[str, str] = {}


def drop_postgres_database(server_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(_libpq(server_url, "postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _postgres_template(server_url: str) -> str:
    import psycopg

    def create() -> str:
        base = dj_database_url.parse(server_url)["NAME"] or "portal"
        name = f"{base}_template_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(_libpq(server_url, "postgres"), autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        manage("migrate", "--noinput", database_url=database_url(server_url, name))
        return name

    if server_url not in _templates:
        _templates[server_url] = run_scope.postgres_template_once(server_url, create)
    return _templates[server_url]


@contextmanager
def scratch_postgres_database(server_url: str):
    """A new, migrated database on the shared server, named after the configured one; dropped after."""
    import psycopg

    template = _postgres_template(server_url)
    base = dj_database_url.parse(server_url)["NAME"] or "portal"
    name = f"{base}_scratch_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(_libpq(server_url, "postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    try:
        yield database_url(server_url, name)
    finally:
        drop_postgres_database(server_url, name)


@contextmanager
def scratch_database(engine: str, directory: Path):
    """The URL of a new, migrated database on `engine` ("sqlite" or "postgres"), gone afterwards."""
    if engine == "sqlite":
        yield migrated_sqlite_database(directory / "scratch.sqlite3")
        return
    from tests.conftest import require_service

    server = postgres_server_url()
    require_service(server is not None, "PostgreSQL on 127.0.0.1:5432")
    with scratch_postgres_database(server) as url:
        yield url


def migrated_sqlite_database(path: Path) -> str:
    """A migrated SQLite database at `path` (a copy of the run's migrated template); its URL."""

    def migrate(template: Path) -> None:
        manage("migrate", "--noinput", database_url=f"sqlite:///{template}")

    shutil.copyfile(run_scope.built_once("template.sqlite3", migrate), path)
    return f"sqlite:///{path}"


def manage(*args, database_url: str, extra_env: dict | None = None, timeout: float = 120) -> str:
    env = {**os.environ, "DEBUG": "1", "DATABASE_URL": database_url, **(extra_env or {})}
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


# --- gunicorn --------------------------------------------------------------------------------------


def collected_static_root() -> Path:
    """Static files collected once per test run, as production mode (hashed names) needs them."""

    def collect(directory: Path) -> None:
        env = {
            **os.environ,
            "DEBUG": "0",
            "SECRET_KEY": TEST_SECRET_KEY,
            "ALLOWED_HOSTS": "127.0.0.1",
            "STATIC_ROOT": str(directory),
            "EMAIL_URL": "consolemail://",
            "PORTAL_EMAIL_TO_LOG": "1",
        }
        command = [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"]
        subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, timeout=240)

    return run_scope.built_once("static", collect)


def production_env(*, database_url: str, redis_url: str | None, key_prefix: str, **extra) -> dict:
    """The environment of a production-mode process of the portal (a web server or a task worker).

    Mail is printed to the process's log unless a test gives EMAIL_URL (its own SMTP server).
    """
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": TEST_SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url or "",
        "CACHE_KEY_PREFIX": key_prefix,
        "GUNICORN_ACCESS_LOG": "",
        "STATIC_ROOT": str(collected_static_root()),
        "LOG_LEVEL": "WARNING",
        "EMAIL_URL": "consolemail://",
        "PORTAL_EMAIL_TO_LOG": "1",
        **extra,
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


class TaskWorker:
    """`manage.py db_worker` in production mode: the process that runs the portal's background tasks."""

    def __init__(self, *, database_url: str, redis_url: str | None, key_prefix: str, log_dir, extra_env=None):
        self.log_path = Path(log_dir) / f"worker-{uuid.uuid4().hex[:6]}.log"
        env = production_env(database_url=database_url, redis_url=redis_url, key_prefix=key_prefix,
                             **{"LOG_LEVEL": "INFO", **(extra_env or {})})  # fmt: skip
        self._log = open(self.log_path, "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--interval", "0.1", "--no-startup-delay"],
            cwd=ROOT,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    def log(self) -> str:
        return self.log_path.read_text()[-6000:] if self.log_path.exists() else ""

    def stop(self, timeout: float = 20) -> int:
        """SIGTERM, as systemd sends it; the worker's exit status."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()
        return self.process.returncode


class Gunicorn:
    """One gunicorn instance of the portal in production mode, on a free port."""

    def __init__(
        self,
        *,
        database_url: str,
        redis_url: str | None,
        key_prefix: str,
        workers: int = 2,
        log_dir,
        extra_env: dict | None = None,
    ):
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.log_path = Path(log_dir) / f"gunicorn-{self.port}.log"
        env = production_env(
            database_url=database_url,
            redis_url=redis_url,
            key_prefix=key_prefix,
            WEB_CONCURRENCY=str(workers),
            GUNICORN_BIND=f"127.0.0.1:{self.port}",
            **(extra_env or {}),
        )
        env.pop("DJANGO_SETTINGS_MODULE", None)
        self._log = open(self.log_path, "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [str(Path(sys.executable).with_name("gunicorn")), "portal.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    def wait_until_serving(self, path: str = "/healthz", deadline: float = 30) -> None:
        def answers():
            if self.process.poll() is not None:
                raise AssertionError(f"gunicorn exited:\n{self.log()}")
            try:
                return fetch(self.base_url + path, timeout=2)[0] > 0
            except OSError:
                return False

        assert poll(answers, deadline, interval=0.1), f"gunicorn did not answer:\n{self.log()}"

    def get(self, path: str, timeout: float = 5.0):
        return fetch(self.base_url + path, timeout=timeout)

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()] if children.exists() else []

    def log(self) -> str:
        return self.log_path.read_text()[-4000:] if self.log_path.exists() else ""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()


def postgres_binaries() -> Path | None:
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    if candidates:
        return candidates[0].parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


# Set-up scripts make accounts; a production-strength hash costs about a second of CPU each. They
# hash with one PBKDF2 round: the hash is in the production hasher's format, so the servers under
# test still verify it with their own settings (and re-hash it at full strength at a sign-in).
_ONE_ROUND_PASSWORDS = (
    "from django.contrib.auth.hashers import PBKDF2PasswordHasher\nPBKDF2PasswordHasher.iterations = 1"
)


def run_django(code: str, *, database_url: str, extra_env: dict | None = None, timeout: float = 60) -> str:
    """Run Python code in a separate Django process (like another worker would) and return its output."""
    env = {**os.environ, "DEBUG": "1", "DATABASE_URL": database_url, **(extra_env or {})}
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings"
    script = f"import django\ndjango.setup()\n{_ONE_ROUND_PASSWORDS}\n{code}"
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.strip()


class ThrowawayPostgres:
    """A PostgreSQL cluster of its own (initdb into a temporary directory, its own port).

    The outage test stops and starts this one; the shared server on 5432 is never touched.
    PostgreSQL refuses to run as root, so as root the commands run as the "postgres" user.
    """

    def __init__(self, binaries: Path):
        import tempfile

        self.binaries = binaries
        self.port = free_port()
        self.directory = Path(tempfile.mkdtemp(prefix="portal-pg-", dir="/tmp"))
        self.data = self.directory / "data"
        self.as_postgres = []
        if os.geteuid() == 0:
            shutil.chown(self.directory, user="postgres", group="postgres")
            self.as_postgres = ["runuser", "-u", "postgres", "--"]
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, tool: str, *args: str) -> None:
        command = [*self.as_postgres, str(self.binaries / tool), *args]
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, f"{tool} failed: {result.stdout}{result.stderr}"

    def start(self) -> None:
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            "pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.directory / "log"), "-w", "start"
        )

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def destroy(self) -> None:
        subprocess.run(
            [
                *self.as_postgres,
                str(self.binaries / "pg_ctl"),
                "-D",
                str(self.data),
                "-m",
                "immediate",
                "stop",
            ],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(self.directory, ignore_errors=True)


class ThrowawayRedis:
    """A redis-server of its own on a free port, without persistence; the cache-outage test stops it.

    The shared Redis on 6379 is never touched.
    """

    def __init__(self, directory: Path):
        self.binary = shutil.which("redis-server")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.directory = directory
        self.process = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                self.binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            cwd=self.directory,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

        def answers():
            import redis

            try:
                return redis.Redis.from_url(self.url, socket_connect_timeout=0.5).ping()
            except Exception:
                return False

        assert poll(answers, 10, interval=0.05), "redis-server did not start"

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None


# --- Varnish ---------------------------------------------------------------------------------------

VARNISHD = shutil.which("varnishd") or ("/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else None)


class Varnish:
    """varnishd with the shipped deploy/varnish/default.vcl, its backend pointed at a test server."""

    def __init__(self, backend_port: int):
        import tempfile

        # varnishd drops root privileges: its files must be readable by its own users.
        directory = Path(tempfile.mkdtemp(prefix="portal-varnish-"))
        directory.chmod(0o755)
        self.directory = directory
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        vcl = (ROOT / "deploy" / "varnish" / "default.vcl").read_text()
        assert '.port = "8000";' in vcl
        self.vcl_path = directory / "default.vcl"
        self.vcl_path.write_text(vcl.replace('.port = "8000";', f'.port = "{backend_port}";'))
        self.vcl_path.chmod(0o644)
        self.work_dir = directory / "varnish"
        self.log_path = directory / "varnishd.log"
        self._log = open(self.log_path, "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [VARNISHD, "-F", "-n", str(self.work_dir), "-a", f"127.0.0.1:{self.port}",
             "-f", str(self.vcl_path), "-s", "malloc,32m", "-T", "none"],
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )  # fmt: skip

    def wait_until_serving(self, deadline: float = 20) -> None:
        def answers():
            if self.process.poll() is not None:
                raise AssertionError(f"varnishd exited:\n{self.log_path.read_text()}")
            try:
                return fetch(self.base_url + "/healthz", timeout=2)[0] > 0
            except OSError:
                return False

        assert poll(answers, deadline, interval=0.1), self.log_path.read_text()

    def get(self, path: str, headers: dict | None = None, timeout: float = 5.0):
        request = urllib.request.Request(self.base_url + path, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()
        shutil.rmtree(self.directory, ignore_errors=True)
