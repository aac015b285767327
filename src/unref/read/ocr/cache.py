"""read.ocr.cache: the engine's words of a page image, kept on disk so that a page is never read twice.

The key is the hash of the page image's pixels with the engine, its version, the language and the
resolution: the same page of another copy of a file (another name, another ingest) hits the cache, and
a new engine or language misses it. The words are kept as the engine gave them, before the OCR repairs,
so that a better repair applies to cached pages too. The cache lives in the user's cache folder
(platformdirs), or in $UNREF_OCR_CACHE; UNREF_OCR_CACHE=off keeps nothing. A damaged entry is a miss.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path

from PIL import Image

from unref.read.ocr.words import OcrWord

#: The entries' format: bumped when what is kept changes (or how the engine's words are read: engine.py), so that
#: old entries miss.
FORMAT = 3  # 3: raised marks judged against the line's fitted (skewed) baseline


def cache_dir() -> Path | None:
    """Return the folder of the cache ($UNREF_OCR_CACHE, else the user's cache folder), or None when off."""
    chosen = os.environ.get("UNREF_OCR_CACHE")
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_cache_dir("unref")) / "ocr"


def page_key(image: Image.Image, engine: str, language: str, dpi: float) -> str:
    """Return the key of a page image read by `engine` in `language` at `dpi`."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{FORMAT}|{engine}|{language}|{dpi:g}|{image.mode}|{image.width}x{image.height}|".encode())
    digest.update(image.tobytes())
    return digest.hexdigest()


def _path(folder: Path, key: str) -> Path:
    return folder / key[:2] / f"{key}.json"


def load(key: str) -> list[OcrWord] | None:
    """Return the cached words of a page, or None when they are not cached (or the entry is damaged)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        rows = json.loads(_path(folder, key).read_text("utf-8"))
        return [OcrWord(str(t), float(x0), float(b), float(x1), float(tp), float(c), int(n))
                for t, x0, b, x1, tp, c, n in rows]
    except (OSError, ValueError, TypeError):
        return None


def store(key: str, words: list[OcrWord]) -> None:
    """Keep a page's words under its key; a cache that cannot be written is skipped (reading goes on)."""
    folder = cache_dir()
    if folder is None:
        return
    path = _path(folder, key)
    rows = [[w.text, round(w.left, 2), round(w.bottom, 2), round(w.right, 2), round(w.top, 2), round(w.conf, 1),
             w.line] for w in words]
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written aside and renamed: a reader in another process never sees half an entry.
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(rows, fh, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, path)
