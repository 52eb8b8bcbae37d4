"""The INTRO MkDocs plugin: validates the content, then dresses each chapter from its front matter.

It only wires events to the pure functions in the modules beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

import logging
import posixpath
import re
from urllib.parse import unquote

from macros import (booklet, csp, publishable, diagrams, export, glossary, htmlcheck, identity, quiz_sheets, render,
                    reuse, safety, search)
from macros.addresses import (broken_addresses, current_addresses, dropped_redirects, page_address, permalink,
                              read_registry)
from macros.cartridge import CARTRIDGE_FOLDER, package_specs
from macros.catalog import catalog
from macros.review import DEFAULT_GRACE_DAYS, due_dates, figure_checks, overdue, today
from macros.templatecheck import has_template_code, template_problems
from macros.errors import AuthorError, ContentError
from macros.local import dated_facts, load_facts, missing_facts
from macros.model import LocalFacts
from macros.release import offline_name
from macros.site import Site, load_site

log = get_plugin_logger(__name__)
# Outside MkDocs' loggers on purpose: a chapter due for review is a reminder, and strict mode would fail on it.
review_log = logging.getLogger("intro.review")
if not review_log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("PÅMINNELSE - %(message)s"))
    review_log.addHandler(_handler)
    review_log.propagate = False


class IntroConfig(Config):
    data_dir = config_options.Dir(exists=True, default="data")
    vendor_dir = config_options.Type(str, default="node_modules")
    offline_zip = config_options.Type(str, default="")
    # The same edition as a ZIM file for Kiwix (made with the zip by the release build).
    offline_zim = config_options.Type(str, default="")
    review_grace_days = config_options.Type(int, default=DEFAULT_GRACE_DAYS)
    edition = config_options.Type(str, default="bergen")
    editions_dir = config_options.Dir(exists=True, default="data/editions")
    # A folder to write each page's finished Markdown to (after macros and what the front matter adds), as a
    # plain MkDocs page: to see what INTRO renders, and for the benchmark to build the same with stock Material.
    finished_markdown_dir = config_options.Type(str, default="")
    # The registry of every address the live site has published (`make publish` sets it); empty: none.
    published_registry = config_options.Type(str, default="")


class IntroPlugin(BasePlugin[IntroConfig]):
    site: Site | None = None
    # Whether this build is the offline edition (Material's offline plugin is on).
    is_offline: bool = False
    _path_starts: set[str] = set()
    facts: LocalFacts | None = None
    offline_zip_bytes: int | None = None
    offline_zim_bytes: int | None = None
    packages: list[dict] = []
    drawn: dict[str, tuple[int, int] | None] = {}

    # ---- Hooks ----

    # Validate every page and data file before anything is rendered.
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        offline = config.plugins.get("material/offline")
        self.is_offline = bool(offline and offline.config.enabled)
        self._refuse_unpublishable(files, config)
        pages = self._read_pages(files)
        try:
            self.site = load_site(Path(self.config.data_dir), pages)
            self.facts = load_facts(Path(self.config.editions_dir), self.config.edition)
        except ContentError as error:
            raise PluginError(str(error)) from None
        self._problems: list[AuthorError] = []
        self._links: list[tuple[str, str, list[str]]] = []
        self.drawn = diagrams.drawn_keys(Path(config.docs_dir))
        self._check_reviews()
        self._check_figures()
        config.markdown_extensions = [e for e in config.markdown_extensions
                                      if not isinstance(e, glossary.GlossaryExtension)]
        config.markdown_extensions.append(glossary.GlossaryExtension(glossary.abbreviations(self.site.glossary)))
        self._add_vendor_files(files, config)
        self._add_offline_zip(files, config)
        self._add_reuse_files(files, config)
        self._add_booklets(files, config)
        self._path_starts = {"index.md", *(p.start_page for p in self.current_site().perspectives.values())}
        return files

    # MkDocs learns a page's title when it reads the page, and `mkdocs serve --dirty` reads only the pages that
    # changed: the rest would stand as «None» in the menu. Every title is known from the front matter already.
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        listed = [page.file.src_uri for page in nav.pages]
        twice = sorted({uri for uri in listed if listed.count(uri) > 1})
        if twice:
            raise PluginError(str(ContentError([AuthorError("mkdocs.yml", f"Siden docs/{uri} står flere ganger i menyen "
                                                            "(nav). Ta den med bare én gang.") for uri in twice])))
        titles = self.current_site().page_titles
        for page in nav.pages:
            if "title" not in vars(page) and page.file.src_uri in titles:
                page.title = titles[page.file.src_uri]
        return nav

    # `mkdocs serve` watches docs/ and mkdocs.yml; the curated data and the editions' facts build the site too.
    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
        data, editions = Path(self.config.data_dir).resolve(), Path(self.config.editions_dir).resolve()
        for folder in (data, *([] if editions.is_relative_to(data) else [editions])):
            server.watch(str(folder))
        return server

    # First of all, while line numbers are the author's: each diagram's code becomes its finished image.
    @event_priority(60)
    def _diagrams_as_images(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        found = diagrams.find(markdown)
        if not found:
            return markdown
        offset = _front_matter_lines(page.file.content_string)
        problems = [AuthorError(f"docs/{page.file.src_uri}", advice, line=line + offset)
                    for line, advice in diagrams.problems(found, set(self.drawn))]
        if problems:
            raise PluginError(str(ContentError(problems)))
        return diagrams.replace_with_images(markdown, page.file.src_uri, self.drawn)

    # Before macros run (priority above theirs): a template mistake gets a plain message, not a traceback.
    @event_priority(50)
    def _check_templates(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        macros = config.plugins["macros"]
        if page.meta.get("render_macros") is False:
            return markdown
        if not has_template_code(markdown):
            # Nothing for mkdocs-macros to do: spare it rendering the page as a template.
            page.meta["render_macros"] = False
            return markdown
        known = set(macros.variables) | set(macros.env.globals) | set(page.meta) | {"page"}
        offset = _front_matter_lines(page.file.content_string)
        problems = [
            AuthorError(f"docs/{page.file.src_uri}", message, line=line + offset if line else None)
            for line, message in template_problems(macros.env, markdown, known, sorted(macros.macros), macros.macros)
        ]
        problems += missing_facts(self.facts, markdown, f"docs/{page.file.src_uri}", offset)
        if problems:
            raise PluginError(str(ContentError(problems)))
        return markdown

    # After macros have run (priority below theirs), add what the front matter says.
    @event_priority(-50)
    def _dress_chapter(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        site = self.current_site()
        chapter = site.chapter_at(page.file.src_uri)
        if chapter:
            page.meta.setdefault("description", chapter.meta.summary)
            permanent_url = (config.site_url or "/").rstrip("/") + "/" + permalink(chapter.meta.id)
            markdown = (render.path_position(site, chapter)
                        + render.after_lead(markdown, render.chapter_header(site, chapter))
                        + "\n\n" + render.self_check(chapter) + render.chapter_footer(chapter)
                        + render.teaching(chapter, permanent_url, identity.from_config(config))
                        + render.path_navigation(site, chapter))
        elif "summary" in page.meta:
            page.meta.setdefault("description", page.meta["summary"])
            markdown += quiz_sheets.programme_section(site, page.file.src_uri)
        if page.file.src_uri in self._path_starts:
            # Material's footer «Neste» follows the menu; on the landing and path pages it would look like the path.
            page.meta["hide"] = sorted({*page.meta.get("hide", []), "footer"})
        # The booklets are made from the chapters' HTML, not from Markdown: nothing of their own to hand over.
        if self.config.finished_markdown_dir and page.file.src_uri not in self._booklets:
            export.write_finished_markdown(Path(self.config.finished_markdown_dir), page.file.src_uri,
                                           page.meta.get("title"), markdown)
        return markdown

    on_page_markdown = CombinedEvent(_diagrams_as_images, _check_templates, _dress_chapter)

    # Compiling Material's templates is a fifth of a build of this site, and they change only with the theme.
    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        cache = Path(config.config_file_path).parent / TEMPLATE_CACHE
        cache.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(cache))
        # The theme's own pages (the 404 page) offer the reader groups' start pages as ways on.
        pages = {file.src_uri: file.url for file in files.documentation_pages()}
        env.globals["intro_groups"] = [{"name": p.name, "url": pages[p.start_page]}
                                       for p in self.current_site().perspectives.values()]
        env.globals["intro_about_url"] = pages.get("om/index.md", "")
        return env

    # MkDocs gives the 404 page absolute links, for a server that shows it at any address. The offline edition
    # has no server: a reader opens 404.html from the folder, so its links must be relative to where it lies.
    def on_template_context(self, context: dict, template_name: str, config: MkDocsConfig) -> dict:
        if template_name == "404.html" and not config.use_directory_urls:
            context["base_url"] = "."
        return context

    # Check what the author wrote, as HTML: link texts and heading order. Every chapter's HTML is kept for the
    # path booklets, which MkDocs renders last, after every chapter (they are added last in on_files).
    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        perspective = self._booklets.get(page.file.src_uri)
        if perspective:
            return self._booklet(perspective, config, page.url)
        self._collect(CONTENT_CHECKS, html, page)
        self._rendered[page.file.src_uri] = (html, page.url)
        return html

    # Check the finished HTML of every page, theme included.
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        tree = self._collect(OUTPUT_CHECKS, output, page)
        self._links.append((page.file.src_uri, page.file.dest_uri, safety.internal_targets(tree)))
        if self.is_offline:
            # No server sends the offline edition a CSP header: each page carries its own, as a <meta>.
            output = output.replace("<head>", f'<head>\n<meta http-equiv="Content-Security-Policy" '
                                              f'content="{csp.offline_policy()}">', 1)
        return output

    # After Material's search has read the pages (search comes first in mkdocs.yml), before offline copies them.
    def on_post_build(self, config: MkDocsConfig) -> None:
        self._problems += self._missing_targets(Path(config.site_dir)) + self._unsafe_css(config)
        if self._problems:
            raise PluginError(str(ContentError(self._problems)))
        search.write_index(Path(config.site_dir), self.current_site(), config.use_directory_urls)

    # ---- Helpers ----

    def _collect(self, checks: tuple, html: str, page: Page):
        tree = htmlcheck.parse(html)
        for check, advice in checks:
            self._problems += [AuthorError(f"docs/{page.file.src_uri}", advice.format(found)) for found in check(tree)]
        return tree

    def _missing_targets(self, site_dir: Path) -> list[AuthorError]:
        """Links and images written as raw HTML, which MkDocs does not check, must lead to a file of the site."""
        problems = []
        for src_uri, dest_uri, targets in self._links:
            folder = posixpath.dirname(dest_uri)
            for target in sorted(set(targets)):
                path = posixpath.normpath(posixpath.join(folder, unquote(target)))
                found = site_dir / path
                if not (found.is_file() or (found / "index.html").is_file()):
                    problems.append(AuthorError(f"docs/{src_uri}", f"Lenken eller bildet «{target}» fører ikke til "
                                                "noe på nettstedet. Sjekk adressen, eller skriv lenken i Markdown: "
                                                "[tekst](kapittel.md), så sjekker bygget den for deg."))
        return problems

    def _unsafe_css(self, config: MkDocsConfig) -> list[AuthorError]:
        """The site's own stylesheets may not load anything from elsewhere either."""
        docs = Path(config.docs_dir)
        return [AuthorError(f"docs/{css.relative_to(docs)}", f"Stilarket har {found}, som henter noe utenfra. "
                            "Legg filen under docs/ og vis til den med en relativ adresse.")
                for css in sorted(docs.rglob("*.css")) for found in safety.css_problems(css.read_text("utf-8"))]

    @property
    def offline_zim_path(self) -> str:
        return f"last-ned/intro-{self.config.edition}.zim"

    @property
    def offline_zip_path(self) -> str:
        """Where the site offers its offline edition: named after the edition, like the folder it unpacks to."""
        return f"last-ned/{offline_name(self.config.edition)}.zip"

    def current_site(self) -> Site:
        if self.site is None:
            raise PluginError("Innholdet er ikke lest inn ennå.")
        return self.site

    def _add_vendor_files(self, files: Files, config: MkDocsConfig) -> None:
        """Serve the pinned npm browser assets from the site itself, never from a CDN."""
        vendor = Path(config.config_file_path).parent / self.config.vendor_dir
        for package_path, site_path in VENDOR_ASSETS.items():
            source = vendor / package_path
            if not source.is_file():
                raise PluginError(
                    f"Filen {source} mangler. Kjør «make setup» for å installere nettleserfilene fra npm."
                )
            files.append(File.generated(config, site_path, abs_src_path=str(source.resolve())))

    def _check_reviews(self) -> None:
        """Stop a chapter or local fact long past its date; remind about one just past it."""
        on, grace = today(), self.config.review_grace_days
        errors, warnings = overdue(self.current_site().chapters.values(), on, grace)
        fact_errors, fact_warnings = due_dates(dated_facts(self.facts), on, grace)
        errors, warnings = errors + fact_errors, warnings + fact_warnings
        for warning in warnings:
            review_log.warning(warning)
        if errors:
            raise PluginError(str(ContentError(errors)))

    def _read_pages(self, files: Files) -> list[tuple[str, str]]:
        """Every page's text; a file saved in another encoding than UTF-8 is named, not a traceback."""
        pages, wrong = [], []
        for file in files.documentation_pages():
            try:
                pages.append((file.src_uri, file.content_string))
            except UnicodeDecodeError:
                wrong.append(AuthorError(f"docs/{file.src_uri}", "er ikke lagret som UTF-8, så æ, ø og å blir feil. "
                                         "Åpne filen og lagre den på nytt med tegnsettet UTF-8."))
        if wrong:
            raise PluginError(str(ContentError(wrong)))
        return pages

    def _refuse_unpublishable(self, files: Files, config: MkDocsConfig) -> None:
        """Backups, links out of the project and heavy files never reach the site."""
        own = [file.src_uri for file in files if file.generated_by is None and file.inclusion.is_included()]
        found = publishable.problems(Path(config.docs_dir), Path(config.config_file_path).parent, own)
        if found:
            raise PluginError(str(ContentError([AuthorError(f"docs/{f.path}", f.advice) for f in found])))

    def _check_figures(self) -> None:
        """Stop a figure typed into a chapter's prose or long past its check date; remind about one just past it."""
        site = self.current_site()
        errors, warnings = due_dates(figure_checks(site.figures, site.figure_uses), today(),
                                     self.config.review_grace_days)
        for warning in warnings:
            review_log.warning(warning)
        if errors or site.typed_figures:
            raise PluginError(str(ContentError(site.typed_figures + errors)))

    def _add_reuse_files(self, files: Files, config: MkDocsConfig) -> None:
        """Permanent links, redirects, catalog.json and posters; and no published address may break."""
        site = self.current_site()
        current = current_addresses(site.page_uris, site.chapters, site.redirects)
        problems = broken_addresses(read_registry(Path(self.config.data_dir)), current)
        if self.config.published_registry:
            # What the live site has published, kept with it by `make publish`: no address can be forgotten.
            live = Path(self.config.published_registry)
            problems += broken_addresses(read_registry(live.parent, live.name), current, where=str(live))
        problems += dropped_redirects(site.redirects, site.page_uris,
                                      {chapter_id: c.src_uri for chapter_id, c in site.chapters.items()})
        if problems:
            raise PluginError(str(ContentError(problems)))
        page_urls = {file.src_uri: file.url for file in files.documentation_pages()}
        menu = [site.chapter_at(src_uri).meta.id for src_uri in _nav_pages(config.nav or [])
                if site.chapter_at(src_uri)]
        edition = identity.from_config(config)
        generated = {**reuse.generated_files(site, edition, page_urls, menu), **quiz_sheets.sheets(site)}
        for path, content in generated.items():
            files.append(File.generated(config, path, content=content))
        self.packages = [
            {"title": title, "path": CARTRIDGE_FOLDER + f"{name}.imscc",
             "size": len(generated[CARTRIDGE_FOLDER + f"{name}.imscc"]), "chapters": len(set(chapters)),
             "quizzes": sum(site.chapters[c].self_check is not None for c in set(chapters))}
            for name, title, _, chapters in package_specs(catalog(site, edition, menu))
        ]

    def _add_booklets(self, files: Files, config: MkDocsConfig) -> None:
        """A printable booklet per path, beside the chapters so that their relative links work in it."""
        site = self.current_site()
        self._rendered: dict[str, tuple[str, str]] = {}  # src_uri → (finished HTML, the page's URL)
        self._booklets = {booklet.src_uri(p): p for p in site.paths}
        for src_uri, perspective in self._booklets.items():
            files.append(File.generated(config, src_uri, content=booklet.page_markdown(site, perspective),
                                        inclusion=InclusionLevel.NOT_IN_NAV))

    def _booklet(self, perspective: str, config: MkDocsConfig, booklet_url: str) -> str:
        site, edition = self.current_site(), identity.from_config(config)
        base = edition.url.rstrip("/") + "/"
        start = site.perspectives[perspective].start_page
        return booklet.booklet_html(site, perspective, self._rendered,
                                    {chapter_id: base + permalink(chapter_id) for chapter_id in site.chapters},
                                    base + page_address(start), edition.title, booklet_url)

    def _add_offline_zip(self, files: Files, config: MkDocsConfig) -> None:
        """Offer the offline edition for download, when this build was given one."""
        self.offline_zip_bytes = self.offline_zim_bytes = None
        if not self.config.offline_zip:
            return
        source = Path(config.config_file_path).parent / self.config.offline_zip
        if not source.is_file():
            raise PluginError(f"Den frakoblede utgaven {source} finnes ikke. Kjør «make offline» først.")
        self.offline_zip_bytes = source.stat().st_size
        files.append(File.generated(config, self.offline_zip_path, abs_src_path=str(source.resolve())))
        zim = Path(config.config_file_path).parent / self.config.offline_zim if self.config.offline_zim else None
        if zim and zim.is_file():
            self.offline_zim_bytes = zim.stat().st_size
            files.append(File.generated(config, self.offline_zim_path, abs_src_path=str(zim.resolve())))


def _nav_pages(nav: list | dict | str) -> list[str]:
    """The pages of mkdocs.yml's nav, in menu order."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    items = nav.values() if isinstance(nav, dict) else nav
    return [page for item in items for page in _nav_pages(item)]


def _front_matter_lines(source: str) -> int:
    match = re.match(r"---\s*\n.*?\n---\s*\n", source, re.S)
    return match.group(0).count("\n") if match else 0


# ---- Data ----

# (check on HTML, advice for the author); the check returns what it found.
CONTENT_CHECKS = (
    (safety.unsafe_content, "Innholdet har {}. Skript og adresser som henter noe utenfra er ikke lov i INTRO. "
                            "Skriv vanlig Markdown: lenk til andre nettsteder med [tekst](https://…), og legg "
                            "bilder og filer under docs/."),
    (htmlcheck.vague_links, "Lenketeksten «{}» sier ikke hvor lenken går. Skriv hva leseren finner, "
                            "for eksempel «les om klage på vedtak»."),
    (htmlcheck.skipped_headings, "Overskriften {} hopper over et nivå. Bruk ## for deler og ### under dem, "
                                 "uten å hoppe over noe."),
)
OUTPUT_CHECKS = (
    (htmlcheck.off_site_resources, "Siden henter {} fra et annet nettsted. Alt innhold skal ligge på INTRO selv: "
                                   "last ned filen og legg den under docs/."),
    (htmlcheck.images_without_alt, "Bildet {} mangler alternativ tekst. Skriv hva bildet viser mellom "
                                   "hakeparentesene: ![Hva bildet viser](bilde.png)."),
)

# Compiled theme templates, beside the project like Material's own plugin caches (ignored by git).
TEMPLATE_CACHE = ".cache/jinja"

# npm file → where the site serves it.
VENDOR_ASSETS = {
    "iframe-worker/shim/index.js": "assets/vendor/iframe-worker/shim.js",
    "iframe-worker/LICENSE": "assets/vendor/iframe-worker/LICENSE.txt",
    # The offline edition's notice for a link that needs the internet draws its QR code with this, on demand.
    "qrcode-generator/dist/qrcode.js": "assets/vendor/qrcode-generator/qrcode.js",
}
