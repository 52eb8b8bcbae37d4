"""The real site's content loads and hangs together: every path step is a chapter, the watch list names pages that
exist, and every diagram is drawn."""

from macros.commands.diagram_render import sources_in
from macros.content.macro_calls import EVERY_SCHEME
from macros.rendering.diagrams import drawn_keys
from macros.rendering.render import law_change_notes
from tests.helpers import DOCS, repository_site


def test_the_real_content_loads_with_every_path_step_a_chapter():
    site = repository_site()
    assert site.perspectives and set(site.paths) <= set(site.perspectives)
    assert all(step in site.chapters for path in site.paths.values() for step in path.steps)


def test_the_real_watch_list_names_pages_that_exist():
    site = repository_site()
    assert site.law_changes, "data/law-changes.yml is empty"
    for change in site.law_changes:
        assert site.law_change_pages[change.id], change.id
        assert all(page in site.page_uris for page in site.law_change_pages[change.id])


def test_the_real_adopted_change_is_told_as_adopted_not_as_a_proposal():
    note = law_change_notes(repository_site(), "kapitler/forskning-i-kommunen.md")
    assert "Stortinget vedtok i 2025 endringer i helseforskningsloven" in note
    assert "forslag" not in note.lower()


def test_every_diagram_in_the_docs_is_drawn_and_every_drawing_is_used():
    assert set(drawn_keys(DOCS)) == set(sources_in(DOCS)), "Kjør «make diagrams» og legg endringene til i git."


def test_the_real_schemes_load_and_every_one_is_shown_by_a_chapter():
    site = repository_site()
    assert site.schemes, "data/schemes.yml is empty"
    shown = {scheme_id for scheme_id, places in site.scheme_uses.items() if places} - {EVERY_SCHEME}
    assert EVERY_SCHEME in site.scheme_uses or set(site.schemes) <= shown
