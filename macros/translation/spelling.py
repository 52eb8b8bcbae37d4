"""The spelling check of a translated edition: what Apertium wrote, against the dictionary of its language.

Only the text Apertium wrote is checked (mirror.written_texts): what was kept as written (names, titles, code) and
the editors' terms are not. A word is accepted when hunspell's dictionary knows it, or when it stands in the
project's word list (names and sector words, data/stavekontroll.txt) or the translation's own
(data/nynorsk/stavekontroll.txt).
"""

from __future__ import annotations

from pathlib import Path

from macros.checks import spelling
from macros.translation.mirror import language, written_texts

# hunspell's dictionary per language (Debian's hunspell-no has both).
DICTIONARIES = {"nb": "nb_NO", "nn": "nn_NO"}


class NotTranslatedYet(Exception):
    """The edition has not been built, so there is no translation to check; the message says what to run."""


def check(project: Path, edition: str, mode: str, editorial: Path, config_name: str) -> dict[str, list[str]]:
    """Per source file, the words in its translation neither the dictionary nor the word lists know."""
    texts = written_texts(project, edition)
    if texts is None:
        raise NotTranslatedYet(
            f"Den oversatte utgaven er ikke bygget ennå. Kjør «make build CONFIG={config_name}» "
            "først, så sjekkes teksten Apertium skrev."
        )
    files = {label: [word for text in found for word in spelling.words(text)] for label, found in texts.items()}
    word_list = spelling.load_word_list(project) | spelling.load_word_list(project, editorial)
    return spelling.unknown_words(files, word_list, DICTIONARIES.get(language(mode), "nn_NO"))
