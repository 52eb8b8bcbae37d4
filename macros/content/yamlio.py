"""Reading YAML: libyaml's C loader when PyYAML was built with it, which is many times faster."""

from __future__ import annotations

from typing import Any

import yaml

_FastLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class SafeLoader(_FastLoader):
    """A safe loader that refuses a key written twice: YAML keeps the last one, and the first is lost unseen."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"«{key}» står to ganger; slå dem sammen til én", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep)


def load(text: str) -> Any:
    """Like yaml.safe_load, and with the same errors (problem_mark gives the line)."""
    return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader
