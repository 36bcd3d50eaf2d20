from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "tipilot.core"
    verbose_name = "Socle"
