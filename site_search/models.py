"""The search index: what patients can read, one row per published page and language.

Nothing about a searcher is stored here or anywhere else: the index holds only published text.
The full-text structures live beside these tables and are kept in step by the database itself
(migration 0002): a tsvector column and its GIN index on PostgreSQL, an FTS5 table on SQLite.
"""

from cms.models import Page
from django.db import models


class SearchDocument(models.Model):
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=15)
    title = models.CharField(max_length=255)
    # The page's description, then its rendered text without markup, as a patient reads it.
    body = models.TextField()
    reviewed_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "language"], name="site_search_one_document_per_language")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"


class SearchWord(models.Model):
    """Every word of the indexed text, for "Did you mean ...?" suggestions."""

    language = models.CharField(max_length=15)
    # Lower case without accents: what a query word is compared with.
    key = models.CharField(max_length=100)
    # The word as the guide writes it, offered as the suggestion.
    word = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["language", "key"], name="site_search_one_word_per_language")
        ]

    def __str__(self) -> str:
        return self.word
