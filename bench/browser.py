"""What the browser measurements add to macros/commands/chromium.py's local server: a handler that compresses as nginx does.

The server stands in for deploy/nginx/intro.conf: it gzips the same types from the same size, at the same
level, so what the browser and Lighthouse see over the wire is what a reader gets from the real server.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import os
import re
from functools import lru_cache
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

from macros.commands.chromium import serve_folder

GZIP_LEVEL = 6
GZIP_MIN_LENGTH = 256
# What deploy/nginx/intro.conf compresses (text/html always, and its gzip_types), from gzip_min_length bytes;
# images and archives go as they are. Python serves .js as text/javascript, nginx as application/javascript.
COMPRESSIBLE = (
    "text/html",
    "text/css",
    "text/javascript",
    "application/javascript",
    "application/json",
    "image/svg+xml",
    "text/xml",
    "application/xml",
    "text/plain",
)
# nginx's `charset utf-8` with its charset_types: these go out with «; charset=utf-8».
WITH_CHARSET = (
    "text/html",
    "text/css",
    "text/javascript",
    "application/javascript",
    "application/json",
    "image/svg+xml",
    "text/xml",
)
# Material's fingerprinted bundles never change under the same name: nginx sends them with `expires max`.
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(js|css)$")


def gzipped_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


@lru_cache(maxsize=256)
def _gzipped(path: str, mtime_ns: int, size: int) -> bytes:
    """The compressed file, once per version of it: the search index of a large corpus is several MB."""
    return gzip.compress(Path(path).read_bytes(), compresslevel=GZIP_LEVEL, mtime=0)


class _NginxLikeHandler(SimpleHTTPRequestHandler):
    """Serves a built site as intro.conf does: gzip, charset and cache headers. Quiet: no log per request."""

    protocol_version = "HTTP/1.1"  # keep-alive, as nginx; every response here has a Content-Length

    def log_message(self, *args: object) -> None:
        pass

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        content_type = super().guess_type(path)
        return f"{content_type}; charset=utf-8" if content_type in WITH_CHARSET else content_type

    def end_headers(self) -> None:
        cache = "max-age=315360000" if FINGERPRINTED.search(self.path.split("?")[0]) else "no-cache"
        self.send_header("Cache-Control", cache)
        super().end_headers()

    def send_head(self):  # noqa: ANN201 - the file object SimpleHTTPRequestHandler expects
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepts_gzip or not path.is_file():
            return super().send_head()  # redirects, 404s and the rare client without gzip
        content_type = self.guess_type(str(path))
        stat = path.stat()
        if content_type.split(";")[0] not in COMPRESSIBLE or stat.st_size < GZIP_MIN_LENGTH:
            return super().send_head()
        body = _gzipped(str(path), stat.st_mtime_ns, stat.st_size)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Last-Modified", self.date_time_string(int(stat.st_mtime)))
        self.end_headers()
        return io.BytesIO(body)


def serve(directory: Path) -> contextlib.AbstractContextManager[str]:
    """Serve a built site as nginx would, on a free local port; yields its address, ending in /."""
    return serve_folder(directory, _NginxLikeHandler)
