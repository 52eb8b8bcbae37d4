"""The lab kit on paper: each programme's materials print a part per sheet, and each poster fits one A4 sheet."""

import io
import re

import pytest
from pypdf import PdfReader

from macros.rendering.posters import all_posters
from tests.helpers import A4, SITE_URL, materials_address, programme_stem, repository_site

SITE = repository_site()
PROGRAMMES = sorted(SITE.programmes)
WITH_STATIONS = [src_uri for src_uri in PROGRAMMES if SITE.programmes[src_uri].stations]


def flat(text: str) -> str:
    """Text as one line: a PDF's line breaks (also after a hyphen, «helse-» / «og») read as spaces."""
    return " ".join(text.split()).replace("- ", "-")


def printed(page) -> list[str]:
    reader = PdfReader(io.BytesIO(page.pdf(**A4)))
    return [sheet.extract_text() for sheet in reader.pages]


@pytest.mark.parametrize("src_uri", PROGRAMMES, ids=programme_stem)
def test_materials_print_each_part_from_the_top_of_a_sheet_without_navigation(guarded_page, served_site, src_uri):
    page, problems = guarded_page
    page.goto(served_site + materials_address(src_uri), wait_until="networkidle")
    assert page.get_by_role("button", name="Skriv ut alt").is_visible()
    back = page.get_by_role("link", name=re.compile("Tilbake til opplegget"))
    assert back.get_attribute("href") == f"../{programme_stem(src_uri)}/"
    sheets = printed(page)
    programme = SITE.programmes[src_uri]
    starts = [sheet.lstrip().split("\n", 1)[0] for sheet in sheets]
    expected = (
        ["Sjekkliste for kursholderen", f"Brief ved start ({programme.briefing_minutes} minutter)"]
        + (["Svar til kursholderen"] if programme.answer_notes else [])
        + (["Rotasjonsplan"] if programme.stations else [])
        + [f"Stasjon {n} av {len(programme.stations)} · 12 minutter" for n in range(1, len(programme.stations) + 1)]
        + (["Rollekort"] if programme.roles else [])
        + [case.title for case in programme.cases]
        + ["Oppsummering", f"Evaluering: {SITE.page_titles[src_uri]}", "Spørreark (valgfritt)"]
    )
    for heading in expected:
        assert heading in starts, f"«{heading}» does not start a sheet: {starts}"
    # The evaluation form is one page: the next sheet is the quiz.
    evaluation = starts.index(f"Evaluering: {SITE.page_titles[src_uri]}")
    assert starts[evaluation + 1] == "Spørreark (valgfritt)", starts
    text = "\n".join(sheets)
    for station in programme.stations:
        assert all(" ".join(task.text.split()[-3:]) in text.replace("\n", " ") for task in station.tasks)
    for role in programme.roles:
        assert role.name in text
    for screen_only in ("Tilbake til opplegget", "Skriv ut alt", "Introduksjonsopplegg", "Søk"):
        assert screen_only not in text, f"«{screen_only}» is printed"
    # The rotation plan and the evaluation form keep their grid on paper.
    page.emulate_media(media="print")
    borders = page.evaluate(
        "() => [...document.querySelectorAll('.intro-rotation td, .intro-evaluation-goals td')]"
        ".map(cell => getComputedStyle(cell).borderTopWidth)"
    )
    assert borders and all(width == "1px" for width in borders), borders
    assert problems == []


def test_every_poster_prints_on_one_a4_sheet_with_nothing_cut_and_no_tools(browser, site_dir):
    page = browser.new_page()
    for poster in all_posters(SITE):
        page.goto((site_dir / poster.path).as_uri())
        page.emulate_media(media="print")
        overflow = page.evaluate(
            "() => { const s = document.querySelector('.intro-poster-sheet'); return s.scrollHeight - s.clientHeight; }"
        )
        assert overflow <= 0, f"{poster.path}: the text runs {overflow} px past the sheet"
        sheets = printed(page)
        assert len(sheets) == 1, f"{poster.path}: {len(sheets)} sheets"
        words = flat(sheets[0])
        name = poster.station.name if poster.station else SITE.chapters[poster.chapter].meta.title
        assert flat(name) in words
        assert f"{SITE_URL}k/{poster.chapter}/" in words
        assert "Tilbake til alle plakatene" not in words and "Skriv ut plakaten" not in words
    page.close()


def test_a_section_permalink_opens_the_chapter_at_the_section_online_and_over_file(browser, served_site, offline_dir):
    station = SITE.programmes[WITH_STATIONS[0]].stations[3]
    page = browser.new_page()
    page.goto(f"{served_site}k/{station.chapter}/#{station.section}")
    page.wait_for_url(f"**/kapitler/{station.chapter}/#{station.section}")
    assert page.evaluate("() => window.scrollY") > 0
    page.goto((offline_dir / f"k/{station.chapter}/index.html").as_uri() + f"#{station.section}")
    page.wait_for_url(f"**/kapitler/{station.chapter}.html#{station.section}")
    # Without a section the page's own refresh still leads to the top of the chapter.
    page.goto(f"{served_site}k/{station.chapter}/")
    page.wait_for_url(f"{served_site}kapitler/{station.chapter}/")
    page.close()
