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
    key = _footer_cache_key(content.pk)
    footer = cache.get(key)
    if footer is None:
        review = ClinicalReview.objects.filter(extended_object=content).prefetch_related("sources").first()
        footer = {"review": None}
        if review is not None:
            footer["review"] = {
                "reviewed_on": review.reviewed_on,
                "next_review_due": review.next_review_due,
                "reviewer_name": review.reviewer_name,
                "reviewer_title": review.reviewer_title,
                "sources": [{"title": s.title, "url": s.url} for s in review.sources.all()],
            }
        cache.set(key, footer, timeout=None)
    return footer


def forget_review_footer(content_id: int) -> None:
    cache.delete(_footer_cache_key(content_id))
