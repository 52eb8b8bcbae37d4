import datetime as dt

import pytest
from pydantic import ValidationError

from macros.content.model import ChapterMeta, GlossaryTerm
from tests.helpers import VALID


def test_a_complete_chapter_is_valid():
    assert ChapterMeta.model_validate(VALID).id == "lovene"


@pytest.mark.parametrize(
    "change",
    [
        {"id": "Lovene med Store"},
        {"summary": "Ingen punktum"},
        {"perspectives": []},
        {"learning_goals": ["bare ett"]},
        {"sources": VALID["sources"][:2]},
        {"next_review": dt.date(2026, 1, 1)},
        {"tittel": "stavefeil i feltnavn"},
    ],
)
def test_invalid_front_matter_is_rejected(change):
    with pytest.raises(ValidationError):
        ChapterMeta.model_validate({**VALID, **change})


def test_glossary_definitions_end_with_a_full_stop():
    with pytest.raises(ValidationError):
        GlossaryTerm.model_validate({"term": "KAD", "definition": "Uten punktum", "english": "x"})
