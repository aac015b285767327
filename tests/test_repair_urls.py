"""Hyphens that pdftotext took out of web addresses at line joins: the step on real slugs, and its decisions."""

from __future__ import annotations

from collections import Counter

import pytest

from unref.repair import (
    Context,
    Printed,
    SlugPieces,
    _address_lead,
    _address_split_score,
    _AddressRun,
    _half_known,
    _path_runs,
    _whole_slug_word,
    address_site,
    repair,
    restore_join_hyphens,
    slug_language,
    slug_word,
)
from unref.text.tracked import Tracked
from unref.text.urls import addresses


def _joined(first: str, second: str, document: str = "", width: int = 0) -> str:
    """Return the line pdftotext glued from `first` (which ended at a slug's hyphen, taken away) and `second`,
    after restore_join_hyphens with a full width of `width` (the first line's length by default)."""
    first = first.removesuffix("-")
    ctx = Context(width=width or len(first) + 2, printed=Printed.of(document + "\n" + first + second))
    text: str = restore_join_hyphens(Tracked.from_source(first + second, 0), ctx).text
    return text


JOINS = [
    # A two-letter word of the slug's language before the join: English, Spanish, French.
    ("See https://www.example.org/news/2024/05/haiti-is-", "struggling-to-cope-with-the-displacement-crisis.", "",
     "haiti-is-struggling-to-cope"),
    ("See https://www.example.org/insights/the-growing-use-of-", "crypto-assets-by-armed-groups-in-the-region.", "",
     "use-of-crypto-assets"),
    ("Véase https://www.diariolibre.com/actualidad/nacional/2025/03/06/decomisan-en-", "arsenal-de-armas-ilegales.",
     "", "decomisan-en-arsenal-de-armas"),
    ("Voir https://lenouvelliste.com/article/253100/patrouilles-de-police-dans-la-", "zone-metropolitaine-nord.", "",
     "police-dans-la-zone-metropolitaine"),
    # A short common word after the join: "watch-in", not "wat-chin".
    ("See https://example.org/post/crypto-related-trends-to-watch-", "in-2023 for the trends in 2023.", "",
     "trends-to-watch-in-2023"),
    # A word and a number: the slug's number is a piece of its own.
    ("See https://fra.europa.eu/sites/default/files/fra_uploads/fra-2022-", "antisemitism-overview-2011-2021_en.pdf",
     "", "fra-2022-antisemitism-overview"),
    # A transliteration no dictionary holds: the pieces the site's other addresses print apart decide.
    ("https://www.rubaltic.ru/news/29102022-v-latvii-razrushili-chast-memoriala-kurgan-druzhby-na-",
     "granitse-s-rossiey", "https://www.rubaltic.ru/news/3-v-latvii-snesli-pamyatnik-na-granitse-s-rossiey/",
     "druzhby-na-granitse-s-rossiey"),
]


@pytest.mark.parametrize(("first", "second", "document", "expected"), JOINS)
def test_a_slug_takes_back_its_hyphen(first: str, second: str, document: str, expected: str) -> None:
    assert expected in _joined(first, second, document)


KEPT = [
    # A word of the slug's own language stays whole, whatever the document's language: "otage" is French.
    ("See https://haiticlimat.org/ti-zangi-anguille-une-espece-vulnerable-prise-en-otage-en-", "haiti for more.",
     "prise-en-otage-en"),
    # "un" is no English word of two letters: "go-unpunished", not "go-un-punished".
    ("See https://reliefweb.int/report/haiti/haiti-israel-most-likely-let-journalists-murders-go-unpunished-cpj-",
     "2024-impunity-index", "murders-go-unpunished-cpj"),
    # Nor is "mi" a word of a transliteration: "po-mistu", not "po-mi-stu".
    ("https://dp.npu.gov.ua/news/rosiiany-zavdaly-dva-raketni-udary-po-mistu-kryvyi-rih-ta-vbyly-chotyrokh-",
     "tsyvilnykh-liudei", "udary-po-mistu-kryvyi"),
]


@pytest.mark.parametrize(("first", "second", "expected"), KEPT)
def test_a_slug_keeps_its_words(first: str, second: str, expected: str) -> None:
    assert expected in _joined(first, second)


def test_a_site_name_is_no_other_sites_compound() -> None:
    # "un-security-council-briefing" on another site says nothing of "un.org/securitycouncil/".
    document = ("See https://www.unodc.org/unodc/en/speeches/2025/220125-un-security-council-briefing.html. "
                "See https://main.un.org/securitycouncil/en/sanctions/2653/materials/summaries.")
    text = "See https://main.un.org/securitycouncil/en/sanctions/2653/materials/summaries."
    ctx = Context(width=90, printed=Printed.of(document))
    assert repair(Tracked.from_source(text, 0), ctx, steps="restore_printed_hyphens").text == text


@pytest.mark.parametrize(("address", "expected"), [
    ("https://haiticlimat.org/ti-zangi-anguille-une-espece-vulnerable-prise-en-otage-en-haiti", "fr"),
    ("https://www.unicef.org/lac/en/press-releases/number-children-haiti-recruited-by-armed-groups", "en"),
    ("https://presidencia.gob.do/noticias/presidente-abinader-declara-las-bandas-criminales-haitianas-como", "es"),
    ("https://dsns.gov.ua/news/nadzvicaini-podiyi/raketnii-udar-po-krivomu-rogu", None),
    ("https://www.un.org/", None),  # no words at all
])
def test_slug_language(address: str, expected: str | None) -> None:
    assert slug_language(address) == expected


NO_PIECES = SlugPieces(Counter(), Counter())
RUSSIAN_PIECES = SlugPieces(Counter({"v": 12, "a": 3, "na": 4, "pam": 1}), Counter({"v": 12, "pamyatnik": 2}))


@pytest.mark.parametrize(("piece", "lang", "pieces", "is_word"), [
    ("in", "en", NO_PIECES, True),
    ("un", "en", NO_PIECES, False),  # 4.6 in English: a two-letter word needs 5.5
    ("la", "fr", NO_PIECES, True),
    ("ot", "fr", NO_PIECES, False),
    ("new", "en", NO_PIECES, True),
    ("ars", "en", NO_PIECES, False),  # three letters need 4.0
    ("vinculos", "es", NO_PIECES, True),  # a long word without its accent, 2.3
    ("2023", None, NO_PIECES, True),
    ("v", None, RUSSIAN_PIECES, True),  # printed apart again and again
    ("a", None, RUSSIAN_PIECES, False),  # printed apart three times only: an ending as likely
    ("v", "en", RUSSIAN_PIECES, False),  # a slug of a known language takes no letter of the document's
    ("na", None, RUSSIAN_PIECES, True),
    ("pamyatnik", None, RUSSIAN_PIECES, True),  # a long piece printed by any site
    ("pamyatnik", None, NO_PIECES, False),
])
def test_slug_word(piece: str, lang: str | None, pieces: SlugPieces, is_word: bool) -> None:
    assert (slug_word(piece, lang, pieces) > 0) is is_word


@pytest.mark.parametrize(("low", "expected"), [("pam", 1), ("v", 12), ("pamyatnik", 2), ("na", 4)])
def test_slug_pieces_count(low: str, expected: int) -> None:
    # A short piece counts on the same site only; a long one on any.
    assert RUSSIAN_PIECES.count(low) == expected


def test_printed_slug_pieces_by_site() -> None:
    printed = Printed.of("https://www.rubaltic.ru/news/v-rige-snesli-pamyatnik/ and https://x.com.ua/pam-yatnika")
    assert printed.slug_pieces("rubaltic.ru")["pamyatnik"] == 1
    assert printed.slug_pieces("rubaltic.ru")["pam"] == 0
    assert printed.slug_pieces("x.com.ua")["pam-yatnika"] == 1  # the pairs its slugs hyphenate
    assert printed.slug_pieces("")["pam"] == 1


@pytest.mark.parametrize(("run", "i", "lang", "best"), [
    ("watchin", 5, "en", True),  # "watch|in" over "wat|chin"
    ("declarationabrogation", 11, "en", True),
    ("pereimenovanie1929163660", 14, None, False),  # the word is in no dictionary and printed nowhere
    ("antisemitism2022", 12, "en", True),
])
def test_address_split_score(run: str, i: int, lang: str | None, best: bool) -> None:
    score = _address_split_score(run, i, lang, NO_PIECES)
    others = [_address_split_score(run, k, lang, NO_PIECES) for k in range(1, len(run)) if k != i]
    assert (score > 0 and score > max(others)) is best


@pytest.mark.parametrize(("run", "lang", "document", "whole"), [
    ("otage", "fr", "", True),
    ("securitycouncil", "en", "see www.un.org/securitycouncil/ and www.un.org/securitycouncil/ctc", True),
    ("augustin", "en", "Mr. Augustin said", True),
    ("raketnogoudaru", None, "", False),
])
def test_whole_slug_word(run: str, lang: str | None, document: str, whole: bool) -> None:
    assert _whole_slug_word(run, lang, Printed.of(document + " " + run)) is whole


def test_path_runs() -> None:
    line = "See https://www.x.org/news/report-wharfj%C3%A9r%C3%A9mie/index?q=a-b#x-y"
    start = line.index("https")
    runs = [(run, slug) for _, run, slug in _path_runs(line, start, len(line))]
    # The host is no slug; a run after "%" drops its byte's two digits ("A9r" leaves too little); a query is no slug.
    assert runs == [("news", False), ("report", True), ("wharfj", True), ("mie", True), ("index", False)]


@pytest.mark.parametrize(("address", "site"), [
    ("https://www.rubaltic.ru/news/x", "rubaltic.ru"),
    ("http://iz.ru/1/2", "iz.ru"),
    ("www.UN.org", "un.org"),
])
def test_address_site(address: str, site: str) -> None:
    assert address_site(address) == site


@pytest.mark.parametrize(("text", "expected"), [
    # A slug's hyphen that a blank kept apart from the word before it.
    ("See https://presidencia.gob.do/noticias/presidente -abinader-declara-las-bandas; and more",
     "https://presidencia.gob.do/noticias/presidente-abinader-declara-las-bandas"),
    ("see www.un.org - the site", "www.un.org"),  # a dash in prose
    ("see www.un.org -a dash", "www.un.org"),  # no slug after it
])
def test_address_goes_on_after_a_blank_and_a_hyphen(text: str, expected: str) -> None:
    assert [a.address for a in addresses(text)] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    # A bracket opened right before the address closes after the piece the line end cut off.
    ("(https://www.youtube.com/playlist?list=PLo7TGs7ujfOXUwG5cYKsq7uV3pq7hKT\ned) and by publishing",
     "https://www.youtube.com/playlist?list=PLo7TGs7ujfOXUwG5cYKsq7uV3pq7hKTed"),
    # A generated identifier cut in two.
    ("Police (www.facebook.com/pnh.ht/posts/pfbid02bLavppJsk\n8p4UT8PgsdhuTsvxp2SjnSYY1fJrghcVmBNJ ).",
     "www.facebook.com/pnh.ht/posts/pfbid02bLavppJsk8p4UT8PgsdhuTsvxp2SjnSYY1fJrghcVmBNJ"),
    # Words of prose after the address: the bracket opened before other words, or none at all.
    ("(see https://www.un.org\nonly) and", "https://www.un.org"),
    ("(https://www.un.org/en\nsecond line of prose)", "https://www.un.org/en"),
    ("at https://x.org/abc\ned) and", "https://x.org/abc"),
])
def test_address_goes_on_to_its_bracket(text: str, expected: str) -> None:
    assert [a.address for a in addresses(text)] == [expected]


@pytest.mark.parametrize(("a", "b", "known", "lang", "expected"), [
    ("vandalov", "oskvernivshikh", 3.0, None, True),  # a transliteration: the site prints one apart
    ("vandalov", "oskvernivshikh", 0.0, None, False),  # neither
    ("za", "sutki", 3.0, None, False),  # a piece too short to say
    ("august", "in", 5.1, "en", False),  # a slug of a known language needs both words
    ("pamyatnik", "1895614707", 3.0, None, False),  # a number's split needs its word known
])
def test_half_known(a: str, b: str, known: float, lang: str | None, expected: bool) -> None:
    assert _half_known(a, b, known, lang) is expected


@pytest.mark.parametrize(("line", "run", "by_hyphen"), [
    ("https://x.org/a/pamyatnik1895614707.html", "pamyatnik1895614707", False),
    ("https://x.org/a/v-rige-pamyatnik1895614707.html", "pamyatnik1895614707", True),
    ("https://x.org/figure/eel-routes-from-their-spawning_fig1_370443366", "fig1", False),
    ("https://fra.europa.eu/fra_uploads/fra-2022antisemitism-overview", "2022antisemitism", True),
])
def test_a_number_splits_off_a_word_beside_a_hyphen(line: str, run: str, by_hyphen: bool) -> None:
    weigh = _AddressRun(line, run, line.index(run), "en", None, NO_PIECES)
    assert weigh.by_hyphen() is by_hyphen


def test_a_slug_takes_the_hyphen_another_sites_slug_prints() -> None:
    # In a slug (a segment that hyphenates its words), another site's "v-moldavii" is evidence enough.
    document = "https://iz.ru/1/2024-04-17/v-moldavii-otkryli-pamiatnik"
    text = "https://eadaily.com/ru/news/2024/04/17/vmoldavii-vandaly-snova-beznakazanno"
    ctx = Context(width=90, printed=Printed.of(document + "\n" + text))
    got = repair(Tracked.from_source(text, 0), ctx, steps="restore_printed_hyphens").text
    assert "/v-moldavii-vandaly" in got


def test_a_line_that_goes_on_with_an_address_reads_its_head() -> None:
    # The address opens on the line before: its site, language and slug are read from there.
    first = "programme of the Counter-Terrorism Committee, see www.un.org/securitycouncil/ctc/news/"
    second = "cted-tech-sessions-highlights-threats-and-opportunities-related-newpayment-technologies-0."
    ctx = Context(width=len(first), printed=Printed.of(first + "\n" + second))
    got = restore_join_hyphens(Tracked.from_source(first + "\n" + second, 0), ctx).text
    assert "related-new-payment-technologies" in got


@pytest.mark.parametrize(("text", "pos", "lead"), [
    ("see www.un.org/ctc/news/\ncted-tech-sessions", 25, "www.un.org/ctc/news/"),
    ("see www.un.org/ctc/news/ and\nmore words", 29, ""),
])
def test_address_lead(text: str, pos: int, lead: str) -> None:
    spans = [(a.start, a.end) for a in addresses(text)]
    assert _address_lead(text, spans, pos) == lead
