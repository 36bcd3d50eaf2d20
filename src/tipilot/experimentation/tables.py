"""Published requests as rows for open-data files (CSV, XLSX, JSON): no personal data."""

from .models import DerogationRequest

COLUMNS = (
    ("reference", "référence"),
    ("title", "intitulé"),
    ("theme", "thème"),
    ("rule", "règle concernée"),
    ("legal_reference", "référence juridique"),
    ("project", "projet bloqué"),
    ("territory", "territoire"),
    ("regions", "régions (codes)"),
    ("applicant", "demandeur"),
    ("submitted_on", "déposée le"),
    ("status", "statut"),
    ("answer", "réponse"),
    ("answered_on", "réponse le"),
    ("follow_up", "suite donnée"),
    ("is_demo", "données de démonstration"),
)


def record(request: DerogationRequest) -> dict:
    territory = request.territory
    return {
        "reference": request.reference,
        "title": request.title,
        "theme": request.get_theme_display(),
        "rule": request.rule,
        "legal_reference": request.legal_reference,
        "project": request.project,
        "territory": territory.identifier if territory else None,
        "regions": ",".join(r.code for r in territory.regions.all()) if territory else "",
        "applicant": request.applicant.name if request.applicant else None,
        "submitted_on": request.submitted_on.isoformat(),
        "status": request.get_status_display(),
        "answer": request.answer,
        "answered_on": request.answered_on.isoformat() if request.answered_on else None,
        "follow_up": request.follow_up,
        "is_demo": request.is_demo,
    }
