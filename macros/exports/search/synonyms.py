"""Words that mean the same to a reader searching (data/synonyms.yml): «medisinhåndtering» finds the chapter that
says «legemiddelhåndtering», «beboer» finds «bruker», «selvtest» finds «Test deg selv».

A group's words and phrases are matched as the index keys words (macros.exports.search.stemmer), with the function
words kept, so that a phrase («test deg selv», «meld fra») matches only where its words stand together. Where a
page has one word of a group, it counts for every other single word of the group, a little less than the word
itself (SYNONYM): the page that writes what the reader typed still comes first. INTRO's index (index.py) and the
ZIM's keywords for Kiwix (exports/zim.py) both take their synonyms from here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from macros.content.errors import AuthorError, ContentError
from macros.exports.search import stemmer

FILE = "data/synonyms.yml"
# How much a group's other word counts where the page writes one of them: less than the word itself.
SYNONYM = 0.8


def tokens(text: str) -> list[str]:
    """A text's words as the index keys them, function words kept (folded) so that phrases can be matched."""
    return [stemmer.fold(word) if stemmer.is_stop_word(word) else stemmer.key(word) for word in stemmer.words(text)]


@dataclass(frozen=True)
class Member:
    written: str  # as data/synonyms.yml writes it
    tokens: tuple[str, ...]  # its words, keyed, function words kept
    key: str | None  # the one key a reader's single word gives, if the member is one word

    @classmethod
    def of(cls, written: str) -> Member:
        found = tuple(tokens(written))
        keys = stemmer.keys(written)
        return cls(written, found, keys[0] if len(found) == 1 and len(keys) == 1 else None)


@dataclass(frozen=True)
class Synonyms:
    """The groups, each member keyed: what index.py and the ZIM match pages with."""

    groups: tuple[tuple[Member, ...], ...] = ()

    @classmethod
    def of(cls, groups: Iterable[Sequence[str]]) -> Synonyms:
        """The groups as written; ContentError naming data/synonyms.yml for a word of function words only, or a
        group whose words all key alike (it would find nothing new)."""
        built, errors = [], []
        for number, words in enumerate(groups, start=1):
            members = tuple(Member.of(word) for word in words)
            for member in members:
                if not stemmer.keys(member.written):
                    errors.append(
                        AuthorError(
                            FILE,
                            f"«{member.written}» har bare småord som søket hopper over (som «hva», «til», «på»). "
                            f"Skriv et ord som betyr noe alene (gruppe nr. {number}).",
                        )
                    )
            if len({member.tokens for member in members}) < 2:
                errors.append(
                    AuthorError(
                        FILE,
                        f"Ordene i gruppe nr. {number} ({', '.join(words)}) er samme ord for søket. "
                        "Ta med et ord som betyr det samme, men skrives annerledes.",
                    )
                )
            built.append(members)
        if errors:
            raise ContentError(errors)
        return cls(tuple(built))

    def found(self, text_tokens: Sequence[str]) -> Counter[int]:
        """How many times each group (by its number) occurs in the tokens, any of its members."""
        counts: Counter[int] = Counter()
        starts = self._starts
        for at, token in enumerate(text_tokens):
            for number, phrase in starts.get(token, ()):
                if tuple(text_tokens[at : at + len(phrase)]) == phrase:
                    counts[number] += 1
        return counts

    @cached_property
    def _starts(self) -> dict[str, list[tuple[int, tuple[str, ...]]]]:
        """Per first token, the members (group number, tokens) that start with it: found() looks them up per word."""
        starts: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for number, members in enumerate(self.groups):
            for member in members:
                starts.setdefault(member.tokens[0], []).append((number, member.tokens))
        return starts

    def names_whole(self, text: str) -> bool:
        """Whether the text is, word for word, a member of a group («hjemmehjelp», «test deg selv»)."""
        written = tuple(tokens(text))
        return any(member.tokens == written for members in self.groups for member in members)

    def extra_keys(self, text_tokens: Sequence[str]) -> Counter[str]:
        """The keys a text counts for besides its own: per occurrence of a group's member, each of the group's
        one-word members it does not write there, at SYNONYM."""
        extra: Counter[str] = Counter()
        for number, count in self.found(text_tokens).items():
            for member in self.groups[number]:
                if member.key is not None:
                    extra[member.key] += count * SYNONYM  # type: ignore[assignment]  # a synonym counts less
        own = Counter(text_tokens)
        return Counter({key: weight for key, weight in extra.items() if key not in own})

    def related_keys(self) -> dict[str, list[str]]:
        """Per one-word member's key, the keys of its group's other members: the words a result may mark."""
        related: dict[str, list[str]] = {}
        for members in self.groups:
            keys = sorted({key for member in members for key in stemmer.keys(member.written)})
            for member in members:
                if member.key is not None:
                    related[member.key] = [key for key in keys if key != member.key]
        return related

    def phrases(self) -> list[tuple[list[str], str]]:
        """Each phrase of a group that also has a one-word member, with that word's key: a reader who types the
        phrase («test deg selv») searches for the word («selvtest»), whose function words would be dropped."""
        found = []
        for members in self.groups:
            word = next((member.key for member in members if member.key is not None), None)
            if word is not None:
                found += [(list(member.tokens), word) for member in members if len(member.tokens) > 1]
        return found

    def other_words(self, numbers: Iterable[int]) -> list[str]:
        """Every member of the given groups, as written: words to find a page by."""
        return [member.written for number in sorted(set(numbers)) for member in self.groups[number]]


NONE = Synonyms()  # a site without data/synonyms.yml
