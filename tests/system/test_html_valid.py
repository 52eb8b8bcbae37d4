"""Valid HTML: the Nu Html Checker (vnu-jar from npm) checks every built page, in one run."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import ROOT

# The Nu Html Checker runs on Java (Debian's default-jre-headless).

VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"

AUTOCOMPLETE_ON_CHECKBOX = (
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, "
    "“email”, “hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”."
)
# Errors in Material's own markup that no block override can reach. Each is matched by its exact message
# AND the exact markup the checker points at, so the same mistake in our own markup is still reported.
MATERIAL_ERRORS = {
    # Material's base.html writes the two checkboxes that open the menu drawer and the search with
    # autocomplete="off" (it stops Firefox restoring them as checked on back navigation). They stand
    # directly in <body>, outside every template block, so only a copy of base.html could change them.
    (
        AUTOCOMPLETE_ON_CHECKBOX,
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
    ),
    (
        AUTOCOMPLETE_ON_CHECKBOX,
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
    ),
}


def java() -> str:
    path = shutil.which("java")
    if not path:
        pytest.fail("Java is not installed; the Nu Html Checker needs it (Debian: apt-get install default-jre-headless).")
    if not VNU.is_file():
        pytest.fail(f"{VNU.relative_to(ROOT)} is missing. Run `npm ci` (or `make setup`).")
    return path


def vnu_errors(files: list[Path]) -> list[dict]:
    """Every error the Nu Html Checker finds in files, with one start of the JVM for all of them."""
    result = subprocess.run(
        # A short run: the quick compiler alone starts and finishes several times faster than the default.
        # The checker needs a bigger thread stack than some JVMs give (it says so, and stops, otherwise).
        [
            java(),
            "-Xss2m",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "json",
            "--stdout",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    # Exit status 1 just means "found errors"; the report is the JSON on stdout.
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        pytest.fail(
            f"The Nu Html Checker did not answer in JSON (exit {result.returncode}):\n"
            f"{result.stdout[-1000:]}\n{result.stderr[-2000:]}"
        )
    # "non-document-error" is the checker failing to read a file: that counts too.
    return [m for m in report["messages"] if m.get("type") in ("error", "non-document-error")]


def is_materials(message: dict) -> bool:
    extract = message.get("extract", "")
    start, length = message.get("hiliteStart", 0), message.get("hiliteLength", 0)
    return (message.get("message"), extract[start : start + length]) in MATERIAL_ERRORS


def describe(message: dict, root: Path) -> str:
    url = message.get("url", "")
    name = url.removeprefix("file:")
    try:
        name = str(Path(name).resolve().relative_to(root.resolve()))
    except ValueError:
        pass
    return f"{name}:{message.get('lastLine', '?')}: {message.get('message')}"


def site_errors(root: Path, files: list[Path]) -> list[str]:
    return [describe(m, root) for m in vnu_errors(files) if not is_materials(m)]


def test_every_built_page_is_valid_html(site_dir, built_pages):
    errors = site_errors(site_dir, [site_dir / page for page in built_pages])
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors[:60])


# ---- The gate fails when it should ----

VALID = """<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><title>Gyldig</title></head>
<body><p>Alt er i orden.</p></body></html>
"""


def test_invalid_html_is_reported_with_file_and_line_and_only_materials_markup_is_let_through(tmp_path):
    (tmp_path / "gyldig.html").write_text(VALID, encoding="utf-8")
    (tmp_path / "ugyldig.html").write_text(
        '<!doctype html>\n<html lang="nb"><head><meta charset="utf-8"><title>Feil</title></head>\n<body>\n'
        '<p>Et bilde uten alternativ tekst:</p>\n<img src="figur.png">\n'
        '<p id="samme">en</p><p id="samme">to</p>\n</body></html>\n',
        encoding="utf-8",
    )
    (tmp_path / "material.html").write_text(
        VALID.replace(
            "<body>",
            '<body>\n<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
            '<input type="checkbox" id="var" autocomplete="off" aria-label="Vår egen">\n',
        ),
        encoding="utf-8",
    )

    # One start of the checker for all three, as for the site.
    errors = site_errors(tmp_path, [tmp_path / name for name in ("gyldig.html", "ugyldig.html", "material.html")])

    assert any(e.startswith("ugyldig.html:5:") and "“alt” attribute" in e for e in errors), errors
    assert any(e.startswith("ugyldig.html:6:") and "Duplicate ID “samme”" in e for e in errors), errors
    assert not [e for e in errors if e.startswith("gyldig.html")], errors
    # Our own checkbox with Material's mistake is reported; Material's drawer toggle is not.
    assert [e for e in errors if e.startswith("material.html")] == [f"material.html:5: {AUTOCOMPLETE_ON_CHECKBOX}"], errors
