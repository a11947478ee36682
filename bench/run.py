"""Benchmark (default) or load test (--load) the seeded guide under gunicorn in production mode.

    make bench            # cached page vs the same HTML as a static file, cold page after publish
    make load             # 60 s at 32 connections on a mix of every patient page; worker memory

Environment: BENCH_DATABASE_URL (default: a new SQLite file in a temporary directory; a PostgreSQL
URL is migrated and seeded, its pages kept), BENCH_REDIS_URL (default redis://127.0.0.1:6379/0; keys
get a unique prefix and are deleted afterwards), BENCH_PORT (default: a free port), BENCH_WORKERS
(default 2, as in the issue's reference numbers), BENCH_SECONDS (default 10 per wrk run),
BENCH_CONNECTIONS (default 32). Needs wrk (apt-get install wrk) and a Redis server.
"""

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LUA = Path(__file__).resolve().parent / "report.lua"
PAGE = "/your-infusion-day/"
STATIC = "/static/bench/your-infusion-day.html"
PAIRS = 3
COLD_SAMPLES = 20


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read()


class Site:
    def __init__(self, workdir: Path):
        self.port = int(os.environ.get("BENCH_PORT") or free_port())
        self.base = f"http://127.0.0.1:{self.port}"
        self.redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
        self.prefix = f"bench-{uuid.uuid4().hex[:8]}"
        self.env = {
            **os.environ,
            "DEBUG": "0",
            "SECRET_KEY": "bench-only-" + uuid.uuid4().hex + uuid.uuid4().hex,
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{workdir / 'bench.sqlite3'}",
            "REDIS_URL": self.redis_url,
            "CACHE_KEY_PREFIX": self.prefix,
            "STATIC_ROOT": str(workdir / "static"),
            "WEB_CONCURRENCY": os.environ.get("BENCH_WORKERS", "2"),
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "GUNICORN_ACCESS_LOG": str(workdir / "access.log"),
            "LOG_LEVEL": "WARNING",
            # The benchmark sends no mail; a production-mode server needs to be told where it would go.
            "EMAIL_URL": "consolemail://",
            "PORTAL_EMAIL_TO_LOG": "1",
        }
        self.workdir = workdir
        self.process = None

    def manage(self, *args: str) -> None:
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, check=True)

    def prepare(self) -> None:
        self.manage("migrate", "--noinput", "-v0")
        self.manage("seed_demo_guide")
        self.manage("collectstatic", "--noinput", "-v0")

    def start(self) -> None:
        log = open(self.workdir / "gunicorn.log", "a")  # noqa: SIM115 - lives as long as the server
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        self.process = subprocess.Popen(
            [gunicorn, "portal.wsgi"], cwd=ROOT, env=self.env, stdout=log, stderr=log
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if get(self.base + "/healthz")[0] == 200:
                    return
            except OSError:
                time.sleep(0.1)
        raise SystemExit(f"gunicorn did not start; see {self.workdir / 'gunicorn.log'}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)

    def worker_pids(self) -> list[int]:
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in path.read_text().split()]

    def forget_redis_keys(self) -> None:
        import redis

        client = redis.Redis.from_url(self.redis_url)
        keys = list(client.scan_iter(match=f"{self.prefix}*", count=1000))
        if keys:
            client.delete(*keys)


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def wrk(url: str, seconds: int, connections: int, headers: tuple[str, ...] = (), **lua_env: str) -> dict:
    env = {**os.environ, **lua_env}
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(LUA), url]
    for header in headers:
        command[1:1] = ["-H", header]
    output = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    result = json.loads(output.strip().splitlines()[-1])
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    result["errors"] = sum(result[k] for k in ("connect_errors", "read_errors", "write_errors", "timeouts"))
    return result


def publish_and_time_cold_requests(site: Site, samples: int) -> list[float]:
    """Publish a new version of the page, then time the first request for it; `samples` times."""
    os.environ.update({k: site.env[k] for k in ("DATABASE_URL", "REDIS_URL", "CACHE_KEY_PREFIX")})
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings"
    os.environ["DEBUG"] = "1"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from cms.models import Page, PageContent
    from django.db import transaction
    from djangocms_versioning.constants import PUBLISHED
    from djangocms_versioning.models import Version

    from education.management.commands.seed_demo_guide import seed_author

    author = seed_author()
    page = Page.objects.get(reverse_id="infusion-day")
    timings = []
    for _ in range(samples):
        with transaction.atomic():
            content = PageContent.admin_manager.filter(
                page=page, language="en", versions__state=PUBLISHED
            ).get()
            Version.objects.get_for_content(content).copy(author).publish(author)
        # Workers other than the publishing one look at the shared version every 200 ms; until then
        # they may still answer from memory, which is not the cold render this measures.
        time.sleep(0.25)
        started = time.perf_counter()
        status, _ = get(site.base + PAGE)
        timings.append(time.perf_counter() - started)
        if status != 200:
            raise SystemExit(f"{PAGE} answered {status} after a publish")
    return timings


def row(name: str, r: dict) -> str:
    return (
        f"| {name} | {r['rps']:.0f} | {r['p50_us'] / 1000:.2f} | {r['p99_us'] / 1000:.2f} "
        f"| {r['errors']} | {r['non_2xx_3xx']} |"
    )


def benchmark(site: Site, seconds: int, connections: int) -> None:
    status, html = get(site.base + PAGE)
    if status != 200:
        raise SystemExit(f"{PAGE} answered {status}")
    static_file = Path(site.env["STATIC_ROOT"]) / "bench" / "your-infusion-day.html"
    static_file.parent.mkdir(parents=True, exist_ok=True)
    static_file.write_bytes(html)
    site.stop()  # whitenoise indexes STATIC_ROOT when it starts
    site.start()
    if get(site.base + STATIC)[1] != html:
        raise SystemExit("the static copy differs from the page")
    get(site.base + PAGE)

    pairs = []
    for _ in range(PAIRS):
        static = wrk(site.base + STATIC, seconds, connections)
        page = wrk(site.base + PAGE, seconds, connections)
        pairs.append((static, page, page["rps"] / static["rps"]))
    uncached = wrk(site.base + PAGE, seconds, connections, BENCH_UNIQUE_QUERY="1")
    cold = publish_and_time_cold_requests(site, COLD_SAMPLES)

    print(f"\n{len(html)} bytes of HTML, {site.env['WEB_CONCURRENCY']} sync workers, wrk -t2 -c{connections}")
    print(f"-d{seconds}s per run, {PAIRS} alternating pairs (static, page)\n")
    print("| run | req/s | p50 ms | p99 ms | socket errors | non-2xx |")
    print("|---|---|---|---|---|---|")
    for number, (static, page, ratio) in enumerate(pairs, 1):
        print(row(f"pair {number}: static file (whitenoise)", static))
        print(row(f"pair {number}: infusion page (cached)", page) + f" ratio {ratio:.2f}")
    median_pair = sorted(pairs, key=lambda pair: pair[2])[len(pairs) // 2]
    print(row("**median pair: static file**", median_pair[0]))
    print(row("**median pair: infusion page (cached)**", median_pair[1]))
    print(row("page rendered on every request (unique query string)", uncached))
    cold_ms = sorted(t * 1000 for t in cold)
    p99 = cold_ms[min(len(cold_ms) - 1, round(0.99 * (len(cold_ms) - 1)))]
    print(
        f"| infusion page, first request after a publish ({len(cold)} single requests) "
        f"| {1000 / statistics.mean(cold_ms):.0f} | {statistics.median(cold_ms):.2f} | {p99:.2f} | 0 | 0 |"
    )
    print(f"\nratio cached page / static file (median of {PAIRS} pairs): {median_pair[2]:.2f}")


def load(site: Site, seconds: int, connections: int) -> None:
    from html.parser import HTMLParser

    class Links(HTMLParser):
        paths: list[str] = []

        def handle_starttag(self, tag, attrs):
            href = dict(attrs).get("href") or ""
            if tag == "a" and href.startswith("/") and not href.startswith("/static/"):
                self.paths.append(href)

    parser = Links()
    parser.feed(get(site.base + "/")[1].decode())
    paths = sorted({"/", *parser.paths})
    for path in paths:
        get(site.base + path)
    pids = site.worker_pids()
    before = {pid: rss_kib(pid) for pid in pids}
    result = wrk(site.base + "/", seconds, connections, BENCH_PATHS=",".join(paths))
    after = {pid: rss_kib(pid) for pid in site.worker_pids()}
    print(f"\nLoad: {seconds} s, wrk -t2 -c{connections}, {len(paths)} patient pages in turn:")
    print(" ".join(paths) + "\n")
    print(
        "| requests | req/s | p50 ms | p99 ms | max ms "
        "| socket errors (connect/read/write/timeout) | non-2xx/3xx | 5xx |"
    )
    print("|---|---|---|---|---|---|---|---|")
    errors = "/".join(str(result[k]) for k in ("connect_errors", "read_errors", "write_errors", "timeouts"))
    print(
        f"| {result['requests']} | {result['rps']:.0f} | {result['p50_us'] / 1000:.2f} "
        f"| {result['p99_us'] / 1000:.2f} | {result['max_us'] / 1000:.0f} | {result['errors']} ({errors}) "
        f"| {result['non_2xx_3xx']} | {result['status_5xx']} |"
    )
    print("\n| worker pid | RSS at start (MiB) | RSS at end (MiB) |")
    print("|---|---|---|")
    for pid in sorted(set(before) | set(after)):
        start = f"{before[pid] / 1024:.1f}" if pid in before else "(new worker)"
        end = f"{after[pid] / 1024:.1f}" if pid in after else "(replaced)"
        print(f"| {pid} | {start} | {end} |")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--load", action="store_true", help="60 s load test on a mix of all patient pages")
    options = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")
    connections = int(os.environ.get("BENCH_CONNECTIONS", "32"))
    seconds = int(os.environ.get("BENCH_SECONDS", "60" if options.load else "10"))
    with tempfile.TemporaryDirectory(prefix="portal-bench-") as directory:
        site = Site(Path(directory))
        if options.load:
            # The same workers from start to end, so their memory can be compared (in production
            # GUNICORN_MAX_REQUESTS replaces them now and then).
            site.env.setdefault("GUNICORN_MAX_REQUESTS", "0")
        try:
            site.prepare()
            site.start()
            (load if options.load else benchmark)(site, seconds, connections)
        finally:
            site.stop()
            site.forget_redis_keys()


if __name__ == "__main__":
    main()
