"""The database's own full-text structures beside the index tables, kept in step by triggers.

PostgreSQL: the unaccent and pg_trgm extensions (trusted extensions since PostgreSQL 13: the
database's owner may create them), copies of the english and spanish text search configurations
that also remove accents, a tsvector column (title weighted above text) with a GIN index, and a
trigram index on the words offered as "Did you mean ...?".

SQLite: an FTS5 table over the documents (Porter stemming, accents removed).

Any other database gets nothing here, and the search would fail there: only these two are supported.
Django rebuilds a SQLite table to alter it, which drops its triggers: a later migration that alters
SearchDocument must create the FTS5 triggers again.
"""

from django.db import migrations

POSTGRESQL = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    *(
        statement
        for name, base in (("site_search_english", "english"), ("site_search_spanish", "spanish"))
        for statement in (
            f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{base})",
            f"ALTER TEXT SEARCH CONFIGURATION {name} "
            f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {base}_stem",
        )
    ),
    "ALTER TABLE site_search_searchdocument ADD COLUMN vector tsvector",
    """
    CREATE FUNCTION site_search_document_vector() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE configuration regconfig := CASE NEW.language
        WHEN 'en' THEN 'site_search_english'::regconfig
        WHEN 'es' THEN 'site_search_spanish'::regconfig
        ELSE 'simple'::regconfig END;
    BEGIN
        NEW.vector := setweight(to_tsvector(configuration, coalesce(NEW.title, '')), 'A')
            || setweight(to_tsvector(configuration, coalesce(NEW.body, '')), 'D');
        RETURN NEW;
    END $$
    """,
    "CREATE TRIGGER site_search_document_vector BEFORE INSERT OR UPDATE ON site_search_searchdocument "
    "FOR EACH ROW EXECUTE FUNCTION site_search_document_vector()",
    "CREATE INDEX site_search_document_vector_gin ON site_search_searchdocument USING gin (vector)",
    "CREATE INDEX site_search_word_key_trgm ON site_search_searchword USING gin (key gin_trgm_ops)",
]
POSTGRESQL_REVERSE = [
    "DROP INDEX IF EXISTS site_search_word_key_trgm",
    "DROP TRIGGER IF EXISTS site_search_document_vector ON site_search_searchdocument",
    "DROP FUNCTION IF EXISTS site_search_document_vector()",
    "ALTER TABLE site_search_searchdocument DROP COLUMN IF EXISTS vector",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS site_search_english",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS site_search_spanish",
]

SQLITE = [
    "CREATE VIRTUAL TABLE site_search_fts USING fts5(title, body, content='site_search_searchdocument', "
    "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER site_search_fts_insert AFTER INSERT ON site_search_searchdocument BEGIN "
    "INSERT INTO site_search_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
    "CREATE TRIGGER site_search_fts_delete AFTER DELETE ON site_search_searchdocument BEGIN "
    "INSERT INTO site_search_fts(site_search_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); END",
    "CREATE TRIGGER site_search_fts_update AFTER UPDATE ON site_search_searchdocument BEGIN "
    "INSERT INTO site_search_fts(site_search_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); "
    "INSERT INTO site_search_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS site_search_fts_update",
    "DROP TRIGGER IF EXISTS site_search_fts_delete",
    "DROP TRIGGER IF EXISTS site_search_fts_insert",
    "DROP TABLE IF EXISTS site_search_fts",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, ()):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("site_search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRESQL, "sqlite": SQLITE}),
            _run({"postgresql": POSTGRESQL_REVERSE, "sqlite": SQLITE_REVERSE}),
        )
    ]
