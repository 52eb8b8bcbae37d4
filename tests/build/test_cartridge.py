"""Course packages (IMS Common Cartridge 1.1 with QTI quizzes): read back as an LMS would, and check every part."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from macros.commands.release import Release
from macros.exports.cartridge import GENERAL_FEEDBACK, LINK_TYPE, MANIFEST, PAGE_TYPE, QTI_PROFILES, QUIZ_TYPE, yes_no

CP = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"
QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
WL = "{http://www.imsglobal.org/xsd/imsccv1p1/imswl_v1p1}"
SITE_URL = "https://intro.alrekhelseklynge.no/"
FOLDER = "last-ned/kurspakker"


@pytest.fixture(scope="module")
def catalog(site_dir: Path) -> dict:
    return json.loads((site_dir / "catalog.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def packages(site_dir: Path) -> dict[str, dict[str, bytes]]:
    """Every shipped package, unpacked: name → {path in the zip → bytes}."""
    unpacked = {}
    for path in sorted((site_dir / FOLDER).glob("*.imscc")):
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None
            unpacked[path.name] = {name: archive.read(name) for name in archive.namelist()}
    return unpacked


def read_back(files: dict[str, bytes]) -> list[dict]:
    """The package as an LMS reads it: the modules' items in order, each resolved to its resource and file."""
    manifest = ET.fromstring(files[MANIFEST])
    resources = {r.get("identifier"): r for r in manifest.iter(f"{CP}resource")}
    items = []
    for item in manifest.iter(f"{CP}item"):
        ref = item.get("identifierref")
        if not ref:
            continue
        resource = resources[ref]
        href = resource.find(f"{CP}file").get("href")
        items.append(
            {
                "title": item.findtext(f"{CP}title"),
                "type": resource.get("type"),
                "href": href,
                "body": files[href].decode("utf-8"),
            }
        )
    return items


def test_the_site_ships_a_package_per_path_all_and_per_programme(catalog, packages):
    expected = (
        {"intro-alle.imscc"}
        | {f"intro-{p['perspective']}.imscc" for p in catalog["paths"]}
        | {f"intro-opplegg-{p['id']}.imscc" for p in catalog["programmes"]}
    )
    assert set(packages) == expected


def test_every_package_has_the_ims_structure_unique_ids_and_every_file(packages):
    for name, files in packages.items():
        manifest = ET.fromstring(files[MANIFEST])
        assert manifest.tag == f"{CP}manifest", name
        assert manifest.findtext(f"{CP}metadata/{CP}schema") == "IMS Common Cartridge"
        assert manifest.findtext(f"{CP}metadata/{CP}schemaversion") == "1.1.0"
        assert "CC-BY-4.0" in files[MANIFEST].decode("utf-8")
        assert manifest.find(f"{CP}organizations/{CP}organization").get("structure") == "rooted-hierarchy"
        identifiers = [e.get("identifier") for e in manifest.iter() if e.get("identifier")]
        assert len(identifiers) == len(set(identifiers)), f"{name}: identifiers must be unique"
        assert all(identifier.startswith("intro-bergen-") for identifier in identifiers), name
        referenced = set()
        for resource in manifest.iter(f"{CP}resource"):
            assert resource.get("type") in (PAGE_TYPE, LINK_TYPE, QUIZ_TYPE)
            assert resource.find(f"{CP}metadata") is None, "CC 1.1 allows only lom:educational on a resource"
            for file in resource.iter(f"{CP}file"):
                assert file.get("href") in files, f"{name}: {file.get('href')} is missing"
                referenced.add(file.get("href"))
        refs = {item.get("identifierref") for item in manifest.iter(f"{CP}item") if item.get("identifierref")}
        assert refs == {r.get("identifier") for r in manifest.iter(f"{CP}resource")}, "every resource used, none unknown"
        assert set(files) == referenced | {MANIFEST}, f"{name}: files no resource names"
        for path, content in files.items():
            ET.fromstring(content) if path.endswith(".xml") else None


def test_all_has_every_chapter_once_in_menu_order(catalog, packages):
    pages = [item for item in read_back(packages["intro-alle.imscc"]) if item["type"] == PAGE_TYPE]
    titles = {entry["id"]: entry["title"] for entry in catalog["chapters"]}
    assert [item["title"] for item in pages] == [titles[c] for c in catalog["menu"]]
    assert sorted(catalog["menu"]) == sorted(titles)


def test_a_path_package_has_its_steps_in_order(catalog, packages):
    titles = {entry["id"]: entry["title"] for entry in catalog["chapters"]}
    for path in catalog["paths"]:
        pages = [i for i in read_back(packages[f"intro-{path['perspective']}.imscc"]) if i["type"] == PAGE_TYPE]
        assert [item["title"] for item in pages] == [titles[step] for step in path["steps"]]


def test_round_trip_finds_every_chapter_goal_and_question(catalog, packages):
    items = read_back(packages["intro-alle.imscc"])
    pages = {item["title"]: item["body"] for item in items if item["type"] == PAGE_TYPE}
    links = {item["title"]: ET.fromstring(item["body"]) for item in items if item["type"] == LINK_TYPE}
    quizzes = {item["title"]: item["body"] for item in items if item["type"] == QUIZ_TYPE}
    for chapter in catalog["chapters"]:
        page = pages[chapter["title"]]
        for part in (chapter["summary"], chapter["permanent_url"], "CC BY 4.0", *chapter["learning_goals"]):
            assert part.replace("&", "&amp;") in page or part in page, f"{chapter['id']}: {part!r} missing"
        assert chapter["permanent_url"].startswith(SITE_URL + "k/")
        link = links[f"Les kapitlet: {chapter['title']}"]
        assert link.find(f"{WL}url").get("href") == chapter["permanent_url"]
        if not chapter["self_check"]:
            assert f"Test deg selv: {chapter['title']}" not in quizzes
            continue
        quiz = ET.fromstring(quizzes[f"Test deg selv: {chapter['title']}"])
        assert quiz.tag == f"{QTI}questestinterop"
        questions = quiz.findall(f".//{QTI}item")
        assert len(questions) == len(chapter["self_check"])
        for number, (item, question) in enumerate(zip(questions, chapter["self_check"], strict=True), start=1):
            assert item.get("title") == f"{chapter['title']} – {number}"
            assert item.get("ident").startswith(f"intro-bergen-quiz-{chapter['id']}-")
            assert item.findtext(f"{QTI}presentation/{QTI}material/{QTI}mattext") == question["question"]
            metadata = {
                f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry") for f in item.iter(f"{QTI}qtimetadatafield")
            }
            kind = "true_false" if yes_no(question) else question["kind"]
            assert metadata["cc_profile"] == QTI_PROFILES[kind]
            labels = {label.get("ident"): label.findtext(f".//{QTI}mattext") for label in item.iter(f"{QTI}response_label")}
            feedback = {fb.get("ident"): fb.findtext(f".//{QTI}mattext") for fb in item.iter(f"{QTI}itemfeedback")}
            conditions = item.findall(f".//{QTI}respcondition")
            scoring = [c for c in conditions if c.findtext(f"{QTI}setvar") == "100"]
            wanted = {
                v.text
                for c in scoring
                for v in c.iter(f"{QTI}varequal")
                if v not in {n for not_ in c.iter(f"{QTI}not") for n in not_}
            }
            assert all(v.get("case") == "Yes" for v in item.iter(f"{QTI}varequal"))
            shown = {
                c.findtext(f"{QTI}conditionvar/{QTI}varequal"): feedback[c.find(f"{QTI}displayfeedback").get("linkrefid")]
                for c in conditions
                if c.find(f"{QTI}displayfeedback") is not None and c.find(f"{QTI}conditionvar/{QTI}varequal") is not None
            }
            if kind == "true_false":
                # Moodle reads true/false answers only by these names; the score comes first, and every condition stops.
                assert set(labels) == {"true", "false"} and conditions[0] is scoring[0]
                assert all(c.get("continue") == "No" for c in conditions)
                if question["kind"] == "true_false":
                    assert wanted == {"true" if question["answer"] else "false"}
                    assert set(shown.values()) == {question["feedback"]}
                    continue
            if question["kind"] in ("single", "multiple"):
                assert list(labels.values()) == [option["text"] for option in question["options"]]
                right = {ident for ident, option in zip(labels, question["options"], strict=True) if option.get("correct")}
                assert wanted == right
                assert [shown[ident] for ident in labels] == [option["feedback"] for option in question["options"]]
                if question["kind"] == "single":
                    assert conditions[0] is scoring[0] and all(c.get("continue") == "No" for c in conditions)
                else:
                    assert conditions[-1] is scoring[0], "Canvas loses the answer key if the score comes first"
            if question["kind"] == "reflection":
                assert metadata["qmd_computerscored"] == "No"
                assert feedback == {GENERAL_FEEDBACK: question["model_answer"]}
                assert [c.get("continue") for c in conditions] == ["Yes"]


def test_bergen_and_gjovik_packages_can_share_a_course(release: Release, gjovik_release: Release):
    """An LMS keys what it imports on the identifiers: the two editions' packages must not overwrite each other."""

    def identifiers(site: Path) -> set[str]:
        found = set()
        for path in (site / FOLDER).glob("*.imscc"):
            with zipfile.ZipFile(path) as archive:
                for name in archive.namelist():
                    if name.endswith(".xml"):
                        root = ET.fromstring(archive.read(name))
                        found |= {e.get(a) for e in root.iter() for a in ("identifier", "ident") if e.get(a)}
        return found - {"true", "false", GENERAL_FEEDBACK}

    bergen, gjovik = identifiers(release.site), identifiers(gjovik_release.site)
    assert bergen and gjovik and not bergen & gjovik, sorted(bergen & gjovik)[:5]


def test_for_teachers_page_offers_every_package_with_its_size(html, packages):
    page = html("for-laerere/index.html")
    links = {
        a.attributes["href"].rsplit("/", 1)[-1]: a
        for a in page.css("article a")
        if a.attributes.get("href", "").endswith(".imscc")
    }
    assert set(links) == set(packages)
    text = page.css_first("article").text()
    assert "Canvas" in text and "Moodle" in text and "Open edX" in text and "kB" in text
    # What each LMS makes of a package: a graded quiz in Canvas, answers a teacher grades, cc2olx's wrong answer key.
    assert "vurdert oppgave" in text and "må du vurdere selv" in text and "Practice Quiz" in text
    assert "cc2olx" in text and "Les kapitlet" in text
