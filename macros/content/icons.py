"""Material's own icon set, drawn into pages at build time so no icon is ever fetched."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


def _folder():
    return files("material") / "templates" / ".icons"


def exists(name: str) -> bool:
    """Whether «material/school» (a set and a name, as in Material's docs) is one of Material's icons."""
    return "/" in name and (_folder() / f"{name}.svg").is_file()


@cache
def svg(name: str) -> str:
    """The icon as one line of inline SVG."""
    return " ".join((_folder() / f"{name}.svg").read_text(encoding="utf-8").split())
