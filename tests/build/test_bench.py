"""The benchmark cannot rot: a quick run (100 chapters, one build of each kind, no search latency, Lighthouse once
on the landing page, one edit-to-reload) writes a report.

The tests check that the report has its tables and numbers, never the timings: CI does not time anything.
The benchmark runs in its own process, as `make bench` runs it (and so its Chromium is its own).
"""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

import pytest

from bench.browser import serve
from bench.lighthouse import parse
from bench.reload import Reload, ReloadRun
from bench.report_authors import reload_goal, reload_section
from macros.commands.release import mkdocs_env
from tests.helpers import ROOT

NUMBER = r"\d[\d \u00a0]*(?:,\d+)?"  # groups of three with a no-break space (norwegian.number)
SCORE = r"\d{1,3}"


def section(text: str, heading: str) -> str:
    """The text under a `## heading`, up to the next one."""
    assert f"\n{heading}\n" in text, f"The report has no «{heading}»"
    return text.split(f"\n{heading}\n", 1)[1].split("\n## ", 1)[0]


# ---- The quick run (it opens the real site in Chromium and runs Lighthouse and mkdocs serve) ----


@pytest.fixture(scope="module")
def quick_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("bench")
    result = subprocess.run(
        [sys.executable, "-m", "bench.run", "--quick", "--out", str(out / "results"), "--workdir", str(out / "work")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        env=mkdocs_env(),
    )
    assert result.returncode == 0, f"The quick benchmark failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    reports = sorted((out / "results").glob("*-quick.md"))
    assert len(reports) == 1, f"Expected one quick report, found {reports}"
    return out / "results", reports[0].read_text(encoding="utf-8")


@pytest.mark.browser
def test_a_quick_run_leaves_the_latest_report_alone(quick_report: tuple[Path, str]) -> None:
    results, _ = quick_report
    assert not (results / "latest.md").exists()


@pytest.mark.browser
def test_the_report_describes_the_machine_and_the_goals(quick_report: tuple[Path, str]) -> None:
    _, text = quick_report
    for heading in (
        "## Maskinen",
        "## Målene fra saken",
        "## Bygging: forfattere",
        "### 100 kapitler",
        "## Fra lagring til oppdatert side: forfattere",
        "## Lesere: det ekte nettstedet",
        "## Lighthouse: det ekte nettstedet på mobil",
        "## Søk i Chromium",
    ):
        assert heading in text, f"The report has no «{heading}»"
    assert re.search(r"^\| Kjerner \(nproc\) \| \d+ \|", text, re.M)
    assert re.search(r"^\| Pakker \| .*mkdocs-material \d.*lighthouse \d+\.\d+\.\d+", text, re.M)
    assert tempfile.gettempdir() not in text and str(ROOT) not in text, "The report names a path of this machine"


@pytest.mark.browser
def test_the_build_tables_have_numbers_for_both_configurations(quick_report: tuple[Path, str]) -> None:
    _, text = quick_report
    assert re.search(
        rf"^\| 100 \| {NUMBER} s \| {NUMBER} s \| {NUMBER}× \| {NUMBER} s \| {NUMBER} s \| {NUMBER}× \| "
        rf"{NUMBER} ms \| {NUMBER} ms \| {NUMBER} MB \| {NUMBER} MB \|$",
        text,
        re.M,
    ), "No summary row for 100 chapters"
    for row in (
        "Veggtid \\(median\\)",
        "CPU-tid \\(median\\)",
        "Per kapittel \\(veggtid / kapitler\\)",
        "Største minnebruk \\(peak RSS\\)",
    ):
        assert re.search(rf"^\| {row} \| {NUMBER} \w+ \| {NUMBER} \w+ \| {NUMBER}× \|$", text, re.M), row
    assert re.search(rf"^\| INTRO ≤ 1,15× stock i veggtid, ved hver størrelse \| 100: {NUMBER}× \|", text, re.M)
    # The same content built by stock Material, to tell INTRO's pages from INTRO's machinery.
    assert re.search(
        rf"^Stock på Markdown-en INTRO lager .*: veggtid {NUMBER} s, CPU-tid {NUMBER} s\. INTRO bruker "
        rf"{NUMBER}× så mye CPU-tid",
        text,
        re.M,
    )


@pytest.mark.browser
def test_the_reader_side_is_measured_on_the_real_site(quick_report: tuple[Path, str]) -> None:
    _, text = quick_report
    reader = section(text, "## Lesere: det ekte nettstedet")
    assert "Ikke målt" not in reader, reader
    for page in ("Forsiden", "Kapittel uten figur", "Kapittel med figur"):
        assert re.search(rf"^\| {page} .*\| \d+ \| {NUMBER} kB \| {NUMBER} kB \| (ja|nei)", reader, re.M), page
    assert re.search(rf"Den frakoblede zip-filen \(`make offline`\): {NUMBER} MB", reader)
    assert re.search(rf"Søkeindeksen: {NUMBER} kB komprimert", reader)


@pytest.mark.browser
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


@pytest.mark.browser
def test_edit_to_reload_is_timed_with_mkdocs_serve(quick_report: tuple[Path, str]) -> None:
    _, text = quick_report
    reload = section(text, "## Fra lagring til oppdatert side: forfattere")
    assert re.search(
        rf"^\| `make serve` \(`mkdocs serve`\) \| {NUMBER} s \| {NUMBER} s \| {NUMBER} s \| {NUMBER} s \|$", reload, re.M
    ), reload
    assert re.search(
        rf"^\| Fra lagring til oppdatert side < 2 s med `make serve` .*\| median {NUMBER} s, lengste {NUMBER} s "
        r"\(1 måling, \d+ kapitler\) \| (✅ nådd|❌ ikke nådd) \|$",
        text,
        re.M,
    )


# ---- The parts that need no browser ----


def test_the_bench_server_compresses_text_as_nginx_does(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<!doctype html><title>x</title>" + "<p>tekst</p>" * 100, encoding="utf-8")
    (tmp_path / "small.css").write_text("p{}", encoding="utf-8")
    (tmp_path / "bilde.png").write_bytes(b"\x89PNG" + bytes(1000))
    with serve(tmp_path) as base:

        def get(path: str) -> tuple[dict[str, str], bytes]:
            request = urllib.request.Request(base + path, headers={"Accept-Encoding": "gzip"})
            with urllib.request.urlopen(request) as response:
                return dict(response.headers), response.read()

        headers, body = get("")
        assert headers.get("Content-Encoding") == "gzip"
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        assert gzip.decompress(body).startswith(b"<!doctype html>")
        for path in ("small.css", "bilde.png"):  # under gzip_min_length, and not a text type
            headers, _ = get(path)
            assert "Content-Encoding" not in headers, path


def test_lighthouse_results_list_the_metrics_and_causes_that_cost_the_most() -> None:
    def audit(score: float | None, title: str, mode: str = "numeric", **extra: object) -> dict:
        return {"score": score, "title": title, "scoreDisplayMode": mode, "displayValue": "1,0\xa0s", **extra}

    report = {
        "categories": {
            "performance": {
                "score": 0.8,
                "auditRefs": [
                    {"id": "fcp", "weight": 10, "group": "metrics"},
                    {"id": "tbt", "weight": 30, "group": "metrics"},
                    {"id": "cls", "weight": 25, "group": "metrics"},
                    {"id": "small", "weight": 0, "group": "diagnostics"},
                    {"id": "big", "weight": 0, "group": "diagnostics"},
                ],
            },
            "accessibility": {"score": 0.9, "auditRefs": [{"id": "contrast", "weight": 7}, {"id": "fine", "weight": 10}]},
            "best-practices": {"score": 1, "auditRefs": []},
        },
        "audits": {
            "fcp": audit(0.5, "First Contentful Paint"),
            "tbt": audit(0.5, "Total Blocking Time"),
            "cls": audit(1, "Cumulative Layout Shift"),
            "small": audit(0, "Liten", "metricSavings", metricSavings={"LCP": 100}),
            "big": audit(0, "Stor", "metricSavings", metricSavings={"FCP": 900, "LCP": 900}),
            "contrast": audit(0, "Kontrast", "binary", details={"items": [{"node": {"selector": "a.lenke"}}]}),
            "fine": audit(1, "I orden", "binary"),
            "network-requests": {"details": {"items": [{"url": "http://127.0.0.1:1/"}, {"url": "https://fonts.example/a.css"}]}},
        },
        "environment": {"benchmarkIndex": 1000},
    }
    run = parse(report, "http://127.0.0.1:1/")
    assert run.scores == {"performance": 80, "accessibility": 90, "best-practices": 100}
    # Metrics by points lost (weight × shortfall), then the diagnostics by time they would save.
    assert [a.title for a in run.failing["performance"]] == ["Total Blocking Time", "First Contentful Paint", "Stor", "Liten"]
    assert run.failing["performance"][0].shown == "1,0 s"
    assert [(a.id, a.example) for a in run.failing["accessibility"]] == [("contrast", "a.lenke")]
    assert run.foreign == ["https://fonts.example/a.css"]


def test_the_reload_section_has_a_goal_row_per_command_and_says_what_went_wrong() -> None:
    dirty_warning = "A 'dirty' build is being performed, this will likely lead to inaccurate navigation"
    reload = Reload(
        20,
        [
            ReloadRun((), [3.0, 3.2, 2.9], [2.1, 2.2, 2.0]),
            ReloadRun(("--dirty", "--no-strict"), [1.4], [0.5], warnings=[dirty_warning], untitled_links=25),
        ],
    )
    text = "\n".join(reload_section(reload))
    assert "| `make serve` (`mkdocs serve`) | 3,00 s | 3,20 s | 2,10 s | 3,00 / 3,20 / 2,90 s |" in text
    assert "| `make serve-fast` (`mkdocs serve --dirty --no-strict`) | 1,40 s | 1,40 s | 0,50 s | 1,40 s |" in text
    assert "«None» i stedet for sidetittelen i 25 lenker" in text and "bygger bare siden som ble lagret" in text
    assert reload_goal(reload) == [
        (
            "Fra lagring til oppdatert side < 2 s med `make serve` (det ekte nettstedet, median)",
            "median 3,00 s, lengste 3,20 s (3 målinger, 20 kapitler)",
            False,
        ),
        (
            "Fra lagring til oppdatert side < 2 s med `make serve-fast` (det ekte nettstedet, median)",
            "median 1,40 s, lengste 1,40 s (1 måling, 20 kapitler)",
            True,
        ),
    ]
    failed = "\n".join(reload_section(Reload(20, [ReloadRun((), error="RuntimeError: did not start")])))
    assert "| `make serve` (`mkdocs serve`) | – | – | – | stoppet (se under) |" in failed
    assert "`mkdocs serve` stoppet: RuntimeError: did not start" in failed
