"""INTRO's chores that are not MkDocs builds: `python -m macros.cli COMMAND`."""

from __future__ import annotations

import argparse
from pathlib import Path

from macros.export import zip_directory
from macros.render import file_size


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m macros.cli", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    offline = commands.add_parser("offline-zip", help="zip a built offline edition")
    offline.add_argument("site", type=Path, help="the built offline site")
    offline.add_argument("zip", type=Path, help="the zip file to write")

    args = parser.parse_args(argv)
    if args.command == "offline-zip":
        size = zip_directory(args.site, args.zip, root=args.zip.stem)
        print(f"{args.zip}: {file_size(size)}")


if __name__ == "__main__":
    main()
