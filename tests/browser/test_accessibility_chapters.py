"""axe-core on every chapter, booklet and poster (the rest of the site: test_accessibility.py)."""

from tests.browser.axe import CHAPTERS_AND_POSTERS, audit, site_paths


def test_every_chapter_and_poster_passes_axe_on_phone_and_desktop_in_light_and_dark(browser, served_site, site_dir, built_pages):
    paths, kinds = site_paths(site_dir, built_pages)
    paths = [path for path in paths if path.startswith(CHAPTERS_AND_POSTERS)]
    assert any(path.startswith("plakater/") for path in paths) and len(paths) > 40
    violations = audit(browser, served_site, paths, in_all_four=kinds.__contains__)
    assert not violations, f"{len(violations)} accessibility violations:\n" + "\n".join(violations)
