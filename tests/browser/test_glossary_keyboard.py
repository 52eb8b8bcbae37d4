"""Glossary explanations from the keyboard: Tab reaches a glossary word, its explanation shows, Esc hides it
without moving focus (WCAG 2.1.1 and 1.4.13), and the next word shows its own."""

from __future__ import annotations

from playwright.sync_api import expect

CHAPTER = "kapitler/samhandling/"


def tab_to_glossary_word(page, limit: int = 250) -> str:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.tagName") == "ABBR":
            return page.evaluate("() => document.activeElement.textContent")
    raise AssertionError("Tab never reached a glossary word")


def test_a_glossary_explanation_opens_and_closes_from_the_keyboard(guarded_page, served_site):
    page, problems = guarded_page
    page.goto(served_site + CHAPTER)
    explanations = page.locator("article abbr[title]").evaluate_all("words => words.map(w => w.title)")
    assert len(explanations) >= 2
    tab_to_glossary_word(page)
    tooltip = page.locator(".md-tooltip2--active")
    expect(tooltip).to_have_text(explanations[0])
    described = page.evaluate("() => document.activeElement.getAttribute('aria-describedby')")
    expect(page.locator(f"#{described}")).to_have_text(explanations[0])  # a screen reader hears it too

    page.keyboard.press("Escape")
    expect(page.locator(".md-tooltip2--active")).to_be_hidden()
    assert page.evaluate("() => document.activeElement.tagName") == "ABBR", "Esc must not move focus"

    tab_to_glossary_word(page)
    expect(page.locator(".md-tooltip2--active")).to_have_text(explanations[1])
    assert problems == []
