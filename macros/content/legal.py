"""What the legal pages say about every edition: what the site keeps and handles (data/privacy.yml) and its
accessibility statement (data/accessibility.yml). The edition's own owner, host and feedback address are in its
local facts (data/editions/<edition>.yml, read by content/local.py).

Read and validated once per change of the files; a mistake names the file and the field.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from macros.content import yamlio
from macros.content.clock import today
from macros.content.errors import AuthorError, ContentError, from_validation
from macros.content.model import Accessibility, Privacy

PRIVACY_FILE = "privacy.yml"
ACCESSIBILITY_FILE = "accessibility.yml"


@dataclass(frozen=True)
class Legal:
    privacy: Privacy
    accessibility: Accessibility


_cache: dict[Path, tuple[tuple, Legal]] = {}


def _read(path: Path, model: type[BaseModel], errors: list[AuthorError]) -> BaseModel | None:
    label = f"data/{path.name}"
    if not path.is_file():
        errors.append(AuthorError(label, "Filen finnes ikke. Den skal ligge i datamappen."))
        return None
    try:
        read = yamlio.read(path, label)
    except yamlio.Unreadable as unreadable:
        errors.append(unreadable.error)
        return None
    try:
        return model.model_validate(read.data)
    except ValidationError as error:
        errors.extend(from_validation(label, error, line_of=read.line_of))
    return None


def load_legal(data_dir: Path) -> Legal:
    """The validated privacy and accessibility data; ContentError names the file and field when they are wrong."""
    paths = (data_dir / PRIVACY_FILE, data_dir / ACCESSIBILITY_FILE)
    stamp = tuple((p.stat().st_mtime_ns, p.stat().st_size) if p.is_file() else None for p in paths)
    cached = _cache.get(data_dir)
    if cached and cached[0] == stamp:
        return cached[1]
    errors: list[AuthorError] = []
    privacy = _read(paths[0], Privacy, errors)
    accessibility = _read(paths[1], Accessibility, errors)
    if isinstance(accessibility, Accessibility) and accessibility.assessed > today():
        errors.append(
            AuthorError(
                f"data/{ACCESSIBILITY_FILE}",
                f"er {accessibility.assessed}, som er fram i tid. Skriv datoen da nettstedet faktisk ble vurdert.",
                field="assessed",
            )
        )
    if errors:
        raise ContentError(errors)
    assert isinstance(privacy, Privacy) and isinstance(accessibility, Accessibility)
    legal = Legal(privacy, accessibility)
    _cache[data_dir] = (stamp, legal)
    return legal
