"""Varnish in front of the portal: throughput and freshness (make bench-cdn; not part of the tests).

In one run, with wrk -c32 and "Accept-Encoding: gzip" as browsers send it:
- the infusion page through Varnish (deploy/varnish/default.vcl),
- the same page straight from gunicorn (the portal's page cache),
- the same HTML as a static file from gunicorn (whitenoise);
then freshness: 10 times, publish a change of the page and time until Varnish serves the new text.

Same environment as bench/run.py (BENCH_DATABASE_URL, BENCH_REDIS_URL, BENCH_WORKERS, BENCH_SECONDS,
BENCH_CONNECTIONS). Needs wrk, varnishd (apt-get install wrk varnish) and a Redis server.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import PAGE, ROOT, STATIC, Site, free_port, get, row, wrk

VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
TRIALS = 10
GZIP = "Accept-Encoding: gzip"


class Varnish:
    def __init__(self, backend_port: int):
        self.directory = Path(tempfile.mkdtemp(prefix="portal-bench-varnish-"))
        self.directory.chmod(0o755)  # varnishd drops root privileges
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        vcl = (ROOT / "deploy" / "varnish" / "default.vcl").read_text()
        path = self.directory / "default.vcl"
        path.write_text(vcl.replace('.port = "8000";', f'.port = "{backend_port}";'))
        path.chmod(0o644)
        self.process = subprocess.Popen(
            [VARNISHD, "-F", "-n", str(self.directory / "work"), "-a", f"127.0.0.1:{self.port}",
             "-f", str(path), "-s", "malloc,256m", "-T", "none"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                get(self.base + "/healthz")
                return
            except OSError:
                time.sleep(0.1)
        raise SystemExit("varnishd did not start")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        shutil.rmtree(self.directory, ignore_errors=True)


def wire_size(url: str) -> tuple[int, int]:
    """(header bytes, body bytes) of a gzip-accepting GET."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as response:
        body = response.read()
        headers = sum(len(f"{k}: {v}\r\n") for k, v in response.headers.items()) + len(
            "HTTP/1.1 200 OK\r\n\r\n"
        )
        return headers, len(body)


def freshness(site: Site, varnish: Varnish) -> list[float]:
    os.environ.update({k: site.env[k] for k in ("DATABASE_URL", "REDIS_URL", "CACHE_KEY_PREFIX")})
    os.environ.update(DJANGO_SETTINGS_MODULE="portal.settings", DEBUG="1", PORTAL_VARNISH_URLS=varnish.base)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from cms.models import Page, PageContent
    from django.db import transaction
    from djangocms_text.models import Text
    from djangocms_versioning.constants import PUBLISHED
    from djangocms_versioning.models import Version

    from education.management.commands.seed_demo_guide import seed_author

    author = seed_author()
    page = Page.objects.get(reverse_id="infusion-day")
    timings = []
    for trial in range(1, TRIALS + 1):
        marker = f"Freshness trial {trial} at {time.time():.0f}."
        for _ in range(3):  # Varnish holds the current page
            get(varnish.base + PAGE)
        with transaction.atomic():
            content = PageContent.admin_manager.filter(
                page=page, language="en", versions__state=PUBLISHED
            ).get()
            draft = Version.objects.get_for_content(content).copy(author)
            text = Text.objects.filter(placeholder__object_id=draft.object_id).order_by("position").first()
            text.body = f"<p>{marker}</p>" + text.body
            text.save()
            draft.publish(author)
        committed = time.perf_counter()
        while marker.encode() not in get(varnish.base + PAGE)[1]:
            if time.perf_counter() - committed > 10:
                raise SystemExit(f"trial {trial}: the new text did not reach Varnish within 10 s")
            time.sleep(0.005)
        timings.append(time.perf_counter() - committed)
    return timings


def main() -> None:
    for tool in ("wrk", VARNISHD):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is needed: apt-get install wrk varnish")
    connections = int(os.environ.get("BENCH_CONNECTIONS", "32"))
    seconds = int(os.environ.get("BENCH_SECONDS", "10"))
    with tempfile.TemporaryDirectory(prefix="portal-bench-") as directory:
        site = Site(Path(directory))
        varnish = None
        try:
            site.prepare()
            # As on a site whose Varnish is purged: pages may be kept by shared caches.
            site.env["PORTAL_SHARED_CACHE_SECONDS"] = "86400"
            site.start()
            html = get(site.base + PAGE)[1]
            static_file = Path(site.env["STATIC_ROOT"]) / "bench" / "your-infusion-day.html"
            static_file.parent.mkdir(parents=True, exist_ok=True)
            static_file.write_bytes(html)
            site.stop()  # whitenoise indexes STATIC_ROOT when it starts
            site.start()
            varnish = Varnish(site.port)
            for _ in range(3):
                get(varnish.base + PAGE)

            through_varnish = wrk(varnish.base + PAGE, seconds, connections, (GZIP,))
            from_gunicorn = wrk(site.base + PAGE, seconds, connections, (GZIP,))
            static = wrk(site.base + STATIC, seconds, connections, (GZIP,))
            header_bytes, body_bytes = wire_size(varnish.base + PAGE)
            plain_bytes = len(html)
            trials = freshness(site, varnish)
        finally:
            if varnish:
                varnish.stop()
            site.stop()
            site.forget_redis_keys()

    print(
        f"\n{plain_bytes} bytes of HTML; {site.env['WEB_CONCURRENCY']} sync workers; wrk -t2 -c{connections}"
    )
    print(f"-d{seconds}s per run, '{GZIP}'\n")
    print("| run | req/s | p50 ms | p99 ms | socket errors | non-2xx |")
    print("|---|---|---|---|---|---|")
    print(row("infusion page through Varnish", through_varnish))
    print(row("infusion page from gunicorn (page cache)", from_gunicorn))
    print(row("same HTML as a static file from gunicorn", static))
    print(f"\nVarnish / gunicorn page: {through_varnish['rps'] / from_gunicorn['rps']:.1f}x")
    print(f"gunicorn page / static file: {from_gunicorn['rps'] / static['rps']:.2f}x")
    print(f"infusion page on the wire (gzip): {body_bytes} bytes body + {header_bytes} bytes headers")
    ms = [t * 1000 for t in trials]
    print(f"freshness through Varnish, {len(ms)} trials (ms): " + ", ".join(f"{t:.0f}" for t in ms))
    print(f"max {max(ms):.0f} ms; within 1 s: {sum(t <= 1000 for t in ms)} of {len(ms)}")


if __name__ == "__main__":
    main()
