"""«Test deg selv» in the built HTML: a real form, and every answer there for a reader without JavaScript."""

from __future__ import annotations

import json

import pytest

from macros.content.site import load_site
from tests.helpers import ROOT

CHAPTER = "kapitler/en-dag-i-tjenestene/index.html"


@pytest.fixture(scope="module")
def questions():
    site = load_site(
        ROOT / "data", [(str(p.relative_to(ROOT / "docs")), p.read_text(encoding="utf-8")) for p in (ROOT / "docs").rglob("*.md")]
    )
    return site.chapters["en-dag-i-tjenestene"].self_check.questions


def test_self_check_is_a_form_of_fieldsets_before_the_key_points(html, questions):
    page = html(CHAPTER)
    headings = [h.text(deep=True).rstrip("¶").strip() for h in page.css("article h2")]
    assert headings.index("Test deg selv") == headings.index("Viktige punkter") - 1
    form = page.css_first("form.intro-selfcheck")
    fieldsets = form.css("fieldset.intro-question")
    assert len(fieldsets) == len(questions)
    for fieldset, question in zip(fieldsets, questions, strict=True):
        # The question as written; long words may break between syllables (soft hyphens) on a narrow screen.
        assert question.question in fieldset.css_first("legend").text().replace("\u00ad", "")
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
    for fieldset, question in zip(form.css("fieldset.intro-question"), questions, strict=True):
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
    index = "".join(path.read_text(encoding="utf-8") for path in (site_dir / "search").glob("*.js*"))
    for question in questions:
        assert json.dumps(question.question, ensure_ascii=False)[1:-1] not in index
        for option in question.options or []:
            assert json.dumps(option.feedback, ensure_ascii=False)[1:-1] not in index


def test_programme_page_links_its_self_checks_and_both_sheets(html):
    section = html("programmer/forste-mote/index.html").css_first("article")
    links = {a.text().strip(): a.attributes["href"] for a in section.css("a")}
    assert links["Test deg selv: En dag i tjenestene"] == "../../kapitler/en-dag-i-tjenestene/#test-deg-selv"
    assert links["Spørreark uten svar, til deltakerne"] == "../forste-mote-sporreark.html"
    assert links["Fasitark med svar og forklaringer, til kursholderen"] == "../forste-mote-fasit.html"


def test_quiz_sheet_has_the_questions_and_no_answers_and_the_facilitator_sheet_has_them(html):
    from macros.rendering.quiz_sheets import parts
    from tests.helpers import repository_site

    site = repository_site()
    quiz = html("programmer/forste-mote-sporreark.html")
    facit = html("programmer/forste-mote-fasit.html")
    quiz_text, facit_text = quiz.body.text(), facit.body.text()
    assert quiz.css_first("h1").text() == "Spørreark: Første møte med sektoren"
    # The questions the programme picked for the day's goals (data/programmes/forste-mote.yml, quiz).
    questions = [question for part in parts(site, "programmer/forste-mote.md") for question in part.questions]
    assert len(questions) == len(quiz.css("p.intro-sheet-question")) >= 3
    for question in questions:
        assert question.question in quiz_text and question.question in facit_text
        for option in question.options or []:
            assert option.text in quiz_text
            assert option.feedback not in quiz_text and option.feedback in facit_text
        for reason in (question.feedback, question.model_answer):
            if reason:
                # A true/false verdict is said once: «✓ Riktig: Usant.», then the reason without its own «Usant.».
                said = reason.removeprefix("Sant. ").removeprefix("Usant. ")
                assert said not in quiz_text and said in facit_text
    assert "✓ Riktig" not in quiz_text and "✓ Riktig" in facit_text
    assert quiz.css_first('link[rel="stylesheet"]').attributes["href"] == "../assets/stylesheets/intro-ark.css"
