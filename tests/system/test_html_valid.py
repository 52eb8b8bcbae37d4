"""Valid HTML: the Nu Html Checker (vnu-jar from npm) checks every built page, in one run."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import AUTOCOMPLETE_ON_CHECKBOX, site_errors


# The Bergen edition, and the fixture project's nynorsk edition: its pages come through Apertium (the real nynorsk
# edition's: tests/nynorsk/).
@pytest.mark.parametrize("site", ["site_dir", "fixture_nynorsk_site"])
def test_every_built_page_is_valid_html(request, site):
    root: Path = request.getfixturevalue(site)
    errors = site_errors(root, sorted(root.rglob("*.html")))
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
