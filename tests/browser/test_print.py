"""Printing as the lab and relatives do it: Chromium's own PDF output on A4, read back page by page."""

from tests.helpers import printed

# «Slik får du hjelp» printed on 14 A4 pages while every main part started a new page (November 2026).
PAGES_BEFORE = 14


def test_a_chapter_prints_as_a_short_handout_without_screen_furniture(guarded_page, served_site):
    page, problems = guarded_page
    page.goto(served_site + "kapitler/slik-far-du-hjelp/", wait_until="networkidle")
    pages, text = printed(page)
    assert pages <= PAGES_BEFORE // 2, f"{pages} A4 pages"
    assert page.title().split(" - ")[0] in text
    for screen_only in ("For lærere", "Lim inn i HTML", "Canvas", "Merk kapitlet som lest", "Neste i stien"):
        assert screen_only not in text, f"«{screen_only}» is printed"
    page.emulate_media(media="print")
    visible = page.locator(".md-code__button, .md-clipboard, .intro-teaching, abbr").evaluate_all(
        "nodes => nodes.filter(n => n.closest('.intro-teaching') === null || n.matches('.intro-teaching'))"
        ".map(n => [n.tagName, getComputedStyle(n).display, getComputedStyle(n).borderBottomStyle])"
    )
    for tag, display, border in visible:
        assert tag == "ABBR" or display == "none", f"{tag} is printed"
        assert tag != "ABBR" or border == "none", "glossary words print with their dotted line"
    assert problems == []


def test_a_programme_prints_for_participants_without_notes_and_for_the_facilitator_with_them(guarded_page, served_site):
    page, problems = guarded_page
    page.goto(served_site + "programmer/forste-mote/", wait_until="networkidle")
    _, participants = printed(page)
    assert "For kursholderen" not in participants
    assert "Skriv ut for" not in participants
    page.evaluate("document.body.classList.add('intro-print-kursholder')")
    _, facilitator = printed(page)
    assert "For kursholderen" in facilitator
    assert page.get_by_role("button", name="Skriv ut for kursholder").is_visible()
    assert problems == []


def test_a_booklet_prints_with_cover_contents_and_every_chapter(guarded_page, served_site, html):
    page, problems = guarded_page
    page.goto(served_site + "kapitler/hefte-parorende/", wait_until="networkidle")
    pages, text = printed(page)
    titles = [h.text(strip=True) for h in html("kapitler/hefte-parorende/index.html").css("section > h2")]
    assert "Innhold" in text and pages > len(titles)
    position = 0
    for title in titles:
        found = text.find(title.split(". ", 1)[1][:30], position)
        assert found > 0, f"«{title}» is not printed, or not in order"
        position = found
    assert "Skriv ut eller lagre som PDF" not in text
    assert problems == []
