"""«Test deg selv»: the question files (data/selvtest/<chapter-id>.yml) and what an author is told about them, on the
fixture's «Lovene» (two learning goals, three questions; tests/fixtures/site/)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from macros.content.errors import ContentError
from macros.content.site import sections
from tests.helpers import FIXTURE, fixture_site, load_fixture

CHAPTER = "lovene"


def good() -> dict:
    return yaml.safe_load((FIXTURE / f"data/selvtest/{CHAPTER}.yml").read_text(encoding="utf-8"))


def problems_with(tmp_path: Path, content: dict | str, name: str = CHAPTER) -> str:
    """Load the fixture with one question file replaced; return what the author is told."""
    data = tmp_path / f"data-{len(list(tmp_path.iterdir()))}"
    shutil.copytree(FIXTURE / "data", data)
    text = content if isinstance(content, str) else yaml.safe_dump(content, allow_unicode=True, sort_keys=False)
    (data / "selvtest" / f"{name}.yml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_fixture(data)
    message = str(caught.value)
    assert "Traceback" not in message and "pydantic" not in message and "https://errors" not in message
    return message


def test_the_questions_load_with_their_chapter():
    check = fixture_site().chapters[CHAPTER].self_check
    assert check is not None and [question.goal for question in check.questions] == [1, 2, 2]


def test_section_anchors_are_made_as_the_toc_makes_them():
    body = "## Hvem er helsepersonell?\n\n### Kl. 07.30: Morgenmøtet\n\n## Med [lenke](x.md) { #egen-id }\n```\n## ikke\n```\n"
    assert list(sections(body)) == ["hvem-er-helsepersonell", "kl-0730-morgenmøtet", "egen-id"]


def _change(number: int, **fields: object) -> dict:
    data = good()
    data["questions"][number - 1].update(fields)
    return data


def _without(number: int, field: str) -> dict:
    data = good()
    del data["questions"][number - 1][field]
    return data


CASES = {
    "unknown goal": (
        lambda: _change(2, goal=9),
        ["data/selvtest/lovene.yml", "questions nr. 2, goal", "læringsmål 9", "bare 2"],
    ),
    "no correct option": (
        lambda: _change(1, options=[{"text": "A", "feedback": "Nei."}, {"text": "B", "feedback": "Nei."}]),
        ["questions nr. 1", "ingen riktige svar", "correct: true"],
    ),
    "two correct in single": (
        lambda: _change(
            3, options=[{"text": "A", "correct": True, "feedback": "Ja."}, {"text": "B", "correct": True, "feedback": "Ja."}]
        ),
        ["questions nr. 3", "nøyaktig ett riktig svar", "multiple"],
    ),
    "option without feedback": (
        lambda: _change(3, options=[{"text": "A", "correct": True}, {"text": "B", "feedback": "Nei."}]),
        ["questions nr. 3, options nr. 1, feedback", "mangler"],
    ),
    "unknown section": (
        lambda: _change(3, section="finnes-ikke"),
        ["questions nr. 3, section", "«finnes-ikke»", "hvem-loven-gjelder"],
    ),
    "unknown kind": (lambda: _change(1, kind="essay"), ["questions nr. 1", "ukjente typen «essay»", "true_false"]),
    "too few questions": (lambda: {"questions": good()["questions"][:2]}, ["questions", "minst 3"]),
    "too many questions": (lambda: {"questions": good()["questions"] * 3}, ["questions", "høyst 6"]),
    "one goal only": (
        lambda: {"questions": [{**q, "goal": 1} for q in good()["questions"]]},
        ["bare ett læringsmål", "minst to"],
    ),
    "true/false without reason": (lambda: _without(2, "feedback"), ["questions nr. 2", "feedback"]),
    "misspelt field": (lambda: _change(1, feedbak="x"), ["questions nr. 1, feedbak", "ikke et kjent felt"]),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_mistake_gets_a_plain_message_naming_file_question_and_field(tmp_path, case):
    make, expected = CASES[case]
    message = problems_with(tmp_path, make())
    for words in expected:
        assert words in message, f"{case}: «{words}» not in:\n{message}"


def test_a_file_for_no_chapter_and_broken_yaml_are_named(tmp_path):
    assert "Ingen kapitler har id-en «ukjent»" in problems_with(tmp_path, good(), name="ukjent")
    message = problems_with(tmp_path, "questions:\n  - goal: 1\n   kind: single\n")
    assert "data/selvtest/lovene.yml" in message and "ikke gyldig YAML" in message


def test_every_problem_is_reported_at_once(tmp_path):
    data = good()
    data["questions"][0]["goal"] = 9
    data["questions"][1]["section"] = "borte"
    message = problems_with(tmp_path, data)
    assert "questions nr. 1, goal" in message and "questions nr. 2, section" in message
