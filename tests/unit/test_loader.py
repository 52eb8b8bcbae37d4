"""The one cached loader of the validated site and facts (macros/loader.py), which the plugin and macros share."""

from __future__ import annotations

from macros import loader
from macros.content import site_map
from tests.helpers import ROOT, copy_project


def test_the_loader_reads_again_only_when_a_source_file_changes(tmp_path):
    project = copy_project(tmp_path / "project")
    sources = loader.Sources(project / "docs", project / "data", project / "data/editions", "bergen")
    first = loader.load(sources)
    assert loader.load(sources) is first
    glossary = project / "data/glossary.yml"
    glossary.write_text(
        glossary.read_text(encoding="utf-8").replace("Lokalt forvaltningsnivå", "Det lokale forvaltningsnivået", 1), "utf-8"
    )
    again = loader.load(sources)
    assert again is not first
    assert any(term.definition.startswith("Det lokale forvaltningsnivået") for term in again.site.glossary)


def test_options_come_from_the_config_file_following_inherit_and_env(monkeypatch):
    monkeypatch.setenv("INTRO_OFFLINE", "true")
    options = loader.options_from_config({"config_file_path": str(ROOT / "mkdocs.gjovik.yml")})
    assert options.sources.edition == "gjovik" and options.is_offline
    assert options.sources.docs_dir == ROOT / "docs" and options.sources.data_dir == ROOT / "data"
    assert options.sources.editions_dir == ROOT / "data/editions"


def test_the_macros_and_a_build_read_the_same_pages():
    listed = [uri for uri, _ in site_map.doc_pages(ROOT / "docs")]
    assert "index.md" in listed and "kapitler/lovene.md" in listed
    assert all(uri.endswith(".md") and not uri.startswith(".") for uri in listed)
