from django.apps import AppConfig


class DeploymentsConfig(AppConfig):
    name = "tipilot.deployments"
    verbose_name = "Déploiements (écoles de production, antennes du Cnam, VTE)"

    def ready(self) -> None:
        from . import permissions  # noqa: F401 — registers the django-rules predicates
