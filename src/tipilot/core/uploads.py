"""Checks on uploaded documents: PDF by content (not by name), within a size limit."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

PDF_MAGIC = b"%PDF-"


def validate_pdf(upload) -> None:
    """Reject files over ``TIPILOT_MAX_UPLOAD_BYTES`` and anything that is not a PDF.

    The type is read from the first bytes: a renamed file does not pass.
    """
    if getattr(upload, "_committed", False):
        return  # already stored: it was checked when it was uploaded
    limit = settings.TIPILOT_MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise ValidationError(
            "Le fichier « %(name)s » pèse %(size)s : la limite est de %(limit)s.",
            code="file_too_large",
            params={
                "name": upload.name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(limit),
            },
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(position)
    if PDF_MAGIC not in head[:1024]:
        raise ValidationError(
            "Le fichier « %(name)s » n'est pas un PDF (son contenu ne commence pas par %%PDF).",
            code="not_pdf",
            params={"name": upload.name},
        )
