"""Safe publishing: a failed build or check never touches the live site; builds are reproducible. On the small
fixture project (tests/fixtures/site/)."""

import filecmp

import pytest
from click.testing import CliRunner

from macros.commands import cli
from macros.commands.publish import PublishError, check_release, publish, publish_lock, switch
from macros.exports.addresses import read_registry, registry_text
from tests.helpers import FIXTURE_TODAY, copy_site, mkdocs_build


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("INTRO_TODAY", FIXTURE_TODAY)  # for the publish's own reading and its builds
    return copy_site(tmp_path / "prosjekt")


def test_publish_switches_to_a_checked_release_and_a_failed_one_leaves_it(tmp_path, project):
    root = tmp_path / "srv"
    first = publish(root, project / "mkdocs.yml")
    assert (root / "current").resolve() == first.resolve()
    assert (root / "current/site/index.html").is_file() and (root / "current/csp.conf").is_file()
    live = (root / "current/site/kapitler/lovene/index.html").read_text(encoding="utf-8")

    lovene = project / "docs/kapitler/lovene.md"
    lovene.write_text(lovene.read_text(encoding="utf-8") + "\n[Brutt lenke](finnes-ikke.md)\n", encoding="utf-8")
    with pytest.raises(PublishError, match="finnes-ikke.md"):
        publish(root, project / "mkdocs.yml")
    assert (root / "current").resolve() == first.resolve()
    assert (root / "current/site/kapitler/lovene/index.html").read_text(encoding="utf-8") == live
    assert [p.name for p in (root / "releases").iterdir()] == [first.name], "the failed release was left behind"


def test_two_publishes_never_interleave(tmp_path):
    root = tmp_path / "srv"
    with publish_lock(root):
        with pytest.raises(PublishError, match="annen publisering"):
            with publish_lock(root):
                pass


def test_release_check_refuses_off_site_resources(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    for name in ("404.html", "catalog.json"):
        (site / name).write_text("{}")
    (site / "index.html").write_text('<script src="https://cdn.example.org/x.js"></script>')
    problems = check_release(site)
    assert any("cdn.example.org" in p for p in problems) and any("search_index.json" in p for p in problems)


def test_switch_is_a_single_rename_of_a_symlink(tmp_path):
    root = tmp_path / "srv"
    for name in ("a", "b"):
        (root / "releases" / name).mkdir(parents=True)
    switch(root, root / "releases/a")
    switch(root, root / "releases/b")
    assert (root / "current").is_symlink() and (root / "current").resolve().name == "b"
    assert not (root / "current.new").exists()


def test_building_the_same_commit_twice_gives_identical_files(tmp_path, project):
    env = {"SOURCE_DATE_EPOCH": "1790000000"}
    for name in ("one", "two"):  # two processes: each with its own hash seed, as two builds on a server have
        result = mkdocs_build(project, tmp_path / name, env=env)
        assert result.returncode == 0, result.stderr[-2000:]
    comparison = filecmp.dircmp(tmp_path / "one", tmp_path / "two")

    def differences(cmp) -> list[str]:
        found = cmp.left_only + cmp.right_only + cmp.diff_files
        for sub in cmp.subdirs.values():
            found += differences(sub)
        return found

    # dircmp compares shallowly by stat; compare every common file's bytes too.
    files = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("*") if p.is_file())
    changed = [str(f) for f in files if (tmp_path / "one" / f).read_bytes() != (tmp_path / "two" / f).read_bytes()]
    assert differences(comparison) == [] and changed == []


def test_the_csp_hashes_only_the_themes_own_inline_scripts(tmp_path):
    from macros.exports.csp import inline_script_hashes, script_hash, unknown_inline_scripts

    theme = '__md_scope=new URL(".",location)'
    (tmp_path / "index.html").write_text(
        f"<html><head><script>{theme}</script></head><body><script>alert(1)</script></body></html>", encoding="utf-8"
    )
    assert inline_script_hashes(tmp_path) == [script_hash(theme)]
    assert unknown_inline_scripts(tmp_path) == ["index.html: alert(1)"]


def test_every_published_address_is_kept_by_the_publish_itself(tmp_path, project):
    """A new address is published only once it is in data/published.yml (`make register`), and the live site's
    registry keeps it too: no published address can be forgotten."""
    root = tmp_path / "srv"
    new = project / "docs/kapitler/helt-nytt.md"
    new.write_text(
        (project / "docs/kapitler/lovene.md").read_text(encoding="utf-8").replace("id: lovene", "id: helt-nytt"), encoding="utf-8"
    )
    mkdocs = project / "mkdocs.yml"
    mkdocs.write_text(
        mkdocs.read_text(encoding="utf-8").replace(
            "      - kapitler/lovene.md\n", "      - kapitler/lovene.md\n      - kapitler/helt-nytt.md\n"
        )
    )
    with pytest.raises(PublishError, match="make register"):
        publish(root, mkdocs)
    assert not (root / "current").exists()
    registered = CliRunner().invoke(cli.main, ["register", "--config", str(mkdocs)])
    assert registered.exit_code == 0, registered.output
    publish(root, mkdocs)
    registry = (root / "published.yml").read_text(encoding="utf-8")
    assert '"k/helt-nytt/"' in registry and '"kapitler/helt-nytt/"' in registry

    new.unlink()
    mkdocs.write_text(mkdocs.read_text(encoding="utf-8").replace("      - kapitler/helt-nytt.md\n", ""))
    (project / "data/published.yml").write_text(
        registry_text(set(read_registry(project / "data")) - {"k/helt-nytt/", "kapitler/helt-nytt/"}), encoding="utf-8"
    )  # as if it had been taken out of git again
    with pytest.raises(PublishError) as refused:
        publish(root, mkdocs)
    message = str(refused.value)
    assert "«helt-nytt»" in message and "«k/helt-nytt/»" in message and "redirects.yml" in message
    assert "published.yml på serveren" in message
