"""IMS Common Cartridge 1.1 (the thin kind: web links) for Canvas and Moodle, read from catalog.json.

One cartridge per perspective path, with the steps in path order, and one for the whole site with
a module per path. Every chapter is one web link to its permanent address.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from macros.export import zip_timestamp
from macros.render import _render

MANIFEST = "imsmanifest.xml"


def _resource_id(chapter_id: str) -> str:
    return f"weblink-{chapter_id}"


def cartridge_files(catalog: dict, perspectives: list[str], title: str, description: str,
                    identifier: str) -> dict[str, str]:
    """The files of one cartridge (path in the zip → text), with a module per given perspective."""
    chapters = {entry["id"]: entry for entry in catalog["chapters"]}
    paths = {path["perspective"]: path for path in catalog["paths"]}
    modules, used = [], []
    for perspective in perspectives:
        path = paths[perspective]
        modules.append({
            "identifier": f"module-{perspective}",
            "title": path["title"],
            "steps": [{"resource": _resource_id(step), "title": chapters[step]["title"]} for step in path["steps"]],
        })
        used += [step for step in path["steps"] if step not in used]
    resources = [
        {"identifier": _resource_id(step), "summary": chapters[step]["summary"], "href": f"weblinks/{step}.xml"}
        for step in used
    ]
    files = {
        MANIFEST: _render("imsmanifest.xml.j2", identifier=identifier, title=title, description=description,
                          licence=f"{catalog['licence']} ({catalog['licence_url']})",
                          modules=modules, resources=resources),
    }
    for step in used:
        files[f"weblinks/{step}.xml"] = _render("weblink.xml.j2", title=chapters[step]["title"],
                                                url=chapters[step]["permanent_url"])
    return files


def write_cartridge(files: dict[str, str], target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            archive.writestr(zipfile.ZipInfo(name, date_time=zip_timestamp()), files[name])
    return target


def export_all(catalog: dict, out: Path) -> list[Path]:
    """intro-<perspective>.imscc for every path, and intro-alle.imscc for the whole site."""
    written = []
    for path in catalog["paths"]:
        files = cartridge_files(catalog, [path["perspective"]], path["title"], path["intro"],
                                f"intro-{path['perspective']}")
        written.append(write_cartridge(files, out / f"intro-{path['perspective']}.imscc"))
    everything = cartridge_files(catalog, [p["perspective"] for p in catalog["paths"]], catalog["title"],
                                 "Alle stiene i INTRO, med ett kapittel per lenke.", "intro-alle")
    written.append(write_cartridge(everything, out / "intro-alle.imscc"))
    return written
