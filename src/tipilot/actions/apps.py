from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "tipilot.actions"
    verbose_name = "Mesures et fiches actions"

    def ready(self) -> None:
        from . import permissions  # noqa: F401 — registers the django-rules predicates
