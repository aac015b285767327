"""text.words: the compact word tables give the Zipf values wordfreq's dicts gave, built once and mapped."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from unref.text import words
from unref.text.words import WordTable, band_zipf, build_table


@pytest.mark.parametrize(("band", "expected"), [
    (0, 9.0),      # frequency 1
    (100, 8.0),
    (237, 6.63),
    (600, 3.0),
    (799, 1.01),   # the rarest band of wordfreq's large lists
])
def test_band_zipf(band: int, expected: float) -> None:
    assert band_zipf(band) == expected


@pytest.mark.parametrize("band", range(0, 800, 7))
def test_band_zipf_is_what_the_frequency_gave(band: int) -> None:
    freq = 10 ** (-band / 100)  # wordfreq's cB_to_freq(-band)
    assert band_zipf(band) == round(math.log10(freq) + 9, 2)


BANDS = [[], ["the"], [], ["of", "résolution", "резолюция"], ["twice"], ["twice", "قرار"]]


@pytest.mark.parametrize(("word", "band"), [
    ("the", 1),
    ("of", 3),
    ("résolution", 3),
    ("резолюция", 3),
    ("twice", 5),   # listed twice: the last band, as wordfreq's dict keeps
    ("قرار", 5),
    ("The", -1),    # the table does not fold case: zipf() does
    ("", -1),
    ("thee", -1),
    ("\ud800", -1),  # a lone surrogate is no word
])
def test_band_of_a_word(word: str, band: int) -> None:
    table = WordTable(build_table(BANDS))
    assert table.band(word.encode("utf-8", "surrogatepass")) == band


def test_a_full_table_finds_every_word() -> None:
    bands = [[f"w{band}x{i}" for i in range(40)] for band in range(50)]
    table = WordTable(build_table(bands))
    assert all(table.band(word.encode()) == band for band, listed in enumerate(bands) for word in listed)
    assert table.band(b"w1x40") == -1


@pytest.mark.parametrize("damage", [b"", b"UNREFWT0" + bytes(8), "truncated"])
def test_a_damaged_table_is_refused(damage: bytes | str) -> None:
    good = build_table(BANDS)
    data = good[:-3] if damage == "truncated" else damage
    with pytest.raises((ValueError, Exception)):
        WordTable(data)  # type: ignore[arg-type]


def test_the_english_table_gives_wordfreqs_values(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from wordfreq import get_frequency_dict

    monkeypatch.setenv(words.CACHE_ENV, str(tmp_path))
    words.table.cache_clear()
    try:
        table = words.table("en")
        assert words.table_path("en").exists()
        freqs = get_frequency_dict("en", wordlist="best")
        sample = list(freqs)[::97]
        assert all(table.zipf(word) == round(math.log10(freqs[word]) + 9, 2) for word in sample)
        assert table.zipf("qqqzzxj") == 0.0
    finally:
        words.table.cache_clear()


def test_a_damaged_file_is_built_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(words.CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(words, "read_bands", lambda path: BANDS)
    words.table.cache_clear()
    try:
        path = words.table_path("en")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"UNREFWT1 and nothing else")
        assert words.table("en").zipf("the") == band_zipf(1)
        assert path.read_bytes() == build_table(BANDS)
    finally:
        words.table.cache_clear()


def test_a_folder_that_cannot_be_written_builds_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(words.CACHE_ENV, str(blocker / "cache"))
    monkeypatch.setattr(words, "read_bands", lambda path: BANDS)
    words.table.cache_clear()
    try:
        table = words.table("fr")
        assert isinstance(table.data, bytes)
        assert table.zipf("résolution") == band_zipf(3)
    finally:
        words.table.cache_clear()


@pytest.mark.parametrize(("word", "lang", "expected"), [
    ("the", "en", True),
    ("The", "en", True),     # zipf folds case
    ("qqqzzxj", "en", False),
    ("the", "xx", True),     # a language wordfreq has no table for reads English
])
def test_is_word(word: str, lang: str, expected: bool) -> None:
    assert words.is_word(word, lang) is expected


@pytest.mark.parametrize(("unref_dir", "xdg", "expected"), [
    ("/tmp/tables", "/tmp/xdg", "/tmp/tables"),  # $UNREF_CACHE_DIR first
    ("", "/tmp/xdg", "/tmp/xdg/unref"),
    ("", "", "~/.cache/unref"),
])
def test_cache_dir(unref_dir: str, xdg: str, expected: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    if not sys.platform.startswith("linux"):
        pytest.skip("the XDG rule is Linux's")
    monkeypatch.setenv(words.CACHE_ENV, unref_dir)
    monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert words.cache_dir() == Path(expected).expanduser()
