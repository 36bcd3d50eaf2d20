from django.apps import AppConfig


class ExperimentationConfig(AppConfig):
    name = "tipilot.experimentation"
    verbose_name = "France Expérimentation"

    def ready(self) -> None:
        from . import permissions  # noqa: F401 — registers the django-rules predicates
