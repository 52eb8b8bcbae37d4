"""The same site from MkDocs and from ProperDocs, the maintained fork: byte for byte, but for the generator tag."""

import filecmp
import re
from pathlib import Path

import pytest

from macros.commands.release import Release, run_mkdocs
from tests.helpers import ROOT

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


@pytest.mark.parametrize(
    "config, built", [("mkdocs.yml", "bergen"), ("mkdocs.gjovik.yml", "gjovik"), ("mkdocs.offline.yml", "offline")]
)
def test_properdocs_builds_what_mkdocs_builds(
    config, built, release: Release, gjovik_release: Release, offline_dir: Path, tmp_path
):
    expected = {"bergen": release.site, "gjovik": gjovik_release.site, "offline": offline_dir}[built]
    # Built as the release builds it: the site offers the same zip and ZIM for download.
    made = {"bergen": release, "gjovik": gjovik_release, "offline": None}[built]
    env = {"INTRO_OFFLINE_ZIP": str(made.zip.resolve()), "INTRO_OFFLINE_ZIM": str(made.zim.resolve())} if made else {}
    result = run_mkdocs(ROOT / config, tmp_path / "site", env, runner="properdocs")
    assert result.returncode == 0, result.stderr[-3000:]
    assert b"ProperDocs" in (tmp_path / "site" / "index.html").read_bytes()
    assert differences(tmp_path / "site", expected) == []
