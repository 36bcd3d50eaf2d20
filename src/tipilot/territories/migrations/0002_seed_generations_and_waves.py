"""The programme's two generations and its public labelling milestones.

Figures from the programme's announcements: 124 territories on 22 November 2018 (Conseil
national de l'industrie), 136 next, 141 by July 2019, 146 by 2021 covering 542 EPCI, 149 at the
end of 2022; 183 in the 2023-2027 generation. Exact dates are kept only where they are known.
"""

import datetime as dt

from django.db import migrations

GENERATIONS = [
    ("2018-2022", "Territoires d'industrie 2018-2022", 2018, 2022),
    ("2023-2027", "Territoires d'industrie 2023-2027", 2023, 2027),
]
WAVES = [
    ("2018-2022", "22 novembre 2018", dt.date(2018, 11, 22), 124, None,
     "Annonce au Conseil national de l'industrie"),
    ("2018-2022", "entre novembre 2018 et juillet 2019", None, 136, None,
     "Labellisations complémentaires"),
    ("2018-2022", "juillet 2019", None, 141, None, ""),
    ("2018-2022", "2021", None, 146, 542, "146 territoires couvrant 542 intercommunalités"),
    ("2018-2022", "fin 2022", None, 149, None, "Périmètre arrêté fin 2022"),
    ("2023-2027", "2023", None, 183, None, "Nouvelle génération 2023-2027"),
]


def seed(apps, schema_editor):
    Generation = apps.get_model("territories", "Generation")
    Wave = apps.get_model("territories", "Wave")
    by_code = {}
    for code, name, start, end in GENERATIONS:
        by_code[code], _ = Generation.objects.update_or_create(
            code=code, defaults={"name": name, "start_year": start, "end_year": end}
        )
    for code, label, date, count, epcis, note in WAVES:
        Wave.objects.update_or_create(
            generation=by_code[code],
            cumulative_count=count,
            defaults={"period_label": label, "date": date, "epci_count": epcis, "note": note},
        )


class Migration(migrations.Migration):
    dependencies = [("territories", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
