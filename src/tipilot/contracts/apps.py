from django.apps import AppConfig


class ContractsConfig(AppConfig):
    name = "tipilot.contracts"
    verbose_name = "Contrats"

    def ready(self) -> None:
        from . import permissions  # noqa: F401 — registers the rules
