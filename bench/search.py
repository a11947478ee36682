"""Site search under gunicorn in production mode, next to a guide page, with the demo guide copied
to PAGES pages per language.

    make bench-search                                   # SQLite
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_search make bench-search

Measured with wrk (-t2, BENCH_CONNECTIONS=32, BENCH_SECONDS=10 per run): a guide page from the
page cache and rendered on every request; a search from the page cache and run on every request
(a query parameter the cache does not take), in English and Spanish. Also the queries one uncached
render makes, from Django's own count. Environment as in bench/run.py, plus BENCH_PAGES (default
500 per language). A PostgreSQL database is created if missing and dropped afterwards.
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import ROOT, Site, get, wrk

GUIDE = "/your-infusion-day/"
SEARCHES = {"search, English": "/search/?q=bladder", "search, Spanish": "/es/buscar/?q=vejiga"}


def copy_guide(site: Site, pages: int) -> dict:
    """Copies of the demo guide's pages, published in both languages, under its steps (so the page
    tree and the menu grow, not the top-level navigation); then the search index is rebuilt once."""
    os.environ.update({k: site.env[k] for k in ("DATABASE_URL", "REDIS_URL", "CACHE_KEY_PREFIX")})
    os.environ.update(DJANGO_SETTINGS_MODULE="portal.settings", DEBUG="1")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from cms.api import create_page, create_page_content
    from cms.models import Page, PageContent
    from cms.utils.plugins import copy_plugins_to_placeholder
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from djangocms_versioning.models import Version
    from djangocms_versioning.signals import post_version_operation

    from education.management.commands.seed_demo_guide import seed_author
    from page_cache import store
    from site_search import indexing

    # One rebuild at the end instead of one index update per copy.
    post_version_operation.disconnect(dispatch_uid="site-search-version")
    author = seed_author()
    steps = list(Page.objects.filter(depth=1))
    sources = [(page, {c.language: c for c in PageContent.objects.filter(page=page)}) for page in steps]
    sources = [(page, contents) for page, contents in sources if {"en", "es"} <= contents.keys()]
    existing = Page.objects.count()
    made = 0
    while existing + made < pages:
        parent, contents = sources[made % len(sources)]
        with transaction.atomic():
            english = contents["en"]
            copy = create_page(
                f"{english.title} {made}",
                english.template,
                "en",
                parent=parent,
                created_by=author,
                in_navigation=True,
                slug=f"copy-{made}",
                meta_description=english.meta_description,
            )
            for language, source in contents.items():
                content = (
                    PageContent.admin_manager.get(page=copy, language="en")
                    if language == "en"
                    else create_page_content(
                        language,
                        f"{source.title} {made}",
                        copy,
                        slug=f"copia-{made}",
                        created_by=author,
                        template=source.template,
                        in_navigation=True,
                        meta_description=source.meta_description,
                    )
                )
                target = content.get_placeholders().get(slot="content")
                plugins = list(source.get_placeholders().get(slot="content").get_plugins())
                copy_plugins_to_placeholder(plugins, target, language=language)
                Version.objects.get_for_content(content).publish(author)
        made += 1
    documents = indexing.rebuild()
    store.invalidate()
    client = Client()
    counts = {}
    for name, path in [("guide page", GUIDE), *SEARCHES.items()]:
        client.get(path + ("&" if "?" in path else "?") + "warm=1")
        with CaptureQueriesContext(connection) as queries:
            client.get(path + ("&" if "?" in path else "?") + "count=1")
        counts[name] = len(queries)
    return {"pages": Page.objects.count(), "documents": documents, "queries": counts}


def main() -> None:
    pages = int(os.environ.get("BENCH_PAGES", "500"))
    seconds = int(os.environ.get("BENCH_SECONDS", "10"))
    connections = int(os.environ.get("BENCH_CONNECTIONS", "32"))
    database = os.environ.get("BENCH_DATABASE_URL", "")
    created = None
    if database.startswith("postgres"):
        created = database.rsplit("/", 1)[1]
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", created], check=False)
    with tempfile.TemporaryDirectory(prefix="portal-bench-search-") as directory:
        site = Site(Path(directory))
        try:
            site.prepare()
            started = time.monotonic()
            facts = copy_guide(site, pages)
            print(f"copied to {facts['pages']} pages per language in {time.monotonic() - started:.0f} s")
            site.start()
            runs = [
                ("guide page (cached)", GUIDE, {}),
                ("guide page (rendered)", GUIDE, {"BENCH_UNIQUE_QUERY": "1"}),
            ]
            for name, path in SEARCHES.items():
                runs += [(f"{name} (cached)", path, {}), (f"{name} (run)", path, {"BENCH_UNIQUE_QUERY": "1"})]
            results = []
            for name, path, lua in runs:
                get(site.base + path)
                results.append((name, wrk(site.base + path, seconds, connections, **lua)))
        finally:
            site.stop()
            site.forget_redis_keys()
            if created:
                from django.db import connections as django_connections

                django_connections.close_all()  # this process's own session from the copying
                subprocess.run(
                    ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", created], check=False
                )
    engine = "PostgreSQL" if created else "SQLite"
    print(
        f"\n{engine}, {facts['pages']} pages ({facts['documents']} indexed versions), "
        f"{site.env['WEB_CONCURRENCY']} sync workers, wrk -t2 -c{connections} -d{seconds}s\n"
    )
    print("| request | req/s | p50 ms | p99 ms | errors | non-2xx |")
    print("|---|---|---|---|---|---|")
    for name, r in results:
        print(
            f"| {name} | {r['rps']:.0f} | {r['p50_us'] / 1000:.2f} | {r['p99_us'] / 1000:.2f} "
            f"| {r['errors']} | {r['non_2xx_3xx']} |"
        )
    print("\nqueries per uncached render: " + ", ".join(f"{k} {v}" for k, v in facts["queries"].items()))


if __name__ == "__main__":
    main()
