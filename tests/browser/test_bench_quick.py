"""The benchmark cannot rot: a quick run writes a report with its tables and numbers.

The run is as small as it can be and still make every table: a corpus of 10 generated chapters (the quick run's
smallest size, given as --sizes), and the fixture project (tests/fixtures/site/) as the site readers, Lighthouse and
edit-to-reload measure (--project). `make bench` measures the real site.

The tests check that the report has its tables and numbers, never the timings: CI does not time anything.
The benchmark runs in its own process, as `make bench` runs it (and so its Chromium is its own).
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from macros.commands.release import mkdocs_env
from tests.helpers import FIXTURE_TODAY, ROOT, copy_site

CHAPTERS = 10

NUMBER = r"\d[\d \u00a0]*(?:,\d+)?"  # groups of three with a no-break space (norwegian.number)
SCORE = r"\d{1,3}"


def section(text: str, heading: str) -> str:
    """The text under a `## heading`, up to the next one."""
    assert f"\n{heading}\n" in text, f"The report has no «{heading}»"
    return text.split(f"\n{heading}\n", 1)[1].split("\n## ", 1)[0]


# ---- The quick run (it opens the site in Chromium and runs Lighthouse and mkdocs serve) ----


@pytest.fixture(scope="module")
def quick_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("bench")
    project = copy_site(out / "prosjekt")
    command = ["--quick", "--sizes", str(CHAPTERS), "--project", str(project)]
    result = subprocess.run(
        [sys.executable, "-m", "bench.run", *command, "--out", str(out / "results"), "--workdir", str(out / "work")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        env=mkdocs_env({"INTRO_TODAY": FIXTURE_TODAY}),
    )
    assert result.returncode == 0, f"The quick benchmark failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    reports = sorted((out / "results").glob("*-quick.md"))
    assert len(reports) == 1, f"Expected one quick report, found {reports}"
    return out / "results", reports[0].read_text(encoding="utf-8")


def test_a_quick_run_leaves_the_latest_report_alone(quick_report: tuple[Path, str]) -> None:
    results, _ = quick_report
    assert not (results / "latest.md").exists()


def test_the_report_describes_the_machine_and_the_goals(quick_report: tuple[Path, str]) -> None:
    _, text = quick_report
    for heading in (
        "## Maskinen",
        "## Målene fra saken",
        "## Bygging: forfattere",
        f"### {CHAPTERS} kapitler",
        "## Fra lagring til oppdatert side: forfattere",
        "## Lesere: det ekte nettstedet",
        "## Lighthouse: det ekte nettstedet på mobil",
        "## Søk i Chromium",
    ):
        assert heading in text, f"The report has no «{heading}»"
    assert re.search(r"^\| Kjerner \(nproc\) \| \d+ \|", text, re.M)
    assert re.search(r"^\| Pakker \| .*mkdocs-material \d.*lighthouse \d+\.\d+\.\d+", text, re.M)
    assert tempfile.gettempdir() not in text and str(ROOT) not in text, "The report names a path of this machine"
    assert "--quick --project prosjekt" in text, "The report does not say which project it measured"


def test_the_build_tables_have_numbers_for_both_configurations(quick_report: tuple[Path, str]) -> None:
    _, text = quick_report
    assert re.search(
        rf"^\| {CHAPTERS} \| {NUMBER} s \| {NUMBER} s \| {NUMBER}× \| {NUMBER} s \| {NUMBER} s \| {NUMBER}× \| "
        rf"{NUMBER} ms \| {NUMBER} ms \| {NUMBER} MB \| {NUMBER} MB \|$",
        text,
        re.M,
    ), f"No summary row for {CHAPTERS} chapters"
    for row in (
        "Veggtid \\(median\\)",
        "CPU-tid \\(median\\)",
        "Per kapittel \\(veggtid / kapitler\\)",
        "Største minnebruk \\(peak RSS\\)",
    ):
        assert re.search(rf"^\| {row} \| {NUMBER} \w+ \| {NUMBER} \w+ \| {NUMBER}× \|$", text, re.M), row
    assert re.search(rf"^\| INTRO ≤ 1,15× stock i veggtid, ved hver størrelse \| {CHAPTERS}: {NUMBER}× \|", text, re.M)
    # The same content built by stock Material, to tell INTRO's pages from INTRO's machinery.
    assert re.search(
        rf"^Stock på Markdown-en INTRO lager .*: veggtid {NUMBER} s, CPU-tid {NUMBER} s\. INTRO bruker "
        rf"{NUMBER}× så mye CPU-tid",
        text,
        re.M,
    )


def test_the_reader_side_is_measured_on_the_real_site(quick_report: tuple[Path, str]) -> None:
    _, text = quick_report
    reader = section(text, "## Lesere: det ekte nettstedet")
    assert "Ikke målt" not in reader, reader
    for page in ("Forsiden", "Kapittel uten figur", "Kapittel med figur"):
        assert re.search(rf"^\| {page} .*\| \d+ \| {NUMBER} kB \| {NUMBER} kB \| (ja|nei)", reader, re.M), page
    assert re.search(rf"Den frakoblede zip-filen \(`make offline`\): {NUMBER} MB", reader)
    assert re.search(rf"Søkeindeksen: {NUMBER} kB komprimert", reader)


def test_lighthouse_scores_the_landing_page_without_reaching_other_sites(quick_report: tuple[Path, str]) -> None:
    _, text = quick_report
    lighthouse = section(text, "## Lighthouse: det ekte nettstedet på mobil")
    assert "Ikke målt" not in lighthouse, lighthouse
    assert re.search(rf"^\| Forsiden \(`/`\) \| {SCORE} \| {SCORE} \| {SCORE} \|$", lighthouse, re.M), lighthouse
    assert re.search(r"Lighthouse \d+\.\d+\.\d+ \(npm", lighthouse)
    assert "Forespørsler til andre nettsteder: ingen." in lighthouse, lighthouse
    for goal in ("ytelse ≥ 95", "tilgjengelighet = 100"):
        assert re.search(rf"^\| Lighthouse {goal} \(mobil\) \| Forsiden {SCORE} \| (✅ nådd|❌ ikke nådd) \|$", text, re.M), goal
    # A missed goal names what to fix: the audits, by Lighthouse's id.
    performance = int(re.search(rf"^\| Forsiden \(`/`\) \| ({SCORE}) \|", lighthouse, re.M).group(1))
    if performance < 95:
        assert re.search(r"^- Forsiden, ytelse \d+: .*\(`[a-z-]+`\)", lighthouse, re.M), lighthouse


def test_edit_to_reload_is_timed_with_mkdocs_serve(quick_report: tuple[Path, str]) -> None:
    _, text = quick_report
    reload = section(text, "## Fra lagring til oppdatert side: forfattere")
    for target, command in (("make serve", "mkdocs serve --dirty"), ("stock, hand-over", "mkdocs serve")):
        row = rf"^\| `{target}` \(`{command}`\) \| {NUMBER} s \| {NUMBER} s \| {NUMBER} s \| {NUMBER} s \|$"
        assert re.search(row, reload, re.M), reload
    assert re.search(
        r"^\| Fra lagring til oppdatert side med `make serve` ≤ 0,35× stock sin `mkdocs serve` av hand-over \(median\) "
        rf"\| `make serve` median {NUMBER} s, lengste {NUMBER} s \(1 måling, \d+ kapitler\); stock median {NUMBER} s: "
        rf"{NUMBER}× \| (✅ nådd|❌ ikke nådd) \|$",
        text,
        re.M,
    )


def test_the_real_site_build_is_timed_against_stock_on_its_hand_over(quick_report: tuple[Path, str]) -> None:
    _, text = quick_report
    real = section(text, "## Det ekte nettstedet: INTRO mot stock på det samme ferdige nettstedet")
    for label in ("INTRO", "Stock på hand-over"):
        assert re.search(rf"^\| {label} \| {NUMBER} s \| {NUMBER} s \| {NUMBER} s \|$", real, re.M), real
    assert re.search(
        r"^\| Det ekte nettstedet: INTRO-bygget ≤ 1,20× stock på hand-over \(median veggtid\) "
        rf"\| INTRO {NUMBER} s, stock {NUMBER} s: {NUMBER}× \(1 bygg av hver\) \| (✅ nådd|❌ ikke nådd) \|$",
        text,
        re.M,
    )
