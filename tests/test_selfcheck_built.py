"""«Test deg selv» in the built HTML: a real form, and every answer there for a reader without JavaScript."""

from __future__ import annotations

import json

import pytest

from macros.site import load_site
from tests.conftest import ROOT

CHAPTER = "kapitler/en-dag-i-tjenestene/index.html"


@pytest.fixture(scope="module")
def questions():
    site = load_site(ROOT / "data", [(str(p.relative_to(ROOT / "docs")), p.read_text(encoding="utf-8"))
                                     for p in (ROOT / "docs").rglob("*.md")])
    return site.chapters["en-dag-i-tjenestene"].self_check.questions


def test_self_check_is_a_form_of_fieldsets_before_the_key_points(html, questions):
    page = html(CHAPTER)
    headings = [h.text(deep=True).rstrip("¶").strip() for h in page.css("article h2")]
    assert headings.index("Test deg selv") == headings.index("Viktige punkter") - 1
    form = page.css_first("form.intro-selfcheck")
    fieldsets = form.css("fieldset.intro-question")
    assert len(fieldsets) == len(questions)
    for fieldset, question in zip(fieldsets, questions):
        assert question.question in fieldset.css_first("legend").text()
        inputs = fieldset.css("input")
        if question.kind == "reflection":
            assert fieldset.css_first("textarea") is not None
            continue
        expected = {"single": "radio", "true_false": "radio", "multiple": "checkbox"}[question.kind]
        assert inputs and {i.attributes["type"] for i in inputs} == {expected}
        for item in inputs:
            label = fieldset.css_first(f'label[for="{item.attributes["id"]}"]')
            assert label is not None and label.text().strip()


def test_without_javascript_every_answer_and_reason_is_in_a_details(html, questions):
    form = html(CHAPTER).css_first("form.intro-selfcheck")
    for fieldset, question in zip(form.css("fieldset.intro-question"), questions):
        answer = fieldset.css_first("details.intro-answer")
        assert answer.css_first("summary").text().startswith("Vis svar")
        text = answer.text()
        for option in question.options or []:
            assert option.feedback in text
            marker = "✓ Riktig svar:" if option.correct else "✗ Feil svar:"
            assert f"{marker} {option.text}" in text
        for reason in (question.feedback, question.model_answer):
            if reason:
                assert reason in text
        link = answer.css_first(".intro-answer-section a").attributes["href"]
        assert html(CHAPTER).css_first(f'[id="{link[1:]}"]') is not None, link
        # The JavaScript controls are there, but hidden until the script shows them.
        assert "hidden" in fieldset.css_first(".intro-question-actions").attributes


def test_the_search_index_holds_no_answers(site_dir, questions):
    index = (site_dir / "search/search_index.json").read_text(encoding="utf-8")
    for question in questions:
        assert json.dumps(question.question, ensure_ascii=False)[1:-1] not in index
        for option in question.options or []:
            assert json.dumps(option.feedback, ensure_ascii=False)[1:-1] not in index
