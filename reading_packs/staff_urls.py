from django.urls import path

from . import staff_views, worklist_views

app_name = "reading_packs_staff"

urlpatterns = [
    path("", staff_views.pack_list, name="pack-list"),
    path("issued/", worklist_views.issued, name="issued"),
    path("issued/<int:pk>/cancel/", worklist_views.cancel, name="cancel"),
    path("issued/<int:pk>/extend/", worklist_views.extend, name="extend"),
    path("record/", staff_views.record, name="record"),
    path("slip/", staff_views.slip_again, name="slip"),
    path("slip/<int:pk>/", staff_views.slip, name="slip-for"),
    path("<slug:slug>/issue/", staff_views.issue, name="issue"),
]
