"""Publish safely: build into a fresh release, check it, then switch the live site to it in one step.

Layout under the publish root (for example /srv/intro):
  releases/<time>-<n>/site/    a built site         releases/<…>/csp.conf   its nginx CSP header
  current -> releases/<…>      the live release, switched by an atomic rename of a symlink
  published.yml                every address the live site has published (the build keeps them working)
  .publish.lock                held while publishing, so two publishes never interleave

Everything that can refuse a release is learnt before the switch: the content is read the one way the build
reads it (site_map.published_files), every address it will publish must be in data/published.yml, the build and the
check pass, and the new registry and csp.conf are written beside it. After the switch come only the registry's
rename, nginx's reload and the pruning of old releases, with stop signals held off until they are done. If the
reload fails, the switch and the registry are put back: a publish either completes every step or leaves the live
site as it was.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import signal
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

from macros import loader
from macros.checks.html import off_site_resources
from macros.commands.release import BuildFailed, build_release
from macros.content.errors import ContentError, IntroError
from macros.exports.addresses import REGISTRY_FILE, current_addresses, read_registry, registry_text
from macros.exports.csp import nginx_include, unknown_inline_scripts

# Complete releases kept, the live one included: a rollback has two to go back to.
KEEP_RELEASES = 3
# Written last into a release: only a release that has it was built, checked and finished.
RELEASE_RECORD = "release.json"


class PublishError(IntroError):
    """The publish stopped; the live site is as it was."""


@contextmanager
def publish_lock(root: Path):
    root.mkdir(parents=True, exist_ok=True)
    with (root / ".publish.lock").open("w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise PublishError("En annen publisering pågår. Vent til den er ferdig, og prøv igjen.") from None
        yield


def check_release(site: Path) -> list[str]:
    """What makes a built site unfit to publish (beyond what the strict build already refuses)."""
    problems = []
    for required in ("index.html", "404.html", "catalog.json", "search/search_index.json"):
        if not (site / required).is_file():
            problems.append(f"{required} mangler")
    for page in site.rglob("*.html"):
        problems += [f"{page.relative_to(site)}: henter {a}" for a in off_site_resources(page.read_text("utf-8"))]
    problems += [f"{found}: et skript på siden som nettstedet ikke har laget" for found in unknown_inline_scripts(site)]
    return problems


def planned_addresses(config: Path) -> set[str]:
    """Every address the release will answer, read from the content the way the build reads it; each must be in
    data/published.yml already (`make register`), so no published address depends on this server's registry."""
    try:
        options = loader.options_from_config({"config_file_path": str(config)})
        site = loader.load(options.sources).site
    except loader.LoaderError as error:
        raise PublishError(str(error)) from None
    except ContentError as error:
        raise PublishError(f"Innholdet kan ikke bygges, så ingenting ble publisert:\n{error}") from None
    current = current_addresses(site.page_uris, site.chapters, site.redirects)
    unregistered = sorted(current - set(read_registry(options.sources.data_dir)))
    if unregistered:
        raise PublishError(
            "Disse adressene er nye og står ikke i data/published.yml: "
            + ", ".join(f"«{address}»" for address in unregistered[:12])
            + ("…" if len(unregistered) > 12 else "")
            + ". Kjør «make register», commit endringen, "
            "og publiser igjen: da kan ingen av dem forsvinne uten en omdirigering."
        )
    return current


def switch(root: Path, release: Path) -> None:
    """Point root/current at release in one atomic rename."""
    link = root / "current.new"
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(release.relative_to(root), target_is_directory=True)
    os.replace(link, root / "current")


def _complete(release: Path) -> bool:
    return (release / RELEASE_RECORD).is_file()


def complete_releases(root: Path) -> list[Path]:
    """Finished releases, oldest first; a release without its record was cut short and never counts."""
    releases = root / "releases"
    return sorted(p for p in releases.iterdir() if p.is_dir() and _complete(p)) if releases.is_dir() else []


def remove_unfinished(root: Path) -> list[Path]:
    """What an earlier publish left when it was killed (SIGKILL, power cut): removed before anything else."""
    releases = root / "releases"
    unfinished = [p for p in releases.iterdir() if p.is_dir() and not _complete(p)] if releases.is_dir() else []
    for release in unfinished:
        shutil.rmtree(release, ignore_errors=True)
    return unfinished


def _live(root: Path) -> Path | None:
    current = root / "current"
    return current.resolve() if current.is_symlink() else None


def prune(root: Path, keep: int = KEEP_RELEASES) -> None:
    """Keep the newest complete releases, the live one always among them."""
    live = _live(root)
    old = [r for r in complete_releases(root) if r != live]
    for release in old[: max(0, len(old) - (keep - 1))]:
        shutil.rmtree(release, ignore_errors=True)


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def make_room(root: Path) -> None:
    """Before building: if the disk could not hold another release, remove old ones (never the live one)."""
    live = _live(root)
    needed = 2 * _size(live) if live else 0
    for release in [r for r in complete_releases(root) if r != live]:
        if shutil.disk_usage(root).free > needed:
            return
        shutil.rmtree(release, ignore_errors=True)


def source_state(project: Path) -> tuple[str | None, bool]:
    """The commit the project is at, and whether it has changes not committed (None, False outside git)."""
    head = subprocess.run(["git", "-C", str(project), "rev-parse", "HEAD"], capture_output=True, text=True)
    if head.returncode != 0:
        return None, False
    status = subprocess.run(["git", "-C", str(project), "status", "--porcelain"], capture_output=True, text=True)
    return head.stdout.strip(), bool(status.stdout.strip())


class Interrupted(BaseException):
    """A person or the system asked the publish to stop (Ctrl-C, SIGTERM, or SIGHUP when SSH drops)."""


@contextmanager
def stopped_cleanly():
    """Turn SIGTERM and SIGHUP into an exception, so the unfinished release is removed on the way out."""

    def stop(signum, frame):
        raise Interrupted(signal.Signals(signum).name)

    previous = {signum: signal.signal(signum, stop) for signum in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


@contextmanager
def signals_held():
    """Stop signals wait while the live site changes: a publish that has switched finishes its steps."""
    held = {signal.SIGTERM, signal.SIGHUP, signal.SIGINT}
    previous = {signum: signal.signal(signum, signal.SIG_IGN) for signum in held}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _put_back(root: Path, previous: Path | None, registry: bytes | None) -> None:
    """The live site and its registry as they were before the switch."""
    if previous is not None:
        switch(root, previous)
    else:
        (root / "current").unlink(missing_ok=True)
    if registry is None:
        (root / REGISTRY_FILE).unlink(missing_ok=True)
    else:
        (root / REGISTRY_FILE).write_bytes(registry)


def publish(root: Path, config: Path, allow_dirty: bool = False, reload_command: str | None = None) -> Path:
    """Build, check and switch; on any failure the live site stays exactly as it was."""
    commit, dirty = source_state(config.parent)
    if dirty and not allow_dirty:
        raise PublishError(
            "Prosjektet har endringer som ikke er committet, og de ville blitt publisert uten spor. "
            "Commit dem først, eller publiser med --allow-dirty."
        )
    addresses = planned_addresses(config)
    with publish_lock(root):
        remove_unfinished(root)
        make_room(root)
        releases = root / "releases"
        releases.mkdir(exist_ok=True)
        release = releases / f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
        try:
            with stopped_cleanly():
                try:
                    build_release(
                        config, release, site=release / "site", env={"INTRO_PUBLISHED_REGISTRY": str(root / REGISTRY_FILE)}
                    )
                except BuildFailed as failed:
                    if "[Errno 28]" in str(failed):  # ENOSPC, met by the build itself
                        raise OSError(errno.ENOSPC, "No space left on device", str(release)) from None
                    raise PublishError(f"Bygget feilet, så ingenting ble publisert:\n{failed}") from None
                problems = check_release(release / "site")
                if problems:
                    raise PublishError("Sjekken av det bygde nettstedet feilet:\n  - " + "\n  - ".join(problems))
                (release / "csp.conf").write_text(nginx_include(release / "site"), encoding="utf-8")
                known = set(read_registry(root, REGISTRY_FILE))
                (release / REGISTRY_FILE).write_text(registry_text(known | addresses), encoding="utf-8")
                record = {"commit": commit, "dirty": dirty, "config": config.name, "built": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
                (release / RELEASE_RECORD).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
        except OSError as error:
            shutil.rmtree(release, ignore_errors=True)
            if error.errno == errno.ENOSPC:
                raise PublishError(
                    "Disken er full, så ingenting ble publisert. Nettstedet er som før. Slett gamle "
                    f"utgaver i {releases}, eller gi serveren mer plass, og prøv igjen."
                ) from None
            raise PublishError(
                f"Kunne ikke skrive utgaven ({error.strerror}: {error.filename}). Nettstedet er som før."
            ) from None
        except BaseException:
            shutil.rmtree(release, ignore_errors=True)
            raise
        with signals_held():
            previous = _live(root)
            registry = root / REGISTRY_FILE
            previous_registry = registry.read_bytes() if registry.is_file() else None
            previous_csp = (previous / "csp.conf").read_text() if previous and (previous / "csp.conf").is_file() else None
            staged = root / f"{REGISTRY_FILE}.new"
            shutil.copyfile(release / REGISTRY_FILE, staged)
            switch(root, release)
            try:
                os.replace(staged, registry)
                if previous_csp != (release / "csp.conf").read_text():
                    reload_server(reload_command)
            except (OSError, PublishError) as error:
                _put_back(root, previous, previous_registry)
                shutil.rmtree(release, ignore_errors=True)
                staged.unlink(missing_ok=True)
                reason = error if isinstance(error, PublishError) else f"{error.strerror}: {error.filename}"
                raise PublishError(f"{reason}\nDen nye utgaven ble tatt bort igjen, og registeret satt tilbake.") from None
            prune(root)
        return release


def reload_server(command: str | None) -> None:
    """The CSP header changed: nginx must read it again. Run the given command, or say which one to run."""
    if not command:
        print("csp.conf er endret: last nginx inn på nytt, for eksempel med «sudo systemctl reload nginx».")
        return
    done = subprocess.run(command, shell=True, capture_output=True, text=True)  # noqa: S602 - the operator's own
    if done.returncode != 0:
        raise PublishError(
            f"«{command}» feilet ({done.stderr.strip() or f'kode {done.returncode}'}), så nginx har ikke lest den nye CSP-en."
        )


def rollback(root: Path) -> Path:
    """Switch back to the complete release before the live one, in one atomic step."""
    with publish_lock(root):
        remove_unfinished(root)
        complete, live = complete_releases(root), _live(root)
        earlier = [r for r in complete if live is None or r.name < live.name]
        if not earlier:
            raise PublishError("Det finnes ingen tidligere utgave å gå tilbake til.")
        switch(root, earlier[-1])
        return earlier[-1]
