from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "tipilot.web"
    verbose_name = "Site public"
