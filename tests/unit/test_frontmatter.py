"""The one front-matter reader, and the line numbers authors are given from it."""

from __future__ import annotations

import pytest
import yaml

from macros.content import frontmatter
from macros.content.errors import ContentError
from tests.helpers import FIXTURE, load_fixture

PAGE = "---\ntitle: Lovene\nsummary: Kort.\n---\n\n## Første del\n\nTekst.\n"


def test_split_gives_meta_body_raw_and_the_bodys_first_line():
    page = frontmatter.split(PAGE)
    assert page.present
    assert page.meta == {"title": "Lovene", "summary": "Kort."}
    assert page.raw == "title: Lovene\nsummary: Kort.\n"
    assert page.body == "## Første del\n\nTekst."
    assert page.body_line == 6 and PAGE.splitlines()[page.body_line - 1] == "## Første del"
    assert page.head == "---\ntitle: Lovene\nsummary: Kort.\n---"
    assert page.line_of("summary") == 3 and page.line_of("id") is None


def test_the_body_starts_where_mkdocs_starts_the_markdown_it_hands_plugins():
    from mkdocs.utils.meta import get_data

    for text in (PAGE, "---\ntitle: T\n---\nTekst.\n", "---\ntitle: T\n---\n\n\n\nTekst.\n"):
        markdown, _ = get_data(text)
        page = frontmatter.split(text)
        assert page.body == markdown.rstrip()
        assert text.splitlines()[page.body_offset] == markdown.splitlines()[0]


def test_a_page_without_front_matter_is_all_body():
    page = frontmatter.split("\nBare tekst.\n")
    assert not page.present and page.meta == {} and page.body == "Bare tekst." and page.body_line == 2


def test_front_matter_that_is_not_a_mapping_has_no_fields():
    assert frontmatter.split("---\n- en liste\n---\nTekst.").meta == {}


def test_a_yaml_mistake_is_raised_with_its_line_in_the_front_matter():
    with pytest.raises(yaml.YAMLError) as raised:
        frontmatter.split("---\ntitle: T\nsummary: a: b\n---\nTekst.")
    # problem_mark counts from 0 at the line after the opening ---: the file's line 3 is mark line 1.
    assert raised.value.problem_mark.line + 2 == 3


def test_a_key_written_twice_is_refused_as_the_build_refuses_it():
    with pytest.raises(yaml.YAMLError, match="står to ganger"):
        frontmatter.split("---\ntitle: A\ntitle: B\n---\n")


def _problems(tmp_path, text: str) -> list:
    with pytest.raises(ContentError) as raised:
        load_fixture(extra=[("kapitler/ny.md", text)])
    return [error for error in raised.value.errors if error.path == "docs/kapitler/ny.md"]


def test_author_errors_name_the_files_own_line_numbers(tmp_path):
    text = "---\nid: ny\ntitle: Ny\nsummary: Kort.\nlast_reviewed: 2026-11-31\n---\n"
    [error] = _problems(tmp_path, text)
    assert "2026-11-31" in error.message and error.line == 5

    text = "---\nid: ny\ntitle: Ny\nsummary: [\n---\n"
    [error] = _problems(tmp_path, text)
    assert "YAML" in error.message and error.line is not None and error.line >= 4


def test_a_body_mistake_is_named_at_its_line_in_the_file(tmp_path):
    chapter = (FIXTURE / "docs/kapitler/lovene.md").read_text(encoding="utf-8")
    page = frontmatter.split(chapter)
    text = page.head.replace("id: lovene", "id: ny") + "\n\n\nFørste avsnitt.\n\n# En tittel til\n"
    titles = [error for error in _problems(tmp_path, text) if "én #" in error.message]
    assert [error.line for error in titles] == [text.splitlines().index("# En tittel til") + 1]


def test_a_field_error_is_named_at_the_fields_line(tmp_path):
    chapter = (FIXTURE / "docs/kapitler/lovene.md").read_text(encoding="utf-8")
    head = frontmatter.split(chapter).head.replace("id: lovene", "id: ny")
    text = head.replace("\nsummary:", "\nsummary: \nsummary_old:", 1) + "\n\nTekst.\n"
    found = {error.field: error.line for error in _problems(tmp_path, text) if error.field}
    assert (
        found["summary_old"]
        == text.splitlines().index(next(line for line in text.splitlines() if line.startswith("summary_old:"))) + 1
    )
