"""repair: damaged paragraph text -> repaired text, as a list of named, tested steps.

Each step takes a Tracked text (lines joined with "\\n") and a Context, and returns
a Tracked text, so the repaired text keeps its map back to the source offsets.
Decisions about words are made with wordfreq frequencies, never with word lists
of the damage seen in one document.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from unref.text.regexes import URL_HEAD, URL_RE
from unref.text.tracked import Tracked
from unref.text.urls import addresses
from unref.text.words import zipf

Edit = tuple[int, int, str]


@dataclass(slots=True)
class Context:
    """What the steps know beyond the text: its language and the usual full-line width."""

    lang: str = "en"
    width: int = 0  # characters in a full justified line; 0 when unknown
    # True when word spaces come from glyph geometry (PDF input): no justification splits to join.
    geometry: bool = False
    # What the document prints elsewhere: the evidence for where a glued line lost its hyphen.
    printed: Printed = field(default_factory=lambda: Printed())


Step = Callable[[Tracked, Context], Tracked]

LETTERS = r"[^\W\d_]"
_WORD_RE = re.compile(rf"{LETTERS}+")
# Prefixes that form hyphenated compounds with words of any frequency ("non-refoulement").
COMPOUND_PREFIXES = frozenset(
    [
        "non",
        "anti",
        "self",
        "co",
        "re",
        "pre",
        "post",
        "sub",
        "inter",
        "intra",
        "multi",
        "cross",
        "well",
        "ill",
        "so",
        "semi",
        "pro",
        "counter",
        "ex",
        "mid",
        "extra",
        "ultra",
        "quasi",
        "socio",
        "macro",
        "micro",
        "half",
    ]
)
# Second elements of compound adjectives ("risk-based", "civilian-led", "high-level").
COMPOUND_HEADS = frozenset(
    [
        "based",
        "related",
        "led",
        "oriented",
        "building",
        "level",
        "scale",
        "wide",
        "making",
        "term",
        "year",
        "owned",
        "sensitive",
        "specific",
        "friendly",
        "bound",
        "free",
        "affected",
        "driven",
        "focused",
        "centred",
        "centered",
        "sponsored",
        "keeping",
        "contributing",
        "up",
        "standing",
        "old",
        "long",
        "day",
        "month",
        "member",
        "party",
        "state",
    ]
)


# --- 1. Letter-spaced runs ------------------------------------------------------------

_SPACED_RUN_RE = re.compile(rf"(?:(?<=\s)|^)(?:{LETTERS}{{1,12}} )?(?:{LETTERS}(?: - |[ \-] ?)){{4,}}{LETTERS}\b")


_SPACED_HINT_RE = re.compile(rf"(?:\b{LETTERS} ){{4}}")
# What _SPACED_HINT_RE needs, searched first: its 2nd to 4th letters stand between spaces. A pattern that
# opens with a space is searched from space to space; one that opens with \b is tried at every character.
_SPACED_PRE_RE = re.compile(rf" {LETTERS} {LETTERS} {LETTERS} ")


def segment_words(letters: str, lang: str) -> list[str]:
    """Return the most probable split of a run of letters into words (wordfreq unigram model)."""
    n = len(letters)
    best: list[tuple[float, int]] = [(0.0, 0)] + [(-1e9, 0)] * n
    low = letters.lower()
    for end in range(1, n + 1):
        for start in range(max(0, end - 24), end):
            word = low[start:end]
            f = zipf(word, lang) if word != "-" else 6.0
            cost = (f - 8.0) if f > 0 else -12.0 * len(word)
            if len(word) == 1 and word not in "ai-" and f < 6.5:
                cost -= 6.0
            score = best[start][0] + cost
            if score > best[end][0]:
                best[end] = (score, start)
    words: list[str] = []
    end = n
    while end > 0:
        start = best[end][1]
        words.append(letters[start:end])
        end = start
    return list(reversed(words))


def respace_letter_runs(t: Tracked, ctx: Context) -> Tracked:
    """Rejoin letter-spaced text ("r e s i s t a n c e a n d") into words."""
    if not _SPACED_PRE_RE.search(t.text) or not _SPACED_HINT_RE.search(t.text):
        return t
    edits: list[Edit] = []
    for m in _SPACED_RUN_RE.finditer(t.text):
        run = m.group()
        letters = run.replace(" ", "")
        words = segment_words(letters, ctx.lang)
        joined = " ".join(words).replace(" - ", "-").replace(" -", "-").replace("- ", "-")
        edits.append((m.start(), m.end(), joined))
    return t.edit(edits)


# --- 2. Hyphens that pdftotext removed when it joined two lines -------------------------


_WORD_AFTER_RE = re.compile(rf"{LETTERS}+")


def _hyphen_pairs(text: str) -> Iterator[tuple[str, str]]:
    """Yield the words on either side of each hyphen that joins two words: ("Port", "au"), ("au", "Prince").

    It goes from hyphen to hyphen (str.find): a regular expression tried at every letter is ten times slower.
    """
    i = text.find("-")
    while i != -1:
        after = _WORD_AFTER_RE.match(text, i + 1)
        if after:
            start = i
            while start > 0 and text[start - 1].isalpha():
                start -= 1
            if start < i:
                yield text[start:i], after.group()
        i = text.find("-", i + 1)


@dataclass(slots=True)
class _PrintedMemo:
    """What a Printed builds on first need, once per document."""

    lower_words: frozenset[str] | None = None  # the runs of letters of the lower-case text
    vocabulary: str | None = None  # the distinct runs of letters of the text, one a line
    twice: dict[str, bool] = field(default_factory=dict)  # token -> whether the text holds it twice or more
    lower_counts: Counter[str] | None = None  # how often each run of letters occurs, lower case
    glued_keys: frozenset[str] | None = None  # the keys of `glued`
    in_words: dict[str, int] = field(default_factory=dict)  # "a-b" -> how often it stands as a word of its own
    eights: bool | None = None  # whether OCR read a word's final "s" as "8" often enough to say so (ocr_final_s)
    slug_pieces: dict[str, Counter[str]] | None = None  # site -> the pieces of its addresses (slug_pieces)


def _count_in_words(text: str, pair: str) -> int:
    """Return how often `pair` stands in `text` between non-letters, in a blank-delimited piece without a slash.

    A search for the pair itself, then a look at each hit: a pattern for the whole piece, tried at every blank,
    took 15 ms a pair in a long document."""
    found = 0
    i = text.find(pair)
    while i >= 0:
        end = i + len(pair)
        if not (i and text[i - 1].isalpha()) and not (end < len(text) and text[end].isalpha()):
            start = i
            while start and not text[start - 1].isspace():
                start -= 1
            stop = end
            while stop < len(text) and not text[stop].isspace():
                stop += 1
            found += "/" not in text[start:stop]
        i = text.find(pair, end)
    return found


@dataclass(frozen=True, slots=True)
class Printed:
    """What a document prints, to decide where a glued line lost its hyphen.

    `pairs` holds the neighbouring parts of its hyphenated words, lower case ("port-au" and
    "au-prince" of "Port-au-Prince"); `heads` what stands before a hyphen, as printed ("CoE").
    """

    text: str = ""
    pairs: frozenset[str] = frozenset()
    heads: frozenset[str] = frozenset()
    lower: str = ""
    # Each pair glued, lower case, -> where its hyphen stood: "ceasefire" -> 5 for "cease-fire".
    glued: dict[str, int] = field(default_factory=dict)
    # How often each word (a run of letters, as printed) occurs, and each pair of `pairs`.
    words: Counter[str] = field(default_factory=Counter)
    pair_counts: Counter[str] = field(default_factory=Counter)
    # The glued pairs that the text prints glued too, lower case: what restore_printed_hyphens looks for.
    glued_found: frozenset[str] = frozenset()
    # The same as one pattern, compiled once per document: a paragraph is searched once, not once per pair.
    glued_found_re: re.Pattern[str] | None = None
    # What is built on first need (see lower_words, prints_twice, hyphen_in): most documents never ask.
    memo: _PrintedMemo = field(default_factory=lambda: _PrintedMemo(), compare=False, repr=False)

    @classmethod
    def of(cls, text: str) -> Printed:
        """Return what `text` prints."""
        found = list(_hyphen_pairs(text))
        glued = {f"{a}{b}".lower(): len(a) for a, b in found}
        pair_counts = Counter(f"{a}-{b}".lower() for a, b in found)
        words = Counter(_WORD_RE.findall(text))
        found_glued = frozenset(w.lower() for w in words if w.lower() in glued)
        found_re = re.compile("|".join(map(re.escape, sorted(found_glued)))) if found_glued else None
        return cls(text, frozenset(pair_counts), frozenset(a for a, _ in found if len(a) >= 2), text.lower(),
                   glued, words, pair_counts, found_glued, found_re)

    def hyphen_in(self, token: str) -> int:
        """Return where the document prints `token` with a hyphen ("cumRapporteur" -> 3), or 0.

        Only for a token that the document prints less often whole than hyphenated: a text that
        writes both "ceasefire" and "cease-fire" has no one spelling to restore.
        """
        low = token.lower()
        i = self.glued.get(low, 0)
        if not i:
            return 0
        whole = self.lower_counts().get(low, 0)  # was a pass over every word of the document per token
        if whole and low not in self.lower:  # as before: a word lowered alone may differ (a Greek final sigma)
            whole = 0
        return i if self.pair_counts[f"{low[:i]}-{low[i:]}"] >= whole else 0

    def glued_keys(self) -> frozenset[str]:
        """Return the glued pairs, lower case, as a set (the keys of `glued`)."""
        keys = self.memo.glued_keys
        if keys is None:
            keys = self.memo.glued_keys = frozenset(self.glued)
        return keys

    def lower_counts(self) -> Counter[str]:
        """Return how often each run of letters occurs in the text, lower case (runs that lower alike add up)."""
        counts = self.memo.lower_counts
        if counts is None:
            counts = self.memo.lower_counts = Counter()
            for word, n in self.words.items():
                counts[word.lower()] += n
        return counts

    def prints_twice(self, token: str) -> bool:
        """Return whether the text holds `token`, a run of letters, twice or more: `text.count(token) >= 2`.

        An occurrence of a run of letters lies inside one run of letters of the text. So the distinct runs,
        one a line, are searched, once per token: two occurrences there, or one in a run that the text
        prints twice, answer. A count over the whole text per token made a long document quadratic.
        """
        got = self.memo.twice.get(token)
        if got is None:
            got = self.memo.twice[token] = self._twice(token)
        return got

    def _twice(self, token: str) -> bool:
        """Return whether the text holds the run of letters `token` twice or more (see prints_twice)."""
        if self.words.get(token, 0) >= 2:
            return True
        vocabulary = self.memo.vocabulary
        if vocabulary is None:
            vocabulary = self.memo.vocabulary = "\n".join(self.words)
        i = vocabulary.find(token)
        if i < 0:
            return False
        if vocabulary.find(token, i + len(token)) >= 0:
            return True
        end = vocabulary.find("\n", i)
        return self.words[vocabulary[vocabulary.rfind("\n", 0, i) + 1:end if end >= 0 else len(vocabulary)]] >= 2

    def hyphen_at_line_end(self, a: str, b: str) -> bool | None:
        """Return whether "a-" at a line end and "b" are one hyphenated word, as the document prints them.

        True when it prints "a-b" inside a line, False when it prints "ab" whole, None when it
        prints neither ("inter-/national" is "international" in a text that says so).
        """
        if f"{a}-{b}".lower() in self.pairs:
            return True
        if self.lower and self.prints_whole((a + b).lower()):
            return False
        return None

    def prints_whole(self, low: str) -> bool:
        """Return whether the lower-case text holds `low` as a whole run of letters.

        A set of the text's runs answers for a word of letters: a search over the whole text per
        line-end hyphen made a long document quadratic. Anything else is searched for as before.
        """
        if _WORD_RE.fullmatch(low):
            return low in self.lower_words()
        return re.search(rf"(?<!{LETTERS}){re.escape(low)}(?!{LETTERS})", self.lower) is not None

    def lower_words(self) -> frozenset[str]:
        """Return the runs of letters of the lower-case text, built once."""
        runs = self.memo.lower_words
        if runs is None:
            runs = self.memo.lower_words = frozenset(_WORD_RE.findall(self.lower))
        return runs

    def hyphenated_in_words(self, pair: str) -> int:
        """Return how often the text prints `pair` ("union-facilitated", lower case) in its words, a compound's
        part or whole ("port-au" of "Port-au-Prince"), and not in a web address ("…/police-dans-la-zone" is no
        "dans-la": a blank-delimited piece with a slash). Counted once per pair and document: it is asked only
        of pairs that a join may have spaced."""
        got = self.memo.in_words.get(pair)
        if got is None:
            got = self.memo.in_words[pair] = _count_in_words(self.lower, pair)
        return got

    def reads_s_as_eight(self) -> bool:
        """Return whether the text is an old OCR layer that reads a word's final "s" as "8" ("United Nation8",
        "the member8 of the Council"): OCR_EIGHTS such words or more. A note's marker glued to a word is
        one number of a sequence, and "8" one of them: it does not recur so."""
        got = self.memo.eights
        if got is None:
            got = self.memo.eights = _final_eights(self.text) >= OCR_EIGHTS
        return got

    def slug_pieces(self, site: str) -> Counter[str]:
        """Return how often each piece of the text's web addresses on `site` (what stands between "-", "/", "_",
        "." and the like) occurs, lower case: its slugs' words as the document prints them apart ("v",
        "pamyatnik"). Another site's are no evidence for a short piece: one writes "pam-yatnika" where another
        has "pamyatnika". The site "" counts every address's. The count holds the pairs its slugs hyphenate too
        ("za-sutki")."""
        sites = self.memo.slug_pieces
        if sites is None:
            sites = self.memo.slug_pieces = {}
            everywhere = sites[""] = Counter()
            for m in URL_RE.finditer(self.text):
                low = m.group().lower()
                pieces = [piece for piece in _SLUG_SEPARATORS_RE.split(low) if piece]
                pieces += [f"{a}-{b}" for a, b in _hyphen_pairs(low)]
                sites.setdefault(address_site(m.group()), Counter()).update(pieces)
                everywhere.update(pieces)
        return sites.get(site) or Counter()

    def hyphenated_at(self, token: str, i: int) -> bool:
        """Return whether the document prints `token` with a hyphen before index i ("Port|au")."""
        return bool(self.pairs) and f"{token[:i]}-{token[i:]}".lower() in self.pairs

    def whole_elsewhere(self, token: str, lang: str, in_url: bool) -> bool:
        """Return whether the document prints `token` again as it is and never with a hyphen.

        A word (or a piece of a web address, or a name) glued at a join and printed so elsewhere
        too lost no hyphen there: "Haitian", "pdf.coredownload.pdf". A non-word glued at two joins
        ("quaranteneuvième") does not count.
        """
        return (len(token) >= 5 and self.prints_twice(token)
                and (in_url or token[0].isupper() or zipf(token.lower(), lang) >= 2.5)
                and not any(self.hyphenated_at(token, i) for i in range(1, len(token))))


# Scores for the hypothesis that a hyphen stood inside a glued token, each named after its evidence;
# the higher, the surer. `_line_joins` takes the best split near where the line should have ended.
SCORE_PRINTED = 12.0  # the document prints the pair with its hyphen: "Portau" is "Port-au"
SCORE_PRINTED_ACRONYM = 11.0  # a mixed-case acronym the document hyphenates: "CoEGRETA" is "CoE-GRETA"
SCORE_CASE_CHANGE = 10.0  # a small letter, then a capital: "TerPetrosyan", "SecretaryGeneral"
SCORE_ACRONYM_THEN_WORD = 9.0  # capitals, then a common small word: "UNMISSfacilitated"
SCORE_ACRONYM_THEN_NAME = 8.0  # capitals, then a capitalized word: "CoECommissioner" is "CoE" + "Commissioner"
# "Co|ECommissioner" leaves one capital before a word: "CoE|Commissioner" (SCORE_ACRONYM_THEN_NAME) is likelier.
SCORE_CASE_CHANGE_LONE_CAPITAL = 7.0
SCORE_PREFIX = 6.0  # a compound prefix and a word, "non|refoulement", plus a tenth of the word's zipf
SCORE_TWO_WORDS = 4.0  # two common words, "watch|in" in an address, plus a tenth of the rarer one's zipf
SCORE_NUMBER_GLUED = 5.0  # a number glued to a common word: "10year" is "10-" + "year review"
SCORE_COMPOUND_SPACE = 3.0  # a compound whose hyphen became a space at the join: "risk based", "non governmental"
SCORE_PRINTED_SPACE = 9.0  # a space at the join between two words the document prints hyphenated: "Union facilitated"

# Word frequency tolerances (wordfreq zipf) for the scores above.
WHOLE_WORD_ZIPF = 3.5  # a token this common is one word: it lost no hyphen
COMMON_WORD_ZIPF = 3.0  # a piece this common is a word of its own
PREFIX_PARTNER_ZIPF = 1.2  # a compound prefix takes a word of any frequency above this ("non-refoulement")
ADDRESS_SHORT_WORD_ZIPF = 5.0  # in a web address a two-letter second piece counts when this common ("in")
MIN_PIECE = 2  # each side of a split has two letters or more

# Where a lost join is looked for: from this many characters before the line's full width to this many after.
JOIN_WINDOW_BEFORE = 22
JOIN_WINDOW_AFTER = 6
JOIN_WORD_EDGE = 2  # a word takes part when it reaches this many characters into the window
DISTANCE_PER_POINT = 6  # a split loses a point for each this many characters between it and the full width
# A join this sure is kept even inside a word the document prints whole elsewhere, and moves the next one.
SURE_JOIN = 6.0
# "troop-" + "and police-contributing": a suspended hyphen keeps its space.
_SUSPENDED_AT_JOIN = frozenset(["and", "or", "et", "ou", "y", "o"])

Candidate = tuple[float, Edit]


def _split_score(token: str, i: int, lang: str, printed: Printed | None = None, in_url: bool = False) -> float:
    """Score the hypothesis that a hyphen stood inside `token` before index i (0 = no)."""
    if printed is not None and printed.hyphenated_at(token, i):
        return SCORE_PRINTED
    a, b = token[:i], token[i:]
    if len(a) < MIN_PIECE or len(b) < MIN_PIECE:
        return 0.0
    # Every case score is above 0: a split with no change of case is judged by frequencies.
    return _case_score(a, b, lang, printed) or _frequency_score(token, a, b, lang, in_url)


def _case_score(a: str, b: str, lang: str, printed: Printed | None) -> float:
    """Score a split of two pieces by the change of case between them (0 = the case says nothing)."""
    if printed is not None and _printed_acronym(a, b, printed):
        return SCORE_PRINTED_ACRONYM
    if a[-1].islower() and b[0].isupper():
        return SCORE_CASE_CHANGE_LONE_CAPITAL if _lone_capital(b) else SCORE_CASE_CHANGE
    if a[-1].isupper() and b[0].isupper() and b[1:2].islower():
        return SCORE_ACRONYM_THEN_NAME
    if a.isupper() and b.islower() and len(b) >= 3 and zipf(b, lang) >= COMMON_WORD_ZIPF:
        return SCORE_ACRONYM_THEN_WORD
    return 0.0


def _printed_acronym(a: str, b: str, printed: Printed) -> bool:
    """Return whether `a` is a mixed-case acronym the document prints before a hyphen ("CoE") and `b` a name."""
    return a in printed.heads and a[-1].isupper() and not a.isupper() and b[0].isupper()


def _lone_capital(b: str) -> bool:
    """Return whether `b` opens with one capital before a capitalized word ("ECommissioner")."""
    return b[1:2].isupper() and b[2:3].islower()


def _frequency_score(token: str, a: str, b: str, lang: str, in_url: bool) -> float:
    """Score a split of a token of one case by word frequencies: a prefix and a word, or two words (0 = no)."""
    if zipf(token.lower(), lang) >= WHOLE_WORD_ZIPF:
        return 0.0
    zb = zipf(b.lower(), lang)
    if a.lower() in COMPOUND_PREFIXES and zb >= PREFIX_PARTNER_ZIPF:
        return SCORE_PREFIX + zb / 10
    za = zipf(a.lower(), lang)
    if _two_words(za, zb, len(b), in_url):
        return SCORE_TWO_WORDS + min(za, zb) / 10
    return 0.0


# Endings that stand after no hyphen: "modify|ing", "intercept|ing" are one word, though "ing" is in wordfreq.
ENGLISH_SUFFIXES = frozenset(["ing", "ings", "ed", "ion", "ions", "ally", "ness", "ment", "ments", "ity", "ies",
                              "ned", "ance", "ence", "ous", "ive", "ized", "ised", "ably", "ibly"])
TWO_WORDS_WHOLE_ZIPF = 3.0  # a token this common lost no hyphen between two plain words ("worsened", "impunity")


def _may_be_two_words(token: str, b: str, lang: str) -> bool:
    """Return whether a token outside a web address may be two plain words glued at a join: not a word this
    common whole (compounds of two words glued are rarer: "followup" 2.9, "longterm" 2.8), and not a word and
    its ending ("modify|ing", "worse|ned")."""
    if lang == "en" and b.lower() in ENGLISH_SUFFIXES:
        return False
    return zipf(token.lower(), lang) < TWO_WORDS_WHOLE_ZIPF


def _two_words(za: float, zb: float, len_b: int, in_url: bool) -> bool:
    """Return whether two pieces of these frequencies are two words.

    "smear|ed", "христиан|ок" are a word and its ending; in an address "watch|in" is two words.
    """
    return za >= COMMON_WORD_ZIPF and zb >= COMMON_WORD_ZIPF and (
        len_b >= 3 or (in_url and zb >= ADDRESS_SHORT_WORD_ZIPF))


def _rests_on_frequency(score: float) -> bool:
    """Return whether a split score rests on word frequencies alone: a change of case ("TerrorismFinancing")
    scores SCORE_CASE_CHANGE_LONE_CAPITAL or more, and still says join where the document prints the token whole."""
    return 0 < score < SCORE_CASE_CHANGE_LONE_CAPITAL


def _two_plain_words(score: float) -> bool:
    """Return whether a split score is that of two common words (SCORE_TWO_WORDS, below SCORE_PREFIX)."""
    return SCORE_TWO_WORDS <= score < SCORE_PREFIX


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Return whether `pos` falls inside one of the (start, end) spans."""
    return any(a <= pos < b for a, b in spans)


def _join_count(line: str, width: int) -> int:
    """Return how many line ends a line glued from several has lost: one at least, none without a width."""
    return max(1, round(len(line) / width) - 1) if width else 0


def _better(best: Candidate | None, other: Candidate | None) -> Candidate | None:
    """Return the better candidate; the first one on a tie."""
    if other is not None and (best is None or other[0] > best[0]):
        return other
    return best


def _keep_join(score: float, whole_found: bool) -> bool:
    """Return whether the best join near a line end is kept: a sure one always, another unless the
    window holds a word the document prints whole elsewhere (no hyphen was lost there)."""
    return not whole_found or score >= SURE_JOIN


def _shift_after(target: int, best: Candidate) -> int:
    """Return how far a join found before its column moves the next line end back; only a sure join moves it."""
    return max(0, target - best[1][0]) if best[0] >= SURE_JOIN else 0


def _line_joins(line: str, width: int, lang: str, printed: Printed | None = None, lead: str = "") -> list[Edit]:
    """Find where pdftotext glued the next line to this one and restore the hyphen. `lead` is the part of an
    address that earlier lines print, when the line goes on with it (_address_lead)."""
    edits: list[Edit] = []
    # An address with the pieces a blank split off it ("…/presidente -abinader-declara"): each piece is its words.
    urls = _led_spans(line, lead)
    led, n = lead + line, len(lead)
    led_urls = [(a + n, b + n) for a, b in urls]
    # A slug's words are weighed by _best_address_split, with the address's evidence.
    words = ([m for m in _WORD_RE.finditer(line) if not _in_slug(led, m.start() + n, led_urls)] if led_urls
             else list(_WORD_RE.finditer(line)))  # no address: no word stands in a slug
    pieces = list(_WORD_OR_NUMBER_RE.finditer(line))
    shift = 0  # a join found before its column moves the next one back by as much
    for k in range(1, _join_count(line, width) + 1):
        target = width * k - shift
        best, whole_found = _best_split(line, words, target, lang, printed, urls)
        best = _better(best, _best_gap(line, pieces, target, lang, urls, printed))
        address = _led_address_split(line, lead, target, width, printed)
        if address is not None and (best is None or address[0] > best[0]):
            best, whole_found = address, False  # a word printed whole elsewhere says nothing of an address's
        if best is not None and _keep_join(best[0], whole_found):
            edits.append(best[1])
            shift += _shift_after(target, best)
    return edits


def _best_split(line: str, words: list[re.Match[str]], target: int, lang: str, printed: Printed | None,
                urls: list[tuple[int, int]]) -> tuple[Candidate | None, bool]:
    """Return the best hyphen inside a word near column `target`, and whether the window holds a word
    the document prints whole elsewhere."""
    lo, hi = target - JOIN_WINDOW_BEFORE, target + JOIN_WINDOW_AFTER
    best: Candidate | None = None
    whole_found = False
    for m in words:
        if m.end() - JOIN_WORD_EDGE < lo or m.start() + JOIN_WORD_EDGE > hi:
            continue
        found, whole = _best_split_in_word(line, m, target, lang, printed, urls)
        whole_found = whole_found or whole
        best = _better(best, found)
    return best, whole_found


def _best_split_in_word(line: str, m: re.Match[str], target: int, lang: str, printed: Printed | None,
                        urls: list[tuple[int, int]]) -> tuple[Candidate | None, bool]:
    """Return the best hyphen inside one word near column `target`, and whether the word is one the
    document prints whole elsewhere (then a split on frequencies alone is no candidate)."""
    token, start = m.group(), m.start()
    in_url = _in_spans(start, urls)
    whole: bool | None = None  # decided when a split is first considered: it costs a count over the document
    whole_found = False
    best: Candidate | None = None
    # Splits leave two letters before and one after, within the window.
    for i in range(max(2, target - JOIN_WINDOW_BEFORE - start), min(len(token) - 1, target + JOIN_WINDOW_AFTER
                                                                      - start + 1)):
        s = _split_score(token, i, lang, printed, in_url)
        if printed is not None and _rests_on_frequency(s):
            if whole is None:
                whole = printed.whole_elsewhere(token, lang, in_url)
            if whole:
                whole_found = True
                continue
        if _two_plain_words(s) and not in_url and not _may_be_two_words(token, token[i:], lang):
            continue  # but after the test above: a word printed whole in the window still says no join is there
        s = _address_score(line, start, token, i, s, printed, in_url, urls)
        if s > 0:
            pos = start + i
            s -= abs(pos - target) / DISTANCE_PER_POINT
            if best is None or s > best[0]:
                best = (s, (pos, pos, _join_hyphen(token[i:])))
    return best, whole_found


def _join_hyphen(after: str) -> str:
    """Return the hyphen to restore before `after`: a suspended one keeps its space ("troop- and police-")."""
    return "- " if after.lower() in _SUSPENDED_AT_JOIN else "-"


def _address_score(line: str, start: int, token: str, i: int, score: float, printed: Printed | None,
                   in_url: bool, urls: list[tuple[int, int]]) -> float:
    """Return the score of a split in a web address: in one, only two plain words or the document's hyphen count."""
    if score == SCORE_PRINTED and in_url and printed is not None and not _printed_in_other_address(
            line, start, token, i, printed):
        return 0.0
    if score > 0 and _in_spans(start + i, urls) and not _plain_split_in_address(token, i, score):
        return 0.0
    return score


def _printed_in_other_address(line: str, start: int, token: str, i: int, printed: Printed) -> bool:
    """Return whether another address prints the hyphen after the same few characters.

    The document's hyphen counts in an address only so: "en/newyork/" where another has "en/new-york/".
    """
    lead = line[max(0, start - 4):start].lower()
    return lead + f"{token[:i]}-{token[i:]}".lower() in printed.lower


def _plain_split_in_address(token: str, i: int, score: float) -> bool:
    """Return whether a split inside a web address is plausible: two small-letter words, or one the
    document prints ("en/newyork/meeting" where another address has "en/new-york/")."""
    return token[i - 1].islower() and token[i].islower() and (_two_plain_words(score) or score == SCORE_PRINTED)


# --- 2b. Hyphens lost at a join inside a web address ------------------------------------------

# A web address's slug separates its words with hyphens ("…/raketnii-udar-po-krivomu-rogu"); where a line
# ended at one of them, pdftotext took it for a word's hyphenation and glued the two words: "udarpo". The
# words are judged in the slug's own language, which may differ from the document's (a French news item
# cited in English), or by the pieces the document's other addresses print apart (a transliteration no
# dictionary holds: "pamyatnik", "v").
_SLUG_SEPARATORS_RE = re.compile(r"[-/_.?=&#%:,;+~]+")
_ADDRESS_RUN_RE = re.compile(r"[^\W_]+")  # a run of letters and digits inside an address
_LETTERS_DIGITS_RE = re.compile(r"\d+|[^\W\d_]+")
_QUERY_RE = re.compile(r"[?#]")
SLUG_LANGS = ("en", "fr", "es", "de", "pt", "it")  # the Latin-script languages of wordfreq's tables
SLUG_KNOWN_SHARE = 0.5  # a slug is in a language when this share of its words (two at least) are words of it
# A short piece is a word of the slug's language only when common: two letters "in", "la", "en" (not "un" in
# English, "ot" in French), three "new", "aux", "her" (not "ars", "dac", "vil": abbreviations and fragments).
SLUG_SHORT_WORD_ZIPF = {2: 5.5, 3: 4.0}
# A long piece is one when rarer: fewer long strings are words by chance, and a slug drops accents ("vinculos" of
# "vínculos" is 2.3 in Spanish, "haitienne" 2.0 in French).
SLUG_LONG_WORD = 6
SLUG_LONG_WORD_ZIPF = 1.9
SLUG_PRINTED_ZIPF = COMMON_WORD_ZIPF  # what a piece the document's addresses print apart counts for, as a zipf
# A one-letter piece counts only in a slug of no dictionary's language, printed apart this often by the document's
# addresses (the Russian "v", "i", "s" of a transliteration); a letter printed apart less often is as likely an
# ending ("kurgan|a").
SLUG_LETTER_PRINTED = 10
# In a slug of a known language, a piece no dictionary of it holds counts when the document's addresses print it
# apart and it is this long: a name ("belladere"); shorter ones are as often pieces of domains ("un" of "un.org").
SLUG_PRINTED_MIN = 4
SLUG_ANY_SITE = 5  # a piece this long printed apart by any site's address counts; a shorter one only by the same site's
SLUG_ZIPF_WEIGHT = 0.5
# A transliteration's run may split where the site prints one piece apart and the other is no shorter than this;
# weaker than two pieces known, so such a split loses to one.
HALF_KNOWN_MIN = 4
SCORE_ONE_SLUG_WORD = 3.0  # each point of zipf of the rarer piece above COMMON_WORD_ZIPF adds this to a split's score


@lru_cache(maxsize=4096)
def slug_language(address: str) -> str | None:
    """Return the language of an address's words (its path), or None when no language knows enough of them.

    "…/ti-zangi-anguille-une-espece-vulnerable-prise-en-otage" is French, whatever the document's language;
    a transliteration ("…/raketnii-udar-po-krivomu-rogu") is in none.
    """
    host_end = address.find("/", address.find("//") + 2 if "//" in address else 0)
    words = [w.lower() for w in _WORD_RE.findall(address[host_end:]) if len(w) >= 3] if host_end >= 0 else []
    best, known = None, 0
    for lang in SLUG_LANGS:
        n = sum(zipf(w, lang) >= COMMON_WORD_ZIPF for w in words)
        if n > known:
            best, known = lang, n
    return best if known >= 2 and known >= SLUG_KNOWN_SHARE * len(words) else None


def address_site(address: str) -> str:
    """Return the site of a web address: its host, lower case, without "www." ("rubaltic.ru")."""
    host = address.split("//", 1)[-1].split("/", 1)[0].lower()
    return host[4:] if host.startswith("www.") else host


def slug_word(piece: str, lang: str | None, pieces: SlugPieces) -> float:
    """Return how surely `piece` is a word of a slug, as a zipf (0 = not one).

    A number is one; a word of the slug's language is one by its frequency, a two-letter word only when
    common ("la" in French, not "ot"; "in" in English, not "un"); a piece the document's addresses print
    apart is one too, a single letter only when they print it apart again and again (the Russian "v"): `pieces`
    counts them (Printed.slug_pieces).
    """
    if piece.isdigit():
        return SLUG_PRINTED_ZIPF
    low = piece.lower()
    if len(low) == 1:
        return SLUG_PRINTED_ZIPF if lang is None and pieces.count(low) >= SLUG_LETTER_PRINTED else 0.0
    if lang is not None:
        z = zipf(low, lang)
        if z >= SLUG_SHORT_WORD_ZIPF.get(len(low), SLUG_LONG_WORD_ZIPF if len(low) >= SLUG_LONG_WORD
                                          else COMMON_WORD_ZIPF):
            return z
        if len(low) < SLUG_PRINTED_MIN:  # "un" of "un.org", "ars": no word of the slug's language
            return 0.0
    return SLUG_PRINTED_ZIPF if pieces.count(low) else 0.0


@dataclass(frozen=True, slots=True)
class SlugPieces:
    """The pieces a document's addresses print apart (Printed.slug_pieces): those of one site, and all."""

    site: Counter[str]
    everywhere: Counter[str]

    def count(self, low: str) -> int:
        """Return how often the pieces hold `low`: a long word on any site, a short one on this site only."""
        return (self.everywhere if len(low) >= SLUG_ANY_SITE else self.site)[low]


def _slug_pieces(printed: Printed | None, site: str) -> SlugPieces:
    """Return the pieces the document's addresses print apart, on `site` and on any."""
    if printed is None:
        return SlugPieces(Counter(), Counter())
    return SlugPieces(printed.slug_pieces(site), printed.slug_pieces(""))


def _address_split_score(run: str, i: int, lang: str | None, pieces: SlugPieces) -> float:
    """Score the hypothesis that a slug's run of letters and digits lost a hyphen before index i (0 = no)."""
    a, b = run[:i], run[i:]
    if a[-1].isdigit() != b[0].isdigit():  # "pamyatnik|1895614707", "2022|antisemitism": the word decides
        za, zb = slug_word(_last_kind(a), lang, pieces), slug_word(_first_kind(b), lang, pieces)
    elif a.isalpha() and b.isalpha():
        za, zb = slug_word(a, lang, pieces), slug_word(b, lang, pieces)
    else:
        return 0.0
    if not za or not zb:
        return SCORE_ONE_SLUG_WORD if _half_known(a, b, za or zb, lang) else 0.0
    rarer = min(za, zb) if not (a[-1].isdigit() or b[0].isdigit()) else max(za, zb)
    return SCORE_TWO_WORDS + (rarer - COMMON_WORD_ZIPF) * SLUG_ZIPF_WEIGHT


def _half_known(a: str, b: str, known: float, lang: str | None) -> bool:
    """Return whether a transliteration's split is likely with one piece known: the site prints one apart, and
    both are words of some length ("vandalov|oskvernivshikh"), no letters and digits."""
    return lang is None and known > 0 and min(len(a), len(b)) >= HALF_KNOWN_MIN and a.isalpha() and b.isalpha()


def _last_kind(text: str) -> str:
    """Return the last run of `text` that is all digits or all letters."""
    runs: list[str] = _LETTERS_DIGITS_RE.findall(text)
    return runs[-1]


def _first_kind(text: str) -> str:
    """Return the first run of `text` that is all digits or all letters."""
    m = _LETTERS_DIGITS_RE.match(text)
    return m.group() if m else text


def _whole_slug_word(run: str, lang: str | None, printed: Printed | None) -> bool:
    """Return whether a slug's run is a word as it stands: one of the slug's language, or one the document
    prints again as it is ("securitycouncil" in another address of the United Nations)."""
    low = run.lower()
    if lang is not None and zipf(low, lang) >= WHOLE_WORD_ZIPF:
        return True
    return printed is not None and printed.lower_counts().get(low, 0) >= 2  # "Augustin" in the text


def _in_slug(line: str, pos: int, urls: list[tuple[int, int]]) -> bool:
    """Return whether `pos` stands in a slug of an address: a segment of its path that holds a hyphen."""
    for start, end in urls:
        if start <= pos < end:
            seg_start, seg_end = line.rfind("/", start, pos), line.find("/", pos, end)
            in_path = seg_start > line.find("//", start, end) + 1
            return in_path and "-" in line[seg_start:seg_end if seg_end >= 0 else end]
    return False


def _path_runs(line: str, start: int, end: int) -> Iterator[tuple[int, str, bool]]:
    """Yield where each run of letters and digits of the path of the address at line[start:end] stands, the run,
    and whether it stands in a slug: a segment that separates its words with hyphens ("…/na-misci-raketnogoudaru").
    A run after "%" opens with the two hexadecimal digits of an encoded byte ("%C3%A9mie"): they are left out."""
    path = line.find("/", line.find("//", start, end) + 2 if "//" in line[start:end] else start, end)
    if path < 0:
        return
    query = _QUERY_RE.search(line, path, end)  # a query or a fragment ("#:~:text=Delana%20Isles") is no slug
    end = query.start() if query else end
    for m in _ADDRESS_RUN_RE.finditer(line, path, end):
        seg_start = max(line.rfind("/", path, m.start()), path)
        seg_end = line.find("/", m.end(), end)
        slug = "-" in line[seg_start:seg_end if seg_end >= 0 else end]
        if line[m.start() - 1] == "%":
            if len(m.group()) > 3:
                yield m.start() + 2, m.group()[2:], slug
        else:
            yield m.start(), m.group(), slug


# Where a line broke inside an address: at the last of its hyphens that fitted, so a slug's word before the
# full width (the median join of the corpus's pdftotext twins is at 0.91 of the width), and later too, an
# address's narrow letters ("/", "i", "l", ".") fitting more of them in a line (a twentieth of joins past 1.15).
# In shares of the full width: where a join in an address is looked for, before and after the width; the column
# it is likeliest at, before the width; how far from it a split loses a point.
ADDRESS_JOIN_BEFORE = 0.35
ADDRESS_JOIN_AFTER = 0.3
ADDRESS_JOIN_SHIFT = 0.08
ADDRESS_DISTANCE_PER_POINT = 0.1
# A line this share of the full width or longer may end inside an address: one that breaks at a hyphen before a
# long slug word ends short of the width, and the next line glued to it may be short too.
ADDRESS_LINE_SHARE = 0.9


def _best_address_split(line: str, urls: list[tuple[int, int]], target: int, width: int,
                        printed: Printed | None, floor: int = 0) -> Candidate | None:
    """Return the best hyphen lost inside a web address's slug near column `target`, in lines `width` long, at
    column `floor` or after."""
    lo, hi = max(floor, target - round(ADDRESS_JOIN_BEFORE * width)), target + round(ADDRESS_JOIN_AFTER * width)
    best: Candidate | None = None
    for start, end in urls:
        if end < lo or start > hi:
            continue
        lang = slug_language(line[start:end])
        pieces = _slug_pieces(printed, address_site(line[start:end]))
        for at, run, slug in _path_runs(line, start, end):
            if at + len(run) <= lo or at >= hi:
                continue
            words = slug and not _whole_slug_word(run, lang, printed)  # only the document's hyphen splits a word
            weigh = _AddressRun(line, run, at, lang if words else _NOT_A_SLUG, printed, pieces)
            best = _better(best, weigh.best((lo, hi, target - ADDRESS_JOIN_SHIFT * width,
                                             ADDRESS_DISTANCE_PER_POINT * width)))
    return best


_NOT_A_SLUG = "-"  # the language of a run outside a slug, or of a word: only the document's own hyphen splits it


@dataclass(frozen=True, slots=True)
class _AddressRun:
    """A run of letters and digits in a web address's path, and what weighs a hyphen lost inside it."""

    line: str
    run: str
    start: int  # where the run stands in the line
    lang: str | None  # the slug's language (slug_language), or _NOT_A_SLUG outside a slug or for a word whole
    printed: Printed | None
    pieces: SlugPieces

    def score(self, i: int) -> float:
        """Score a hyphen lost before index i: the document's own hyphen (the site prints "za-sutki" in another
        address, or another address "en/new-york/" after the same characters), or a slug's words or a word and a
        number; 0 = no."""
        if self.pieces.site[f"{self.run[:i]}-{self.run[i:]}".lower()] or (
                self.printed is not None and self.printed.hyphenated_at(self.run, i)
                and _printed_in_other_address(self.line, self.start, self.run, i, self.printed)):
            return SCORE_PRINTED
        if self.lang == _NOT_A_SLUG or (self.run[i - 1].isdigit() != self.run[i].isdigit() and not self.by_hyphen()):
            return 0.0  # "spawning_fig1_370443366": a number glued to a word between underscores is an identifier
        return _address_split_score(self.run, i, self.lang, self.pieces)

    def by_hyphen(self) -> bool:
        """Return whether a hyphen stands right before or after the run."""
        end = self.start + len(self.run)
        return self.line[self.start - 1] == "-" or self.line[end:end + 1] == "-"

    def best(self, window: tuple[int, int, float, float]) -> Candidate | None:
        """Return the best hyphen lost inside the run, or None. `window` holds the first and last columns looked
        at, the likeliest column and how many columns from it cost a point."""
        return _best_in_run(self, window)


def _best_in_run(r: _AddressRun, window: tuple[int, int, float, float]) -> Candidate | None:
    """Return the best hyphen lost inside one run of an address, or None (see _AddressRun.best)."""
    lo, hi, likeliest, per_point = window
    run, start = r.run, r.start
    best: Candidate | None = None
    for i in range(max(1, lo - start), min(len(run), hi - start + 1)):
        s = r.score(i) - abs(start + i - likeliest) / per_point
        if s > 0 and (best is None or s > best[0]):
            best = (s, (start + i, start + i, "-"))
    return best


def _best_gap(line: str, pieces: list[re.Match[str]], target: int, lang: str,
              urls: list[tuple[int, int]], printed: Printed | None = None) -> Candidate | None:
    """Return the best hyphen between two words or a number and a word near column `target`, or None."""
    lo, hi = target - JOIN_WINDOW_BEFORE, target + JOIN_WINDOW_AFTER
    best: Candidate | None = None
    for wa, wb in itertools.pairwise(pieces):
        pos = wa.end()
        if not lo <= pos <= hi:
            continue
        if pos == wb.start():
            if not _number_glued(line, wa, wb, lang, urls):
                continue
            s, edit = SCORE_NUMBER_GLUED, (pos, pos, "-")
        elif line[pos:wb.start()] == " " and printed is not None and _printed_spaced(wa.group(), wb.group(), printed):
            s, edit = SCORE_PRINTED_SPACE, (pos, pos + 1, "-")
        elif line[pos:wb.start()] == " " and _compound_space(wa.group(), wb.group()):
            s, edit = SCORE_COMPOUND_SPACE, (pos, pos + 1, "-")
        else:
            continue
        s -= abs(pos - target) / DISTANCE_PER_POINT
        if best is None or s > best[0]:
            best = (s, edit)
    return best


def _number_glued(line: str, wa: re.Match[str], wb: re.Match[str], lang: str, urls: list[tuple[int, int]]) -> bool:
    """Return whether a number glued to a word lost a hyphen ("10year" of "10-" + "year review").

    Not a number that belongs to a code ("%27", "A/79", "v1.2"), nor one inside a web address.
    """
    a, b = wa.group(), wb.group()
    return (a.isdigit() and (wa.start() == 0 or line[wa.start() - 1] not in "%/=&#.-") and b.islower()
            and len(b) >= 3 and zipf(b, lang) >= COMMON_WORD_ZIPF and not _in_spans(wa.end(), urls))


def _printed_spaced(a: str, b: str, printed: Printed) -> bool:
    """Return whether "a b" at a join is a compound the document prints with its hyphen ("European Union
    facilitated dialogue" where it prints "Union-facilitated"), at least as often as it prints the two words
    apart (a verb after a name, "the Union facilitated the talks", is printed apart)."""
    pair = f"{a}-{b}".lower()
    if pair not in printed.pairs:
        return False
    hyphenated = printed.hyphenated_in_words(pair)
    return hyphenated > 0 and hyphenated >= printed.lower.count(f"{a} {b}".lower())


# Words that make no compound with a prefix or a head: "as well as", "so as to", "a long way", "the term".
FUNCTION_WORDS = frozenset(["a", "an", "the", "in", "on", "at", "as", "so", "to", "of", "for", "by", "with", "from",
                            "into", "this", "that", "these", "those", "its", "their", "his", "her", "our", "and",
                            "or", "nor", "but", "is", "are", "was", "were", "be", "been", "it", "we", "they"])


def _compound_space(a: str, b: str) -> bool:
    """Return whether "a b" is a compound whose hyphen became a space: "risk based", "non governmental", "10 year".

    A compound is made of content words: "as well as" and "a long time" are no "well-as", "a-long"."""
    if not (b.islower() and (a.isdigit() or a.islower())) or a in FUNCTION_WORDS or b in FUNCTION_WORDS:
        return False
    return b in COMPOUND_HEADS or a.lower() in COMPOUND_PREFIXES


_WORD_OR_NUMBER_RE = re.compile(rf"\d+|{LETTERS}+")


def restore_join_hyphens(t: Tracked, ctx: Context) -> Tracked:
    """Restore hyphens lost where pdftotext joined a hyphenated line to the next one.

    A line longer than a full line by an eighth is two lines glued. One longer by less (an indented
    list item glued to its next line) takes only a change of case inside a word: "ParisDauphine".
    """
    if not ctx.width:
        return t
    lines = t.text.split("\n")
    longest = max(map(len, lines))
    if longest <= ctx.width + 8 and not (longest > ADDRESS_LINE_SHARE * ctx.width and _may_hold_address(t.text)):
        return t  # no line is long enough for any test of glued_line_edits
    width = paragraph_width(lines, ctx.width)
    spans = [(a.start, a.end) for a in addresses(t.text)] if _may_hold_address(t.text) else []
    edits: list[Edit] = []
    pos = 0
    for line in lines:
        lead = _address_lead(t.text, spans, pos) if spans else ""
        edits.extend((pos + s, pos + e, r) for s, e, r in glued_line_edits(line, width, ctx, lead))
        pos += len(line) + 1
    return t.edit(edits)


def glued_line_edits(line: str, width: int, ctx: Context, lead: str = "") -> list[Edit]:
    """Return the hyphens to restore in one line of a paragraph whose full lines are `width` long; `lead` is the
    part of an address that earlier lines print, when the line goes on with it."""
    if len(line) > 1.12 * width + 4:
        return _line_joins(line, width, ctx.lang, ctx.printed, lead)
    if len(line) > width + 8 and _CASE_CHANGE_RE.search(line):
        cuts = {m.start("cut") for m in _CASE_CHANGE_RE.finditer(line) if not ctx.printed.prints_twice(m.group())}
        return [(s, e, r) for s, e, r in _line_joins(line, width, ctx.lang, ctx.printed) if s == e and s in cuts]
    if len(line) > ADDRESS_LINE_SHARE * width and (lead or _may_hold_address(line)):
        return _address_joins(line, width, ctx.printed, lead)
    return []


def _address_joins(line: str, width: int, printed: Printed, lead: str = "") -> list[Edit]:
    """Return the hyphen lost in a web address of a line a little longer than a full one.

    A line that ends inside an address breaks at one of its hyphens, before the full width, and the next line
    glued to it makes it hardly longer than a full line when it holds the address's last word ("…-pushkinu" +
    "i-vatutinu"): only the address's own evidence says where (_best_address_split)."""
    best = _led_address_split(line, lead, width, width, printed)
    return [best[1]] if best is not None else []


def _led_spans(line: str, lead: str) -> list[tuple[int, int]]:
    """Return where the line's web addresses stand in it, the one that `lead` opens included."""
    n = len(lead)
    return [(max(0, a.start - n), a.end - n) for a in addresses(lead + line) if a.end > n]


def _led_address_split(line: str, lead: str, target: int, width: int, printed: Printed | None) -> Candidate | None:
    """Return the best hyphen lost in the line's addresses near column `target` (_best_address_split), read with
    the head of an address that earlier lines print (`lead`), which tells its site, language and path."""
    text, n = lead + line, len(lead)
    urls = [(a.start, a.end) for a in addresses(text) if a.end > n]
    best = _best_address_split(text, urls, target + n, width, printed, floor=n) if urls else None
    return None if best is None else (best[0], (best[1][0] - n, best[1][1] - n, best[1][2]))


def _address_lead(text: str, spans: list[tuple[int, int]], pos: int) -> str:
    """Return the part of an address that stands before `pos` (a line's start) when the address goes on past it:
    "www.un.org/securitycouncil/ctc/news/" before a line "cted%E2%80%99s-…-newpayment-technologies-0."."""
    for start, end in spans:
        if start < pos < end:
            return _BLANKS_RE.sub("", text[start:pos])
    return ""


_BLANKS_RE = re.compile(r"\s+")


WIDE_PARAGRAPH_LINES = 4  # full lines (the last aside) whose median tells a paragraph's own width
WIDE_PARAGRAPH_MIN_LINES = 2  # fewer full lines tell it only when every one of them is wide


def paragraph_width(lines: list[str], width: int) -> int:
    """Return the width of a paragraph's full lines: the document's, unless they run wider.

    An annex or a table set in a wider measure than the body (a panel's report in landscape) has lines of
    1.5 times the body's width: read against the body's width, each would be two lines glued, and a hyphen
    would be put inside a word at every one ("Imp-unity", "sporadic-ally"). A line that pdftotext glued from
    two stands among full lines of the body's width, so the median of a paragraph's full lines (its last
    aside) is the measure it was set in; of a short paragraph, only where its shortest full line is too long
    to be one. One full line alone tells nothing."""
    full = sorted(len(line) for line in lines[:-1])
    if len(full) < WIDE_PARAGRAPH_MIN_LINES:
        return width
    median = full[len(full) // 2]
    wide = 1.12 * width + 4
    if full[0] > wide or (len(full) >= WIDE_PARAGRAPH_LINES and median > wide):
        return median
    return width


# Two words of a capital and three small letters or more each, glued: "ParisDauphine", not "RuBaltic"
# or "EurAsiaDaily" (names written so), nor a word the document prints so twice.
_SMALL = r"(?:(?![A-Z])[^\W\d_])"
_CASE_CHANGE_RE = re.compile(rf"(?<!{LETTERS})[A-Z]{_SMALL}{{2,}}(?P<cut>)[A-Z]{_SMALL}{{2,}}(?!{LETTERS})")


# --- 3. Hyphens printed at line ends ------------------------------------------------------

_LINE_END_HYPHEN_RE = re.compile(rf"({LETTERS}+) ?-[ \t]*\n\s*({LETTERS}+)")


# A hyphen, then spaces or tabs before a line break ("Nagorno -" / "Karabakh").
_SPACED_HYPHEN_BREAK_RE = re.compile(r"-[ \t]+\n")
# After a number: "600-/year-old", "1990-/1994", a double symbol "A/79/359-/S/2024/684".
_NUMBER_LINE_END_HYPHEN_RE = re.compile(r"(\d)-[ \t]*\n\s*(?=\d|[a-z]|[A-Z]{1,6}/)")
# "troop-/and police-contributing": a suspended hyphen keeps the space after it.
_SUSPENDED = frozenset(["and", "or", "nor", "et", "ou", "y", "o", "e", "u", "и", "или"])


def join_line_end_hyphens(t: Tracked, ctx: Context) -> Tracked:
    """Join "Nagorno-/Karabakh" keeping the hyphen; drop it only inside a single word."""
    if "-\n" not in t.text and not _SPACED_HYPHEN_BREAK_RE.search(t.text):
        return t
    edits: list[Edit] = [(m.end(1), m.end(), "-") for m in _NUMBER_LINE_END_HYPHEN_RE.finditer(t.text)]
    for m in _LINE_END_HYPHEN_RE.finditer(t.text):
        a, b = m.group(1), m.group(2)
        if b in _SUSPENDED:
            hyphen = t.text.index("-", m.end(1))
            edits.append((m.end(1), hyphen, ""))
            edits.append((hyphen + 1, m.start(2), " "))
            continue
        printed = ctx.printed.hyphen_at_line_end(a, b) if b[0].islower() else None
        if printed is not None:
            soft = not printed  # the document's own spelling: "inter-/national" is "international" there
        else:
            # A word broken by hyphenation: one half is no word ("confi-/dence"), or the whole is at
            # least as common as either half ("govern-/ment", "inter-/national", "multi-/lateral").
            whole = zipf((a + b).lower(), ctx.lang)
            za, zb = zipf(a.lower(), ctx.lang), zipf(b.lower(), ctx.lang)
            soft = b[0].islower() and whole >= 3.0 and (min(za, zb) < 2.5 or whole >= max(za, zb) - 0.3)
        hyphen = t.text.index("-", m.end(1))
        if soft:
            edits.append((m.end(1), m.start(2), ""))
        else:
            edits.append((m.end(1), hyphen, ""))  # "Nagorno -" loses its stray space
            edits.append((hyphen + 1, m.start(2), ""))
    return t.edit(edits)


# --- 4. Web addresses cut at line ends ------------------------------------------------------

_URL_AT_LINE_END_RE = re.compile(rf"{URL_HEAD}[^\s]*[/\-_.=?&#%]\s*\n\s*(?=[\w%#/?=&\-.]+)", re.I)


def rejoin_urls(t: Tracked, ctx: Context) -> Tracked:
    """Join a web address that a line end cut after a slash, hyphen or other separator."""
    if not _may_hold_address(t.text):
        return t
    edits: list[Edit] = []
    for m in _URL_AT_LINE_END_RE.finditer(t.text):
        head = m.group().rstrip()
        nl = m.start() + len(head)
        if head.endswith(".") and not re.match(r"\s*\n\s*[a-z0-9]", t.text[nl:]):
            continue  # a sentence that ends with an address
        edits.append((nl, m.end(), ""))
    return t.edit(edits)


def _may_hold_address(text: str) -> bool:
    """Return False when `text` holds no start of a web address (URL_HEAD, any case): neither "://" nor the
    "w." that ends a "www." (three str searches, where the address patterns try every character)."""
    return "://" in text or "w." in text or "W." in text


def join_address_pieces(t: Tracked, ctx: Context) -> Tracked:
    """Join the pieces of a web address that a blank split ("Opportunities challenges-new-technologies.html")."""
    if "www." not in t.text and "://" not in t.text:
        return t  # addresses() finds none (its own test), and an edit of nothing gives the text back
    return t.edit((start, end, join) for a in addresses(t.text) for start, end, join in a.gaps)


# --- 4b. Hyphens lost inside web addresses ----------------------------------------------------

_HEX = "[0-9a-f]"
_UUID_GAP_RE = re.compile(
    rf"(?<!{_HEX}){_HEX}{{8}}-?{_HEX}{{4}}-?{_HEX}{{4}}-?{_HEX}{{4}}-?{_HEX}{{12}}(?!{_HEX})", re.I
)
_SLUG_YEAR_RE = re.compile(rf"(?<=-)({LETTERS}{{3,}})((?:19|20)\d\d)(?=[-_.]|$)")


def restore_url_hyphens(t: Tracked, ctx: Context) -> Tracked:
    """Restore a hyphen a line join took out of a web address: a UUID, or a slug's word and year."""
    if "http" not in t.text and "www." not in t.text:
        return t
    edits: list[Edit] = []
    for url in URL_RE.finditer(t.text):
        text, base = url.group(), url.start()
        for m in _UUID_GAP_RE.finditer(text):
            got = m.group()
            if got.count("-") == 3:
                plain = got.replace("-", "")
                rebuilt = "-".join((plain[:8], plain[8:12], plain[12:16], plain[16:20], plain[20:]))
                pos = base + m.start() + _first_difference(got, rebuilt)
                edits.append((pos, pos, "-"))
        if text.count("-") >= 2:
            for m in _SLUG_YEAR_RE.finditer(text):
                edits.append((base + m.start(2), base + m.start(2), "-"))
            for m in _SLUG_WORD_RE.finditer(text):
                i = _slug_split(m.group())
                if i:
                    edits.append((base + m.start() + i, base + m.start() + i, "-"))
    return t.edit(edits)


# A slug's piece between hyphens (or after a slash, before one): "casablanca-declarationabrogation-gpa".
_SLUG_WORD_RE = re.compile(r"(?<=-)[a-z]{10,}(?=[-/._?#]|$)|(?<=/)[a-z]{10,}(?=-)")
_SLUG_LANGS = ("en", "fr", "es")


def _slug_split(piece: str) -> int:
    """Return where a slug's piece of two glued English words lost its hyphen ("declaration|abrogation"), or 0.

    A slug separates its words with hyphens; a piece that is no word in English, French or Spanish
    (the Latin-script working languages), and splits into two English words of five letters or more,
    lost the hyphen a line end took ("contrebande", "arrestation" are French words: kept).
    """
    best, where = 0.0, 0
    for i in range(5, len(piece) - 4):
        score = min(zipf(piece[:i]), zipf(piece[i:]))
        if score >= 2.0 and score > best:
            best, where = score, i
    if where and any(zipf(piece, lang) > 0 for lang in _SLUG_LANGS):
        return 0
    return where


def _first_difference(a: str, b: str) -> int:
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return i
    return min(len(a), len(b))


# --- 5. Line ends become spaces --------------------------------------------------------------


def join_lines(t: Tracked, ctx: Context) -> Tracked:
    """Replace line breaks and runs of white space with one space."""
    if not _wide_break(t.text):
        # Every match of _LINE_BREAK_RE is a lone line break (most paragraphs): each becomes a space, one
        # character for one, so every offset stays, without an edit per line.
        return t.same_offsets(t.text.replace("\n", " ")).strip()
    edits = [(m.start(), m.end(), " ") for m in _LINE_BREAK_RE.finditer(t.text) if m.group() != " "]
    return t.edit(edits).strip()


# White space that holds a line break (all of it), a run of two spaces, tabs or no-break spaces, or a tab:
# the same matches as r"\s*\n\s*|[ \t\u00a0]{2,}|\t", written so that every branch opens with one character
# of a class, which lets the search skip from one white space to the next.
_LINE_BREAK_RE = re.compile(r"\n\s*|[^\S\n][^\S\n]*\n\s*|[ \t\u00a0][ \t\u00a0]+|\t")
# A line break before or after white space: the first two branches of _LINE_BREAK_RE, opening with the line break
# (searched from one to the next, where a pattern that opens with a class of white space is tried at every space).
_BREAK_BESIDE_SPACE_RE = re.compile(r"\n(?:\s|(?<=[^\S\n]\n))")


def _wide_break(text: str) -> bool:
    """Return whether `text` holds a match of _LINE_BREAK_RE other than a lone line break: a line break beside
    white space, a tab, or two spaces, tabs or no-break spaces side by side: a search of _BREAK_BESIDE_SPACE_RE,
    then str searches for the rest."""
    return bool(_BREAK_BESIDE_SPACE_RE.search(text) or "\t" in text or "  " in text or (
        "\u00a0" in text and (" \u00a0" in text or "\u00a0 " in text or "\u00a0\u00a0" in text)))


# --- 6. Words split by justification spaces ----------------------------------------------------

# Two words with a space between; the second in a look-ahead, so that matches overlap by one word.
_PAIR_AHEAD_RE = re.compile(rf"(?<![\w\-/.@])({LETTERS}+) (?=({LETTERS}+)(?![\w\-/@]))")


def _weak(part: str, lang: str) -> bool:
    """Return True for a piece that is not a word on its own ("lso", "ry", the letter "t")."""
    if len(part) == 1:
        return zipf(part.lower(), lang) < 6.0  # "a", "I", Russian "с", Spanish "y" are words
    return zipf(part.lower(), lang) < 3.0


# Tolerances of should_join, in wordfreq zipf.
JOINED_ZIPF = 3.0  # the pair joined must be a word at least this common
JOINED_ZIPF_WEAK = 2.5  # or this common, when a piece of three letters or more is no word of its own
SHORT_WORD_ZIPF = 5.0  # "and", "its": a very common short word that lost a letter to the word before
LETTER_PIECE_ZIPF = 4.0  # what is left of it ("nd", "ts") is rarer than this ...
LETTER_PIECE_MARGIN = 1.5  # ... and at least this much rarer than the whole
JOIN_MARGIN = 8.0  # a pair joins when the whole is no rarer than its pieces together less this


@lru_cache(maxsize=200_000)
def should_join(a: str, b: str, lang: str) -> bool:
    """Return True when "a b" is one word split by a space, judged by word frequencies.

    A pure function of its arguments (word frequencies only), so cached: a document repeats its word pairs.
    """
    if not b[0].islower() or (a.isupper() and len(a) > 1):
        return False
    zj = zipf((a + b).lower(), lang)
    weak = _weak(a, lang) or _weak(b, lang)
    if zj < (JOINED_ZIPF_WEAK if weak and min(len(a), len(b)) >= 3 else JOINED_ZIPF):
        return False
    za, zb = zipf(a.lower(), lang), zipf(b.lower(), lang)
    if _letter_split_off(a, b, zj, za, zb):
        return True
    # Never join two real words, except two one-letter words, which no sentence puts side by side.
    if not (weak or (len(a) == 1 and len(b) == 1)):
        return False
    return zj >= za + zb - JOIN_MARGIN


def _letter_split_off(a: str, b: str, zj: float, za: float, zb: float) -> bool:
    """Return whether one letter was split off a very common short word: "a nd", "i ts".

    `zj`, `za` and `zb` are the frequencies of the whole and its pieces; "nd" and "ts" are
    abbreviations, so what is left must be much rarer than the whole, not unknown.
    """
    if min(len(a), len(b)) != 1 or max(len(a), len(b)) > 3 or zj < SHORT_WORD_ZIPF:
        return False
    short = zb if len(a) == 1 else za
    return short < LETTER_PIECE_ZIPF and zj >= short + LETTER_PIECE_MARGIN


def _printed_whole(a: str, b: str, text: str, start: int, printed: Printed) -> bool:
    """Return whether "Re public" inside a sentence is a name the document prints whole ("Republic").

    Two words of which the first has a capital and the second none, inside a sentence, where the
    document prints them as one capitalized word and never apart elsewhere.
    """
    # "Israel is" / "Israelis": "Israel" is a word of that text, printed alone elsewhere.
    if not printed.words.get(a + b) or printed.words[a] > 1:
        return False
    if not (a[0].isupper() and a[1:].islower() and b.islower() and len(a + b) >= 6):
        return False
    before = text[max(0, start - 8):start].rstrip()
    # "Never apart elsewhere": "a b" apart at most once. Each time the text prints them apart, `a` stands as a
    # run of letters of its own, and the text prints that run at most once (above): so that holds, and the
    # search over the whole text it took per pair (quadratic in a long document) is not made.
    return bool(before) and before[-1] not in ".!?:;\"“(" and (before[-1].isalpha() or before[-1] == ",")


def join_split_words(t: Tracked, ctx: Context) -> Tracked:
    """Join words split by justification spaces ("Februa ry", "tha t", "a lso")."""
    if ctx.geometry:
        return t
    edits: list[Edit] = []
    text = t.text
    words = ctx.printed.words
    lang = ctx.lang
    # Every pair in one pass: each match ends where its second word starts, so the next pair starts
    # there; after a join the pair that starts at the joined second word is skipped. Only the stretches
    # around a word that can take part in a join are searched: most paragraphs have few or none.
    pos = 0
    apostrophes = "’" in text or "'" in text
    for lo, hi in _pair_windows(text, lang, words):
        for m in _PAIR_AHEAD_RE.finditer(text, lo, hi):
            if m.start() < pos:
                continue
            a, b = m.group(1, 2)
            if apostrophes and _beside_apostrophe(text, m.start(1), m.end(2), len(b)):
                continue
            # should_join is False for a second word without a small first letter: not asked then.
            if (b[0].islower() and should_join(a, b, lang)) or (
                    a[0].isupper() and a + b in words and _printed_whole(a, b, text, m.start(), ctx.printed)):
                edits.append((m.end(1), m.start(2), ""))
                pos = m.end(2)
    return t.edit(edits)


_APOSTROPHES = "’'"


def _beside_apostrophe(text: str, start: int, end: int, len_b: int) -> bool:
    """Return whether a pair of words [start, end) holds a piece of an elision or a possessive: the first word
    after an apostrophe ("mission’s trip": "s" + "trip" is no "strip"), or the second a single letter before
    one ("de l’Artibonite", "Programme d’apaisement": an elided article, not the end of the word before)."""
    return (start > 0 and text[start - 1] in _APOSTROPHES) or (
        len_b == 1 and end < len(text) and text[end] in _APOSTROPHES)


def loose_piece(run: str, lang: str) -> bool:
    """Return whether a run of letters can be a piece of a word that a space split: one that is no word on
    its own (`_weak`: "lso", "ry"), or one short and rare enough to be what is left of a short word that lost
    a letter ("nd" of "a nd"; see `_letter_split_off`). should_join says no to a pair without such a piece,
    but for two single letters side by side."""
    return _weak(run, lang) or (len(run) <= 3 and zipf(run.lower(), lang) < LETTER_PIECE_ZIPF)


# What a token (the text between two single spaces) can do in a join: nothing; be a loose piece (a run of letters in
# it is one); hold a single letter; or end in a capitalized word: _CAPITAL plus that word's number (_TokenRoles).
_NO_ROLE, _LOOSE, _SINGLE, _CAPITAL = 0, 1, 2, 3


@dataclass(slots=True)
class _TokenRoles:
    """The role of each token seen in one language (an int: see _NO_ROLE), and the capitalized words that the
    roles from _CAPITAL on stand for. A paragraph's roles are one map over its tokens, in C (`dict.__getitem__`),
    and only the tokens with a role are looked at in Python. Tokens are a pure function of the text, so the
    roles hold across documents; they are emptied when they grow past _TOKEN_CACHE_MAX."""

    role: dict[str, int] = field(default_factory=dict)
    capital_words: list[str] = field(default_factory=list)  # role - _CAPITAL -> the word
    capital_number: dict[str, int] = field(default_factory=dict)  # the word -> role - _CAPITAL

    def learn(self, token: str, lang: str) -> None:
        """Give a token its role."""
        runs = _WORD_RE.findall(token)
        role = _NO_ROLE
        if any(loose_piece(run, lang) for run in runs):
            role = _LOOSE
        elif any(len(run) == 1 for run in runs):
            role = _SINGLE
        elif runs and token.endswith(runs[-1]) and runs[-1][0].isupper() and runs[-1][1:].islower():
            role = _CAPITAL + self._capital(runs[-1])
        self.role[token] = role

    def _capital(self, word: str) -> int:
        """Return the number of a capitalized word, numbering it on first sight."""
        number = self.capital_number.get(word)
        if number is None:
            number = self.capital_number[word] = len(self.capital_words)
            self.capital_words.append(word)
        return number

    def of(self, tokens: list[str], lang: str) -> list[int]:
        """Return the role of each token, learning those never seen."""
        role = self.role
        try:
            return list(map(role.__getitem__, tokens))
        except KeyError:  # a token never seen: rare once a few documents are read
            for token in tokens:
                if token not in role:
                    self.learn(token, lang)
            return list(map(role.__getitem__, tokens))


_TOKEN_ROLES: dict[str, _TokenRoles] = {}
_TOKEN_CACHE_MAX = 400_000


def _hot_marks(tokens: list[str], lang: str, words: Counter[str]) -> list[int]:
    """Return the indexes of the tokens that may take part in a join: a loose piece; a token that holds a single
    letter, before another such (they may join); a capitalized word only where the document prints it at most once
    (_printed_whole)."""
    roles = _TOKEN_ROLES.get(lang)
    if roles is None or len(roles.role) > _TOKEN_CACHE_MAX:
        roles = _TOKEN_ROLES[lang] = _TokenRoles()
    role = roles.of(tokens, lang)
    capital_words = roles.capital_words
    last = len(tokens) - 1
    marks: list[int] = []
    for k in itertools.compress(itertools.count(), role):  # the tokens with a role, skipped to in C
        r = role[k]
        if r == _LOOSE or (r == _SINGLE and k < last and role[k + 1] == _SINGLE) or (
                r >= _CAPITAL and words and words.get(capital_words[r - _CAPITAL], 0) <= 1):
            marks.append(k)
    return marks


def _pair_windows(text: str, lang: str, words: Counter[str]) -> list[tuple[int, int]]:
    """Return the stretches [start, end) of `text` that hold every pair of words that may join, in order.

    A pair joins only where one of its words is a loose piece, or a capitalized word the document prints
    once, or where both are single letters: each such token is taken with the tokens on either side, and
    the character after the last (the look-ahead of the pair's pattern sees it).
    """
    tokens = text.split(" ")
    marks = _hot_marks(tokens, lang, words)
    if not marks:
        return []
    last = len(tokens) - 1
    lengths = list(itertools.accumulate(map(len, tokens)))  # token k ends at lengths[k] + k (spaces before it)
    out: list[tuple[int, int]] = []
    for k in marks:
        lo = lengths[k - 2] + k - 1 if k >= 2 else 0  # where the token before starts
        after = min(k + 1, last)
        hi = min(lengths[after] + after + 1, len(text))  # after the token after, and the space after it
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


# --- 7. Spacing around punctuation -------------------------------------------------------------

_PUNCT_SPACE_RULES: list[tuple[re.Pattern[str], int]] = [
    # "Dock ." "brutality ." "(ПСТ )" "resolved. ”": drop the space before closing punctuation. A closing
    # apostrophe too ("Member States ’ obligations", "the parties ’."): "’" opens no word before a space.
    (re.compile(r"(?<=[\w.,;:!?)\]”’])( +)(?=[.,;:!?)\]](?!\w)|[”’](?!\w))"), 1),
    # "( A/77/801" "“ word": drop the space after opening brackets.
    (re.compile(r"(?<=[(\[])( +)(?=\S)|(?<=“)( +)(?=\w)"), 0),
    # "full -scale" "Nagorno -Karabakh" "4 –15": drop the space before a joining hyphen or dash.
    (re.compile(r"(?<=[\w])( +)(?=[-–]\w)"), 1),
]


def fold_punctuation_spacing(t: Tracked, ctx: Context) -> Tracked:
    """Fold stray spaces around punctuation: "Dock ." -> "Dock.", "full -scale" -> "full-scale".

    Each rule runs only where its hint (what every match of it holds) is in the text: one search that
    opens with a space or a bracket, where the rules' look-behinds are tried at every character.
    """
    if not _PUNCT_SPACE_BEFORE_RE.search(t.text) and not _space_after_opening(t.text):
        return t  # no rule's hint is in the text (most paragraphs): one search, not three
    for (pattern, group), hint in zip(_PUNCT_SPACE_RULES, _PUNCT_SPACE_HINTS, strict=True):
        if not hint.search(t.text):
            continue
        if ctx.lang == "fr" and pattern is _PUNCT_SPACE_RULES[0][0]:
            pattern = _FRENCH_CLOSING_SPACE_RE
        text = t.text
        t = t.edit((m.start(group), m.end(group), "") for m in pattern.finditer(text)
                   if not _closes_low_quote(text, m.start(group) - 1))
    return t


def _closes_low_quote(text: str, i: int) -> bool:
    """Return whether the "“" at `i` closes a quotation opened with a low mark („…“, as Russian and German
    set them), so that the space after it is the text's own: a "„" stands before it with no "“" between."""
    if i < 0 or text[i] != "“":
        return False
    low = text.rfind("„", 0, i)
    return low >= 0 and text.rfind("“", low, i) < 0


# What each rule of _PUNCT_SPACE_RULES needs: a space before closing punctuation, a space after an opening
# bracket or quotation mark, a space before a hyphen or dash.
_PUNCT_SPACE_HINTS = (re.compile(r" [.,;:!?)\]”’]"), re.compile(r"[(\[“] "), re.compile(r" [-–]"))
# The first and the third hint as one search (both open with a space), and the second as str searches.
_PUNCT_SPACE_BEFORE_RE = re.compile(r" [.,;:!?)\]”’\-–]")


def _space_after_opening(text: str) -> bool:
    """Return whether a space stands after an opening bracket or quotation mark (the second hint)."""
    return "( " in text or "[ " in text or "“ " in text


# French typography sets a space before a colon, semicolon, question and exclamation mark ("centrale :"):
# in French text only the space before a full stop, a comma or a closing bracket is stray.
_FRENCH_CLOSING_SPACE_RE = re.compile(r"(?<=[\w.,;:!?)\]”’])( +)(?=[.,)\]](?!\w)|[”’](?!\w))")


# A hyphen glued to the word before it and set off from the next: "re- establish", "so- called".
_HYPHEN_SPACE_RE = re.compile(rf"(?<![\w\-/])({LETTERS}{{2,}})-( +)({LETTERS}+)")


def close_hyphen_spaces(t: Tracked, ctx: Context) -> Tracked:
    """Drop the space that extraction left after a compound's hyphen: "re- establish" -> "re-establish".

    Only where the two make a compound: a prefix ("co- chaired", "Anti- discrimination"), a compound's head
    ("age- sensitive", "peace- keeping"), a pair the document prints hyphenated, or a word whole ("cease- fire").
    A suspended hyphen keeps its space ("troop- and police-contributing"), and so does a hyphen that stands for
    a dash before any other word ("the groups- in particular")."""
    if "- " not in t.text:
        return t
    edits: list[Edit] = []
    for m in _HYPHEN_SPACE_RE.finditer(t.text):
        if _spaced_compound(m.group(1), m.group(3), ctx):
            edits.append((m.start(2), m.end(2), ""))
    return t.edit(edits) if edits else t


def _spaced_compound(a: str, b: str, ctx: Context) -> bool:
    """Return whether "a- b" is a compound whose hyphen extraction set off from its second part."""
    low_a, low_b = a.lower(), b.lower()
    if low_b in _SUSPENDED or low_b in FUNCTION_WORDS or not b[0].islower():
        return False
    return (low_a in COMPOUND_PREFIXES or low_b in COMPOUND_HEADS or f"{low_a}-{low_b}" in ctx.printed.pairs
            or zipf(low_a + low_b, ctx.lang) >= COMMON_WORD_ZIPF)


# --- 8. Hyphens of fixed United Nations terms ----------------------------------------------------

_UN_TERMS_RE = re.compile(r"\b(Secretary|Under-Secretary|Assistant Secretary) (General)\b")


def un_term_hyphens(t: Tracked, ctx: Context) -> Tracked:
    """Restore the hyphen of "Secretary-General" where a line join lost it."""
    if ctx.lang != "en" or "Secretary General" not in t.text:  # what every match of the pattern holds
        return t
    return t.edit((m.end(1), m.start(2), "-") for m in _UN_TERMS_RE.finditer(t.text))


# --- 9. Double symbols glued together -------------------------------------------------------------

_GLUED_SYMBOLS_RE = re.compile(r"(?<=\d)(?=(?:A|S|E)/(?:RES/)?\d)")


def split_glued_symbols(t: Tracked, ctx: Context) -> Tracked:
    """Restore the dash of a double symbol glued at a line join ("A/79/359S/2024/684")."""
    if "/" not in t.text:
        return t
    return t.edit((m.start(), m.start(), "-") for m in _GLUED_SYMBOLS_RE.finditer(t.text))


# --- 10. Numbers: ordinal endings set apart, compound numbers and year ranges that lost their hyphen ----

_ORDINAL_HINT_RE = re.compile(r" (?:st|nd|rd|th)\b")
_ORDINAL_SPLIT_RE = re.compile(r"(?<![\w.,/])(\d+) (st|nd|rd|th)\b(?!-)")


def _ordinal_ending(number: str) -> str:
    if number[-2:] in ("11", "12", "13"):
        return "th"
    return {"1": "st", "2": "nd", "3": "rd"}.get(number[-1], "th")


def join_ordinal_endings(t: Tracked, ctx: Context) -> Tracked:
    """Join an ordinal ending set apart from its number ("80 th anniversary", "161 st Rifle Regiment").

    Only the ending that the number takes is joined: "1 st", "43 rd", "80 th", never "3 th".
    """
    if ctx.lang != "en" or not _ORDINAL_HINT_RE.search(t.text):
        return t
    return t.edit((m.end(1), m.start(2), "") for m in _ORDINAL_SPLIT_RE.finditer(t.text)
                  if m.group(2) == _ordinal_ending(m.group(1)))


_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
_COMPOUND_NUMBER_RE = re.compile(rf"\b({_TENS}) ({_UNITS})\b", re.I)


def hyphenate_compound_numbers(t: Tracked, ctx: Context) -> Tracked:
    """Restore the hyphen of a compound number ("fifty eighth session" -> "fifty-eighth session").

    The United Nations Editorial Manual hyphenates the compound numbers twenty-one to ninety-nine,
    cardinal and ordinal, when they are spelled out; a space there is a hyphen a line join lost.
    """
    if ctx.lang != "en" or ("ty " not in t.text and "TY " not in t.text):
        return t
    low = t.text.lower()
    if not any(f"{tens} " in low for tens in _TENS.split("|")):  # "security ", "party " end in "ty " too
        return t
    return t.edit((m.end(1), m.start(2), "-") for m in _COMPOUND_NUMBER_RE.finditer(t.text))


_YEAR = r"(?:19[4-9]\d|20[0-4]\d)"
_EIGHT_DIGITS_RE = re.compile(r"[12]\d{7}")
_GLUED_YEARS_RE = re.compile(rf"(?<![\w/.\-%#=&@:])({_YEAR})({_YEAR})(?![\w/\-])")


def split_glued_years(t: Tracked, ctx: Context) -> Tracked:
    """Restore the hyphen of a range of years glued at a line join ("the 20252027 period").

    Two years side by side make a range only when the second is later, by at most ten years.
    """
    if not _EIGHT_DIGITS_RE.search(t.text):
        return t
    edits: list[Edit] = []
    for m in _GLUED_YEARS_RE.finditer(t.text):
        first, second = int(m.group(1)), int(m.group(2))
        if 0 < second - first <= 10:
            edits.append((m.end(1), m.end(1), "-"))
    return t.edit(edits)


# --- 11. Words the document prints with a hyphen, found glued ----------------------------------

_GLUED_TOKEN_RE = re.compile(rf"{LETTERS}{{4,}}")


def restore_printed_hyphens(t: Tracked, ctx: Context) -> Tracked:
    """Restore the hyphen of a glued non-word that the document prints hyphenated elsewhere.

    "Vice-Chair-cumRapporteur" where the text prints "Vice-Chair-cum-Rapporteur", "vis-àvis" where it
    prints "vis-à-vis". A glued form that is a word of its own ("ceasefire") is left alone: a
    document may spell it either way.
    """
    printed = ctx.printed
    if not printed.glued_found:
        return t
    low = t.text.lower()
    if not _may_restore(low, len(t.text), printed):
        return t
    edits: list[Edit] = []
    urls: list[tuple[int, int]] | None = None  # found on first need
    for m in _GLUED_TOKEN_RE.finditer(t.text):
        token = m.group()
        if token.lower() in printed.glued and zipf(token.lower(), ctx.lang) < 2.0:
            i = printed.hyphen_in(token)
            if i and len(token) - i >= 2:  # "Birnin" is no "Birni-n" even where "Birni-N’Konni" is printed
                if urls is None:
                    urls = [(a.start, a.end) for a in addresses(t.text)]
                if (_in_spans(m.start(), urls) and not _in_slug(t.text, m.start(), urls)
                        and not _site_hyphenates(t.text, m.start(), token, i, urls, printed)):
                    continue  # "un.org/securitycouncil/" is no "security-council" of another site's slug
                edits.append((m.start() + i, m.start() + i, "-"))
    return t.edit(edits)


_FEW_GLUED = 32  # up to this many glued pairs, one search of them all is the cheaper test


def _site_hyphenates(text: str, start: int, token: str, i: int, urls: list[tuple[int, int]], printed: Printed) -> bool:
    """Return whether the site of the address `token` stands in prints its hyphen at i in another address ("iz.ru"
    prints "za-sutki"), or another address prints it after the same few characters (_printed_in_other_address)."""
    begin = max(a for a, b in urls if a <= start < b)
    site = address_site(text[begin:start])
    return (printed.slug_pieces(site)[f"{token[:i]}-{token[i:]}".lower()] > 0
            or _printed_in_other_address(text, start, token, i, printed))


def _may_restore(low: str, size: int, printed: Printed) -> bool:
    """Return False when restore_printed_hyphens has nothing to do in a paragraph (`low`: its text, lower case).

    Its test was a search of the lower-case text for any of the glued pairs the document prints (one pattern
    of them all, longer the longer the document): that search decides as before, but it is made only where
    a run of four letters or more of the paragraph, lower case, is a glued pair at all (a set intersection),
    and skipped where such a run is itself one of the pairs searched for. Where lowering changes the
    text's length, runs may not lower alike: the search decides alone; so it does for a document of few pairs,
    where one search costs less than the intersection (there a str search per pair, faster than the pattern).
    """
    if len(low) == size and len(printed.glued_found) > _FEW_GLUED:
        hits = {w for w in printed.glued_keys().intersection(_WORD_RE.findall(low)) if len(w) >= 4}
        if not hits:
            return False  # no token of the loop below is a glued pair: it would make no edit
        if not hits.isdisjoint(printed.glued_found):
            return True  # the search finds that run
    if len(printed.glued_found) <= _FEW_GLUED:
        return _holds_any(low, printed.glued_found)  # a str search a pair: faster than the pattern of a few
    if printed.glued_found_re is not None:
        return printed.glued_found_re.search(low) is not None
    return any(g in low for g in printed.glued_found)


def _holds_any(text: str, pieces: frozenset[str]) -> bool:
    """Return whether `text` holds any of `pieces` (what a search of them all as one pattern finds)."""
    return any(map(text.__contains__, pieces))  # in C: no generator frame a piece


# --- 12. A word broken into a piece and single letters ("ceasef i r e") ----------------------------

_PIECES_RE = re.compile(
    rf"(?<![\w\-/@])({LETTERS}{{2,}} )?((?:{LETTERS} )+{LETTERS})(?: ({LETTERS}{{2,}}))?(?![\w\-/@])")


MIN_WEAK_LETTERS = 2  # single letters join a piece when two of them or more are no word ("a", "I" are)


def join_letter_pieces(t: Tracked, ctx: Context) -> Tracked:
    """Join a word that justification broke into a piece and single letters ("ceasef i r e").

    Runs of five letters or more are `respace_letter_runs`'s; this takes the shorter ones. The
    letters join with the piece before or after them when the whole is a word or the document
    prints it (with its hyphen: "cease-fire"); single letters that are words ("a", "I") stay
    apart unless two of them or more are no word.
    """
    if ctx.geometry or not _SPACED_HINT_2_RE.search(t.text):
        return t
    edits: list[Edit] = []
    for m in _PIECES_RE.finditer(t.text):
        if sum(1 for x in m.group(2).split(" ") if _weak(x, ctx.lang)) < MIN_WEAK_LETTERS:
            continue
        span = _pieces_word(t.text, m, ctx.lang, ctx.printed)
        if span is not None:
            edits.extend(_pieces_edits(t.text, span[0], span[1], ctx.printed))
    return t.edit(edits)


def _pieces_word(text: str, m: re.Match[str], lang: str, printed: Printed) -> tuple[int, int] | None:
    """Return the span of the word that single letters make with the piece before them, after them or both.

    The letters join a piece that is no word on its own ("ceasef"), never each other alone ("a b c");
    the widest span that makes a word, or a word the document prints, wins.
    """
    head, tail = (m.group(1) or "").strip(), m.group(3) or ""
    weak_head, weak_tail = bool(head) and _weak(head, lang), bool(tail) and _weak(tail, lang)
    spans = ((m.start(1), m.end(3), weak_head and weak_tail), (m.start(1), m.end(2), weak_head),
             (m.start(2), m.end(3), weak_tail))
    for start, end, ok in spans:
        if ok and _word_or_printed(text[start:end].replace(" ", ""), lang, printed):
            return start, end
    return None


def _word_or_printed(whole: str, lang: str, printed: Printed) -> bool:
    """Return whether pieces joined make a common word, or one the document prints with a hyphen."""
    return zipf(whole.lower(), lang) >= COMMON_WORD_ZIPF or bool(printed.glued.get(whole.lower()))


def _pieces_edits(text: str, start: int, end: int, printed: Printed) -> list[Edit]:
    """Return the edits that join text[start:end] into one word, with the hyphen the document prints in it."""
    whole = text[start:end].replace(" ", "")
    i = printed.hyphen_in(whole) if whole.lower() in printed.glued else 0
    edits: list[Edit] = [(k, k + 1, "") for k in range(start, end) if text[k] == " "]
    if i:
        pos = [k for k in range(start, end) if text[k] != " "][i]
        edits.append((pos, pos, "-"))
    return edits


_SPACED_HINT_2_RE = re.compile(rf" {LETTERS} {LETTERS}(?!\w)")


# --- 13. A space before "'s", digits of dates set apart ------------------------------

_SPACED_POSSESSIVE_RE = re.compile(r"(?<=[\w)])( )(?=['’]s(?![\w\-]))")


# OCR of typewritten pages sets the "s" apart too: "the Council ' s request", "UNPROFOR ' s mandate".
# The space before the apostrophe may already be gone (fold_punctuation_spacing runs first).
_OCR_POSSESSIVE_RE = re.compile(r"(?<=[\w)])( ?)['’]( )s(?![\w\-])")


def join_possessives(t: Tracked, ctx: Context) -> Tracked:
    """Drop the space that extraction left before a possessive: "the Group ’s" -> "the Group’s", and the
    spaces OCR leaves around its apostrophe: "the Council ' s request" -> "the Council's request"."""
    if ctx.lang != "en":
        return t
    edits: list[Edit] = []
    if " ’s" in t.text or " 's" in t.text:
        edits.extend((m.start(1), m.end(1), "") for m in _SPACED_POSSESSIVE_RE.finditer(t.text))
    if "' s" in t.text or "’ s" in t.text:
        for m in _OCR_POSSESSIVE_RE.finditer(t.text):
            edits.extend((a, b, "") for a, b in (m.span(1), m.span(2)) if b > a)
    if " ’" in t.text:
        edits.extend((m.start(2), m.end(2), "") for m in _SPACED_APOSTROPHE_RE.finditer(t.text)
                     if _printed_with_apostrophe(m, ctx.printed))
    return t.edit(edits) if edits else t


# A space before an apostrophe inside a word: "Da ’esh", "Grand ’Anse" (an opening mark is "‘", not "’").
_SPACED_APOSTROPHE_RE = re.compile(rf"({LETTERS}+)( )’({LETTERS}+)(?![\w’])")


def _printed_with_apostrophe(m: re.Match[str], printed: Printed) -> bool:
    """Return whether the document prints the word of `m` with its apostrophe and no space ("Da’esh"): a
    quotation opened with "’" ("the word ’some’") is printed so nowhere."""
    return f"{m.group(1)}’{m.group(3)}".lower() in printed.lower


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# OCR sets the digits of a date apart ("2 1 November 1 9 9 5") and reads a one as "I" or "l" ("I 9 9 7").
_SPACED_YEAR_RE = re.compile(rf"\b(?:{_MONTHS}) (?P<year>[12Il](?: ?\d){{3}})(?![\d\w])")
_SPACED_DAY_RE = re.compile(rf"(?<![\w/.,\-])(?<!\d )(?P<day>[0-3] \d) (?:{_MONTHS})\b")


def join_date_digits(t: Tracked, ctx: Context) -> Tracked:
    """Join the digits of a date that OCR set apart: "2 1 November 1 9 9 5" -> "21 November 1995"."""
    if ctx.lang != "en" or not _DIGIT_SPACE_RE.search(t.text):
        return t
    edits: list[Edit] = []
    for m in _SPACED_YEAR_RE.finditer(t.text):
        year = m.group("year")
        digits = year.replace(" ", "").replace("I", "1").replace("l", "1")
        if digits != year and 1900 <= int(digits) <= 2099:
            edits.append((m.start("year"), m.end("year"), digits))
    for m in _SPACED_DAY_RE.finditer(t.text):
        if 1 <= int(m.group("day").replace(" ", "")) <= 31:
            edits.append((m.start("day") + 1, m.start("day") + 2, ""))
    return t.edit(edits)


# A year with a space among its digits or an "I" for its one, a day of two digits set apart before a month.
_DIGIT_SPACE_RE = re.compile(
    r" (?:(?:[12] \d ?\d ?\d|[12]\d \d ?\d|[12]\d\d \d|[Il] ?\d ?\d ?\d)(?!\d)|[0-3] \d [A-Z])")


# A word of small letters whose last letter OCR read as "8": "Nation8", "thi8", "headquarter8".
_FINAL_EIGHT_RE = re.compile(r"(?<![\w/.\-])([^\W\d_]*[a-z]{2})8(?![\w/\-])")
OCR_EIGHTS = 3
_EIGHT_RE = re.compile(r"8(?![\w/\-])")  # searched for first: a pattern that opens with the "8" skips fast


def _final_eights(text: str) -> int:
    """Return how many words of small letters end in "8" in `text`, up to OCR_EIGHTS (what _FINAL_EIGHT_RE finds,
    counted from each "8" that ends a word: the pattern itself, tried at every letter, took 20 ms a document)."""
    found = 0
    for m in _EIGHT_RE.finditer(text):
        i = m.start()
        if i >= 2 and text[i - 2:i].isalpha() and text[i - 2:i].islower() and _FINAL_EIGHT_RE.match(
                text, _word_start(text, i), i + 1):
            found += 1
            if found >= OCR_EIGHTS:
                break
    return found


def _word_start(text: str, end: int) -> int:
    """Return where the run of letters that ends at `end` begins."""
    i = end
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    return i


def ocr_final_s(t: Tracked, ctx: Context) -> Tracked:
    """Read a word's final "8" as the "s" that an old OCR layer took for it: "the United Nation8" -> "Nations".

    Only in a text whose OCR does so again and again (Printed.reads_s_as_eight), and only where the word with
    its "s" is one: "vehPcle8" stays as it is."""
    if "8" not in t.text or not ctx.printed.reads_s_as_eight():
        return t
    edits: list[Edit] = []
    for m in _FINAL_EIGHT_RE.finditer(t.text):
        if zipf(m.group(1).lower() + "s", ctx.lang) >= COMMON_WORD_ZIPF:
            edits.append((m.end(1), m.end(1) + 1, "s"))
    return t.edit(edits) if edits else t


# An old OCR layer reads the comma or full stop after a word or a number as "»": "En 1979» le FISE",
# "en juin 1979» Dans le cadre"; an Arabic font's comma may come out as "»" too. French typography (and the
# UN's French usage) sets a no-break space before a closing guillemet, and Spanish and Arabic, which glue it,
# open the quotation first: a "»" glued to what precedes it, with no "«" open before it in the paragraph and a
# word after it, closes no quotation.
_GLUED_GUILLEMET_RE = re.compile(r"(?<=[^\W_)]|\))»(?=[ \t\n]+([^\W\d_]))")


def guillemet_for_punctuation(t: Tracked, ctx: Context) -> Tracked:
    """Read a "»" glued to the word before it, where no "«" is open, as the punctuation OCR took it for: a full
    stop before a capital ("1979» Dans" -> "1979. Dans"), a comma before a small letter ("1979» le" -> "1979, le").
    """
    if "»" not in t.text:
        return t
    edits = [(m.start(), m.end(), _guillemet_reading(m.group(1))) for m in _GLUED_GUILLEMET_RE.finditer(t.text)
             if not _guillemet_open(t.text, m.start())]
    return t.edit(edits) if edits else t


def _guillemet_open(text: str, pos: int) -> bool:
    """Return whether a "«" before `pos` is still open there (more "«" than "»" before it)."""
    return text.count("«", 0, pos) > text.count("»", 0, pos)


def _guillemet_reading(next_letter: str) -> str:
    """Return what a stray "»" stood for: a full stop when the next word opens a sentence, else a comma; in Arabic
    script, which has no capitals, the Arabic comma ("السلام» ويغطي" is "السلام، ويغطي": a font that draws its
    comma where "»" is encoded)."""
    if _ARABIC_LETTER_RE.match(next_letter):
        return "\u060c"
    return "." if next_letter.isupper() else ","


_ARABIC_LETTER_RE = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


STEPS: list[tuple[str, Step]] = [
    ("respace_letter_runs", respace_letter_runs),
    ("restore_join_hyphens", restore_join_hyphens),
    ("join_line_end_hyphens", join_line_end_hyphens),
    ("rejoin_urls", rejoin_urls),
    ("join_address_pieces", join_address_pieces),
    ("join_lines", join_lines),
    ("restore_url_hyphens", restore_url_hyphens),
    ("join_letter_pieces", join_letter_pieces),
    ("join_split_words", join_split_words),
    ("fold_punctuation_spacing", fold_punctuation_spacing),
    ("close_hyphen_spaces", close_hyphen_spaces),
    ("un_term_hyphens", un_term_hyphens),
    ("split_glued_symbols", split_glued_symbols),
    ("join_ordinal_endings", join_ordinal_endings),
    ("hyphenate_compound_numbers", hyphenate_compound_numbers),
    ("split_glued_years", split_glued_years),
    ("restore_printed_hyphens", restore_printed_hyphens),
    ("join_possessives", join_possessives),
    ("join_date_digits", join_date_digits),
    ("ocr_final_s", ocr_final_s),
    ("guillemet_for_punctuation", guillemet_for_punctuation),
]


def select_steps(names: str | Iterable[str]) -> list[tuple[str, Step]]:
    """Return the steps of STEPS with these names (one name or several), in the order of STEPS.

    The order is the pipeline's whatever the order of `names`: each step expects what the steps
    before it leave. An unknown name raises ValueError, which lists the known ones.
    """
    chosen = {names} if isinstance(names, str) else set(names)
    known = [name for name, _ in STEPS]
    unknown = chosen.difference(known)
    if unknown:
        raise ValueError(f"unknown repair step(s): {', '.join(sorted(unknown))}; known steps: {', '.join(known)}")
    return [(name, step) for name, step in STEPS if name in chosen]


def repair(t: Tracked, ctx: Context | None = None, steps: str | Iterable[str] | None = None) -> Tracked:
    """Return the text with the repair steps applied in order: all of STEPS, or only those named in `steps`.

    `repair(t, ctx, steps=("join_line_end_hyphens", "join_lines"))` runs those two, in the order of STEPS;
    an unknown name raises ValueError.
    """
    ctx = ctx or Context()
    for _name, step in STEPS if steps is None else select_steps(steps):
        t = step(t, ctx)
    return t


def repair_text(text: str, lang: str = "en", width: int = 0) -> str:
    """Return repaired text for a plain string (a convenience over `repair`)."""
    return repair(Tracked.from_source(text, 0), Context(lang=lang, width=width)).text
