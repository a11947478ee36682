from django.urls import path

from . import patient_views

app_name = "reading_packs"

urlpatterns = [
    path("", patient_views.enter_code, name="enter-code"),
    path("<str:code>/", patient_views.start, name="start"),
    path("<str:code>/finish/", patient_views.finish, name="finish"),
    path("<str:code>/<int:number>/", patient_views.page, name="page"),
    path("<str:code>/<int:number>/answer/", patient_views.answer, name="answer"),
]
