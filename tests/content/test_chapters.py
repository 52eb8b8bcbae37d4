"""The content itself: complete chapters, paths that resolve, programmes a facilitator can run."""

from pathlib import Path

import pytest

from macros.content import frontmatter
from tests.helpers import DOCS, ROOT, repository_site

SITE = repository_site()

PROGRAMMES = sorted(p for p in (DOCS / "programmer").glob("*.md") if p.name != "index.md")
PROGRAMME_SECTIONS = ["Læringsmål", "Før dere møtes", "Program", "Spørsmål til samtale", "Utstyr og materiell"]


@pytest.mark.parametrize("chapter_id", sorted(SITE.chapters))
def test_chapter_is_complete_and_on_a_path(chapter_id):
    chapter = SITE.chapters[chapter_id]
    assert len(chapter.meta.learning_goals) >= 2
    assert len(chapter.meta.key_points) >= 3
    assert len(chapter.meta.sources) >= 3
    assert any(chapter_id in path.steps for path in SITE.paths.values()), "not on any perspective path"
    assert chapter.readability.lix <= 55, f"LIX {chapter.readability.lix:.0f}"


SHARED = [
    "organisering",
    "lovene",
    "tjenestene",
    "slik-far-du-hjelp",
    "rettigheter-og-klage",
    "samhandling",
    "egenandeler",
    "folkehelse",
    "velferdsteknologi",
    "menneskene",
    "kvalitet-og-etikk",
    "innovasjon",
    "en-dag-i-tjenestene",
]


def test_thirteen_shared_chapters_and_a_chapter_of_its_own_for_every_perspective():
    assert set(SHARED) <= set(SITE.chapters)
    for perspective in SITE.perspectives:
        own = [c for c in SITE.chapters.values() if c.meta.id not in SHARED and c.meta.perspectives[0] == perspective]
        assert own, f"no chapter written for {perspective}"


def test_every_perspective_has_a_path_of_five_to_ten_published_chapters():
    assert set(SITE.paths) == set(SITE.perspectives)
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for path in SITE.paths.values():
        assert 5 <= len(path.steps) <= 10
        for step in path.steps:
            assert SITE.chapters[step].src_uri in nav, f"{step} is not in the navigation"


def test_glossary_has_at_least_seventy_terms_with_the_sector_abbreviations():
    assert len(SITE.glossary) >= 70
    abbreviations = {t.abbreviation for t in SITE.glossary}
    assert {"KAD", "BPA", "IPLOS", "KPR", "USHT", "NHN"} <= abbreviations


@pytest.mark.parametrize("programme", PROGRAMMES, ids=lambda p: p.stem)
def test_programme_has_every_part_and_facilitator_notes_set_apart(programme: Path):
    body = frontmatter.split(programme.read_text(encoding="utf-8")).body
    headings = [line[3:].strip() for line in body.splitlines() if line.startswith("## ")]
    positions = [headings.index(section) for section in PROGRAMME_SECTIONS]
    assert positions == sorted(positions), "the parts are out of order"
    assert body.count('!!! kursholder "For kursholderen"') >= 3
    assert "{{ programplan() }}" in body, "the timetable comes from data/programmes/"
    assert "../kapitler/" in body, "no chapters to read before"


def test_three_programmes():
    assert len(PROGRAMMES) == 3


def test_median_readability_is_plain():
    import statistics

    from macros.content.readability import LIX_MEDIAN_GOAL

    assert statistics.median(c.readability.lix for c in SITE.chapters.values()) <= LIX_MEDIAN_GOAL


def test_chapters_for_patients_users_and_relatives_aim_lower():
    for chapter in SITE.chapters.values():
        if set(chapter.meta.perspectives) <= {"pasienter-og-brukere", "parorende"}:
            assert chapter.readability.lix <= 40, chapter.meta.id


@pytest.mark.parametrize("chapter_id", sorted(SITE.chapters))
def test_every_chapter_has_a_self_check(chapter_id):
    """Each chapter's author writes data/selvtest/<chapter-id>.yml; the loader has checked what is there."""
    check = SITE.chapters[chapter_id].self_check
    assert check is not None, f"data/selvtest/{chapter_id}.yml mangler: skriv 3–6 spørsmål til «Test deg selv»"
    assert 3 <= len(check.questions) <= 6
    assert len({question.goal for question in check.questions}) >= 2
