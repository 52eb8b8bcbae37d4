"""Norwegian words as the search index keys them: lowercase, stemmed lightly, æøå folded, function words out.

The same rules run in the reader's browser (docs/assets/javascripts/intro-search-worker.js) on what the
reader types. Their data (letters, endings, function words, lengths) lives here only: the index carries it
to the worker (`rules()`), so a change here reaches both sides. The steps themselves are written in both
languages and checked against one list of examples (tests/data/search-words.json).

The stemmer is steps 1 and 2 of the Snowball algorithm for Norwegian, plus a doubled final consonant made
single («sykehjemmene» → «sykehjemm» → «sykehjem»). Snowball's step 3 cuts derivations («fastlegen» → «fast»)
and is left out. A stem that is a function word is not used: «demens» stays «demens», not the pronoun «dem».
"""

from __future__ import annotations

import re
from functools import cache

VOWELS = "aeiouyæåø"
S_ENDING = "bcdfghjlmnoprtvyz"
STEP1 = (
    "hetenes",
    "hetene",
    "hetens",
    "heter",
    "heten",
    "endes",
    "ande",
    "ende",
    "edes",
    "enes",
    "erte",
    "ede",
    "ane",
    "ene",
    "ens",
    "ers",
    "ets",
    "het",
    "ast",
    "ert",
    "en",
    "ar",
    "er",
    "as",
    "es",
    "et",
    "a",
    "e",
    "s",
)
SHORTEST_WORD = 4  # shorter words are not stemmed
STEMMABLE = "a-zæøå"  # words with other characters (digits, é) are not stemmed
SHORTEST_STEM = 3
_STEMMABLE_WORD = re.compile(f"[{STEMMABLE}]+")

# Words that carry no meaning of their own in a question («hva koster sykehjem»): never a match, never a prefix.
STOP_WORDS = frozenset(
    """
a alle at av bare blir ble da de deg dem den denne der deres det dette din dine disse ditt du eller en er et
etter for fordi fra få før ha hadde han har hennes her hos hun hva hvem hvilke hvilken hvis hvor hvordan hvorfor
i ikke inn jeg kan man med meg mellom men mer min mine mitt mot må ned noe noen når og også om opp oss over på
sa seg selv sin sine sitt skal slik som så til ut uten var ved vi vil vår våre vårt å
""".split()
)

# Nynorsk's own function words («kva kostar sjukeheim»). A nynorsk edition leaves out both lists' words: its
# readers type either written standard.
NYNORSK_STOP_WORDS = frozenset(
    """
berre blei dei deira desse dykk dykkar då eg ein eit frå hennar hjå ho ikkje korleis kva kvar kven kvifor me
meir noko nokon nokre sjølv utan vart vert òg
""".split()
)
# Nynorsk's -heit («tryggheit», «tryggheita»), as Snowball's -het for bokmål.
NYNORSK_STEP1 = ("heitene", "heiter", "heita", "heit")
# The rules of each language an edition may be written in (BCP 47): its function words and first endings.
STOP_WORDS_BY_LANGUAGE = {"nb": STOP_WORDS, "nn": STOP_WORDS | NYNORSK_STOP_WORDS}
STEP1_BY_LANGUAGE = {"nb": STEP1, "nn": NYNORSK_STEP1 + STEP1}
LANGUAGES = tuple(STOP_WORDS_BY_LANGUAGE)

LETTERS = "0-9a-zæøåéü"  # a character class: what a word is made of
WORD = re.compile(f"[{LETTERS}]+")
# In this order: the two-letter spellings first, so that «paaroerende» gives «parorende».
FOLDS = (("aa", "a"), ("ae", "a"), ("oe", "o"), ("æ", "a"), ("ø", "o"), ("å", "a"), ("é", "e"), ("ü", "u"))


@cache  # a site folds the same few thousand words again and again
def fold(word: str) -> str:
    """The same key with or without æøå: «pårørende», «parorende» and «paaroerende» all give «parorende»."""
    for written, folded in FOLDS:
        word = word.replace(written, folded)
    return word


FOLDED_STOP_WORDS = {language: frozenset(fold(word) for word in words) for language, words in STOP_WORDS_BY_LANGUAGE.items()}


def _region_one(word: str) -> int:
    for i in range(1, len(word)):
        if word[i] not in VOWELS and word[i - 1] in VOWELS:
            return max(i + 1, 3)
    return len(word)


def _ends_in_region(word: str, suffix: str, start: int) -> bool:
    return len(word) - len(suffix) >= start and word.endswith(suffix)


@cache  # the index and the compound splitter stem the same words many times over
def stem(word: str, language: str = "nb") -> str:
    """A lowercase word's light stem («tjenestene» → «tjenest»); short, odd or over-cut words stay as they are."""
    if len(word) < SHORTEST_WORD or not _STEMMABLE_WORD.fullmatch(word):
        return word
    original, start = word, _region_one(word)
    for suffix in STEP1_BY_LANGUAGE[language]:
        if not word.endswith(suffix) or len(word) - len(suffix) < start:  # _ends_in_region, inline: the hot loop
            continue
        if suffix == "s":
            before = word[-2]
            if before in S_ENDING or (before == "k" and word[-3] not in VOWELS):
                word = word[:-1]
        elif suffix in ("erte", "ert"):
            word = word[: -len(suffix)] + "er"
        else:
            word = word[: -len(suffix)]
        break
    if _ends_in_region(word, "dt", start) or _ends_in_region(word, "vt", start):
        word = word[:-1]
    if len(word) > SHORTEST_WORD and word[-1] == word[-2] and word[-1] not in VOWELS:
        word = word[:-1]
    return word if len(word) >= SHORTEST_STEM and word not in STOP_WORDS_BY_LANGUAGE[language] else original


@cache  # a site writes the same few thousand words hundreds of thousands of times
def key(word: str, language: str = "nb") -> str:
    """The index key of one word as written: «Sykehjemmene» → «sykehjem», «Pårørendes» → «parorend»."""
    return fold(stem(word.lower(), language))


def words(text: str) -> list[str]:
    """The words of a text, lowercase, in order."""
    return WORD.findall(text.lower())


@cache
def is_stop_word(word: str, language: str = "nb") -> bool:
    return word in STOP_WORDS_BY_LANGUAGE[language] or fold(word) in FOLDED_STOP_WORDS[language]


def keys(text: str, language: str = "nb") -> list[str]:
    """The index keys of a text, function words left out."""
    return [key(word, language) for word in words(text) if not is_stop_word(word, language)]


SHORTEST_PART = 3
PREFERRED_TAIL = 4
LINKING_LETTERS = "se"


def split_compound(
    word_key: str, vocabulary: frozenset[str] | set[str], shortest_part: int = SHORTEST_PART, language: str = "nb"
) -> tuple[str, str] | None:
    """A compound's two parts, if both are words of the site: «sykehjemsplas» → («sykehjem», «plas»).

    A last part of four letters or more is preferred («test» + «sent», not «tests» + «ent»); then the longest
    known first part wins. A linking «s» or «e» between the parts is dropped («sykehjems-»).
    """
    for shortest_tail in sorted({max(shortest_part, PREFERRED_TAIL), shortest_part}, reverse=True):
        for cut in range(len(word_key) - shortest_tail, shortest_part - 1, -1):
            head, tail = word_key[:cut], word_key[cut:]
            if tail not in vocabulary:
                continue
            for candidate in (head, stem(head, language), head[:-1] if head[-1] in LINKING_LETTERS else ""):
                if len(candidate) >= shortest_part and candidate != word_key and candidate in vocabulary:
                    return candidate, tail
    return None


def rules(language: str = "nb") -> dict:
    """The rules' data for a language (nb, nn), for the worker (it reads them from the index it loads)."""
    return {
        "letters": LETTERS,
        "folds": FOLDS,
        "vowels": VOWELS,
        "sEnding": S_ENDING,
        "step1": STEP1_BY_LANGUAGE[language],
        "stemmable": STEMMABLE,
        "stopWords": sorted(STOP_WORDS_BY_LANGUAGE[language]),
        "shortestWord": SHORTEST_WORD,
        "shortestStem": SHORTEST_STEM,
        "shortestPart": SHORTEST_PART,
        "preferredTail": PREFERRED_TAIL,
        "linkingLetters": LINKING_LETTERS,
    }
