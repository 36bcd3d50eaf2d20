"""Text helpers shared by every domain.

Search must find « Châtellerault » when a user types « chatellerault » on SQLite and on
PostgreSQL alike, without an extension such as ``unaccent``: we store a folded copy of the
searchable names and fold the query the same way.
"""

import re
import unicodedata

_SPACES = re.compile(r"[\s\-'’]+")


def fold(text: str) -> str:
    """Lower-case, strip accents and collapse spaces, hyphens and apostrophes into one space."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", stripped.lower()).strip()


def clean_label(text: str | None) -> str:
    """Strip ordinary and non-breaking spaces (ANCT names sometimes end with U+00A0)."""
    return (text or "").replace("\u00a0", " ").strip()
