"""What `make serve-fast` relies on: a dirty rebuild of one chapter keeps the menu right (on the fixture project)."""

import time

from selectolax.lexbor import LexborHTMLParser

from macros.commands.release import run_mkdocs
from tests.helpers import FIXTURE_TODAY, copy_site, mkdocs_build


def test_a_dirty_rebuild_of_one_chapter_keeps_every_menu_title(tmp_path):
    project = copy_site(tmp_path / "prosjekt")
    site = tmp_path / "site"
    env = {"INTRO_TODAY": FIXTURE_TODAY}
    assert mkdocs_build(project, site, env=env).returncode == 0
    chapter = project / "docs/kapitler/klage.md"
    time.sleep(1)  # a newer modification time than the site's copy of the page
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\nEn ny setning om klage.\n", encoding="utf-8")

    result = run_mkdocs(project / "mkdocs.yml", site, env, flags=("--dirty", "--no-strict"))
    assert result.returncode == 0, result.stderr[-2000:]
    page = LexborHTMLParser((site / "kapitler/klage/index.html").read_text(encoding="utf-8"))
    assert "En ny setning om klage." in page.body.text()
    titles = [link.text(strip=True) for link in page.css("nav.md-nav--primary a.md-nav__link")]
    assert "Kommunen" in titles and "Lovene" in titles
    assert not [title for title in titles if title in ("None", "")], titles
