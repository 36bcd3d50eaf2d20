from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "tipilot.governance"
    verbose_name = "Gouvernance"

    def ready(self) -> None:
        from . import permissions  # noqa: F401 — registers the rules
