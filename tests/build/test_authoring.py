"""The author-facing macros stand on their own: no plugin registry, one cached loader, plain messages. On the small
fixture project (tests/fixtures/site/)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from mkdocs.exceptions import PluginError

from macros import authoring, loader
from macros.commands.release import mkdocs_env, run_mkdocs, serve_mkdocs
from macros.content.legal import ACCESSIBILITY_FILE, PRIVACY_FILE, load_legal
from macros.content.model import Feedback
from macros.exports.archive import names
from macros.rendering import figure_pages, legal_pages, local_boxes, programme_pages, render
from tests.helpers import FIXTURE, FIXTURE_TODAY, ROOT, copy_site

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
    "ordninger",
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


def plain_config(config: Path = FIXTURE / "mkdocs.yml") -> dict:
    """A plain dict, as an engine without MkDocs plugins gives it: no `plugins` attribute or key to reach into."""
    return {
        "config_file_path": str(config),
        "docs_dir": str(config.parent / "docs"),
        "site_name": "INTRO-prøve – et lite nettsted for testene",
        "site_url": "https://intro.example.org/",
        "nav": [{"Start": "index.md"}],
    }


@pytest.fixture(autouse=True)
def fixture_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTRO_TODAY", FIXTURE_TODAY)


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
    on_page(env, "studenter.md")
    assert env.macros["sti"]("studenter") == render.path_overview(content.site, "studenter", "studenter.md")
    assert env.macros["hos_oss"]("legevakt") == local_boxes.local_box(content.facts, "legevakt")
    assert env.macros["laget_av"]() == local_boxes.made_by(content.facts)
    assert "Prøveby legevakt" in env.macros["akutt_hjelp"]()
    assert env.macros["akutt_hjelp_ansatte"]() == local_boxes.staff_urgent_help(content.facts)
    on_page(env, "kapitler/tjenestene.md")
    figure = next(iter(content.site.figures))
    assert env.macros["tall"](figure) == figure_pages.in_sentence(content.site, figure, "kapitler/tjenestene.md")
    on_page(env, "index.md")
    download = env.macros["frakoblet_utgave"]()
    assert names("prove").zip in download and "2,5 MB" in download
    assert "intro-alle.imscc" in env.macros["kurspakker"]()
    on_page(env, "programmer/stasjoner.md")
    assert env.macros["bestilling"]() == programme_pages.booking(content.facts)
    assert env.macros["stasjoner"]() == programme_pages.stations(content.site, "programmer/stasjoner.md")
    assert env.macros["ramme_for_dagen"]() == programme_pages.day_frame(content.site, "programmer/stasjoner.md")
    on_page(env, "om/index.md")
    assert "Prøveklyngen har ansvaret" in env.macros["om_eieren"]()


def legal_fixture(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A copy of the fixture with the project's shared legal data (data/privacy.yml, data/accessibility.yml), on the
    day it was assessed, its macros defined and the privacy page current: (project, env, content)."""
    project = copy_site(tmp_path / "prosjekt")
    for name in (PRIVACY_FILE, ACCESSIBILITY_FILE):
        shutil.copy(ROOT / "data" / name, project / "data" / name)
    assessed = yaml.safe_load((project / "data" / ACCESSIBILITY_FILE).read_text(encoding="utf-8"))["assessed"]
    monkeypatch.setenv("INTRO_TODAY", str(max(assessed, dt.date.fromisoformat(FIXTURE_TODAY))))
    env = FakeEnv(plain_config(project / "mkdocs.yml"))
    authoring.define_env(env)
    content = loader.load(loader.options_from_config(env.conf).sources)
    on_page(env, "om/personvern.md")
    return project, env, content


def test_the_legal_macros_run_from_a_plain_dict_config(tmp_path, monkeypatch):
    """The privacy statement, from the project's shared legal data in a copy of the fixture."""
    project, env, content = legal_fixture(tmp_path, monkeypatch)
    assert env.macros["personvern"]() == legal_pages.privacy_statement(content.facts, load_legal(project / "data"))


def edition_beside(project: Path, edition: str, legevakt: str) -> Path:
    """A second edition of the copied fixture, from its own data file and config; its config's path."""
    data = (project / "data/editions/prove.yml").read_text(encoding="utf-8")
    data = data.replace("id: prove", f"id: {edition}").replace("name: Prøveby legevakt", f"name: {legevakt}")
    (project / f"data/editions/{edition}.yml").write_text(data, encoding="utf-8")
    config = project / f"mkdocs.{edition}.yml"
    config.write_text(f"INHERIT: mkdocs.yml\nplugins:\n  intro:\n    edition: {edition}\n", encoding="utf-8")
    return config


def test_another_editions_config_gives_the_macros_its_facts(tmp_path):
    project = copy_site(tmp_path / "prosjekt")
    env = FakeEnv(plain_config(edition_beside(project, "annen", "Annenby legevakt")))
    authoring.define_env(env)
    on_page(env, "index.md")
    assert "Annenby legevakt" in env.macros["akutt_hjelp"]() and "Prøveby" not in env.macros["akutt_hjelp"]()


def test_a_config_without_the_intro_plugin_is_named_plainly(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Prøve\nplugins:\n  search: {}\n", encoding="utf-8")
    env = FakeEnv({"config_file_path": str(config), "docs_dir": str(FIXTURE / "docs"), "site_name": "Prøve"})
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
    project = copy_site(tmp_path / "prosjekt")
    log = tmp_path / "serve.log"
    with serve_mkdocs(project, (), log, env=mkdocs_env({"INTRO_TODAY": FIXTURE_TODAY})) as address:
        glossary = project / "data/glossary.yml"
        time.sleep(1)
        glossary.write_text(
            glossary.read_text(encoding="utf-8").replace("Det folkevalgte organet", "Det folkevalgte organet i serve-prøven", 1),
            "utf-8",
        )
        deadline = time.monotonic() + 300
        while log.read_text(encoding="utf-8").count("Documentation built") < 2:
            assert time.monotonic() < deadline, log.read_text(encoding="utf-8")[-3000:]
            time.sleep(0.5)
        with urllib.request.urlopen(address + "ordliste/") as response:
            page = response.read().decode("utf-8")
    assert "Det folkevalgte organet i serve-prøven" in page
    text = log.read_text(encoding="utf-8")
    registrations = re.findall(r"Config macros: \[(.*)\]", text)
    assert len(registrations) == 2, text[-3000:]
    for listed in registrations:
        names = re.findall(r"'([^']+)'", listed)
        assert all(names.count(name) == 1 for name in MACROS), listed


def test_a_build_missing_a_module_stops_with_the_plain_message(tmp_path):
    # As if a module the macros render with could not be imported, in a real build.
    (tmp_path / "sitecustomize.py").write_text("import sys\nsys.modules['macros.rendering.figure_pages'] = None\n", "utf-8")
    project = copy_site(tmp_path / "prosjekt")
    result = run_mkdocs(
        project / "mkdocs.yml", tmp_path / "site", env={"PYTHONPATH": str(tmp_path), "INTRO_TODAY": FIXTURE_TODAY}
    )
    assert result.returncode != 0
    assert "INTROs makroer kan ikke lastes: modulen «macros.rendering.figure_pages» mangler. Kjør «make setup»" in result.stderr
    assert "pip install" not in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("public_body", "says", "form"),
    [
        (True, "er en offentlig virksomhet. Forskrift om universell utforming av IKT-løsninger krever", True),
        (False, "er ikke en offentlig virksomhet.", False),
        (None, "Det er ikke avklart ennå om", True),
    ],
)
def test_the_accessibility_statement_frames_the_law_by_whether_the_owner_is_a_public_body(
    tmp_path, monkeypatch, public_body, says, form
):
    """Only public bodies must publish a statement on uustatus.no against the 47 criteria of WCAG 2.1; a private
    owner must meet 35 of WCAG 2.0 (Uutilsynet). The statement says which rule applies, or both while it is not
    settled."""
    project, _, content = legal_fixture(tmp_path, monkeypatch)
    owner = content.facts.owner.model_copy(update={"public_body": public_body})
    feedback = Feedback(url=owner.contact_url, answer_weeks=3)
    text = legal_pages.accessibility_statement(
        content.facts.model_copy(update={"owner": owner, "feedback": feedback}), load_legal(project / "data")
    )
    text = " ".join(text.split())
    assert says in text
    # A private owner must meet the 35 criteria of WCAG 2.0 and follows the other 12 of its own accord; while it is
    # not settled, the statement names both rules and judges the site against all 47.
    assert ("krav i standarden WCAG 2.0. De 12 kravene fra WCAG 2.1" in text) is (public_body is False)
    assert ("Vi vurderer nettstedet mot alle 47 kravene" in text) is (public_body is None)
    assert ("teksten til skjemaet på uustatus.no" in text) is form
    assert ("Du kan også klage hvis du ikke får svar fra oss" in text) is (public_body is True)
