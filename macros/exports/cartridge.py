"""IMS Common Cartridge 1.1 course packages for Canvas and Moodle, read from catalog.json.

Each chapter is a page (web content) with its title, summary, learning goals, permanent link and CC BY
attribution, and its «Test deg selv» travels as an IMS QTI 1.2 assessment, which both import as a quiz.
Packages: one per perspective path (steps in path order), «alle» with every chapter once in menu order,
and one per introduction programme (the chapters it uses).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from macros.content.site_map import COURSE_PACKAGES_FOLDER
from macros.exports.archive import zip_timestamp
from macros.rendering.renderer import render

MANIFEST = "imsmanifest.xml"
CARTRIDGE_FOLDER = COURSE_PACKAGES_FOLDER
PAGE_TYPE = "webcontent"
QUIZ_TYPE = "imsqti_xmlv1p2/imscc_xmlv1p1/assessment"
# Which Common Cartridge QTI profile each kind of question is.
QTI_PROFILES = {
    "single": "cc.multiple_choice.v0p1",
    "multiple": "cc.multiple_response.v0p1",
    "true_false": "cc.true_false.v0p1",
    "reflection": "cc.essay.v0p1",
}


@dataclass(frozen=True)
class Package:
    name: str  # the file name, intro-<…>.imscc
    title: str
    files: dict[str, str]


def page_href(chapter_id: str) -> str:
    return f"kapitler/{chapter_id}.html"


def quiz_href(chapter_id: str) -> str:
    return f"quiz-{chapter_id}/assessment.xml"


def _options(question: dict) -> list[dict]:
    """Every question's choices as (text, correct, feedback); true/false gets «Sant» and «Usant»."""
    if question["kind"] == "true_false":
        return [
            {"text": "Sant", "correct": question["answer"], "feedback": question["feedback"]},
            {"text": "Usant", "correct": not question["answer"], "feedback": question["feedback"]},
        ]
    return [{"correct": False, **option} for option in question.get("options", [])]


def cartridge_files(catalog: dict, modules: list[dict], title: str, description: str, identifier: str) -> dict[str, str]:
    """The files of one cartridge (path in the zip → text). modules: [{identifier, title, chapters}]."""
    chapters = {entry["id"]: entry for entry in catalog["chapters"]}
    used: list[str] = []
    for module in modules:
        used += [chapter_id for chapter_id in module["chapters"] if chapter_id not in used]
    files = {
        MANIFEST: render(
            "imsmanifest.xml.j2",
            identifier=identifier,
            title=title,
            description=description,
            licence=f"{catalog['licence']} ({catalog['licence_url']})",
            modules=[{**module, "chapters": [chapters[c] for c in module["chapters"]]} for module in modules],
            resources=[chapters[c] for c in used],
            page_href=page_href,
            quiz_href=quiz_href,
            page_type=PAGE_TYPE,
            quiz_type=QUIZ_TYPE,
        ),
    }
    for chapter_id in used:
        chapter = chapters[chapter_id]
        files[page_href(chapter_id)] = render(
            "cc_page.html.j2",
            chapter=chapter,
            site_title=catalog["title"],
            licence=catalog["licence_name"],
            licence_url=catalog["licence_url"],
        )
        if chapter["self_check"]:
            questions = [{**q, "choices": _options(q), "profile": QTI_PROFILES[q["kind"]]} for q in chapter["self_check"]]
            files[quiz_href(chapter_id)] = render("qti_assessment.xml.j2", chapter=chapter, questions=questions)
    return files


def package_specs(catalog: dict) -> list[tuple[str, str, str, list[str]]]:
    """(identifier, title, description, chapter ids) of every package: «alle», each path, each programme."""
    specs = [
        (
            "intro-alle",
            f"Alle kapitlene i {catalog['name']}",
            f"Alle kapitlene i {catalog['name']}, i samme rekkefølge som menyen.",
            catalog["menu"],
        )
    ]
    specs += [(f"intro-{path['perspective']}", path["title"], path["intro"], path["steps"]) for path in catalog["paths"]]
    specs += [
        (
            f"intro-opplegg-{programme['id']}",
            f"Opplegget «{programme['title']}»",
            f"Kapitlene og spørsmålene til opplegget «{programme['title']}» ({programme['url']}).",
            programme["chapters"],
        )
        for programme in catalog.get("programmes", [])
    ]
    return specs


def cartridges(catalog: dict) -> list[Package]:
    """Every package, with its files."""
    packages = []
    for identifier, title, description, chapters in package_specs(catalog):
        module = {"identifier": f"module-{identifier.removeprefix('intro-')}", "title": title, "chapters": chapters}
        packages.append(Package(f"{identifier}.imscc", title, cartridge_files(catalog, [module], title, description, identifier)))
    return packages


def cartridge_bytes(files: dict[str, str]) -> bytes:
    """The zip of one cartridge, the same bytes for the same content (fixed timestamps, sorted names)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files, key=lambda name: (name != MANIFEST, name)):
            info = zipfile.ZipInfo(name, date_time=zip_timestamp())
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, files[name])
    return buffer.getvalue()


def write_cartridge(files: dict[str, str], target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(cartridge_bytes(files))
    return target


def export_all(catalog: dict, out: Path) -> list[Path]:
    """Write every package of cartridges(catalog) to out/."""
    return [write_cartridge(package.files, out / package.name) for package in cartridges(catalog)]
