"""Hypothesis keeps its caches outside the working copy (no .hypothesis/ folder to ignore)."""

import tempfile
from pathlib import Path

from hypothesis.configuration import set_hypothesis_home_dir

set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "tipilot-hypothesis")
