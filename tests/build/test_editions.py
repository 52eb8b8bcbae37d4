"""Regional editions: one set of chapters, local facts per edition. These tests build the editions."""

import datetime as dt
import json
import re
from pathlib import Path

import yaml
from selectolax.lexbor import LexborHTMLParser

from macros.checks.html import off_site_resources
from tests.helpers import FIXTURE_TODAY, ROOT, build_site, copy_site


def page(site: Path, path: str) -> LexborHTMLParser:
    return LexborHTMLParser((site / path / "index.html").read_text(encoding="utf-8"))


def local_boxes(site: Path, chapter: str) -> str:
    boxes = page(site, f"kapitler/{chapter}").css(".admonition.info")
    return " ".join(box.text() for box in boxes if "Slik er det hos oss" in box.text())


def box_links(site: Path, chapter: str) -> set[str]:
    boxes = page(site, f"kapitler/{chapter}").css(".admonition.info")
    return {a.attributes["href"] for box in boxes if "Slik er det hos oss" in box.text() for a in box.css("a")}


def urgent_block(site: Path, path: str) -> str:
    block = page(site, path).css_first(".akutt-hjelp")
    assert block is not None, f"{path} has no urgent-help block"
    return block.text()


def test_the_same_chapter_shows_each_editions_own_facts(site_dir, gjovik_site):
    bergen, gjovik = local_boxes(site_dir, "samhandling"), local_boxes(gjovik_site, "samhandling")
    assert "Helse Bergen" in bergen and "Helse Vest" in bergen and "Sykehuset Innlandet" not in bergen
    assert "Sykehuset Innlandet" in gjovik and "Helse Sør-Øst" in gjovik and "Helse Bergen" not in gjovik
    assert "Statsforvalteren i Innlandet" in local_boxes(gjovik_site, "rettigheter-og-klage")
    assert "Statsforvalteren i Vestland" in local_boxes(site_dir, "rettigheter-og-klage")


def test_bergen_boxes_carry_the_facts_a_reader_acts_on(site_dir):
    hospitals = local_boxes(site_dir, "organisering")
    assert "Haraldsplass Diakonale Sykehus" in hospitals and "Åsane, Arna og Bergenhus" in hospitals
    assert "Haukeland universitetssjukehus" in hospitals
    legevakt = local_boxes(site_dir, "tjenestene")
    assert "Solheimsgaten 9" in legevakt and "skadepoliklinikk" in legevakt
    assert "55 56 70 70" in local_boxes(site_dir, "slik-far-du-hjelp")
    assert "https://www.statsforvalteren.no/nb/vestland/helse-omsorg-og-sosialtjenester/helsetjenester/" in box_links(
        site_dir, "rettigheter-og-klage"
    )


def test_gjovik_boxes_carry_the_facts_a_reader_acts_on(gjovik_site):
    municipalities = {
        "https://www.gjovik.kommune.no/",
        "https://www.ostre-toten.kommune.no/",
        "https://www.vestre-toten.kommune.no/",
        "https://www.sondre-land.kommune.no/",
        "https://www.nordre-land.kommune.no/",
    }
    assert municipalities <= box_links(gjovik_site, "organisering")
    assert "fem kommuner i Innlandet" in local_boxes(gjovik_site, "organisering")
    hospitals = local_boxes(gjovik_site, "samhandling")
    assert "Mjøssykehuset i Moelv" in hospitals and "Gjøvik og Hamar" in hospitals
    assert "Gjøvik interkommunale legevakt (GIL)" in local_boxes(gjovik_site, "tjenestene")
    assert "https://statsforvalteren.no/innlandet/helse-omsorg-og-sosialtjenester/helsetjenester" in box_links(
        gjovik_site, "rettigheter-og-klage"
    )


def test_ombud_and_testing_boxes_in_both_editions(site_dir, gjovik_site):
    assert "Pasient- og brukerombudet i Vestland" in local_boxes(site_dir, "rettigheter-og-klage")
    assert "Pasient- og brukerombudet i Innlandet" in local_boxes(gjovik_site, "rettigheter-og-klage")
    assert "Omsorgsteknologilaboratoriet" in local_boxes(site_dir, "selge-og-utvikle")
    assert "Verksted for integrerte helsetjenester" in local_boxes(gjovik_site, "selge-og-utvikle")


def test_urgent_help_comes_first_with_the_editions_legevakt(site_dir, gjovik_site):
    for path in ("", "perspektiver/pasienter-og-brukere", "perspektiver/parorende"):
        bergen, gjovik = urgent_block(site_dir, path), urgent_block(gjovik_site, path)
        for block in (bergen, gjovik):
            assert "113" in block and "116 117" in block
        assert "Bergen legevakt" in bergen and "Solheimsgaten 9" in bergen
        assert "Gjøvik interkommunale legevakt" in gjovik
        # First in the content: straight after the page's heading.
        content = page(site_dir, path).css_first("article.md-content__inner")
        children = [node for node in content.iter() if node.tag not in ("a",)]
        first = next(i for i, node in enumerate(children) if node.tag == "h1")
        assert "akutt-hjelp" in (children[first + 1].attributes.get("class") or ""), path


def test_editions_share_chapter_ids_but_have_their_own_addresses(site_dir, gjovik_site):
    bergen = json.loads((site_dir / "catalog.json").read_text(encoding="utf-8"))
    gjovik = json.loads((gjovik_site / "catalog.json").read_text(encoding="utf-8"))
    assert [c["id"] for c in bergen["chapters"]] == [c["id"] for c in gjovik["chapters"]]
    assert gjovik["chapters"][0]["permanent_url"] != bergen["chapters"][0]["permanent_url"]
    assert (gjovik_site / "k" / gjovik["chapters"][0]["id"] / "index.html").is_file()


def test_edition_has_its_own_name_and_loads_nothing_from_elsewhere(gjovik_site):
    landing = (gjovik_site / "index.html").read_text(encoding="utf-8")
    assert "Gjøvik-regionen" in landing
    for built in gjovik_site.rglob("*.html"):
        assert off_site_resources(built.read_text(encoding="utf-8")) == [], built


# ---- On the fixture project: an edition is its data file and a config ----

EDITION_FACTS = "data/editions/prove.yml"


def test_a_third_edition_builds_from_its_data_file_alone(tmp_path):
    project = copy_site(tmp_path / "prosjekt")
    data = (project / EDITION_FACTS).read_text(encoding="utf-8")
    data = data.replace("id: prove", "id: testby").replace("name: Prøveby\n", "name: Testbyen\n")
    data = data.replace("name: Prøveby legevakt", "name: Testbyen legevakt")
    (project / "data/editions/testby.yml").write_text(data, encoding="utf-8")
    (project / "mkdocs.testby.yml").write_text(
        "INHERIT: mkdocs.yml\nsite_name: INTRO (Testbyen)\nsite_url: https://intro.example.net/\n"
        "plugins:\n  intro:\n    edition: testby\n",
        encoding="utf-8",
    )
    built = build_site(project, tmp_path / "site", config="mkdocs.testby.yml")
    assert built.ok, built.output[-4000:]
    assert "Slik er det hos oss: Testbyen" in local_boxes(built.site, "klage")
    assert "Testbyen legevakt" in urgent_block(built.site, "kapitler/kommunen")


def test_a_missing_local_fact_fails_naming_the_fact_and_the_chapter(tmp_path):
    project = copy_site(tmp_path / "prosjekt")
    facts = project / EDITION_FACTS
    text = facts.read_text(encoding="utf-8")
    facts.write_text(text[: text.index("\nombud:")] + "\n", encoding="utf-8")
    built = build_site(project)
    assert not built.ok
    assert "docs/kapitler/klage.md" in built.output and "«ombud»" in built.output
    assert EDITION_FACTS in built.output


def test_the_urgent_help_block_without_a_legevakt_fails_naming_the_page(tmp_path):
    project = copy_site(tmp_path / "prosjekt")
    kommunen = project / "docs/kapitler/kommunen.md"
    kommunen.write_text(kommunen.read_text(encoding="utf-8").replace('{{ hos_oss("legevakt") }}', ""), encoding="utf-8")
    facts = project / EDITION_FACTS
    text = facts.read_text(encoding="utf-8")
    facts.write_text(text[: text.index("\nlegevakt:")] + text[text.index("\nombud:") :], encoding="utf-8")
    built = build_site(project)
    assert not built.ok
    assert "«legevakt» (akutt_hjelp())" in built.output and EDITION_FACTS in built.output


def test_a_local_fact_past_its_date_reminds_and_one_long_past_stops_the_build(tmp_path):
    project = copy_site(tmp_path / "prosjekt")
    facts = project / EDITION_FACTS
    text = facts.read_text(encoding="utf-8")
    today = dt.date.fromisoformat(FIXTURE_TODAY)
    # The legevakt was due yesterday (a reminder); the ombud was due long ago (an error).
    legevakt, ombud = text.index("\nlegevakt:"), text.index("\nombud:")
    text = (
        text[:legevakt]
        + re.sub(r"check_by: \S+", f"check_by: {today - dt.timedelta(days=1)}", text[legevakt:ombud], count=1)
        + re.sub(r"check_by: \S+", f"check_by: {today - dt.timedelta(days=200)}", text[ombud:], count=1)
    )
    facts.write_text(text, encoding="utf-8")
    built = build_site(project)
    assert not built.ok
    reminder = next(line for line in built.output.splitlines() if "PÅMINNELSE" in line and "legevakt" in line)
    assert EDITION_FACTS in reminder and "Prøveby legevakt" in reminder and "kommune.example.org/legevakt" in reminder
    error = next(line for line in built.output.splitlines() if "200 dager på overtid" in line)
    assert EDITION_FACTS in error and "ombud" in error and "kommune.example.org/ombud" in error


# ---- The real editions ----


def test_every_application_office_in_the_built_box_can_be_called(site_dir, gjovik_site):
    for site, edition in ((site_dir, "bergen"), (gjovik_site, "gjovik")):
        data = yaml.safe_load((ROOT / "data/editions" / f"{edition}.yml").read_text(encoding="utf-8"))
        box = next(b for b in page(site, "slik-gjor-du/sykehjem").css(".admonition.info") if "Slik er det hos oss" in b.text())
        calls = {a.attributes["href"] for a in box.css('a[href^="tel:"]')}
        for municipality in data["municipalities"]:
            for office in municipality.get("apply", []):
                if "phone" in office:
                    digits = re.sub(r"\D", "", office["phone"])
                    assert f"tel:+47{digits}" in calls, (edition, office["office"])
