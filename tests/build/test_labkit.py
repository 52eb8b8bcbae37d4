"""The lab kit: programme data whose times add up, the «Materiell» pages and a poster for every station and chapter."""

import re
from itertools import pairwise

import pytest

from macros.content import frontmatter
from macros.content.errors import AuthorError
from macros.content.programmes import read_programmes, rotation, timetable
from macros.rendering.posters import all_posters, station_path
from macros.rendering.programme_pages import materials_src_uri
from tests.helpers import ROOT, repository_site

SITE = repository_site()

SITE_TEXTS = {src_uri: (ROOT / "docs" / src_uri).read_text(encoding="utf-8") for src_uri in SITE.programmes}

PROGRAMMES = sorted(SITE.programmes)
WITH_STATIONS = [src_uri for src_uri in PROGRAMMES if SITE.programmes[src_uri].stations]


def stem(src_uri: str) -> str:
    return src_uri.removeprefix("programmer/").removesuffix(".md")


# ---- The data ----


def test_every_programme_page_has_its_data_and_one_has_stations():
    pages = {uri for uri in SITE.page_uris if uri.startswith("programmer/") and uri != "programmer/index.md"}
    assert set(PROGRAMMES) == pages and len(pages) == 3
    assert WITH_STATIONS == ["programmer/velferdsteknologi-i-praksis.md"]


@pytest.mark.parametrize("src_uri", PROGRAMMES, ids=stem)
def test_timetable_runs_without_gaps_to_the_programmes_length(src_uri):
    programme = SITE.programmes[src_uri]
    slots = timetable(programme)
    assert slots[0].start == 0 and slots[-1].end == programme.minutes
    assert all(before.end == after.start for before, after in pairwise(slots))


@pytest.mark.parametrize("src_uri", PROGRAMMES, ids=stem)
def test_duration_in_the_front_matter_says_what_the_timetable_adds_up_to(src_uri):
    duration = frontmatter.split(SITE_TEXTS[src_uri]).meta["duration"]
    amount, unit = re.findall(r"(\d+(?:,\d+)?) (minutter|timer)", duration)[-1]
    minutes = float(amount.replace(",", ".")) * (60 if unit == "timer" else 1)
    assert minutes == SITE.programmes[src_uri].minutes, duration


def test_rotation_sends_every_group_to_every_station_once_and_never_two_groups_to_one():
    programme = SITE.programmes["programmer/velferdsteknologi-i-praksis.md"]
    plan = rotation(programme)
    stations = set(range(1, len(programme.stations) + 1))
    assert [group for group, _ in plan] == ["A", "B", "C", "D", "E"]
    assert all(set(visits) == stations for _, visits in plan)
    for turn in range(len(stations)):
        assert {visits[turn] for _, visits in plan} == stations
    rounds = [slot for slot in timetable(programme) if slot.round]
    assert [(s.start, s.end) for s in rounds] == [(20, 32), (32, 44), (44, 56), (66, 78), (78, 90)]


def errors_for(tmp_path, text: str) -> list[AuthorError]:
    (tmp_path / "programmes").mkdir()
    (tmp_path / "programmes" / "test.yml").write_text(text, encoding="utf-8")
    errors: list[AuthorError] = []
    sections = {chapter_id: chapter.sections for chapter_id, chapter in SITE.chapters.items()}
    read_programmes(tmp_path, {"programmer/test.md"}, sections, errors)
    return errors


STATION = """  - id: alarm
    name: Alarm
    place: Ved sengen.
    chapter: {chapter}
    about: En alarm varsler.
    tasks:
      - label: Prøv
        text: Trykk.
"""


def test_times_that_do_not_add_up_stop_the_build_naming_file_and_numbers(tmp_path):
    errors = errors_for(
        tmp_path, "minutes: 45\nschedule:\n  - name: Velkommen\n    minutes: 5\n  - name: Samtale\n    minutes: 30\n"
    )
    assert len(errors) == 1 and errors[0].path == "data/programmes/test.yml"
    assert "35 minutter" in errors[0].message and "45" in errors[0].message


def test_fewer_rounds_than_stations_stop_the_build(tmp_path):
    errors = errors_for(
        tmp_path,
        "minutes: 12\nschedule:\n  - rounds: 1\n    minutes: 12\nstations:\n"
        + STATION.format(chapter="velferdsteknologi")
        + STATION.format(chapter="velferdsteknologi").replace("id: alarm", "id: alarm-to"),
    )
    assert "1 stasjonsrunder, men det er 2 stasjoner" in str(errors[0])


def test_a_station_without_a_chapter_for_its_poster_stops_the_build(tmp_path):
    errors = errors_for(
        tmp_path, "minutes: 12\nschedule:\n  - rounds: 1\n    minutes: 12\nstations:\n" + STATION.format(chapter="finnes-ikke")
    )
    assert len(errors) == 1 and "«finnes-ikke»" in errors[0].message
    assert errors[0].field is not None and "stations nr. 1" in errors[0].field


# ---- The built site ----


def test_every_programme_station_and_every_chapter_has_a_poster_on_the_posters_page(site_dir, html):
    listed = {a.attributes["href"] for a in html("plakater/index.html").css("article a[href]")}
    stations = [(src_uri, s) for src_uri in WITH_STATIONS for s in SITE.programmes[src_uri].stations]
    assert len(stations) == 5
    for src_uri, station in stations:
        path = station_path(src_uri, station.id)
        assert (site_dir / path).is_file(), f"no poster for the station «{station.name}»"
        assert path.removeprefix("plakater/") in listed
        poster = html(path)
        assert poster.css_first("h1").text() == station.name, "the station's name comes first"
        assert "Skann og les: " + SITE.chapters[station.chapter].meta.title in poster.body.text()
    for chapter_id in SITE.chapters:
        assert f"{chapter_id}.html" in listed and (site_dir / f"plakater/{chapter_id}.html").is_file()
    assert not list((site_dir / "plakater").glob("*.svg"))


def test_programme_page_shows_timetable_stations_and_links_its_materials(html):
    article = html("programmer/velferdsteknologi-i-praksis/index.html").css_first("article")
    text = article.text()
    for station in SITE.programmes["programmer/velferdsteknologi-i-praksis.md"].stations:
        assert (
            f"Stasjon {SITE.programmes['programmer/velferdsteknologi-i-praksis.md'].stations.index(station) + 1}: "
            f"{station.name}" in text
        )
    assert "1:18–1:30" in text and "Runde 5 (1:18–1:30)" in text
    assert any(a.attributes["href"] == "../materiell-velferdsteknologi-i-praksis/" for a in article.css("a[href]"))


# ---- Print ----


def test_offline_posters_and_materials_lead_back_over_file(offline_dir):
    """The kiosk has no back button: each poster's links must open a page of the unpacked zip."""
    from selectolax.lexbor import LexborHTMLParser

    for poster in all_posters(SITE):
        file = offline_dir / poster.path
        links = [a.attributes["href"] for a in LexborHTMLParser(file.read_text(encoding="utf-8")).css("nav a")]
        assert len(links) == 2, poster.path
        for href in links:
            assert (file.parent / href).resolve().is_file(), f"{poster.path}: {href}"
    for src_uri in PROGRAMMES:
        page = offline_dir / materials_src_uri(src_uri).replace(".md", ".html")
        back = LexborHTMLParser(page.read_text(encoding="utf-8")).css_first(".intro-material-back a")
        assert back.attributes["href"] == f"{stem(src_uri)}.html"
