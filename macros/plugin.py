"""The INTRO MkDocs plugin: it only wires MkDocs' events to the engine-neutral work in three modules.

- prebuild.py, before the build: read and check the content and data, and make the generated pages and files;
- markdown_steps.py (and glossary.py's Python-Markdown extension), inside Markdown: each page's text;
- postbuild.py, after the build: the checks on the finished HTML, the offline CSP; handover.py hands it over.

See utvikling/motoren.md.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.yaml import yaml_load

from macros import markdown_steps, postbuild, prebuild
from macros.checks import htmlcheck
from macros.content import frontmatter, identity
from macros.exports import handover, search
from macros.rendering import diagrams, glossary
from macros.config import IntroConfig
from macros.content.errors import AuthorError, ContentError
from macros.loader import Sources, load
from macros.content.model import LocalFacts
from macros.content.review import today
from macros.content.site import Site
from macros.checks.templatecheck import has_template_code

log = get_plugin_logger(__name__)
# Outside MkDocs' loggers on purpose: a chapter due for review is a reminder, and strict mode would fail on it.
review_log = logging.getLogger("intro.review")
if not review_log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("PÅMINNELSE - %(message)s"))
    review_log.addHandler(_handler)
    review_log.propagate = False


@contextmanager
def _for_the_author() -> Iterator[None]:
    """What the modules raise for the author or the developer, as MkDocs' plain error (no traceback)."""
    try:
        yield
    except (ContentError, prebuild.SetupError) as error:
        raise PluginError(str(error)) from None


class IntroPlugin(BasePlugin[IntroConfig]):
    site: Site | None = None
    # Whether this build is the offline edition (Material's offline plugin is on).
    is_offline: bool = False
    facts: LocalFacts | None = None
    drawn: dict[str, tuple[int, int] | None] = {}

    # ---- Hooks ----

    # Validate every page and data file before anything is rendered; add the generated pages and files.
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        offline = config.plugins.get("material/offline")
        self.is_offline = bool(offline and offline.config.enabled)
        project, docs_dir = Path(config.config_file_path).parent, config.docs_dir
        docs = Path(docs_dir)
        own = [file for file in files if file.generated_by is None and file.inclusion.is_included()]
        with _for_the_author():
            prebuild.refuse_unpublishable(docs, project, [file.src_uri for file in own])
            # The same cached loader the macros read through (macros/loader.py): the content is validated once.
            sources = Sources(docs, Path(self.config.data_dir), Path(self.config.editions_dir), self.config.edition)
            content = load(sources, [(file.src_uri, Path(file.abs_src_path)) for file in own
                                     if file.is_documentation_page() and file.abs_src_path])
            self.site = site = content.site
            self.facts = content.facts
            prebuild.check_reviews(site, self.facts, today(), self.config.review_grace_days, review_log.warning)
            prebuild.check_figures(site, today(), self.config.review_grace_days, review_log.warning)
            self.drawn = diagrams.drawn_keys(docs)
            edition = identity.from_config(config)
            page_urls = {file.src_uri: file.url for file in files.documentation_pages()}
            offline_zip, offline_zim = self.config.offline_zip, self.config.offline_zim
            downloads = prebuild.downloads(project / offline_zip if offline_zip else None,
                                           project / offline_zim if offline_zim else None, self.config.edition)
            reuse = prebuild.reuse_files(site, edition, page_urls, config.nav or [],
                                                        Path(self.config.data_dir), self.config.published_registry)
            self._booklets, booklet_pages = prebuild.booklet_pages(site)
            materials = prebuild.materials_pages(site, edition, self.facts)
            self._off_menu = [made.path for made in [*materials, *booklet_pages]]
            self._generated = [*prebuild.vendor_files(project / self.config.vendor_dir), *downloads, *reuse]
            self._handover = handover.prepare(Path(self.config.finished_markdown_dir)) \
                if self.config.finished_markdown_dir else None
        config.markdown_extensions = [e for e in config.markdown_extensions
                                      if not isinstance(e, glossary.GlossaryExtension)]
        config.markdown_extensions.append(glossary.GlossaryExtension(glossary.abbreviations(site.glossary)))
        for made in self._generated:
            files.append(File.generated(config, made.path, content=made.content,
                                        abs_src_path=str(made.source) if made.source else None))
        # Off the menu. The booklets come last, so that MkDocs renders them after every chapter, whose HTML they are made of.
        for made in [*materials, *booklet_pages]:
            files.append(File.generated(config, made.path, content=made.content, inclusion=InclusionLevel.NOT_IN_NAV))
        # The authors' own files (not the theme's), for the hand-over.
        self._static = [file.src_uri for file in own if not file.is_documentation_page() and file.src_dir == docs_dir]
        self._path_starts = prebuild.path_starts(site)
        self._problems: list[AuthorError] = []
        self._links: list[postbuild.PageLinks] = []
        self._rendered: dict[str, tuple[str, str]] = {}  # src_uri → (finished HTML, the page's URL)
        self._finished: dict[str, str] = {}
        return files

    # MkDocs learns a page's title when it reads the page, and `mkdocs serve --dirty` reads only the pages that
    # changed: the rest would stand as «None» in the menu. Every title is known from the front matter already.
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        with _for_the_author():
            twice = prebuild.duplicate_nav_entries([page.file.src_uri for page in nav.pages])
            if twice:
                raise ContentError(twice)
        titles = self.current_site().page_titles
        for page in nav.pages:
            if "title" not in vars(page) and page.file.src_uri in titles:
                page.title = titles[page.file.src_uri]
        return nav

    # `mkdocs serve` watches docs/ and mkdocs.yml; the curated data and the editions' facts build the site too.
    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
        for folder in prebuild.watched_folders(Path(self.config.data_dir), Path(self.config.editions_dir)):
            server.watch(str(folder))
        return server

    # First of all, while line numbers are the author's: each diagram's code becomes its finished image.
    @event_priority(60)
    def _diagrams_as_images(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        with _for_the_author():
            return markdown_steps.diagrams_as_images(markdown, page.file.src_uri,
                                                     frontmatter.split(page.file.content_string).body_offset, self.drawn)

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
        with _for_the_author():
            markdown_steps.check_templates(macros.env, markdown, page.file.src_uri,
                                           frontmatter.split(page.file.content_string).body_offset, known, macros.macros,
                                           self.facts)
        return markdown

    # After macros have run (priority below theirs), add what the front matter says.
    @event_priority(-50)
    def _dress_chapter(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        markdown = markdown_steps.dress_page(self.current_site(), page.file.src_uri, page.meta, markdown,
                                             identity.from_config(config), self._path_starts)
        if self._handover:
            self._finished[page.file.src_uri] = markdown
        return markdown

    on_page_markdown = CombinedEvent(_diagrams_as_images, _check_templates, _dress_chapter)

    # Compiling Material's templates is a fifth of a build of this site, and they change only with the theme.
    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        cache = Path(config.config_file_path).parent / TEMPLATE_CACHE
        cache.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(cache))
        # The theme's own pages (the 404 page) offer the reader groups' start pages as ways on.
        env.globals.update(prebuild.theme_globals(self.current_site(),
                                                  {file.src_uri: file.url for file in files.documentation_pages()}))
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
        src_uri = page.file.src_uri
        perspective = self._booklets.get(src_uri)
        if perspective:
            html = markdown_steps.booklet_html(self.current_site(), perspective, self._rendered,
                                               identity.from_config(config), page.url)
            if self._handover:
                handover.write(self._handover, src_uri, handover.booklet_page(page.meta, html))
            return html
        self._problems += postbuild.page_problems(postbuild.CONTENT_CHECKS, htmlcheck.parse(html), f"docs/{src_uri}")
        self._rendered[src_uri] = (html, page.url)
        if self._handover:
            handover.write(self._handover, src_uri,
                           handover.page_text(page.meta, handover.with_glossary(self._finished[src_uri], html)))
        return html

    # Check the finished HTML of every page, theme included.
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        tree, where = htmlcheck.parse(output), f"docs/{page.file.src_uri}"
        self._problems += postbuild.page_problems(postbuild.OUTPUT_CHECKS, tree, where)
        self._links.append(postbuild.page_links(where, page.file.dest_uri, tree))
        return postbuild.with_offline_policy(output) if self.is_offline else output

    # After Material's search has read the pages (search comes first in mkdocs.yml), before offline copies them.
    def on_post_build(self, config: MkDocsConfig) -> None:
        self._problems += (postbuild.missing_targets(Path(config.site_dir), self._links)
                           + postbuild.unsafe_css(Path(config.docs_dir)))
        if self._problems:
            raise PluginError(str(ContentError(self._problems)))
        search.write_index(Path(config.site_dir), self.current_site(), config.use_directory_urls)
        if self._handover:
            with open(config.config_file_path, encoding="utf-8") as opened:
                raw = yaml_load(opened)
            handover.finish(self._handover, Path(config.docs_dir), self._static, self._generated, raw,
                            self._off_menu)

    # ---- For the theme's templates ----

    def current_site(self) -> Site:
        if self.site is None:
            raise PluginError("Innholdet er ikke lest inn ennå.")
        return self.site


# ---- Data ----

# Compiled theme templates, beside the project like Material's own plugin caches (ignored by git).
TEMPLATE_CACHE = ".cache/jinja"
