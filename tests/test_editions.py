"""Regional editions: one set of chapters, local facts per edition."""

import json
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from macros.htmlcheck import off_site_resources
from tests.conftest import ROOT, copy_project, mkdocs_build


@pytest.fixture(scope="session")
def gjovik_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("gjovik")
    result = mkdocs_build(ROOT, out, config="mkdocs.gjovik.yml")
    assert result.returncode == 0, f"The Gjøvik edition did not build:\n{result.stderr[-4000:]}"
    return out


def local_boxes(site: Path, chapter: str) -> str:
    page = LexborHTMLParser((site / "kapitler" / chapter / "index.html").read_text(encoding="utf-8"))
    return " ".join(box.text() for box in page.css(".admonition.info") if "Slik er det hos oss" in box.text())


def test_the_same_chapter_shows_each_editions_own_facts(site_dir, gjovik_site):
    bergen, gjovik = local_boxes(site_dir, "samhandling"), local_boxes(gjovik_site, "samhandling")
    assert "Helse Bergen" in bergen and "Helse Vest" in bergen and "Sykehuset Innlandet" not in bergen
    assert "Sykehuset Innlandet" in gjovik and "Helse Sør-Øst" in gjovik and "Helse Bergen" not in gjovik
    assert "Statsforvalteren i Innlandet" in local_boxes(gjovik_site, "rettigheter-og-klage")
    assert "Statsforvalteren i Vestland" in local_boxes(site_dir, "rettigheter-og-klage")


def test_editions_share_chapter_ids_but_have_their_own_addresses(site_dir, gjovik_site):
    bergen = json.loads((site_dir / "catalog.json").read_text(encoding="utf-8"))
    gjovik = json.loads((gjovik_site / "catalog.json").read_text(encoding="utf-8"))
    assert [c["id"] for c in bergen["chapters"]] == [c["id"] for c in gjovik["chapters"]]
    assert gjovik["chapters"][0]["permanent_url"] != bergen["chapters"][0]["permanent_url"]
    assert (gjovik_site / "k" / gjovik["chapters"][0]["id"] / "index.html").is_file()


def test_edition_has_its_own_name_and_loads_nothing_from_elsewhere(gjovik_site):
    landing = (gjovik_site / "index.html").read_text(encoding="utf-8")
    assert "Gjøvik-regionen" in landing
    for page in gjovik_site.rglob("*.html"):
        assert off_site_resources(page.read_text(encoding="utf-8")) == [], page


def test_a_missing_local_fact_fails_naming_the_fact_and_the_chapter(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "mkdocs.gjovik.yml").write_text((ROOT / "mkdocs.gjovik.yml").read_text(encoding="utf-8"))
    facts = project / "data/editions/gjovik.yml"
    text = facts.read_text(encoding="utf-8")
    facts.write_text(text[:text.index("out_of_hours:")] + text[text.index("apply:"):], encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", config="mkdocs.gjovik.yml")
    assert result.returncode != 0
    assert "docs/kapitler/tjenestene.md" in result.stderr and "«out_of_hours»" in result.stderr
    assert "data/editions/gjovik.yml" in result.stderr
