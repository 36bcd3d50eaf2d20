"""Uploaded files kept between the check (dry run) and the confirmation, on the server.

The files go to a private folder (``TIPILOT_IMPORT_DIR``, by default ``var/imports``) under a
random token; the session remembers the token and the SHA-256 of what was checked, so the
confirmation applies exactly the checked files, and only for the user who uploaded them.
"""

import hashlib
import json
import secrets
import shutil
import time
from pathlib import Path

from django.conf import settings

SESSION_KEY = "actions_import_pending"
MAX_AGE_SECONDS = 24 * 3600


def _root() -> Path:
    return Path(getattr(settings, "TIPILOT_IMPORT_DIR", settings.VAR_DIR / "imports"))


def _digest(files: list[tuple[str, bytes]]) -> str:
    digest = hashlib.sha256()
    for name, content in files:
        digest.update(name.encode() + b"\0" + hashlib.sha256(content).digest())
    return digest.hexdigest()


def keep(session, files: list[tuple[str, bytes]]) -> str:
    forget(session)
    _sweep()
    token = secrets.token_hex(16)
    folder = _root() / token
    folder.mkdir(parents=True)
    for index, (_, content) in enumerate(files):
        (folder / f"{index}.bin").write_bytes(content)
    (folder / "names.json").write_text(json.dumps([name for name, _ in files]))
    session[SESSION_KEY] = {"token": token, "sha256": _digest(files)}
    return token


def load(session, token: str) -> list[tuple[str, bytes]] | None:
    """The files checked under ``token``, or None if unknown, expired or altered."""
    pending = session.get(SESSION_KEY) or {}
    if not token or pending.get("token") != token or not token.isalnum():
        return None
    folder = _root() / token
    try:
        names = json.loads((folder / "names.json").read_text())
        files = [(n, (folder / f"{i}.bin").read_bytes()) for i, n in enumerate(names)]
    except (OSError, ValueError):
        return None
    return files if _digest(files) == pending.get("sha256") else None


def _sweep() -> None:
    """Remove the files of checks never confirmed, after a day."""
    root = _root()
    if not root.is_dir():
        return
    limit = time.time() - MAX_AGE_SECONDS
    for folder in root.iterdir():
        if folder.is_dir() and folder.stat().st_mtime < limit:
            shutil.rmtree(folder, ignore_errors=True)


def forget(session) -> None:
    pending = session.pop(SESSION_KEY, None) or {}
    token = pending.get("token", "")
    if token and token.isalnum():
        shutil.rmtree(_root() / token, ignore_errors=True)
