"""Getting into an account without anyone else knowing its password, and reviewing who has access.

Included under /admin/ (before the admin's own URLs), so these pages get the staff headers and policies.
"""

from django.urls import path

from . import account_views

urlpatterns = [
    path("invitation/<str:token>/", account_views.accept_invitation, name="staff_invitation"),
    path("password_reset/", account_views.ForgottenPasswordView.as_view(), name="admin_password_reset"),
    path(
        "password_reset/sent/",
        account_views.ForgottenPasswordSentView.as_view(),
        name="admin_password_reset_done",
    ),
    path("reset/<uidb64>/<token>/", account_views.NewPasswordView.as_view(), name="password_reset_confirm"),
    path("reset/done/", account_views.NewPasswordSetView.as_view(), name="password_reset_complete"),
    path("access-review/", account_views.access_review_view, name="staff_access_review"),
]
