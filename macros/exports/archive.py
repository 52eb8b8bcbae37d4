"""The offline edition as files to hand on: their names, and the zip (the ZIM is zim.py's, the finished Markdown
handover.py's)."""

from __future__ import annotations

import os
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from macros.content.site_map import DOWNLOADS_FOLDER

# Zip entries carry a date; a fixed one makes the same site give the same zip, byte for byte.
_EPOCH_1980 = 315532800


@dataclass(frozen=True)
class OfflineNames:
    """The names of an edition's offline files, each with the edition in it, so two editions never share a file."""

    folder: str  # the zip's name without .zip, and the folder it unpacks to: intro-gjovik-frakoblet
    zip: str  # intro-gjovik-frakoblet.zip
    zim: str  # the same edition for Kiwix: intro-gjovik.zim
    zip_download: str  # where the online site offers the zip: last-ned/intro-gjovik-frakoblet.zip
    zim_download: str  # and the ZIM: last-ned/intro-gjovik.zim


def names(edition: str) -> OfflineNames:
    """The offline files of an edition, named after it."""
    folder, zim = f"intro-{edition}-frakoblet", f"intro-{edition}.zim"
    return OfflineNames(folder, f"{folder}.zip", zim, f"{DOWNLOADS_FOLDER}{folder}.zip", f"{DOWNLOADS_FOLDER}{zim}")


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
