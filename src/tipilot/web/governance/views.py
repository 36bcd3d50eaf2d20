"""COPIL meetings and their decisions: public record, and the pilots' forms."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from tipilot.core.audit import history_of
from tipilot.geo.models import Region
from tipilot.governance import services
from tipilot.governance.models import CopilDecision, CopilMeeting, Person
from tipilot.governance.scope import user_scope

from ..access import add_service_errors, login_redirect, require
from .forms import DecisionForm, MeetingForm


def _regions_managed(user):
    scope = user_scope(user)
    regions = Region.objects.filter(dissolved=False).defer("outline")
    return regions if scope.national else regions.filter(code__in=scope.pilot_regions)


def copil_list(request):
    region = request.GET.get("region", "")
    meetings = (
        CopilMeeting.objects.select_related("region")
        .defer("region__outline")
        .annotate(decision_count=Count("decisions"))
        .order_by("-date", "region__name")  # Meta.ordering is dropped in GROUP BY queries
    )
    if region:
        meetings = meetings.filter(region__code=region)
    return render(
        request,
        "web/governance/copil_list.html",
        {
            "meetings": meetings,
            "region": region,
            "regions": Region.objects.filter(dissolved=False).defer("outline"),
            "can_create": _regions_managed(request.user).exists()
            if request.user.is_authenticated
            else False,
        },
    )


def _meeting(pk: int) -> CopilMeeting:
    decisions = CopilDecision.objects.select_related(
        "territory__generation", "contract", "amendment"
    ).defer("territory__outline", "territory__search_text")
    qs = CopilMeeting.objects.select_related("region").prefetch_related(
        Prefetch("decisions", queryset=decisions), "members_present"
    )
    try:
        return qs.defer("region__outline").get(pk=pk)
    except CopilMeeting.DoesNotExist as exc:
        raise Http404("Aucune réunion de COPIL à ce numéro.") from exc


def copil_detail(request, pk: int, decision_form=None):
    meeting = _meeting(pk)
    user = request.user
    private = user.has_perm("governance.view_copil_private", meeting.region)
    manage = user.has_perm("governance.manage_copil", meeting.region)
    if manage and decision_form is None:
        decision_form = DecisionForm(region=meeting.region)
    return render(
        request,
        "web/governance/copil_detail.html",
        {
            "meeting": meeting,
            "private": private,
            "manage": manage,
            "decision_form": decision_form if manage else None,
            "history": history_of(meeting) if private else [],
        },
        status=400 if decision_form is not None and decision_form.errors else 200,
    )


@login_redirect
def copil_edit(request, pk: int | None = None):
    meeting = _meeting(pk) if pk else None
    if meeting:
        require(request, "governance.manage_copil", meeting.region)
    elif not _regions_managed(request.user).exists():
        require(request, "governance.manage_copil", None)
    regions = _regions_managed(request.user)
    initial = {}
    if meeting:
        initial = {
            "region": meeting.region,
            "date": meeting.date,
            "place": meeting.place,
            "agenda": meeting.agenda,
            "members_present": list(meeting.members_present.all()),
        }
    members = Person.objects.filter(roles__region__in=regions).distinct()
    form = MeetingForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        regions=regions,
        members=members,
    )
    if request.method == "POST" and form.is_valid():
        require(request, "governance.manage_copil", form.cleaned_data["region"])
        try:
            saved = services.copil_meeting_save(
                by=request.user, meeting=meeting, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "La réunion a été enregistrée.")
            return redirect("copil-detail", pk=saved.pk)
    return render(
        request,
        "web/governance/copil_form.html",
        {"form": form, "meeting": meeting},
        status=400 if form.errors else 200,
    )


@require_POST
@login_redirect
def decision_add(request, pk: int):
    meeting = _meeting(pk)
    require(request, "governance.manage_copil", meeting.region)
    form = DecisionForm(request.POST, region=meeting.region)
    if form.is_valid():
        try:
            services.copil_decision_add(meeting=meeting, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "La décision a été enregistrée.")
            return redirect("copil-detail", pk=pk)
    return copil_detail(request, pk, decision_form=form)


def copil_minutes(request, pk: int):
    meeting = get_object_or_404(CopilMeeting.objects.select_related("region"), pk=pk)
    if not meeting.minutes or not request.user.has_perm(
        "governance.view_copil_private", meeting.region
    ):
        raise Http404("Compte rendu introuvable.")
    return FileResponse(
        meeting.minutes.open("rb"),
        content_type="application/pdf",
        filename=f"copil-{meeting.region.code}-{meeting.date:%Y-%m-%d}.pdf",
    )
