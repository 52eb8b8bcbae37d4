"""Publishing that can always be undone: stopped at any point, out of disk, or rolled back. On the small fixture
project (tests/fixtures/site/)."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from macros.commands.publish import (
    KEEP_RELEASES,
    RELEASE_RECORD,
    PublishError,
    complete_releases,
    prune,
    publish,
    remove_unfinished,
    rollback,
    switch,
)
from tests.helpers import FIXTURE_TODAY, ROOT, copy_site


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("INTRO_TODAY", FIXTURE_TODAY)  # for the publish's own reading, its builds and its processes
    return copy_site(tmp_path / "prosjekt")


def fake_release(root: Path, name: str, complete: bool = True) -> Path:
    release = root / "releases" / name
    (release / "site").mkdir(parents=True)
    (release / "site" / "index.html").write_text(name, encoding="utf-8")
    if complete:
        (release / RELEASE_RECORD).write_text(json.dumps({"commit": name}), encoding="utf-8")
    return release


def test_exactly_the_promised_number_of_complete_releases_is_kept_with_the_live_one(tmp_path):
    releases = [fake_release(tmp_path, f"2026110{n}-1") for n in range(1, 6)]
    switch(tmp_path, releases[-1])
    fake_release(tmp_path, "20261106-1", complete=False)
    prune(tmp_path)
    kept = complete_releases(tmp_path)
    assert len(kept) == KEEP_RELEASES == 3 and releases[-1] in kept


def test_unfinished_releases_are_removed_and_never_counted(tmp_path):
    done = fake_release(tmp_path, "20261101-1")
    cut = fake_release(tmp_path, "20261102-1", complete=False)
    assert complete_releases(tmp_path) == [done]
    assert remove_unfinished(tmp_path) == [cut] and not cut.exists()


def test_rollback_switches_to_the_previous_complete_release(tmp_path):
    with pytest.raises(PublishError, match="ingen tidligere utgave"):
        rollback(tmp_path)
    first, second = fake_release(tmp_path, "20261101-1"), fake_release(tmp_path, "20261102-1")
    fake_release(tmp_path, "20261101-9", complete=False)
    switch(tmp_path, second)
    assert rollback(tmp_path) == first
    assert (tmp_path / "current" / "site" / "index.html").read_text() == "20261101-1"


def test_a_release_records_its_commit_and_a_dirty_tree_is_refused(tmp_path, project):
    git = ["git", "-C", str(project), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "x"], check=True)
    head = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    (project / "docs/kapitler/lovene.md").write_text("endret", encoding="utf-8")
    with pytest.raises(PublishError, match="ikke er committet"):
        publish(tmp_path / "srv", project / "mkdocs.yml")
    subprocess.run([*git, "checkout", "-q", "--", "."], check=True)
    release = publish(tmp_path / "srv", project / "mkdocs.yml")
    assert json.loads((release / RELEASE_RECORD).read_text())["commit"] == head


def start_publish(root: Path, project: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "macros.commands.cli", "publish", str(root), "--config", str(project / "mkdocs.yml")],
        cwd=ROOT,
        start_new_session=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def wait_until_building(root: Path) -> Path:
    for _ in range(600):
        building = (
            [p for p in (root / "releases").glob("*") if not (p / RELEASE_RECORD).exists()]
            if (root / "releases").is_dir()
            else []
        )
        if building and any(building[0].rglob("*.html")):
            return building[0]
        time.sleep(0.05)
    pytest.fail("the publish never started building")


def test_a_publish_stopped_by_any_signal_leaves_the_live_site_and_no_partial_release(tmp_path, project):
    root = tmp_path / "srv"
    first = publish(root, project / "mkdocs.yml")
    live = (root / "current/site/index.html").read_bytes()
    for stop in (signal.SIGTERM, signal.SIGHUP, signal.SIGKILL):
        process = start_publish(root, project)
        partial = wait_until_building(root)
        if stop == signal.SIGKILL:
            os.killpg(process.pid, signal.SIGKILL)  # the whole group: nothing can clean up
        else:
            os.kill(process.pid, stop)
        output, _ = process.communicate(timeout=120)
        assert (root / "current").resolve() == first.resolve(), output
        assert (root / "current/site/index.html").read_bytes() == live
        if stop != signal.SIGKILL:
            assert "avbrutt" in output and not partial.exists(), output
        time.sleep(1)
        assert subprocess.run(["pgrep", "-f", f"mkdocs build.*{project}"], capture_output=True).returncode == 1, (
            "a build kept running after its publish was stopped"
        )
    assert complete_releases(root) == [first]
    second = publish(root, project / "mkdocs.yml")
    assert sorted(p.name for p in (root / "releases").iterdir()) == sorted([first.name, second.name])
    assert rollback(root) == first


def test_a_full_disk_stops_with_a_norwegian_message_and_pruning_makes_room(tmp_path, project):
    root = tmp_path / "srv"
    root.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=120m", "tmpfs", str(root)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"this machine cannot mount a small disk: {mounted.stderr.decode().strip()}")
    try:
        first = publish(root, project / "mkdocs.yml")
        size = sum(p.stat().st_size for p in first.rglob("*") if p.is_file())

        def leave_free(amount: float) -> None:
            (root / "fyll").unlink(missing_ok=True)
            free = os.statvfs(root).f_bavail * os.statvfs(root).f_frsize
            with (root / "fyll").open("wb") as filler:
                filler.truncate(0)
                filler.write(b"\0" * max(0, free - int(amount)))

        leave_free(0.4 * size)
        with pytest.raises(PublishError, match="Disken er full"):
            publish(root, project / "mkdocs.yml")
        assert (root / "current").resolve() == first.resolve() and complete_releases(root) == [first]
        assert [p.name for p in (root / "releases").iterdir()] == [first.name], "a partial release was left"

        (root / "fyll").unlink()
        second = publish(root, project / "mkdocs.yml")
        leave_free(0.6 * size)  # room for less than a release, with an old one to give up
        third = publish(root, project / "mkdocs.yml")
        assert complete_releases(root) == [second, third] and not first.exists()
    finally:
        subprocess.run(["umount", "-l", str(root)])
