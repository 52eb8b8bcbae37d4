"""Printing as the lab and relatives do it: Chromium's own PDF output on A4, read back page by page."""

import io

from pypdf import PdfReader

from macros import loader
from macros.content import identity
from macros.content.identity import Identity
from macros.content.site_map import permalink
from tests.helpers import A4, ROOT, printed

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


def edition() -> Identity:
    """The Bergen edition's name, address and licence, as its config gives them (the served site is Bergen)."""
    return identity.from_config(loader.read_config_file(ROOT / "mkdocs.yml"))


def test_a_printed_chapter_carries_the_editions_name_its_licence_and_its_permanent_link(guarded_page, served_site):
    page, problems = guarded_page
    page.goto(served_site + "kapitler/legemidler-og-delegering/", wait_until="networkidle")
    _, text = printed(page)
    flat = " ".join(text.split())
    own = edition()
    permanent = own.url.rstrip("/") + "/" + permalink("legemidler-og-delegering")
    assert own.title in flat and own.licence in flat
    # Chromium breaks a long address over two lines on paper: read it without the break.
    assert permanent in flat.replace(" ", "") or permanent in text.replace("\n", "")
    assert "Test deg selv" not in text, "the self-check's heading prints without its questions"
    assert problems == []


def test_a_booklet_has_no_empty_self_check_heading_and_no_nearly_empty_page(guarded_page, served_site):
    """The cover and the contents share the first page; no page is left with a line or two."""
    page, problems = guarded_page
    page.goto(served_site + "kapitler/hefte-studenter/", wait_until="networkidle")
    reader = PdfReader(io.BytesIO(page.pdf(**A4)))
    sheets = [sheet.extract_text() for sheet in reader.pages]
    assert "Test deg selv" not in "\n".join(sheets)
    assert "Hele stien for studenter" in sheets[0] and "Innhold" in sheets[0]
    nearly_empty = [(number, len(text)) for number, text in enumerate(sheets[:-1], start=1) if len(text.strip()) < 200]
    assert nearly_empty == [], nearly_empty
    assert problems == []


def test_on_paper_the_local_box_is_the_body_texts_size_and_the_rotation_plan_has_its_grid(guarded_page, served_site):
    page, problems = guarded_page
    page.goto(served_site + "slik-gjor-du/sykehjem/", wait_until="networkidle")
    page.emulate_media(media="print")
    box, body = page.evaluate(
        """() => [parseFloat(getComputedStyle(document.querySelector('.admonition.hos-oss p')).fontSize),
                  parseFloat(getComputedStyle(document.querySelector('article > p')).fontSize)]"""
    )
    assert box == body
    page.goto(served_site + "programmer/materiell-velferdsteknologi-i-praksis/", wait_until="networkidle")
    page.emulate_media(media="print")
    cells = page.locator(".intro-rotation td, .intro-rotation th").evaluate_all(
        "cells => cells.map(c => [getComputedStyle(c).borderTopStyle, parseFloat(getComputedStyle(c).borderTopWidth)])"
    )
    assert cells and all(style == "solid" and width > 0 for style, width in cells)
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
