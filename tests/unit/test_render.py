import datetime as dt

from macros.rendering import render, renderer
from tests.helpers import fixture_site

SITE = fixture_site()


def test_norwegian_dates():
    assert render.norwegian_date(dt.date(2026, 11, 3)) == "3. november 2026"


def test_links_are_relative_to_the_page():
    assert render.link("kapitler/lovene.md", "perspektiver/studenter.md") == "../perspektiver/studenter.md"
    assert render.link("index.md", "perspektiver/studenter.md") == "perspektiver/studenter.md"


def test_norwegian_alphabet_puts_aeoa_last():
    words = ["åpen", "ære", "øre", "zebra", "avlastning"]
    assert sorted(words, key=render.sort_key) == ["avlastning", "zebra", "ære", "øre", "åpen"]


def test_chapter_header_shows_audience_time_dates_and_goals():
    chapter = next(iter(SITE.chapters.values()))
    header = render.chapter_header(SITE, chapter)
    assert "**Lesetid:**" in header and "Sist gjennomgått" in header and "Neste gjennomgang" in header
    for goal in chapter.meta.learning_goals:
        assert goal in header
    perspective = SITE.perspectives[chapter.meta.perspectives[0]]
    assert f"[{perspective.name}]({render.link(chapter.src_uri, perspective.start_page)})" in header


def test_chapter_footer_lists_key_points_and_sources():
    chapter = next(iter(SITE.chapters.values()))
    footer = render.chapter_footer(chapter)
    assert "## Viktige punkter" in footer and "## Kilder" in footer
    assert all(str(source.url) in footer for source in chapter.meta.sources)


def test_path_overview_sums_reading_time():
    text = render.path_overview(SITE, "studenter", "perspektiver/studenter.md")
    steps = SITE.paths["studenter"].steps
    total = sum(SITE.chapters[s].readability.reading_minutes for s in steps)
    assert f"omtrent {total} minutter" in text
    assert text.index(steps[0]) < text.index(steps[-1])


def test_perspective_cards_link_every_start_page():
    text = render.perspective_cards(SITE, "index.md")
    assert all(f"({p.start_page})" in text for p in SITE.perspectives.values())


def test_glossary_groups_by_first_letter():
    text = render.glossary(SITE, "ordliste.md")
    letters = sorted({entry.term[0].upper() for entry in SITE.glossary}, key=render.sort_key)
    assert [line.split(" {")[0] for line in text.splitlines() if line.startswith("## ")] == [f"## {c}" for c in letters]
    assert len([line for line in text.splitlines() if line.startswith("### ")]) == len(SITE.glossary)


def test_the_builds_renderer_keeps_its_compiled_templates_in_the_folder_given(tmp_path):
    env = renderer.current().env
    try:
        renderer.keep_compiled(tmp_path)
        env.cache.clear()  # loaded by an earlier test in this process: compiled again, through the folder
        renderer.phrase("page_words", 2)
        assert list(tmp_path.iterdir()), "the build's renderer compiled a template without keeping it"
    finally:
        env.bytecode_cache = None
