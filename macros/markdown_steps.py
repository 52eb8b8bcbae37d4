"""Inside Markdown: what INTRO does to each page's text, before and after the macros, and to a booklet's HTML.

Any engine that runs Python-Markdown and mkdocs-macros-style macros can call these with a page's path, its
Markdown and its meta as a plain dict. (The glossary's first-use explanations are a Python-Markdown extension of
their own, glossary.GlossaryExtension.)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping
from collections.abc import Set as AbstractSet
from typing import Any

from jinja2.sandbox import ImmutableSandboxedEnvironment

from macros.checks import templates
from macros.content.errors import AuthorError, ContentError
from macros.content.identity import Identity
from macros.content.local import missing_facts
from macros.content.model import LocalFacts
from macros.content.site import Site
from macros.content.site_map import page_address, permalink
from macros.rendering import booklet, diagrams, quiz_sheets, render


def diagrams_as_images(markdown: str, src_uri: str, line_offset: int, drawn: Mapping[str, tuple[int, int] | None]) -> str:
    """Each diagram's code becomes its finished image; a diagram not drawn yet is named with its line."""
    found = diagrams.find(markdown)
    if not found:
        return markdown
    problems = [
        AuthorError(f"docs/{src_uri}", advice, line=line + line_offset) for line, advice in diagrams.problems(found, set(drawn))
    ]
    if problems:
        raise ContentError(problems)
    return diagrams.replace_with_images(markdown, src_uri, drawn)


def check_templates(markdown: str, src_uri: str, line_offset: int, macros: dict[str, Callable], facts: LocalFacts | None) -> None:
    """Template code beyond the declared macros, a macro called wrongly, or a box asking for a fact this edition
    lacks, gets a plain message naming the line, not a traceback. macros: the declared macros as registered."""
    problems = [
        AuthorError(f"docs/{src_uri}", message, line=line + line_offset if line else None)
        for line, message in templates.template_problems(markdown, macros)
    ]
    problems += missing_facts(facts, markdown, f"docs/{src_uri}", line_offset) if facts else []
    if problems:
        raise ContentError(problems)


def render_macros(sandbox: ImmutableSandboxedEnvironment, markdown: str, src_uri: str, line_offset: int) -> str:
    """The page with its macros run in the sandbox (checks/templates.py); a macro's failure names the line."""
    try:
        return templates.render(sandbox, markdown)
    except templates.RenderError as error:
        raise ContentError(
            [AuthorError(f"docs/{src_uri}", str(error), line=error.line + line_offset if error.line else None)]
        ) from None


def dress_page(
    site: Site, src_uri: str, meta: MutableMapping[str, Any], markdown: str, edition: Identity, path_starts: AbstractSet[str]
) -> str:
    """What the front matter adds around a page, after the macros have run; meta gets the description and what
    the page hides."""
    chapter = site.chapter_at(src_uri)
    if chapter:
        meta.setdefault("description", chapter.meta.summary)
        permanent_url = edition.url.rstrip("/") + "/" + permalink(chapter.meta.id)
        markdown = (
            render.path_position(site, chapter)
            + render.after_lead(markdown, render.law_change_notes(site, src_uri) + render.chapter_header(site, chapter))
            + "\n\n"
            + render.chapter_end(chapter)
            + render.self_check(chapter)
            + render.chapter_footer(chapter)
            + render.print_credit(chapter, permanent_url, edition)
            + render.teaching(chapter, permanent_url, edition)
            + render.path_navigation(site, chapter)
        )
    elif "summary" in meta:
        meta.setdefault("description", meta["summary"])
        notes = render.law_change_notes(site, src_uri)
        markdown = render.after_lead(markdown, notes) if notes else markdown
        markdown += quiz_sheets.programme_section(site, src_uri)
    start = render.path_start(site, src_uri)
    if start:
        markdown = render.before_first_part(markdown, start)
    if src_uri in path_starts:
        # Material's footer «Neste» follows the menu; on the landing and path pages it would look like the path.
        meta["hide"] = sorted({*meta.get("hide", []), "footer"})
    return markdown


def booklet_html(site: Site, perspective: str, rendered: dict[str, tuple[str, str]], edition: Identity, booklet_url: str) -> str:
    """A path's booklet from its chapters' finished HTML (src_uri → (HTML, the page's URL))."""
    base = edition.url.rstrip("/") + "/"
    start = site.perspectives[perspective].start_page
    return booklet.booklet_html(
        site,
        perspective,
        rendered,
        {chapter_id: base + permalink(chapter_id) for chapter_id in site.chapters},
        base + page_address(start),
        edition.title,
        booklet_url,
    )
