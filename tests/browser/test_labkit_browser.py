"""The lab kit on paper: each programme's materials print a part per sheet, and each poster fits one A4 sheet."""

import io
import re

import pytest
from pypdf import PdfReader

from macros.rendering.posters import all_posters
from macros.rendering.programme_pages import materials_src_uri
from tests.helpers import A4, SITE_URL, repository_site

SITE = repository_site()
PROGRAMMES = sorted(SITE.programmes)


def stem(src_uri: str) -> str:
    return src_uri.removeprefix("programmer/").removesuffix(".md")


def materials_address(src_uri: str) -> str:
    return materials_src_uri(src_uri).removesuffix(".md") + "/"


def flat(text: str) -> str:
    """Text as one line: a PDF's line breaks (also after a hyphen, «helse-» / «og») read as spaces."""
    return " ".join(text.split()).replace("- ", "-")


def printed(page) -> list[str]:
    reader = PdfReader(io.BytesIO(page.pdf(**A4)))
    return [sheet.extract_text() for sheet in reader.pages]


@pytest.mark.parametrize("src_uri", PROGRAMMES, ids=stem)
def test_materials_print_each_part_from_the_top_of_a_sheet_without_navigation(guarded_page, served_site, src_uri):
    page, problems = guarded_page
    page.goto(served_site + materials_address(src_uri), wait_until="networkidle")
    assert page.get_by_role("button", name="Skriv ut alt").is_visible()
    back = page.get_by_role("link", name=re.compile("Tilbake til opplegget"))
    assert back.get_attribute("href") == f"../{stem(src_uri)}/"
    sheets = printed(page)
    programme = SITE.programmes[src_uri]
    starts = [sheet.lstrip().split("\n", 1)[0] for sheet in sheets]
    expected = (
        (["Rotasjonsplan"] if programme.stations else [])
        + [f"Stasjon {n} av {len(programme.stations)} · 12 minutter" for n in range(1, len(programme.stations) + 1)]
        + (["Rollekort"] if programme.roles else [])
        + [case.title for case in programme.cases]
        + ["Spørreark"]
    )
    for heading in expected:
        assert heading in starts, f"«{heading}» does not start a sheet: {starts}"
    text = "\n".join(sheets)
    for station in programme.stations:
        assert all(" ".join(task.text.split()[-3:]) in text.replace("\n", " ") for task in station.tasks)
    for role in programme.roles:
        assert role.name in text
    for screen_only in ("Tilbake til opplegget", "Skriv ut alt", "Introduksjonsopplegg", "Søk"):
        assert screen_only not in text, f"«{screen_only}» is printed"
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
