"""Build unref's word tables (text/words.py) from wordfreq's own data, ahead of their first use.

Each table is built into the cache folder ($UNREF_CACHE_DIR, else the user's cache folder) the first
time a parse needs its language; this builds them all at once (an image, a CI cache, a server before
its first upload). Nothing is downloaded: wordfreq's data is in its package.

    python scripts/build_word_tables.py [LANG ...]
"""

from __future__ import annotations

import sys
import time

from unref.text import words


def main(langs: list[str]) -> None:
    """Build (or find) the table of each language and print where it is."""
    for lang in langs or sorted(words.SUPPORTED):
        start = time.perf_counter()
        table = words.table(lang)
        where = words.table_path(lang) if not isinstance(table.data, bytes) else "(in memory: folder not writable)"
        print(f"{lang}: {where} ({time.perf_counter() - start:.2f} s)")


if __name__ == "__main__":
    main(sys.argv[1:])
