"""The translated source of an edition: docs/, data/, the templates and the theme overrides, as the build reads them.

The build of a translated edition reads its pages, data and templates from a folder under .cache/translation/
(ignored by git) that this module writes from the bokmål source at the start of every build: every page, data
file, template, script and drawn figure translated, the rest linked as it is. A file is written only when its
text changed, and Apertium sees only the text its cache does not have (apertium.py), so a build after a small
edit costs little more than a bokmål build.

Headings change when they are translated, and their anchors with them: every link to an anchor, and every
self-check's and station's `section`, is pointed at the translated heading's anchor. A diagram's image is named
after its source (rendering/diagrams.py): a translated diagram gets the translated image under its new name.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
import shutil
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from macros.content import frontmatter, yamlio
from macros.content.errors import AuthorError, ContentError
from macros.content.site import headings
from macros.rendering import diagrams
from macros.translation import editorial as editorial_data
from macros.translation.apertium import Translator
from macros.translation.markup import PLACEHOLDER, Document, Keep, Piece, pieces, render, script, svg

FOLDER = ".cache/translation"
# Beside an edition's translated source: per file, the text Apertium wrote (without what was kept as written),
# for the nynorsk spelling check.
WRITTEN = "written.json"
CACHE = ".cache/translation/apertium"
# Front matter fields a reader sees; the others (id, sources, dates, owner) stay as written.
FRONT_MATTER_TEXT = ("title", "summary", "learning_goals", "key_points")
# Per data file, the fields whose text a reader sees. Sources (title, publisher) and names stay as written.
DATA_TEXT: dict[str, frozenset[str]] = {
    "glossary.yml": frozenset({"term", "definition", "forms"}),
    "perspectives.yml": frozenset({"name", "reader"}),
    "paths.yml": frozenset({"intro"}),
    "figures.yml": frozenset({"label", "unit", "scope"}),
    "schemes.yml": frozenset({"funds", "applicants", "note"}),
    "law-changes.yml": frozenset({"change", "law"}),
    # Not for readers, but for the check of retired names: a sentence that names today's name is history.
    "retired-names.yml": frozenset({"replaced_by"}),
    "selvtest/": frozenset({"question", "text", "feedback", "model_answer"}),
    "programmes/": frozenset(
        {"name", "place", "about", "label", "text", "who", "asks", "role_questions", "title", "paragraphs", "what"}
        # The frame every programme has (learning goals, checklist, brief, debrief, answer notes) and its print copies.
        | {"learning_goals", "checklist", "prepare", "briefing", "debrief", "question", "answer", "roles_handout"}
        | {"rollekort", "fortellinger", "sporreark", "rotasjonsplan", "stasjoner"}
    ),
    # The accessibility and privacy statements (the criteria's status and the stored keys stay: the code reads them).
    "accessibility.yml": frozenset(
        {"tested_automatically", "tested_manually", "not_tested", "name", "note", "what", "consequence", "plan"}
    ),
    "privacy.yml": frozenset({"what", "why", "deleted_by", "kept"}),
    "editions/": frozenset({"text", "note", "notes", "about", "offers", "lead_time", "agreement", "area", "place"}),
}
SOURCES = frozenset({"source", "sources", "also"})
# A quotation in running text of this many words or more that is (part of) a source's title is that title: it
# stays as written. (A report or reform named without quotation marks is translated: «Leve heile livet».)
TITLE_WORDS = 2
SCRIPTS = "assets/javascripts/"
# Course packages' XML: what a reader sees in it comes from the data and the pages, translated there; its own
# words are identifiers and vocabularies the LMS reads, and stay as written.
XML_TEMPLATE = ".xml.j2"


@dataclass(frozen=True)
class Folders:
    """Where a translated edition's source lies."""

    root: Path
    docs: Path
    data: Path
    editions: Path
    templates: Path
    overrides: Path


def folders(project: Path, edition: str) -> Folders:
    root = project / FOLDER / edition
    return Folders(root, root / "docs", root / "data", root / "data" / "editions", root / "templates", root / "overrides")


@dataclass(frozen=True)
class Source:
    """What an edition is translated from."""

    project: Path  # the config's folder: paths in messages are relative to it
    docs: Path
    data: Path
    editions: Path
    templates: Path
    overrides: Path | None
    edition: str  # the translated edition's id
    source_edition: str  # the bokmål edition whose local facts it translates
    mode: str  # the Apertium mode
    editorial: Path  # the editors' folder (data/nynorsk)


@dataclass
class Result:
    folders: Folders
    texts: list[str]  # the extra texts prepare() was given, translated
    pieces: int
    translated: int  # pieces Apertium translated (not from the cache)
    seconds: float
    written: int  # files written because their text changed


# ---- The files to translate ----


@dataclass
class _File:
    """One file being translated: where it comes from, what it becomes, and how it is put back together."""

    label: str  # the source as the editors know it, relative to the project: docs/kapitler/lovene.md
    target: Path
    document: Document
    items: list = field(default_factory=list)
    extra: list = field(default_factory=list)  # pieces written elsewhere in the file (a page's front matter)
    finish: Callable[[], str] | None = None  # the translated text (after the translation)
    data: object = None  # a data file's contents, whose anchors may still be pointed elsewhere


def _label(project: Path, path: Path) -> str:
    try:
        return path.relative_to(project).as_posix()
    except ValueError:
        return path.as_posix()


def _corrected(text: str, file: _File, corrections: list[editorial_data.Correction], hits: Counter) -> str:
    """text with the editors' corrected sentences in place, kept as they wrote them."""
    for correction in corrections:
        if correction.bokmal in text:
            hits[id(correction)] += text.count(correction.bokmal)
            text = text.replace(correction.bokmal, file.document.store([correction.nynorsk]))
    return text


def _page(file: _File, text: str, fix: Callable[[str], str]) -> bool:
    """A Markdown page: the front matter's reader fields and the body. False if its front matter cannot be read
    (the build then reads it as it is, and says what is wrong)."""
    try:
        split = frontmatter.split(text)
    except (yaml.YAMLError, ValueError):
        return False
    if not split.present:
        file.items = file.document.markdown(fix(text))
        file.finish = lambda: render(file.items)
        return True
    meta = dict(split.meta)
    values: list[tuple[str, int | None, list]] = []
    for key in FRONT_MATTER_TEXT:
        value = meta.get(key)
        line = split.line_of(key)
        if isinstance(value, str):
            values.append((key, None, file.document.inline(fix(value), line or 0, key)))
        elif isinstance(value, list):
            for index, entry in enumerate(value):
                if isinstance(entry, str):
                    values.append(
                        (key, index, file.document.inline(fix(entry), (line or 0) + index + 1, f"{key} nr. {index + 1}"))
                    )
    head_lines = split.head.count("\n") + 1
    rest = text[len(split.head) :]
    file.items = file.document.markdown(fix(rest), head_lines)
    file.extra = [item for _, _, items in values for item in items]

    def finish() -> str:
        translated = dict(meta)
        for key, index, items in values:
            if index is None:
                translated[key] = render(items)
            else:
                translated[key] = list(translated[key])
                translated[key][index] = render(items)
        head = "---\n" + _dump(translated) + "---"
        # The same number of lines as the source's head, where it fits, so the body's line numbers stay.
        head = (
            head.replace("\n---", "\n" * max(1, head_lines - head.count("\n")) + "---")
            if head.count("\n") + 1 < head_lines
            else head
        )
        return head + render(file.items)

    file.finish = finish
    return True


def _data(file: _File, text: str, fields: frozenset[str], fix: Callable[[str], str]) -> bool:
    """A data file: the fields a reader sees. False if it cannot be read (the build then reads it as it is)."""
    try:
        data = yamlio.load(text)
    except yaml.YAMLError:
        return False
    slots: list[tuple[object, object, list]] = []

    def walk(value: object, path: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key in SOURCES:
                    continue
                where = f"{path}, {key}" if path else str(key)
                if isinstance(item, str) and key in fields:
                    slots.append((value, key, file.document.inline(fix(item), 0, where)))
                elif isinstance(item, list) and key in fields:
                    for index, entry in enumerate(item):
                        if isinstance(entry, str):
                            slots.append((item, index, file.document.inline(fix(entry), 0, f"{where} nr. {index + 1}")))
                        else:
                            walk(entry, f"{where} nr. {index + 1}")
                else:
                    walk(item, where)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{path} nr. {index + 1}" if path else f"oppføring nr. {index + 1}")

    walk(data, "")
    file.items = [item for _, _, items in slots for item in items]

    def finish() -> str:
        for container, key, items in slots:
            container[key] = render(items)  # type: ignore[index]
        return _dump(data)

    file.finish = finish
    file.data = data
    return True


_Dumper: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _dump(data: object, flow: bool = False) -> str:
    """YAML as the build reads it back (libyaml's emitter where PyYAML has it: the pure one is slow). flow: lists
    of short values on one line, as front matter has them."""
    return yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**6, default_flow_style=None if flow else False
    )


def _fields(relative: str) -> frozenset[str] | None:
    for prefix, fields in DATA_TEXT.items():
        if relative == prefix or (prefix.endswith("/") and relative.startswith(prefix)):
            return fields
    return None


def _titles(texts: Iterable[str], data_files: Iterable[Path]) -> frozenset[str]:
    """Every source's title, in the pages' front matter and the data."""
    found: set[str] = set()

    def collect(value: object, under_source: bool) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if under_source and key == "title" and isinstance(item, str):
                    found.add(item.strip())
                collect(item, under_source or key in SOURCES)
        elif isinstance(value, list):
            for item in value:
                collect(item, under_source)

    for text in texts:
        try:
            collect(frontmatter.split(text).meta, False)
        except (yaml.YAMLError, ValueError):
            continue
    for path in data_files:
        try:
            collect(yamlio.load(path.read_text(encoding="utf-8")), False)
        except (yaml.YAMLError, OSError):
            continue
    return frozenset(found)


# ---- Languages ----

# Apertium's language codes (ISO 639-3, with a variant after an underscore) as BCP 47.
LANGUAGE_TAGS = {"nob": "nb", "nno": "nn"}
_DECLARED = re.compile(r"""\b((?:xml:)?lang(?:uage)?=)(["'])nb\2""")


def language(mode: str) -> str:
    """The language a mode translates into, as BCP 47: nob-nno_e → nn."""
    target = mode.split("-")[1] if "-" in mode else mode
    code = target.split("_")[0]
    return LANGUAGE_TAGS.get(code, code)


def declared_language(text: str, tag: str) -> str:
    """A template's own word for its language (lang="nb", language="nb") as the translation's."""
    return _DECLARED.sub(lambda m: f"{m.group(1)}{m.group(2)}{tag}{m.group(2)}", text)


# ---- Anchors ----


def anchors(body: str) -> list[str]:
    """The anchor of every heading in a page, in order, as MkDocs' table of contents makes them (a second heading
    with the same anchor gets _1)."""
    found: list[str] = []
    seen: Counter = Counter()
    for anchor, _ in headings(body):
        found.append(anchor if not seen[anchor] else f"{anchor}_{seen[anchor]}")
        seen[anchor] += 1
    return found


_MARKDOWN_FRAGMENT = re.compile(r"(\]\()([^()\s#]*)#([^()\s\"]+)")
_HTML_FRAGMENT = re.compile(r"(href=\")([^\"#]*)#([^\"]+)")


def repoint(text: str, src_uri: str, moved: dict[str, dict[str, str]]) -> str:
    """A page's links to anchors pointed at the translated headings' anchors (moved: page → old → new)."""

    def target(path: str) -> str | None:
        if not path:
            return src_uri
        if path.endswith(".md") and "://" not in path:
            return posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))
        return None

    def swap(match: re.Match[str]) -> str:
        page = target(match.group(2))
        new = moved.get(page or "", {}).get(match.group(3))
        return f"{match.group(1)}{match.group(2)}#{new}" if new else match.group()

    return _HTML_FRAGMENT.sub(swap, _MARKDOWN_FRAGMENT.sub(swap, text))


# ---- Writing ----


def _write(path: Path, text: str) -> bool:
    """Write text to path unless it holds it already (so a watching server does not see a change)."""
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
    return True


def _link(source: Path, target: Path) -> bool:
    """The file as it is: a hard link where the file system allows one, a copy where not."""
    try:
        if target.exists() and os.path.samefile(source, target):
            return False
    except OSError:
        pass
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
    return True


def _tidy(folder: Path, kept: set[Path]) -> None:
    """Remove what an earlier build wrote and this one did not."""
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.name.endswith(".tmp"):
            continue  # another build writing the same file at this moment
        if path.is_file() and path not in kept:
            path.unlink(missing_ok=True)
        elif path.is_dir() and not any(path.iterdir()):
            try:
                path.rmdir()
            except OSError:
                pass


# ---- The whole source ----


def _source_files(folder: Path) -> list[Path]:
    """The files under a folder, leaving out hidden ones (as MkDocs does)."""
    if not folder.is_dir():
        return []
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )


def prepare(source: Source, texts: Sequence[str] = (), texts_label: str = "") -> Result:
    """Write the translated source of an edition, and translate texts (the config's own, from texts_label);
    raises ContentError with every problem for the editors (a word Apertium could not translate and no list
    allows, a correction whose sentence is gone)."""
    started = time.perf_counter()
    project = source.project
    out = folders(project, source.edition)
    editorial = editorial_data.load(source.editorial, _label(project, source.editorial), project)
    corrections: dict[str, list[editorial_data.Correction]] = defaultdict(list)
    for correction in editorial.corrections:
        corrections[correction.file].append(correction)
    hits: Counter = Counter()

    page_paths = [
        path
        for path in _source_files(source.docs)
        if path.suffix == ".md" and path.relative_to(source.docs).parts[0] != "templates"
    ]
    page_texts = {path: path.read_text(encoding="utf-8-sig") for path in page_paths}
    data_paths = _source_files(source.data)
    facts = source.editions / f"{source.source_edition}.yml"
    titles = _titles(page_texts.values(), [*(p for p in data_paths if p.suffix == ".yml"), facts])
    keep = Keep(
        editorial_data.term_pattern(editorial.terms),
        editorial_data.replacement(editorial.terms),
        lambda quoted: len(quoted.split()) >= TITLE_WORDS and any(quoted in title for title in titles),
    )

    files: list[_File] = []
    links: list[tuple[Path, Path]] = []  # (source, target) of files linked as they are

    def new_file(path: Path, target: Path, templates: bool = False) -> tuple[_File, Callable[[str], str]]:
        file = _File(_label(project, path), target, Document(keep, templates=templates))
        mine = corrections.get(file.label, [])
        return file, lambda text: _corrected(text, file, mine, hits)

    # Pages, scripts and drawn figures; the rest of docs/ as it is.
    figures: dict[str, _File] = {}
    for path in _source_files(source.docs):
        relative = path.relative_to(source.docs).as_posix()
        target = out.docs / relative
        if path in page_texts:
            file, fix = new_file(path, target)
            if not _page(file, page_texts[path], fix):
                links.append((path, target))
                continue
        elif relative.startswith(SCRIPTS) and path.suffix == ".js":
            file, fix = new_file(path, target)
            file.items = script(file.document, fix(path.read_text(encoding="utf-8")))
            file.finish = lambda file=file: render(file.items)
        elif relative.startswith(diagrams.FIGURE_FOLDER + "/") and path.suffix == ".svg":
            file, fix = new_file(path, target)
            file.items = svg(file.document, path.read_text(encoding="utf-8"))
            file.finish = lambda file=file: render(file.items)
            figures[path.stem] = file
            continue  # written under its new name, once the pages say which
        else:
            links.append((path, target))
            continue
        files.append(file)

    # Data: the fields readers see; the bokmål edition's facts under the translated edition's name.
    data_files: dict[str, _File] = {}
    editions_inside = source.editions.resolve().is_relative_to(source.data.resolve())
    for path in data_paths:
        relative = path.relative_to(source.data).as_posix()
        if (
            editions_inside
            and path.resolve().is_relative_to(source.editions.resolve())
            or path.resolve().is_relative_to(source.editorial.resolve())
        ):
            continue
        fields = _fields(relative)
        target = out.data / relative
        if fields is None or path.suffix != ".yml":
            links.append((path, target))
            continue
        file, fix = new_file(path, target)
        if _data(file, path.read_text(encoding="utf-8"), fields, fix):
            files.append(file)
            data_files[relative] = file
        else:
            links.append((path, target))
    if facts.is_file():
        file, fix = new_file(facts, out.editions / f"{source.edition}.yml")
        if _data(file, facts.read_text(encoding="utf-8"), DATA_TEXT["editions/"], fix):
            files.append(file)
        else:
            links.append((facts, out.editions / f"{source.edition}.yml"))

    # The templates INTRO renders, and the theme's overrides.
    themed = [(source.templates, out.templates)] + ([(source.overrides, out.overrides)] if source.overrides else [])
    for folder, target_folder in themed:
        for path in _source_files(folder):
            file, fix = new_file(path, target_folder / path.relative_to(folder), templates=True)
            text = declared_language(path.read_text(encoding="utf-8"), language(source.mode))
            if path.name.endswith(XML_TEMPLATE):
                file.items = [text]
            else:
                file.items = file.document.markdown(fix(text))
            file.finish = lambda file=file: render(file.items)
            files.append(file)

    # The config's own texts.
    own = _File(texts_label, out.root, Document(keep))
    own_items = [own.document.inline(text, 0, "") for text in texts]
    own.items = [item for items in own_items for item in items]

    # Translate every piece at once.
    everything = [*files, *figures.values(), own]
    found: list[tuple[_File, Piece]] = [
        (file, piece) for file in everything for piece in pieces([*file.items, *file.extra]) if piece.needs_translation()
    ]
    translator = Translator.open(source.mode, project / CACHE)
    try:
        results = translator.translate(piece.stream() for _, piece in found)
    finally:
        translator.cache.save()
    problems: list[AuthorError] = []
    for (file, piece), result in zip(found, results, strict=True):
        piece.result = result
        unknown = sorted({word for word in result.unknown if not editorial.allowed(word)})
        if unknown:
            problems.append(_unknown(file.label, piece, unknown, editorial.folder))
        if piece.lost_parts():
            problems.append(
                AuthorError(
                    file.label,
                    "Apertium mistet en del av teksten som skulle stå urørt. Skriv "
                    "setningen på nynorsk i data/nynorsk/corrections.yml.",
                    line=piece.line or None,
                )
            )
    for number, correction in enumerate(editorial.corrections, start=1):
        if not hits[id(correction)]:
            problems.append(
                AuthorError(
                    f"{editorial.folder}/{editorial_data.CORRECTIONS}",
                    f"Setningen «{correction.bokmal}» står ikke lenger i {correction.file}. Er bokmålsteksten endret? "
                    f"Rett setningen her, eller fjern oppføringen (oppføring nr. {number}).",
                    field="bokmål",
                )
            )
    if problems:
        raise ContentError(problems)

    # Put the files together; then the anchors of translated headings, and the figures under their new names.
    outputs = {file.target: file.finish() for file in files if file.finish}
    moved = _moved_anchors(source.docs, out.docs, page_texts, outputs)
    for target, text in list(outputs.items()):
        if target.suffix == ".md" and target.is_relative_to(out.docs):
            outputs[target] = repoint(text, target.relative_to(out.docs).as_posix(), moved)
    _repoint_sections(data_files, page_texts, source.docs, moved, outputs)
    for path, text in page_texts.items():
        translated = outputs.get(out.docs / path.relative_to(source.docs), text)
        for before, after in zip(diagrams.find(text), diagrams.find(translated), strict=False):
            figure = figures.get(before.key)
            if figure and figure.finish:
                outputs[out.docs / diagrams.figure_path(after.key)] = figure.finish()

    written_by = defaultdict(list)
    for file, piece in found:
        if piece.result is not None:
            written_by[file.label].append(PLACEHOLDER.sub(" ", piece.result.text))
    outputs[out.root / WRITTEN] = json.dumps(written_by, ensure_ascii=False, indent=0, sort_keys=True)
    written = sum(_write(target, text) for target, text in outputs.items())
    written += sum(_link(path, target) for path, target in links)
    _tidy(out.root, {*outputs, *(target for _, target in links)})
    return Result(
        out, [render(items) for items in own_items], len(found), translator.translated, time.perf_counter() - started, written
    )


def _unknown(label: str, piece: Piece, words: list[str], folder: str) -> AuthorError:
    listed = ", ".join(f"«{word}»" for word in words)
    many = len(words) > 1
    return AuthorError(
        label,
        f"Apertium kjenner ikke {'ordene' if many else 'ordet'} {listed} og lot "
        f"{'dem' if many else 'det'} stå uoversatt. Skriv den nynorske formen i {folder}/terms.yml, "
        f"eller legg {'ordene' if many else 'ordet'} i {folder}/untranslated.txt hvis "
        f"{'de' if many else 'det'} skal stå slik.",
        line=piece.line or None,
        field=piece.where or None,
    )


def _moved_anchors(docs: Path, out_docs: Path, page_texts: dict[Path, str], texts: dict[Path, str]) -> dict[str, dict[str, str]]:
    """Per page (path under docs/), each heading anchor whose translation has another anchor."""
    moved: dict[str, dict[str, str]] = {}
    for path, text in page_texts.items():
        src_uri = path.relative_to(docs).as_posix()
        translated = texts.get(out_docs / src_uri, "")
        before, after = anchors(text), anchors(translated)
        if len(before) == len(after):
            changes = {old: new for old, new in zip(before, after, strict=True) if old != new}
            if changes:
                moved[src_uri] = changes
    return moved


def _repoint_sections(
    data_files: dict[str, _File],
    page_texts: dict[Path, str],
    docs: Path,
    moved: dict[str, dict[str, str]],
    texts: dict[Path, str],
) -> None:
    """A self-check's, a station's and an answer note's `section` is an anchor in a chapter: point it at the
    translated heading."""
    chapters: dict[str, str] = {}
    for path, text in page_texts.items():
        try:
            chapter_id = frontmatter.split(text).meta.get("id")
        except (yaml.YAMLError, ValueError):
            continue
        if isinstance(chapter_id, str):
            chapters[chapter_id] = path.relative_to(docs).as_posix()
    for relative, file in data_files.items():
        data, changed = file.data, False
        if relative.startswith("selvtest/") and isinstance(data, dict):
            page = moved.get(chapters.get(Path(relative).stem, ""), {})
            for question in data.get("questions") or []:
                if isinstance(question, dict) and question.get("section") in page:
                    question["section"], changed = page[question["section"]], True
        elif relative.startswith("programmes/"):
            for link in _chapter_links(data):
                page = moved.get(chapters.get(link["chapter"], ""), {})
                if link.get("section") in page:
                    link["section"], changed = page[link["section"]], True
        if changed and file.finish:
            texts[file.target] = file.finish()


def _chapter_links(value: object) -> Iterator[dict]:
    """Every place in a programme that names a chapter and a section in it (a station, an answer note)."""
    if isinstance(value, dict):
        if isinstance(value.get("chapter"), str):
            yield value
        for inner in value.values():
            yield from _chapter_links(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _chapter_links(inner)


def written_texts(project: Path, edition: str) -> dict[str, list[str]] | None:
    """Per source file, the texts Apertium wrote for an edition at its last build; None before the first build."""
    try:
        return json.loads((folders(project, edition).root / WRITTEN).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
