"""Content that stays current: which chapters are due for review, and which are too late."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass

from macros.checks.schemes import EVERY_SCHEME
from macros.content.errors import AuthorError
from macros.content.model import Figure, Scheme
from macros.content.site import Chapter

DEFAULT_GRACE_DAYS = 90


def today() -> dt.date:
    """Today, or INTRO_TODAY (ÅÅÅÅ-MM-DD) so a build or a test can be run as of another day."""
    fixed = os.environ.get("INTRO_TODAY")
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()


@dataclass(frozen=True)
class ReviewStatus:
    chapter: Chapter
    days_overdue: int

    @property
    def label(self) -> str:
        if self.days_overdue > 0:
            return f"{self.days_overdue} dager på overtid"
        return f"om {-self.days_overdue} dager"


def statuses(chapters: Iterable[Chapter], on: dt.date) -> list[ReviewStatus]:
    """Every chapter with how many days it is past its next review (negative: days left), most urgent first."""
    found = [ReviewStatus(c, (on - c.meta.next_review).days) for c in chapters]
    return sorted(found, key=lambda s: (-s.days_overdue, s.chapter.meta.id))


def overdue(chapters: Iterable[Chapter], on: dt.date, grace_days: int) -> tuple[list[AuthorError], list[str]]:
    """Errors for chapters more than grace_days past review, warnings for those past it at all."""
    errors, warnings = [], []
    for status in statuses(chapters, on):
        meta, where = status.chapter.meta, f"docs/{status.chapter.src_uri}"
        if status.days_overdue > grace_days:
            errors.append(AuthorError(where, f"skulle vært gjennomgått {meta.next_review} og er {status.days_overdue} "
                                      f"dager på overtid (grensen er {grace_days}). {meta.owner} må gå gjennom "
                                      "kapitlet og sette nye datoer i last_reviewed og next_review.",
                                      field="next_review"))
        elif status.days_overdue > 0:
            warnings.append(f"{where}: skal gjennomgås; neste gjennomgang var {meta.next_review} ({meta.owner}).")
    return errors, warnings


def due_dates(items: Iterable[tuple[str, str, dt.date, str]], on: dt.date,
              grace_days: int) -> tuple[list[AuthorError], list[str]]:
    """The same rule for every dated fact (a figure, a local fact): a reminder once its check date has passed,
    an error once it is more than grace_days past. Items are (what, file, check_by, source url)."""
    errors, warnings = [], []
    for what, where, check_by, url in sorted(items, key=lambda item: item[2]):
        late = (on - check_by).days
        if late > grace_days:
            errors.append(AuthorError(where, f"{what} skulle vært sjekket {check_by} og er {late} dager på overtid "
                                      f"(grensen er {grace_days}). Sjekk det i kilden ({url}), og skriv ny verdi "
                                      "og ny check_by.", field="check_by"))
        elif late > 0:
            warnings.append(f"{where}: {what} skal sjekkes; datoen var {check_by}. Kilde: {url}")
    return errors, warnings


def figure_checks(site_figures: dict[str, Figure], uses: dict[str, list[tuple[str, int]]]) -> list[tuple[str, str, dt.date, str]]:
    """Each figure as a dated fact, named with the pages that show it, so the editor knows what a change touches."""
    items = []
    for figure in site_figures.values():
        pages = sorted({f"docs/{src_uri}" for src_uri, _ in uses.get(figure.id, [])})
        shown = f" Det står på: {', '.join(pages)}." if pages else ""
        items.append((f"Tallet «{figure.id}» ({figure.label}, kilde: {figure.source.publisher}).{shown} Det",
                      "data/figures.yml", figure.check_by, str(figure.source.url)))
    return items


def scheme_checks(site_schemes: dict[str, Scheme],
                  uses: dict[str, list[tuple[str, int]]]) -> list[tuple[str, str, dt.date, str]]:
    """Each scheme as a dated fact, named with the pages that show it (a page showing all schemes shows each)."""
    everywhere = uses.get(EVERY_SCHEME, [])
    items = []
    for scheme in site_schemes.values():
        pages = sorted({f"docs/{src_uri}" for src_uri, _ in [*uses.get(scheme.id, []), *everywhere]})
        shown = f" Den står på: {', '.join(pages)}." if pages else ""
        items.append((f"Ordningen «{scheme.id}» ({scheme.name}, {scheme.owner}).{shown} Den",
                      "data/schemes.yml", scheme.check_by, str(scheme.source.url)))
    return items
