"""Content that stays current: which chapters are due for review, and which are too late."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from macros.content.errors import AuthorError
from macros.content.macro_calls import EVERY_SCHEME
from macros.content.model import Figure, LawChange, Scheme
from macros.content.norwegian import MONTHS
from macros.content.norwegian import date as norwegian_date
from macros.content.site import Chapter, Site

DEFAULT_GRACE_DAYS = 90


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
            errors.append(
                AuthorError(
                    where,
                    f"skulle vært gjennomgått {meta.next_review} og er {status.days_overdue} "
                    f"dager på overtid (grensen er {grace_days}). {meta.owner} må gå gjennom "
                    "kapitlet og sette nye datoer i last_reviewed og next_review.",
                    field="next_review",
                )
            )
        elif status.days_overdue > 0:
            warnings.append(f"{where}: skal gjennomgås; neste gjennomgang var {meta.next_review} ({meta.owner}).")
    return errors, warnings


def due_dates(
    items: Iterable[tuple[str, str, dt.date, str]], on: dt.date, grace_days: int
) -> tuple[list[AuthorError], list[str]]:
    """The same rule for every dated fact (a figure, a local fact): a reminder once its check date has passed,
    an error once it is more than grace_days past. Items are (what, file, check_by, source url)."""
    errors, warnings = [], []
    for what, where, check_by, url in sorted(items, key=lambda item: item[2]):
        late = (on - check_by).days
        if late > grace_days:
            errors.append(
                AuthorError(
                    where,
                    f"{what} skulle vært sjekket {check_by} og er {late} dager på overtid "
                    f"(grensen er {grace_days}). Sjekk det i kilden ({url}), og skriv ny verdi "
                    "og ny check_by.",
                    field="check_by",
                )
            )
        elif late > 0:
            warnings.append(f"{where}: {what} skal sjekkes; datoen var {check_by}. Kilde: {url}")
    return errors, warnings


def figure_checks(site_figures: dict[str, Figure], uses: dict[str, list[tuple[str, int]]]) -> list[tuple[str, str, dt.date, str]]:
    """Each figure as a dated fact, named with the pages that show it, so the editor knows what a change touches."""
    items = []
    for figure in site_figures.values():
        shown = _shown_on(figure.id, uses)
        items.append(
            (
                f"Tallet «{figure.id}» ({figure.label}, kilde: {figure.source.publisher}).{shown} Det",
                "data/figures.yml",
                figure.check_by,
                str(figure.source.url),
            )
        )
    return items


def scheme_checks(site_schemes: dict[str, Scheme], uses: dict[str, list[tuple[str, int]]]) -> list[tuple[str, str, dt.date, str]]:
    """Each scheme as a dated fact, named with the pages that show it (a page showing all schemes shows each)."""
    everywhere = uses.get(EVERY_SCHEME, [])
    items = []
    for scheme in site_schemes.values():
        pages = sorted({f"docs/{src_uri}" for src_uri, _ in [*uses.get(scheme.id, []), *everywhere]})
        shown = f" Den står på: {', '.join(pages)}." if pages else ""
        items.append(
            (
                f"Ordningen «{scheme.id}» ({scheme.name}, {scheme.owner}).{shown} Den",
                "data/schemes.yml",
                scheme.check_by,
                str(scheme.source.url),
            )
        )
    return items


def _shown_on(figure_id: str, uses: dict[str, list[tuple[str, int]]]) -> str:
    pages = sorted({f"docs/{src_uri}" for src_uri, _ in uses.get(figure_id, [])})
    return f" Det står på: {', '.join(pages)}." if pages else ""


def rate_deadline(next_rate: dt.date) -> dt.date:
    """The last day a rate may stand after the next one applies: a month on, less a day (31 January for a rate of
    the calendar year, 31 May for G from 1 May)."""
    year, month = (next_rate.year + 1, 1) if next_rate.month == 12 else (next_rate.year, next_rate.month + 1)
    day = min(next_rate.day, 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)
    return dt.date(year, month, day) - dt.timedelta(days=1)


# How long a rate the editors looked for and could not find stands, before they must look again.
LOOK_AGAIN_DAYS = 62


def stale_rates(
    site_figures: dict[str, Figure], uses: dict[str, list[tuple[str, int]]], on: dt.date
) -> tuple[list[AuthorError], list[str]]:
    """A rate is stale from the day the next one applies: a reminder from then, an error after its deadline, naming
    the rate, its source and the pages that show it."""
    errors, warnings = [], []
    for figure in sorted(site_figures.values(), key=lambda f: (f.next_rate or dt.date.max, f.id)):
        next_rate = figure.next_rate
        if next_rate is None or on < next_rate:
            continue
        applies, deadline = figure.latest[1], rate_deadline(next_rate)
        period = f"for {applies}" if isinstance(applies, int) else f"fra {norwegian_date(applies)}"
        what = (
            f"Satsen «{figure.id}» ({figure.label}, kilde: {figure.source.publisher}, {figure.source.url}) "
            f"gjelder {period}, og fra {norwegian_date(next_rate)} gjelder en ny sats."
        )
        shown = _shown_on(figure.id, uses)
        if figure.newest_confirmed(on) and figure.looked_for_newer is not None:
            again = figure.looked_for_newer + dt.timedelta(days=LOOK_AGAIN_DAYS)
            if on <= again:
                warnings.append(
                    f"data/figures.yml: {what} Den nye satsen ble ikke funnet i kilden da dere lette "
                    f"{norwegian_date(figure.looked_for_newer)}, så sidene sier at beløpet er det nyeste "
                    f"dere har bekreftet. Let igjen innen {norwegian_date(again)}.{shown}"
                )
                continue
            deadline = max(deadline, again)
        if on > deadline:
            errors.append(
                AuthorError(
                    "data/figures.yml",
                    f"{what} Fristen for å legge den inn var "
                    f"{norwegian_date(deadline)}.{shown} Sjekk kilden, og skriv den nye satsen i "
                    "value og året eller datoen den gjelder fra i applies. Finner du den ikke, "
                    "skriv datoen du lette i looked_for_newer.",
                    field="applies",
                )
            )
        else:
            warnings.append(f"data/figures.yml: {what} Legg den inn innen {norwegian_date(deadline)}.{shown}")
    return errors, warnings


def law_change_checks(changes: Iterable[LawChange]) -> list[tuple[str, str, dt.date, str]]:
    """Each law change on the watch list as a dated fact: its status must be checked again by its check_by."""
    return [
        (
            f"Lovendringen «{change.id}» ({change.law}, {change.proposition})",
            "data/law-changes.yml",
            change.check_by,
            str(change.source.url),
        )
        for change in changes
    ]


def unreviewed_law_changes(site: Site, on: dt.date) -> list[str]:
    """Reminders for law changes in force whose pages have not been reviewed since: a chapter by its last_reviewed;
    another page, which has no review date, until it is taken off the change's pages."""
    reminders = []
    for change in site.law_changes:
        if not isinstance(change.in_force, dt.date) or change.in_force > on:
            continue
        for src_uri in site.law_change_pages.get(change.id, ()):
            chapter = site.chapter_at(src_uri)
            if chapter and chapter.meta.last_reviewed >= change.in_force:
                continue
            since = f" (sist gjennomgått {chapter.meta.last_reviewed})" if chapter else ""
            reminders.append(
                f"docs/{src_uri}: Lovendringen «{change.id}» ({change.law}) gjelder fra "
                f"{norwegian_date(change.in_force)}, men siden er ikke gjennomgått etter det{since}. "
                "Gå gjennom teksten, og sett ny last_reviewed (eller ta siden ut av pages i "
                "data/law-changes.yml). Kilde: " + str(change.source.url)
            )
    return reminders


# ---- The editor's yearly list (`make report`) ----


@dataclass(frozen=True)
class Task:
    """One thing an editor checks: what, where it is written, its source, and by when."""

    what: str
    where: str
    source: str
    due: dt.date | None
    status: str = ""


def _status(due: dt.date | None, on: dt.date, late: dt.date | None = None) -> str:
    if due is None or on < due:
        return ""
    return "FRISTEN HAR GÅTT" if late and on > late else "SKAL SJEKKES"


# Figures that come from the publishers whose releases an editor follows: named in the source, or on their site.
PUBLISHED_BY = re.compile(r"\b(?:NAV|Nav|SSB)\b|//(?:www\.)?(?:nav|ssb)\.no/")


def editor_calendar(site: Site, on: dt.date, schemes: list[dict] | None = None) -> dict[str, list[Task]]:
    """What must be checked when, section by section: the rates by the day the next one applies (every January;
    G every May), NAV's and SSB's figures, the law changes on the watch list and the schemes, each with its date."""
    sections: dict[str, list[Task]] = {}
    for figure in sorted(site.figures.values(), key=lambda f: (f.next_rate or dt.date.max, f.id)):
        next_rate = figure.next_rate
        if next_rate is None:
            continue
        month = MONTHS[next_rate.month - 1]
        title = f"Hver {month}: satser som endres {next_rate.day}. {month}"
        every = " hvert annet år" if figure.rate == "every-second-year" else ""
        applies = figure.latest[1]
        period = applies if isinstance(applies, int) else f"fra {norwegian_date(applies)}"
        sections.setdefault(title, []).append(
            Task(
                f"{figure.id}: {figure.label} (gjelder {period}; ny sats{every} fra {norwegian_date(next_rate)}, "
                f"legg den inn innen {norwegian_date(rate_deadline(next_rate))})",
                "data/figures.yml",
                str(figure.source.url),
                next_rate,
                _status(next_rate, on, rate_deadline(next_rate)),
            )
        )
    published = [
        figure
        for figure in site.figures.values()
        if figure.rate is None and PUBLISHED_BY.search(f"{figure.source.publisher} {figure.source.url}")
    ]
    for figure in sorted(published, key=lambda f: (f.check_by, f.id)):
        applies = figure.latest[1]
        sections.setdefault("Når NAV og SSB publiserer nye tall", []).append(
            Task(
                f"{figure.id}: {figure.label} (tall for {applies if isinstance(applies, int) else norwegian_date(applies)}, "
                f"{figure.source.publisher})",
                "data/figures.yml",
                str(figure.source.url),
                figure.check_by,
                _status(figure.check_by, on),
            )
        )
    unreviewed = unreviewed_law_changes(site, on)
    for change in sorted(site.law_changes, key=lambda c: (c.check_by, c.id)):
        in_force = (
            norwegian_date(change.in_force) if isinstance(change.in_force, dt.date) else change.in_force or "ikke bekreftet"
        )
        pages = ", ".join(f"docs/{src_uri}" for src_uri in site.law_change_pages.get(change.id, ()))
        late = [reminder.split(":")[0] for reminder in unreviewed if f"«{change.id}»" in reminder]
        status = f"I KRAFT, IKKE GJENNOMGÅTT: {', '.join(late)}" if late else _status(change.check_by, on)
        sections.setdefault("Lovendringer på vaktlisten (data/law-changes.yml)", []).append(
            Task(
                f"{change.id}: {change.law}, {change.proposition} (gjelder fra: {in_force}; sidene: {pages})",
                "data/law-changes.yml",
                str(change.source.url),
                change.check_by,
                status,
            )
        )
    for scheme in schemes or []:
        check_by = scheme.get("check_by")
        due = check_by if isinstance(check_by, dt.date) else None
        given = scheme.get("source")
        source: dict = given if isinstance(given, dict) else {}
        sections.setdefault("Ordninger (data/schemes.yml)", []).append(
            Task(
                str(scheme.get("name") or scheme.get("id") or "?"),
                "data/schemes.yml",
                str(source.get("url", "")),
                due,
                _status(due, on),
            )
        )
    return sections
