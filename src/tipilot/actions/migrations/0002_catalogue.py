"""Load the programme's axes and announced measures (see ``tipilot.actions.catalogue``)."""

from django.db import migrations


def load(apps, schema_editor):
    from tipilot.actions.catalogue import apply_catalogue

    apply_catalogue(
        apps.get_model("actions", "Axis"),
        apps.get_model("actions", "Measure"),
        apps.get_model("governance", "Organisation"),
    )


class Migration(migrations.Migration):
    dependencies = [("actions", "0001_initial"), ("governance", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
