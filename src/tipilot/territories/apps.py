from django.apps import AppConfig


class TerritoriesConfig(AppConfig):
    name = "tipilot.territories"
    verbose_name = "Territoires d'industrie"
