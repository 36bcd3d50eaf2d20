"""Seed the announced targets of the deployments registries (see ``targets.py``)."""

from django.db import migrations


def seed(apps, schema_editor):
    from tipilot.deployments.targets import apply_targets

    apply_targets(apps.get_model("deployments", "DeploymentTarget"), apps.get_model("actions", "Measure"))


def unseed(apps, schema_editor):
    apps.get_model("deployments", "DeploymentTarget").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("deployments", "0001_initial"),
        ("actions", "0002_catalogue"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
