"""Kiwix, the offline reader libraries and schools use, serves INTRO's ZIM and searches it (Debian's kiwix-tools)."""

import shutil
import socket
import subprocess
import time
import urllib.request

import pytest

from macros.commands.release import Release


def test_kiwix_serve_shows_the_zim_and_searches_it_on_loopback(release: Release, tmp_path):
    binary = shutil.which("kiwix-serve")
    if not binary:
        pytest.fail("Debian's kiwix-tools is not installed. Run `make setup-test` (it installs it).")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [binary, "--address=127.0.0.1", f"--port={port}", str(release.zim)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                catalog = urllib.request.urlopen(f"{base}/catalog/v2/entries", timeout=2).read().decode()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("kiwix-serve did not start")
        assert "intro_nb_bergen" in catalog
        book = release.zim.stem  # kiwix-serve names a book after its file
        page = urllib.request.urlopen(f"{base}/{book}/kapitler/lovene.html", timeout=5).read().decode()
        assert "Lovene" in page
        found = urllib.request.urlopen(f"{base}/search?content={book}&pattern=egenandelene", timeout=5).read()
        assert b"egenandeler.html" in found
    finally:
        server.terminate()
        server.wait(timeout=10)
