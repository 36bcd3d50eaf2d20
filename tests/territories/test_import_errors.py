"""Rejected territory lists: every error names its line or feature and field; nothing is written."""

import datetime as dt
import io

import pytest
from django.core.management import CommandError

from tipilot.core.errors import ImportRejected
from tipilot.territories.importers import read_file
from tipilot.territories.models import Generation
from tipilot.territories.services import territories_import

from .conftest import BAD, TERRITORIES, run_import, territory_counts

TWO_TERRITORIES = "un membre ne peut être dans deux territoires d'une même génération"

# file → the (where, field, message) of each error; a message ending with « ( » is a prefix.
BAD_FILES = {
    "unknown-siren.geojson": [
        (
            "entité 1",
            "membres",
            "SIREN 200099999 « CC Inconnue » inconnu : ni EPCI, ni EPT, ni commune de référence",
        )
    ],
    "duplicate-member.geojson": [("entité 1", "membres", "membre 200000001 en double")],
    "member-in-two-territories.geojson": [
        (
            "entité 2",
            "membres",
            f"CC Alpha (200000001) appartient déjà à ti-8401 (entité 1) : {TWO_TERRITORIES}",
        )
    ],
    "empty-name.geojson": [("entité 1", "nom", "nom du territoire vide")],
    "empty-identifier.geojson": [("entité 1", "identifiant", "valeur manquante")],
    "malformed-identifier.geojson": [
        ("entité 1", "identifiant", "« ti-841 » ne suit pas la forme ti-RRnn")
    ],
    "duplicate-identifier.geojson": [
        ("entité 2", "identifiant", "« ti-8401 » figure déjà en entité 1")
    ],
    "region-mismatch.geojson": [
        (
            "entité 1",
            "identifiant",
            "le code région 27 de ti-2701 ne correspond à aucune région de ses membres (84)",
        )
    ],
    "member-without-siren.geojson": [
        ("entité 1", "liste_geo", "membre « CA Beta » sans SIREN entre parenthèses")
    ],
    "malformed-siren.geojson": [("entité 1", "SIREN", "« 20000002 » n'est pas un SIREN valide")],
    "2018-malformed-siren.geojson": [
        ("entité 1", "SIREN", "« 21580303 » n'est pas un SIREN valide")
    ],
    "missing-columns.csv": [
        ("ligne 1", "en-tête", "colonnes attendues absentes : siren_groupement")
    ],
    "communes-missing-columns.csv": [("ligne 1", "en-tête", "colonnes attendues absentes : id_ti")],
    "conflicting-name.csv": [
        ("ligne 3", "lib_ti", "« Ain Industries » diffère de « Ain Industrie » (ligne 2)")
    ],
    "unknown-insee.csv": [
        (
            "ligne 3",
            "membres",
            "commune 01998 « Commune inconnue » absente de la géographie de référence",
        )
    ],
    "invalid.geojson": [("fichier", "-", "JSON invalide (")],
    "not-a-collection.geojson": [
        ("fichier", "features", "une FeatureCollection GeoJSON est attendue")
    ],
    "unknown-properties.geojson": [
        ("entité 1", "properties", "ni id_territoire ni id_ti : format non reconnu")
    ],
    "liste-ti.txt": [("fichier", "-", "format non reconnu : .geojson, .json ou .csv attendu")],
    "three-errors.geojson": [
        (
            "entité 1",
            "membres",
            "SIREN 200099999 « CC Inconnue » inconnu : ni EPCI, ni EPT, ni commune de référence",
        ),
        ("entité 2", "nom", "nom du territoire vide"),
        ("entité 3", "identifiant", "« TI-84-02 » ne suit pas la forme ti-RRnn"),
    ],
}


def _matches(problems, expected) -> bool:
    if len(problems) != len(expected):
        return False
    for problem, (where, field, message) in zip(problems, expected, strict=True):
        if (problem.where, problem.field) != (where, field):
            return False
        if message.endswith("(") and not problem.message.startswith(message):
            return False
        if not message.endswith("(") and problem.message != message:
            return False
    return True


def _rejected(path, as_of=dt.date(2024, 7, 4)):
    with pytest.raises(ImportRejected) as caught:
        territories_import(
            parsed=read_file(path),
            generation=Generation.objects.get(code="2023-2027"),
            as_of=as_of,
            sha256="bad",
        )
    return caught.value


@pytest.mark.parametrize("name", BAD_FILES)
def test_service_rejects_with_located_errors(name, state_2023):
    before = territory_counts()
    rejected = _rejected(BAD / name)
    errors = rejected.report.errors
    assert _matches(errors, BAD_FILES[name]), [str(p) for p in errors]
    assert str(rejected) == f"{name} : {len(errors)} erreur(s), rien n'a été écrit."
    assert territory_counts() == before


@pytest.mark.parametrize("name", BAD_FILES)
def test_command_prints_every_error_and_writes_nothing(name, state_2023):
    before = territory_counts()
    err = io.StringIO()
    with pytest.raises(CommandError) as caught:
        run_import(BAD / name, err=err)
    expected = BAD_FILES[name]
    assert str(caught.value) == f"{name} : {len(expected)} erreur(s), rien n'a été écrit."
    lines = err.getvalue().splitlines()
    assert len(lines) == len(expected)
    for line, (where, field, message) in zip(lines, expected, strict=True):
        assert line.startswith(f"{name} : {where} · {field} : {message}")
    assert territory_counts() == before


def test_all_errors_of_a_file_are_reported_at_once(state_2023):
    err = io.StringIO()
    with pytest.raises(CommandError, match=r"3 erreur\(s\)"):
        run_import(BAD / "three-errors.geojson", err=err)
    assert err.getvalue().splitlines() == [
        "three-errors.geojson : entité 1 · membres : SIREN 200099999 « CC Inconnue » inconnu : "
        "ni EPCI, ni EPT, ni commune de référence",
        "three-errors.geojson : entité 2 · nom : nom du territoire vide",
        "three-errors.geojson : entité 3 · identifiant : « TI-84-02 » ne suit pas la forme ti-RRnn",
    ]


def test_older_state_after_a_newer_one_is_refused(state_2023):
    before = territory_counts()
    rejected = _rejected(TERRITORIES / "ti-v2-2024-07.geojson", as_of=dt.date(2023, 1, 1))
    assert [str(p) for p in rejected.report.errors] == [
        "fichier · --as-of : un état plus récent (14/11/2023) de 2023-2027 est déjà importé : "
        "importez les états dans l'ordre chronologique"
    ]
    assert territory_counts() == before


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"generation": "2030-2034"},
            "--generation « 2030-2034 » inconnue (connues : 2018-2022, 2023-2027).",
        ),
        ({"as_of": "2024-13-01"}, "--as-of « 2024-13-01 » : date AAAA-MM-JJ attendue."),
        ({"as_of": "04/07/2024"}, "--as-of « 04/07/2024 » : date AAAA-MM-JJ attendue."),
    ],
    ids=["unknown-generation", "impossible-date", "french-date"],
)
def test_bad_command_options(options, message, state_2023):
    before = territory_counts()
    with pytest.raises(CommandError) as caught:
        run_import(TERRITORIES / "ti-v2-2024-07.geojson", **options)
    assert str(caught.value) == message
    assert territory_counts() == before


def test_unknown_wave(state_2023):
    before = territory_counts()
    with pytest.raises(CommandError) as caught:
        run_import(TERRITORIES / "ti-v2-2024-07.geojson", "--wave", "999")
    assert str(caught.value) == "--wave : aucune vague de 2023-2027 à 999."
    assert territory_counts() == before


def test_missing_file(state_2023, tmp_path):
    with pytest.raises(CommandError) as caught:
        run_import(tmp_path / "absent.geojson")
    assert str(caught.value) == f"{tmp_path / 'absent.geojson'} : fichier introuvable."


def test_unreadable_file_is_reported_by_the_reader(tmp_path):
    parsed = read_file(tmp_path / "absent.csv")
    assert [str(p) for p in parsed.report.errors] == [
        "fichier · - : illisible (No such file or directory)"
    ]
