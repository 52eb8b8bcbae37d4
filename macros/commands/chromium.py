"""Debian's Chromium, driven by Playwright, and the local web server it is pointed at: for drawing diagrams,
the tests and the benchmark.

Playwright's own browser download does not work everywhere INTRO is built, so it always drives the
chromium the system package manager installed. The tests and the benchmark serve a built site on a loopback
port (serve_folder) and fence the browser to it (fence), so a request to another host is caught, not made.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import threading
from collections.abc import Callable, Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from macros.content.errors import IntroError

# A container has no sandbox or GPU; the rest keeps Chromium from calling home on its own.
LAUNCH_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


class ChromiumMissing(IntroError, RuntimeError):
    pass


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if not path:
        raise ChromiumMissing("Debians chromium er ikke installert. Kjør «make setup-test», som installerer den.")
    return path


def launch(playwright: Any, **options: Any) -> Any:
    return playwright.chromium.launch(executable_path=chromium_path(), args=list(LAUNCH_ARGS), **options)


@contextlib.contextmanager
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        started = launch(playwright)
        try:
            yield started
        finally:
            started.close()


# ---- The local site it is pointed at ----


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves a folder as it is, with no log line per request."""

    def log_message(self, *args: object) -> None:
        pass


def free_port() -> int:
    """A loopback port nothing listens on now, for a server started next (nginx, mkdocs serve)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def serve_folder(directory: Path, handler: type[SimpleHTTPRequestHandler] = QuietHandler) -> Iterator[str]:
    """Serve a built site on a free loopback port, in a thread; yields its address, ending in /."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def fence(context: Any, own_site: str, on_blocked: Callable[[str], object]) -> None:
    """Let a browser context reach only own_site (and data: and blob: addresses); abort every other request and
    hand its address to on_blocked."""

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if url.startswith((own_site, "data:", "blob:")):
            request_route.continue_()
        else:
            on_blocked(url)
            request_route.abort()

    context.route("**/*", route)
