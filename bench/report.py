"""The Markdown report: the machine and its versions, the goals from the issue, then a section per measurement."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import platform
import re
import subprocess
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from bench.build import RealBuild, SizeResult
from bench.corpus import ROOT
from bench.formatting import goal_table, num
from bench.lighthouse import LighthouseResult
from bench.reader import Reader
from bench.reload import Reload
from bench.report_authors import (
    build_goals,
    real_build_goal,
    real_build_section,
    reload_goal,
    reload_section,
    size_section,
    summary_table,
)
from bench.report_readers import lighthouse_goals, lighthouse_section, reader_goals, reader_section, search_goal, search_section
from bench.search import SearchResult
from macros.commands.chromium import chromium_path

PACKAGES = (
    "mkdocs",
    "mkdocs-material",
    "pymdown-extensions",
    "mkdocs-macros-plugin",
    "Markdown",
    "pydantic",
    "Jinja2",
    "PyYAML",
    "selectolax",
    "playwright",
)
NPM_PACKAGES = ("mermaid", "lighthouse")


@dataclass
class Measurements:
    """Everything one run measured; None where a part was skipped."""

    sizes: list[SizeResult]
    reader: Reader | None
    lighthouse: LighthouseResult | None
    search: SearchResult | None
    reload: Reload | None
    real: RealBuild | None = None  # the real site's build against stock on its hand-over


@dataclass(frozen=True)
class RunInfo:
    command: str  # the command line, without paths
    started: dt.datetime
    seconds: float
    loads: tuple[tuple[float, ...], tuple[float, ...]]  # load averages before and after
    flat_nav: bool


# ---- The machine ----


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError:
        return ""


def _version_of(command: list[str], keep=lambda text: text) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=30)
        return keep(done.stdout.strip()) or "ukjent"
    except (RuntimeError, OSError, subprocess.SubprocessError):
        return "ikke installert"


def machine() -> dict[str, str]:
    cpu = re.search(r"^model name\s*:\s*(.+)$", _read("/proc/cpuinfo"), re.M)
    memory = re.search(r"^MemTotal:\s*(\d+) kB", _read("/proc/meminfo"), re.M)
    system = re.search(r'^PRETTY_NAME="?([^"\n]+)', _read("/etc/os-release"), re.M)
    versions = []
    for package in PACKAGES:
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions.append(f"{package} {metadata.version(package)}")
    for package in NPM_PACKAGES:
        manifest = ROOT / "node_modules" / package / "package.json"
        if manifest.is_file():
            versions.append(f"{package} {json.loads(manifest.read_text(encoding='utf-8'))['version']}")
    try:
        browser = _version_of([chromium_path(), "--version"], lambda text: text.split(" built")[0])
    except RuntimeError:
        browser = "ikke installert"
    return {
        "Prosessor": cpu.group(1).strip() if cpu else platform.processor() or "ukjent",
        "Kjerner (nproc)": str(os.cpu_count()),
        "Minne": f"{num(int(memory.group(1)) / 1024 / 1024)} GiB" if memory else "ukjent",
        "System": system.group(1) if system else platform.system(),
        "Python": platform.python_version(),
        "Node.js": _version_of(["node", "--version"]),
        "Pakker": ", ".join(versions),
        "Nettleser": browser,
    }


def load() -> tuple[float, ...]:
    return os.getloadavg()


# ---- The report ----


def report(measured: Measurements, run: RunInfo, facts: dict[str, str]) -> str:
    sizes, reader = measured.sizes, measured.reader
    loads = tuple(" ".join(num(value) for value in load) for load in run.loads)
    repeats = ", ".join(f"{len(s.of('intro'))} ved {s.corpus.chapters}" for s in sizes)
    nav = (
        "kapitlene rett i én seksjon per tema"
        if run.flat_nav
        else "én seksjon per tema (18) med én underseksjon per emne (5 per tema)"
    )
    lines = [
        f"# Ytelse: INTRO målt {run.started:%Y-%m-%d}",
        "",
        f"Kjørt med `{run.command}` ({num(run.seconds / 60)} minutter i alt). Bygg av hver konfigurasjon: "
        f"{repeats} kapitler; annenhver gang INTRO og stock, hvert bygg i en ny prosess. Navigasjonen i "
        f"korpuset: {nav}.",
        "",
        "## Maskinen",
        "",
        "| | |",
        "| --- | --- |",
    ]
    lines += [f"| {key} | {value} |" for key, value in facts.items()]
    lines += [f"| Last (snitt 1, 5, 15 min) før → etter | {loads[0]} → {loads[1]} |", ""]
    busy = max(max(before, after) for before, after in zip(*run.loads, strict=True)) > (os.cpu_count() or 1)
    goals = (
        build_goals(sizes)
        + real_build_goal(measured.real)
        + reload_goal(measured.reload)
        + (reader_goals(reader) if reader and not reader.error else [])
        + lighthouse_goals(measured.lighthouse)
        + search_goal(measured.search)
    )
    lines += ["## Målene fra saken", ""] + goal_table(goals) + [""]
    lines += [
        "## Bygging: forfattere",
        "",
        "INTRO er hele konfigurasjonen i `mkdocs.yml` (intro-tillegget med validering, makroer, søk). Stock er "
        "Material for MkDocs med bare søk, samme tema-innstillinger (uten INTROs `overrides/`), samme validering "
        "og samme `markdown_extensions`, på nøyaktig samme Markdown. Korpuset er laget av `bench/corpus.py`. "
        "INTRO-bygget gjør mer enn stock: det legger til topptekst, viktige punkter, kilder, undervisningsdel "
        "og stinavigasjon på hvert kapittel, forklaringer på ordlisteord, faste lenker, katalog og plakater.",
        "",
        "Veggtid og CPU-tid er for hele prosessen (oppstart av Python og import medregnet). "
        "Peak RSS er største minnebruk for den ene byggeprosessen.",
        "",
    ]
    if busy:
        lines += [
            f"Maskinen var delt med andre jobber under målingen (lasten var over {os.cpu_count()}, antall "
            "kjerner). Da venter byggene på prosessoren, og veggtiden blir støyete; CPU-tiden er mer "
            "pålitelig for å sammenligne INTRO med stock.",
            "",
        ]
    lines += summary_table(sizes) + [""]
    for size in sizes:
        lines += size_section(size)
    lines += real_build_section(measured.real)
    lines += reload_section(measured.reload)
    if reader is not None:
        lines += reader_section(reader)
    lines += lighthouse_section(measured.lighthouse)
    lines += search_section(measured.search)
    return "\n".join(lines)
