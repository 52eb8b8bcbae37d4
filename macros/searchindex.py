"""Trim the search index Material writes, without changing what a reader can find."""

from __future__ import annotations

import json
from pathlib import Path

SEARCH_INDEX = "search/search_index.json"


def tags_on_page_entries_only(index: dict) -> dict:
    """Keep a page's tags on its first entry and drop them from its sections.

    Material copies a page's tags onto every section of the page. A glossary word then ranks all of a
    chapter's sections first, and the tags are repeated in the index once per section. On the page's own
    entry they find the chapter just as well.
    """
    seen: set[str] = set()
    docs = []
    for entry in index.get("docs", []):
        page = entry.get("location", "").split("#", 1)[0]
        if page in seen and "tags" in entry:
            entry = {key: value for key, value in entry.items() if key != "tags"}
        seen.add(page)
        docs.append(entry)
    return {**index, "docs": docs}


def trim(site_dir: Path) -> None:
    """Rewrite the site's search index in place, as compact as Material writes it."""
    path = site_dir / SEARCH_INDEX
    if not path.is_file():
        return
    index = tags_on_page_entries_only(json.loads(path.read_text(encoding="utf-8")))
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
