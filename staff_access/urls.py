from django.urls import path

from . import views

app_name = "staff_access"

urlpatterns = [
    path("verify/", views.verify, name="verify"),
    path("set-up/", views.setup, name="setup"),
    path("recovery-codes/", views.recovery_codes, name="recovery_codes"),
]
