"""Every role against every instruction write made through the pages: allowed writes change
the data, refused ones answer 403 (anonymous visitors go to the login page) and change nothing."""

import pytest

from tests.calls.instruction_setup import in_review, submitted
from tipilot.calls.models import Application, Assignment, Opinion, Score
from tipilot.calls.services import instruction as svc

pytestmark = pytest.mark.django_db
ROLES = ["national", "instructor", "pilot", "other_pilot", "team", "binome", "copil", "nobody"]
INSTRUCTORS = {"national", "instructor"}


def _scored(world):
    application = in_review(world)
    svc.application_assign(application=application, instructor=world.instructor, by=world.national)
    return application


WRITES = {
    # name: (prepare, step, data, effect, allowed roles)
    "eligibility": (
        submitted, "recevabilite/", lambda a: {"eligible": "1"},
        lambda a: Application.objects.get(pk=a.pk).status, INSTRUCTORS,
    ),
    "assign": (
        submitted, "affectation/", lambda a: {"instructor": "instructor"},
        lambda a: Assignment.objects.filter(application=a).count(), INSTRUCTORS,
    ),
    "decide": (
        in_review, "decision/", lambda a: {"outcome": "rejected", "reason": "Hors priorités"},
        lambda a: Application.objects.get(pk=a.pk).status, INSTRUCTORS,
    ),
    "reopen": (
        in_review, "reouverture/", lambda a: {"reason": "Pièce manquante"},
        lambda a: Application.objects.get(pk=a.pk).status, INSTRUCTORS,
    ),
    "score": (
        _scored, "notes/",
        lambda a: {f"value_{c.pk}": "3" for c in a.call.criteria.all()},
        lambda a: Score.objects.filter(application=a).count(), {"national", "instructor"},
    ),
    "region-opinion": (
        in_review, "avis/region/",
        lambda a: {"region-verdict": "favourable", "region-text": "Oui"},
        lambda a: Opinion.objects.filter(application=a).count(), {"national", "pilot"},
    ),
    "territory-opinion": (
        in_review, "avis/territory/",
        lambda a: {"territory-verdict": "reserved", "territory-text": "Peut-être"},
        lambda a: Opinion.objects.filter(application=a).count(), {"national", "team", "binome"},
    ),
}  # fmt: skip


@pytest.mark.parametrize("role", [*ROLES, "anonymous"])
@pytest.mark.parametrize("write", list(WRITES))
def test_instruction_write(world, client, role, write, django_capture_on_commit_callbacks):
    prepare, step, data, effect, allowed = WRITES[write]
    application = prepare(world)
    payload = data(application)
    if payload.get("instructor") == "instructor":
        payload["instructor"] = world.instructor.pk
    if role != "anonymous":
        client.force_login(getattr(world, role))
    before = effect(application)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/appels/instruction/{application.reference}/{step}", payload)
    if role in allowed:
        assert response.status_code == 302, (response.status_code, response.content[:500])
        assert effect(application) != before
    else:
        expected = 302 if role == "anonymous" else 403
        assert response.status_code == expected
        if role == "anonymous":
            assert response.url.startswith("/comptes/connexion/")
        assert effect(application) == before
