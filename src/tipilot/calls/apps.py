from django.apps import AppConfig


class CallsConfig(AppConfig):
    name = "tipilot.calls"
    verbose_name = "Appels à projets et candidatures"

    def ready(self) -> None:
        from . import permissions  # noqa: F401 — registers the django-rules predicates
