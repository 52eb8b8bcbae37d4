"""Files a build hands on: permanent addresses, the catalogue, course packages, reuse files, the offline zip and
ZIM, the finished-Markdown hand-over, the CSP and the search index."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class GeneratedFile:
    """A file the build adds to the site: its path there, and its text or bytes, or a file to copy."""

    path: str
    content: str | bytes | None = None
    source: Path | None = None
