"""Diagrams: authors write Mermaid in a chapter; readers get a finished SVG image.

Drawing Mermaid in the reader's browser costs every diagram page a 3.5 MB script (1 MB compressed).
So `make diagrams` draws each diagram once, in Chromium with the pinned mermaid from npm, into
docs/assets/figurer/<key>.svg, and the build puts an image in place of the code. The key is a hash
of the diagram's source: a changed diagram has no image yet, and the build says so.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from macros.rendering.render import link

FIGURE_FOLDER = "assets/figurer"
FENCE = re.compile(r"^(?P<indent>[ \t]*)```mermaid[ \t]*\n(?P<source>.*?)^(?P=indent)```[ \t]*$", re.M | re.S)
TITLE = re.compile(r"^\s*accTitle\s*:\s*(?P<title>\S.*?)\s*$", re.M)
VIEWBOX = re.compile(r'viewBox="[-\d.]+ [-\d.]+ (?P<width>[\d.]+) (?P<height>[\d.]+)"')


@dataclass(frozen=True)
class Diagram:
    line: int  # in the Markdown it was found in, from 1
    source: str
    title: str | None

    @property
    def key(self) -> str:
        return diagram_key(self.source)


def normalised(source: str) -> str:
    """The source without the indentation it has inside an admonition or list, and without trailing space."""
    lines = source.rstrip().splitlines()
    indent = min((len(line) - len(line.lstrip()) for line in lines if line.strip()), default=0)
    return "\n".join(line[indent:].rstrip() for line in lines)


def diagram_key(source: str) -> str:
    return hashlib.sha256(normalised(source).encode("utf-8")).hexdigest()[:16]


def _diagram(match: re.Match[str], markdown: str) -> Diagram:
    source = normalised(match.group("source"))
    title = TITLE.search(source)
    return Diagram(line=markdown.count("\n", 0, match.start()) + 1, source=source, title=title.group("title") if title else None)


def find(markdown: str) -> list[Diagram]:
    """Every Mermaid diagram in a page, in order."""
    return [_diagram(match, markdown) for match in FENCE.finditer(markdown)]


def figure_path(key: str) -> str:
    """Where a diagram's image lives, under docs/."""
    return f"{FIGURE_FOLDER}/{key}.svg"


def size_of(svg: str) -> tuple[int, int] | None:
    """The width and height the image is drawn at, from its viewBox."""
    match = VIEWBOX.search(svg)
    return (round(float(match.group("width"))), round(float(match.group("height")))) if match else None


def image_markdown(diagram: Diagram, page_src_uri: str, size: tuple[int, int] | None) -> str:
    """The image that replaces the code: alt text from accTitle, a size so the page does not jump, and a link to
    open it full size."""
    attributes = ".intro-diagram" + (f' width="{size[0]}" height="{size[1]}"' if size else "")
    target = link(page_src_uri, figure_path(diagram.key))
    # A link to the image itself: on a phone, a tap opens the figure full size, where it can be zoomed.
    return f"[![{diagram.title}]({target}){{ {attributes} }}]({target}){{ .intro-diagram-link }}"


def replace_with_images(markdown: str, page_src_uri: str, sizes: Mapping[str, tuple[int, int] | None]) -> str:
    """The page with every diagram's code replaced by its image, at the same indentation."""

    def image(match: re.Match[str]) -> str:
        diagram = _diagram(match, markdown)
        return match.group("indent") + image_markdown(diagram, page_src_uri, sizes.get(diagram.key))

    return FENCE.sub(image, markdown)


def problems(diagrams: Iterable[Diagram], drawn: set[str]) -> list[tuple[int, str]]:
    """(line, advice) for each diagram without a title or without an image."""
    found = []
    for diagram in diagrams:
        if not diagram.title:
            found.append(
                (
                    diagram.line,
                    "Figuren mangler en kort tekst som sier hva den viser. Skriv en linje "
                    "«accTitle: Hva figuren viser» rett under den første linjen i figuren.",
                )
            )
        if diagram.key not in drawn:
            found.append(
                (
                    diagram.line,
                    "Figuren er ny eller endret, og bildet av den er ikke laget ennå. "
                    "Kjør «make diagrams», og legg de nye filene i docs/assets/figurer/ til i git.",
                )
            )
    return found


def drawn_keys(docs_dir: Path) -> dict[str, tuple[int, int] | None]:
    """Every diagram image in docs/, by key, with its size."""
    folder = docs_dir / FIGURE_FOLDER
    return {path.stem: size_of(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.svg"))}
