"""The one cached loader of the validated site and facts (macros/loader.py), which the plugin and macros share."""

from __future__ import annotations

from macros import loader
from macros.content import site_map
from tests.helpers import FIXTURE, copy_site, environment, sources


def test_the_loader_reads_again_only_when_a_source_file_changes(tmp_path):
    project = copy_site(tmp_path / "prosjekt")
    with environment():
        first = loader.load(sources(project))
        assert loader.load(sources(project)) is first
        glossary = project / "data/glossary.yml"
        glossary.write_text(
            glossary.read_text(encoding="utf-8").replace("Det folkevalgte organet", "Det valgte organet", 1), "utf-8"
        )
        again = loader.load(sources(project))
    assert again is not first
    assert any(term.definition.startswith("Det valgte organet") for term in again.site.glossary)


def test_options_come_from_the_config_file_following_inherit_and_env(tmp_path, monkeypatch):
    project = copy_site(tmp_path / "prosjekt")
    (project / "mkdocs.annen.yml").write_text("INHERIT: mkdocs.yml\nplugins:\n  intro:\n    edition: annen\n", "utf-8")
    monkeypatch.setenv("INTRO_OFFLINE", "true")
    options = loader.options_from_config({"config_file_path": str(project / "mkdocs.annen.yml")})
    assert options.sources.edition == "annen" and options.is_offline
    assert options.identity.short_title == "INTRO-prøve"  # the base config's, inherited
    assert options.sources.docs_dir == project / "docs" and options.sources.data_dir == project / "data"
    assert options.sources.editions_dir == project / "data/editions"


def test_the_macros_and_a_build_read_the_same_pages():
    listed = [uri for uri, _ in site_map.doc_pages(FIXTURE / "docs")]
    assert "index.md" in listed and "kapitler/lovene.md" in listed
    assert all(uri.endswith(".md") and not uri.startswith(".") for uri in listed)
