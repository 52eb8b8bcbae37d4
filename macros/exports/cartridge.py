"""IMS Common Cartridge 1.1 course packages for Canvas, Moodle and Open edX, read from catalog.json.

Each chapter is a page (web content) with its title, summary, learning goals, permanent link and CC BY
attribution; a web link «Les kapitlet» to the chapter itself; and its «Test deg selv» as an IMS QTI 1.2
assessment, which the LMSs import as a quiz. Packages: one per perspective path (steps in path order), «alle»
with every chapter once in menu order, and one per introduction programme (the chapters it uses).

The packages pass the CC 1.1 schemas and the rules embedded in them, and the QTI is written in the one shape that
Moodle's, Canvas's and Open edX's (cc2olx) importers all read the same way:

- single choice and true/false: the scoring condition first (cc2olx takes the conditions up to the first that
  stops as the answer key), and every option's feedback in a condition that stops (Moodle joins the feedback of
  conditions that go on into general feedback, which everyone would see);
- true/false: the answers are named `true` and `false` (Moodle refuses any other name);
- multiple response: the options' feedback first, the scoring condition last (Canvas's converter loses the
  answer key if the scoring condition comes first);
- `varequal case="Yes"`: Moodle counts a multiple-response answer as correct only then;
- reflection: the model answer as general feedback `general_fb` behind a condition that goes on, and marked as
  scored by a person (`qmd_computerscored` No): the one name all three keep.

Every identifier carries the edition, so the Bergen and the Gjøvik packages can live side by side in one course.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from macros.content.site_map import COURSE_PACKAGES_FOLDER
from macros.exports.archive import zip_timestamp
from macros.rendering.renderer import phrase, render

MANIFEST = "imsmanifest.xml"
CARTRIDGE_FOLDER = COURSE_PACKAGES_FOLDER
PAGE_TYPE = "webcontent"
LINK_TYPE = "imswl_xmlv1p1"
QUIZ_TYPE = "imsqti_xmlv1p2/imscc_xmlv1p1/assessment"
# Which Common Cartridge QTI profile each kind of question is.
QTI_PROFILES = {
    "single": "cc.multiple_choice.v0p1",
    "multiple": "cc.multiple_response.v0p1",
    "true_false": "cc.true_false.v0p1",
    "reflection": "cc.essay.v0p1",
}
# The name Moodle, Canvas and cc2olx all read as a question's general feedback: a reflection's model answer.
GENERAL_FEEDBACK = "general_fb"
# What XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/U+FFFF): an importer refuses the file.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# A yes/no question answered by one «Ja, …» and one «Nei, …» option.
YES, NO = re.compile(r"^Ja\b"), re.compile(r"^Nei\b")


@dataclass(frozen=True)
class Package:
    name: str  # the file name, intro-<…>.imscc
    title: str
    files: dict[str, str]


def page_href(chapter_id: str) -> str:
    return f"kapitler/{chapter_id}.html"


def link_href(chapter_id: str) -> str:
    return f"lenker/{chapter_id}.xml"


def quiz_href(chapter_id: str) -> str:
    return f"quiz-{chapter_id}/assessment.xml"


def scope(catalog: dict) -> str:
    """What every identifier in an edition's packages begins with: intro-bergen, intro-gjovik."""
    return f"intro-{catalog['edition']}" if catalog.get("edition") else "intro"


def xml_safe(value: Any) -> Any:
    """value with every string stripped of the characters XML cannot carry; lists and mappings walked through."""
    if isinstance(value, str):
        return NOT_XML.sub("", value)
    if isinstance(value, list):
        return [xml_safe(item) for item in value]
    if isinstance(value, dict):
        return {key: xml_safe(item) for key, item in value.items()}
    return value


def yes_no(question: dict) -> bool:
    """A single choice between «Ja, …» and «Nei, …»: a true/false question in the packages, because the CC 1.1
    profile wants single choice to have more than two options. True is the «Ja» option, false the «Nei» option:
    the meaning stays, and Canvas and Open edX show the options' own words (Moodle shows «Sant» and «Usant»)."""
    texts = [option["text"] for option in question.get("options") or []]
    return (
        question["kind"] == "single"
        and len(texts) == 2
        and any(YES.match(text) for text in texts)
        and any(NO.match(text) for text in texts)
    )


def _choices(question: dict, item: str) -> list[dict]:
    """Every option as ident, text, correct, feedback and the ident of its feedback; true/false answers are named
    true and false."""
    if question["kind"] == "true_false":
        options = [
            {"ident": "true", "text": "Sant", "correct": question["answer"], "feedback": question["feedback"]},
            {"ident": "false", "text": "Usant", "correct": not question["answer"], "feedback": question["feedback"]},
        ]
    elif yes_no(question):
        options = [
            {"correct": False, **option, "ident": "true" if YES.match(option["text"]) else "false"}
            for option in question["options"]
        ]
    else:
        options = [
            {"correct": False, **option, "ident": f"{item}-{n}"}
            for n, option in enumerate(question.get("options") or [], start=1)
        ]
    return [{**option, "feedback_ident": f"{item}-{n}-feedback"} for n, option in enumerate(options, start=1)]


def _kind(question: dict) -> str:
    return "true_false" if yes_no(question) else question["kind"]


def quiz_questions(chapter: dict, item_prefix: str) -> list[dict]:
    """The chapter's questions as the QTI template writes them: a name, an ident, a profile and the choices."""
    questions = []
    for n, question in enumerate(chapter["self_check"], start=1):
        item = f"{item_prefix}-{n}"
        kind = _kind(question)
        questions.append(
            {
                **question,
                "kind": kind,
                "item": item,
                "name": f"{chapter['title']} – {n}",
                "profile": QTI_PROFILES[kind],
                "choices": _choices(question, item),
            }
        )
    return questions


def cartridge_files(catalog: dict, modules: list[dict], title: str, description: str, identifier: str) -> dict[str, str]:
    """The files of one cartridge (path in the zip → text). modules: [{identifier, title, chapters}]."""
    return _cartridge_files(xml_safe(catalog), xml_safe(modules), xml_safe(title), xml_safe(description), identifier, {})


def _cartridge_files(
    catalog: dict,
    modules: list[dict],
    title: str,
    description: str,
    identifier: str,
    made: dict[str, dict[str, str]],
) -> dict[str, str]:
    """cartridge_files, of a catalogue, modules and texts that xml_safe has made safe already. made: each chapter's
    files as made for another cartridge of the catalogue (they are the same in every package), filled in here."""
    ids = scope(catalog)
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
            ids=ids,
            licence=f"{catalog['licence']} ({catalog['licence_url']})",
            modules=[{**module, "chapters": [chapters[c] for c in module["chapters"]]} for module in modules],
            resources=[chapters[c] for c in used],
            page_href=page_href,
            link_href=link_href,
            quiz_href=quiz_href,
            page_type=PAGE_TYPE,
            link_type=LINK_TYPE,
            quiz_type=QUIZ_TYPE,
        ),
    }
    for chapter_id in used:
        if chapter_id not in made:
            made[chapter_id] = _chapter_files(catalog, chapters[chapter_id], ids)
        files.update(made[chapter_id])
    return files


def _chapter_files(catalog: dict, chapter: dict, ids: str) -> dict[str, str]:
    """A chapter's files in a cartridge: its page, its link to the site and its quiz (if it has a self-check)."""
    chapter_id = chapter["id"]
    files = {
        page_href(chapter_id): render(
            "cc_page.html.j2",
            chapter=chapter,
            site_title=catalog["title"],
            licence=catalog["licence_name"],
            licence_url=catalog["licence_url"],
        ),
        link_href(chapter_id): render("cc_weblink.xml.j2", chapter=chapter),
    }
    if chapter["self_check"]:
        quiz = f"{ids}-quiz-{chapter_id}"
        files[quiz_href(chapter_id)] = render(
            "qti_assessment.xml.j2",
            chapter=chapter,
            quiz=quiz,
            questions=quiz_questions(chapter, quiz),
            general_feedback=GENERAL_FEEDBACK,
        )
    return files


def package_specs(catalog: dict) -> list[tuple[str, str, str, list[str]]]:
    """(identifier, title, description, chapter ids) of every package: «alle», each path, each programme."""
    specs = [
        (
            "intro-alle",
            phrase("all_chapters_title", catalog["name"]),
            phrase("all_chapters_description", catalog["name"]),
            catalog["menu"],
        )
    ]
    specs += [(f"intro-{path['perspective']}", path["title"], path["intro"], path["steps"]) for path in catalog["paths"]]
    specs += [
        (
            f"intro-opplegg-{programme['id']}",
            phrase("programme_package_title", programme["title"]),
            phrase("programme_package_description", programme["title"], programme["url"]),
            programme["chapters"],
        )
        for programme in catalog.get("programmes", [])
    ]
    return specs


def cartridges(catalog: dict) -> list[Package]:
    """Every package, with its files. The file names are the same in every edition; the identifiers inside
    carry the edition (intro-bergen-alle, intro-bergen-page-lovene, …)."""
    packages = []
    catalog = xml_safe(catalog)  # once for every package
    ids = scope(catalog)
    chapter_files: dict[str, dict[str, str]] = {}  # a chapter's files are the same in each package it is in
    for name, title, description, chapters in package_specs(catalog):
        part = name.removeprefix("intro-")
        module = {"identifier": f"{ids}-module-{part}", "title": title, "chapters": chapters}
        safe_module, safe_title, safe_description = xml_safe([module]), xml_safe(title), xml_safe(description)
        files = _cartridge_files(catalog, safe_module, safe_title, safe_description, f"{ids}-{part}", chapter_files)
        packages.append(Package(f"{name}.imscc", title, files))
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
