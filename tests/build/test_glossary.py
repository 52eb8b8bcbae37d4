import markdown

from macros.content.model import GlossaryTerm
from macros.content.norwegian import sort_key
from macros.rendering.glossary import GlossaryExtension, abbreviations, tooltip

KAD = GlossaryTerm(
    term="kommunal akutt døgnplass",
    abbreviation="KAD",
    english="municipal acute bed",
    definition="Døgnplass i kommunen for øyeblikkelig hjelp.",
    forms=["kommunale akutte døgnplasser"],
)


def test_tooltip_names_the_term_and_abbreviation():
    assert tooltip(KAD) == "kommunal akutt døgnplass (KAD): Døgnplass i kommunen for øyeblikkelig hjelp."


def test_every_form_gets_a_definition_also_capitalised():
    words = set(abbreviations([KAD]))
    assert {"KAD", "kommunal akutt døgnplass", "Kommunal akutt døgnplass", "kommunale akutte døgnplasser"} <= words


def test_first_definition_of_a_word_wins():
    other = GlossaryTerm(term="KAD", english="x", definition="Noe annet.")
    assert abbreviations([KAD, other])["KAD"] == tooltip(KAD)


def explained(text: str) -> str:
    return markdown.markdown(text, extensions=[GlossaryExtension(abbreviations([KAD]))])


def test_only_the_first_use_of_a_term_is_explained_in_any_of_its_forms():
    html = explained("Kari fikk en kommunal akutt døgnplass. KAD er et tilbud. Hun var på KAD i to døgn.")
    assert html.count("<abbr") == 1
    assert html.startswith('<p>Kari fikk en <abbr tabindex="0" title="kommunal akutt døgnplass (KAD): ')
    assert html.endswith("</abbr>. KAD er et tilbud. Hun var på KAD i to døgn.</p>")


def test_terms_in_headings_links_and_code_are_left_alone_and_explained_later():
    html = explained("## Om KAD\n\n[KAD](https://example.org) og `KAD`, men *så KAD* og KAD.")
    assert "<h2>Om KAD</h2>" in html
    assert '<a href="https://example.org">KAD</a>' in html and "<code>KAD</code>" in html
    assert "<em>så <abbr" in html and html.count("<abbr") == 1


def test_several_terms_in_one_text_keep_the_words_between_them():
    other = GlossaryTerm(term="fastlege", english="GP", definition="Lege med ansvar for en liste.")
    html = markdown.markdown("Fastlege, KAD og fastlege igjen.", extensions=[GlossaryExtension(abbreviations([KAD, other]))])
    assert html == (
        '<p><abbr tabindex="0" title="fastlege: Lege med ansvar for en liste.">Fastlege</abbr>, '
        '<abbr tabindex="0" title="kommunal akutt døgnplass (KAD): Døgnplass i kommunen for øyeblikkelig hjelp.">'
        "KAD</abbr> og fastlege igjen.</p>"
    )


def test_the_glossary_page_has_a_letter_index_and_explains_no_term_with_itself(html):
    page = html("ordliste/index.html")
    letters = [a.text() for a in page.css(".intro-letters a")]
    assert letters[:2] == ["A", "B"] and len(letters) > 10
    assert letters == sorted(letters, key=sort_key), "the letters are not in Norwegian order (… Z, Æ, Ø, Å)"
    for a in page.css(".intro-letters a"):
        assert page.css_first(f"h2[id='{a.attributes['href'].lstrip('#')}']") is not None
    assert page.css("article abbr") == []


def test_a_chapter_lists_the_words_it_explains_and_leaves_its_footer_plain(html):
    page = html("kapitler/for-parorende/index.html")
    explained = [abbr.text() for abbr in page.css("article abbr")]
    listed = page.css(".intro-words details dt")
    assert page.css_first(".intro-words summary").text() == f"Ord på denne siden ({len(listed)})"
    assert len(listed) == len(explained) > 0
    for plain in (".intro-meta", ".intro-plain", ".intro-teaching", ".intro-path-nav"):
        for node in page.css(plain):
            assert node.css("abbr") == [], f"glossary underline in {plain}"
