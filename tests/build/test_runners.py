"""The same site from MkDocs and from ProperDocs, the maintained fork: byte for byte, but for the generator tag."""

import filecmp
import re
from pathlib import Path

import pytest

from macros.commands.release import Release, run_mkdocs
from tests.helpers import FIXTURE_TODAY, ROOT, copy_site

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def differences(ours: Path, theirs: Path) -> list[str]:
    """Files that differ between two builds, once the generator tag is left out."""
    found = []
    compared = filecmp.dircmp(ours, theirs)
    found += [f"only in one build: {name}" for name in compared.left_only + compared.right_only]
    for name in compared.diff_files:
        left, right = (ours / name).read_bytes(), (theirs / name).read_bytes()
        if GENERATOR.sub(b"", left) != GENERATOR.sub(b"", right):
            found.append(str(ours / name))
    for name in compared.subdirs:
        found += differences(ours / name, theirs / name)
    return found


def test_properdocs_builds_the_real_site_as_mkdocs_does(release: Release, tmp_path):
    """The real config is portable: the Bergen site (the config the other editions inherit) from ProperDocs."""
    env = {"INTRO_OFFLINE_ZIP": str(release.zip.resolve()), "INTRO_OFFLINE_ZIM": str(release.zim.resolve())}
    result = run_mkdocs(ROOT / "mkdocs.yml", tmp_path / "site", env, runner="properdocs")
    assert result.returncode == 0, result.stderr[-3000:]
    assert b"ProperDocs" in (tmp_path / "site" / "index.html").read_bytes()
    assert differences(tmp_path / "site", release.site) == []


@pytest.mark.parametrize("build", ["online", "offline", "inherited edition"])
def test_properdocs_builds_what_mkdocs_builds(build, tmp_path):
    """On the fixture project: the site, its offline edition, and an edition whose config inherits the base one."""
    project = copy_site(tmp_path / "prosjekt")
    (project / "mkdocs.annen.yml").write_text("INHERIT: mkdocs.yml\nplugins:\n  intro:\n    edition: annen\n", "utf-8")
    (project / "data/editions/annen.yml").write_text(
        (project / "data/editions/prove.yml").read_text(encoding="utf-8").replace("id: prove", "id: annen"), "utf-8"
    )
    config = "mkdocs.annen.yml" if build == "inherited edition" else "mkdocs.yml"
    env = {"INTRO_TODAY": FIXTURE_TODAY, **({"INTRO_OFFLINE": "true"} if build == "offline" else {})}
    built = {runner: run_mkdocs(project / config, tmp_path / runner, env, runner=runner) for runner in ("mkdocs", "properdocs")}
    for runner, result in built.items():
        assert result.returncode == 0, f"{runner}: {result.stderr[-3000:]}"
    assert b"ProperDocs" in (tmp_path / "properdocs" / "index.html").read_bytes()
    assert differences(tmp_path / "properdocs", tmp_path / "mkdocs") == []
