"""Figures from data/figures.yml as pages show them: in a sentence, as a table by year, and on «Tall og satser»."""

from __future__ import annotations

import datetime as dt

from macros.content import norwegian
from macros.content.clock import today
from macros.content.errors import AuthorError, ContentError
from macros.content.model import Figure, Number
from macros.content.norwegian import amount, when
from macros.content.site import Site
from macros.rendering.render import link
from macros.rendering.renderer import render


def _figure(site: Site, figure_id: str, page_src_uri: str) -> Figure:
    if figure_id not in site.figures:
        # load_site has named the page and line already; this guards a call built at render time.
        raise ContentError([AuthorError(f"docs/{page_src_uri}", f"Tallet «{figure_id}» finnes ikke i data/figures.yml.")])
    return site.figures[figure_id]


def in_sentence(site: Site, figure_id: str, page_src_uri: str, kilde: bool = True) -> str:
    """«3 278 kroner (2025, [Helsenorge](…))», the same on every page."""
    figure = _figure(site, figure_id, page_src_uri)
    value, applies = figure.latest
    current_at = figure.current_at or figure.source.url
    return render(
        "figure.md.j2",
        amount=amount(value, figure.unit),
        when=when(applies),
        source=figure.source if kilde else None,
        newest_confirmed=figure.newest_confirmed(today()),
        current_at=current_at,
        current_site=(current_at.host or "").removeprefix("www."),
    ).rstrip("\n")


def table(site: Site, figure_id: str, page_src_uri: str) -> str:
    """A year-by-year table of a series, with its source under it."""
    figure = _figure(site, figure_id, page_src_uri)
    series: dict[int | dt.date, Number] = dict(figure.series.items()) if figure.series else {figure.latest[1]: figure.latest[0]}
    rows = sorted(series.items(), key=lambda row: str(row[0]))
    return render("figure_table.md.j2", figure=figure, rows=[(when(year), amount(value, figure.unit)) for year, value in rows])


def overview(site: Site, page_src_uri: str) -> str:
    """Every figure with its value, year, source and the pages that show it, as one table for readers (the ids and
    check dates are the editors', in `make report`)."""
    entries = []
    for figure in sorted(site.figures.values(), key=lambda f: norwegian.sort_key(f.label)):
        value, applies = figure.latest
        pages = sorted({src_uri for src_uri, _ in site.figure_uses.get(figure.id, [])})
        entries.append(
            {
                "figure": figure,
                "amount": amount(value, figure.unit),
                "when": when(applies),
                "pages": [
                    {"title": site.page_titles.get(src_uri, src_uri), "link": link(page_src_uri, src_uri)} for src_uri in pages
                ],
            }
        )
    return render("figures_page.md.j2", entries=entries)
