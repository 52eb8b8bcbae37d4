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

    def kept_in(self, folder: Path) -> GeneratedFile:
        """The same file as a file in folder, written only when its content changed (a file to copy stays as it
        is): what `make serve` adds, so that MkDocs writes again only what changed."""
        if self.source is not None:
            return self
        data = self.content.encode("utf-8") if isinstance(self.content, str) else self.content or b""
        target = folder / self.path
        if not target.is_file() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        return GeneratedFile(self.path, source=target)
