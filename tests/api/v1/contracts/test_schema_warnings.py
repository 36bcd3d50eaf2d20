"""drf-spectacular describes the contracts and COPIL endpoints without a warning or an error."""

from django.core.management import call_command


def test_schema_generates_without_warnings(tmp_path, capsys):
    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    assert "/api/v1/contracts/{id}/transition/" in target.read_text()
    assert "Warning" not in capsys.readouterr().err
