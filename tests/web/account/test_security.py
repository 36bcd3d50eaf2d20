"""Accounts: CSRF on every form, safe redirects, no account enumeration, links that cannot be
reused or pointed elsewhere, passwords checked against the person, tokens that really stop."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from tests.governance.factories import PASSWORD, PersonFactory
from tipilot.governance import services


def _invitation_path(world) -> str:
    person = PersonFactory(first_name="Nora", last_name="Lefèvre", email="nora@example.org")
    _, token = services.invitation_create(person=person, by=world.pilot)
    return reverse("invitation-accept", args=[token])


@pytest.mark.parametrize("name", ["login", "logout", "api-token", "password-reset", "invitation"])
def test_every_account_form_needs_csrf(world, name):
    client = Client(enforce_csrf_checks=True)
    if name in ("logout", "api-token"):
        client.force_login(world.pilot)
    url = _invitation_path(world) if name == "invitation" else reverse(name)
    data = {"username": world.pilot.username, "password": PASSWORD, "email": world.team.email}
    data |= {
        "new_password1": "mot-de-passe-solide-2026",
        "new_password2": "mot-de-passe-solide-2026",
    }
    assert client.post(url, data).status_code == 403
    assert not Token.objects.filter(user=world.pilot).exists()


def test_login_is_by_email_whatever_its_case(world, client):
    typed = world.pilot.username.upper()
    response = client.post(reverse("login"), {"username": typed, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(world.pilot.pk)


def test_login_follows_next_on_this_site_only(world, client):
    data = {"username": world.pilot.username, "password": PASSWORD}
    response = client.post(reverse("login"), {**data, "next": "/calendrier/"})
    assert response.url == "/calendrier/"
    client.logout()
    response = client.post(reverse("login"), {**data, "next": "https://evil.example/"})
    assert response.url == reverse("account")


def test_logout_signs_out_and_goes_home(world, client):
    client.force_login(world.pilot)
    response = client.post(reverse("logout"))
    assert response.url == reverse("home")
    assert client.get(reverse("account")).status_code == 302


def test_header_shows_the_right_account_links(world, client):
    html = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("login")}"' in html and 'id="logout-form"' not in html
    client.force_login(world.pilot)
    html = client.get(reverse("home")).content.decode()
    assert 'id="account-link"' in html and 'id="logout-form"' in html
    assert f'action="{reverse("logout")}"' in html and "csrfmiddlewaretoken" in html


def test_password_reset_does_not_reveal_accounts(world, client, mailoutbox):
    response = client.post(reverse("password-reset"), {"email": "inconnu@example.org"})
    assert response.status_code == 302 and response.url == reverse("password-reset-done")
    assert mailoutbox == []


def test_password_reset_link_uses_the_site_address_and_works_once(
    world, client, mailoutbox, settings
):
    settings.TIPILOT_SITE_URL = "https://tipilot.example.gouv.fr"
    client.post(reverse("password-reset"), {"email": world.team.email}, HTTP_HOST="localhost")
    [mail] = mailoutbox
    assert mail.subject == "[tipilot] Choisir un nouveau mot de passe"
    link = re.search(r"https://tipilot\.example\.gouv\.fr(/comptes/mot-de-passe/\S+/)", mail.body)
    form_url = client.get(link.group(1), follow=True).redirect_chain[-1][0]
    new = "un-nouveau-mot-de-passe-solide"
    client.post(form_url, {"new_password1": new, "new_password2": new})
    again = Client().get(link.group(1), follow=True).content.decode()
    assert "plus valable" in again


def test_bad_invitation_token_is_a_clear_400(world, client):
    response = client.get(reverse("invitation-accept", args=["pas-un-jeton"]))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Invitation non valable" in html and "n'est pas valide" in html.replace("&#x27;", "'")


def test_invitation_password_may_not_look_like_the_email(world, client):
    path = _invitation_path(world)
    response = client.post(
        path, {"new_password1": "nora@example.org", "new_password2": "nora@example.org"}
    )
    assert response.status_code == 400 and "trop semblable" in response.content.decode()


def test_replaced_token_stops_working_at_once(world, client):
    client.force_login(world.pilot)
    client.post(reverse("api-token"))
    first = Token.objects.get(user=world.pilot).key
    client.post(reverse("api-token"))
    second = Token.objects.get(user=world.pilot).key
    api = Client()
    url = "/api/v1/contracts/"
    assert api.get(url, HTTP_AUTHORIZATION=f"Token {first}").status_code == 401
    assert api.get(url, HTTP_AUTHORIZATION=f"Token {second}").status_code == 200


def test_token_is_created_by_post_only(world, client):
    assert client.post(reverse("api-token")).url.startswith(reverse("login"))
    client.force_login(world.pilot)
    assert client.get(reverse("api-token")).status_code == 405
    assert not Token.objects.filter(user=world.pilot).exists()
