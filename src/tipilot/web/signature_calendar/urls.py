from django.urls import path

from . import views

urlpatterns = [
    path("calendrier/", views.calendar_page, name="calendar"),
    path("calendrier.ics", views.calendar_ics, name="calendar-ics"),
    path("calendrier.csv", views.calendar_csv, name="calendar-csv"),
]
