"""The DSFR header and footer configuration (site title, tagline, beta tag)."""

from django.db import migrations


def configure(apps, schema_editor):
    DsfrConfig = apps.get_model("dsfr", "DsfrConfig")
    DsfrConfig.objects.update_or_create(
        language="fr",
        defaults={
            "site_title": "tipilot",
            "site_tagline": "Pilotage du programme Territoires d'industrie",
            "beta_tag": True,
            "footer_description": (
                "tipilot rassemble les territoires, leur composition et leur histoire, "
                "à partir des données publiques de l'ANCT, d'Etalab et de l'INSEE."
            ),
            "accessibility_status": "PART",
        },
    )


class Migration(migrations.Migration):
    dependencies = [("dsfr", "0012_dsfrconfig_notice_description_and_more")]
    operations = [migrations.RunPython(configure, migrations.RunPython.noop)]
