from django.urls import path

from . import staff_views

app_name = "reading_packs_staff"

urlpatterns = [
    path("", staff_views.pack_list, name="pack-list"),
    path("record/", staff_views.record, name="record"),
    path("slip/", staff_views.slip_again, name="slip"),
    path("<slug:slug>/issue/", staff_views.issue, name="issue"),
]
