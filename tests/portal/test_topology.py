"""The shipped topology on one machine, each piece started from the shipped files with only paths and
ports changed: Caddy (deploy/caddy/Caddyfile, HTTPS from its own authority) → Varnish
(deploy/varnish/default.vcl) → gunicorn (deploy/systemd/ketamine-portal-web.service) and the task
worker (ketamine-portal-worker.service), with Redis, configured from .env.example. Through it a
patient reads a page, static files and the clinic's logo come from disk, a member of staff signs in
with both factors, and a publish reaches Varnish."""

import http.cookiejar
import os
import re
import shlex
import shutil
import ssl
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import require_service
from tests.portal.test_deployment import read_env_file
from tests.support.scripts import CREATE_INFUSION_PAGE, PUBLISH_INFUSION_CHANGE
from tests.support.servers import (
    ROOT,
    TEST_SECRET_KEY,
    VARNISHD,
    Varnish,
    free_port,
    migrated_sqlite_database,
    poll,
    redis_namespace,
    run_django,
)

pytestmark = pytest.mark.own_sqlite

UNITS = ROOT / "deploy" / "systemd"

MAKE_STAFF_AND_LOGO = """
import base64
from django.core.files.base import ContentFile
from clinic.models import ProviderCallToAction
from tests.support.factories import confirmed_totp_device, make_user
user = make_user("Clinical reviewer", username="rhea", password="a-long-topology-password-1")
device = confirmed_totp_device(user)
cta = ProviderCallToAction.objects.get(site_id=1)
png = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
cta.logo.save("logo.png", ContentFile(png), save=True)
print(device.key)
"""


def unit_commands(unit: str, directive: str) -> list[list[str]]:
    """The unit's ExecStart= (or ExecStartPre=) command lines, as this checkout would run them."""
    text = (UNITS / unit).read_text().replace("/srv/ketamine-portal", str(ROOT))
    return [shlex.split(line) for line in re.findall(rf"^{directive}=(.+)$", text, re.M)]


class Process:
    def __init__(self, command, env, log_path: Path, cwd=ROOT):
        self.log_path = log_path
        self._log = open(log_path, "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(command, cwd=cwd, env=env, stdout=self._log, stderr=subprocess.STDOUT)

    def log(self) -> str:
        return self.log_path.read_text()[-4000:]

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()
        return self.process.returncode


class HTTPS:
    """A browser-like client for the site: Caddy's own certificate authority trusted, cookies kept."""

    def __init__(self, base: str, ca_file: Path):
        self.base = base
        context = ssl.create_default_context(cafile=str(ca_file))
        self.cookies = http.cookiejar.CookieJar()

        class NoRedirects(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        self.opener = urllib.request.build_opener(
            urllib.request.HTTPSHandler(context=context),
            urllib.request.HTTPCookieProcessor(self.cookies),
            NoRedirects,
        )

    def request(self, path: str, data: dict | None = None):
        headers = {"Accept-Encoding": "identity"}
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data).encode()
            headers |= {"Origin": self.base, "Referer": self.base + path}
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        try:
            with self.opener.open(request, timeout=10) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def csrf_token(self) -> str:
        return next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")


@pytest.fixture
def topology(tmp_path):
    require_service(shutil.which("caddy") is not None, "Caddy (apt-get install caddy)")
    require_service(VARNISHD is not None, "Varnish (apt-get install varnish)")
    with redis_namespace("test-topology") as (redis, prefix):
        database = migrated_sqlite_database(tmp_path / "portal.sqlite3")
        web_port, https_port = free_port(), free_port()
        varnish = Varnish(web_port)
        site = f"https://127.0.0.1:{https_port}"
        env = {
            **{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
            **read_env_file(ROOT / ".env.example"),
            # Only secrets, paths and ports differ from the shipped template.
            "SECRET_KEY": TEST_SECRET_KEY,
            "ALLOWED_HOSTS": "127.0.0.1",
            "PORTAL_BASE_URL": site,
            "EMAIL_URL": "consolemail://",
            "PORTAL_EMAIL_TO_LOG": "1",
            "DATABASE_URL": database,
            "REDIS_URL": redis,
            "CACHE_KEY_PREFIX": prefix,
            "STATIC_ROOT": str(tmp_path / "static"),
            "MEDIA_ROOT": str(tmp_path / "media"),
            "BACKUP_DIR": str(tmp_path / "backups"),
            "GUNICORN_BIND": f"127.0.0.1:{web_port}",
            "WEB_CONCURRENCY": "2",
            "PORTAL_VARNISH_URLS": varnish.base_url,
        }
        setup_env = {**env, "DEBUG": "1", "PORTAL_TASKS_RUN_IMMEDIATELY": "1"}
        url = run_django(CREATE_INFUSION_PAGE.format(repeat=40), database_url=database, extra_env=setup_env)
        totp_key = run_django(MAKE_STAFF_AND_LOGO, database_url=database, extra_env=setup_env)
        for command in unit_commands("ketamine-portal-web.service", "ExecStartPre"):
            subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, timeout=120)
        started = [varnish]
        caddy_env = {
            **os.environ,
            "XDG_DATA_HOME": str(tmp_path / "caddy-data"),
            "XDG_CONFIG_HOME": str(tmp_path / "caddy-config"),
            "PORTAL_SITE_ADDRESS": site,
            "PORTAL_TLS_EMAIL": "internal",
            "PORTAL_CADDY_ADMIN": "off",
            "PORTAL_HTTP_PORT": str(free_port()),
            "PORTAL_HTTPS_PORT": str(https_port),
            "PORTAL_STATIC_ROOT": env["STATIC_ROOT"],
            "PORTAL_MEDIA_ROOT": env["MEDIA_ROOT"],
            "PORTAL_UPSTREAM": varnish.base_url.removeprefix("http://"),
        }
        try:
            (gunicorn,) = unit_commands("ketamine-portal-web.service", "ExecStart")
            started.append(Process(gunicorn, env, tmp_path / "gunicorn.log"))
            (worker,) = unit_commands("ketamine-portal-worker.service", "ExecStart")
            started.append(Process(worker, env, tmp_path / "worker.log"))
            caddyfile = ROOT / "deploy" / "caddy" / "Caddyfile"
            caddy = Process(["caddy", "run", "--config", str(caddyfile), "--adapter", "caddyfile"], caddy_env,
                            tmp_path / "caddy.log")  # fmt: skip
            started.append(caddy)
            varnish.wait_until_serving()
            ca_file = tmp_path / "caddy-data" / "caddy" / "pki" / "authorities" / "local" / "root.crt"
            assert poll(ca_file.exists, 20, interval=0.1), caddy.log()
            client = HTTPS(site, ca_file)

            def answers():
                try:
                    return client.request("/healthz")[0] == 200
                except OSError:
                    return False

            assert poll(answers, 30, interval=0.2), caddy.log() + started[1].log()
            yield {"client": client, "url": url, "totp_key": totp_key, "varnish": varnish,
                   "database": database, "env": env, "processes": started}  # fmt: skip
        finally:
            for process in reversed(started):
                process.stop()


def test_the_shipped_topology_serves_patients_and_staff_and_a_publish_reaches_varnish(topology):
    from binascii import unhexlify

    from django_otp.oath import TOTP

    client, url = topology["client"], topology["url"]

    # A patient page, over HTTPS, from Varnish the second time.
    status, headers, body = client.request(url)
    assert status == 200, body[:500]
    page = body.decode()
    assert "Version one" in page and 'href="tel:' in page
    assert client.request(url)[1]["X-Cache"] == "hit"

    # Static files and the logo come from disk, through Caddy.
    stylesheet = re.search(r'href="(/static/css/portal\.[0-9a-f]{12}\.css)"', page).group(1)
    status, headers, _ = client.request(stylesheet)
    assert status == 200 and "immutable" in headers["Cache-Control"]
    logo = re.search(r'src="(/media/[^"]+\.png)"', page).group(1)
    status, headers, content = client.request(logo)
    assert status == 200 and headers["Content-Type"] == "image/png"
    assert content.startswith(b"\x89PNG") and "sandbox" in headers["Content-Security-Policy"]

    # A member of staff signs in with password and authenticator.
    client.request("/admin/login/")
    status, headers, _ = client.request(
        "/admin/login/?next=/admin/",
        {"csrfmiddlewaretoken": client.csrf_token(), "username": "rhea",
         "password": "a-long-topology-password-1", "next": "/admin/"},
    )  # fmt: skip
    assert status == 302
    # The password alone opens nothing: every staff page asks for the second factor first.
    status, headers, _ = client.request(headers["Location"].removeprefix(client.base))
    assert status == 302 and "/admin/two-factor/verify/" in headers["Location"]
    verify = headers["Location"].removeprefix(client.base)
    client.request(verify)
    code = f"{TOTP(unhexlify(topology['totp_key'].encode())).token():06d}"
    status, headers, _ = client.request(verify, {"csrfmiddlewaretoken": client.csrf_token(), "code": code})
    assert status == 302, headers
    status, _, body = client.request("/admin/")
    assert status == 200 and b"rhea" in body

    # A publish elsewhere (the tasks go to the database) reaches Varnish through the worker's BAN.
    publish_env = {**topology["env"], "DEBUG": "1", "PORTAL_TASKS_RUN_IMMEDIATELY": "0"}
    run_django(PUBLISH_INFUSION_CHANGE, database_url=topology["database"], extra_env=publish_env)
    seen = poll(lambda: b"Version two" in client.request(url)[2], deadline_seconds=15, interval=0.2)
    assert seen, topology["processes"][2].log()
