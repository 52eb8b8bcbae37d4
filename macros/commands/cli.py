"""INTRO's chores that are not MkDocs builds: `python -m macros.commands.cli COMMAND` (`--help` lists them).

One function per command. The commands that read the content find docs/ and data/ through the edition's config
(`--config`, mkdocs.yml by default), as a build does, not from the folder they are started in.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
from pathlib import Path

import click

from macros import loader
from macros.commands import feedback
from macros.commands.publish import Interrupted, PublishError, publish, rollback
from macros.commands.release import BuildFailed, build_release, edition_of, mkdocs_env, serve_command
from macros.content import norwegian, yamlio
from macros.content.clock import today
from macros.content.local import dated_facts, load_facts
from macros.content.norwegian import amount, when
from macros.content.readability import LIX_LIMIT, LIX_MEDIAN_GOAL
from macros.content.review import editor_calendar, statuses
from macros.content.site import Site
from macros.exports.addresses import REGISTRY_FILE, current_addresses, read_registry, registry_text
from macros.exports.cartridge import export_all
from macros.exports.csp import nginx_include
from macros.stopping import for_command

CONFIG = "mkdocs.yml"
_config = click.option(
    "--config",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=CONFIG,
    show_default=True,
    help="the edition's config",
)


def project(config: Path) -> loader.Options:
    """Where the content of the edition a config builds lies (docs/, data/, the editions' facts)."""
    try:
        return loader.options_from_config({"config_file_path": str(config)})
    except loader.LoaderError as error:
        raise for_command(error) from None


def load_repository_site(config: Path) -> Site:
    """The validated site straight from the config's docs/ and data/, without a build."""
    return loader.load(project(config).sources).site


@click.group(help=__doc__.splitlines()[0])
def main() -> None:
    pass


@main.command()
@_config
@click.option("--out", type=click.Path(path_type=Path), default=Path("dist"), show_default=True, help="the folder to build into")
@click.option("--offline-only", is_flag=True, help="build only the offline edition: its zip and its ZIM")
def build(config: Path, out: Path, offline_only: bool) -> None:
    """Build an edition's release: the offline zip and ZIM, and the site offering them."""
    try:
        built = build_release(config.resolve(), out, offline_only=offline_only)
    except BuildFailed as failed:
        raise for_command(failed, "Bygget stoppet.") from None
    if built.site:
        print(f"{built.site}/")
    print(f"{built.zip}: {norwegian.size(built.zip.stat().st_size)}")
    print(f"{built.zim}: {norwegian.size(built.zim.stat().st_size)}")


@main.command()
@_config
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True, help="the address to serve at (host:port)")
def serve(config: Path, dev_addr: str) -> None:
    """Show the edition in the browser, and what a save changes as soon as it is saved."""
    command = serve_command(config, dev_addr)
    os.execve(command[0], command, mkdocs_env())  # MkDocs itself, so that Ctrl-C stops it as an author expects


@main.command()
@click.argument("config", type=click.Path(path_type=Path))
def edition(config: Path) -> None:
    """Print the edition a config builds."""
    try:
        print(edition_of(config))
    except BuildFailed as failed:
        raise for_command(failed) from None


@main.command()
@click.argument("catalog", type=click.Path(path_type=Path))
@click.argument("out", type=click.Path(path_type=Path))
def lms(catalog: Path, out: Path) -> None:
    """Export IMS Common Cartridges from a built site's catalog.json."""
    for written in export_all(json.loads(catalog.read_text(encoding="utf-8")), out):
        print(f"{written}: {norwegian.size(written.stat().st_size)}")


@main.command("publish")
@click.argument("root", type=click.Path(path_type=Path))
@_config
@click.option("--allow-dirty", is_flag=True, help="publish even with uncommitted changes")
@click.option(
    "--reload",
    "reload_command",
    metavar="COMMAND",
    default=lambda: os.environ.get("INTRO_RELOAD_COMMAND"),
    help="run this when the CSP changed, e.g. 'sudo systemctl reload nginx'",
)
def publish_command(root: Path, config: Path, allow_dirty: bool, reload_command: str | None) -> None:
    """Build, check and switch the live site atomically."""
    try:
        release = publish(root.resolve(), config.resolve(), allow_dirty, reload_command)
    except PublishError as error:
        raise for_command(error, "Publiseringen stoppet. Nettstedet er som før.") from None
    except Interrupted as signal_name:
        raise SystemExit(f"Publiseringen ble avbrutt ({signal_name}). Nettstedet er som før.") from None
    print(f"Publisert: {release}. Registeret over publiserte adresser er oppdatert, og eldre utgaver er ryddet bort.")


@main.command("rollback")
@click.argument("root", type=click.Path(path_type=Path))
def rollback_command(root: Path) -> None:
    """Switch the live site back to the previous complete release."""
    try:
        release = rollback(root.resolve())
    except PublishError as error:
        raise for_command(error) from None
    print(f"Tilbake til: {release}. Last nginx inn på nytt hvis csp.conf er endret.")


@main.command()
@click.argument("log", type=click.Path(path_type=Path))
def tilbakemeldinger(log: Path) -> None:
    """The answers to «Fant du det du lette etter?» per page, from the server's log: counts of ja and nei, and the texts."""
    try:
        answers, skipped = feedback.read_log(log)
    except feedback.FeedbackLogError as error:
        raise for_command(error) from None
    print(feedback.report(answers, skipped, str(log)), end="")


@main.command()
@click.argument("site", type=click.Path(path_type=Path))
def csp(site: Path) -> None:
    """Print the nginx CSP include for a built site."""
    print(nginx_include(site), end="")


@main.command()
@_config
def report(config: Path) -> None:
    """Chapters by review date, with owner, LIX and reading time; figures and local facts to check; and the
    editor's yearly list: rates each January, G each May, NAV's and SSB's figures, the law changes and schemes."""
    editions = project(config).sources.editions_dir
    site = load_repository_site(config)
    rows = statuses(site.chapters.values(), today())
    print(f"{'Kapittel':28} {'Eier':22} {'LIX':>4} {'Ord':>5} {'Min':>4}  {'Sist':10}  {'Neste':10}  Status")
    for status in rows:
        meta, readability = status.chapter.meta, status.chapter.readability
        print(
            f"{meta.id:28} {meta.owner[:22]:22} {readability.lix:4.0f} {readability.words:5} "
            f"{readability.reading_minutes:4}  {meta.last_reviewed}  {meta.next_review}  {status.label}"
        )
    lix = statistics.median(c.readability.lix for c in site.chapters.values())
    print(f"\nMedian LIX: {lix:.1f} (mål: høyst {LIX_MEDIAN_GOAL}; et kapittel over {LIX_LIMIT} bygges ikke)")
    print(f"\n{'Tall (data/figures.yml)':28} {'Sjekkes':10}  {'Verdi':>14}  Kilde")
    on = today()
    for figure in sorted(site.figures.values(), key=lambda f: (f.check_by, f.id)):
        value, applies = figure.latest
        due = "  SKAL SJEKKES" if figure.check_by < on else ""
        print(f"{figure.id:28} {figure.check_by}  {amount(value, figure.unit):>14}  {figure.source.url} ({when(applies)}){due}")
    print(f"\n{'Lokale fakta (data/editions)':28} {'Sjekkes':10}  Faktum og kilde")
    facts = [item for path in sorted(editions.glob("*.yml")) for item in dated_facts(load_facts(editions, path.stem))]
    for label, where, check_by, url in sorted(facts, key=lambda item: (item[2], item[1])):
        due = "  SKAL SJEKKES" if check_by < on else ""
        print(f"{Path(where).name:28} {check_by}  {label}: {url}{due}")
    schemes = project(config).sources.data_dir / "schemes.yml"
    calendar = editor_calendar(site, on, (yamlio.load(schemes.read_text(encoding="utf-8")) or []) if schemes.is_file() else [])
    print("\nÅrshjulet: dette skal sjekkes, og når (kapitlene står øverst, etter neste gjennomgang)")
    for title, tasks in calendar.items():
        print(f"\n{title}")
        for task in tasks:
            flag = f"  {task.status}" if task.status else ""
            print(f"  {str(task.due or ''):10}  {task.what}: {task.source}{flag}")


@main.command()
@_config
@click.option(
    "--site",
    "site_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="the built site to check (default: dist/<edition>/site from `make build`)",
)
@click.option("--timeout", type=int, default=30, show_default=True, help="seconds to wait for each address")
def kilder(config: Path, site_dir: Path | None, timeout: int) -> None:
    """Check every source and external link of the built site with LinkChecker: dead, moved and redirected, per page."""
    from macros.checks.links import report as link_report
    from macros.commands.linkcheck import LinkCheckerMissing, data_addresses, page_names, run

    options = project(config)
    site_dir = site_dir or Path("dist") / options.sources.edition / "site"
    if not (site_dir / "index.html").is_file():
        raise SystemExit(f"Finner ikke det bygde nettstedet i {site_dir}. Kjør «make build» først.")
    site = load_repository_site(config)
    try:
        found = run(site_dir, page_names(site.page_uris), data_addresses(options.sources.data_dir), timeout)
    except (LinkCheckerMissing, RuntimeError) as error:
        raise SystemExit(str(error)) from None
    text = link_report(found, f"{site_dir} og data/ ({today()})")
    (site_dir.parent / "kilder.txt").write_text(text, encoding="utf-8")
    print(text, end="")
    print(f"Rapporten står også i {site_dir.parent / 'kilder.txt'}.")
    sys.exit(1 if any(finding.kind == "død" for finding in found) else 0)


@main.command()
@_config
def register(config: Path) -> None:
    """Add the site's current addresses to data/published.yml."""
    data = project(config).sources.data_dir
    site = load_repository_site(config)
    known = read_registry(data)
    current = current_addresses(site.page_uris, site.chapters, site.redirects)
    (data / REGISTRY_FILE).write_text(registry_text(set(known) | current), encoding="utf-8")
    print(f"data/{REGISTRY_FILE}: {len(current - set(known))} nye adresser, {len(set(known) | current)} i alt")


@main.command("diagrams")
@_config
def draw_diagrams(config: Path) -> None:
    """Draw new and changed Mermaid diagrams to docs/assets/figurer/, and remove images no page uses."""
    from macros.commands.diagram_render import update  # needs Chromium, which only this command does

    drawn, removed = update(project(config).sources.docs_dir)
    print(f"docs/assets/figurer: {len(drawn)} nye bilder, {len(removed)} fjernet")


@main.command()
@_config
def spelling(config: Path) -> None:
    """List the words the Norwegian spelling check (hunspell) does not know, per file."""
    from macros.checks import spelling as check

    options = project(config)
    if options.translate_from:
        from macros.translation import spelling as translated

        try:
            found = translated.check(
                options.config_dir,
                options.sources.edition,
                options.translation_mode,
                options.translation_data or options.config_dir,
                config.name,
            )
        except (translated.NotTranslatedYet, check.MissingHunspell) as error:
            print(error, file=sys.stderr)
            sys.exit(2)
        print(check.format_report(found))
        sys.exit(1 if found else 0)
    try:
        report = check.check(options.config_dir, options.sources.docs_dir, options.sources.data_dir)
    except check.MissingHunspell as error:
        print(error, file=sys.stderr)
        sys.exit(2)
    print(check.format_report(report))
    sys.exit(1 if report else 0)


if __name__ == "__main__":
    main(prog_name="python -m macros.commands.cli")
