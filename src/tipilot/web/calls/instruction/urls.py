"""The instruction desk and one application's instruction, mounted at ``/appels/instruction/``."""

from django.urls import path

from . import desk, detail, steps

ONE = "<str:reference>"

urlpatterns = [
    path("", desk.desk, name="instruction-desk"),
    path(f"{ONE}/", detail.instruction_page, name="instruction-detail"),
    path(f"{ONE}/recevabilite/", steps.eligibility, name="instruction-eligibility"),
    path(f"{ONE}/affectation/", steps.assign, name="instruction-assign"),
    path(f"{ONE}/affectation/retirer/", steps.unassign, name="instruction-unassign"),
    path(f"{ONE}/notes/", steps.score, name="instruction-score"),
    path(f"{ONE}/avis/<str:role>/", steps.opinion, name="instruction-opinion"),
    path(f"{ONE}/decision/", steps.decide, name="instruction-decide"),
    path(f"{ONE}/reouverture/", steps.reopen, name="instruction-reopen"),
]
