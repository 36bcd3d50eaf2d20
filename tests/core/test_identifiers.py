"""SIREN and SIRET keys (Luhn), with La Poste's documented exception."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from tests.governance.factories import siren_with_key
from tipilot.core.identifiers import luhn_ok, validate_siren, validate_siret


@pytest.mark.parametrize("siren", ["130005481", "542051180", "200054781"])
def test_real_sirens_pass(siren):
    validate_siren(siren)


@pytest.mark.parametrize(
    ("value", "reason"),
    [("130005482", "clé de contrôle"), ("13000548", "9 chiffres"), ("13000548A", "9 chiffres")],
)
def test_bad_sirens_say_why(value, reason):
    with pytest.raises(ValidationError, match=reason):
        validate_siren(value)


def test_siret_key_and_la_poste_exception():
    validate_siret("13000548100010")  # ANCT's head office
    validate_siret("35600000000001")  # La Poste: digit sum multiple of 5
    with pytest.raises(ValidationError, match="clé de contrôle"):
        validate_siret("13000548100011")
    with pytest.raises(ValidationError, match="14 chiffres"):
        validate_siret("1300054810001")


@given(st.integers(min_value=0, max_value=10**8 - 1))
def test_generated_keys_are_valid_and_any_single_digit_change_is_caught(n):
    siren = siren_with_key(n)
    assert luhn_ok(siren)
    changed = siren[:-1] + str((int(siren[-1]) + 1) % 10)
    assert not luhn_ok(changed)
