"""What the review footer shows for one published version, cached per version."""

from django.core.cache import cache

from .models import ClinicalReview


def _footer_cache_key(content_id: int) -> str:
    return f"governance:review-footer:{content_id}"


def footer_for(content) -> dict:
    """Plain values of a published version's review, cached per version.

    A published version's review cannot be changed (the review admin refuses), so after any
    publish elsewhere every other page re-renders without asking the database for its footer.
    """
    return cache.get_or_set(
        _footer_cache_key(content.pk), lambda: _footer_from_database(content), timeout=None
    )


def _footer_from_database(content) -> dict:
    review = ClinicalReview.objects.filter(extended_object=content).prefetch_related("sources").first()
    if review is None:
        return {"review": None}
    return {
        "review": {
            "reviewed_on": review.reviewed_on,
            "next_review_due": review.next_review_due,
            "reviewer_name": review.reviewer_name,
            "reviewer_title": review.reviewer_title,
            "sources": [{"title": s.title, "url": s.url} for s in review.sources.all()],
        }
    }


def forget_review_footer(content_id: int) -> None:
    cache.delete(_footer_cache_key(content_id))
