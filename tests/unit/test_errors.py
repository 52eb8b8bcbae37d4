import pytest
import yaml
from pydantic import ValidationError

from macros.content.errors import AuthorError, ContentError, from_validation, from_yaml, line_of_key
from macros.content.model import ChapterMeta, Source


def test_line_of_key_counts_the_opening_fence():
    front = "\nid: x\ntitle: y\n"
    assert line_of_key(front, "title") == 3
    assert line_of_key(front, "summary") is None


def test_missing_field_is_named_in_norwegian():
    with pytest.raises(ValidationError) as caught:
        Source.model_validate({"title": "T", "publisher": "P"})
    [error] = from_validation("docs/kapitler/x.md", caught.value)
    assert error.field == "url" and "mangler" in error.message


def test_nested_field_is_numbered_from_one():
    with pytest.raises(ValidationError) as caught:
        ChapterMeta.model_validate({"sources": [{"title": "T", "publisher": "P", "url": "ikke en adresse"}]})
    names = {e.field for e in from_validation("f.md", caught.value)}
    assert "sources nr. 1, url" in names


def test_bad_date_explains_the_format():
    with pytest.raises(ValidationError) as caught:
        Source.model_validate({"title": "T", "publisher": "P", "url": "https://x.no", "year": "i fjor"})
    [error] = from_validation("f.md", caught.value)
    assert "årstall" in error.message


def test_yaml_error_gives_the_line_in_the_file():
    text = "id: x\ntitle: [uavsluttet\nsummary: y\n"
    with pytest.raises(yaml.YAMLError) as caught:
        yaml.safe_load(text)
    error = from_yaml("docs/kapitler/x.md", caught.value)
    assert error.line is not None and error.line >= 3
    assert "YAML" in error.message and "anførselstegn" in error.message


def test_content_error_lists_every_problem():
    error = ContentError([AuthorError("a.md", "feil en.", line=2), AuthorError("b.md", "feil to.", field="id")])
    assert "2 feil" in str(error)
    assert "a.md, linje 2: feil en." in str(error)
    assert "b.md: feltet «id» feil to." in str(error)
