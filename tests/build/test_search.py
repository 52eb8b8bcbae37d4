"""The search index of the real site, as the build writes it."""

from __future__ import annotations

import json

from macros.exports.search import index
from tests.helpers import read_index


def test_the_built_index_has_the_chapters_and_leaves_out_boilerplate_and_tags(site_dir, html):
    built = read_index(site_dir)
    titles = {title for _, title, _ in built["pages"]}
    assert {"Tjenestene kommunen gir", "Hva koster det? Egenandeler og betaling"} <= titles
    headings = {heading for *_, sections in built["pages"] for _, heading, _ in sections}
    # The teaching box, the citation and the sources are the same on every chapter: no search hit there.
    assert not headings & {"Bruk i undervisning", "Slik siterer du dette kapitlet", "Kilder", "Test deg selv"}
    texts = " ".join(text for *_, sections in built["pages"] for _, _, text in sections)
    assert "Sist gjennomgått" not in texts and "/k/" not in texts
    # A first visit fetches Material's index: Material's plugin read no page, and its index has only its configuration.
    assert json.loads((site_dir / index.MATERIAL_INDEX).read_text(encoding="utf-8"))["docs"] == []
    assert (site_dir / index.MATERIAL_INDEX).stat().st_size < 1000
    # No glossary chips: the chapters carry no tags any more.
    assert html("kapitler/samhandling/index.html").css_first(".md-tags") is None
