"""A path that begins and ends, in real headless Chromium: the student path from the landing page to its ending,
read without a single extra tap: reaching a chapter's end (or answering its self-check) counts it as read."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.helpers import repository_site

PATH = "studenter"
MARKS = {"met": "✓ Nådd", "unmet": "Ikke nådd ennå", "untried": "Ikke prøvd"}


def expected_goal_marks(chapter_id: str, answered_right: dict[int, bool]) -> list[str]:
    """What the ending should say of each of the chapter's goals, worked out from the data, not from the page:
    met when every question on the goal was answered right, not yet met when one was answered and not all were
    right, not tried when none was answered."""
    chapter = repository_site().chapters[chapter_id]
    questions = chapter.self_check.questions if chapter.self_check else []
    marks = []
    for number in range(1, len(chapter.meta.learning_goals) + 1):
        on_goal = [n for n, q in enumerate(questions, start=1) if q.goal == number]
        asked = [n for n in on_goal if n in answered_right]
        if not asked:
            marks.append(MARKS["untried"])
        elif all(answered_right.get(n) for n in on_goal):
            marks.append(MARKS["met"])
        else:
            marks.append(MARKS["unmet"])
    return marks


def answer_every_question(page, wrong: int) -> dict[int, bool]:
    """Answer the chapter's self-check as a reader does (choose, then «Sjekk svaret»); question `wrong` wrongly,
    the others by the answers the page itself holds. Returns question number → answered right."""
    answered = {}
    for fieldset in page.locator("fieldset.intro-question").all():
        number = int(fieldset.get_attribute("data-question"))
        kind = fieldset.get_attribute("data-kind")
        if kind == "reflection":
            fieldset.get_by_role("button", name="Vis et godt svar").click()
            answered[number] = True
            continue
        options = fieldset.locator(".intro-answer [data-option]")
        right = [o.get_attribute("data-option") for o in options.all() if o.get_attribute("data-correct") == "true"]
        everything = [o.get_attribute("data-option") for o in options.all()]
        chosen = [next(v for v in everything if v not in right)] if number == wrong else right
        for value in chosen:
            fieldset.locator(f'input[value="{value}"]').check()
        fieldset.get_by_role("button", name="Sjekk svaret").click()
        answered[number] = number != wrong
    return answered


def read_to_the_end(page, chapter_id: str) -> None:
    """Read the chapter as a reader does: scroll down through it. No button."""
    page.locator("body").press("End")
    page.wait_for_function(
        "id => (JSON.parse(localStorage.getItem('intro.progress') || '{}'))[id] === true", arg=chapter_id, timeout=5000
    )


def visible_next_links(page) -> int:
    return page.get_by_role("link", name=re.compile(r"\bNeste\b")).filter(visible=True).count()


def walk_the_student_path(page, start: str, landing: str) -> None:
    page.goto(start)
    steps = page.locator(".intro-path a[data-step]")
    total = steps.count()
    titles = [steps.nth(i).inner_text() for i in range(total)]
    ids = [steps.nth(i).get_attribute("data-step") for i in range(total)]
    # The group page begins with one button into its path: «Start stien», to the first chapter.
    page.get_by_role("link", name="Start stien").click()
    answered: dict[int, bool] = {}

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
            # The group page offers to continue here too, instead of starting over.
            page.goto(start)
            expect(page.locator(".intro-path-start-link")).to_have_text(f"Fortsett med «{titles[2]}»")
            page.locator(".intro-path-start-link").click()
            expect(page.get_by_role("heading", level=1)).to_have_text(titles[2])
            # Take the self-check in this chapter (the first question wrong), so the ending has results to mark.
            answered = answer_every_question(page, wrong=1)
        read_to_the_end(page, ids[number - 1])
        if number < total:
            page.locator(".intro-path-nav:visible .intro-path-next").click()

    page.get_by_role("link", name="Fullfør stien for studenter").click()
    end = page.locator(f'.intro-path-end[data-path="{PATH}"]')
    expect(end).to_be_visible()
    # The ending opens at its top: focus on its heading, and the heading on screen below the header.
    heading = end.get_by_role("heading", level=2, name="Du er ferdig med stien for studenter")
    expect(heading).to_be_focused()
    expect(heading).to_be_in_viewport()
    header_bottom = page.locator(".md-header").bounding_box()["height"]
    assert heading.bounding_box()["y"] >= header_bottom - 1, "the heading is under the header"
    for title in titles:
        expect(end).to_contain_text(title)
    # What was read, and every goal marked; the counts say the same as the marks.
    marks = {chapter: expected_goal_marks(chapter, answered if chapter == ids[2] else {}) for chapter in ids}
    for chapter, wanted in marks.items():
        shown = end.locator(f'.intro-goal[data-chapter="{chapter}"] + .intro-goal-state').all_inner_texts()
        assert [text.removeprefix("– ") for text in shown] == wanted, chapter
    every = [mark for wanted in marks.values() for mark in wanted]
    expect(end.locator(".intro-path-end-count")).to_have_text(
        f"Du har lest {total} av {total} kapitler i stien. Læringsmål: {every.count(MARKS['met'])} nådd, "
        f"{every.count(MARKS['unmet'])} ikke nådd ennå, {every.count(MARKS['untried'])} ikke prøvd."
    )
    assert every.count(MARKS["met"]) > 0 and every.count(MARKS["unmet"]) > 0
    met_here = marks[ids[2]].count(MARKS["met"])
    expect(end).to_contain_text(
        f"Test deg selv: {len(answered)} av {len(answered)} spørsmål besvart, {met_here} av {len(marks[ids[2]])} læringsmål nådd."
    )
    expect(end.locator(".intro-path-end-read")).to_have_text(["(lest)"] * total)
    expect(end.get_by_role("button", name="Skriv ut oppsummeringen")).to_be_visible()
    expect(end.get_by_role("link", name="Stien for nyansatte")).to_be_visible()
    # No footer «Neste» leads away to another group under the ending.
    assert page.locator(".md-footer__link").filter(visible=True).count() == 0

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
    assert ids[2] not in stored.get("intro.selfcheck", "{}")
    assert ids[0] not in stored.get("intro.progress", "{}")
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


def test_reading_to_the_end_without_a_path_stores_nothing_and_a_started_path_remembers_it(guarded_page, served_site):
    """Keeping track of what was read is the service a reader asks for by starting a path (the privacy statement
    stores it without consent on that ground): without a path, reaching a chapter's end writes nothing; a chapter
    of the path the reader started is counted read."""
    page, problems = guarded_page
    chapter = repository_site().paths[PATH].steps[0]
    page.goto(served_site + f"kapitler/{chapter}/")
    page.locator("body").press("End")
    page.wait_for_function("() => window.scrollY + innerHeight >= document.documentElement.scrollHeight - 1")
    page.wait_for_timeout(500)  # two animation frames are more than enough for the end to be noticed
    assert page.evaluate("() => localStorage.getItem('intro.progress')") is None
    page.goto(served_site + f"kapitler/{chapter}/?sti={PATH}")
    read_to_the_end(page, chapter)
    assert problems == []


def test_the_path_ending_passes_axe(browser, served_site):
    from tests.browser.axe import audit

    def finished(page) -> None:
        page.goto(served_site + "perspektiver/studenter/?sti=studenter&ferdig=1")
        page.locator(".intro-path-end").wait_for()

    def continuing(page) -> None:
        page.goto(served_site + f"kapitler/{repository_site().paths[PATH].steps[1]}/?sti=studenter")
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


def test_every_group_page_has_one_start_button_to_its_paths_first_chapter_and_no_footer_to_another_group(
    guarded_page, served_site
):
    page, problems = guarded_page
    site = repository_site()
    for perspective in site.perspectives.values():
        if perspective.id not in site.paths:
            continue
        page.goto(served_site + perspective.start_page.removesuffix(".md") + "/")
        starts = page.get_by_role("link", name=re.compile(r"^(Start stien|Fortsett)"))
        expect(starts).to_have_count(1)
        first = site.chapters[site.paths[perspective.id].steps[0]]
        href = starts.get_attribute("href")
        assert href.split("?")[0].rstrip("/").endswith(first.src_uri.removesuffix(".md")), (perspective.id, href)
        assert f"sti={perspective.id}" in href
        # The button comes first: before the page's first heading under the title.
        assert page.evaluate(
            """() => { const start = document.querySelector('.intro-path-start');
                const h2 = document.querySelector('article h2');
                return !h2 || Boolean(start.compareDocumentPosition(h2) & Node.DOCUMENT_POSITION_FOLLOWING); }"""
        ), perspective.id
        assert page.locator(".md-footer__link").filter(visible=True).count() == 0, perspective.id
    assert problems == []


def test_the_read_mark_set_on_the_way_down_survives_a_tap_that_lands_with_it_and_a_later_tap_takes_it_off(
    guarded_page, served_site
):
    """The button stands below the chapter's end: jumping to it reaches the end first, and the label changes just
    before the tap. That tap confirms the mark; one made after the reader could see «Lest ✓» takes it off."""
    page, problems = guarded_page
    page.goto(served_site + "kapitler/lovene/", wait_until="networkidle")
    button = page.locator(".intro-done")
    expect(button).to_have_attribute("aria-pressed", "false")
    page.get_by_role("button", name="Merk kapitlet som lest").click()
    expect(button).to_have_attribute("aria-pressed", "true")
    page.wait_for_timeout(1500)
    page.get_by_role("button", name="Lest ✓ (trykk for å angre)").click()
    expect(button).to_have_attribute("aria-pressed", "false")
    assert "lovene" not in page.evaluate("localStorage.getItem('intro.progress') || '{}'")
    assert problems == []
