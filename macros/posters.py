"""A4 QR posters for the lab: a chapter's title, summary and a QR code for its permanent link."""

from __future__ import annotations

import re
import textwrap
from functools import lru_cache

import segno

from macros.identity import Identity
from macros.render import _render

A4_WIDTH = 210
QR_SIZE = 110  # millimetres: scannable from a couple of metres


# Making a QR code takes a tenth of a second; `mkdocs serve` keeps this between rebuilds.
@lru_cache(maxsize=512)
def _qr_path(url: str) -> tuple[str, int]:
    """The QR code's modules as one SVG path, and its width in modules (quiet zone included)."""
    qr = segno.make_qr(url, error="m")
    svg = qr.svg_inline(scale=1, border=4, omitsize=True)
    path = re.search(r'\sd="([^"]+)"', svg).group(1)
    width = qr.symbol_size(scale=1, border=4)[0]
    return path, width


def poster_svg(title: str, summary: str, url: str, station: str | None, identity: Identity) -> str:
    path, modules = _qr_path(url)
    title_lines = textwrap.wrap(title, 28)
    summary_lines = textwrap.wrap(summary, 62)
    summary_top = 62 + len(title_lines) * 13 + 4
    qr_y = summary_top + len(summary_lines) * 7.5 + 4
    return _render(
        "poster.svg.j2",
        title=title, summary=summary, url=url, station=station, identity=identity,
        title_lines=title_lines, summary_lines=summary_lines, summary_top=summary_top,
        qr_path=path, qr_scale=QR_SIZE / modules, qr_size=QR_SIZE,
        qr_x=(A4_WIDTH - QR_SIZE) / 2, qr_y=qr_y,
    )
