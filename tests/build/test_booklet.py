"""A printable booklet per path: cover, contents and every chapter in order, offered on the path's page."""

from collections import Counter

import pytest
import yaml

from tests.helpers import ROOT

PATHS = yaml.safe_load((ROOT / "data/paths.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p["perspective"])
def test_a_booklet_holds_every_chapter_of_its_path_in_order(html, path):
    page = html(f"kapitler/hefte-{path['perspective']}/index.html")
    contents = [a.attributes["href"] for a in page.css(".intro-booklet-contents a")]
    assert contents == [f"#{step}" for step in path["steps"]]
    sections = page.css("section.intro-booklet-chapter")
    assert [s.css_first("h2").attributes["id"] for s in sections] == path["steps"]
    for section, step in zip(sections, path["steps"], strict=True):
        assert f"/k/{step}/" in section.css_first(".intro-booklet-link a").attributes["href"]
        assert section.css_first("h3") is not None, "the chapter's parts should sit under its title"
        assert section.css(".intro-teaching, .intro-path-nav") == []
    ids = Counter(node.attributes["id"] for node in page.css("[id]"))
    assert not [i for i, n in ids.items() if n > 1], "anchors repeat across chapters"
    for link in page.css('article a[href^="#"]'):
        assert link.attributes["href"][1:] in ids, link.attributes["href"]


def test_the_path_page_offers_its_booklet(html):
    page = html("perspektiver/parorende/index.html")
    assert any(a.attributes.get("href") == "../../kapitler/hefte-parorende/" for a in page.css("a.md-button"))
