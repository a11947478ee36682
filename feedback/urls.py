from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("", views.answer, name="answer"),
    path("what-was-wrong/", views.reason, name="reason"),
]
