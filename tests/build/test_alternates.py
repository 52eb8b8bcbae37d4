"""The editions' links to the same page in the other written standard (extra.alternate): the Bergen edition links
its nynorsk edition, the Gjøvik edition has none (the nynorsk edition's side: tests/nynorsk/)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser


def test_the_bergen_edition_links_each_page_in_nynorsk(html):
    page = html("kapitler/lovene/index.html")
    head = {link.attributes["hreflang"]: link.attributes["href"] for link in page.css('head link[rel~="alternate"][hreflang]')}
    assert head == {
        "nb": "https://intro.alrekhelseklynge.no/kapitler/lovene/",
        "nn": "https://intro.alrekhelseklynge.no/nn/kapitler/lovene/",
    }
    assert {link.attributes["hreflang"]: link.attributes["href"] for link in page.css("a.md-select__link")} == head


def test_the_gjovik_edition_has_no_nynorsk_counterpart(gjovik_site):
    page = LexborHTMLParser((gjovik_site / "kapitler/lovene/index.html").read_text(encoding="utf-8"))
    assert not page.css('link[rel~="alternate"][hreflang]')
    assert not page.css("a.md-select__link")
