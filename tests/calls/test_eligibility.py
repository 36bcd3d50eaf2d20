"""The call's eligibility rules, checked on an application."""

from decimal import Decimal

import pytest

from tests.calls.factories import ApplicationFactory, CallFactory
from tests.governance.factories import OrganisationFactory
from tipilot.calls.eligibility import eligibility_checks, is_eligible
from tipilot.geo.models import Commune
from tipilot.governance.enums import OrganisationKind
from tipilot.territories.models import Generation
from tipilot.territories.selectors import territory_of_commune


def commune_in(territory):
    return Commune.objects.filter(epci__territory_memberships__territory=territory).first()


def placed(application, commune):
    application.commune = commune
    application.territory = territory_of_commune(commune, generation=application.call.generation)
    application.save()
    return application


@pytest.fixture
def strict(world):
    call = CallFactory(
        requires_labelled_territory=True,
        applicant_kinds=[OrganisationKind.FIRM],
        naf_prefixes=["25", "10.1"],
        amount_min=Decimal(100_000),
        amount_max=Decimal(500_000),
    )
    call.regions.set([world.region_a])
    return call


def by_rule(checks):
    return {c["rule"]: c for c in checks}


def test_no_rule_set_gives_no_check(world):
    call = CallFactory(requires_labelled_territory=False)
    assert eligibility_checks(ApplicationFactory(call=call)) == []


def test_all_rules_pass(world, strict):
    application = placed(ApplicationFactory(call=strict), commune_in(world.t1))
    checks = eligibility_checks(application)
    assert [c["rule"] for c in checks] == ["territory", "region", "applicant_kind", "naf", "amount"]
    assert is_eligible(checks), checks
    assert by_rule(checks)["territory"]["message"] == "Territoire « Territoire ti-8401 »."


def test_each_rule_fails_with_a_french_message(world, strict):
    application = ApplicationFactory(
        call=strict,
        organisation=OrganisationFactory(kind=OrganisationKind.SCHOOL),
        naf_code="28.11Z",
        amount_requested=Decimal(600_000),
    )
    placed(application, commune_in(world.t3))  # region 27, not among the call's regions
    checks = by_rule(eligibility_checks(application))
    assert checks["territory"]["ok"] is True
    assert not checks["region"]["ok"] and "Auvergne-Rhône-Alpes" in checks["region"]["message"]
    assert not checks["applicant_kind"]["ok"]
    assert "entreprise" in checks["applicant_kind"]["message"]
    assert "école" in checks["applicant_kind"]["message"]
    assert checks["naf"]["message"] == "Le code NAF 28.11Z n'est pas admis (admis : 25, 10.1)."
    assert not checks["amount"]["ok"]
    assert "au moins 100\xa0000\xa0€ et au plus 500\xa0000\xa0€" in checks["amount"]["message"]


def test_missing_data_is_asked_for(world, strict):
    application = ApplicationFactory(
        call=strict, organisation=None, naf_code="", amount_requested=None
    )
    checks = by_rule(eligibility_checks(application))
    assert not any(c["ok"] for c in checks.values())
    assert checks["territory"]["message"] == "Indiquez la commune du projet."
    assert checks["naf"]["message"].startswith("Indiquez le code NAF")
    assert checks["amount"]["message"].startswith("Indiquez l'aide demandée")


def test_territory_of_another_generation_does_not_count(world):
    call = CallFactory(
        requires_labelled_territory=True, generation=Generation.objects.get(code="2018-2022")
    )
    application = placed(ApplicationFactory(call=call), commune_in(world.t1))
    [check] = eligibility_checks(application)
    assert not check["ok"] and "génération 2018-2022" in check["message"]


def test_commune_outside_any_territory(world):
    from tests.factories import CommuneFactory

    call = CallFactory(requires_labelled_territory=True)
    lonely = CommuneFactory(department=commune_in(world.t1).department)
    application = placed(ApplicationFactory(call=call), lonely)
    [check] = eligibility_checks(application)
    assert not check["ok"]
    assert "n'appartient à aucun territoire d'industrie labellisé" in check["message"]
