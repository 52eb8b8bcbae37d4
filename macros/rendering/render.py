"""Markdown that the site writes for authors, rendered from the templates beside this module.

Every function is pure: it takes the validated site and the page being rendered, and returns Markdown.
Links are relative to that page, so MkDocs checks them like any link an author writes.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from typing import Any
from urllib.parse import urlsplit

from macros.content import icons, norwegian
from macros.content.errors import AuthorError, ContentError
from macros.content.identity import Identity
from macros.content.model import LawChange
from macros.content.norwegian import MONTHS, sort_key
from macros.content.norwegian import date as norwegian_date
from macros.content.site import Chapter, Site
from macros.content.site_map import PROGRAMMES_PAGE, booklet_page
from macros.rendering.renderer import for_edition, render


def link(from_src_uri: str, to_src_uri: str) -> str:
    """A link from one page to another, relative to the first, as an author would write it."""
    return posixpath.relpath(to_src_uri, posixpath.dirname(from_src_uri) or ".")


def after_lead(markdown: str, header: str) -> str:
    """The chapter's own opening paragraph first (the answer), then the header: contents, facts and goals."""
    lines = markdown.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None or not _is_prose(lines[start]):
        return header + markdown
    end = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
    return "\n".join(lines[:end]) + "\n\n" + header + "\n".join(lines[end:])


def _is_prose(line: str) -> bool:
    return not line.lstrip().startswith(("#", "!!!", "???", "<", "{", "|", "-", "*", "```", "[TOC]"))


def path_positions(site: Site, chapter: Chapter) -> list[dict]:
    """Where the chapter stands on each path it is on: «Steg 3 av 7 i stien for studenter»."""
    return [
        {
            "perspective": path.perspective,
            "name": site.perspectives[path.perspective].name,
            "position": path.steps.index(chapter.meta.id) + 1,
            "length": len(path.steps),
        }
        for path in site.paths.values()
        if chapter.meta.id in path.steps
    ]


def path_position(site: Site, chapter: Chapter) -> str:
    """«Steg 3 av 7 i stien for …» for each path the chapter is on, to stand first on the page."""
    return render("path_position.md.j2", positions=path_positions(site, chapter))


def chapter_header(site: Site, chapter: Chapter) -> str:
    """Who the chapter is for, reading time, review dates and learning goals."""
    meta = chapter.meta
    perspectives = [
        {"name": site.perspectives[p].name, "link": link(chapter.src_uri, site.perspectives[p].start_page)}
        for p in meta.perspectives
    ]
    return render(
        "chapter_header.md.j2",
        chapter_id=meta.id,
        perspectives=perspectives,
        minutes=chapter.readability.reading_minutes,
        last_reviewed=norwegian_date(meta.last_reviewed),
        next_review=norwegian_date(meta.next_review),
        goals=meta.learning_goals,
    )


def _law_change_note(change: LawChange) -> dict:
    """What the note's sentences need besides the change (law_change_note.md.j2 writes them, so that a translated
    edition translates them): its dates in words, and the name of the link."""
    # On Lovdata the reader finds the law itself, so the link is named after it, not after a parliamentary paper.
    on_lovdata = urlsplit(str(change.source.url)).hostname in {"lovdata.no", "www.lovdata.no"}
    return {
        "change": change,
        # Stortinget's decision by its day, or by its year alone where only the year is confirmed.
        "adopted_on": norwegian_date(change.adopted) if isinstance(change.adopted, dt.date) else "",
        "adopted_in": str(change.adopted) if change.adopted and not isinstance(change.adopted, dt.date) else "",
        "in_force": norwegian_date(change.in_force) if isinstance(change.in_force, dt.date) else "",
        "document": change.source.title if on_lovdata else change.recommendation or change.proposition,
    }


def law_change_notes(site: Site, src_uri: str) -> str:
    """A «Reglene endres» box for each watched law change that concerns the page (data/law-changes.yml), until the
    chapter has been reviewed after the change came into force."""
    chapter = site.chapter_at(src_uri)
    notes = [
        _law_change_note(change)
        for change in site.law_changes
        if src_uri in site.law_change_pages.get(change.id, ())
        and not (chapter and isinstance(change.in_force, dt.date) and chapter.meta.last_reviewed >= change.in_force)
    ]
    return render("law_change_note.md.j2", notes=notes) if notes else ""


def citation(chapter: Chapter, permanent_url: str, identity: Identity) -> str:
    """APA 7 reference for a web page, in Norwegian, as plain text to paste: author, date reviewed, title, site, URL."""
    meta = chapter.meta
    day = meta.last_reviewed
    return f"{meta.owner}. ({day.year}, {day.day}. {MONTHS[day.month - 1]}). {meta.title}. {identity.title}. {permanent_url}"


def attribution(chapter: Chapter, permanent_url: str, identity: Identity) -> str:
    return for_edition(identity).phrase(
        "attribution",
        chapter.meta.title,
        identity.title,
        permanent_url,
        chapter.meta.owner,
        identity.licence,
        identity.licence_url,
    )


def teaching(chapter: Chapter, permanent_url: str, identity: Identity) -> str:
    """Permanent link, attribution, an LMS snippet and the citation: reuse in a minute."""
    return for_edition(identity).render(
        "teaching.md.j2",
        permanent_url=permanent_url,
        title=chapter.meta.title,
        summary=chapter.meta.summary,
        attribution=attribution(chapter, permanent_url, identity),
        citation=citation(chapter, permanent_url, identity),
    )


def print_credit(chapter: Chapter, permanent_url: str, identity: Identity) -> str:
    """What a printed chapter carries at its end: the edition's name, the attribution with the licence, and the
    chapter's permanent link (shown on paper only)."""
    return for_edition(identity).render(
        "print_credit.md.j2", permanent_url=permanent_url, attribution=attribution(chapter, permanent_url, identity)
    )


def redirect_page(title: str, target: str, canonical: str, identity: Identity, script: str) -> str:
    """A plain HTML page that sends the reader on, over HTTP and over file://. The refresh needs no script;
    script (intro-redirect.js, relative to the page) only carries a «#section» along, which the refresh drops."""
    return for_edition(identity).render("redirect.html.j2", title=title, target=target, canonical=canonical, script=script)


def chapter_footer(chapter: Chapter) -> str:
    """Key points and sources, at the end of a chapter."""
    # A blank line first: a page mkdocs-macros rendered has lost its last newline, and the footer's first block
    # would otherwise run into the chapter's last paragraph.
    return "\n\n" + render("chapter_footer.md.j2", key_points=chapter.meta.key_points, sources=chapter.meta.sources)


def self_check(chapter: Chapter) -> str:
    """The «Test deg selv» form, or nothing while the chapter has no questions."""
    if chapter.self_check is None:
        return ""
    return render(
        "self_check.md.j2",
        chapter_id=chapter.meta.id,
        title=chapter.meta.title,
        questions=chapter.self_check.questions,
        goals=chapter.meta.learning_goals,
        sections=chapter.sections,
    )


def _step(site: Site, steps: list[str], index: int, from_src_uri: str) -> dict | None:
    if not 0 <= index < len(steps):
        return None
    target = site.chapters[steps[index]]
    return {"title": target.meta.title, "link": link(from_src_uri, target.src_uri)}


def path_navigation(site: Site, chapter: Chapter) -> str:
    """Previous and next step on every path the chapter is on; the browser shows the one being read."""
    navs = []
    for path in site.paths.values():
        if chapter.meta.id not in path.steps:
            continue
        position = path.steps.index(chapter.meta.id)
        perspective = site.perspectives[path.perspective]
        navs.append(
            {
                "perspective": path.perspective,
                "name": perspective.name,
                "start": link(chapter.src_uri, perspective.start_page),
                "position": position + 1,
                "length": len(path.steps),
                "previous": _step(site, path.steps, position - 1, chapter.src_uri),
                "next": _step(site, path.steps, position + 1, chapter.src_uri),
            }
        )
    return render("path_navigation.md.j2", paths=navs, chapter_id=chapter.meta.id)


def perspective_cards(site: Site, page_src_uri: str) -> str:
    """One card per perspective, linking to its start page."""
    cards = [
        {"name": p.name, "reader": p.reader, "link": link(page_src_uri, p.start_page), "icon": icons.svg(p.icon)}
        for p in site.perspectives.values()
    ]
    return render("perspective_cards.md.j2", perspectives=cards)


def continue_reading(site: Site, page_src_uri: str) -> str:
    """«Fortsett der du slapp»: every path's steps as links, for intro.js to pick the reader's place from."""
    paths = [
        {
            "perspective": path.perspective,
            "name": site.perspectives[path.perspective].name,
            "start": link(page_src_uri, site.perspectives[path.perspective].start_page),
            "steps": [
                {"id": step, "title": site.chapters[step].meta.title, "link": link(page_src_uri, site.chapters[step].src_uri)}
                for step in path.steps
            ],
        }
        for path in site.paths.values()
    ]
    return render("continue_reading.md.j2", paths=paths)


def goals_with_questions(chapter: Chapter) -> list[dict[str, Any]]:
    """Each learning goal with the numbers of the «Test deg selv» questions that try it (none: it cannot be tried)."""
    questions = chapter.self_check.questions if chapter.self_check else []
    return [
        {"text": goal, "questions": [n for n, q in enumerate(questions, start=1) if q.goal == number]}
        for number, goal in enumerate(chapter.meta.learning_goals, start=1)
    ]


def path_start(site: Site, src_uri: str) -> str:
    """«Start stien», first on a reader group's page, to its path's first chapter; nothing where the group has no
    path."""
    perspective = next((p for p in site.perspectives.values() if p.start_page == src_uri), None)
    if perspective is None or perspective.id not in site.paths:
        return ""
    steps = [site.chapters[step] for step in site.paths[perspective.id].steps]
    return render(
        "path_start.md.j2",
        perspective=perspective.id,
        first={"title": steps[0].meta.title, "link": link(src_uri, steps[0].src_uri)},
        count=len(steps),
        total_minutes=sum(chapter.readability.reading_minutes for chapter in steps),
    )


def before_first_part(markdown: str, insert: str) -> str:
    """insert where the page's introduction ends: before its first «## » heading (after the title, an urgent-help
    box and the opening paragraph); at the end of a page without one."""
    lines = markdown.split("\n")
    fenced = False
    for number, line in enumerate(lines):
        if line.startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and re.match(r"#{2,6}\s", line):
            return "\n".join(lines[:number]) + "\n\n" + insert + "\n" + "\n".join(lines[number:])
    return markdown + "\n\n" + insert


def chapter_end(chapter: Chapter) -> str:
    """The mark where the chapter's own text ends, for counting it as read."""
    return render("chapter_end.md.j2", chapter_id=chapter.meta.id)


def path_overview(site: Site, perspective: str, page_src_uri: str) -> str:
    """The ordered steps of one perspective's path, with reading time for each and in all,
    and the ending a reader sees after the last step."""
    if perspective not in site.paths:
        raise ContentError(
            [AuthorError(f"docs/{page_src_uri}", f"Det finnes ingen sti for perspektivet «{perspective}» i data/paths.yml.")]
        )
    steps: list[dict[str, Any]] = []
    for chapter_id in site.paths[perspective].steps:
        chapter = site.chapters[chapter_id]
        steps.append(
            {
                "id": chapter_id,
                "title": chapter.meta.title,
                "summary": chapter.meta.summary,
                "minutes": chapter.readability.reading_minutes,
                "link": link(page_src_uri, chapter.src_uri),
                "goals": goals_with_questions(chapter),
                "has_self_check": chapter.self_check is not None,
            }
        )
    others = [
        {"name": p.name, "link": link(page_src_uri, p.start_page)}
        for p in site.perspectives.values()
        if p.id != perspective and p.id in site.paths
    ]
    return render(
        "path_overview.md.j2",
        booklet_link=link(page_src_uri, booklet_page(perspective)),
        perspective=perspective,
        name=site.perspectives[perspective].name,
        others=others,
        programmes=link(page_src_uri, PROGRAMMES_PAGE) if PROGRAMMES_PAGE in site.page_uris else None,
        steps=steps,
        total_minutes=sum(step["minutes"] for step in steps),
    )


def glossary(site: Site, page_src_uri: str) -> str:
    """Every glossary term in Norwegian alphabetical order, grouped by first letter."""
    groups: dict[str, list[dict]] = {}
    for term in sorted(site.glossary, key=lambda t: sort_key(t.term)):
        chapter = site.chapters.get(term.chapter) if term.chapter else None
        groups.setdefault(term.term[0].upper(), []).append(
            {
                "term": term.term,
                "abbreviation": term.abbreviation,
                "definition": term.definition,
                "english": term.english,
                "chapter_title": chapter.meta.title if chapter else None,
                "link": link(page_src_uri, chapter.src_uri) if chapter else None,
            }
        )
    return render("glossary.md.j2", groups=list(groups.items()))


def offline_download(
    zip_bytes: int | None,
    zip_path: str,
    page_src_uri: str,
    is_offline: bool,
    folder: str,
    zim_bytes: int | None = None,
    zim_path: str = "",
) -> str:
    """The download links for the offline edition (zip, and ZIM for Kiwix) with their sizes; in the offline
    edition, that this is it."""
    return render(
        "offline_download.md.j2",
        size=norwegian.size(zip_bytes) if zip_bytes is not None else None,
        link=link(page_src_uri, zip_path),
        is_offline=is_offline,
        folder=folder,
        zim_size=norwegian.size(zim_bytes) if zim_bytes is not None else None,
        zim_link=link(page_src_uri, zim_path) if zim_path else None,
    )


def course_packages(packages: list[dict], page_src_uri: str) -> str:
    """A table of the course packages (IMS Common Cartridge) with what they hold and their size."""
    rows = [
        {**package, "size": norwegian.size(package["size"]), "link": link(page_src_uri, package["path"])} for package in packages
    ]
    return render("course_packages.md.j2", packages=rows)
