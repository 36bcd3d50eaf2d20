"""The three labelling waves of sites clés en main, as announced (12, then 78, then 127)."""

import datetime as dt

from django.db import migrations

# code, name, announced_on, date_note, announced in the wave, cumulative count, source
WAVES = [
    (
        "2020-01",
        "Janvier 2020",
        dt.date(2020, 1, 20),
        "Jour approximatif : première liste annoncée en janvier 2020.",
        12,
        12,
        "Annonce du Gouvernement, janvier 2020 : 12 premiers sites industriels clés en main.",
    ),
    (
        "2020-07",
        "Juillet 2020",
        dt.date(2020, 7, 20),
        "Jour approximatif : liste complétée en juillet 2020 (66 sites de plus).",
        66,
        78,
        "Annonce du Gouvernement, juillet 2020 : 78 sites industriels clés en main.",
    ),
    (
        "2021",
        "2021",
        dt.date(2021, 6, 30),
        "Date approximative : liste portée à 127 sites au cours de l'année 2021.",
        49,
        127,
        "Bilans du programme Territoires d'industrie (ANCT), 2021 : 127 sites clés en main.",
    ),
]


def seed(apps, schema_editor):
    SiteWave = apps.get_model("sites", "SiteWave")
    for code, name, on, note, count, cumulative, source in WAVES:
        SiteWave.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "announced_on": on,
                "date_note": note,
                "announced_count": count,
                "cumulative_count": cumulative,
                "source": source,
            },
        )


def unseed(apps, schema_editor):
    apps.get_model("sites", "SiteWave").objects.filter(code__in=[w[0] for w in WAVES]).delete()


class Migration(migrations.Migration):
    dependencies = [("sites", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
