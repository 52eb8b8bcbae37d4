"""Printable sheets of a programme's self-check questions: one for participants, one with the answers.

Pure: given the validated site, it returns the sheets by their path in the site, and the section a
programme page shows about them. Each sheet is a plain HTML page made for paper (and works over file://).
"""

from __future__ import annotations

import posixpath

from macros.content.identity import Identity
from macros.content.site import Chapter, Site
from macros.rendering.render import link
from macros.rendering.renderer import for_edition, render

SHEETS = {"sporreark": False, "fasit": True}  # file suffix → with answers
STYLESHEET = "assets/stylesheets/intro-ark.css"


def sheet_path(programme_src_uri: str, suffix: str) -> str:
    """programmer/forste-mote.md → programmer/forste-mote-sporreark.html"""
    return f"{programme_src_uri.removesuffix('.md')}-{suffix}.html"


def _chapters(site: Site, src_uri: str) -> list[Chapter]:
    return [site.chapters[chapter_id] for chapter_id in site.programme_checks.get(src_uri, ())]


def sheets(site: Site, edition: Identity) -> dict[str, str]:
    """Every programme's quiz sheet and facilitator sheet."""
    files: dict[str, str] = {}
    for src_uri in site.programme_checks:
        for suffix, answers in SHEETS.items():
            path = sheet_path(src_uri, suffix)
            files[path] = for_edition(edition).render(
                "quiz_sheet.html.j2",
                answers=answers,
                programme=site.page_titles[src_uri],
                chapters=_chapters(site, src_uri),
                stylesheet=posixpath.relpath(STYLESHEET, posixpath.dirname(path)),
            )
    return files


def programme_section(site: Site, src_uri: str) -> str:
    """Markdown for a programme page: its chapters' self-checks and the two sheets."""
    if src_uri not in site.programme_checks:
        return ""
    chapters = [
        {
            "title": chapter.meta.title,
            "link": link(src_uri, chapter.src_uri),
            "questions": len(chapter.self_check.questions) if chapter.self_check else 0,
        }
        for chapter in _chapters(site, src_uri)
    ]
    return render(
        "programme_self_checks.md.j2",
        chapters=chapters,
        sheets={suffix: link(src_uri, sheet_path(src_uri, suffix)) for suffix in SHEETS},
    )


def questions_html(site: Site, src_uri: str, level: int = 3) -> str:
    """The participants' questions of a programme as HTML, for its «Materiell» page ("" without self-checks)."""
    if src_uri not in site.programme_checks:
        return ""
    return render("quiz_questions.html.j2", answers=False, chapters=_chapters(site, src_uri), level=level)
