"""`make publish` reads docs/ the way the build does, learns everything before the switch, and either completes
every step or leaves the live site as it was; on a real publish root, with the small fixture project."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from macros.commands.publish import RELEASE_RECORD, PublishError, complete_releases, publish
from macros.exports.addresses import read_registry
from tests.helpers import FIXTURE_TODAY, copy_site

CHAPTER = "docs/kapitler/lovene.md"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("INTRO_TODAY", FIXTURE_TODAY)  # for the publish's own reading and its builds
    return copy_site(tmp_path / "prosjekt")


def assert_published_completely(root: Path, release: Path) -> None:
    assert (root / "current").resolve() == release.resolve()
    assert (release / RELEASE_RECORD).is_file() and (root / "current/site/index.html").is_file()
    registry = read_registry(root)
    assert "k/lovene/" in registry and "kapitler/lovene/" in registry, registry
    assert not (root / "published.yml.new").exists()


def test_from_an_empty_root_with_a_chapter_saved_with_a_byte_order_mark(project, tmp_path):
    chapter = project / CHAPTER
    chapter.write_bytes(b"\xef\xbb\xbf" + chapter.read_bytes())
    root = tmp_path / "srv"
    assert not root.exists()
    release = publish(root, project / "mkdocs.yml", reload_command="true")
    assert_published_completely(root, release)
    assert "Lovene" in (release / "site/kapitler/lovene/index.html").read_text(encoding="utf-8")


def test_a_hidden_trash_folder_under_docs_is_neither_a_page_nor_published(project, tmp_path):
    trash = project / "docs/.Trash-1000/files"
    trash.mkdir(parents=True)
    (trash / "gammelt-kapittel.md").write_text("Ingen topptekst, {{ lipsum }} og \x07.", encoding="utf-8")
    (project / "docs/kapitler/.lovene.md.swp").write_bytes(b"\x00\xff swap")
    root = tmp_path / "srv"
    first = publish(root, project / "mkdocs.yml", reload_command="true")
    assert_published_completely(root, first)
    assert not list((first / "site").rglob("*gammelt-kapittel*")) and not list((first / "site").rglob("*.swp"))
    second = publish(root, project / "mkdocs.yml", reload_command="true")
    assert_published_completely(root, second)
    assert complete_releases(root) == [first, second]


def test_a_failed_reload_puts_the_switch_and_the_registry_back(project, tmp_path):
    root = tmp_path / "srv"
    with pytest.raises(PublishError, match="«false» feilet"):
        publish(root, project / "mkdocs.yml", reload_command="false")
    assert not (root / "current").exists() and not (root / "published.yml").exists()
    assert complete_releases(root) == []

    first = publish(root, project / "mkdocs.yml", reload_command="true")
    registry = (root / "published.yml").read_bytes()
    (first / "csp.conf").write_text("# an older policy\n", encoding="utf-8")  # so the next publish must reload
    with pytest.raises(PublishError, match="tatt bort igjen"):
        publish(root, project / "mkdocs.yml", reload_command="false")
    assert (root / "current").resolve() == first.resolve() and complete_releases(root) == [first]
    assert (root / "published.yml").read_bytes() == registry


def test_a_new_address_not_in_data_published_is_refused_before_anything_is_built(project, tmp_path):
    new = project / "docs/kapitler/helt-nytt.md"
    new.write_text((project / CHAPTER).read_text(encoding="utf-8").replace("id: lovene", "id: helt-nytt"), encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "      - kapitler/lovene.md\n", "      - kapitler/lovene.md\n      - kapitler/helt-nytt.md\n"
        ),
        encoding="utf-8",
    )
    root = tmp_path / "srv"
    with pytest.raises(PublishError) as refused:
        publish(root, config, reload_command="true")
    message = str(refused.value)
    assert "«k/helt-nytt/»" in message and "«kapitler/helt-nytt/»" in message and "make register" in message
    assert not (root / "releases").exists() or not any((root / "releases").iterdir())


def test_content_the_build_would_refuse_stops_the_publish_before_the_switch(project, tmp_path):
    root = tmp_path / "srv"
    first = publish(root, project / "mkdocs.yml", reload_command="true")
    with (project / CHAPTER).open("a", encoding="utf-8") as chapter:
        chapter.write("\n{{ config.site_dir }}\n")
    with pytest.raises(PublishError, match="docs/kapitler/lovene.md, linje"):
        publish(root, project / "mkdocs.yml", reload_command="true")
    assert (root / "current").resolve() == first.resolve() and complete_releases(root) == [first]
    assert json.loads((first / RELEASE_RECORD).read_text())["config"] == "mkdocs.yml"
