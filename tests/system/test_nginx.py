"""The shipped nginx configuration, run by Debian's nginx on a loopback port."""

import gzip
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from macros.commands.chromium import free_port
from macros.exports.csp import nginx_include
from tests.helpers import ROOT

# Every test here runs Debian's nginx.
pytestmark = pytest.mark.system

MAIN_CONF = """
user root;
worker_processes 1;
pid {run}/nginx.pid;
error_log {run}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {run}/body;
    proxy_temp_path {run}/proxy;
    fastcgi_temp_path {run}/fastcgi;
    uwsgi_temp_path {run}/uwsgi;
    scgi_temp_path {run}/scgi;
    server {{
        listen 127.0.0.1:{port};
        include {run}/intro.conf;
    }}
}}
"""


@pytest.fixture(scope="session")
def nginx_server(site_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    """The built site behind the shipped config, laid out as `make publish` leaves it."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(binary).exists():
        pytest.fail("Debian's nginx is not installed. Run `make setup-test` (it installs it).")
    run = tmp_path_factory.mktemp("nginx")
    release = run / "releases/r1"
    release.mkdir(parents=True)
    (release / "site").symlink_to(site_dir, target_is_directory=True)
    (release / "csp.conf").write_text(nginx_include(site_dir), encoding="utf-8")
    (run / "current").symlink_to(release, target_is_directory=True)
    shipped = (ROOT / "deploy/nginx/intro.conf").read_text(encoding="utf-8")
    # The shipped level, into a file the test can read.
    assert "error_log stderr crit;" in shipped
    shipped = shipped.replace("error_log stderr crit;", f"error_log {run}/server-error.log crit;")
    (run / "intro.conf").write_text(shipped.replace("/srv/intro", str(run)), encoding="utf-8")
    port = free_port()
    (run / "nginx.conf").write_text(MAIN_CONF.format(run=run, port=port), encoding="utf-8")
    server = subprocess.Popen(
        [binary, "-c", str(run / "nginx.conf"), "-g", "daemon off;"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}/"
    for _ in range(50):
        try:
            urllib.request.urlopen(base, timeout=1)
            break
        except (urllib.error.URLError, ConnectionError):
            if server.poll() is not None:
                pytest.fail(f"nginx did not start: {server.stdout.read().decode()}")
            time.sleep(0.1)
    yield base, run
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="session")
def nginx_site(nginx_server) -> str:
    return nginx_server[0]


def get(url: str, **headers: str):
    try:
        return urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=5)
    except urllib.error.HTTPError as error:
        return error


def test_security_headers_on_every_response(nginx_site):
    for path in ("", "kapitler/lovene/", "assets/javascripts/intro.js", "finnes-ikke/"):
        headers = get(nginx_site + path).headers
        assert "script-src 'self' 'sha256-" in headers["Content-Security-Policy"], path
        assert "frame-ancestors" in headers["Content-Security-Policy"]
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] and headers["Permissions-Policy"]
        assert "Server" not in headers or "/" not in headers["Server"], "nginx must not show its version"


def test_the_served_referrer_policy_is_the_one_the_built_privacy_statement_promises(nginx_site, site_dir):
    """The statement says no other site learns that a reader came from INTRO: the header nginx really sends, and
    the policy each page carries for file:// and other servers, say so too."""
    from selectolax.lexbor import LexborHTMLParser

    statement = LexborHTMLParser((site_dir / "om/personvern/index.html").read_text(encoding="utf-8"))
    promised = next(
        code.text().removeprefix("Referrer-Policy: ")
        for code in statement.css("article code")
        if code.text().startswith("Referrer-Policy: ")
    )
    assert promised == "no-referrer"
    for path in ("", "om/personvern/", "assets/javascripts/intro.js", "finnes-ikke/"):
        assert get(nginx_site + path).headers["Referrer-Policy"] == promised, path
    page = get(nginx_site + "kapitler/lovene/").read().decode()
    assert f'<meta name="referrer" content="{promised}">' in page


def test_missing_page_gives_the_sites_own_404(nginx_site, site_dir):
    response = get(nginx_site + "finnes-ikke/")
    assert response.status == 404
    assert response.read() == (site_dir / "404.html").read_bytes()


def test_text_is_compressed(nginx_site):
    for path in ("", "assets/stylesheets/intro.css", "search/intro-index.js"):
        response = get(nginx_site + path, **{"Accept-Encoding": "gzip"})
        assert response.headers["Content-Encoding"] == "gzip", path
        gzip.decompress(response.read())


def test_fingerprinted_assets_are_cached_long_and_html_is_revalidated(nginx_site, site_dir):
    bundle = next((site_dir / "assets/javascripts").glob("bundle.*.min.js")).name
    assert "max-age=315360000" in get(f"{nginx_site}assets/javascripts/{bundle}").headers["Cache-Control"]
    assert get(nginx_site + "kapitler/lovene/").headers["Cache-Control"] == "no-cache"


@pytest.mark.browser
@pytest.mark.parametrize(
    "path", ["", "perspektiver/studenter/", "kapitler/samhandling/", "ordliste/", "programmer/forste-mote/", "last-ned/"]
)
def test_chromium_through_nginx_sees_no_csp_violation(browser, nginx_site, path):
    context = browser.new_context()
    context.add_init_script(
        "window.__violations = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(nginx_site + path, wait_until="networkidle")
    page.locator(".md-search__input").click(force=True)
    page.keyboard.type("vedtak")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10000)
    assert page.evaluate("window.__violations") == [] and errors == []
    context.close()


def test_ordinary_requests_leave_no_readers_address_in_any_log(nginx_server):
    base, run = nginx_server
    for path in ("", "finnes-ikke/", "assets/", "assets/stylesheets/", "kapitler/lovene/?h=demens"):
        get(base + path)
    time.sleep(0.2)
    logged = "".join(log.read_text(errors="replace") for log in run.glob("*.log"))
    assert "127.0.0.1" not in logged and "client:" not in logged, logged[-2000:]


def test_nginx_starts_even_when_a_release_has_no_csp_file(nginx_server, tmp_path):
    base, run = nginx_server
    shipped = (run / "intro.conf").read_text(encoding="utf-8")
    empty = tmp_path / "current"
    empty.mkdir()
    (tmp_path / "intro.conf").write_text(shipped.replace(str(run / "current"), str(empty)), encoding="utf-8")
    main = (
        (run / "nginx.conf").read_text(encoding="utf-8").replace(f"include {run}/intro.conf;", f"include {tmp_path}/intro.conf;")
    )
    (tmp_path / "nginx.conf").write_text(main, encoding="utf-8")
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    checked = subprocess.run([binary, "-t", "-c", str(tmp_path / "nginx.conf")], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
