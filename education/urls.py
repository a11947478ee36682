from django.urls import path

from . import dashboard

app_name = "education"

urlpatterns = [
    path("reviews/", dashboard.review_dashboard, name="review-dashboard"),
    path("reviews/pages/<int:page_id>/history/", dashboard.page_history, name="page-history"),
]
