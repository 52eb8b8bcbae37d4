"""Printable sheets of a programme's self-check questions: one for participants, one with the answers.

Pure: given the validated site, it returns the sheets by their path in the site, and the section a
programme page shows about them. Each sheet is a plain HTML page made for paper (and works over file://).
The questions are those the programme picks for the day's goals (data/programmes/<programme>.yml, quiz), or
every question of the chapters in the page's `self_checks:` when it picks none.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from macros.content.identity import Identity
from macros.content.model import Question
from macros.content.site import Chapter, Site
from macros.rendering.render import link
from macros.rendering.renderer import for_edition, render

SHEETS = {"sporreark": False, "fasit": True}  # file suffix → with answers
STYLESHEET = "assets/stylesheets/intro-ark.css"


@dataclass(frozen=True)
class Part:
    """The questions one chapter gives the sheet (empty when the chapter has no self-check yet)."""

    chapter: Chapter
    questions: list[Question]


def sheet_path(programme_src_uri: str, suffix: str) -> str:
    """programmer/forste-mote.md → programmer/forste-mote-sporreark.html"""
    return f"{programme_src_uri.removesuffix('.md')}-{suffix}.html"


def _chapters(site: Site, src_uri: str) -> list[Chapter]:
    return [site.chapters[chapter_id] for chapter_id in site.programme_checks.get(src_uri, ())]


def has_quiz(site: Site, src_uri: str) -> bool:
    programme = site.programmes.get(src_uri)
    return bool(programme and programme.quiz) or src_uri in site.programme_checks


def parts(site: Site, src_uri: str) -> list[Part]:
    """The sheet's questions, chapter by chapter: the programme's picks, or all of its self_checks' questions."""
    programme = site.programmes.get(src_uri)
    if programme and programme.quiz:
        picked = []
        for pick in programme.quiz:
            check = site.chapters[pick.chapter].self_check
            if check:
                picked.append(Part(site.chapters[pick.chapter], [check.questions[n - 1] for n in pick.questions]))
        return picked
    return [
        Part(chapter, list(chapter.self_check.questions) if chapter.self_check else []) for chapter in _chapters(site, src_uri)
    ]


def question_count(site: Site, src_uri: str) -> int:
    return sum(len(part.questions) for part in parts(site, src_uri))


def sheets(site: Site, edition: Identity) -> dict[str, str]:
    """Every programme's quiz sheet and facilitator sheet."""
    files: dict[str, str] = {}
    for src_uri in sorted(set(site.programme_checks) | set(site.programmes)):
        if not has_quiz(site, src_uri):
            continue
        for suffix, answers in SHEETS.items():
            path = sheet_path(src_uri, suffix)
            files[path] = for_edition(edition).render(
                "quiz_sheet.html.j2",
                answers=answers,
                programme=site.page_titles[src_uri],
                parts=parts(site, src_uri),
                stylesheet=posixpath.relpath(STYLESHEET, posixpath.dirname(path)),
            )
    return files


def programme_section(site: Site, src_uri: str) -> str:
    """Markdown for a programme page: its chapters' self-checks and the two sheets."""
    if not has_quiz(site, src_uri):
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
        count=question_count(site, src_uri),
        sheets={suffix: link(src_uri, sheet_path(src_uri, suffix)) for suffix in SHEETS},
    )


def questions_html(site: Site, src_uri: str, level: int = 3) -> str:
    """The participants' questions of a programme as HTML, for its «Materiell» page ("" without a quiz)."""
    if not has_quiz(site, src_uri):
        return ""
    return render("quiz_questions.html.j2", answers=False, parts=parts(site, src_uri), level=level)
