"""Debian's Chromium, driven by Playwright: for drawing diagrams, the tests and the benchmark.

Playwright's own browser download does not work everywhere INTRO is built, so it always drives the
chromium the system package manager installed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from typing import Any

# A container has no sandbox or GPU; the rest keeps Chromium from calling home on its own.
LAUNCH_ARGS = ("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync")


class ChromiumMissing(RuntimeError):
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
