"""Shared fixtures: the site is built once per test session and shared by every test."""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from macros.commands import chromium
from macros.commands.release import BuildFailed, Release, build_release, run_mkdocs
from macros.rendering import renderer
from tests.helpers import (
    DATA,
    DOCS,
    FIXTURE_TODAY,
    NYNORSK_CONFIG,
    ROOT,
    SYSTEM_PROGRAMS,
    EditionPackages,
    Handover,
    copy_site,
    copy_translation_cache,
    guard,
    reads_under,
    release_fields,
    release_from,
)

# A test that asks for one of these runs in Debian's chromium, wherever its file stands.
BROWSER_FIXTURES = frozenset({"browser", "guarded_page", "offline_page"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The folder or the fixtures mark a test, never a hand-set mark: tests/browser/ and every test that asks for a
    browser fixture run in Chromium; tests/system/ needs other Debian packages. A browser test runs Debian's
    chromium: it needs the system, as the nginx, Java, Kiwix and hunspell tests do. tests/nynorsk/ checks the real
    nynorsk edition, whose first translation takes minutes: `make test-nynorsk` runs it, `make test` leaves it out."""
    for item in items:
        folder = item.path.parent.name
        if folder == "browser" or BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
        if folder == "nynorsk":
            item.add_marker(pytest.mark.nynorsk)
        if folder in ("system", "nynorsk") or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.system)


@pytest.fixture(scope="session")
def path_without_system_programs(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A PATH of one folder that links every program on today's PATH (first one wins) except SYSTEM_PROGRAMS."""
    folder = tmp_path_factory.mktemp("path-without-system-programs")
    for directory in os.environ.get("PATH", "").split(os.pathsep):
        if not directory or not os.path.isdir(directory):
            continue
        for program in sorted(Path(directory).iterdir()):
            link = folder / program.name
            if program.name in SYSTEM_PROGRAMS or link.exists() or link.is_symlink():
                continue
            if program.is_file() and os.access(program, os.X_OK):
                link.symlink_to(program)
    return str(folder)


@pytest.fixture(autouse=True)
def without_system_programs(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, path_without_system_programs: str
) -> None:
    if request.node.get_closest_marker("system"):
        return
    monkeypatch.setenv("PATH", path_without_system_programs)
    monkeypatch.delenv("CHROMIUM", raising=False)


@pytest.fixture(autouse=True)
def renders_for_no_edition_afterwards() -> Iterator[None]:
    """An in-process build makes its edition's renderer the current one (a translated edition's renders in nynorsk):
    the next test in the same worker must not render with it."""
    yield
    renderer.use_none()


@pytest.fixture(autouse=True)
def unit_tests_read_no_real_content(request: pytest.FixtureRequest) -> Iterator[None]:
    """A unit test stands on the fixture project, never on the real docs/ or data/: a content edit must not break a
    test of the code (tests/unit/test_layout.py checks the same in the files' text)."""
    if request.node.path.parent != ROOT / "tests" / "unit":
        yield
        return
    with reads_under(DATA, DOCS) as read:
        yield
    assert not read, f"{request.node.nodeid} read the real content: " + ", ".join(sorted(set(read))[:5])


# Moodle's own Common Cartridge importer and the IMS CC 1.1 schemas it validates against (with the rules embedded in
# them): a test tool kept beside the repository, where CI has it too, and not part of INTRO.
MOODLE_CC = ROOT.parent / "shared" / "tools" / "moodle-cc"


@pytest.fixture(scope="session")
def moodle_cc() -> Path:
    """The folder of Moodle's Common Cartridge importer (run.php) and its schemas (backup/cc/schemas11/)."""
    if not (MOODLE_CC / "run.php").is_file() or not (MOODLE_CC / "backup/cc/schemas11").is_dir():
        pytest.fail(
            f"Moodle's Common Cartridge importer and the IMS CC 1.1 schemas are missing: they belong in "
            f"{MOODLE_CC.resolve()} (shared/tools/moodle-cc beside the repository). The course package tests "
            "cannot check the packages without them."
        )
    return MOODLE_CC


def built_once(tmp_path_factory: pytest.TempPathFactory, config: str, project: Callable[[Path], Path] | None = None) -> Release:
    """The release of one edition, built once per test run however many pytest-xdist workers ask for it: the first
    to ask builds it into the run's shared folder while the others wait, then all read the same files. Both
    editions go into one folder, as a lab running both kiosks has them. project makes the project to build in the
    shared folder (a copy of the fixture project); without it, this repository's."""
    base = tmp_path_factory.getbasetemp()
    # Each xdist worker has its own base folder under the run's; a run without xdist uses its own base alone.
    shared = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / ("fixture-site" if project else "real-site")
    shared.mkdir(exist_ok=True)
    record = shared / f"{config}.json"
    with (shared / f"{config}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not record.exists():
            try:
                root, env = (project(shared), {"INTRO_TODAY": FIXTURE_TODAY}) if project else (ROOT, None)
                built = build_release(root / config, shared, env)
                record.write_text(json.dumps({"built": release_fields(built)}), encoding="utf-8")
            except BuildFailed as failed:
                record.write_text(json.dumps({"failed": str(failed)}), encoding="utf-8")
        outcome = json.loads(record.read_text(encoding="utf-8"))
    if "failed" in outcome:
        pytest.fail(f"The site did not build ({config}):\n{outcome['failed']}")
    return release_from(outcome["built"])


@pytest.fixture(scope="session")
def release(tmp_path_factory: pytest.TempPathFactory) -> Release:
    """The Bergen edition as `make build` and `make publish` make it: the offline zip, and the site offering it."""
    return built_once(tmp_path_factory, "mkdocs.yml")


@pytest.fixture(scope="session")
def offline_zip(release: Release) -> Path:
    return release.zip


@pytest.fixture(scope="session")
def offline_dir(offline_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline edition as a reader has it: unpacked from the zip."""
    out = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(out)
    return out / offline_zip.stem


@pytest.fixture(scope="session")
def site_dir(release: Release) -> Path:
    """The online site, with the offline zip to download."""
    return release.site


@pytest.fixture(scope="session")
def gjovik_release(tmp_path_factory: pytest.TempPathFactory) -> Release:
    """The Gjøvik edition, built once per run into the same folder as the Bergen one."""
    return built_once(tmp_path_factory, "mkdocs.gjovik.yml")


@pytest.fixture(scope="session")
def gjovik_site(gjovik_release: Release) -> Path:
    return gjovik_release.site


@pytest.fixture(scope="session")
def nynorsk_release(tmp_path_factory: pytest.TempPathFactory) -> Release:
    """The real nynorsk edition, translated from the bokmål source by Apertium as it builds, once per run beside
    the Bergen edition (tests/nynorsk/ only: a cold translation of the whole site takes minutes)."""
    return built_once(tmp_path_factory, NYNORSK_CONFIG)


@pytest.fixture(scope="session")
def nynorsk_site(nynorsk_release: Release) -> Path:
    return nynorsk_release.site


@pytest.fixture(scope="session")
def fixture_nynorsk_release(tmp_path_factory: pytest.TempPathFactory) -> Release:
    """The fixture project's nynorsk edition (tests/fixtures/site/mkdocs.nynorsk.yml), translated by the real
    Apertium, once per run: the project copy stays in the shared folder, with the translation cache a test may
    copy (fixture_nynorsk_project)."""
    return built_once(tmp_path_factory, NYNORSK_CONFIG, lambda shared: copy_site(shared / "project"))


@pytest.fixture(scope="session")
def fixture_nynorsk_site(fixture_nynorsk_release: Release) -> Path:
    return fixture_nynorsk_release.site


@pytest.fixture
def fixture_nynorsk_project(fixture_nynorsk_release: Release, tmp_path: Path) -> Path:
    """A copy of the fixture project that a test may break, with what Apertium translated for the run's build, so
    that its nynorsk build translates only what the test changed."""
    project = copy_site(tmp_path / "prosjekt")
    copy_translation_cache(fixture_nynorsk_release.zip.parent / "project", project)
    return project


@pytest.fixture(scope="session", params=["bergen", "gjovik"])
def edition_packages(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> EditionPackages:
    """Every course package of each edition (the sessions' builds, no new one), unpacked."""
    built: Release = request.getfixturevalue("release" if request.param == "bergen" else "gjovik_release")
    out = tmp_path_factory.mktemp(f"packages-{request.param}")
    folders = {}
    for package in sorted((built.site / "last-ned" / "kurspakker").glob("*.imscc")):
        with zipfile.ZipFile(package) as archive:
            archive.extractall(out / package.stem)
        folders[package.name] = out / package.stem
    catalog = json.loads((built.site / "catalog.json").read_text(encoding="utf-8"))
    return EditionPackages(built, catalog, folders)


# Runs MkDocs as a stock install would: importing INTRO's package or mkdocs-macros fails the build.
STOCK_MKDOCS = """
import sys
class Refuse:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("macros", "mkdocs_macros"):
            raise ImportError(name + " is not part of a stock build")
sys.meta_path.insert(0, Refuse())
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", *sys.argv[1:]]
cli()
"""


@pytest.fixture(scope="session")
def handed_over(release: Release, tmp_path_factory: pytest.TempPathFactory) -> Handover:
    """The Bergen edition built by INTRO with its finished Markdown handed over (the same zip and ZIM to offer),
    and that hand-over built strictly by stock MkDocs and Material, without INTRO's package or mkdocs-macros."""
    work = tmp_path_factory.mktemp("handover")
    env = {
        "INTRO_FINISHED_MARKDOWN": str(work / "handover"),
        "INTRO_OFFLINE_ZIP": str(release.zip.resolve()),
        "INTRO_OFFLINE_ZIM": str(release.zim.resolve()),
    }
    built = run_mkdocs(ROOT / "mkdocs.yml", work / "intro", env)
    if built.returncode != 0:
        pytest.fail(f"The site did not build with a hand-over:\n{built.stderr[-6000:]}")
    stock = subprocess.run(
        [sys.executable, "-c", STOCK_MKDOCS, "build", "--strict", "-d", str(work / "stock")],
        cwd=work / "handover",
        capture_output=True,
        text=True,
        timeout=900,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if stock.returncode != 0:
        pytest.fail(f"Stock MkDocs did not build the hand-over:\n{stock.stderr[-6000:]}")
    return Handover(work / "intro", work / "handover", work / "stock", stock.stderr)


@pytest.fixture(scope="session")
def html(site_dir: Path) -> Callable[[str], LexborHTMLParser]:
    """Parse a built page by its path under the site, e.g. html("kapitler/lovene/index.html")."""
    cache: dict[str, LexborHTMLParser] = {}

    def parse(path: str) -> LexborHTMLParser:
        if path not in cache:
            cache[path] = LexborHTMLParser((site_dir / path).read_text(encoding="utf-8"))
        return cache[path]

    return parse


@pytest.fixture(scope="session")
def built_pages(site_dir: Path) -> list[str]:
    return sorted(str(p.relative_to(site_dir)) for p in site_dir.rglob("*.html"))


@pytest.fixture(scope="session")
def served_site(site_dir: Path) -> Iterator[str]:
    """The built site over HTTP on a loopback port."""
    with chromium.serve_folder(site_dir) as address:
        yield address


@pytest.fixture(scope="session")
def gjovik_served(gjovik_site: Path) -> Iterator[str]:
    """The Gjøvik edition over HTTP on a loopback port."""
    with chromium.serve_folder(gjovik_site) as address:
        yield address


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    try:
        with chromium.browser() as started:
            yield started
    except chromium.ChromiumMissing as error:
        pytest.fail(str(error))


@pytest.fixture
def guarded_page(browser, served_site: str):
    """A tab on the served site that records every off-site request and every error."""
    context = browser.new_context()
    problems = guard(context, served_site)
    page = context.new_page()
    yield page, problems
    context.close()


@pytest.fixture
def offline_page(browser, offline_dir: Path):
    """A tab reading the unpacked offline edition over file://, recording the same."""
    context = browser.new_context()
    problems = guard(context, offline_dir.as_uri() + "/")
    page = context.new_page()
    yield page, problems
    context.close()
