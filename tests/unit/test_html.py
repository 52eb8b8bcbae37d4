from macros.checks.html import images_without_alt, off_site_resources


def test_finds_resources_from_other_sites():
    html = """
    <script src="https://cdn.example.org/x.js"></script>
    <link rel="stylesheet" href="//fonts.example.org/a.css">
    <img src="http://example.org/a.png" alt="a">
    <iframe src="https://video.example.org/embed"></iframe>
    <div style="background: url('https://example.org/bg.png')"></div>
    """
    found = off_site_resources(html)
    assert len(found) == 5


def test_local_resources_and_plain_links_are_fine():
    html = """
    <script src="../assets/x.js"></script>
    <link rel="canonical" href="https://intro.example.no/">
    <a href="https://lovdata.no/">Lovdata</a>
    <img src="bilde.png" alt="Et bilde">
    """
    assert off_site_resources(html) == []


def test_images_need_alt_text():
    html = '<img src="a.png"><img src="b.png" alt="  "><img src="c.png" alt="Kart"><img src="d.png" alt="" role="presentation">'
    assert images_without_alt(html) == ["a.png", "b.png"]


def test_srcsets_and_style_sheets_count_too_and_one_parse_serves_every_check():
    from macros.checks.html import parse

    tree = parse(
        '<img src="a.png" srcset="a2.png 2x, https://cdn.example.org/a3.png 3x" alt="A">'
        "<style>@font-face { src: url(https://fonts.example.org/f.woff2) }</style>"
        '<link rel="alternate" href="https://intro.example.no/en/"><img src="b.png">'
    )
    assert off_site_resources(tree) == ["<img> https://cdn.example.org/a3.png", "<style> https://fonts.example.org/f.woff2"]
    assert images_without_alt(tree) == ["b.png"]


def test_the_finished_page_check_and_the_content_check_read_one_table_of_what_a_browser_loads():
    from macros.checks import safety
    from macros.checks.html import parse

    tree = parse(
        '<video poster="https://cdn.example.org/p.jpg"></video><link rel="preload" href="https://cdn.example.org/f.woff2">'
        '<svg><image href="//cdn.example.org/i.svg"/></svg><a href="https://lovdata.no/" ping="https://t.example.org/">L</a>'
    )
    assert off_site_resources(tree) == [
        "<video> https://cdn.example.org/p.jpg",
        "<link> https://cdn.example.org/f.woff2",
        "<image> //cdn.example.org/i.svg",
        "<a> https://t.example.org/",
    ]
    assert len(safety.unsafe_content(tree)) == 4
