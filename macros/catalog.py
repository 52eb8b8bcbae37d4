"""catalog.json: every chapter as data. The LMS cartridges and the QR posters read from it."""

from __future__ import annotations

import json

from macros.addresses import page_address, permalink
from macros.identity import Identity
from macros.site import Site

CATALOG_FILE = "catalog.json"
LICENCE = "CC-BY-4.0"


def absolute(site_url: str, address: str) -> str:
    return site_url.rstrip("/") + "/" + address


def catalog(site: Site, identity: Identity) -> dict:
    """The catalogue as plain data, in a stable order, with no build date (builds are reproducible)."""
    site_url = identity.url
    chapters = []
    for chapter_id in sorted(site.chapters):
        chapter = site.chapters[chapter_id]
        meta = chapter.meta
        chapters.append({
            "id": meta.id,
            "title": meta.title,
            "summary": meta.summary,
            "url": absolute(site_url, page_address(chapter.src_uri)),
            "permanent_url": absolute(site_url, permalink(meta.id)),
            "perspectives": list(meta.perspectives),
            "learning_goals": list(meta.learning_goals),
            "reading_minutes": chapter.readability.reading_minutes,
            "owner": meta.owner,
            "last_reviewed": meta.last_reviewed.isoformat(),
            "next_review": meta.next_review.isoformat(),
            "licence": LICENCE,
        })
    paths = [
        {
            "perspective": path.perspective,
            "title": f"INTRO for {site.perspectives[path.perspective].name.lower()}",
            "intro": path.intro,
            "url": absolute(site_url, page_address(site.perspectives[path.perspective].start_page)),
            "steps": list(path.steps),
        }
        for path in site.paths.values()
    ]
    return {
        "title": identity.title,
        "owner": identity.owner,
        "description": identity.description,
        "colour": identity.colour,
        "url": absolute(site_url, ""),
        "licence": LICENCE,
        "licence_url": identity.licence_url,
        "chapters": chapters,
        "paths": paths,
    }


def catalog_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
