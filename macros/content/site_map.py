"""The site's own pages and folders, named once: where chapters, booklets, the programmes, the glossary, the about
page, the downloads and the permanent links live, and how a page's path under docs/ becomes its address.

Every address is written as the online site has it, relative to the site root: "kapitler/lovene/", "k/lovene/",
"" for the front page. The modules that make or link these pages import the names from here.
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

CHAPTER_FOLDER = "kapitler/"
BOOKLET_PREFIX = "hefte-"  # a path's booklet: kapitler/hefte-<reader group>.md
PROGRAMMES_FOLDER = "programmer/"
PROGRAMMES_PAGE = f"{PROGRAMMES_FOLDER}index.md"
GLOSSARY_ADDRESS = "ordliste"  # the glossary page: ordliste.md or ordliste/index.md; online «ordliste/», offline «ordliste.html»
GLOSSARY_PAGES = (f"{GLOSSARY_ADDRESS}/index.md", f"{GLOSSARY_ADDRESS}.md")
ABOUT_PAGE = "om/index.md"
DOWNLOADS_FOLDER = "last-ned/"
COURSE_PACKAGES_FOLDER = f"{DOWNLOADS_FOLDER}kurspakker/"
PERMALINK_PREFIX = "k/"


def booklet_page(perspective: str) -> str:
    """The booklet of a reader group's path: kapitler/hefte-studenter.md."""
    return f"{CHAPTER_FOLDER}{BOOKLET_PREFIX}{perspective}.md"


def page_address(src_uri: str) -> str:
    """The online address of a page: kapitler/lovene.md → kapitler/lovene/; index.md → ''."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
        return stem
    return stem + "/"


def permalink(chapter_id: str) -> str:
    """A chapter's permanent address, which never changes when the chapter moves: k/lovene/."""
    return f"{PERMALINK_PREFIX}{chapter_id}/"


def relative_target(address: str, target_url: str) -> str:
    """A link from the page at address to a page's URL (both relative to the site root)."""
    return posixpath.relpath(target_url or ".", address.rstrip("/") or ".") + ("/" if target_url.endswith("/") else "")


def nav_pages(nav: list | dict | str) -> list[str]:
    """The pages of mkdocs.yml's nav, in menu order."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    items = nav.values() if isinstance(nav, dict) else nav
    return [page for item in items for page in nav_pages(item)]


# ---- Which files under docs/ are the site ----


def published_files(docs_dir: Path) -> list[tuple[str, Path]]:
    """Every file under docs/ as MkDocs publishes it, as (path under docs/, file), in order: the one reading of
    docs/ that the build, the checks and `make publish` share. Left out, as MkDocs leaves them out by default:
    hidden files and folders (an editor's swap file «.kapittel.md.swp», a desktop's trash «.Trash-1000/») and
    the top-level templates/ folder. Backup files that are not hidden («kapittel.md~») are published, so the
    build refuses them (checks/publishable.py). Symbolic links are followed, as MkDocs follows them."""
    found = []
    for folder, folders, files in os.walk(docs_dir, followlinks=True):
        here = Path(folder).relative_to(docs_dir).parts
        folders[:] = sorted(name for name in folders if not name.startswith(".") and not (not here and name == "templates"))
        found += [("/".join((*here, name)), Path(folder) / name) for name in files if not name.startswith(".")]
    return sorted(found)


def doc_pages(docs_dir: Path) -> list[tuple[str, Path]]:
    """Every Markdown page of published_files, as (path under docs/, file)."""
    return [(uri, path) for uri, path in published_files(docs_dir) if uri.endswith(".md")]


def read_page(path: Path) -> str:
    """A page's text as MkDocs reads it: UTF-8, a byte-order mark dropped. UnicodeDecodeError otherwise."""
    return path.read_text(encoding="utf-8-sig")
