"""Applicants create a plain account, are signed in and go back where they were going."""

import pytest
from django.contrib.auth import get_user_model

from tipilot.governance.scope import user_scope

from .conftest import text

GOOD = {
    "email": "Nora.Martin@Example.org",
    "first_name": "Nora",
    "last_name": "Martin",
    "password1": "une-phrase-de-passe-solide",
    "password2": "une-phrase-de-passe-solide",
    "terms": "on",
    "next": "/appels/fonds-2027/candidater/",
}


def test_signup_creates_a_plain_account_and_goes_to_next(db, client):
    response = client.post("/appels/compte/creer/", GOOD)
    assert response.status_code == 302
    assert response["Location"] == "/appels/fonds-2027/candidater/"
    user = get_user_model().objects.get()
    assert user.username == user.email == "nora.martin@example.org"
    assert (user.first_name, user.last_name) == ("Nora", "Martin")
    assert not user.is_staff and user.has_usable_password()
    assert not user_scope(user).national and not user_scope(user).operators
    assert client.get("/appels/candidatures/").status_code == 200  # signed in


def test_existing_email_gets_a_clear_error(db, client):
    get_user_model().objects.create_user(username="nora.martin@example.org", password="x")
    response = client.post("/appels/compte/creer/", GOOD)
    assert response.status_code == 400
    assert "Un compte existe déjà avec cette adresse : connectez-vous ou réinitialisez" in text(
        response
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"password1": "court", "password2": "court"}, "trop court"),
        ({"password2": "autre-chose-entierement"}, "Les deux mots de passe diffèrent."),
        ({"terms": ""}, "Acceptez les conditions d'utilisation"),
        ({"email": "pas-une-adresse"}, "adresse e-mail valide"),
        ({"password1": "nora.martin", "password2": "nora.martin"}, "trop semblable"),
    ],
)
def test_bad_input_is_refused_in_french(db, client, change, message):
    response = client.post("/appels/compte/creer/", {**GOOD, **change})
    assert response.status_code == 400
    assert message in text(response)
    assert not get_user_model().objects.exists()


def test_next_outside_the_site_is_ignored(db, client):
    response = client.post("/appels/compte/creer/", {**GOOD, "next": "https://evil.example/"})
    assert response["Location"] == "/appels/candidatures/"


def test_signed_in_user_is_sent_on(client, world):
    client.force_login(world.nobody)
    response = client.get("/appels/compte/creer/?next=/appels/")
    assert response.status_code == 302 and response["Location"] == "/appels/"
