"""Only what an author meant to publish is published: no editor's backups, no links out of the project,
no file too heavy for a reader on a phone; and the static files are checked like content: an SVG or an HTML file
may not run a script or fetch anything from elsewhere, and an image must be the image its name says."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from macros.checks.safety import unsafe_content

# Today's largest file under docs/ is a 24 kB figure, and a chapter's whole first visit is about 100 kB.
# Half a megabyte leaves room for a photo or a handout, and keeps a page light on a phone.
SIZE_LIMIT = 500_000
# What editors and systems leave beside a file: «kapittel.md~», «.#kapittel.md», «#kapittel.md#», «x.swp» …
_LEFTOVER = re.compile(r"(~$|^\.#|^#.*#$|\.(swp|swo|swx|bak|orig|rej|tmp|temp)$|^\.DS_Store$|^Thumbs\.db$)", re.I)


# What Pillow calls the format each image extension promises.
IMAGE_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": "WEBP", ".ico": "ICO"}
# Files a browser shows as a document, with whatever scripts they hold.
MARKUP = (".svg", ".html", ".htm", ".xhtml")
# How a PDF begins (Pillow does not read PDFs).
PDF_START = b"%PDF-"
# XML that makes a reader fetch or expand something: entities, a DOCTYPE with a system id, a stylesheet instruction.
_XML_REACH = re.compile(r"<!ENTITY|<!DOCTYPE[^>]*(SYSTEM|PUBLIC|\[)|<\?xml-stylesheet", re.I)


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
        if source.is_file():
            found += [Unpublishable(src_uri, advice) for advice in content_problems(source)]
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


def _image_problem(source: Path) -> str | None:
    suffix = source.suffix.lower()
    if suffix == ".pdf":
        with source.open("rb") as opened:
            return None if opened.read(len(PDF_START)) == PDF_START else "PDF"
    # Pillow is imported here, not at the top: most sites have no raster image, and importing it is a tenth of a
    # second of every build.
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(source) as image:
            actual = image.format
    except (UnidentifiedImageError, OSError):
        actual = None
    return None if actual == IMAGE_FORMATS[suffix] else IMAGE_FORMATS[suffix]


def markup_problems(text: str) -> list[str]:
    """What an SVG or HTML file does that the site does not allow, as plain sentences."""
    found = (
        ["en XML-konstruksjon som henter eller utvider noe (<!ENTITY, <!DOCTYPE … SYSTEM eller <?xml-stylesheet)"]
        if _XML_REACH.search(text)
        else []
    )
    return found + unsafe_content(LexborHTMLParser(text))


def content_problems(source: Path) -> list[str]:
    """An image that is not what its extension says, and an SVG or HTML file with a script or a fetch from
    another site, with what to do about it."""
    suffix = source.suffix.lower()
    if suffix in IMAGE_FORMATS or suffix == ".pdf":
        expected = _image_problem(source)
        return (
            [
                f"heter {suffix}, men er ikke en {expected}-fil. Lagre bildet på nytt i riktig format, eller gi "
                "filen riktig endelse."
            ]
            if expected
            else []
        )
    if suffix not in MARKUP:
        return []
    text = source.read_bytes().decode("utf-8-sig", errors="replace")
    found = markup_problems(text)
    if (
        suffix == ".svg"
        and not found
        and not re.match(r"\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg\b", text, re.S)
    ):
        return ["heter .svg, men er ikke et SVG-bilde (den begynner ikke med <svg). Lagre bildet på nytt som SVG."]
    return [
        f"har {problem}. Skript, hendelser og adresser som henter noe utenfra er ikke lov i INTRO, heller ikke "
        "i et bilde eller en HTML-fil under docs/. Lagre filen uten dem (et SVG-bilde for eksempel som "
        "«Optimized SVG»)."
        for problem in found
    ]
