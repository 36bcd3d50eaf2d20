"""Uploads are checked by their content, not their name; size and emptiness are checked too."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tipilot.calls import uploads

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def zipped(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def ooxml(folder: str, part: str) -> bytes:
    return zipped(
        {
            "[Content_Types].xml": b'<?xml version="1.0"?><Types/>',
            "_rels/.rels": b"<Relationships/>",
            f"{folder}/{part}": b"<xml/>",
        }
    )


def odf(mime: str) -> bytes:
    return zipped({"mimetype": mime.encode(), "content.xml": b"<office/>"})


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


ACCEPTED = {
    "dossier.pdf": (PDF, uploads.PDF),
    "plan.png": (PNG, uploads.PNG),
    "photo.jpg": (JPEG, uploads.JPEG),
    "note.docx": (ooxml("word", "document.xml"), uploads.DOCX),
    "budget.xlsx": (ooxml("xl", "workbook.xml"), uploads.XLSX),
    "presentation.pptx": (ooxml("ppt", "presentation.xml"), uploads.PPTX),
    "note.odt": (odf(uploads.ODT), uploads.ODT),
    "budget.ods": (odf(uploads.ODS), uploads.ODS),
}


@pytest.mark.parametrize("name", ACCEPTED)
def test_each_accepted_type_passes(name):
    content, mime = ACCEPTED[name]
    assert uploads.validate_upload(upload(name, content)) == mime


def test_the_type_comes_from_the_content_not_the_name():
    assert uploads.validate_upload(upload("annexe.bin", PDF)) == uploads.PDF


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("dossier.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64),
        ("dossier.pdf", b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64),
        ("dossier.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
        ("archive.docx", zipped({"readme.txt": b"hello"})),
        ("faux.odt", odf("application/x-shellscript")),
        ("faux.docx", zipped({"[Content_Types].xml": b"<Types/>", "evil/run.sh": b"#!"})),
        ("image.png", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
    ],
    ids=["exe", "elf", "html", "plain-zip", "odf-wrong-mimetype", "ooxml-no-part", "gif"],
)
def test_other_content_is_refused_and_named(name, content):
    with pytest.raises(ValidationError) as error:
        uploads.validate_upload(upload(name, content))
    message = error.value.messages[0]
    assert f"« {name} »" in message and "format accepté" in message


def test_empty_file_is_refused():
    with pytest.raises(ValidationError) as error:
        uploads.validate_upload(upload("vide.pdf", b""))
    assert error.value.messages == ["Le fichier « vide.pdf » est refusé : il est vide."]


def test_oversize_file_is_refused(settings):
    settings.TIPILOT_MAX_UPLOAD_BYTES = 1024
    with pytest.raises(ValidationError) as error:
        uploads.validate_upload(upload("gros.pdf", PDF + b"0" * 1024))
    assert "« gros.pdf »" in error.value.messages[0] and "la limite" in error.value.messages[0]
    assert error.value.code == "file_too_large"


def test_the_upload_is_rewound_after_the_check():
    file = upload("dossier.pdf", PDF)
    uploads.validate_upload(file)
    assert file.read() == PDF
