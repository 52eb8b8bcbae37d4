"""The course packages one build ships, made once: the reuse files write them, the download page lists them.

Making every IMS cartridge (and its zip) is the slowest export, and two callers need it in one build: the files
the build adds, and the «Kurspakker» table with each package's size. The last build's packages are kept here,
for the same validated site, edition and menu.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.content.identity import Identity
from macros.content.site import Site
from macros.content.site_map import COURSE_PACKAGES_FOLDER
from macros.exports.cartridge import cartridge_bytes, cartridges, package_specs
from macros.exports.catalog import catalog


@dataclass(frozen=True)
class CoursePackage:
    path: str  # in the site: last-ned/kurspakker/intro-alle.imscc
    title: str
    content: bytes  # the cartridge's zip
    chapters: int
    quizzes: int  # chapters with a «Test deg selv»


@dataclass(frozen=True)
class Packages:
    catalog: dict  # catalog.json as data, which the packages are made from
    packages: tuple[CoursePackage, ...]


_last: tuple[Site, Identity, tuple[str, ...], Packages] | None = None


def course_packages(site: Site, identity: Identity, menu: list[str] | tuple[str, ...] = ()) -> Packages:
    """The catalogue and every course package of a build (menu: chapter ids in menu order); made once per build."""
    global _last
    menu = tuple(menu)
    if _last and _last[0] is site and _last[1] == identity and _last[2] == menu:
        return _last[3]
    data = catalog(site, identity, list(menu))
    made = Packages(
        data,
        tuple(
            CoursePackage(
                path=COURSE_PACKAGES_FOLDER + package.name,
                title=title,
                content=cartridge_bytes(package.files),
                chapters=len(set(chapters)),
                quizzes=sum(site.chapters[c].self_check is not None for c in set(chapters)),
            )
            for package, (_, title, _, chapters) in zip(cartridges(data), package_specs(data), strict=True)
        ),
    )
    _last = (site, identity, menu, made)
    return made
