from django.apps import AppConfig


class SitesConfig(AppConfig):
    name = "tipilot.sites"
    verbose_name = "Sites clés en main"

    def ready(self) -> None:
        from . import permissions  # noqa: F401 — registers the django-rules predicates
