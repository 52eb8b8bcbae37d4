"""The landing page on a phone, as a daughter looking for the nursing-home page would meet it: the common questions
come within the first screen and a half, before the group cards, and the page passes axe in both editions."""

from __future__ import annotations

from tests.browser.axe import audit

PHONE = {"width": 390, "height": 844}
# A screen and a half of a 844-px-high phone, rounded down: the reader sees the first task without hunting.
FIRST_TASK_WITHIN = 1300

WHERE = """() => {
    const top = element => element.getBoundingClientRect().top + window.scrollY;
    const task = document.querySelector("article a[href*='slik-gjor-du/']");
    const card = document.querySelector("article .intro-perspectives");
    return {task: task && top(task), href: task && task.getAttribute("href"), card: card && top(card),
            taskFirst: !!(task && card && (task.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING))};
}"""


def landing_on_a_phone(browser, address: str) -> dict:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    try:
        page = context.new_page()
        page.goto(address, wait_until="load")
        return page.evaluate(WHERE)
    finally:
        context.close()


def test_the_first_task_link_is_within_a_screen_and_a_half_on_a_phone(browser, served_site, gjovik_served):
    for address in (served_site, gjovik_served):
        where = landing_on_a_phone(browser, address)
        assert where["task"] is not None, f"{address}: no task link on the landing page"
        assert where["href"].startswith("slik-gjor-du/sykehjem"), where
        assert where["task"] <= FIRST_TASK_WITHIN, f"{address}: the first task link is {where['task']:.0f} px down"
        # The common questions come before the «Hvem er du?» cards, not below all six of them.
        assert where["taskFirst"], where


def test_the_landing_page_passes_axe_on_a_phone_and_a_computer_in_both_editions(browser, served_site, gjovik_served):
    problems = audit(browser, served_site, [""]) + audit(browser, gjovik_served, [""])
    assert problems == [], "\n".join(problems)
