"""Figures that change over time: their model, how they read, and the check for figures typed into prose."""

import datetime as dt

import pytest
from pydantic import ValidationError

from macros.checks.figures import typed_figures
from macros.content import norwegian
from macros.content.macro_calls import figure_uses as uses
from macros.content.norwegian import amount, when
from macros.content.review import due_dates, figure_checks, rate_deadline, stale_rates
from tests.helpers import figure


def test_numbers_read_the_norwegian_way():
    assert norwegian.number(185) == "185"
    assert norwegian.number(3278) == "3278"
    assert norwegian.number(130160) == "130\u00a0160"
    assert norwegian.number(1234567) == "1\u00a0234\u00a0567"
    assert norwegian.number(26.9) == "26,9"
    assert norwegian.number(72.0) == "72"
    assert amount(5745, "kroner") == "5745 kroner"
    assert when(2025) == "2025"
    assert when(dt.date(2024, 5, 1)) == "1. mai 2024"


def test_a_series_shows_its_newest_year():
    series = figure(value=None, applies=None, series={2014: 4116, 2024: 5745, 2019: 4885})
    assert series.latest == (5745, 2024)


@pytest.mark.parametrize(
    "fields, expected",
    [
        ({"value": None}, "value"),
        ({"applies": None}, "applies"),
        ({"series": {2024: 1}}, "ikke begge"),
        ({"applies": 3026}, "årstall"),
        ({"source": {"title": "x", "publisher": "y"}}, "url"),
        ({"check_by": "snart"}, "check_by"),
        ({"id": "Egenandels Tak"}, "id"),
    ],
)
def test_a_malformed_figure_is_rejected_naming_what_is_wrong(fields, expected):
    with pytest.raises(ValidationError) as raised:
        figure(**fields)
    assert expected in str(raised.value)


MUST_CATCH = [
    ("Den høyeste prisen er 180 kroner per døgn.", "180 kroner", "kroner"),
    ("I 2023 var prisen 180 kroner.", "180 kroner", "kroner"),  # an amount is never typed, even with its year
    ("Taket er kr 3 278 i året.", "kr 3 278", "kroner"),
    ("Prisen er 5 745 kr per døgn.", "5 745 kr", "kroner"),
    ("Sykehuset koster 18 milliarder kroner.", "18 milliarder kroner", "kroner"),
    ("Rundt 63 prosent av fastlegene er spesialister.", "63 prosent", "prosent"),
    ("Andelen er 26,9 % av alle.", "26,9 %", "prosent"),
    ("Det var 220 462 personer på listene.", "220 462", "antall"),
    ("| Fastleger | 5224 |", "5224", "antall"),
]
MUST_PASS = [
    "I 2024 fikk 399 263 personer tjenester (Helsedirektoratet).",
    "Ring 113 når det haster, og 116 117 når det kan vente litt.",
    "Fra utlandet ringer du +47 55 56 87 00.",
    "Se helsepersonelloven § 12-3 a og §§ 39–40, og pbrl kapittel 4A.",
    "Strategien gjaldt for 2021–2025.",
    "Meld. St. 15 (2017–2018) heter Leve hele livet.",
    'Prisen er {{ tall("korttid-maks-dogn") }} per døgn.',
    "Les [forskriften](https://lovdata.no/dokument/SF/forskrift/2011-12-16-1349).",
    "Du kan bytte fastlege to ganger i året.",
    "Det finnes 19 helsefellesskap.",
]


@pytest.mark.parametrize("text, found, kind", MUST_CATCH)
def test_typed_figures_are_caught(text, found, kind):
    assert [(f.text, f.kind) for f in typed_figures(text)] == [(found, kind)]


@pytest.mark.parametrize("text", MUST_PASS)
def test_what_is_not_a_typed_figure_passes(text):
    assert typed_figures(text) == []


def test_typed_figures_name_their_line_and_skip_code_blocks():
    text = "Første.\n\n```text\n500 kroner\n```\n\nAndre linje.\nPrisen er 200 kroner.\n"
    assert [(f.line, f.text) for f in typed_figures(text)] == [(8, "200 kroner")]


def test_uses_lists_every_page_and_line_that_asks_for_a_figure():
    # (body, lines of front matter before it): the lines are the file's.
    pages = {
        "kapitler/a.md": ("x\n{{ tall(\"g\") }} og {{ tall_tabell('tabell') }}\n", 5),
        "kapitler/b.md": ('{{ tall("g", kilde=False) }}', 0),
    }
    assert uses(pages) == {"g": [("kapitler/a.md", 7), ("kapitler/b.md", 1)], "tabell": [("kapitler/a.md", 7)]}


def test_a_figure_past_its_check_date_reminds_then_fails_naming_its_source_and_pages():
    checks = figure_checks({"egenandelstak": figure()}, {"egenandelstak": [("kapitler/egenandeler.md", 9)]})
    errors, warnings = due_dates(checks, dt.date(2027, 2, 1), grace_days=90)
    assert not errors and len(warnings) == 1
    assert "egenandelstak" in warnings[0] and "helsenorge.no" in warnings[0]
    errors, warnings = due_dates(checks, dt.date(2027, 6, 1), grace_days=90)
    assert len(errors) == 1 and not warnings
    message = str(errors[0])
    for expected in (
        "data/figures.yml",
        "«check_by»",
        "egenandelstak",
        "Helsenorge",
        "docs/kapitler/egenandeler.md",
        "på overtid",
    ):
        assert expected in message
    assert due_dates(checks, dt.date(2027, 1, 31), grace_days=90) == ([], [])


@pytest.mark.parametrize(
    "text", ["Rundskriv I-1/2025 gir satsene.", "Forskriften FOR-2011-12-16-1349 gjelder.", "Se NOU 2011:11 om teknologi."]
)
def test_document_numbers_are_not_figures(text):
    assert typed_figures(text) == []


# ---- Rates that apply to a year, or from a date ----


def test_a_calendar_year_rate_passes_in_december_reminds_in_january_and_fails_in_february():
    rate = {"egenandelstak": figure(value=3165, applies=2025, rate="yearly", check_by="2027-12-31")}
    shown = {"egenandelstak": [("kapitler/egenandeler.md", 135), ("slik-gjor-du/fastlege.md", 20)]}
    assert stale_rates(rate, shown, dt.date(2025, 12, 31)) == ([], [])
    errors, warnings = stale_rates(rate, shown, dt.date(2026, 1, 31))
    assert not errors and len(warnings) == 1
    assert "«egenandelstak»" in warnings[0] and "1. januar 2026" in warnings[0] and "31. januar 2026" in warnings[0]
    errors, warnings = stale_rates(rate, shown, dt.date(2026, 2, 1))
    assert len(errors) == 1 and not warnings
    message = str(errors[0])
    for expected in (
        "data/figures.yml",
        "«applies»",
        "«egenandelstak»",
        "gjelder for 2025",
        "Helsenorge",
        "https://www.helsenorge.no/",
        "docs/kapitler/egenandeler.md",
        "docs/slik-gjor-du/fastlege.md",
        "31. januar 2026",
    ):
        assert expected in message, expected


def test_a_rate_from_a_date_like_g_is_stale_from_the_same_date_next_year_and_fails_after_a_month():
    g = {"grunnbelop": figure(id="grunnbelop", value=130160, applies="2025-05-01", rate="yearly")}
    assert g["grunnbelop"].next_rate == dt.date(2026, 5, 1)
    assert stale_rates(g, {}, dt.date(2026, 4, 30)) == ([], [])
    errors, warnings = stale_rates(g, {}, dt.date(2026, 5, 31))
    assert not errors and "31. mai 2026" in warnings[0] and "fra 1. mai 2025" in warnings[0]
    errors, warnings = stale_rates(g, {}, dt.date(2026, 6, 1))
    assert len(errors) == 1 and "«grunnbelop»" in str(errors[0]) and not warnings


def test_a_series_rate_goes_by_its_newest_year_and_a_two_year_rate_lasts_two_years():
    series = figure(value=None, applies=None, series={2024: 5745, 2025: 5900}, rate="yearly")
    assert series.next_rate == dt.date(2026, 1, 1)
    threshold = figure(applies="2024-03-14", rate="every-second-year")
    assert threshold.next_rate == dt.date(2026, 3, 14)
    assert rate_deadline(dt.date(2026, 3, 14)) == dt.date(2026, 4, 13)
    assert figure().next_rate is None  # not a rate: only check_by applies
    assert stale_rates({"x": figure(applies=2020)}, {}, dt.date(2030, 1, 1)) == ([], [])


def test_a_rate_must_say_how_often_it_changes_in_words_the_author_knows():
    with pytest.raises(ValidationError) as raised:
        figure(rate="årlig")
    assert "yearly" in str(raised.value)


def test_a_rate_the_editors_looked_for_and_could_not_find_stands_two_months_and_says_so_on_the_page():
    g = {
        "grunnbelop": figure(
            id="grunnbelop",
            value=130160,
            applies="2025-05-01",
            rate="yearly",
            looked_for_newer="2026-12-07",
            current_at="https://www.nav.no/grunnbelopet",
        )
    }
    assert g["grunnbelop"].newest_confirmed(dt.date(2026, 12, 7))
    errors, warnings = stale_rates(g, {}, dt.date(2027, 2, 7))
    assert not errors and "7. desember 2026" in warnings[0] and "7. februar 2027" in warnings[0]
    errors, warnings = stale_rates(g, {}, dt.date(2027, 2, 8))
    assert len(errors) == 1 and "looked_for_newer" in str(errors[0])
    # Looking before the new rate applied proves nothing: the rule is as without it.
    early = {
        "grunnbelop": figure(id="grunnbelop", value=130160, applies="2025-05-01", rate="yearly", looked_for_newer="2026-04-30")
    }
    assert not early["grunnbelop"].newest_confirmed(dt.date(2026, 6, 1))
    assert len(stale_rates(early, {}, dt.date(2026, 6, 1))[0]) == 1
    with pytest.raises(ValidationError) as raised:
        figure(looked_for_newer="2026-12-07")
    assert "bare satser" in str(raised.value)
