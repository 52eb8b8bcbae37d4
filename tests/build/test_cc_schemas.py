"""Every course package against the IMS Common Cartridge 1.1 schemas that Moodle validates with, and the rules
(Schematron) the schemas carry in `xs:appinfo`, which an XSD validator ignores."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree, isoschematron

from tests.helpers import EditionPackages

SVRL = {"svrl": "http://purl.oclc.org/dsdl/svrl"}
SCH = {"sch": "http://purl.oclc.org/dsdl/schematron"}
# The schema Moodle validates a manifest with (it imports the content packaging, LOM and authorization schemas),
# the CC profile of QTI 1.2.1, and the web link schema.
MANIFEST_XSD = "cc11libxml2validator.xsd"
QTI_XSD = "ccv1p1_qtiasiv1p2p1_v1p0.xsd"
WEBLINK_XSD = "ccv1p1_imswl_v1p1.xsd"
# The schemas with rules embedded, and which files they judge.
MANIFEST_RULES = ("ccv1p1_imscp_v1p2_v1p0.xsd", "ccv1p1_lommanifest_v1p0.xsd")
QTI_RULES = (QTI_XSD,)


class Checker:
    """Validates a file against an XSD, or against the Schematron rules embedded in one."""

    def __init__(self, schemas: Path):
        self.schemas = schemas
        self._xsd: dict[str, etree.XMLSchema] = {}
        self._rules: dict[str, isoschematron.Schematron] = {}

    def rule_count(self, name: str) -> int:
        return len(etree.parse(str(self.schemas / name)).xpath("//sch:rule", namespaces=SCH))

    def xsd_errors(self, name: str, path: Path) -> list[str]:
        if name not in self._xsd:
            self._xsd[name] = etree.XMLSchema(etree.parse(str(self.schemas / name)))
        schema = self._xsd[name]
        return [] if schema.validate(etree.parse(str(path))) else [f"{e.line}: {e.message}" for e in schema.error_log]

    def rule_errors(self, name: str, path: Path) -> list[str]:
        # lxml extracts the rules from the XSD's xs:appinfo. IMS wrote them in the pre-ISO dialect (a pattern has a
        # name, titles stand first), which ISO's own grammar refuses, so the rules are compiled without that check.
        if name not in self._rules:
            self._rules[name] = isoschematron.Schematron(
                etree.parse(str(self.schemas / name)), validate_schema=False, store_report=True
            )
        rules, document = self._rules[name], etree.parse(str(path))
        if rules.validate(document):
            return []
        errors = []
        for failed in rules.validation_report.xpath("//svrl:failed-assert", namespaces=SVRL):
            # Name the question a rule failed on by its title («<chapter> – 2»), where there is one.
            titles = [
                title
                for element in document.xpath(failed.get("location"))
                for title in element.xpath("ancestor-or-self::*[local-name()='item']/@title")
            ]
            text = " ".join(failed.findtext("svrl:text", namespaces=SVRL).split())
            errors.append(f"«{titles[0]}»: {text}" if titles else text)
        return errors


@pytest.fixture(scope="module")
def checker(moodle_cc: Path) -> Checker:
    return Checker(moodle_cc / "backup" / "cc" / "schemas11")


def problems(packages: EditionPackages, pattern: str, check) -> list[str]:
    """Every error check finds in the files that match pattern, once each, with the packages it is in."""
    found: dict[str, list[str]] = {}
    for name, folder in packages.folders.items():
        files = sorted(folder.glob(pattern))
        assert files or pattern != "imsmanifest.xml", f"{name} has no manifest"
        for path in files:
            for error in check(path):
                found.setdefault(f"{path.relative_to(folder)}: {error}", []).append(name)
    return [f"{error} (in {', '.join(names)})" for error, names in found.items()]


def test_the_schemas_carry_rules_and_the_checker_runs_them(checker: Checker, edition_packages: EditionPackages):
    """A broken copy must fail: without this, rules that were never extracted would pass every file."""
    assert checker.rule_count(QTI_XSD) >= 30 and all(checker.rule_count(name) >= 10 for name in MANIFEST_RULES)
    quiz = sorted(edition_packages.folders["intro-alle.imscc"].glob("quiz-*/assessment.xml"))[0]
    broken = etree.parse(str(quiz))
    for entry in broken.iter("{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}fieldentry"):
        if entry.text == "cc.multiple_choice.v0p1":
            entry.text = "cc.essay.v0p1"  # a choice question that calls itself an essay breaks rule set 8
    copy = quiz.parent.parent / "broken-assessment.xml"
    broken.write(str(copy))
    try:
        errors = checker.rule_errors(QTI_XSD, copy)
    finally:
        copy.unlink()
    assert any("RULE 8a" in error for error in errors), errors


def test_every_manifest_passes_the_schema_moodle_validates_with_and_its_rules(checker, edition_packages):
    found = problems(edition_packages, "imsmanifest.xml", lambda path: checker.xsd_errors(MANIFEST_XSD, path))
    for rules in MANIFEST_RULES:
        found += problems(edition_packages, "imsmanifest.xml", lambda path, rules=rules: checker.rule_errors(rules, path))
    assert not found, "\n".join(found)


def test_every_quiz_passes_the_cc_profile_of_qti_and_its_rules(checker, edition_packages):
    found = problems(edition_packages, "quiz-*/assessment.xml", lambda path: checker.xsd_errors(QTI_XSD, path))
    found += problems(edition_packages, "quiz-*/assessment.xml", lambda path: checker.rule_errors(QTI_XSD, path))
    assert not found, "\n".join(found)


def test_every_web_link_passes_the_web_link_schema(checker, edition_packages):
    links = [path for folder in edition_packages.folders.values() for path in folder.glob("lenker/*.xml")]
    assert len(links) >= len(edition_packages.catalog["chapters"])
    found = problems(edition_packages, "lenker/*.xml", lambda path: checker.xsd_errors(WEBLINK_XSD, path))
    assert not found, "\n".join(found)
