"""What a build can hand on: the offline zip (the finished Markdown is handover.py's)."""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

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
