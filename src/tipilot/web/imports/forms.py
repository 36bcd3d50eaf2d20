"""The upload form: one XLSX workbook, or one or two CSV files; size and type (by content)."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

from tipilot.actions.spreadsheet.readers import ZIP_MAGIC


def _check_upload(upload) -> None:
    limit = settings.TIPILOT_MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise ValidationError(
            f"Le fichier « {upload.name} » pèse {filesizeformat(upload.size)} : "
            f"la limite est de {filesizeformat(limit)}."
        )
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if not head.strip():
        raise ValidationError(f"Le fichier « {upload.name} » est vide.")
    if head.startswith(ZIP_MAGIC):
        return
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if not _truncated_utf8(head, exc):
            raise ValidationError(
                f"Le fichier « {upload.name} » n'est ni un classeur XLSX ni un CSV en UTF-8."
            ) from exc


def _truncated_utf8(head: bytes, error: UnicodeDecodeError) -> bool:
    """A multibyte character cut by the 2 KiB window is not an encoding error."""
    return error.start >= len(head) - 3


class ImportForm(forms.Form):
    first = forms.FileField(
        label="Classeur XLSX, ou CSV d'une feuille",
        help_text="Le modèle rempli (.xlsx), ou le CSV « Fiches actions » (« ; », UTF-8).",
        validators=[_check_upload],
    )
    second = forms.FileField(
        label="Second CSV (facultatif)",
        help_text="Le CSV « Financements », si vous importez au format CSV.",
        required=False,
        validators=[_check_upload],
    )

    def clean(self):
        data = super().clean()
        uploads = [f for f in (data.get("first"), data.get("second")) if f]
        if len(uploads) == 2 and any(_is_zip(f) for f in uploads):
            raise ValidationError("Un classeur XLSX s'importe seul : retirez le second fichier.")
        return data

    def files_content(self) -> list[tuple[str, bytes]]:
        uploads = [self.cleaned_data.get("first"), self.cleaned_data.get("second")]
        return [(f.name, f.read()) for f in uploads if f]


def _is_zip(upload) -> bool:
    upload.seek(0)
    head = upload.read(4)
    upload.seek(0)
    return head == ZIP_MAGIC
