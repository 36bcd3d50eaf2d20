"""Import of ANCT's official territory lists: read → validate → write (see services)."""

from .readers import ParsedFile, RawMember, RawTerritory, read_file
from .validation import Resolved, validate

__all__ = ["ParsedFile", "RawMember", "RawTerritory", "Resolved", "read_file", "validate"]
