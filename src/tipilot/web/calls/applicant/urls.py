"""The applicant's side of ``/appels/``: public calls, configuration, accounts, applications.

Fixed prefixes (``nouveau/``, ``compte/``, ``candidatures/``) come before ``<slug>/``.
"""

from django.urls import path

from . import configure, drafts, files, public, signup

APP = "candidatures/<str:reference>"

urlpatterns = [
    path("", public.call_list, name="call-list"),
    path("nouveau/", configure.call_create, name="call-create"),
    path("compte/creer/", signup.applicant_signup, name="applicant-signup"),
    path("candidatures/", drafts.my_applications, name="my-applications"),
    path("candidatures/communes/", files.commune_search, name="commune-search"),
    path(f"{APP}/", drafts.application_detail, name="application-detail"),
    path(f"{APP}/deposer/", drafts.application_submit, name="application-submit"),
    path(f"{APP}/retirer/", drafts.application_withdraw, name="application-withdraw"),
    path(f"{APP}/fichiers/<int:question_pk>/", files.application_file, name="application-file"),
    path("<slug:slug>/", public.call_detail, name="call-detail"),
    path("<slug:slug>/configurer/", configure.call_edit, name="call-edit"),
    path("<slug:slug>/publier/", configure.call_publish, name="call-publish"),
    path("<slug:slug>/candidater/", drafts.application_start, name="application-start"),
]
