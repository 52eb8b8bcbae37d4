"""The shipped nginx configuration, run by Debian's nginx on a loopback port."""

import gzip
import json
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from playwright.sync_api import expect

from macros.commands.chromium import free_port
from macros.exports.csp import nginx_include
from tests.helpers import ROOT

# Every test here runs Debian's nginx.

# Where the shipped config gives the feedback form's empty answer; the test takes a free port of its own.
ANSWER_PORT = "127.0.0.1:8204"

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
    include {run}/intro-tilbakemelding.conf;
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
    answer_port = f"127.0.0.1:{free_port()}"
    shipped = (ROOT / "deploy/nginx/intro.conf").read_text(encoding="utf-8")
    # The shipped level, into a file the test can read.
    assert "error_log stderr crit;" in shipped
    shipped = shipped.replace("error_log stderr crit;", f"error_log {run}/server-error.log crit;")
    assert ANSWER_PORT in shipped
    shipped = shipped.replace(ANSWER_PORT, answer_port)
    (run / "intro.conf").write_text(shipped.replace("/srv/intro", str(run)), encoding="utf-8")
    # The feedback log's format and its empty answer on a local socket, in the http block (Debian: conf.d/).
    feedback = (ROOT / "deploy/nginx/intro-tilbakemelding.conf").read_text(encoding="utf-8")
    assert ANSWER_PORT in feedback
    (run / "intro-tilbakemelding.conf").write_text(feedback.replace(ANSWER_PORT, answer_port), encoding="utf-8")
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


def test_a_server_blocks_stderr_line_reaches_stderr_even_beside_debians_file_error_log(tmp_path):
    """deploy/nginx/README.md: the shipped `error_log stderr crit;` sends a request's error line to nginx's own
    stderr (under systemd, the journal), also when the main context logs to a file as Debian's nginx.conf does: nginx
    points its stderr at the main error log only when no error_log names stderr. What nginx logs outside a server
    block still goes to the main error log, so the README makes `error_log stderr crit;` there a step of its own.
    The level here is «error», so that a missing file gives a line to look for."""
    for name in ("intro.conf", "server.conf"):
        assert "error_log stderr crit;" in (ROOT / "deploy/nginx" / name).read_text(encoding="utf-8"), name
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    port = free_port()
    (tmp_path / "html").mkdir()
    temp = " ".join(f"{kind}_temp_path {tmp_path}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (tmp_path / "nginx.conf").write_text(
        f"""user root;
worker_processes 1;
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/main-error.log warn;
events {{ worker_connections 16; }}
http {{
    access_log off;
    {temp}
    server {{
        listen 127.0.0.1:{port};
        root {tmp_path}/html;
        error_log stderr error;
    }}
}}
""",
        encoding="utf-8",
    )
    server = subprocess.Popen(
        [binary, "-c", str(tmp_path / "nginx.conf"), "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        for _ in range(50):
            try:
                if get(f"http://127.0.0.1:{port}/finnes-ikke").status == 404:
                    break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        time.sleep(0.2)
    finally:
        server.terminate()
        stderr = server.communicate(timeout=10)[1].decode()
    assert "client: 127.0.0.1" in stderr, stderr
    assert "client:" not in (tmp_path / "main-error.log").read_text(encoding="utf-8")


# ---- «Fant du det du lette etter?» ----


def feedback_lines(run: Path) -> list[dict]:
    log = run / "tilbakemeldinger.log"
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()] if log.is_file() else []


def wait_for_lines(run: Path, count: int) -> list[dict]:
    for _ in range(50):
        lines = feedback_lines(run)
        if len(lines) >= count:
            return lines
        time.sleep(0.1)
    return feedback_lines(run)


@pytest.mark.browser
def test_an_answer_sent_from_a_page_lands_in_the_log_with_its_page_and_answer_and_nothing_about_the_reader(browser, nginx_server):
    base, run = nginx_server
    before = len(feedback_lines(run))
    context = browser.new_context()
    context.add_init_script(
        "window.__violations = [];"
        "document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective));"
    )
    page = context.new_page()
    sent = []
    page.on("request", lambda request: "/tilbakemelding" in request.url and sent.append(request))
    page.goto(base + "kapitler/lovene/", wait_until="networkidle")
    box = page.get_by_role("region", name="Fant du det du lette etter?")
    box.get_by_label("Vil du si mer?").fill("Fant ikke fristen for å klage")
    box.get_by_role("button", name="Nei").click()
    expect(box.get_by_role("status")).to_have_text("Takk for svaret! Det hjelper oss å gjøre sidene bedre.")
    lines = wait_for_lines(run, before + 1)
    assert len(lines) == before + 1
    # The page, the answer and the text: nothing else is written, and no address anywhere in any log.
    assert set(lines[-1]) == {"skjema"}
    assert parse_qs(lines[-1]["skjema"]) == {
        "side": ["/kapitler/lovene/"],
        "tekst": ["Fant ikke fristen for å klage"],
        "svar": ["nei"],
    }
    # Posted, never in the address: a proxy that logs addresses next to IP addresses sees no answer and no text.
    assert [(r.method, r.url.split("/")[-1]) for r in sent] == [("POST", "tilbakemelding")]
    logged = "".join(log.read_text(errors="replace") for log in run.glob("*.log"))
    assert "127.0.0.1" not in logged and "Chrome" not in logged and "Mozilla" not in logged
    # No cookie, and not even the page it came from: only what the form holds.
    assert context.cookies() == []
    assert [r for r in sent if "cookie" in r.all_headers() or "referer" in r.all_headers()] == []
    assert page.evaluate("window.__violations") == []
    context.close()


def post(url: str, body: str):
    request = urllib.request.Request(url, data=body.encode(), method="POST")
    request.add_header("Content-Type", "application/x-www-form-urlencoded")
    try:
        return urllib.request.urlopen(request, timeout=5)
    except urllib.error.HTTPError as error:
        return error


def test_the_feedback_address_takes_only_a_posted_answer_and_logs_only_a_real_one(nginx_server):
    base, run = nginx_server
    before = len(feedback_lines(run))
    # The form without a script: the browser posts it, and nginx answers with no content.
    assert post(base + "tilbakemelding", "side=%2Fslik-gjor-du%2Fsykehjem%2F&tekst=&svar=ja").status == 204
    # Not an answer, or not from a page of the site: answered the same, never written down.
    assert post(base + "tilbakemelding", "side=%2Fx%2F&tekst=&svar=kanskje").status == 204
    assert post(base + "tilbakemelding", "side=https%3A%2F%2Fandre.example%2F&tekst=&svar=ja").status == 204
    assert post(base + "tilbakemelding", 'side=%2F&tekst=&svar=ja&x="}').status == 204
    # An answer in the address (the old way, or a made-up link) is refused and not written down.
    assert get(base + "tilbakemelding?side=%2F&tekst=hemmelig-tekst&svar=ja").status == 403
    # More than the form can hold is refused before it is read.
    assert post(base + "tilbakemelding", "side=%2F&tekst=" + "x" * 9000 + "&svar=ja").status == 413
    lines = wait_for_lines(run, before + 1)
    time.sleep(0.2)
    assert feedback_lines(run)[before:] == [{"skjema": "side=%2Fslik-gjor-du%2Fsykehjem%2F&tekst=&svar=ja"}]
    assert lines
    logged = "".join(log.read_text(errors="replace") for log in run.glob("*.log"))
    assert "127.0.0.1" not in logged and "hemmelig-tekst" not in logged


def make_report(run: Path, page: str) -> tuple[str, list[str]]:
    """`make tilbakemeldinger` on the test's log: its whole text, and the ja and nei counts on the page's row."""
    made = subprocess.run(
        ["make", "-s", "tilbakemeldinger", f"TILBAKEMELDINGER={run / 'tilbakemeldinger.log'}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert made.returncode == 0, made.stderr
    rows = {line.split()[0]: line.split()[1:3] for line in made.stdout.splitlines() if line.startswith(page)}
    return made.stdout, rows[page]


def test_make_tilbakemeldinger_reports_the_answers_per_page(nginx_server, tmp_path):
    base, run = nginx_server
    for body in (
        "side=%2Fkapitler%2Fmeld-fra%2F&tekst=Hvor+melder+jeg+avvik%3F&svar=nei",
        "side=%2Fkapitler%2Fmeld-fra%2F&tekst=&svar=ja",
        "side=%2Fkapitler%2Fmeld-fra%2F&tekst=&svar=nei",
    ):
        assert post(f"{base}tilbakemelding", body).status == 204
    time.sleep(0.2)
    text, counts = make_report(run, "/kapitler/meld-fra/")
    assert counts == ["1", "2"]
    assert "    Nei: «Hvor melder jeg avvik?»" in text
    assert "127.0.0.1" not in text


def test_the_csp_lets_the_form_send_to_the_site_itself_and_nowhere_else(nginx_site):
    policy = get(nginx_site + "kapitler/lovene/").headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["form-action"] == "'self'"
    assert directives["connect-src"] == "'self'"


def test_logrotate_moves_the_answers_aside_monthly_nginx_writes_on_and_the_report_reads_both(nginx_server, tmp_path):
    """The shipped logrotate file, run by Debian's logrotate against the test's nginx: the log is moved aside,
    nginx opens a new one (USR1), and `make tilbakemeldinger` still counts the answers of the month before."""
    base, run = nginx_server
    binary = shutil.which("logrotate") or "/usr/sbin/logrotate"
    if not Path(binary).exists():
        pytest.fail("Debian's logrotate is not installed. Run `make setup-test` (it installs it).")
    page = "side=%2Fkapitler%2Fbrukermedvirkning%2F"
    assert post(f"{base}tilbakemelding", f"{page}&tekst=F%C3%B8r&svar=nei").status == 204
    for _ in range(50):
        if feedback_lines(run)[-1:] == [{"skjema": f"{page}&tekst=F%C3%B8r&svar=nei"}]:
            break
        time.sleep(0.1)
    shipped = (ROOT / "deploy/logrotate/intro-tilbakemeldinger").read_text(encoding="utf-8")
    config = tmp_path / "intro-tilbakemeldinger"
    config.write_text(shipped.replace("/srv/intro", str(run)).replace("/run/nginx.pid", str(run / "nginx.pid")), encoding="utf-8")
    checked = subprocess.run([binary, "-d", "-s", str(tmp_path / "state"), str(config)], capture_output=True, text=True)
    assert checked.returncode == 0 and "error" not in checked.stderr.lower(), checked.stderr
    rotated = subprocess.run([binary, "-f", "-s", str(tmp_path / "state"), str(config)], capture_output=True, text=True)
    assert rotated.returncode == 0, rotated.stderr
    assert (run / "tilbakemeldinger.log.1").is_file()
    assert post(f"{base}tilbakemelding", f"{page}&tekst=Etter&svar=ja").status == 204
    after = wait_for_lines(run, 1)
    assert [parse_qs(line["skjema"])["tekst"] for line in after] == [["Etter"]], "nginx did not reopen its log"
    text, counts = make_report(run, "/kapitler/brukermedvirkning/")
    assert counts == ["1", "1"]
    assert "    Nei: «Før»" in text and "    Ja: «Etter»" in text
