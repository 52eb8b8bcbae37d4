"""The content model across files: cross-references, duplicates and missing front matter."""

import pytest

from macros.content.errors import ContentError
from tests.helpers import chapter_text, fixture_site, load_fixture


def test_the_fixture_loads_with_every_path_step_a_chapter():
    site = fixture_site()
    assert site.paths and site.chapters
    assert all(step in site.chapters for path in site.paths.values() for step in path.steps)


def problems(pages: list[tuple[str, str]]) -> str:
    with pytest.raises(ContentError) as caught:
        load_fixture(extra=pages)
    return str(caught.value)


def test_unknown_perspective_is_named():
    text = problems([("kapitler/ny.md", chapter_text(id="ny", perspectives=["turister"]))])
    assert "docs/kapitler/ny.md" in text and "turister" in text


def test_duplicate_id_names_both_files():
    text = problems([("kapitler/kopi.md", chapter_text(id="lovene"))])
    assert "docs/kapitler/kopi.md" in text and "docs/kapitler/lovene.md" in text


def test_page_without_front_matter_is_refused():
    text = problems([("om.md", "# Om\n\nTekst.\n")])
    assert "docs/om.md" in text and "topptekst" in text


def test_ordinary_page_needs_title_and_summary():
    text = problems([("om.md", "---\ntitle: Om\n---\n")])
    assert "«summary»" in text
