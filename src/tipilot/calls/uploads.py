"""Files attached to an application: type checked by content, size limited, never trusted.

The name an applicant gives a file says nothing of what it is: the type is read from the
bytes (``filetype``), and office documents, which are zip archives, are recognised by their
inner manifest — ``[Content_Types].xml`` for Word/Excel/PowerPoint (OOXML), the ``mimetype``
entry for OpenDocument. Anything else (an executable, an HTML page, a plain zip) is refused.
"""

import zipfile

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"

ACCEPTED = {
    PDF: "PDF",
    PNG: "image PNG",
    JPEG: "image JPEG",
    DOCX: "document Word (DOCX)",
    XLSX: "classeur Excel (XLSX)",
    PPTX: "présentation PowerPoint (PPTX)",
    ODT: "texte OpenDocument (ODT)",
    ODS: "classeur OpenDocument (ODS)",
}
ACCEPTED_LABEL = "PDF, PNG, JPEG, DOCX, XLSX, PPTX, ODT ou ODS"
OOXML_PARTS = {"word/": DOCX, "xl/": XLSX, "ppt/": PPTX}
ODF_TYPES = {ODT, ODS}
HEAD_BYTES = 8192


def _refuse(name: str, reason: str, code: str) -> ValidationError:
    return ValidationError(
        "Le fichier « %(name)s » est refusé : %(reason)s",
        code=code,
        params={"name": name, "reason": reason},
    )


def _read_head(upload) -> bytes:
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    return head


def _zip_type(upload) -> str | None:
    """OOXML by its manifest and top folder, ODF by its ``mimetype`` entry; else None."""
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                declared = archive.read("mimetype").decode("ascii", "replace").strip()
                return declared if declared in ODF_TYPES else None
            if "[Content_Types].xml" in names:
                for folder, mime in OOXML_PARTS.items():
                    if any(n.startswith(folder) for n in names):
                        return mime
            return None
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return None
    finally:
        upload.seek(0)


def detect_type(upload) -> str | None:
    """The MIME type read from the content, among the accepted ones; None otherwise."""
    head = _read_head(upload)
    kind = filetype.guess(head)
    mime = kind.mime if kind else None
    if mime in {PDF, PNG, JPEG}:
        return mime
    if mime in {"application/zip", DOCX, XLSX, PPTX, ODT, ODS} or head.startswith(b"PK\x03\x04"):
        return _zip_type(upload)
    return None


def validate_upload(upload) -> str:
    """Check an uploaded file and return its detected MIME type, or raise ``ValidationError``.

    Refused: empty files, files over ``TIPILOT_MAX_UPLOAD_BYTES``, and any content that is not
    one of the accepted types, whatever its name says.
    """
    name = getattr(upload, "name", "") or "sans nom"
    size = upload.size
    if not size:
        raise _refuse(name, "il est vide.", "empty_file")
    limit = settings.TIPILOT_MAX_UPLOAD_BYTES
    if size > limit:
        reason = f"il pèse {filesizeformat(size)}, la limite est de {filesizeformat(limit)}."
        raise _refuse(name, reason, "file_too_large")
    mime = detect_type(upload)
    if mime is None:
        reason = f"son contenu n'est pas un format accepté ({ACCEPTED_LABEL})."
        raise _refuse(name, reason, "file_type")
    return mime
