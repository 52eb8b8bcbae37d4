"""The INTRO MkDocs plugin: it only wires MkDocs' events to the engine-neutral work in three modules.

- prebuild.py, before the build: read and check the content and data, and make the generated pages and files;
- markdown_steps.py (and glossary.py's Python-Markdown extension), inside Markdown: each page's text;
- postbuild.py, after the build: the checks on the finished HTML, the offline CSP; handover.py hands it over.

What the stage before the build found and made is one frozen BuildState; what the pages add as MkDocs renders
them is a PageLog, new for every build. See utvikling/motoren.md.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from jinja2 import Environment, FileSystemBytecodeCache
from jinja2.sandbox import ImmutableSandboxedEnvironment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from macros import loader, markdown_steps, postbuild, prebuild, serving
from macros.checks import html as html_checks
from macros.checks import templates
from macros.config import IntroConfig
from macros.content import frontmatter
from macros.content.clock import today
from macros.content.errors import AuthorError, ContentError, IntroError
from macros.content.macro_calls import has_template_code
from macros.content.macro_specs import SPECS
from macros.exports import GeneratedFile, handover, search
from macros.rendering import glossary, hyphenation, page_scripts, posters, renderer
from macros.stopping import stopping_the_build
from macros.translation import edition as translated_edition

if TYPE_CHECKING:  # only `make serve` starts the server: a build need not import it
    from mkdocs.livereload import LiveReloadServer


@cache
def reminders() -> logging.Logger:
    """Outside MkDocs' loggers on purpose: a chapter due for review is a reminder, and strict mode would fail on it."""
    log = logging.getLogger("intro.review")
    if not log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("PÅMINNELSE - %(message)s"))
        log.addHandler(handler)
        log.propagate = False
    return log


def _file(config: MkDocsConfig, made: GeneratedFile, inclusion: InclusionLevel = InclusionLevel.UNDEFINED) -> File:
    """A file the build adds, as MkDocs' File: its text or bytes, or a file to copy."""
    if made.source is not None:
        return File.generated(config, made.path, abs_src_path=str(made.source), inclusion=inclusion)
    return File.generated(config, made.path, content=made.content if made.content is not None else "", inclusion=inclusion)


@dataclass
class PageLog:
    """What the pages of one build leave as MkDocs renders them."""

    problems: list[AuthorError] = field(default_factory=list)
    links: list[postbuild.PageLinks] = field(default_factory=list)
    rendered: dict[str, tuple[str, str]] = field(default_factory=dict)  # src_uri → (finished HTML, the page's URL)
    anchors: dict[str, set[str]] = field(default_factory=dict)  # src_uri → the anchors of a page rendered
    finished: dict[str, str] = field(default_factory=dict)  # src_uri → finished Markdown, for the hand-over
    with_macros: set[str] = field(default_factory=set)  # the pages whose checked macros _render_macros runs
    for_search: list[search.Page] = field(default_factory=list)  # each page as search reads it, in the build's order
    own_search: dict[str, Any] = field(default_factory=dict)  # src_uri → the page's own `search` settings, while set aside
    sandbox: ImmutableSandboxedEnvironment | None = None  # made once per build, knowing only the declared macros


@dataclass(frozen=True)
class Kept:
    """What a `make serve` build that succeeded leaves for the next (serving.py)."""

    snapshot: serving.Snapshot
    state: prebuild.BuildState
    html: dict[str, tuple[str, str]]  # src_uri → (a page's finished HTML, its URL): the booklets are made of it
    anchors: dict[str, set[str]]  # src_uri → the anchors a page has: links to it are checked without rendering it


# MkDocs' server looks for saved files every half second (watchdog's PollingObserver): a save waited a quarter of a
# second on average before its rebuild began, and half a second at worst. Looking costs a few milliseconds for the
# project's few hundred files, so five times a second costs an idle `make serve` about 2 % of one core.
LOOK_EVERY_S = 0.2


def _look_more_often(server: LiveReloadServer) -> None:
    """Make MkDocs' server (before it starts) look for saved files every LOOK_EVERY_S seconds: the same paths
    watched, through its own watch() and unwatch(), by a polling observer that looks more often."""
    from watchdog.observers.polling import PollingObserver

    paths = []
    for path in sorted({emitter.watch.path for emitter in server.observer.emitters}):
        while True:  # a path watched twice is unwatched twice (watch() counts)
            try:
                server.unwatch(path)
            except KeyError:
                break
            paths.append(path)
    server.observer = PollingObserver(timeout=LOOK_EVERY_S)
    for path in paths:
        server.watch(path)


class IntroPlugin(BasePlugin[IntroConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.options: loader.Options | None = None
        self.build: prebuild.BuildState | None = None
        self.pages = PageLog()
        self.static: list[str] = []  # the authors' own files (not the theme's), for the hand-over
        # A translated edition: the folders of its bokmål source, which serve watches, and its translated docs.
        self.source_folders: tuple[Path, ...] = ()
        self.translated_docs: Path | None = None
        self._roots: tuple[object, list[dict]] = (None, [])  # extra.alternate as the config gives it
        # `mkdocs serve` keeps this plugin from build to build (it has on_startup): what one build leaves the next.
        self.serving = False
        self.kept: Kept | None = None
        self.snapshot: serving.Snapshot | None = None
        self.served_files: Path | None = None  # the generated files as files, written when they change
        self.index_search = True  # serve makes the search index in a whole build only, as it starts (serving.deferred)

    # ---- Hooks ----

    # `make serve` runs `mkdocs serve --dirty`: MkDocs renders again only the pages saved, and serving.py says what
    # else must be made again. MkDocs' warning that a dirty build leaves other pages stale is then not true, and
    # would stop a strict build.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        if self.serving:
            self.served_files = Path(tempfile.mkdtemp(prefix="intro-serve-"))
            if dirty:
                logging.getLogger("mkdocs.commands.build").addFilter(_without_dirty_warning)

    def on_shutdown(self) -> None:
        if self.served_files:
            shutil.rmtree(self.served_files, ignore_errors=True)

    # A translated edition (translate_from) is translated before anything is read: its pages, data, templates
    # and theme overrides into a translated copy (macros/translation/), which the build reads, and the config's
    # own texts in place.
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not self.config.translate_from:
            return config
        # Imported here: only a translated edition needs Apertium and the translated copy.
        from macros.translation import mirror

        project = Path(config.config_file_path).resolve().parent
        custom_dir = config.theme.custom_dir
        source = mirror.Source(
            project=project,
            docs=Path(config.docs_dir),
            data=Path(self.config.data_dir),
            editions=Path(self.config.editions_dir),
            templates=Path(renderer.__file__).parent.parent / "templates",
            overrides=Path(custom_dir) if custom_dir else None,
            edition=self.config.edition,
            source_edition=self.config.translate_from,
            mode=self.config.translation_mode,
            editorial=project / self.config.translation_data,
        )
        titles = translated_edition.nav_titles(config.nav or [])
        slots = translated_edition.config_slots(config)
        with stopping_the_build():
            done = mirror.prepare(source, [*titles, *(slot.text for slot in slots)], Path(config.config_file_path).name)
        logging.getLogger("mkdocs.plugins.intro").info(
            f"Oversatt med Apertium ({self.config.translation_mode}): {done.translated} av {done.pieces} tekstbiter, "
            f"resten fra hurtigbufferen, på {done.seconds:.1f} s."
        )
        translated = iter(done.texts)
        translated_edition.rename_nav(config.nav or [], {title: next(translated) for title in titles})
        for slot in slots:
            slot.put(next(translated))
        self.source_folders = (source.docs, source.data, source.editions, source.editorial)
        self.translated_docs = done.folders.docs
        config.docs_dir = str(done.folders.docs)
        if custom_dir:
            config.theme.dirs = [
                str(done.folders.overrides) if Path(folder) == Path(custom_dir) else folder for folder in config.theme.dirs
            ]
        renderer.translate_for(self.config.edition, done.folders.templates)
        return config

    # Validate every page and data file before anything is rendered; add the generated pages and files.
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        self.options = options = loader.Options.from_plugin(self.config, config)
        # One renderer for the build: every template it renders knows the edition.
        renderer.use(options.identity)
        renderer.keep_compiled(Path(config.config_file_path).parent / TEMPLATE_CACHE)
        posters.keep_codes(Path(config.config_file_path).parent / QR_CACHE)
        hyphenation.keep_words(Path(config.config_file_path).parent / HYPHENATION_CACHE)
        project, docs = options.config_dir, Path(config.docs_dir)
        own = [file for file in files if file.generated_by is None and file.inclusion.is_included()]
        with stopping_the_build():
            prebuild.same_reading(docs, [file.src_uri for file in own if file.src_dir == config.docs_dir])
            prebuild.refuse_unpublishable(docs, project, [file.src_uri for file in own])
            # The same cached loader the macros read through (macros/loader.py): the content is validated once.
            content = loader.load(
                options.sources,
                [(file.src_uri, Path(file.abs_src_path)) for file in own if file.is_documentation_page() and file.abs_src_path],
            )
            inputs = prebuild.Inputs(
                project_dir=project,
                docs_dir=docs,
                data_dir=options.sources.data_dir,
                vendor_dir=project / self.config.vendor_dir,
                edition=options.sources.edition,
                offline_zip=options.offline_zip,
                offline_zim=options.offline_zim,
                published_registry=self.config.published_registry,
                handover_dir=Path(self.config.finished_markdown_dir) if self.config.finished_markdown_dir else None,
                grace_days=self.config.review_grace_days,
            )
            page_urls = {file.src_uri: file.url for file in files.documentation_pages()}
            since = self._since(content, own, config) if self.serving and not inputs.handover_dir else None
            self.build = build = prebuild.prepare(
                content.site,
                content.facts,
                options.identity,
                page_urls,
                config.nav or [],
                inputs,
                today(),
                reminders().warning,
                since,
            )
        if self.served_files and not since:
            build = self.build = replace(
                build,
                generated=tuple(made.kept_in(self.served_files) for made in build.generated),
                off_menu=tuple(made.kept_in(self.served_files) for made in build.off_menu),
            )
        config.markdown_extensions = [e for e in config.markdown_extensions if not isinstance(e, glossary.GlossaryExtension)]
        config.markdown_extensions.append(glossary.GlossaryExtension(glossary.abbreviations(build.site.glossary)))
        if not any(isinstance(e, hyphenation.HyphenationExtension) for e in config.markdown_extensions):
            config.markdown_extensions.append(hyphenation.HyphenationExtension())
        for made in build.generated:
            files.append(_file(config, made))
        # Off the menu. The booklets come last, so that MkDocs renders them after every chapter, whose HTML they are made of.
        for made in build.off_menu:
            files.append(_file(config, made, InclusionLevel.NOT_IN_NAV))
        if self.serving:
            # Every page is rendered again after a change other pages show; after a save in a page's own text, the
            # pages saved (MkDocs sees them) and the booklets made of them.
            again = serving.booklets_of(build.booklets, build.site, since.saved) if since else None
            for file in files.documentation_pages():
                if again is None or file.src_uri in again:
                    _render_again(file)
        self.index_search = not self.serving or self.kept is None
        self.static = [file.src_uri for file in own if not file.is_documentation_page() and file.src_dir == config.docs_dir]
        self.pages = PageLog()
        return files

    def _since(self, content: loader.Content, own: list[File], config: MkDocsConfig) -> prebuild.Since | None:
        """A `serve` rebuild that may keep the build before's files, and the pages saved since; None: a whole build."""
        made_with = serving.stamps(
            [Path(folder) for folder in [*config.watch, config.theme.custom_dir or ""] if folder and Path(folder).is_dir()]
            + [renderer.TEMPLATES],
            sorted(Path(config.config_file_path).parent.glob("*.yml")),
        )
        self.snapshot = serving.snapshot(content.site, content.facts, [file.src_uri for file in own], made_with)
        if not (self.kept and serving.only_pages_changed(self.kept.snapshot, self.snapshot)):
            return None
        saved = frozenset(file.src_uri for file in own if file.is_documentation_page() and file.is_modified())
        return prebuild.Since(self.kept.state, saved)

    # MkDocs learns a page's title when it reads the page, and `mkdocs serve --dirty` reads only the pages that
    # changed: the rest would stand as «None» in the menu. Every title is known from the front matter already.
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        with stopping_the_build():
            twice = prebuild.duplicate_nav_entries([page.file.src_uri for page in nav.pages])
            if twice:
                raise ContentError(twice)
        titles = self.state().site.page_titles
        for page in nav.pages:
            if "title" not in vars(page) and page.file.src_uri in titles:
                page.title = titles[page.file.src_uri]
        return nav

    # `mkdocs serve` watches docs/ and mkdocs.yml; the curated data and the editions' facts build the site too.
    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
        _look_more_often(server)
        if self.translated_docs:
            # The translated copy changes with every build: watch the source it is made from instead.
            server.unwatch(str(self.translated_docs))
            for folder in self.source_folders:
                server.watch(str(folder))
            return server
        for folder in prebuild.watched_folders(Path(self.config.data_dir), Path(self.config.editions_dir)):
            server.watch(str(folder))
        return server

    # First of all, while line numbers are the author's: each diagram's code becomes its finished image.
    @event_priority(60)
    def _diagrams_as_images(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        with stopping_the_build():
            return markdown_steps.diagrams_as_images(
                markdown, page.file.src_uri, frontmatter.body_offset(page.file.content_string), self.state().drawn
            )

    # Before macros run (priority above theirs): template code beyond the declared macros, or a mistake in a
    # macro call, gets a plain message. mkdocs-macros itself never renders a page (render_by_default: false in
    # mkdocs.yml, and render_macros false here): its Jinja is not sandboxed and hands pages the config, the
    # environment and git; _render_macros renders in a sandbox that knows only the declared macros.
    @event_priority(50)
    def _check_templates(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        asked = page.meta.get("render_macros")
        page.meta["render_macros"] = False
        # INTRO's own generated pages hold data texts, which are never template code.
        if asked is False or page.file.generated_by or not has_template_code(markdown):
            return markdown
        with stopping_the_build():
            markdown_steps.check_templates(
                markdown,
                page.file.src_uri,
                frontmatter.body_offset(page.file.content_string),
                self._declared(config),
                self.state().facts,
            )
        self.pages.with_macros.add(page.file.src_uri)
        return markdown

    # Where mkdocs-macros would have rendered (it has set its current page, which the macros read).
    @event_priority(-10)
    def _render_macros(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri not in self.pages.with_macros:
            return markdown
        if self.pages.sandbox is None:
            self.pages.sandbox = templates.sandbox(self._declared(config))
        with stopping_the_build():
            return markdown_steps.render_macros(
                self.pages.sandbox, markdown, page.file.src_uri, frontmatter.body_offset(page.file.content_string)
            )

    def _declared(self, config: MkDocsConfig) -> dict[str, Callable]:
        """The declared macros (content/macro_specs.py) as mkdocs-macros registered them for this build."""
        macros_plugin: Any = config.plugins["macros"]  # mkdocs-macros' plugin
        registered = macros_plugin.macros
        return {spec.name: registered[spec.name] for spec in SPECS}

    # After macros have run (priority below theirs), add what the front matter says.
    @event_priority(-50)
    def _dress_chapter(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        build = self.state()
        markdown = markdown_steps.dress_page(
            build.site, page.file.src_uri, page.meta, markdown, build.identity, build.path_starts
        )
        if build.handover:
            self.pages.finished[page.file.src_uri] = markdown
        return markdown

    on_page_markdown = CombinedEvent(_diagrams_as_images, _check_templates, _render_macros, _dress_chapter)

    # Compiling Material's templates is a fifth of a build of this site, and they change only with the theme.
    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        cache = Path(config.config_file_path).parent / TEMPLATE_CACHE
        cache.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(cache))
        # The theme's own pages (the 404 page) offer the reader groups' start pages as ways on.
        env.globals.update(
            prebuild.theme_globals(self.state().site, {file.src_uri: file.url for file in files.documentation_pages()})
        )
        # A `serve` rebuild renders only the pages saved: the anchors of the others are the build before's, so that a
        # link from a saved page to another page's heading is checked at once (MkDocs skips a page not rendered).
        if self.kept:
            for file in files.documentation_pages():
                if file.page is not None and file.page.present_anchor_ids is None and file.src_uri in self.kept.anchors:
                    file.page.present_anchor_ids = self.kept.anchors[file.src_uri]
        # The title Material writes as a page's h1 breaks between syllables too (overrides/main.html).
        env.filters["intro_soft_hyphens"] = hyphenation.soft_hyphens
        # «Fant du det du lette etter?» only where a server can take the answer: never in the offline edition.
        env.globals.update(prebuild.feedback_globals(bool(self.options and self.options.is_offline)))
        return env

    # MkDocs gives the 404 page absolute links, for a server that shows it at any address. The offline edition
    # has no server: a reader opens 404.html from the folder, so its links must be relative to where it lies.
    def on_template_context(self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig) -> TemplateContext:
        if template_name == "404.html" and not config.use_directory_urls:
            context["base_url"] = "."
        if template_name == "404.html":
            self._alternates(context, "index.md", config)
        return context

    # Material's language switcher and the head's hreflang alternates: the same page in the other editions; on a
    # translated edition, the notice over every page (overrides/main.html) links to the page in bokmål.
    def _language_links(self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
        self._alternates(context, page.file.src_uri, config)
        return context

    def _alternates(self, context: TemplateContext, src_uri: str, config: MkDocsConfig) -> None:
        if self._roots[0] is not config:
            self._roots = (config, [dict(edition) for edition in config.extra.get("alternate") or []])
        editions = self._roots[1]
        if editions:
            language = str(config.theme.get("language") or "")
            config.extra["alternate"] = translated_edition.alternates(editions, src_uri, language, config.site_url or "")
        if self.config.translate_from:
            # Read by overrides/main.html; MkDocs' TemplateContext does not list a plugin's own keys.
            context["intro_original"] = translated_edition.address_in(editions, SOURCE_LANGUAGE, src_uri)  # type: ignore[typeddict-unknown-key]

    # Check what the author wrote, as HTML: link texts and heading order. Every chapter's HTML is kept for the
    # path booklets, which MkDocs renders last, after every chapter (they are added last in on_files).
    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        build, src_uri = self.state(), page.file.src_uri
        perspective = build.booklets.get(src_uri)
        if perspective:
            rendered = {**self.kept.html, **self.pages.rendered} if self.kept else self.pages.rendered
            html = markdown_steps.booklet_html(build.site, perspective, rendered, build.identity, page.url)
            if build.handover:
                handover.write(build.handover, src_uri, handover.booklet_page(page.meta, html))
            return html
        self.pages.problems += postbuild.page_problems(postbuild.CONTENT_CHECKS, html_checks.parse(html), f"docs/{src_uri}")
        self.pages.rendered[src_uri] = (html, page.url)
        self.pages.anchors[src_uri] = set(page.present_anchor_ids or ())
        if build.handover:
            handover.write(
                build.handover, src_uri, handover.page_text(page.meta, handover.with_glossary(self.pages.finished[src_uri], html))
            )
        return html

    # The one reading of each page for search (exports/search/reading.py), before Material's search plugin (which
    # would read it again with Python's slower parser, for an index INTRO's worker never loads): that plugin is
    # told to leave the page alone, as a page's own `search: exclude: true` tells it, and still gives the search box.
    @event_priority(50)
    def _read_for_search(self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
        # The same reading tells the theme's `scripts` block which scripts the page's features need.
        content = search.parsed(page.content or "")
        # (TemplateContext names only MkDocs' own keys; the theme reads any key the context has.)
        extra = cast("dict[str, object]", context)
        extra["intro_scripts"] = page_scripts.scripts_for(content, bool(self.options and self.options.is_offline))
        own = page.meta.get("search")
        if not (isinstance(own, dict) and own.get("exclude")):
            if self.index_search:
                self.pages.for_search.append(search.read_page(content, page.url, str(page.meta.get("title", page.title))))
            self.pages.own_search[page.file.src_uri] = own
            page.meta["search"] = {**(own if isinstance(own, dict) else {}), "exclude": True}
        return context

    # The page's own search settings again, for the theme and anything after.
    @event_priority(-50)
    def _restore_search_meta(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        if page.file.src_uri in self.pages.own_search:
            own = self.pages.own_search.pop(page.file.src_uri)
            if own is None:
                del page.meta["search"]
            else:
                page.meta["search"] = own
        return context

    on_page_context = CombinedEvent(_language_links, _read_for_search, _restore_search_meta)

    # Check the finished HTML of every page, theme included.
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        tree, where = html_checks.parse(output), f"docs/{page.file.src_uri}"
        self.pages.problems += postbuild.page_problems(postbuild.OUTPUT_CHECKS, tree, where)
        self.pages.links.append(postbuild.page_links(where, page.file.dest_uri, tree))
        return postbuild.with_offline_policy(output) if self.options and self.options.is_offline else output

    # After every page is written, before Material's offline plugin copies the site.
    def on_post_build(self, config: MkDocsConfig) -> None:
        build = self.state()
        hyphenation.save_words()  # every page is rendered: no word is hyphenated after this
        self.pages.problems += postbuild.missing_targets(Path(config.site_dir), self.pages.links) + postbuild.unsafe_css(
            Path(config.docs_dir)
        )
        with stopping_the_build():
            if self.pages.problems:
                raise ContentError(self.pages.problems)
        if self.options and self.options.is_offline:
            postbuild.fence_static_html(Path(config.site_dir), self.static)
        if self.index_search:
            language = str(config.theme.get("language") or "nb")
            search.write_index(Path(config.site_dir), build.site, self.pages.for_search, config.use_directory_urls, language)
        if build.handover:
            raw = loader.read_config_file(Path(config.config_file_path))
            handover.finish(
                build.handover,
                Path(config.docs_dir),
                self.static,
                list(build.generated),
                raw,
                [made.path for made in build.off_menu],
            )
        if self.serving and self.snapshot:
            before = self.kept
            self.kept = Kept(
                self.snapshot,
                build,
                {**(before.html if before else {}), **self.pages.rendered},
                {**(before.anchors if before else {}), **self.pages.anchors},
            )

    # A build that stopped is followed by a whole one: what it left is not known to hold.
    def on_build_error(self, *, error: Exception) -> None:
        self.kept = None

    # ---- Helpers ----

    def state(self) -> prebuild.BuildState:
        """What on_files found and made for this build."""
        if self.build is None:
            with stopping_the_build():
                raise IntroError("Innholdet er ikke lest inn ennå.")
        return self.build


def _render_again(file: File) -> None:
    """Make `mkdocs serve --dirty` render a page again: it renders a page whose output is older than its source."""
    if file.abs_dest_path and os.path.exists(file.abs_dest_path):
        os.utime(file.abs_dest_path, (0, 0))


def _without_dirty_warning(record: logging.LogRecord) -> bool:
    """MkDocs' warning that a dirty build leaves other pages stale: under `make serve`, serving.py renders them."""
    return not str(record.msg).startswith("A 'dirty' build is being performed")


# ---- Data ----

# Compiled templates (the theme's and INTRO's), beside the project like Material's own plugin caches (ignored by git).
TEMPLATE_CACHE = ".cache/jinja"
# The language a translated edition is translated from: its pages link to the edition written in it.
SOURCE_LANGUAGE = "nb"
# The posters' QR codes, by address (rendering/posters.py).
QR_CACHE = ".cache/qr"
HYPHENATION_CACHE = ".cache/hyphenation"
