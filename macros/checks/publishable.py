"""Only what an author meant to publish is published: no editor's backups, no links out of the project,
no file too heavy for a reader on a phone."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# Today's largest file under docs/ is a 24 kB figure, and a chapter's whole first visit is about 100 kB.
# Half a megabyte leaves room for a photo or a handout, and keeps a page light on a phone.
SIZE_LIMIT = 500_000
# What editors and systems leave beside a file: «kapittel.md~», «.#kapittel.md», «#kapittel.md#», «x.swp» …
_LEFTOVER = re.compile(r"(~$|^\.#|^#.*#$|\.(swp|swo|swx|bak|orig|rej|tmp|temp)$|^\.DS_Store$|^Thumbs\.db$)", re.I)


@dataclass(frozen=True)
class Unpublishable:
    path: str  # under docs/
    advice: str


def problems(docs_dir: Path, project_root: Path, src_uris: list[str]) -> list[Unpublishable]:
    """Each file MkDocs would copy into the site that should not be there, with what to do about it."""
    found = []
    for src_uri in src_uris:
        source = docs_dir / src_uri
        name = source.name
        if _LEFTOVER.search(name):
            found.append(
                Unpublishable(
                    src_uri,
                    "er en reservekopi eller en midlertidig fil fra et redigeringsprogram, "
                    "og ville blitt publisert med hele innholdet sitt. Slett den.",
                )
            )
            continue
        if any(part.is_symlink() for part in (source, *source.parents) if part.is_relative_to(docs_dir)):
            target = source.resolve()
            if not target.is_relative_to(project_root.resolve()):
                found.append(
                    Unpublishable(
                        src_uri,
                        "er en snarvei (symbolsk lenke) til en fil utenfor prosjektet. Kopier filen inn under docs/ i stedet.",
                    )
                )
                continue
        if source.is_file() and source.stat().st_size > SIZE_LIMIT:
            size = source.stat().st_size / 1_000_000
            found.append(
                Unpublishable(
                    src_uri,
                    f"er {size:.1f} MB, og grensen er {SIZE_LIMIT // 1000} kB per fil. "
                    "Gjør bildet mindre (for eksempel 1600 piksler bredt) eller lagre det som JPEG "
                    "eller WebP, og del opp store dokumenter.",
                )
            )
    return found
