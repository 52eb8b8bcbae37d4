"""Reading YAML: libyaml's C loader when PyYAML was built with it, which is many times faster."""

from __future__ import annotations

from typing import Any

import yaml

SafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(text: str) -> Any:
    """Like yaml.safe_load, and with the same errors (problem_mark gives the line)."""
    return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader
