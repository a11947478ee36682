from django.urls import path

from . import views

app_name = "governance"

urlpatterns = [
    path("reviews/", views.review_dashboard, name="review-dashboard"),
    path("reviews/pages/<int:page_id>/history/", views.page_history, name="page-history"),
    path("reviews/drafts/<int:content_id>/ask/", views.ask_for_review, name="ask-for-review"),
]
