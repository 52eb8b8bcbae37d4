"""The benchmark's parts that need no browser: its server compresses as nginx does, Lighthouse's results are read
for what costs the most, and the reload section says what went wrong (the quick run: tests/browser/test_bench_quick.py)."""

from __future__ import annotations

import gzip
import urllib.request
from pathlib import Path

from bench.browser import serve
from bench.lighthouse import parse
from bench.reload import Reload, ReloadRun
from bench.report_authors import reload_goal, reload_section


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
