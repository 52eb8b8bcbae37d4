"""Content that stays current: which chapters are due for review, and which are too late."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass

from macros.errors import AuthorError
from macros.site import Chapter

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
              grace_days: int = DEFAULT_GRACE_DAYS) -> tuple[list[AuthorError], list[str]]:
    """Errors for items more than grace_days past their check date, reminders for those past it at all.

    The same rule as the chapters' review dates, for anything dated by check_by (local facts, figures).
    """
    errors, warnings = [], []
    for label, where, check_by, source_url in sorted(items, key=lambda item: (item[2], item[0])):
        days = (on - check_by).days
        if days > grace_days:
            errors.append(AuthorError(where, f"{label} skulle vært sjekket {check_by} og er {days} dager på overtid "
                                      f"(grensen er {grace_days}). Sjekk det i kilden ({source_url}), rett det om "
                                      "det er endret, og sett en ny dato i check_by."))
        elif days > 0:
            warnings.append(f"{where}: {label} skal sjekkes igjen; datoen var {check_by}. Kilde: {source_url}")
    return errors, warnings
