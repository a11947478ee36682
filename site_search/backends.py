"""Full-text search in the database's own engine: PostgreSQL's text search, or SQLite's FTS5.

Both answer the same questions with the same meaning, so the results page and its tests do not
depend on the database: the best-ranked published pages of one language with a snippet whose
matched words are marked, and the known word most like a misspelt one.

All words must match; when no page has every word, any word will do (ranked by how many match),
so a patient's whole question ("can I drive home after the infusion") still finds pages.
"""

from dataclasses import dataclass
from datetime import date

from django.db import connection

from .models import SearchWord
from .text import MARK_END, MARK_START, similarity

# pg_trgm's default threshold for its % operator; the SQLite search uses the same.
SIMILARITY_THRESHOLD = 0.3
# PostgreSQL text search configurations (migration 0002): english and spanish, with unaccent.
CONFIGURATIONS = {"en": "site_search_english", "es": "site_search_spanish"}
SNIPPET_WORDS = 30


@dataclass
class Hit:
    page_id: int
    title: str
    reviewed_on: date | None
    snippet: str  # plain text with MARK_START/MARK_END around matched words


def find(terms: list[str], language: str, limit: int, offset: int) -> tuple[list[Hit], int]:
    """One page of results, and how many there are in all."""
    search = _postgresql_find if connection.vendor == "postgresql" else _sqlite_find
    hits, total = search(terms, language, "&", limit, offset)
    if hits or len(terms) == 1:
        return hits, total
    if offset and search(terms, language, "&", 1, 0)[1]:
        return [], 0  # a page beyond the last of the all-words results
    return search(terms, language, "|", limit, offset)


def similar_word(key: str, language: str) -> str | None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word FROM site_search_searchword WHERE language = %s AND key %% %s "
                "ORDER BY similarity(key, %s) DESC, word LIMIT 1",
                [language, key, key],
            )
            row = cursor.fetchone()
        return row[0] if row else None
    best, best_score = None, SIMILARITY_THRESHOLD
    for candidate, word in SearchWord.objects.filter(language=language).values_list("key", "word"):
        score = similarity(key, candidate)
        if score > best_score or (score == best_score and best is not None and word < best):
            best, best_score = word, score
    return best


def _postgresql_find(terms, language, operator, limit, offset):
    configuration = CONFIGURATIONS.get(language, "simple")
    # Each term holds letters and digits only (text.WORD), so quoting it is enough for tsquery.
    tsquery = f" {operator} ".join(f"'{term}'" for term in terms)
    options = (
        f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords={SNIPPET_WORDS}, MinWords=12, "
        'ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "'
    )
    with connection.cursor() as cursor:
        # The headline is worked out only for the page of results shown, after ranking and LIMIT.
        cursor.execute(
            "SELECT hit.page_id, hit.title, hit.reviewed_on, "
            "ts_headline(%s::regconfig, hit.body, hit.query, %s), hit.total FROM ("
            "  SELECT d.page_id, d.title, d.reviewed_on, d.body, q.query, count(*) OVER () AS total, "
            "  ts_rank(d.vector, q.query) AS rank "
            "  FROM site_search_searchdocument d, to_tsquery(%s::regconfig, %s) AS q(query) "
            "  WHERE d.language = %s AND d.vector @@ q.query "
            "  ORDER BY rank DESC, d.title, d.id LIMIT %s OFFSET %s"
            ") AS hit ORDER BY hit.rank DESC, hit.title",
            [configuration, options, configuration, tsquery, language, limit, offset],
        )
        rows = cursor.fetchall()
    return [Hit(*row[:4]) for row in rows], (rows[0][4] if rows else 0)


def _sqlite_find(terms, language, operator, limit, offset):
    match = (" AND " if operator == "&" else " OR ").join(f'"{term}"' for term in terms)
    with connection.cursor() as cursor:
        # Title matches weigh five times as much as matches in the text (bm25 is lower for better).
        cursor.execute(
            # MATERIALIZED: bm25() works only in a query on the FTS5 table alone, not once it is
            # joined and counted.
            "WITH f AS MATERIALIZED (SELECT rowid AS id, bm25(site_search_fts, 5.0, 1.0) AS score "
            "FROM site_search_fts WHERE site_search_fts MATCH %s) "
            "SELECT d.id, d.page_id, d.title, d.reviewed_on, count(*) OVER () FROM f "
            "JOIN site_search_searchdocument d ON d.id = f.id WHERE d.language = %s "
            "ORDER BY f.score, d.title, d.id LIMIT %s OFFSET %s",
            [match, language, limit, offset],
        )
        rows = cursor.fetchall()
        if not rows:
            return [], 0
        # Snippets only for the rows shown: FTS5 builds one per row it returns.
        ids = [row[0] for row in rows]
        cursor.execute(
            f"SELECT rowid, snippet(site_search_fts, 1, %s, %s, ' … ', {SNIPPET_WORDS}) FROM site_search_fts "  # noqa: S608 - a constant
            f"WHERE site_search_fts MATCH %s AND rowid IN ({', '.join(['%s'] * len(ids))})",
            [MARK_START, MARK_END, match, *ids],
        )
        snippets = dict(cursor.fetchall())
    hits = [Hit(page, title, _date(reviewed), snippets.get(pk, "")) for pk, page, title, reviewed, _ in rows]
    return hits, rows[0][4]


def _date(value):
    # SQLite returns dates from a raw query as text.
    return date.fromisoformat(value) if isinstance(value, str) else value
