"""The author-facing macros stand on their own: no plugin registry, one cached loader, plain messages."""

from __future__ import annotations

import re
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from macros import authoring, loader
from macros.commands.release import run_mkdocs, serve_mkdocs
from macros.exports.archive import names
from macros.rendering import figure_pages, local_boxes, programme_pages, render
from tests.helpers import ROOT, copy_project

# Every macro an author may write; the README lists the same.
MACROS = (
    "perspektivkort",
    "sti",
    "fortsett",
    "ordliste",
    "frakoblet_utgave",
    "plakater",
    "hos_oss",
    "kurspakker",
    "akutt_hjelp",
    "akutt_hjelp_ansatte",
    "laget_av",
    "tall",
    "tall_tabell",
    "tall_og_satser",
    "programplan",
    "rotasjonsplan",
    "stasjoner",
    "fortelling",
    "materiell",
    "bestilling",
    "ordninger",
    "langtidsopphold_eksempel",
    "telefon",
    "laeringsmal",
    "ramme_for_dagen",
    "om_eieren",
    "tilbakemelding",
    "personvern",
    "tilgjengelighet",
)


@dataclass
class FakeEnv:
    """Only what mkdocs-macros hands define_env: the config as a mapping, the current page and macro()."""

    conf: dict
    page: object = None

    def __post_init__(self) -> None:
        self.macros: dict[str, object] = {}

    def macro(self, function, name: str) -> None:
        assert name not in self.macros, f"{name} registered twice"
        self.macros[name] = function


def plain_config(config: Path = ROOT / "mkdocs.yml") -> dict:
    """A plain dict, as an engine without MkDocs plugins gives it: no `plugins` attribute or key to reach into."""
    return {
        "config_file_path": str(config),
        "docs_dir": str(ROOT / "docs"),
        "site_name": "INTRO – helse og omsorg i kommunen",
        "site_url": "https://intro.alrekhelseklynge.no/",
        "nav": [{"Start": "index.md"}],
    }


def on_page(env: FakeEnv, src_uri: str) -> None:
    env.page = SimpleNamespace(file=SimpleNamespace(src_uri=src_uri))


def test_every_macro_is_registered_once_and_runs_from_a_plain_dict_config(tmp_path, monkeypatch):
    offline_zip = tmp_path / "frakoblet.zip"
    offline_zip.write_bytes(b"x" * 2_500_000)
    monkeypatch.setenv("INTRO_OFFLINE_ZIP", str(offline_zip))  # as the release build gives it, through !ENV
    env = FakeEnv(plain_config())
    authoring.define_env(env)
    assert set(env.macros) == set(MACROS)
    content = loader.load(loader.options_from_config(env.conf).sources)
    on_page(env, "perspektiver/studenter.md")
    assert env.macros["sti"]("studenter") == render.path_overview(content.site, "studenter", "perspektiver/studenter.md")
    assert env.macros["hos_oss"]("legevakt") == local_boxes.local_box(content.facts, "legevakt")
    assert env.macros["laget_av"]() == local_boxes.made_by(content.facts)
    assert "Bergen" in env.macros["akutt_hjelp"]()
    assert env.macros["akutt_hjelp_ansatte"]() == local_boxes.staff_urgent_help(content.facts)
    on_page(env, "tall-og-satser.md")
    figure = next(iter(content.site.figures))
    assert env.macros["tall"](figure) == figure_pages.in_sentence(content.site, figure, "tall-og-satser.md")
    on_page(env, "last-ned.md")
    download = env.macros["frakoblet_utgave"]()
    assert names("bergen").zip in download and "2,5 MB" in download
    assert "intro-alle.imscc" in env.macros["kurspakker"]()
    on_page(env, "programmer/velferdsteknologi-i-praksis.md")
    assert env.macros["bestilling"]() == programme_pages.booking(content.facts)
    assert env.macros["stasjoner"]() == programme_pages.stations(content.site, "programmer/velferdsteknologi-i-praksis.md")
    assert env.macros["ramme_for_dagen"]() == programme_pages.day_frame(content.site, "programmer/velferdsteknologi-i-praksis.md")
    on_page(env, "om/personvern.md")
    from macros.content.legal import load_legal
    from macros.rendering import legal_pages

    assert env.macros["personvern"]() == legal_pages.privacy_statement(content.facts, load_legal(ROOT / "data"))
    assert "Alrek helseklynge har ansvaret" in env.macros["om_eieren"]()


def test_the_gjovik_config_gives_the_macros_gjoviks_facts():
    env = FakeEnv(plain_config(ROOT / "mkdocs.gjovik.yml"))
    authoring.define_env(env)
    on_page(env, "index.md")
    assert "Gjøvik" in env.macros["akutt_hjelp"]() and "Bergen" not in env.macros["akutt_hjelp"]()


def test_a_config_without_the_intro_plugin_is_named_plainly(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Prøve\nplugins:\n  search: {}\n", encoding="utf-8")
    env = FakeEnv({"config_file_path": str(config), "docs_dir": str(ROOT / "docs"), "site_name": "Prøve"})
    authoring.define_env(env)
    on_page(env, "index.md")
    with pytest.raises(PluginError, match="har ikke tillegget «intro» under plugins"):
        env.macros["laget_av"]()


def test_a_missing_package_stops_with_a_plain_message_not_an_install_hint(monkeypatch):
    # As if Jinja2 were not installed: the renderers cannot be imported.
    monkeypatch.setitem(sys.modules, "jinja2", None)
    for name in [
        name for name in sys.modules if name.startswith("macros.") and name != "macros.authoring" and name != "macros.loader"
    ]:
        monkeypatch.delitem(sys.modules, name)
    with pytest.raises(PluginError) as stopped:
        authoring.define_env(FakeEnv(plain_config()))
    message = str(stopped.value)
    # Named with the first of INTRO's modules that imports it.
    assert re.search(r"modulen «jinja2» mangler \(macros\.[a-z_.]+ trenger den\)", message) and "make setup" in message
    assert "pip install" not in message and "Traceback" not in message


def test_the_authoring_module_imports_nothing_heavy():
    import subprocess

    probe = (
        "import sys, macros.authoring; heavy = [m for m in ('mkdocs', 'jinja2', 'pydantic', 'yaml', "
        "'macros.content.site', 'macros.rendering.render') if m in sys.modules]; print(heavy)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"


def test_a_serve_rebuild_registers_each_macro_once_and_reads_the_changed_data(tmp_path):
    project = copy_project(tmp_path / "project")
    log = tmp_path / "serve.log"
    with serve_mkdocs(project, (), log) as address:
        glossary = project / "data/glossary.yml"
        time.sleep(1)
        glossary.write_text(
            glossary.read_text(encoding="utf-8").replace(
                "Lokalt forvaltningsnivå", "Det lokale forvaltningsnivået i serve-prøven", 1
            ),
            "utf-8",
        )
        deadline = time.monotonic() + 300
        while log.read_text(encoding="utf-8").count("Documentation built") < 2:
            assert time.monotonic() < deadline, log.read_text(encoding="utf-8")[-3000:]
            time.sleep(0.5)
        with urllib.request.urlopen(address + "ordliste/") as response:
            page = response.read().decode("utf-8")
    assert "Det lokale forvaltningsnivået i serve-prøven" in page
    text = log.read_text(encoding="utf-8")
    registrations = re.findall(r"Config macros: \[(.*)\]", text)
    assert len(registrations) == 2, text[-3000:]
    for listed in registrations:
        names = re.findall(r"'([^']+)'", listed)
        assert all(names.count(name) == 1 for name in MACROS), listed


def test_a_build_missing_a_module_stops_with_the_plain_message(tmp_path):
    # As if a module the macros render with could not be imported, in a real build.
    (tmp_path / "sitecustomize.py").write_text("import sys\nsys.modules['macros.rendering.figure_pages'] = None\n", "utf-8")
    result = run_mkdocs(ROOT / "mkdocs.yml", tmp_path / "site", env={"PYTHONPATH": str(tmp_path)})
    assert result.returncode != 0
    assert "INTROs makroer kan ikke lastes: modulen «macros.rendering.figure_pages» mangler. Kjør «make setup»" in result.stderr
    assert "pip install" not in result.stderr and "Traceback" not in result.stderr
