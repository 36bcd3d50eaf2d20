from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "tipilot.analytics"
    verbose_name = "Bilans d'étape"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import permissions  # noqa: F401 — registers the django-rules predicates
