"""French business identifiers: SIREN (9 digits) and SIRET (14 digits), both Luhn-keyed.

La Poste's establishments are the one documented exception to the SIRET key: SIREN 356000000
keys its SIRETs by a digit sum multiple of 5 instead.
"""

from django.core.exceptions import ValidationError

LA_POSTE_SIREN = "356000000"


def luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def validate_siren(value: str) -> None:
    if len(value) != 9 or not value.isdigit():
        raise ValidationError(
            "Le SIREN « %(value)s » doit compter exactement 9 chiffres.",
            code="siren_format",
            params={"value": value},
        )
    if not luhn_ok(value):
        raise ValidationError(
            "Le SIREN « %(value)s » est invalide : sa clé de contrôle (Luhn) est fausse.",
            code="siren_key",
            params={"value": value},
        )


def validate_siret(value: str) -> None:
    if len(value) != 14 or not value.isdigit():
        raise ValidationError(
            "Le SIRET « %(value)s » doit compter exactement 14 chiffres.",
            code="siret_format",
            params={"value": value},
        )
    if value.startswith(LA_POSTE_SIREN):
        valid = sum(int(c) for c in value) % 5 == 0
    else:
        valid = luhn_ok(value)
    if not valid:
        raise ValidationError(
            "Le SIRET « %(value)s » est invalide : sa clé de contrôle (Luhn) est fausse.",
            code="siret_key",
            params={"value": value},
        )
