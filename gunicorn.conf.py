"""gunicorn settings for the portal: `gunicorn portal.wsgi` reads this file from the working directory.

Every value can be overridden on the command line or with the environment variables below.
"""

import multiprocessing
import os


def env(name: str, default: str) -> str:
    """The variable's value; a blank one (an env file's `NAME=` line) means the default."""
    return os.environ.get(name, "").strip() or default


bind = env("GUNICORN_BIND", "127.0.0.1:8000")

# Sync workers: a page is CPU work (or a cache hit); more workers than cores only help while some
# wait on the database. gunicorn's rule of thumb, (2 x cores) + 1, unless WEB_CONCURRENCY says otherwise.
workers = int(env("WEB_CONCURRENCY", str(multiprocessing.cpu_count() * 2 + 1)))
worker_class = "sync"

# A request that takes longer than this is stuck (the database has connect_timeout, Redis socket
# timeouts): the worker is killed and replaced rather than holding a patient's request for ever.
timeout = int(env("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5

# Off by default: worker memory stays flat under load (docs/operations.md, "Benchmark and load test"), and in
# the first load test the moments both workers were replaced coincided with 32 dropped connections.
# Set it (e.g. 20000) to replace workers now and then if a leak ever shows.
max_requests = int(env("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10

# No access log by default: the portal's own log says what went wrong, and every line of an access
# log is a patient's visit. Set GUNICORN_ACCESS_LOG to "-" (stdout) or a file path to have one; its
# lines are written by PrivateAccessLogger: time, method, the path without a reading-pack code or
# query string, status, size and milliseconds; never the client's address, referrer or browser.
accesslog = env("GUNICORN_ACCESS_LOG", "") or None
access_log_format = '%(t)s "%(r)s" %(s)s %(b)s %(M)sms'
logger_class = "toolkit.log_privacy.PrivateAccessLogger"
errorlog = "-"
loglevel = env("LOG_LEVEL", "info").lower()

# Behind a load balancer or reverse proxy, trust its X-Forwarded-* headers only from these addresses.
forwarded_allow_ips = env("FORWARDED_ALLOW_IPS", "127.0.0.1")

# Each worker loads the application itself, so no database or Redis connection can ever be opened
# in the master and shared between workers by fork.
preload_app = False
