"""«Test deg selv» in real headless Chromium: answer wrong and right, read why, reload and find the result.

Online over HTTP, and over file:// from the unpacked offline zip.
"""

from __future__ import annotations

from playwright.sync_api import expect

CHAPTER = "kapitler/en-dag-i-tjenestene/"


def answer_and_reload(page) -> None:
    first = page.locator("#sporsmal-1")
    # Wrong first: the verdict is in words, and the reason and the section to read are given.
    first.get_by_label("Medisindispenseren hennes piper").check()
    first.get_by_role("button", name="Sjekk svaret").click()
    feedback = first.locator(".intro-feedback")
    expect(feedback).to_be_focused()
    expect(feedback).to_contain_text("✗ Ikke helt riktig.")
    expect(feedback).to_contain_text("Den varsler ikke om fall.")
    expect(feedback).to_contain_text("Riktig svar er:")
    expect(feedback.get_by_role("link", name="Kl. 10.40: Trygghetsalarmen går")).to_be_visible()

    # Then right.
    first.get_by_label("Hun trykker på trygghetsalarmen").check()
    first.get_by_role("button", name="Sjekk svaret").click()
    expect(feedback).to_contain_text("✓ Riktig.")
    expect(feedback).to_contain_text("Du valgte riktig:")

    # Multiple choice: one right, one wrong chosen.
    third = page.locator("#sporsmal-3")
    third.get_by_label("Det er en seng i kommunen").check()
    third.get_by_label("Pasienten betaler en egenandel").check()
    third.get_by_role("button", name="Sjekk svaret").click()
    expect(third.locator(".intro-feedback")).to_contain_text("Du valgte, men det er feil:")
    expect(third.locator(".intro-feedback")).to_contain_text("Dette er også riktig:")

    summary = page.locator(".intro-selfcheck-summary")
    expect(summary).to_contain_text("Du har svart på 2 av 6 spørsmål. 1 av 5")
    expect(summary).to_contain_text("gi eksempler på hvordan velferdsteknologi brukes i hverdagen")

    page.reload()
    first = page.locator("#sporsmal-1")
    expect(first.get_by_label("Hun trykker på trygghetsalarmen")).to_be_checked()
    expect(first.locator(".intro-feedback")).to_contain_text("✓ Riktig.")
    expect(page.locator(".intro-selfcheck-summary")).to_contain_text("Du har svart på 2 av 6 spørsmål.")
    met = page.locator(".intro-selfcheck-summary ul").first
    expect(met).to_contain_text("velferdsteknologi")
    stored = page.evaluate("() => JSON.parse(localStorage.getItem('intro.selfcheck'))")
    assert stored["en-dag-i-tjenestene"]["answers"]["1"] == {"chosen": ["2"], "right": True}
    assert page.context.cookies() == []

    # «Svar på nytt» forgets it.
    page.get_by_role("button", name="Svar på nytt").click()
    expect(page.locator(".intro-selfcheck-summary")).to_be_hidden()
    assert "en-dag-i-tjenestene" not in page.evaluate("() => JSON.parse(localStorage.getItem('intro.selfcheck'))")


def test_self_check_online(guarded_page, served_site):
    page, problems = guarded_page
    page.goto(served_site + CHAPTER)
    answer_and_reload(page)
    assert problems == []


def test_self_check_over_file_from_the_offline_zip(offline_page, offline_dir):
    page, problems = offline_page
    page.goto((offline_dir / "kapitler/en-dag-i-tjenestene.html").as_uri())
    answer_and_reload(page)
    assert problems == []


def test_without_javascript_the_answers_open_on_demand(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + CHAPTER)
    first = page.locator("#sporsmal-1")
    expect(first.get_by_role("button", name="Sjekk svaret")).to_be_hidden()
    expect(first.get_by_text("Den varsler ikke om fall.")).to_be_hidden()
    first.get_by_text("Vis svar").click()
    expect(first.get_by_text("Den varsler ikke om fall.")).to_be_visible()
    context.close()


def answer_everything(page) -> None:
    """Every question answered (some wrong), every «Vis svar» open: all the self-check can show at once."""
    for fieldset in page.locator("form.intro-selfcheck fieldset").all():
        options = fieldset.locator("input")
        if options.count():
            options.first.check()
        fieldset.locator(".intro-check").click()
        fieldset.locator("summary").click()


def test_self_check_answered_passes_axe(browser, served_site):
    from tests.browser.axe import audit

    violations = audit(browser, served_site, [CHAPTER], prepare=answer_everything)
    assert not violations, "\n".join(violations)
