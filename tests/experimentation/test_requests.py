"""France Expérimentation: who records, what is checked, search, visibility, similar requests."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.experimentation.factories import DerogationFactory
from tipilot.experimentation import selectors, services
from tipilot.experimentation.enums import RequestStatus as S
from tipilot.experimentation.enums import Theme
from tipilot.experimentation.selectors import RequestFilters

pytestmark = pytest.mark.django_db

FIELDS = {
    "title": "Hauteur des bâtiments",
    "rule": "Le PLU limite la hauteur à 12 m.",
    "legal_reference": "Code de l'urbanisme, art. L. 152-6",
    "theme": Theme.URBANISM,
    "project": "Magasin automatisé de 28 m.",
    "submitted_on": dt.date(2022, 5, 2),
}


def test_create_numbers_and_audits(world):
    created = services.derogation_create(by=world.pilot, territory=world.t1, **FIELDS)
    assert created.reference == "FE-2022-001" and created.status == S.SUBMITTED
    assert not created.is_public
    assert created.legal_key == "code de l urbanisme, art. l. 152 6"
    record = created.history.first()
    assert record.history_user == world.pilot and record.history_change_reason == "Création"
    again = services.derogation_create(by=world.national, **FIELDS)
    assert again.reference == "FE-2022-002"


def test_who_may_record(world):
    with pytest.raises(PermissionDenied, match="territoire de votre région"):
        services.derogation_create(by=world.pilot, territory=world.t3, **FIELDS)
    with pytest.raises(PermissionDenied, match="territoire de votre région"):
        services.derogation_create(by=world.pilot, **FIELDS)  # no territory: national team only
    for user in (world.team, world.copil, world.instructor, world.nobody, world.anonymous):
        with pytest.raises(PermissionDenied):
            services.derogation_create(by=user, territory=world.t1, **FIELDS)
    request = DerogationFactory(territory=world.t3)
    with pytest.raises(PermissionDenied):
        services.derogation_update(request=request, answer="Oui", by=world.pilot)
    services.derogation_update(request=request, follow_up="Décret n° 2022-1", by=world.other_pilot)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"status": S.ACCEPTED}, "Indiquez la date de la réponse"),
        ({"status": S.REFUSED, "answered_on": dt.date(2022, 6, 1)}, "Indiquez la réponse"),
        ({"status": S.ACCEPTED, "answer": "Oui", "answered_on": dt.date(2022, 1, 1)},
         "La date de réponse précède la date de dépôt"),
        ({"answered_on": dt.date(2022, 6, 1)}, "Une demande sans réponse"),
        ({"theme": "astrologie"}, "pas un choix valide"),
        ({"reference": "X"}, "Champs non modifiables"),
    ],
)  # fmt: skip
def test_bad_answers_are_refused_in_french(world, changes, message):
    request = services.derogation_create(by=world.national, **FIELDS)
    with pytest.raises(ValidationError) as error:
        services.derogation_update(request=request, by=world.national, **changes)
    assert message in str(error.value)


def test_answer_and_publish(world):
    request = services.derogation_create(by=world.national, territory=world.t1, **FIELDS)
    answered = services.derogation_update(
        request=request,
        status=S.PARTLY_ACCEPTED,
        answer="Dérogation accordée jusqu'à 20 mètres.",
        answered_on=dt.date(2022, 9, 1),
        is_public=True,
        by=world.pilot,
    )
    assert "derogation accordee jusqu a 20 metres" in answered.search_text


def test_search_is_accent_insensitive_over_rule_project_and_answer(world):
    DerogationFactory(rule="Délai d'enregistrement", project="Usine de pâte à papier")
    DerogationFactory(answer="Réponse : la procédure est simplifiée par décret.")
    DerogationFactory(is_public=False, rule="Délai d'enregistrement")
    search = lambda q: selectors.request_list(RequestFilters(q=q)).count()  # noqa: E731
    assert search("delai enregistrement") == 1  # the unpublished one stays hidden
    assert search("PATE papier") == 1
    assert search("décret simplifiee") == 1
    assert search("R. 512-46-4") == 2  # the published factory requests
    assert search("introuvable") == 0


def test_visibility_and_filters(world):
    public = DerogationFactory(territory=world.t1)
    hidden_84 = DerogationFactory(territory=world.t2, is_public=False, status=S.SUBMITTED,
                                  answer="", answered_on=None)  # fmt: skip
    hidden_27 = DerogationFactory(territory=world.t3, is_public=False, theme=Theme.TAX)
    seen = lambda user, **f: set(selectors.request_list(RequestFilters(**f), user=user))  # noqa: E731
    assert seen(None) == {public}
    assert seen(world.pilot) == {public, hidden_84}
    assert seen(world.national) == {public, hidden_84, hidden_27}
    assert seen(world.national, region="84") == {public, hidden_84}
    assert seen(world.national, territory="ti-2701") == {hidden_27}
    assert seen(world.national, theme=Theme.TAX) == {hidden_27}
    assert seen(world.national, status=S.SUBMITTED) == {hidden_84}


def test_similar_requests_put_the_same_legal_reference_first(world):
    request = DerogationFactory(legal_reference="Code du travail, art. L. 3132-3",
                                theme=Theme.LABOUR)  # fmt: skip
    same_article = DerogationFactory(
        legal_reference="code du travail, art. L. 3132-3", theme=Theme.OTHER,
        submitted_on=dt.date(2020, 1, 1), answered_on=dt.date(2020, 3, 1),
    )  # fmt: skip
    same_theme = DerogationFactory(theme=Theme.LABOUR, submitted_on=dt.date(2023, 1, 1),
                                   answered_on=dt.date(2023, 2, 1))  # fmt: skip
    DerogationFactory(theme=Theme.ENERGY)
    DerogationFactory(theme=Theme.LABOUR, is_public=False)
    assert selectors.similar_requests(request) == [same_article, same_theme]
