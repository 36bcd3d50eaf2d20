"""The directory of organisations and people, for the national team and regional pilots.

People's contact details are personal data: these pages need the ``manage_organisations``
permission; the public sees organisations only where they sign a contract.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render

from tipilot.governance import services
from tipilot.governance.models import Organisation
from tipilot.governance.selectors import people_list

from ..access import add_service_errors, login_redirect, require
from .forms import OrganisationForm, PersonForm


@login_redirect
def organisations(request):
    require(request, "governance.manage_organisations")
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_save(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "L'organisation a été enregistrée.")
            return redirect("organisations")
    page = Paginator(Organisation.objects.all(), 100).get_page(request.GET.get("page"))
    return render(
        request,
        "web/governance/organisations.html",
        {"form": form, "page_obj": page},
        status=400 if form.errors else 200,
    )


@login_redirect
def people(request):
    require(request, "governance.manage_organisations")
    form = PersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.person_save(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "La personne a été enregistrée.")
            return redirect("people")
    page = Paginator(people_list(q=request.GET.get("q", "")), 100).get_page(request.GET.get("page"))
    return render(
        request,
        "web/governance/people.html",
        {"form": form, "page_obj": page, "q": request.GET.get("q", "")},
        status=400 if form.errors else 200,
    )
