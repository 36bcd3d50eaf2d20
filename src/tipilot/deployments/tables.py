"""The registry as rows for open-data files (CSV, XLSX, JSON): no personal data."""

from .models import Deployment

COLUMNS = (
    ("id", "identifiant"),
    ("kind", "type"),
    ("name", "nom"),
    ("status", "statut"),
    ("wave", "vague"),
    ("commune_insee", "commune (code INSEE)"),
    ("commune", "commune"),
    ("region", "région (code)"),
    ("territory", "territoire"),
    ("organisation", "organisation"),
    ("organisation_siren", "SIREN de l'organisation"),
    ("labelled_on", "labellisé le"),
    ("opened_on", "ouvert / en poste le"),
    ("closed_on", "fermé / terminé le"),
    ("headcount", "effectif / places"),
    ("latitude", "latitude"),
    ("longitude", "longitude"),
    ("is_demo", "données de démonstration"),
)


def record(deployment: Deployment) -> dict:
    """One deployment as plain values (JSON-ready), keyed by the technical names."""
    organisation = deployment.organisation
    return {
        "id": deployment.pk,
        "kind": deployment.get_kind_display(),
        "name": deployment.name,
        "status": deployment.get_status_display(),
        "wave": deployment.wave,
        "commune_insee": deployment.commune.insee_code,
        "commune": deployment.commune.name,
        "region": deployment.commune.region.code,
        "territory": deployment.territory.identifier if deployment.territory else None,
        "organisation": organisation.name if organisation else None,
        "organisation_siren": (organisation.siren or None) if organisation else None,
        "labelled_on": _date(deployment.labelled_on),
        "opened_on": _date(deployment.opened_on),
        "closed_on": _date(deployment.closed_on),
        "headcount": deployment.headcount,
        "latitude": float(deployment.latitude) if deployment.latitude is not None else None,
        "longitude": float(deployment.longitude) if deployment.longitude is not None else None,
        "is_demo": deployment.is_demo,
    }


def _date(value):
    return value.isoformat() if value else None
