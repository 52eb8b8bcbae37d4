"""axe-core on every chapter, and on a booklet, a chapter's poster and a station's poster (the rest of the site:
test_accessibility.py; why one of each: MADE_FROM_A_TEMPLATE_ALONE in axe.py)."""

from tests.browser.axe import CHAPTERS_AND_POSTERS, audit, site_paths


def test_every_chapter_and_poster_passes_axe_on_phone_and_desktop_in_light_and_dark(browser, served_site, site_dir, built_pages):
    paths, kinds = site_paths(site_dir, built_pages)
    paths = [path for path in paths if path.startswith(CHAPTERS_AND_POSTERS)]
    posters = [path for path in paths if path.startswith("plakater/") and path.endswith(".html")]
    assert len(posters) == 2 and any("/stasjon-" in path for path in posters), posters
    assert len([path for path in paths if path.startswith("kapitler/hefte-")]) == 1 and len(paths) > 30
    violations = audit(browser, served_site, paths, in_all_four=kinds.__contains__)
    assert not violations, f"{len(violations)} accessibility violations:\n" + "\n".join(violations)
