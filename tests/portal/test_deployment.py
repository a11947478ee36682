"""The shipped deployment files are what a clinic can copy: the systemd units pass systemd's own
check, every scheduled job runs the same command under systemd and under cron, and .env.example
loads as an environment file in production mode once its required lines are filled in."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import require_service
from tests.support.settings_module import load_settings

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
INSTALL_DIR = "/srv/ketamine-portal"


def installed_units(directory: Path) -> list[Path]:
    """The units as a clinic installs them, with this checkout in place of /srv/ketamine-portal."""
    env_file = directory / "portal.env"
    env_file.write_text("DEBUG=0\n")
    units = []
    for unit in sorted((DEPLOY / "systemd").iterdir()):
        text = unit.read_text().replace(INSTALL_DIR, str(ROOT))
        text = text.replace("/etc/ketamine-portal/portal.env", str(env_file))
        target = directory / unit.name
        target.write_text(text)
        units.append(target)
    return units


def job_names() -> list[str]:
    listed = subprocess.run([str(DEPLOY / "run-job"), "--list"], capture_output=True, text=True, check=True)
    return listed.stdout.split()


def test_the_systemd_units_pass_systemd_analyze_verify(tmp_path):
    require_service(shutil.which("systemd-analyze") is not None, "systemd-analyze (apt-get install systemd)")
    units = installed_units(tmp_path)
    template = tmp_path / "ketamine-portal-job@.service"
    instances = []
    for name in job_names():
        instance = tmp_path / f"ketamine-portal-job@{name}.service"
        instance.write_text(template.read_text())
        instances.append(instance)
    to_check = [unit for unit in units if unit != template] + instances
    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", *map(str, to_check)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "", result.stderr  # not even a warning


def test_every_job_has_a_timer_and_a_cron_line_and_nothing_else_does():
    names = set(job_names())
    assert names == {
        "review-reminders", "access-report", "purge-reading-records", "clear-sessions",
        "clear-sign-in-attempts", "prune-tasks", "backup",
    }  # fmt: skip
    timers = {
        re.search(r"^Unit=ketamine-portal-job@(.+)\.service$", path.read_text(), re.M).group(1)
        for path in (DEPLOY / "systemd").glob("*.timer")
    }
    assert timers == names
    cron = (DEPLOY / "cron" / "ketamine-portal").read_text()
    cron_jobs = set(
        re.findall(r"^[\d*/,-]+(?:\s+[\d*/,-]+){4}\s+ketamine-portal\s+\S+/deploy/run-job (\S+)$", cron, re.M)
    )
    assert cron_jobs == names


def test_an_unknown_job_is_refused_with_the_list_of_names():
    result = subprocess.run([str(DEPLOY / "run-job"), "no-such-job"], capture_output=True, text=True)
    assert result.returncode == 2
    assert "review-reminders" in result.stderr


def read_env_file(path: Path) -> dict[str, str]:
    """KEY=value lines, as systemd's EnvironmentFile= and deploy/run-job read them."""
    values = {}
    for line in path.read_text().splitlines():
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[key] = value
    return values


def test_env_example_loads_as_an_environment_file_and_blank_lines_mean_the_defaults(monkeypatch):
    values = read_env_file(ROOT / ".env.example")
    assert values["DEBUG"] == "0"
    with pytest.raises(Exception, match="SECRET_KEY and ALLOWED_HOSTS"):
        load_settings(monkeypatch, **values)
    filled = {
        **values,
        "SECRET_KEY": "s" * 50,
        "ALLOWED_HOSTS": "guide.clinic.example",
        "EMAIL_URL": "smtp+tls://portal:secret@smtp.clinic.example:587",
    }
    settings = load_settings(monkeypatch, **filled)
    assert settings["DEBUG"] is False
    assert settings["DATABASES"]["default"]["CONN_MAX_AGE"] == 60  # DATABASE_CONN_MAX_AGE= is the default
    assert settings["PAGE_CACHE_CHECK_INTERVAL"] == 0.2
    assert settings["PORTAL_BASE_URL"] == "https://guide.clinic.example"
    assert settings["EMAIL_HOST"] == "smtp.clinic.example" and settings["EMAIL_USE_TLS"] is True
    assert settings["TASKS"]["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    # Every variable the settings read is in the template.
    read = set(
        re.findall(r'env_(?:str|int|float|bool|list)\("([A-Z_]+)"', (ROOT / "portal/settings.py").read_text())
    )
    gunicorn = set(re.findall(r'env\("([A-Z_]+)"', (ROOT / "gunicorn.conf.py").read_text()))
    missing = (read | gunicorn) - set(values) - {"PORTAL_CLOUDFLARE_API_URL", "PORTAL_CLOUDFRONT_API_URL"}
    assert missing == set()


def test_collected_static_files_come_with_brotli_and_gzip_copies():
    from tests.support.servers import collected_static_root

    css = [path for path in (collected_static_root() / "css").glob("portal.*.css") if path.suffix == ".css"]
    assert css, "collectstatic wrote no hashed stylesheet"
    for stylesheet in css:
        assert stylesheet.with_name(stylesheet.name + ".br").is_file()
        assert stylesheet.with_name(stylesheet.name + ".gz").is_file()
