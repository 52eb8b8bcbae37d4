"""INTRO's chores that are not MkDocs builds: `python -m macros.cli COMMAND`."""

from __future__ import annotations

import argparse
import json
import os
import statistics
from pathlib import Path

from macros.addresses import REGISTRY_FILE, current_addresses, read_registry, registry_text
from macros.cartridge import export_all
from macros.csp import nginx_include
from macros.export import zip_directory
from macros.figures import amount, when
from macros.local import dated_facts, load_facts
from macros.publish import Interrupted, PublishError, publish, rollback
from macros.readability import LIX_LIMIT, LIX_MEDIAN_GOAL
from macros.release import BuildFailed, build_release, edition_of
from macros.render import file_size
from macros.review import statuses, today
from macros.site import load_site

DOCS = Path("docs")
DATA = Path("data")


def load_repository_site():
    """The validated site straight from docs/ and data/, without a build."""
    pages = [(str(p.relative_to(DOCS)), p.read_text(encoding="utf-8")) for p in sorted(DOCS.rglob("*.md"))]
    return load_site(DATA, pages)


def report() -> None:
    """Chapters by review date, with owner and readability, for the editors."""
    site = load_repository_site()
    rows = statuses(site.chapters.values(), today())
    print(f"{'Kapittel':28} {'Eier':22} {'LIX':>4} {'Ord':>5} {'Min':>4}  {'Sist':10}  {'Neste':10}  Status")
    for status in rows:
        meta, readability = status.chapter.meta, status.chapter.readability
        print(f"{meta.id:28} {meta.owner[:22]:22} {readability.lix:4.0f} {readability.words:5} "
              f"{readability.reading_minutes:4}  {meta.last_reviewed}  {meta.next_review}  {status.label}")
    lix = statistics.median(c.readability.lix for c in site.chapters.values())
    print(f"\nMedian LIX: {lix:.1f} (mål: høyst {LIX_MEDIAN_GOAL}; et kapittel over {LIX_LIMIT} bygges ikke)")
    print(f"\n{'Tall (data/figures.yml)':28} {'Sjekkes':10}  {'Verdi':>14}  Kilde")
    on = today()
    for figure in sorted(site.figures.values(), key=lambda f: (f.check_by, f.id)):
        value, applies = figure.latest
        due = "  SKAL SJEKKES" if figure.check_by < on else ""
        print(f"{figure.id:28} {figure.check_by}  {amount(value, figure.unit):>14}  {figure.source.url} "
              f"({when(applies)}){due}")
    print(f"\n{'Lokale fakta (data/editions)':28} {'Sjekkes':10}  Faktum og kilde")
    facts = [item for path in sorted((DATA / "editions").glob("*.yml"))
             for item in dated_facts(load_facts(DATA / "editions", path.stem))]
    for label, where, check_by, url in sorted(facts, key=lambda item: (item[2], item[1])):
        due = "  SKAL SJEKKES" if check_by < on else ""
        print(f"{Path(where).name:28} {check_by}  {label}: {url}{due}")


def register() -> None:
    """Add every address the site now answers to the registry of published addresses."""
    site = load_repository_site()
    known = read_registry(DATA)
    current = current_addresses(site.page_uris, site.chapters, site.redirects)
    (DATA / REGISTRY_FILE).write_text(registry_text(set(known) | current), encoding="utf-8")
    print(f"data/{REGISTRY_FILE}: {len(current - set(known))} nye adresser, {len(set(known) | current)} i alt")


def draw_diagrams() -> None:
    """Draw new and changed diagrams, and remove images no page uses."""
    from macros.diagram_render import update  # needs Chromium, which only this command does

    drawn, removed = update(DOCS)
    print(f"docs/assets/figurer: {len(drawn)} nye bilder, {len(removed)} fjernet")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m macros.cli", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="build an edition's release: the offline zip and the site offering it")
    build.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the edition's config")
    build.add_argument("--out", type=Path, default=Path("dist"), help="the folder to build into")

    commands.add_parser("edition", help="print the edition a config builds").add_argument("config", type=Path)

    offline = commands.add_parser("offline-zip", help="zip a built offline edition")
    offline.add_argument("site", type=Path, help="the built offline site")
    offline.add_argument("zip", type=Path, help="the zip file to write")

    lms = commands.add_parser("lms", help="export IMS Common Cartridges from a built site's catalog.json")
    lms.add_argument("catalog", type=Path, help="catalog.json of the built site")
    lms.add_argument("out", type=Path, help="the folder to write the .imscc files to")

    publishing = commands.add_parser("publish", help="build, check and switch the live site atomically")
    publishing.add_argument("root", type=Path, help="the publish root, for example /srv/intro")
    publishing.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the edition's config")
    publishing.add_argument("--allow-dirty", action="store_true", help="publish even with uncommitted changes")
    publishing.add_argument("--reload", metavar="COMMAND", default=os.environ.get("INTRO_RELOAD_COMMAND"),
                            help="run this when the CSP changed, e.g. 'sudo systemctl reload nginx'")

    back = commands.add_parser("rollback", help="switch the live site back to the previous complete release")
    back.add_argument("root", type=Path, help="the publish root, for example /srv/intro")

    csp = commands.add_parser("csp", help="print the nginx CSP include for a built site")
    csp.add_argument("site", type=Path)

    commands.add_parser("report", help="chapters by review date, with owner, LIX and reading time; figures to check")
    commands.add_parser("register", help="add the site's current addresses to data/published.yml")
    commands.add_parser("diagrams", help="draw new and changed Mermaid diagrams to docs/assets/figurer/")

    args = parser.parse_args(argv)
    if args.command == "build":
        try:
            built = build_release(args.config.resolve(), args.out)
        except BuildFailed as failed:
            raise SystemExit(f"Bygget stoppet.\n{failed}") from None
        print(f"{built.site}/ og {built.zip}: {file_size(built.zip.stat().st_size)}")
    elif args.command == "edition":
        print(edition_of(args.config))
    elif args.command == "offline-zip":
        size = zip_directory(args.site, args.zip, root=args.zip.stem)
        print(f"{args.zip}: {file_size(size)}")
    elif args.command == "lms":
        for written in export_all(json.loads(args.catalog.read_text(encoding="utf-8")), args.out):
            print(f"{written}: {file_size(written.stat().st_size)}")
    elif args.command == "publish":
        try:
            release = publish(args.root.resolve(), args.config.resolve(), args.allow_dirty, args.reload)
        except PublishError as error:
            raise SystemExit(f"Publiseringen stoppet. Nettstedet er som før.\n{error}") from None
        except Interrupted as signal_name:
            raise SystemExit(f"Publiseringen ble avbrutt ({signal_name}). Nettstedet er som før.") from None
        print(f"Publisert: {release}")
    elif args.command == "rollback":
        try:
            release = rollback(args.root.resolve())
        except PublishError as error:
            raise SystemExit(str(error)) from None
        print(f"Tilbake til: {release}. Last nginx inn på nytt hvis csp.conf er endret.")
    elif args.command == "csp":
        print(nginx_include(args.site), end="")
    elif args.command == "report":
        report()
    elif args.command == "register":
        register()
    elif args.command == "diagrams":
        draw_diagrams()


if __name__ == "__main__":
    main()
