from django.apps import AppConfig


class GeoConfig(AppConfig):
    name = "tipilot.geo"
    verbose_name = "Géographie de référence"
