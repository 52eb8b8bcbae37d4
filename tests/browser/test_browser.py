"""In real headless Chromium: a reader follows a perspective card and lands on its path."""

from playwright.sync_api import expect


def test_follow_a_perspective_card_without_errors(guarded_page, served_site):
    page, problems = guarded_page
    page.goto(served_site, wait_until="networkidle")
    card = page.locator("a.intro-card", has_text="Pårørende")
    assert card.bounding_box()["height"] >= 44, "the card is not a big enough tap target"
    card.get_by_text("Du hjelper", exact=False).click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/perspektiver/parorende/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("For pårørende")
    assert page.locator(".intro-path a[data-step]").count() >= 5
    assert problems == []


def test_a_diagram_is_a_finished_image_with_its_title_as_alt_text(guarded_page, served_site):
    page, problems = guarded_page
    page.goto(served_site + "kapitler/samhandling/", wait_until="networkidle")
    diagram = page.get_by_role("img", name="Veien fra sykehuset og hjem igjen")
    assert diagram.evaluate("img => img.complete && img.naturalWidth") > 300
    assert diagram.bounding_box()["height"] > 300
    page.set_viewport_size({"width": 390, "height": 844})
    diagram.click()
    assert page.url.endswith(".svg"), "a tap does not open the figure full size"
    assert problems == []


def test_path_navigation_keeps_the_reader_on_the_path_and_remembers_progress(guarded_page, served_site):
    page, problems = guarded_page
    page.goto(served_site + "perspektiver/studenter/")
    steps = page.locator(".intro-path a[data-step]")
    first, second = steps.nth(0).get_attribute("data-step"), steps.nth(1).get_attribute("data-step")
    steps.nth(0).click()
    assert f"/kapitler/{first}/" in page.url

    nav = page.locator('.intro-path-nav[data-path="studenter"]')
    expect(nav).to_be_visible()
    expect(page.locator(".intro-path-nav:visible")).to_have_count(1)

    page.get_by_role("button", name="Merk kapitlet som lest").click()
    expect(page.locator(".intro-done")).to_have_attribute("aria-pressed", "true")

    nav.locator(".intro-path-next").click()
    expect(page).to_have_url(f"{served_site}kapitler/{second}/?sti=studenter")
    expect(page.locator('.intro-path-nav[data-path="studenter"]')).to_be_visible()

    page.goto(served_site + "perspektiver/studenter/")
    expect(page.locator(".intro-path li").first).to_contain_text("Lest")
    expect(page.locator(".intro-path-progress")).to_have_text(f"Du har lest 1 av {steps.count()} kapitler i stien.")
    assert page.context.cookies() == []
    assert problems == []


COUNT_QUERIES = """() => {
  window.__queries = [];
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === 2) window.__queries.push(message.data);
    return post.apply(this, arguments);
  };
}"""


def test_typing_before_the_index_is_in_sends_only_the_newest_query_once_it_is(guarded_page, served_site):
    page, problems = guarded_page
    page.add_init_script(f"({COUNT_QUERIES})()")
    # The index is held on its way until the reader has typed the whole word.
    held = []
    page.context.route("**/search/intro-index.js", lambda route: held.append(route))
    page.goto(served_site)
    page.locator(".md-search__input").click(force=True)
    page.keyboard.type("hjemmesykepleien", delay=0)
    assert len(held) == 1 and page.evaluate("window.__queries") == []
    held[0].continue_()
    # Once the index is in, the worker is asked once, for the whole word; the results are for it.
    page.wait_for_function("() => window.__queries.at(-1) === 'hjemmesykepleien'", timeout=10000)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10000)
    assert page.evaluate("window.__queries") == ["hjemmesykepleien"]
    assert problems == []


def test_at_200_percent_zoom_on_a_phone_nothing_scrolls_sideways_or_breaks_mid_word(browser, served_site):
    context = browser.new_context(viewport={"width": 195, "height": 422})
    page = context.new_page()
    for path in ("", "kapitler/slik-far-du-hjelp/", "perspektiver/parorende/"):
        page.goto(served_site + path, wait_until="networkidle")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), f"{path} scrolls sideways"
        # A word broken at the edge makes a one-word name or a heading's word wrap onto a line of its own.
        broken = page.evaluate("""() => [...document.querySelectorAll('.intro-card__name, .md-typeset h1')]
            .filter(e => e.textContent.trim().split(/\\s+/).length === 1 &&
                         e.getBoundingClientRect().height > 1.6 * parseFloat(getComputedStyle(e).lineHeight))
            .map(e => e.textContent)""")
        assert broken == [], f"{path}: {broken} break mid-word"
    context.close()


def test_opening_a_search_result_sends_no_search_words_to_the_server(guarded_page, served_site):
    page, problems = guarded_page
    page.goto(served_site, wait_until="networkidle")
    page.locator(".md-search__input").click(force=True)
    page.keyboard.type("demens")
    first = page.locator(".md-search-result__item > a").first
    expect(first).to_be_visible(timeout=10000)
    assert "h=" not in (first.get_attribute("href") or "")
    first.click()
    page.wait_for_load_state()
    assert "demens" not in page.url and "?h=" not in page.url
    assert problems == []


CLIPPED = """() => {
    // A heading, a question or an answer wider than its own box, or than the screen, is cut off at the edge.
    const screen = document.documentElement.clientWidth;
    const found = [];
    for (const e of document.querySelectorAll(
        'article h1, article h2, article h3, .intro-selfcheck legend, .intro-option label, table.intro-figures th')) {
        if (!e.checkVisibility()) continue;
        const box = e.getBoundingClientRect();
        if (e.scrollWidth > e.clientWidth + 1 || box.right > screen + 1) found.push(e.tagName + ': ' + e.textContent.trim());
    }
    // A question stays inside its box, below the box's border: no border line runs through it.
    for (const fieldset of document.querySelectorAll('.intro-selfcheck fieldset')) {
        const legend = fieldset.querySelector('legend');
        const outer = fieldset.getBoundingClientRect(), inner = legend.getBoundingClientRect();
        const border = parseFloat(getComputedStyle(fieldset).borderTopWidth);
        if (inner.top < outer.top + border - 0.5 || inner.right > outer.right + 0.5 || inner.left < outer.left - 0.5)
            found.push('LEGEND in the border: ' + legend.textContent.trim());
    }
    return found;
}"""


def test_at_200_percent_zoom_on_a_phone_no_heading_is_clipped_and_no_quiz_question_leaves_its_box(browser, served_site):
    """The pages the user test named: «Slik er … organisert» (its title and its self-check), «Tall og satser», and a
    chapter with a self-check. A 390 px phone at 200 % is a 195 px wide screen."""
    context = browser.new_context(viewport={"width": 195, "height": 422})
    page = context.new_page()
    for path in ("kapitler/organisering/", "tall-og-satser/", "kapitler/en-dag-i-tjenestene/"):
        page.goto(served_site + path, wait_until="networkidle")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), f"{path} scrolls sideways"
        assert page.evaluate(CLIPPED) == [], path
        if path != "tall-og-satser/":
            assert page.locator(".intro-selfcheck legend").count() >= 3, f"{path} has no self-check to look at"
    # The long words break between syllables, with a hyphen, not anywhere.
    page.goto(served_site + "kapitler/organisering/", wait_until="networkidle")
    assert "\u00ad" in page.locator("article h1").inner_text()
    expect(page.get_by_role("heading", level=1)).to_have_text("Slik er helse- og omsorgstjenestene organisert")
    context.close()


def test_a_glossary_explanation_on_a_phone_is_at_least_the_size_of_the_text(browser, served_site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(served_site + "kapitler/tjenestene/", wait_until="networkidle")
    word = page.locator("article abbr[title]").first
    word.scroll_into_view_if_needed()
    word.tap()
    tip = page.locator(".md-tooltip2--active .md-tooltip2__inner, .md-tooltip--active .md-tooltip__inner").first
    expect(tip).to_be_visible()
    body = page.evaluate("parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)")
    assert tip.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= body
    context.close()
