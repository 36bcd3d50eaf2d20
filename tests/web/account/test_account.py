"""Sign in and out, password reset, invitations, the account page and its API token."""

import datetime as dt
import re

from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from tests.governance.factories import PASSWORD, PersonFactory
from tipilot.governance import services


def test_login_with_email_and_password(world, client):
    response = client.post(
        reverse("login"), {"username": world.pilot.username, "password": PASSWORD}
    )
    assert response.status_code == 302 and response.url == reverse("account")
    html = client.get(reverse("account")).content.decode()
    assert "Pilote régional" in html and "Auvergne-Rhône-Alpes" in html


def test_wrong_password_is_refused_with_a_message(world, client):
    response = client.post(reverse("login"), {"username": world.pilot.username, "password": "x"})
    assert response.status_code == 200
    assert "Saisissez un nom d’utilisateur et un mot de passe valides" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_is_a_post(world, client):
    client.force_login(world.pilot)
    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_account_page_needs_login(client):
    response = client.get(reverse("account"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_password_reset_by_email(world, client, mailoutbox):
    client.post(reverse("password-reset"), {"email": world.team.email})
    assert len(mailoutbox) == 1
    link = re.search(r"https?://[^/]+(/comptes/mot-de-passe/\S+/)", mailoutbox[0].body).group(1)
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0]
    new = "un-nouveau-mot-de-passe-solide"
    response = client.post(form_url, {"new_password1": new, "new_password2": new})
    assert response.status_code == 302
    world.team.refresh_from_db()
    assert world.team.check_password(new)


def _invite(world, mailoutbox, capture):
    person = PersonFactory(first_name="Nora", email="nora@example.org")
    with capture(execute=True):
        services.invitation_create(person=person, by=world.pilot)
    path = re.search(r"https?://[^/]+(/comptes/invitation/\S+/)", mailoutbox[-1].body).group(1)
    return person, path


def test_invitation_creates_the_account_and_signs_in(
    world, client, mailoutbox, django_capture_on_commit_callbacks
):
    person, path = _invite(world, mailoutbox, django_capture_on_commit_callbacks)
    assert "Nora" in client.get(path).content.decode()
    short = client.post(path, {"new_password1": "court", "new_password2": "court"})
    assert short.status_code == 400 and "trop court" in short.content.decode()
    good = "mot-de-passe-de-nora-2026"
    response = client.post(path, {"new_password1": good, "new_password2": good})
    assert response.status_code == 302 and response.url == reverse("account")
    person.refresh_from_db()
    assert person.user.username == "nora@example.org"
    again = Client().get(path)
    assert again.status_code == 400 and "déjà été utilisée" in again.content.decode()


def test_expired_invitation_is_refused(
    world, client, mailoutbox, django_capture_on_commit_callbacks, monkeypatch
):
    _, path = _invite(world, mailoutbox, django_capture_on_commit_callbacks)
    monkeypatch.setattr(services, "INVITATION_MAX_AGE", dt.timedelta(seconds=-1))
    response = client.get(path)
    assert response.status_code == 400 and "a expiré" in response.content.decode()


def test_api_token_is_shown_once_and_replaced(world, client):
    client.force_login(world.pilot)
    client.post(reverse("api-token"))
    first = Token.objects.get(user=world.pilot).key
    assert first in client.get(reverse("account")).content.decode()
    assert first not in client.get(reverse("account")).content.decode()
    client.post(reverse("api-token"))
    assert Token.objects.get(user=world.pilot).key != first


def test_login_form_needs_csrf(world):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("login"), {"username": world.pilot.username, "password": PASSWORD}
    )
    assert response.status_code == 403
