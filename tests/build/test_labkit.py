"""The lab kit: programme data whose times add up, the «Materiell» pages and a poster for every station and chapter."""

import re
from itertools import pairwise

import pytest

from macros.content import frontmatter
from macros.content.errors import AuthorError
from macros.content.programmes import read_programmes, rotation, timetable
from macros.rendering.posters import all_posters, station_path
from macros.rendering.programme_pages import materials_src_uri
from tests.helpers import ROOT, SITE_URL, materials_address, programme_stem, repository_site

SITE = repository_site()

SITE_TEXTS = {src_uri: (ROOT / "docs" / src_uri).read_text(encoding="utf-8") for src_uri in SITE.programmes}

PROGRAMMES = sorted(SITE.programmes)
WITH_STATIONS = [src_uri for src_uri in PROGRAMMES if SITE.programmes[src_uri].stations]


# ---- The data ----


def test_every_programme_page_has_its_data_and_one_has_stations():
    pages = {uri for uri in SITE.page_uris if uri.startswith("programmer/") and uri != "programmer/index.md"}
    assert set(PROGRAMMES) == pages and len(pages) == 3
    assert WITH_STATIONS == ["programmer/velferdsteknologi-i-praksis.md"]


@pytest.mark.parametrize("src_uri", PROGRAMMES, ids=programme_stem)
def test_timetable_runs_without_gaps_to_the_programmes_length(src_uri):
    programme = SITE.programmes[src_uri]
    slots = timetable(programme)
    assert slots[0].start == 0 and slots[-1].end == programme.minutes
    assert all(before.end == after.start for before, after in pairwise(slots))


@pytest.mark.parametrize("src_uri", PROGRAMMES, ids=programme_stem)
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


# What every programme needs besides its timetable: its goals (the evaluation form asks about them), and how
# many copies of each printed part.
GOALS = "learning_goals: [forklare hva en alarm er, prøve en alarm]\n"
COPIES = "print_copies: {rotasjonsplan: én per gruppe, stasjoner: ett ark per stasjon}\n"


def errors_for(tmp_path, text: str) -> list[AuthorError]:
    (tmp_path / "programmes").mkdir(parents=True)
    (tmp_path / "programmes" / "test.yml").write_text(GOALS + text, encoding="utf-8")
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
    prepare:
      - Alarmen står i testmodus.
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
        COPIES
        + "minutes: 12\nschedule:\n  - rounds: 1\n    minutes: 12\nstations:\n"
        + STATION.format(chapter="velferdsteknologi")
        + STATION.format(chapter="velferdsteknologi").replace("id: alarm", "id: alarm-to"),
    )
    assert "1 stasjonsrunder, men det er 2 stasjoner" in str(errors[0])


def test_a_station_without_a_chapter_for_its_poster_stops_the_build(tmp_path):
    errors = errors_for(
        tmp_path,
        COPIES + "minutes: 12\nschedule:\n  - rounds: 1\n    minutes: 12\nstations:\n" + STATION.format(chapter="finnes-ikke"),
    )
    assert len(errors) == 1 and "«finnes-ikke»" in errors[0].message
    assert errors[0].field is not None and "stations nr. 1" in errors[0].field


def test_a_station_without_its_test_mode_check_stops_the_build(tmp_path):
    errors = errors_for(
        tmp_path,
        COPIES
        + "minutes: 12\nschedule:\n  - rounds: 1\n    minutes: 12\nstations:\n"
        + STATION.format(chapter="velferdsteknologi").replace("    prepare:\n      - Alarmen står i testmodus.\n", ""),
    )
    assert len(errors) == 1 and errors[0].field == "stations nr. 1, prepare", errors


def test_role_cards_without_a_handout_line_or_a_part_without_copies_stop_the_build(tmp_path):
    roles = "minutes: 10\nschedule:\n  - name: Roller\n    minutes: 10\nroles:\n  - name: Kari\n"
    errors = errors_for(tmp_path, roles + "print_copies: {rollekort: ett sett per gruppe}\n")
    assert len(errors) == 1 and "roles_handout" in errors[0].message
    errors = errors_for(tmp_path / "2", roles + "roles_handout: Hver gruppe får alle kortene.\n")
    assert len(errors) == 1 and "«rollekort»" in errors[0].message


def test_a_quiz_question_or_an_answer_note_that_does_not_exist_stops_the_build(tmp_path):
    text = (
        "minutes: 10\nschedule:\n  - name: Samtale\n    minutes: 10\n"
        "print_copies: {sporreark: valgfritt}\nquiz:\n  - chapter: samhandling\n    questions: [1, 9]\n"
        "answer_notes:\n  - question: Hvem har ansvaret?\n    answer: Kommunen.\n    chapter: samhandling\n"
        "    section: finnes-ikke\n"
    )
    (tmp_path / "programmes").mkdir()
    (tmp_path / "programmes" / "test.yml").write_text(GOALS + text, encoding="utf-8")
    errors: list[AuthorError] = []
    read_programmes(
        tmp_path,
        {"programmer/test.md"},
        {chapter_id: chapter.sections for chapter_id, chapter in SITE.chapters.items()},
        errors,
        {c: len(ch.self_check.questions) for c, ch in SITE.chapters.items() if ch.self_check},
    )
    fields = sorted(error.field for error in errors)
    assert fields == ["answer_notes nr. 1, section", "quiz nr. 1, questions"], errors


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
    text = article.text().replace("\u00ad", "")  # the headings' soft hyphens, for zoom
    for station in SITE.programmes["programmer/velferdsteknologi-i-praksis.md"].stations:
        assert (
            f"Stasjon {SITE.programmes['programmer/velferdsteknologi-i-praksis.md'].stations.index(station) + 1}: "
            f"{station.name}" in text
        )
    assert "1:18–1:30" in text and "Runde 5 (1:18–1:30)" in text
    assert any(a.attributes["href"] == "../materiell-velferdsteknologi-i-praksis/" for a in article.css("a[href]"))


# The frame every programme shares (macros/templates/programme_frame_parts.j2), as the facilitator reads it out.
VOLUNTARY = (
    "Alt er frivillig. Du kan stå over.",
    "Det som blir sagt her, blir her.",
    "Vi tar ikke bilder av personer uten å spørre.",
)
BRIEF = ("Vis nødutgangene og møteplassen hvis brannalarmen går.", "Si fra hvis du blir uvel, svimmel eller vil ta en pause.")


def section_text(page, anchor: str) -> str:
    section = page.css_first(f'section[aria-labelledby="{anchor}"]')
    assert section is not None, f"no section «{anchor}»"
    return " ".join(section.text().split())


@pytest.mark.parametrize("src_uri", PROGRAMMES, ids=programme_stem)
def test_every_materials_page_has_the_checklist_the_brief_the_voluntariness_lines_and_an_evaluation_form(html, src_uri):
    page = html(materials_address(src_uri) + "index.html")
    programme = SITE.programmes[src_uri]
    checklist = section_text(page, "sjekkliste")
    for line in programme.checklist:
        assert " ".join(line.split()) in checklist
    for number, station in enumerate(programme.stations, start=1):
        for line in station.prepare:
            assert f"Stasjon {number}, {station.name}: {' '.join(line.split())}" in checklist
    assert "Tilrettelegging" in checklist and "Trinnfri adkomst" in checklist and "teleslynge" in checklist.lower()
    brief = section_text(page, "brief")
    assert brief.startswith(f"Brief ved start ({programme.briefing_minutes} minutter)")
    for line in (*BRIEF, *VOLUNTARY, *programme.briefing):
        assert " ".join(line.split()) in brief, line
    evaluation = section_text(page, "evaluering")
    assert "anonymt" in evaluation and "Ikke skriv navnet ditt" in evaluation
    rows = page.css('section[aria-labelledby="evaluering"] tbody tr')
    assert [" ".join(row.css_first("th").text().split()) for row in rows] == programme.learning_goals
    assert all(len(row.css("td")) == 5 for row in rows)
    for question in ("Hva fungerte godt?", "Hva bør vi endre?", "Fungerte rommet, utstyret og aktivitetene for deg?"):
        assert question in evaluation
    debrief = section_text(page, "oppsummering")
    assert all(line in debrief for line in programme.debrief)
    copies = {
        " ".join(row.css("td")[0].text().split()): row.css("td")[1].text() for row in page.css("table.intro-copies tbody tr")
    }
    assert copies["Evalueringsskjema"] == "ett per deltaker"
    assert set(programme.print_copies.values()) <= set(copies.values())


@pytest.mark.parametrize("src_uri", PROGRAMMES, ids=programme_stem)
def test_the_programme_page_says_the_frame_and_the_answers_the_facilitator_needs(html, src_uri):
    article = html(src_uri.removesuffix(".md") + "/index.html").css_first("article")
    text = " ".join(article.text().split())
    assert "Trygg ramme for dagen" in text and all(line in text for line in VOLUNTARY)
    for goal in SITE.programmes[src_uri].learning_goals:
        assert goal in text
    for note in SITE.programmes[src_uri].answer_notes:
        assert note.question in text and " ".join(note.answer.split()) in text
    assert any(a.attributes.get("href", "").endswith("#evaluering") for a in article.css("a"))


def test_samhandling_agrees_with_its_chapter_and_hands_each_group_all_its_cards(html):
    programme = SITE.programmes["programmer/samhandling-halv-dag.md"]
    story = " ".join(" ".join(programme.cases[0].paragraphs).split())
    # The chapter: the hospital tells the municipality when Kari is admitted, then again when she is ready.
    admitted, ready = (
        story.index("Kort tid etter at Kari er lagt inn, sender sykehuset en melding til kommunen"),
        story.index("utskrivningsklar"),
    )
    assert admitted < ready
    page = html(materials_address("programmer/samhandling-halv-dag.md") + "index.html")
    cards = section_text(page, "rollekort")
    assert "Hver gruppe får alle de seks kortene" in cards and len(programme.roles) == 6
    assert "Sykepleier i hjemmesykepleien" in cards
    assert "Hver gruppe får ett kort" not in page.body.text()


def test_every_role_card_says_who_its_holder_is():
    for src_uri in PROGRAMMES:
        for role in SITE.programmes[src_uri].roles:
            assert role.who, f"{src_uri}: the card «{role.name}» has no who-line"


@pytest.mark.parametrize("src_uri", PROGRAMMES, ids=programme_stem)
def test_quiz_sheets_are_optional_hold_the_days_questions_and_say_each_thing_once(html, src_uri):
    programme = SITE.programmes[src_uri]
    picked = sum(len(pick.questions) for pick in programme.quiz)
    assert 3 <= picked <= 6, "a short quiz, tied to the day's goals"
    for suffix in ("sporreark", "fasit"):
        sheet = html(f"programmer/{programme_stem(src_uri)}-{suffix}.html")
        text = " ".join(sheet.body.text().split())
        assert len(sheet.css("p.intro-sheet-question")) == picked
        assert not re.search(r"Velg alle som stemmer\.?\)?\s*\(?Velg alle som stemmer", text), text
        assert not re.search(r"\b(Sant|Usant)\.\s+\1\b", text), "the verdict is said twice"
        # A question about one edition's city has no place on a sheet every edition prints.
        assert "Åsane" not in text and "Haukeland" not in text
    assert "Valgfritt, til etterpå" in html(f"programmer/{programme_stem(src_uri)}-sporreark.html").body.text()
    materials = html(materials_address(src_uri) + "index.html")
    assert section_text(materials, "sporreark").startswith("Spørreark (valgfritt)")


def test_station_sheets_and_posters_lead_to_the_section_about_the_station(site_dir, html):
    src_uri = WITH_STATIONS[0]
    sheets = html(materials_address(src_uri) + "index.html")
    for station in SITE.programmes[src_uri].stations:
        url = f"{SITE_URL}k/{station.chapter}/#{station.section}"
        assert url in section_text(sheets, f"stasjon-{station.id}")
        poster = html(station_path(src_uri, station.id))
        assert poster.css_first(".intro-poster-url").text() == url
        assert poster.css_first(".intro-poster-code [role=img]").attributes["aria-label"] == f"QR-kode til {url}"
    redirect = html(f"k/{SITE.programmes[src_uri].stations[0].chapter}/index.html")
    script = redirect.css_first("script[data-target]")
    assert script.attributes["src"] == "../../assets/javascripts/intro-redirect.js"
    assert (site_dir / "assets/javascripts/intro-redirect.js").is_file()


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
        assert back.attributes["href"] == f"{programme_stem(src_uri)}.html"
