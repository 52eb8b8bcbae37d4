"""A path that begins and ends, in real headless Chromium: the student path from the landing page to its ending."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.helpers import repository_site

SITE = repository_site()

PATH = "studenter"


def visible_next_links(page) -> int:
    return page.get_by_role("link", name=re.compile(r"\bNeste\b")).filter(visible=True).count()


def walk_the_student_path(page, start: str, landing: str) -> None:
    page.goto(start)
    steps = page.locator(".intro-path a[data-step]")
    total = steps.count()
    titles = [steps.nth(i).inner_text() for i in range(total)]
    steps.nth(0).click()

    for number in range(1, total + 1):
        expect(page.locator(".intro-path-position:visible")).to_have_text(f"Steg {number} av {total} i stien for studenter")
        expect(page.get_by_role("heading", level=1)).to_have_text(titles[number - 1])
        # One «Neste», the path's own: Material's footer is out of the way.
        expect(page.locator(".md-footer__inner")).to_be_hidden()
        assert visible_next_links(page) == (1 if number < total else 0)
        if number == 3:
            # Leave half way; the landing page offers to continue here.
            page.goto(landing)
            box = page.locator(".intro-continue-box")
            expect(box).to_contain_text("Fortsett der du slapp")
            expect(box).to_contain_text(f"Du er på steg 3 av {total} i stien for studenter.")
            box.get_by_role("link", name=f"Fortsett med «{titles[2]}»").click()
            expect(page.get_by_role("heading", level=1)).to_have_text(titles[2])
            # Take the self-check in this chapter, so the ending has a result to show.
            first = page.locator("#sporsmal-1")
            if first.count():
                first.locator("input").nth(1).check()
                first.get_by_role("button", name="Sjekk svaret").click()
        if number < total:
            page.locator(".intro-path-nav:visible .intro-path-next").click()

    page.get_by_role("link", name="Fullfør stien for studenter").click()
    end = page.locator(f'.intro-path-end[data-path="{PATH}"]')
    expect(end).to_be_visible()
    expect(end).to_be_focused()
    expect(end.get_by_role("heading", level=2)).to_have_text("Du er ferdig med stien for studenter")
    for title in titles:
        expect(end).to_contain_text(title)
    # One question answered in the third chapter of the path (data/paths.yml), out of all its questions.
    third = SITE.chapters[SITE.paths[PATH].steps[2]]
    expect(end).to_contain_text(f"Test deg selv: 1 av {len(third.self_check.questions)} spørsmål besvart")
    expect(end.get_by_role("button", name="Skriv ut oppsummeringen")).to_be_visible()
    expect(end.get_by_role("link", name="Stien for nyansatte")).to_be_visible()

    # Reload: the ending stays; the landing page says the path is done.
    page.reload()
    expect(end).to_be_visible()
    page.goto(landing)
    expect(page.locator(".intro-continue-box")).to_contain_text("Du er ferdig med stien for studenter.")
    page.get_by_role("link", name="Se oppsummeringen av stien for studenter").click()
    expect(end).to_be_visible()

    # «Start på nytt» forgets the path, its progress and its self-check results.
    end.get_by_role("button", name="Start på nytt").click()
    expect(page.locator(f'.intro-path-end[data-path="{PATH}"]')).to_be_hidden()
    stored = page.evaluate("() => Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage[k]]))")
    assert PATH not in stored.get("intro.pathFinished", "{}")
    assert PATH not in stored.get("intro.pathPlace", "{}")
    assert "en-dag-i-tjenestene" not in stored.get("intro.selfcheck", "{}")
    page.goto(landing)
    expect(page.locator(".intro-continue-box")).to_have_count(0)
    assert page.context.cookies() == []


def test_student_path_from_start_to_end_online(guarded_page, served_site):
    page, problems = guarded_page
    walk_the_student_path(page, served_site + "perspektiver/studenter/", served_site)
    assert problems == []


def test_student_path_from_start_to_end_over_file(offline_page, offline_dir):
    page, problems = offline_page
    walk_the_student_path(page, (offline_dir / "perspektiver/studenter.html").as_uri(), (offline_dir / "index.html").as_uri())
    assert problems == []


def test_the_path_ending_passes_axe(browser, served_site):
    from tests.browser.axe import audit

    def finished(page) -> None:
        page.goto(served_site + "perspektiver/studenter/?sti=studenter&ferdig=1")
        page.locator(".intro-path-end").wait_for()

    def continuing(page) -> None:
        page.goto(served_site + f"kapitler/{SITE.paths[PATH].steps[1]}/?sti=studenter")
        page.goto(served_site)
        page.locator(".intro-continue-box").wait_for()

    assert not audit(browser, served_site, ["perspektiver/studenter/"], prepare=finished)
    assert not audit(browser, served_site, [""], prepare=continuing)


def test_student_path_on_a_phone_has_one_next_per_chapter_and_the_position_first(browser, served_site):
    from tests.helpers import guard

    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    problems = guard(context, served_site)
    page = context.new_page()
    walk_the_student_path(page, served_site + "perspektiver/studenter/", served_site)
    context.close()
    assert problems == []
