"""The editor's yearly list in `make report`: rates each January, G each May, NAV's and SSB's figures when they
publish, the law changes on the watch list and the schemes, each with its date."""

import datetime as dt
from dataclasses import replace

import pytest

from macros.content.review import editor_calendar
from macros.content.site import Site
from tests.helpers import figure, fixture_site, watching


@pytest.fixture(scope="module")
def site() -> Site:
    return fixture_site()


SSB = {"title": "Sjukeheimar", "publisher": "SSB", "url": "https://www.ssb.no/helse/"}


def test_the_calendar_lists_rates_by_the_day_the_next_applies_and_flags_what_is_due(site):
    figures = {
        "egenandelstak": figure(applies=2026, rate="yearly"),
        "grunnbelop": figure(id="grunnbelop", applies="2026-05-01", rate="yearly"),
        "ssb-bpa": figure(id="ssb-bpa", applies=2023, source=SSB, check_by="2027-06-30"),
        "scandinavian": figure(
            id="scandinavian", source={**SSB, "publisher": "Scandinavian Journal", "url": "https://www.tandfonline.com/"}
        ),
        "innkjop": figure(id="innkjop"),
    }
    calendar = editor_calendar(
        replace(watching(site), figures=figures),
        dt.date(2027, 2, 2),
        [
            {
                "id": "ordning",
                "name": "Helseteknologiordningen",
                "check_by": dt.date(2027, 3, 31),
                "source": {"url": "https://www.helsedirektoratet.no/"},
            }
        ],
    )
    assert list(calendar) == [
        "Hver januar: satser som endres 1. januar",
        "Hver mai: satser som endres 1. mai",
        "Når NAV og SSB publiserer nye tall",
        "Lovendringer på vaktlisten (data/law-changes.yml)",
        "Ordninger (data/schemes.yml)",
    ]
    (january,) = calendar["Hver januar: satser som endres 1. januar"]
    assert january.what.startswith("egenandelstak:") and "innen 31. januar 2027" in january.what
    assert january.due == dt.date(2027, 1, 1) and january.status == "FRISTEN HAR GÅTT"
    (may,) = calendar["Hver mai: satser som endres 1. mai"]
    assert may.due == dt.date(2027, 5, 1) and may.status == "" and "innen 31. mai 2027" in may.what
    assert [task.what.split(":")[0] for task in calendar["Når NAV og SSB publiserer nye tall"]] == ["ssb-bpa"]
    (law,) = calendar["Lovendringer på vaktlisten (data/law-changes.yml)"]
    assert law.what.startswith("ny-lov: forvaltningsloven") and "docs/kapitler/lovene.md" in law.what
    assert law.status == "SKAL SJEKKES"  # its check_by, 1 February 2027, has passed
    (scheme,) = calendar["Ordninger (data/schemes.yml)"]
    assert (scheme.what, scheme.due, scheme.status) == ("Helseteknologiordningen", dt.date(2027, 3, 31), "")


def test_a_law_change_in_force_names_the_pages_not_reviewed_since(site):
    in_force = site.chapters["lovene"].meta.last_reviewed + dt.timedelta(days=1)
    (law,) = editor_calendar(watching(site, in_force=in_force), in_force)["Lovendringer på vaktlisten (data/law-changes.yml)"]
    assert law.status == "I KRAFT, IKKE GJENNOMGÅTT: docs/kapitler/lovene.md"
