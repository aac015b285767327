"""Word frequencies from wordfreq's own tables, for the decisions repair makes, in a compact table per language.

wordfreq ships each language as a list of frequency bands: band i holds the words whose frequency,
rounded to the centibel, is 10 ** (-i / 100). Its `get_frequency_dict` turns that into a dict of every
word (33 MiB for English, 119 MiB for Russian, in each process), and importing wordfreq costs a third
of a second. Here each language is one file, built once from wordfreq's data file (never downloaded:
the data is in wordfreq's package) into the user's cache folder, and memory-mapped: every process that
parses (ingest's workers, the server's) maps the same pages, and a process that looks up a few words
reads a few pages. The Zipf value of band i is computed exactly as before, from the frequency wordfreq
gives the band, so every value is the one `get_frequency_dict` gave.

A table is an open-addressing hash table: `SLOT_BYTES`-byte slots, each 0 (empty) or one more than the
offset of a word's record in the pool; a record is the word's length in UTF-8 bytes (one byte), the
bytes, and its band (two bytes, little-endian). The hash is CRC-32, the same in every process (Python's
own `hash` of a str is not).
"""

from __future__ import annotations

import contextlib
import gzip
import math
import mmap
import os
import struct
import sys
import tempfile
from array import array
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path
from zlib import crc32

__all__ = ["SUPPORTED", "WordTable", "build_table", "is_word", "table", "table_path", "zipf"]

SUPPORTED = {"en", "fr", "es", "ru", "ar", "zh", "de", "it", "pt"}

#: The file's first bytes: the format's name and version; bump the version when the layout changes.
MAGIC = b"UNREFWT1"
#: After MAGIC: the number of slots (a power of two) and the pool's length in bytes.
HEADER = struct.Struct("<8sII")
SLOT_BYTES = 4
#: Slots per word at least: a table at most two-thirds full keeps probes short (1.5 for a hit, 3 for a miss).
SLOTS_PER_WORD = 1.5
#: The environment variable that names the folder of the built tables (default: the user's cache folder).
CACHE_ENV = "UNREF_CACHE_DIR"


def band_zipf(band: int) -> float:
    """Return the Zipf value of a word in wordfreq's band `band`, as `zipf` always computed it from the
    frequency `get_frequency_dict` gives (wordfreq's cB_to_freq(-band) is 10 ** (-band / 100))."""
    freq = 10 ** (-band / 100)
    return round(math.log10(freq) + 9, 2) if freq else 0.0


class WordTable:
    """One language's words and their bands, read from a built table (a memory map or bytes)."""

    def __init__(self, data: mmap.mmap | bytes) -> None:
        """Read the header of `data`, a table that `build_table` wrote."""
        magic, slots, pool_size = HEADER.unpack_from(data, 0)
        if magic != MAGIC or len(data) != HEADER.size + slots * SLOT_BYTES + pool_size:
            raise ValueError("not a word table of this version")
        self.data = data
        self.mask = slots - 1
        self.slots = memoryview(data)[HEADER.size:HEADER.size + slots * SLOT_BYTES].cast("I")
        self.pool_start = HEADER.size + slots * SLOT_BYTES - 1  # slot values are offsets + 1
        self.zipfs = [band_zipf(band) for band in range(1024)]

    def band(self, key: bytes) -> int:
        """Return the band of the word `key` (UTF-8), or -1 when the table does not hold it."""
        data, slots, mask, start, size = self.data, self.slots, self.mask, self.pool_start, len(key)
        i = crc32(key) & mask
        while True:
            at: int = slots[i]
            if not at:
                return -1
            at += start
            if data[at] == size and data[at + 1:at + 1 + size] == key:
                return data[at + 1 + size] | data[at + 2 + size] << 8
            i = (i + 1) & mask

    def zipf(self, word: str) -> float:
        """Return the Zipf value of `word` as it is (no case folding), 0 for a word the table does not hold."""
        band = self.band(word.encode("utf-8", "surrogatepass"))
        return self.zipfs[band] if band >= 0 else 0.0


# ---------------------------------------------------------------------------
# Building a table from wordfreq's data


def wordfreq_file(lang: str) -> Path:
    """Return wordfreq's data file of `lang`: its large list where it has one, else its small one (what
    wordfreq's wordlist "best" takes), found without importing wordfreq."""
    spec = find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise LookupError("wordfreq is not installed")
    data = Path(next(iter(spec.submodule_search_locations))) / "data"
    for size in ("large", "small"):
        if (path := data / f"{size}_{lang}.msgpack.gz").exists():
            return path
    raise LookupError(f"wordfreq has no word list for {lang!r}")


def read_bands(path: Path) -> list[list[str]]:
    """Return the bands of a wordfreq data file (cBpack: gzipped msgpack, a header then one list per band)."""
    import msgpack

    with gzip.open(path, "rb") as file:
        pack = msgpack.load(file, raw=False)
    header = pack[0]
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError(f"{path.name} is not a cBpack of version 1")
    return list(pack[1:])


def _words(bands: list[list[str]]) -> dict[bytes, int]:
    """Return each word's band, in UTF-8; a word listed twice keeps its last band, as wordfreq's dict does."""
    out: dict[bytes, int] = {}
    for band, words in enumerate(bands):
        for word in words:
            out[word.encode("utf-8", "surrogatepass")] = band
    return out


def _slot_count(words: int) -> int:
    """Return the number of slots for `words` words: a power of two, at least SLOTS_PER_WORD a word."""
    slots = 8
    while slots < words * SLOTS_PER_WORD:
        slots *= 2
    return slots


def build_table(bands: list[list[str]]) -> bytes:
    """Return the table of a language's bands (wordfreq's frequency lists), as `WordTable` reads it."""
    words = _words(bands)
    slots = array("I", bytes(SLOT_BYTES * _slot_count(len(words))))
    mask = len(slots) - 1
    pool = bytearray()
    for key, band in words.items():
        if len(key) > 255 or band > 0xFFFF:
            continue  # no such word in wordfreq's lists; a record could not hold it
        i = crc32(key) & mask
        while slots[i]:
            i = (i + 1) & mask
        slots[i] = len(pool) + 1
        pool += bytes((len(key),)) + key + band.to_bytes(2, "little")
    if slots.itemsize != SLOT_BYTES:
        raise RuntimeError("array('I') is not 4 bytes on this machine")
    return HEADER.pack(MAGIC, len(slots), len(pool)) + slots.tobytes() + bytes(pool)


# ---------------------------------------------------------------------------
# Where the tables live


def cache_dir() -> Path:
    """Return the folder of the built tables: $UNREF_CACHE_DIR, else the user's cache folder."""
    if folder := os.environ.get(CACHE_ENV):
        return Path(folder)
    if sys.platform.startswith("linux"):  # the XDG rule, as platformdirs has it, without its import (20 ms a start)
        return Path(os.environ.get("XDG_CACHE_HOME", "").strip() or Path.home() / ".cache") / "unref"
    from platformdirs import user_cache_path

    return user_cache_path("unref", appauthor=False)


def table_path(lang: str) -> Path:
    """Return where the table of `lang` is built: named by wordfreq's data file, its size and time, so
    that another wordfreq builds a new table, and by the byte order the slots are written in."""
    source = wordfreq_file(lang)
    stat = source.stat()
    name = f"words-{MAGIC[-3:].decode()}-{source.name.split('.')[0]}-{stat.st_size}-{stat.st_mtime_ns}-{sys.byteorder}"
    return cache_dir() / f"{name}.bin"


def _write(path: Path, data: bytes) -> None:
    """Write `data` at `path` whole or not at all (a temporary file renamed: parallel builders do not mix)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; the table is wordfreq's public data
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _mapped(path: Path) -> mmap.mmap | None:
    """Return the table at `path` memory-mapped, or None when there is none (or it cannot be read)."""
    try:
        with open(path, "rb") as file:
            return mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None


@cache
def table(lang: str) -> WordTable:
    """Return the table of `lang`, built on first use into the cache folder and mapped once per process;
    built in memory where the folder cannot be written."""
    path = table_path(lang)
    mapped = _mapped(path)
    if mapped is not None:
        with contextlib.suppress(ValueError):  # a truncated or foreign file: built again below
            return WordTable(mapped)
    data = build_table(read_bands(wordfreq_file(lang)))
    with contextlib.suppress(OSError):
        _write(path, data)
        mapped = _mapped(path)
        if mapped is not None:
            return WordTable(mapped)
    return WordTable(data)


# ---------------------------------------------------------------------------
# What repair asks


@lru_cache(maxsize=16_384)
def zipf(word: str, lang: str = "en") -> float:
    """Return the Zipf frequency of a word (0 for unknown, about 7 for the most common)."""
    if lang not in SUPPORTED:
        lang = "en"
    return table(lang).zipf(word.lower())


def is_word(word: str, lang: str = "en", floor: float = 3.0) -> bool:
    """Return True when the word is common enough to be a real word on its own."""
    return zipf(word, lang) >= floor
