"""One release build for every caller: `make build`, `make publish`, the tests and the benchmark.

A release of an edition is its offline edition, zipped under the edition's own name, and the online site that
offers that zip for download. Two editions built into one folder never share a file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from macros import loader
from macros.commands.chromium import free_port
from macros.content.errors import IntroError
from macros.exports.archive import names, zip_directory
from macros.exports.zim import zim_from_offline_build

# The programs that can build INTRO: MkDocs by default, or ProperDocs, a maintained fork of MkDocs 1.x that
# builds the same site (see the README). INTRO_RUNNER chooses; `make build RUNNER=properdocs` sets it.
RUNNERS = ("mkdocs", "properdocs")
SERVE_START_TIMEOUT_S = 300
# How `make serve` serves: MkDocs renders again only the pages saved, and the intro plugin renders what else a save
# changes (macros/serving.py).
SERVE_FLAGS = ("--dirty",)


def runner_command(runner: str | None = None) -> tuple[str, ...]:
    name = runner or os.environ.get("INTRO_RUNNER") or "mkdocs"
    if name not in RUNNERS:
        raise BuildFailed(f"«{name}» kan ikke bygge INTRO. Velg mkdocs eller properdocs.")
    return (sys.executable, "-m", name)


class BuildFailed(IntroError):
    """A build stopped; its message is what MkDocs told the author."""


@dataclass(frozen=True)
class Release:
    edition: str
    site: Path | None  # None when only the offline edition was built
    zip: Path
    zim: Path
    # Wall seconds of the offline and the online build, for the benchmark.
    seconds: Mapping[str, float] = field(default_factory=dict, compare=False)


def edition_of(config: Path) -> str:
    """The edition a config builds, as the build reads it (macros/loader.py, the one reader of a config file)."""
    try:
        return loader.options_from_config({"config_file_path": str(config)}).sources.edition
    except loader.LoaderError as error:
        raise BuildFailed(str(error)) from None


def mkdocs_command(config: Path, site_dir: Path, runner: str | None = None, flags: Sequence[str] = ("--strict",)) -> list[str]:
    """`mkdocs build` of a config into site_dir; strict unless told. Never -q: it hides the warnings strict counts."""
    return [*runner_command(runner), "build", *flags, "-f", str(config), "-d", str(site_dir)]


def serve_command(config: Path, address: str, runner: str | None = None) -> list[str]:
    """`make serve`: the edition at address (host:port), rebuilt as the author saves."""
    return [*runner_command(runner), "serve", *SERVE_FLAGS, "-f", str(config), "--dev-addr", address]


def mkdocs_env(extra: Mapping[str, str] | None = None, base: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment a build runs in: base (this process's by default), without MkDocs 2's notice, plus extra."""
    return {**(os.environ if base is None else base), "NO_MKDOCS_2_WARNING": "1", **(extra or {})}


def run_mkdocs(
    config: Path,
    site_dir: Path,
    env: dict[str, str] | None = None,
    runner: str | None = None,
    flags: Sequence[str] = ("--strict",),
) -> subprocess.CompletedProcess:
    """Build as an author would: strictly, and never quietly (quiet mode hides the warnings strict counts)."""
    # In the caller's process group, so a signal to the group (an SSH drop, a kill of the whole job) stops both;
    # and if only the caller is stopped, it stops the build on its way out instead of leaving it writing.
    process = subprocess.Popen(
        mkdocs_command(config, site_dir, runner, flags),
        cwd=config.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=mkdocs_env(env),
    )
    try:
        stdout, stderr = process.communicate(timeout=900)
    except BaseException:
        process.kill()
        process.wait()
        raise
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


@contextlib.contextmanager
def serve_mkdocs(
    project: Path,
    flags: Sequence[str],
    log: Path,
    env: Mapping[str, str] | None = None,
    config: str = "mkdocs.yml",
    timeout_s: float = SERVE_START_TIMEOUT_S,
) -> Iterator[str]:
    """Start `mkdocs serve` in project on a free loopback port, wait until it serves, yield its address; stop it
    afterwards as an author does. Its output goes to log; env is the whole environment (mkdocs_env() unless given)."""
    port = free_port()
    command = [*runner_command(), "serve", "-f", config, "--dev-addr", f"127.0.0.1:{port}", *flags]
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            command, cwd=project, stdout=out, stderr=subprocess.STDOUT, env=dict(env) if env is not None else mkdocs_env()
        )
    try:
        deadline = time.monotonic() + timeout_s
        while "Serving on" not in log.read_text(encoding="utf-8", errors="replace"):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"`{' '.join(['mkdocs serve', *flags])}` did not start: {_last_lines(log)}")
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}/"
    finally:
        # Ctrl+C, as an author stops it: on SIGINT mkdocs serve removes its temporary site folder, on SIGTERM not.
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _last_lines(log: Path, count: int = 3) -> str:
    """The end of the log without MkDocs' and the macros plugin's INFO chatter: the warnings and the error."""
    lines = [
        line
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines()
        if line.strip() and not line.startswith("INFO")
    ]
    return " / ".join(lines[-count:])


def _build(config: Path, site_dir: Path, env: dict[str, str]) -> None:
    result = run_mkdocs(config, site_dir, env)
    if result.returncode != 0:
        raise BuildFailed(result.stderr[-6000:])


def build_release(
    config: Path, out: Path, env: dict[str, str] | None = None, site: Path | None = None, offline_only: bool = False
) -> Release:
    """The offline edition zipped to out/intro-<edition>-frakoblet.zip and made into out/intro-<edition>.zim, then
    the site to out/<edition>/site (or to site, where a publish keeps it), unless offline_only. The release notes
    how long each of the two builds took."""
    edition = edition_of(config)
    offline_names = names(edition)
    offline, zip_path, zim_path = out / edition / "offline", out / offline_names.zip, out / offline_names.zim
    seconds: dict[str, float] = {}
    shutil.rmtree(offline, ignore_errors=True)
    started = time.perf_counter()
    _build(config, offline, {**(env or {}), "INTRO_OFFLINE": "true"})
    seconds["offline"] = time.perf_counter() - started
    zip_directory(offline, zip_path, root=offline_names.folder)
    zim_from_offline_build(offline, zim_path, edition, build_day())
    shutil.rmtree(offline)
    if offline_only:
        return Release(edition, None, zip_path, zim_path, seconds)
    site = site or out / edition / "site"
    started = time.perf_counter()
    _build(
        config, site, {**(env or {}), "INTRO_OFFLINE_ZIP": str(zip_path.resolve()), "INTRO_OFFLINE_ZIM": str(zim_path.resolve())}
    )
    seconds["online"] = time.perf_counter() - started
    return Release(edition, site, zip_path, zim_path, seconds)


def build_day() -> dt.date:
    """The day a release is dated: the commit's (SOURCE_DATE_EPOCH), so a rebuild says the same."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date() if epoch else dt.date.today()
