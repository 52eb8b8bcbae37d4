"""catalog.json: every chapter as data. The LMS cartridges and the ZIM file read from it.

The shape has a version (CATALOG_VERSION): a consumer can tell when it changes. A new field raises the minor
number, a field removed or changed raises the major number.
"""

from __future__ import annotations

import json

from macros.content.errors import AuthorError, ContentError
from macros.content.identity import Identity
from macros.content.site import Chapter, Site
from macros.content.site_map import page_address, permalink
from macros.rendering.render import attribution

CATALOG_FILE = "catalog.json"
# 1.1: catalog_version, language, edition, short_title, short_description and each chapter's terms.
# 1.2: synonyms, the groups of words that mean the same to a reader searching (data/synonyms.yml).
CATALOG_VERSION = "1.2"
LICENCE = "CC-BY-4.0"
LANGUAGE = "nb"  # BCP 47: Norwegian bokmål, unless the edition's theme says nn
# Kiwix's library shows a ZIM file's title and description in these many characters at most (openZIM's metadata
# rules); a longer one is cut in the middle of a word.
SHORT_TITLE_CHARS = 30
SHORT_DESCRIPTION_CHARS = 80


def absolute(site_url: str, address: str) -> str:
    return site_url.rstrip("/") + "/" + address


def _self_check(chapter: Chapter) -> list[dict]:
    """The chapter's «Test deg selv» questions as plain data, each with the heading that teaches it."""
    if chapter.self_check is None:
        return []
    questions = []
    for question in chapter.self_check.questions:
        entry = question.model_dump(exclude_none=True)
        entry["goal_text"] = chapter.meta.learning_goals[question.goal - 1]
        entry["section_title"] = chapter.sections.get(question.section, "")
        questions.append(entry)
    return questions


def _terms(site: Site, chapter_id: str) -> list[str]:
    """The glossary's words (and abbreviations) that this chapter explains best (the glossary's `chapter`)."""
    return [
        word
        for term in site.glossary
        if term.chapter == chapter_id
        for word in (term.term, *([term.abbreviation] if term.abbreviation else []))
    ]


def short_texts(identity: Identity) -> tuple[str, str]:
    """The edition's short title and description, as written in its config (the long ones where they fit).

    Raises ContentError, naming the config field, when either is longer than Kiwix's library shows."""
    title = identity.short_title or identity.title
    description = identity.short_description or identity.description
    where = identity.config_file or "mkdocs.yml"
    errors = []
    for field, text, limit, default in (
        ("short_title", title, SHORT_TITLE_CHARS, "site_name"),
        ("short_description", description, SHORT_DESCRIPTION_CHARS, "site_description"),
    ):
        if len(text) > limit:
            written = (
                f"«{text}» er {len(text)} tegn"
                if getattr(identity, field)
                else f"er ikke skrevet, og {default} («{text}») er {len(text)} tegn"
            )
            errors.append(
                AuthorError(
                    where,
                    f"{written}. Kiwix viser høyst {limit} tegn og kutter resten midt i et ord. Skriv en kortere tekst.",
                    field=f"plugins → intro → {field}",
                )
            )
    if errors:
        raise ContentError(errors)
    return title, description


def catalog(site: Site, identity: Identity, menu: list[str] | tuple[str, ...] = ()) -> dict:
    """The catalogue as plain data, in a stable order, with no build date (builds are reproducible).

    menu: the chapter ids in the order of the site's menu; chapters left out of it follow by id.
    """
    site_url = identity.url
    chapters = []
    for chapter_id in sorted(site.chapters):
        chapter = site.chapters[chapter_id]
        meta = chapter.meta
        chapters.append(
            {
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
                "licence": identity.licence_id,
                "attribution": attribution(chapter, absolute(site_url, permalink(meta.id)), identity),
                "self_check": _self_check(chapter),
                "terms": _terms(site, meta.id),
            }
        )
    paths = [
        {
            "perspective": path.perspective,
            "title": f"{identity.name} for {site.perspectives[path.perspective].name.lower()}",
            "intro": path.intro,
            "url": absolute(site_url, page_address(site.perspectives[path.perspective].start_page)),
            "steps": list(path.steps),
        }
        for path in site.paths.values()
    ]
    programmes = [
        {
            "id": src_uri.removesuffix(".md").rsplit("/", 1)[-1],
            "title": site.page_titles[src_uri],
            "url": absolute(site_url, page_address(src_uri)),
            "chapters": list(chapter_ids),
        }
        for src_uri, chapter_ids in sorted(site.programme_checks.items())
    ]
    listed = [chapter_id for chapter_id in menu if chapter_id in site.chapters]
    short_title, short_description = short_texts(identity)
    return {
        "catalog_version": CATALOG_VERSION,
        "language": identity.language or LANGUAGE,
        "edition": identity.edition,
        "title": identity.title,
        "short_title": short_title,
        "short_description": short_description,
        "name": identity.name,
        "owner": identity.owner,
        "description": identity.description,
        "colour": identity.colour,
        "url": absolute(site_url, ""),
        "licence": identity.licence_id,
        "licence_name": identity.licence,
        "licence_url": identity.licence_url,
        "chapters": chapters,
        "menu": listed + sorted(set(site.chapters) - set(listed)),
        "paths": paths,
        "programmes": programmes,
        "synonyms": [list(group.words) for group in site.synonyms],
    }


def catalog_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
