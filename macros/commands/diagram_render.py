"""Draw Mermaid diagrams to SVG in Chromium, with the pinned mermaid from npm (`make diagrams`)."""

from __future__ import annotations

import re
from pathlib import Path

from macros.commands import chromium
from macros.content.site_map import doc_pages, read_page
from macros.rendering.diagrams import FIGURE_FOLDER, find, size_of

MERMAID = Path("node_modules/mermaid/dist/mermaid.min.js")
# Plain SVG text instead of HTML labels: the image then looks the same in an <img>, in every browser.
SETTINGS = {
    "startOnLoad": False,
    "securityLevel": "strict",
    "theme": "default",
    "fontFamily": "Arial, Helvetica, sans-serif",
    "flowchart": {"htmlLabels": False},
}
DRAW = """async ([key, source]) => (await mermaid.render("figur-" + key, source)).svg"""


def sources_in(docs_dir: Path) -> dict[str, str]:
    """Every diagram in docs/, by key."""
    return {diagram.key: diagram.source for _, page in doc_pages(docs_dir) for diagram in find(read_page(page))}


def standalone(svg: str) -> str:
    """An SVG file that draws at its own size: Mermaid writes width="100%" for inline use."""
    size = size_of(svg)
    if size:
        svg = re.sub(r'^<svg([^>]*?) width="100%"', rf'<svg\1 width="{size[0]}" height="{size[1]}"', svg, count=1)
        svg = re.sub(r'^(<svg[^>]*?) style="max-width: [\d.]+px;"', r"\1", svg, count=1)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + svg + "\n"


def draw(sources: dict[str, str], mermaid_js: Path = MERMAID) -> dict[str, str]:
    """key → SVG for each source, drawn in one page."""
    if not sources:
        return {}
    with chromium.browser() as browser:
        page = browser.new_page()
        page.set_content("<!doctype html><html><body></body></html>")
        page.add_script_tag(path=str(mermaid_js))
        page.evaluate("settings => mermaid.initialize(settings)", SETTINGS)
        return {key: standalone(page.evaluate(DRAW, [key, source])) for key, source in sources.items()}


def update(docs_dir: Path, mermaid_js: Path = MERMAID) -> tuple[list[str], list[str]]:
    """Draw the diagrams that have no image yet and remove images no page uses: (drawn, removed)."""
    folder = docs_dir / FIGURE_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    wanted = sources_in(docs_dir)
    existing = {path.stem for path in folder.glob("*.svg")}
    missing = {key: source for key, source in wanted.items() if key not in existing}
    for key, svg in draw(missing, mermaid_js).items():
        (folder / f"{key}.svg").write_text(svg, encoding="utf-8")
    removed = sorted(existing - set(wanted))
    for key in removed:
        (folder / f"{key}.svg").unlink()
    return sorted(missing), removed
