"""Which of INTRO's feature scripts a page loads: only those whose feature is in the page's content."""

from macros.rendering.page_scripts import scripts_for

PATHS = "assets/javascripts/intro.js"
SELF_CHECK = "assets/javascripts/intro-selfcheck.js"
PRINT = "assets/javascripts/intro-print.js"
KIOSK = "assets/javascripts/intro-kiosk.js"


def test_a_page_without_features_loads_none():
    assert scripts_for("<h1>Klage</h1><p>Slik klager du.</p><table><tr><td>1</td></tr></table>", offline=False) == []


def test_a_self_check_loads_the_shared_helpers_before_its_own_script():
    content = '<h2>Test deg selv</h2><form class="intro-selfcheck" data-chapter="lovene"></form>'
    assert scripts_for(content, offline=False) == [PATHS, SELF_CHECK]


def test_a_path_page_and_a_chapter_on_a_path_load_the_path_script_only():
    assert scripts_for('<ol class="intro-path" data-path="studenter"></ol>', offline=False) == [PATHS]
    assert scripts_for('<div class="intro-meta" data-chapter="lovene"></div>', offline=False) == [PATHS]
    # The same class without the chapter it names is not a chapter's header.
    assert scripts_for('<div class="intro-meta"></div>', offline=False) == []


def test_a_programme_and_a_print_button_load_the_print_script():
    assert scripts_for('<div class="kursholder"></div>', offline=False) == [PRINT]
    assert scripts_for("<p><button data-intro-print>Skriv ut</button></p>", offline=False) == [PRINT]


def test_every_page_of_the_offline_edition_loads_the_kiosk_script_last():
    assert scripts_for("<p>Tekst.</p>", offline=True) == [KIOSK]
    assert scripts_for('<form class="intro-selfcheck"></form>', offline=True) == [PATHS, SELF_CHECK, KIOSK]
