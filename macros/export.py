"""What a build can hand on: the offline zip, and each page's finished Markdown."""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

import yaml

# Zip entries carry a date; a fixed one makes the same site give the same zip, byte for byte.
_EPOCH_1980 = 315532800


def zip_timestamp() -> tuple[int, int, int, int, int, int]:
    seconds = max(int(os.environ.get("SOURCE_DATE_EPOCH", _EPOCH_1980)), _EPOCH_1980)
    return time.gmtime(seconds)[:6]


def zip_directory(source: Path, target: Path, root: str) -> int:
    """Zip every file under source into target, inside a folder named root. Returns the zip's size."""
    target.parent.mkdir(parents=True, exist_ok=True)
    stamp = zip_timestamp()
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in source.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{root}/{path.relative_to(source).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return target.stat().st_size


def write_finished_markdown(folder: Path, src_uri: str, title: str | None, markdown: str) -> Path:
    """A page as INTRO renders it, as a page any MkDocs site can build: its title as front matter, then the text."""
    target = folder / src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    front = yaml.safe_dump({"title": title}, allow_unicode=True) if title else ""
    target.write_text(f"---\n{front}---\n\n{markdown}" if front else markdown, encoding="utf-8")
    return target
