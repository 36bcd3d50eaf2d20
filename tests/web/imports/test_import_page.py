"""The import page: upload, check (dry run) with its report, then confirm the checked file."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.actions.spreadsheet.conftest import template_files
from tipilot.actions.models import Action, FundingLine

URL = "/fiches-actions/importer/"
CONFIRM = "/fiches-actions/importer/confirmer/"


@pytest.fixture(autouse=True)
def _private_folder(settings, tmp_path):
    settings.TIPILOT_IMPORT_DIR = tmp_path / "imports"


def upload(client, files):
    data = {}
    for key, (name, content) in zip(("first", "second"), files, strict=False):
        data[key] = SimpleUploadedFile(name, content)
    return client.post(URL, data)


def test_urls():
    assert reverse("actions-import") == URL
    assert reverse("actions-import-confirm") == CONFIRM


def test_anonymous_is_sent_to_login(client, world):
    response = client.get(URL)
    assert response.status_code == 302 and "/comptes/" in response["Location"]


@pytest.mark.parametrize("who", ["nobody", "instructor", "copil"])
def test_roles_without_import_get_403(client, world, who):
    client.force_login(getattr(world, who))
    assert client.get(URL).status_code == 403
    assert client.post(CONFIRM, {"token": "x"}).status_code == 403


def test_the_form_links_the_blank_template(client, world):
    client.force_login(world.team)
    page = client.get(URL).content.decode()
    assert 'href="/exports/modele-fiches-actions.xlsx"' in page
    assert 'enctype="multipart/form-data"' in page


def test_upload_check_then_confirm(client, world):
    client.force_login(world.team)
    response = upload(client, template_files([{}], [{}, {"position": "2"}]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Vérification réussie" in page and "Confirmer l'import" in page
    assert not Action.objects.exists()
    token = response.context["token"]
    done = client.post(CONFIRM, {"token": token})
    assert done.status_code == 200
    assert "Import effectué" in done.content.decode()
    assert (Action.objects.count(), FundingLine.objects.count()) == (1, 2)
    history = Action.objects.get().history.get()
    assert (history.history_user, history.history_change_reason) == (
        world.team,
        "Import de tableur",
    )
    again = client.post(CONFIRM, {"token": token})  # the token was used: nothing twice
    assert again.status_code == 302 and again["Location"] == URL


def test_xlsx_upload(client, world, tmp_path):
    from tests.actions.factories import ActionFactory
    from tipilot.actions.spreadsheet import write_xlsx

    ActionFactory(territory=world.t1, external_id="FA-X")
    path = tmp_path / "export.xlsx"
    write_xlsx(path, Action.objects.all())
    Action.objects.all().delete()
    client.force_login(world.team)
    response = upload(client, [("export.xlsx", Path(path).read_bytes())])
    assert response.context["report"].counts["actions_created"] == 1
    client.post(CONFIRM, {"token": response.context["token"]})
    assert Action.objects.filter(external_id="FA-X").exists()


def test_the_report_table_shows_sheet_line_column_value_reason(client, world):
    client.force_login(world.team)
    response = upload(
        client,
        template_files([{"territory": "ti-2701"}, {"external_id": "FA-2", "total_cost": "abc"}]),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "2 erreurs : rien n'a été enregistré" in page
    assert "<td>Fiches actions</td><td>2</td><td>Territoire</td><td>ti-2701</td>" in page
    assert "<td>Fiches actions</td><td>3</td><td>Coût total (€)</td><td>abc</td>" in page
    assert "Confirmer" not in page and response.context["token"] == ""
    assert not Action.objects.exists()


def test_a_forged_or_foreign_token_applies_nothing(client, world):
    client.force_login(world.team)
    response = upload(client, template_files([{}]))
    token = response.context["token"]
    response = client.post(CONFIRM, {"token": "0" * 32}, follow=True)
    assert "n&#x27;est plus disponible" in response.content.decode()
    other = type(client)()
    other.force_login(world.binome)
    assert other.post(CONFIRM, {"token": token}).status_code == 302
    assert not Action.objects.exists()


def test_the_checked_file_is_the_applied_one(client, world, settings):
    client.force_login(world.team)
    token = upload(client, template_files([{}])).context["token"]
    stored = Path(settings.TIPILOT_IMPORT_DIR) / token / "0.bin"
    stored.write_bytes(template_files([{"title": "Modifié en douce"}])[0][1])
    assert client.post(CONFIRM, {"token": token}).status_code == 302
    assert not Action.objects.exists()


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ([("image.png", b"\x89PNG\r\n\x1a\n\xff\xfe\xfd")], "ni un classeur XLSX ni un CSV"),
        ([("vide.csv", b"")], "vide"),
        ([("a.xlsx", b"PK\x03\x04x"), ("b.csv", b"a;b")], "s&#x27;importe seul"),
    ],
    ids=["not a spreadsheet", "empty", "xlsx with a second file"],
)
def test_bad_uploads_are_refused_by_the_form(client, world, files, message):
    client.force_login(world.team)
    response = upload(client, files)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_size_limit(client, world, settings):
    settings.TIPILOT_MAX_UPLOAD_BYTES = 100
    client.force_login(world.team)
    response = upload(client, template_files([{}]))
    assert response.status_code == 400 and "la limite est de" in response.content.decode()


def test_unconfirmed_uploads_are_swept_after_a_day(client, world, settings):
    import os
    import time

    client.force_login(world.team)
    old = upload(client, template_files([{}])).context["token"]
    folder = Path(settings.TIPILOT_IMPORT_DIR) / old
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(folder, (two_days_ago, two_days_ago))
    other = type(client)()
    other.force_login(world.pilot)
    upload(other, template_files([{}]))
    assert not folder.exists()


def test_a_long_report_is_cut_at_500_errors(client, world):
    client.force_login(world.team)
    rows = [{"external_id": f"FA-{n}", "axis": "voler"} for n in range(501)]
    response = upload(client, template_files(rows))
    page = response.content.decode()
    assert "501 erreurs" in page and 'id="errors-truncated"' in page
    assert page.count("Axe inconnu") == 500
