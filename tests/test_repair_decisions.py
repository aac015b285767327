"""The named decisions inside the repair steps, one table each.

`test_repair.py` shows what each step does to a text; these tables show the scores, tolerances
and yes/no decisions those steps are made of, so that a change to one rule shows which case moved.
"""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unref.repair import (
    SCORE_ACRONYM_THEN_NAME,
    SCORE_ACRONYM_THEN_WORD,
    SCORE_CASE_CHANGE,
    SCORE_CASE_CHANGE_LONE_CAPITAL,
    SCORE_PREFIX,
    SCORE_PRINTED,
    SCORE_PRINTED_ACRONYM,
    SCORE_TWO_WORDS,
    STEPS,
    SURE_JOIN,
    Candidate,
    Context,
    Printed,
    _address_score,
    _beside_apostrophe,
    _best_gap,
    _better,
    _case_score,
    _compound_space,
    _frequency_score,
    _join_count,
    _join_hyphen,
    _keep_join,
    _letter_split_off,
    _line_joins,
    _may_be_two_words,
    _may_restore,
    _number_glued,
    _pieces_edits,
    _pieces_word,
    _plain_split_in_address,
    _printed_in_other_address,
    _printed_spaced,
    _rests_on_frequency,
    _shift_after,
    _split_score,
    _two_plain_words,
    _two_words,
    _word_or_printed,
    loose_piece,
    paragraph_width,
    repair,
    restore_printed_hyphens,
    select_steps,
    should_join,
)
from unref.text.tracked import Tracked

PRINTED = Printed.of("Port-au-Prince, the CoE-ECRI report, cease-fire and www.un.org/en/new-york/x")


# --- _split_score: which evidence says a hyphen stood inside a glued token ------------------

@pytest.mark.parametrize(("token", "i", "printed", "in_url", "expected"), [
    ("Portau", 4, PRINTED, False, SCORE_PRINTED),  # the document prints "Port-au"
    ("CoEGRETA", 3, PRINTED, False, SCORE_PRINTED_ACRONYM),  # and "CoE-" before a name
    ("TerPetrosyan", 3, None, False, SCORE_CASE_CHANGE),
    ("CoECommissioner", 3, None, False, SCORE_ACRONYM_THEN_NAME),
    ("CoECommissioner", 2, None, False, SCORE_CASE_CHANGE_LONE_CAPITAL),  # "Co|ECommissioner": less likely
    ("UNMISSfacilitated", 6, None, False, SCORE_ACRONYM_THEN_WORD),
    ("aX", 1, None, False, 0.0),  # a piece of one letter
    ("government", 6, None, False, 0.0),  # a common word whole
    ("smeared", 5, None, False, 0.0),  # a word and its ending
    ("watchin", 5, None, False, 0.0),  # "in" is too short a second word in prose ...
])
def test_split_score(token: str, i: int, printed: Printed | None, in_url: bool, expected: float) -> None:
    assert _split_score(token, i, "en", printed, in_url) == expected


@pytest.mark.parametrize(("token", "i", "in_url", "low", "high"), [
    ("nonrefoulement", 3, False, SCORE_PREFIX, SCORE_CASE_CHANGE_LONE_CAPITAL),  # a prefix and a word
    ("watchin", 5, True, SCORE_TWO_WORDS, SCORE_PREFIX),  # ... but two words in an address
    ("CoEGRETA", 3, False, SCORE_TWO_WORDS, SCORE_PREFIX),  # without the document: two words, a weaker case
])
def test_split_score_by_frequency(token: str, i: int, in_url: bool, low: float, high: float) -> None:
    assert low < _split_score(token, i, "en", None, in_url) < high


@pytest.mark.parametrize(("a", "b", "printed", "expected"), [
    ("CoE", "GRETA", PRINTED, SCORE_PRINTED_ACRONYM),
    ("Ter", "Petrosyan", None, SCORE_CASE_CHANGE),
    ("Co", "ECommissioner", None, SCORE_CASE_CHANGE_LONE_CAPITAL),
    ("CoE", "Commissioner", None, SCORE_ACRONYM_THEN_NAME),
    ("UNMISS", "facilitated", None, SCORE_ACRONYM_THEN_WORD),
    ("UNMISS", "xq", None, 0.0),  # a second piece too short to be a word after an acronym
    ("govern", "ment", None, 0.0),  # one case: the case says nothing
])
def test_case_score(a: str, b: str, printed: Printed | None, expected: float) -> None:
    assert _case_score(a, b, "en", printed) == expected


@pytest.mark.parametrize(("token", "i", "in_url", "scored"), [
    ("nonrefoulement", 3, False, True),
    ("international", 5, False, False),  # common whole: no split
    ("watchin", 5, False, False),
    ("watchin", 5, True, True),
    ("smeared", 5, False, False),
    ("longterm", 4, False, True),  # two plain words glued: "long-term"
])
def test_frequency_score(token: str, i: int, in_url: bool, scored: bool) -> None:
    assert (_frequency_score(token, token[:i], token[i:], "en", in_url) > 0) is scored


@pytest.mark.parametrize(("token", "b", "expected"), [
    ("modifying", "ing", False),  # an ending
    ("refraining", "ing", False),
    ("leveraged", "aged", False),  # "leveraged" is common whole (3.1)
    ("lifesaving", "saving", True),
    ("decisionmaking", "making", True),
])
def test_may_be_two_words(token: str, b: str, expected: bool) -> None:
    assert _may_be_two_words(token, b, "en") is expected


@pytest.mark.parametrize(("za", "zb", "len_b", "in_url", "expected"), [
    (4.0, 4.0, 3, False, True),
    (2.9, 4.0, 3, False, False),  # a rare first piece
    (4.0, 5.5, 2, False, False),  # two letters make no word in prose
    (4.0, 5.5, 2, True, True),  # but a very common one does in an address ("in")
    (4.0, 4.5, 2, True, False),
])
def test_two_words(za: float, zb: float, len_b: int, in_url: bool, expected: bool) -> None:
    assert _two_words(za, zb, len_b, in_url) is expected


@pytest.mark.parametrize(("score", "frequency", "two_words"), [
    (0.0, False, False),
    (4.5, True, True),
    (6.2, True, False),  # a prefix
    (SCORE_CASE_CHANGE_LONE_CAPITAL, False, False),
    (SCORE_PRINTED, False, False),
])
def test_score_bands(score: float, frequency: bool, two_words: bool) -> None:
    assert _rests_on_frequency(score) is frequency
    assert _two_plain_words(score) is two_words


# --- _line_joins: where near a line end a join is kept ---------------------------------------

@pytest.mark.parametrize(("length", "width", "expected"), [
    (100, 0, 0),  # no width, no join
    (100, 60, 1),  # at least one
    (180, 60, 2),
    (240, 60, 3),
])
def test_join_count(length: int, width: int, expected: int) -> None:
    assert _join_count("x" * length, width) == expected


A: Candidate = (5.0, (10, 10, "-"))
B: Candidate = (7.0, (12, 12, "-"))
C: Candidate = (5.0, (14, 14, "-"))


@pytest.mark.parametrize(("best", "other", "expected"), [
    (None, None, None),
    (None, A, A),
    (A, None, A),
    (A, B, B),
    (B, A, B),
    (A, C, A),  # a tie keeps the first
])
def test_better(best: Candidate | None, other: Candidate | None, expected: Candidate | None) -> None:
    assert _better(best, other) == expected


@pytest.mark.parametrize(("score", "whole_found", "expected"), [
    (1.0, False, True),
    (-0.5, False, True),  # the best candidate near the line end, however weak
    (5.9, True, False),  # a word the document prints whole sits in the window
    (SURE_JOIN, True, True),
])
def test_keep_join(score: float, whole_found: bool, expected: bool) -> None:
    assert _keep_join(score, whole_found) is expected


@pytest.mark.parametrize(("target", "best", "expected"), [
    (60, (SURE_JOIN, (50, 50, "-")), 10),  # a sure join before its column
    (60, (SURE_JOIN, (62, 62, "-")), 0),  # after it: no shift back
    (60, (5.0, (50, 50, "-")), 0),  # not sure: no shift
])
def test_shift_after(target: int, best: Candidate, expected: int) -> None:
    assert _shift_after(target, best) == expected


@pytest.mark.parametrize(("after", "expected"), [
    ("and", "- "),  # "troop- and police-contributing"
    ("Or", "- "),
    ("y", "- "),
    ("Prince", "-"),
    ("andante", "-"),
])
def test_join_hyphen(after: str, expected: str) -> None:
    assert _join_hyphen(after) == expected


URL_LINE = "see www.un.org/en/newyork/meeting now"


@pytest.mark.parametrize(("printed", "token", "expected"), [
    (PRINTED, "newyork", True),  # another address prints "en/new-york/"
    (Printed.of("New-York"), "newyork", False),  # printed, but not after the same characters
])
def test_printed_in_other_address(printed: Printed, token: str, expected: bool) -> None:
    start = URL_LINE.index(token)
    assert _printed_in_other_address(URL_LINE, start, token, 3, printed) is expected


@pytest.mark.parametrize(("token", "i", "score", "expected"), [
    ("newyork", 3, SCORE_PRINTED, True),
    ("watchin", 5, 4.5, True),
    ("watchin", 5, 6.3, False),  # a prefix score is no plain pair of words
    ("TerPetrosyan", 3, SCORE_CASE_CHANGE, False),  # a change of case in an address is its own spelling
])
def test_plain_split_in_address(token: str, i: int, score: float, expected: bool) -> None:
    assert _plain_split_in_address(token, i, score) is expected


@pytest.mark.parametrize(("line", "token", "score", "printed", "expected"), [
    (URL_LINE, "newyork", SCORE_PRINTED, PRINTED, SCORE_PRINTED),
    (URL_LINE, "newyork", SCORE_PRINTED, Printed.of("New-York"), 0.0),
    (URL_LINE, "meeting", SCORE_CASE_CHANGE, None, 0.0),
    ("the newyork office", "newyork", SCORE_CASE_CHANGE, None, SCORE_CASE_CHANGE),  # no address
])
def test_address_score(line: str, token: str, score: float, printed: Printed | None, expected: float) -> None:
    urls = [(m.start(), m.end()) for m in re.finditer(r"www\.\S+", line)]
    start = line.index(token)
    in_url = any(a <= start < b for a, b in urls)
    assert _address_score(line, start, token, 3, score, printed, in_url, urls) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("a 10year review", True),
    ("a 10xq review", False),  # no word after the number
    ("at %27year", False),  # an escape in an address
    ("in A/79year", False),  # a symbol
    ("v1.2year", False),
    ("a 10Year review", False),  # a capital opens a name
])
def test_number_glued(line: str, expected: bool) -> None:
    pieces = list(re.finditer(r"\d+|[^\W\d_]+", line))
    wa, wb = next((a, b) for a, b in itertools.pairwise(pieces) if a.group().isdigit() and a.end() == b.start())
    assert _number_glued(line, wa, wb, "en", []) is expected


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("risk", "based", True),
    ("non", "governmental", True),
    ("10", "year", True),
    ("Risk", "based", False),  # a capital: a name's end, not a compound
    ("risk", "Based", False),
    ("the", "report", False),
    # A function word makes no compound: "as well as", "so as to", "a long way", "in affected areas".
    ("well", "as", False),
    ("so", "as", False),
    ("a", "long", False),
    ("the", "term", False),
    ("in", "affected", False),
    ("well", "known", True),
    ("long", "term", True),
])
def test_compound_space(a: str, b: str, expected: bool) -> None:
    assert _compound_space(a, b) is expected


@pytest.mark.parametrize(("a", "b", "document", "expected"), [
    # S/2025/200 prints "Union-facilitated" on its own lines, and apart only where pdftotext glued two lines.
    ("Union", "facilitated", "the European Union-facilitated dialogue. The European Union-facilitated talks. "
     "resolved through the European Union facilitated dialogue", True),
    # A verb after a name, printed apart more often than hyphenated.
    ("Union", "facilitated", "the Union-facilitated dialogue. The Union facilitated the talks. "
     "the Union facilitated the meeting", False),
    # A pair printed only inside a web address or a longer compound is no compound of the text.
    ("dans", "la", "See https://lenouvelliste.com/article/police-dans-la-zone. des Commissariats dans la zone", False),
    ("SAF", "aligned", "alliances with SAF-aligned joint forces", True),
    # A part of a longer compound counts: "Port au-Prince" at a join is "Port-au-Prince".
    ("Port", "au", "the gangs of Port-au-Prince. First Instance of Port au-Prince", True),
    ("whole", "of", "through whole-of-government approaches", True),
    ("risk", "based", "a risk based approach", False),  # never printed hyphenated: _compound_space decides
])
def test_printed_spaced(a: str, b: str, document: str, expected: bool) -> None:
    assert _printed_spaced(a, b, Printed.of(document)) is expected


@pytest.mark.parametrize(("lines", "width", "expected"), [
    # S/2025/356's annex is set wider than its body (82): its own lines are the measure.
    (["According to UNICEF, as of October 2024 over 1000 schools remain closed due to violence or being used as "
      "shelters for", "displaced families, impacting more than 400,000 children. The situation is worsened by a "
      "teacher shortage, with nearly", "30% of the staff having left the country or relocated.116"], 82, 118),
    # A short full line among them (a paragraph's end that pdftotext ran on) says the body's width holds.
    (["universities.114 In October 2024, gang violence forced the closure of nearly 3,000 schools in the West "
      "and Artibonite", "shelters for displaced people fleeing gang-controlled areas.115",
      "displaced families, impacting more than 400,000 children. The situation is worsened by a "
      "teacher shortage, with nearly", "30% of the staff"], 82, 82),
    # Four full lines or more: their median tells, though one of them ends a sentence short.
    (["universities.114 In October 2024, gang violence forced the closure of nearly 3,000 schools in the West "
      "and Artibonite", "departments, mainly affecting public and national schools for low-income children. Many "
      "schools were repurposed as", "shelters for displaced people fleeing gang-controlled areas.115",
      "According to UNICEF, as of October 2024 over 1000 schools remain closed due to violence or being used as "
      "shelters for", "displaced families, impacting more than 400,000 children. The situation is worsened by a "
      "teacher shortage, with nearly", "30% of the staff having left the country or relocated.116"], 82, 117),
    # A body paragraph with one line that pdftotext glued from two keeps the document's width.
    (["21. Representatives of the international community, including the Quint and China,",
      "expressed concerns about the closures. The European Union stated that the status of",
      "Serbia-supported structures should be resolved through the European Union facilitated dialogue and "
      "stressed that Kosovo must demonstrate its commitment and",
      "remain consistent with its obligations in the dialogue. The Special Representative of",
      "the Secretary-General"], 85, 85),
    (["a short paragraph of one line that is long, much longer than the width of the body text of it all"], 60, 60),
])
def test_paragraph_width(lines: list[str], width: int, expected: int) -> None:
    assert paragraph_width(lines, width) == expected


@pytest.mark.parametrize(("text", "a", "b", "expected"), [
    ("during the mission’s trip", "s", "trip", True),  # the first piece after an apostrophe
    ("Petite Rivière de l’Artibonite", "de", "l", True),  # a single letter before one: an elided article
    ("the Organiza tion’s budget", "Organiza", "tion", False),  # a longer piece before it ends a word
    ("peace an d security", "an", "d", False),
])
def test_beside_apostrophe(text: str, a: str, b: str, expected: bool) -> None:
    start = text.index(f"{a} {b}")
    assert _beside_apostrophe(text, start, start + len(a) + 1 + len(b), len(b)) is expected


def test_best_gap_prefers_the_higher_score() -> None:
    line = "a 10year risk based"
    pieces = list(re.finditer(r"\d+|[^\W\d_]+", line))
    best = _best_gap(line, pieces, line.index("year"), "en", [])
    assert best is not None and best[1] == (4, 4, "-")  # the glued number, not the compound space


def test_line_joins_finds_the_join_at_the_full_width() -> None:
    line = "x" * 40 + " the TerPetrosyan case " + "y" * 40
    assert _line_joins(line, line.index("Petrosyan"), "en") == [(line.index("Petrosyan"),) * 2 + ("-",)]


# --- should_join ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("a", "b", "expected"), [
    ("a", "nd", True),  # "nd" is an abbreviation, much rarer than "and"
    ("i", "ts", True),
    ("the", "re", False),  # no letter alone
    ("a", "lso", True),  # the longer piece may have three letters
    ("Februa", "ry", False),  # no letter alone: for the rule of weak pieces
])
def test_letter_split_off(a: str, b: str, expected: bool) -> None:
    from unref.text.words import zipf

    zj, za, zb = zipf((a + b).lower(), "en"), zipf(a, "en"), zipf(b, "en")
    assert _letter_split_off(a, b, zj, za, zb) is expected


# --- join_letter_pieces ----------------------------------------------------------------------------

_PIECES = re.compile(r"(?<![\w\-/@])([^\W\d_]{2,} )?((?:[^\W\d_] )+[^\W\d_])(?: ([^\W\d_]{2,}))?(?![\w\-/@])")


@pytest.mark.parametrize(("whole", "printed", "expected"), [
    ("ceasefire", Printed(), True),  # a word
    ("ceasefxre", Printed(), False),
    ("vicechairx", Printed.of("vice-chairx"), True),  # the document prints it, with its hyphen
])
def test_word_or_printed(whole: str, printed: Printed, expected: bool) -> None:
    assert _word_or_printed(whole, "en", printed) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("a ceasef i r e now", "ceasef i r e"),  # the piece before
    ("the c o m mittee met", "c o m mittee"),  # the piece after
    ("a b c", None),  # letters alone never join each other
])
def test_pieces_word(text: str, expected: str | None) -> None:
    m = next(_PIECES.finditer(text))
    span = _pieces_word(text, m, "en", Printed())
    assert (text[span[0]:span[1]] if span else None) == expected


@pytest.mark.parametrize(("text", "printed", "expected"), [
    ("ceasef i r e", Printed(), "ceasefire"),
    ("ceasef i r e", Printed.of("the cease-fire held"), "cease-fire"),
])
def test_pieces_edits(text: str, printed: Printed, expected: str) -> None:
    t = Tracked.from_source(text, 0)
    assert t.edit(_pieces_edits(text, 0, len(text), printed)).text == expected


# --- STEPS: each named and selectable ------------------------------------------------------------

def test_select_steps_keeps_the_pipeline_order() -> None:
    chosen = select_steps(["join_lines", "join_line_end_hyphens"])
    assert [name for name, _ in chosen] == ["join_line_end_hyphens", "join_lines"]
    assert select_steps("join_lines") == [("join_lines", dict(STEPS)["join_lines"])]


def test_an_unknown_step_is_refused_with_the_known_ones() -> None:
    with pytest.raises(ValueError, match="join_linez") as err:
        select_steps(["join_lines", "join_linez"])
    assert all(name in str(err.value) for name, _ in STEPS)


@pytest.mark.parametrize(("steps", "expected"), [
    (None, "Nagorno-Karabakh, the Secretary-General"),  # the default runs every step
    (("join_line_end_hyphens", "join_lines"), "Nagorno-Karabakh, the Secretary General"),
    (("join_lines",), "Nagorno- Karabakh, the Secretary General"),
    ((), "Nagorno-\nKarabakh, the Secretary General"),
])
def test_repair_runs_the_steps_named(steps: tuple[str, ...] | None, expected: str) -> None:
    t = Tracked.from_source("Nagorno-\nKarabakh, the Secretary General", 0)
    assert repair(t, Context(), steps=steps).text == expected


# --- loose_piece: which words can be a piece of a word a space split (join_split_words looks only there) -----

@pytest.mark.parametrize(("run", "lang", "expected"), [
    ("lso", "en", True),  # no word: what is left of "also"
    ("ry", "en", True),
    ("nd", "en", True),  # short and rarer than a word: "a nd"
    ("t", "en", True),  # a single letter that is no word
    ("a", "en", False),  # a word of one letter
    ("the", "en", False),
    ("resolution", "en", False),
    ("Februa", "en", True),
    ("y", "es", False),
])
def test_loose_piece(run: str, lang: str, expected: bool) -> None:
    assert loose_piece(run, lang) is expected


@pytest.mark.parametrize(("a", "b", "lang"), [
    ("Februa", "ry", "en"), ("tha", "t", "en"), ("a", "lso", "en"), ("a", "nd", "en"), ("the", "report", "en"),
    ("Re", "public", "en"), ("y", "a", "es"), ("of", "the", "en"),
])
def test_should_join_only_with_a_loose_piece_or_two_letters(a: str, b: str, lang: str) -> None:
    # The premise of join_split_words's windows: no pair joins without a loose piece, but two single letters.
    if should_join(a, b, lang):
        assert loose_piece(a, lang) or loose_piece(b, lang) or len(a) == len(b) == 1


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="abcA -\n", max_size=60), token=st.text(alphabet="abcA", min_size=1, max_size=6))
def test_prints_twice_is_a_count_of_two(text: str, token: str) -> None:
    assert Printed.of(text).prints_twice(token) is (text.count(token) >= 2)


# --- _may_restore: restore_printed_hyphens runs only where its old search would find a glued pair ---------

_MANY = " ".join(f"w{k}-x{k}" for k in range(40))  # more pairs than _FEW_GLUED: the set path is taken


@pytest.mark.parametrize("document", [
    "cease-fire and ceasefire; vis-à-vis and vis-àvis",
    _MANY.replace("w1-x1", "w1x1").replace("0", "o").replace("1", "l") + " cease-fire ceasefire vis-à-vis visàvis",
])
@pytest.mark.parametrize("paragraph", ["the ceasefire held", "ceasefires held", "no such word", "visàvis",
                                       "the CEASEFIRE", "İstanbul ceasefire"])
def test_may_restore_answers_as_the_search(document: str, paragraph: str) -> None:
    printed = Printed.of(document)
    low = paragraph.lower()
    found = printed.glued_found_re is not None and printed.glued_found_re.search(low) is not None
    # The search is the test; the intersection may only say no where the step would make no edit.
    if _may_restore(low, len(paragraph), printed) != found:
        ctx = Context(printed=printed)
        assert restore_printed_hyphens(Tracked.from_source(paragraph, 0), ctx).text == paragraph
