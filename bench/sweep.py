"""A gold-free sweep: parse the whole corpus and count the signs of trouble that need no gold answer.

Every document of ../shared/corpus (dev/: each .pdf and each .pdftotext.txt; seed/; cr-unsc/) is
parsed in process by `unref.parse`, in a pool of worker processes, each file under a time limit.
The counts, by variant (pdf, text, seed, cr-unsc):

- markers without notes (a footnote_ref whose label no footnote has) and notes without markers;
  the parser makes a marker only for a note it found, so a note it missed shows instead as
  digits glued to a word ("electricity.1", "Weapons1"): a marker left in the text, a bad join, OCR;
- quotation marks left unpaired in paragraph and footnote text (“ without ”, « without »,
  „ without “/”) and paragraphs with an odd number of straight double quotes;
- quotes with no source (`attributed_to` empty);
- citations left unresolved, by kind and reason (numbers in the reason are written N);
- stray words: tokens of the repaired text (letters only, 3 letters or more, not all capitals) that
  wordfreq does not know in the document's language and that occur once in the document, in any
  case: the residue of bad joins and splits;
- fields where the PDF and the text variant of one document (X.pdf, X.pdftotext.txt) disagree;
- and, for context: files failed, paragraphs, footnotes, quotes, citations by kind.

    .venv/bin/python bench/sweep.py                          # the table of totals
    .venv/bin/python bench/sweep.py --json /tmp/now.json     # also write every count and per-file details
    .venv/bin/python bench/sweep.py --compare /work/sweep_base.json --examples 5
    .venv/bin/python bench/sweep.py --load /tmp/now.json --examples 10 --signal stray_words
    .venv/bin/python bench/sweep.py --only S_2025 --compare /work/sweep_base.json   # a subset, compared
    PYTHONPATH=/work/base/src .venv/bin/python bench/sweep.py --json /work/sweep_base.json   # the old code

--compare counts both runs over the files both parsed, then (with --examples N) lists for each
signal the N files that changed most, with the examples that appeared (+) and went (-).

It uses only `unref.parse` and the JSON of `Document.to_json()`, so it runs on older checkouts too.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Any

import regex

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus"
FORMAT = "unref.sweep/1"
GROUPS = ("pdf", "text", "seed", "cr-unsc")
LABEL_WIDTH = 64  # longer labels (reasons) are cut in the tables; --examples shows them whole
MAX_EXAMPLES_PER_FILE = 200  # examples kept per signal and file in the JSON (all but in OCR wrecks)

# The signals in the order the table shows them: (key, label). Keys that start with "cit:" or
# "unresolved:" are added by what the documents hold.
CONTEXT = [
    ("files", "files"),
    ("failed", "files failed (error or time limit)"),
    ("empty", "files with no text"),
    ("paragraphs", "paragraphs"),
    ("footnotes", "footnotes"),
    ("footnote_refs", "footnote markers"),
    ("quotes", "quotes"),
    ("citations", "citations"),
]
PROBLEMS = [
    ("markers_without_notes", "markers without notes"),
    ("notes_without_markers", "notes without markers"),
    ("glued_digits", "digits glued to a word (a marker left in?)"),
    ("unpaired_curly", "unpaired “ ” quotation marks"),
    ("unpaired_guillemets", "unpaired « » quotation marks"),
    ("unpaired_low9", "unpaired „ quotation marks"),
    ("odd_straight", "texts with an odd number of \" marks"),
    ("quotes_without_source", "quotes without source"),
    ("organ_quotes_not_quoted", "quotes by an organ: an agenda title or a list item"),
    ("map_label_headings", "headings that read as map labels"),
    ("unresolved", "citations unresolved"),
    ("stray_words", "stray words (unknown, once)"),
    ("stray_words_lower", "  of them in lower case"),
    ("stray_word_files", "files with stray words"),
]
PAIR_FIELDS = ("symbols", "date", "doc_type", "organs", "agenda_items", "title", "footnotes",
               "un_targets", "url_targets")


# ---------------------------------------------------------------------------
# Signals of one document (pure functions of its JSON record)


def snippet(text: str, at: int, width: int = 45) -> str:
    """Return the text around offset `at` on one line, with ⟦⟧ around the character there."""
    start, end = max(0, at - width), min(len(text), at + width)
    piece = text[start:at] + "⟦" + text[at : at + 1] + "⟧" + text[at + 1 : end]
    piece = regex.sub(r"\s+", " ", piece)
    return ("…" if start else "") + piece + ("…" if end < len(text) else "")


def text_units(record: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Yield (location, text) of every paragraph and footnote."""
    for p in record.get("paragraphs") or []:
        yield str(p.get("id") or ""), str(p.get("text") or "")
    for f in record.get("footnotes") or []:
        yield f"fn:{f.get('label')}", str(f.get("text") or "")


_OPEN_OF = {"”": "“„", "“": "„", "»": "«"}
_KIND_OF = {"“": "unpaired_curly", "”": "unpaired_curly", "„": "unpaired_low9", "«": "unpaired_guillemets",
            "»": "unpaired_guillemets"}


_MARKS_RE = regex.compile(r"[“”„«»]")


def unpaired_quotes(text: str) -> list[tuple[str, int]]:
    """Return (signal, offset) of each quotation mark of `text` left without its partner.

    “ opens and ” closes (English); « opens and » closes (French, Russian); „ opens and “ or ”
    closes it (German, Russian inner quotes), so a “ right after an open „ closes it. A closing
    mark pairs with the nearest open mark it can close; open marks skipped over by it are unpaired.
    An odd number of straight double quotes counts once, at the last of them.
    """
    out: list[tuple[str, int]] = []
    stack: list[tuple[str, int]] = []
    for m in _MARKS_RE.finditer(text):
        i, ch = m.start(), m[0]
        if ch == "“" and not (stack and stack[-1][0] == "„"):
            stack.append((ch, i))
            continue
        if ch in "„«":
            stack.append((ch, i))
            continue
        openers = _OPEN_OF[ch]
        k = len(stack) - 1
        while k >= 0 and stack[k][0] not in openers:
            k -= 1
        if k < 0:
            out.append((_KIND_OF[ch], i))
            continue
        out.extend((_KIND_OF[c], j) for c, j in stack[k + 1 :])
        del stack[k:]
    out.extend((_KIND_OF[c], j) for c, j in stack)
    out = [(key, at) for key, at in out if not runs_on_within(text, at)]
    if text.count('"') % 2:
        out.append(("odd_straight", text.rindex('"')))
    return sorted(out, key=lambda x: x[1])


# Where a paragraph of a quotation ends and its next one opens, inside one text (a footnote's paragraphs
# are joined into one text): "... recommendation 1: “(a) Countries ...", "... of NPOs. “(b) Countries ...".
_NEXT_PARAGRAPH_RE = regex.compile(r"[.:;]\s+$")


def runs_on_within(text: str, at: int) -> bool:
    """Return whether the open mark at `at` begins a paragraph of a quotation that runs on within `text`.

    A quotation of several paragraphs opens each of them and closes only the last (UN Editorial Manual):
    where a text holds several paragraphs, the same mark opening again after a sentence end, with no mark
    between, is the quotation's next paragraph, so the first is not unpaired.
    """
    ch = text[at]
    if ch not in "“«„":
        return False
    nxt = _MARKS_RE.search(text, at + 1)
    return nxt is not None and nxt[0] == ch and bool(_NEXT_PARAGRAPH_RE.search(text, 0, nxt.start()))


def marker_mismatches(record: dict[str, Any]) -> tuple[list[str], list[str]]:
    """Return examples of (markers without notes, notes without markers).

    A marker has its note when it is linked to one or a note bears its label; a note has its
    marker when a marker is linked to it or bears its label.
    """
    notes = record.get("footnotes") or []
    refs = record.get("footnote_refs") or []
    note_labels = {str(f.get("label")) for f in notes}
    linked = {r.get("footnote") for r in refs if r.get("footnote")}
    ref_labels = {str(r.get("label")) for r in refs}
    paragraphs = {p.get("id"): str(p.get("text") or "") for p in record.get("paragraphs") or []}
    lonely_refs = []
    for r in refs:
        if r.get("footnote") or str(r.get("label")) in note_labels:
            continue
        text = paragraphs.get(r.get("paragraph"), "")
        at = int(r.get("offset") or 0)
        lonely_refs.append(f"marker {r.get('label')} in {r.get('paragraph')}: "
                           + snippet(text, max(0, min(at, len(text) - 1))) if text else f"marker {r.get('label')}")
    lonely_notes = [f"note {f.get('label')} (p. {f.get('page')}): " + regex.sub(r"\s+", " ", str(f.get("text")))[:90]
                    for f in notes
                    if not ((f.get("id") and f.get("id") in linked) or str(f.get("label")) in ref_labels)]
    return lonely_refs, lonely_notes


WORD_RE = regex.compile(r"[\p{L}\p{M}\p{N}_]+")
LETTERS_RE = regex.compile(r"[\p{L}\p{M}]{3,}")


# Addresses are not words: their pieces are blanked (same length, so offsets hold) before counting.
ADDRESS_RE = regex.compile(r"(?:https?://|www\.|@|\.(?:org|int|gov|com|net|edu|info)\b)", regex.I)
_TOKEN_RE = regex.compile(r"\S+")


def without_addresses(text: str) -> str:
    """Return the text with every blank-delimited piece that holds a web or mail address blanked."""
    if not ADDRESS_RE.search(text):
        return text
    return _TOKEN_RE.sub(lambda m: " " * len(m[0]) if ADDRESS_RE.search(m[0]) else m[0], text)


def stray_words(record: dict[str, Any]) -> list[tuple[str, str]]:
    """Return (word, example with its context) of each stray word of a document.

    A stray word is made of letters only (3 or more, not all capitals), wordfreq gives it no
    frequency in the document's language, and it occurs once in the document in any case.
    Web and mail addresses are left out.
    """
    from unref.text.words import zipf

    lang = str(record.get("language") or "en").split("-")[0].lower()
    units = [(loc, text, without_addresses(text)) for loc, text in text_units(record)]
    counts: Counter[str] = Counter()
    candidates = []
    for loc, text, bare in units:
        for m in WORD_RE.finditer(bare):
            w = m[0]
            lower = w.lower()
            counts[lower] += 1
            if counts[lower] == 1 and len(w) >= 3 and not w.isupper():
                candidates.append((w, loc, text, m.start()))
    return [(w, f"{w!r} in {loc}: " + snippet(text, at)) for w, loc, text, at in candidates
            if counts[w.lower()] == 1 and LETTERS_RE.fullmatch(w) and zipf(w, lang) == 0]


# A number stuck to the end of a word, after at most one punctuation mark: "electricity.1",
# "Weapons1", "from16": a footnote marker left in the text (its note not found), a bad join, or
# OCR ("it8"). Not after "/" or "." (symbols: "S/2025/1", "Corr.1"), nor "Rev.1"-like abbreviations,
# nor a word of two letters ("km2", "pp.9"), nor a range ("JS13, pp.9-39").
# The number is found first (fast), then the word before it is checked.
GLUED_RE = regex.compile(r"(?<=\p{Ll}{2}[.,;:!?”’\")\]]?)\d{1,3}(?![\p{L}\p{N}]|[-–]\d)")
GLUED_WORD_RE = regex.compile(r"(?<![\p{L}\p{N}/.\-])(?!(?:Add|Corr|Rev|Suppl|Amend|Part|Vol|Sect|Chap)\.)"
                              r"\p{L}+\p{Ll}{2}[.,;:!?”’\")\]]?$")


def glued_digits(text: str) -> list[int]:
    """Return the offsets of numbers glued to the end of a word (web addresses left out)."""
    bare = without_addresses(text)
    return [m.start() for m in GLUED_RE.finditer(bare)
            if GLUED_WORD_RE.search(bare, max(0, m.start() - 80), m.start())]


# Words a map prints beside its drawing: its number, legend, scale and maker.
MAP_WORDS_RE = regex.compile(r"\b(?:Map No\.|See Legend|Legend|Cartographic Section|International boundary"
                             r"|Departmental boundary|National capital|Scale 1:)", regex.I)
# Organs whose words a quotation may be attributed to.
ORGAN_RE = regex.compile(r"\b(?:Council|Assembly|Committee|Commission|Court|Secretary-General|Secretariat)\b")
# A figure's caption or source line, which stands beside it as a heading of its own right.
CAPTION_RE = regex.compile(r"^\s*(?:(?:Figure|Map|Chart|Graph|Table|Source|Note)s?\b|[A-Z]\.\s|[IVXL]+\.\s|\d+\.\s)")
LIST_ITEM_RE = regex.compile(r"^\s*(?:\(?[a-z]{1,4}\)|\(?\d{1,3}[.)]|[•▪\-–])\s")
_NORM_RE = regex.compile(r"[\W_]+")


def map_label_headings(record: dict[str, Any]) -> list[str]:
    """Return the headings that read as a map's labels (gold-free): a heading that prints a map's own words
    (its number, legend, maker), or one set after a figure and before the next body text on the figure's
    page (a label the figure left out, a credit under the map); a caption or a numbered section's heading
    is none."""
    paras = record.get("paragraphs") or []
    out = []
    for i, p in enumerate(paras):
        if p.get("kind") != "heading":
            continue
        text = str(p.get("text") or "")
        # A figure's own title or source line, or a numbered section's heading, is no label.
        if MAP_WORDS_RE.search(text) or (not CAPTION_RE.match(text) and _after_figure(paras, i)):
            out.append(f"{p.get('id')}: {_oneline(text)[:80]}")
    return out


def _after_figure(paras: list[dict[str, Any]], i: int) -> bool:
    """Return True when the nearest paragraph before paragraph i that is no heading, on its page, is a
    figure (a heading before a figure is its title)."""
    page = paras[i].get("page")
    k = i - 1
    while k >= 0 and paras[k].get("kind") == "heading" and paras[k].get("page") == page:
        k -= 1
    return k >= 0 and paras[k].get("page") == page and paras[k].get("kind") == "figure"


def _norm(text: str) -> str:
    return _NORM_RE.sub(" ", text).strip().lower()


def organ_quotes_not_quoted(record: dict[str, Any]) -> list[str]:
    """Return quotes attributed to an organ whose text is an agenda item's title (the metadata's
    agenda_titles) or a list item (most of a paragraph of that kind, or a list label first): no quotation
    at all."""
    titles = [_norm(str(t)) for t in record.get("agenda_titles") or [] if len(_norm(str(t))) >= 12]
    kinds = {p.get("id"): (p.get("kind"), len(str(p.get("text") or ""))) for p in record.get("paragraphs") or []}
    out = []
    for q in record.get("quotes") or []:
        who, text = str(q.get("attributed_to") or ""), str(q.get("text") or "")
        if not ORGAN_RE.search(who):
            continue
        said = _norm(text)
        title = any(t in said or (len(said) >= 12 and said in t) for t in titles)
        kind, size = kinds.get(q.get("location"), (None, 0))
        # The quote is the list item itself (most of it), not a quotation inside one.
        listed = (kind == "list_item" and len(text) >= 0.8 * size) or bool(LIST_ITEM_RE.match(text))
        if title or listed:
            out.append(f"{q.get('location')}: “{_oneline(text)[:70]}” — {who} ({'title' if title else 'list item'})")
    return out


def _oneline(text: str) -> str:
    return regex.sub(r"\s+", " ", text).strip()


def _reason_key(reason: str | None) -> str:
    return regex.sub(r"\d+", "N", regex.sub(r"\s+", " ", reason or "(no reason)")).strip()


def canon_url(url: str) -> str:
    """Return a URL without scheme, www., trailing punctuation and slash; host in lower case."""
    url = url.strip().rstrip(".,;:)]>\"'")
    url = regex.sub(r"^[a-z]+://", "", url, flags=regex.I)
    url = regex.sub(r"^www\.", "", url, flags=regex.I)
    host, _, rest = url.partition("/")
    return (host.lower() + ("/" + rest if rest else "")).rstrip("/")


def pair_fields(record: dict[str, Any]) -> dict[str, Any]:
    """Return the fields compared between the PDF and the text variant of a document (JSON-able)."""
    cits = record.get("citations") or []
    agenda = record.get("agenda_items") or {}
    title = record.get("title")
    return {
        "symbols": sorted(str(s) for s in record.get("symbols") or []),
        "date": record.get("date"),
        "doc_type": record.get("doc_type"),
        "organs": sorted(str(s) for s in record.get("organs") or []),
        "agenda_items": {str(k): sorted(str(x) for x in v) for k, v in sorted(agenda.items())},
        "title": regex.sub(r"\s+", " ", title).strip() if isinstance(title, str) else title,
        "footnotes": len(record.get("footnotes") or []),
        "un_targets": sorted({str(c["target"]) for c in cits if c.get("kind") == "un_symbol" and c.get("target")}),
        "url_targets": sorted({canon_url(str(c["target"])) for c in cits
                               if c.get("kind") == "url" and c.get("target")}),
    }


def disagreements(pdf: dict[str, Any], text: dict[str, Any]) -> dict[str, str]:
    """Return {field: "pdf ≠ text" description} for the fields where two pair_fields differ."""
    out = {}
    for name in PAIR_FIELDS:
        a, b = pdf.get(name), text.get(name)
        if a == b:
            continue
        if isinstance(a, list) and isinstance(b, list):
            only_a, only_b = sorted(set(a) - set(b)), sorted(set(b) - set(a))
            out[name] = f"pdf only: {only_a[:4]}{' …' if len(only_a) > 4 else ''}; " \
                        f"text only: {only_b[:4]}{' …' if len(only_b) > 4 else ''}"
        else:
            out[name] = f"pdf: {a!r}; text: {b!r}"
    return out


def analyse(record: dict[str, Any]) -> tuple[Counter[str], dict[str, list[str]]]:
    """Return the signal counts of one parsed document and examples of each."""
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)

    def add(key: str, items: Iterable[str]) -> None:
        items = list(items)
        counts[key] += len(items)
        examples[key].extend(items[: MAX_EXAMPLES_PER_FILE - len(examples[key])])

    counts["paragraphs"] = len(record.get("paragraphs") or [])
    counts["footnotes"] = len(record.get("footnotes") or [])
    counts["footnote_refs"] = len(record.get("footnote_refs") or [])
    if not counts["paragraphs"]:
        counts["empty"] = 1
    lonely_refs, lonely_notes = marker_mismatches(record)
    add("markers_without_notes", lonely_refs)
    add("notes_without_markers", lonely_notes)
    units = list(text_units(record))
    for i, (loc, text) in enumerate(units):
        found = unpaired_quotes(text)
        # A quotation of several paragraphs opens each of them and closes only the last
        # (UN Editorial Manual): an open mark is not unpaired when the next paragraph opens with it.
        after = units[i + 1][1].lstrip() if i + 1 < len(units) and not loc.startswith("fn:") else ""
        found = [(key, at) for key, at in found if not (after[:1] in "“«„" and after[:1] == text[at])]
        for key, at in found:
            add(key, [f"{loc}: {snippet(text, at)}"])
        add("glued_digits", (f"{loc}: {snippet(text, at)}" for at in glued_digits(text)))
    quotes = record.get("quotes") or []
    counts["quotes"] = len(quotes)
    add("quotes_without_source", (f"{q.get('location')}: “{_oneline(str(q.get('text')))[:80]}”"
                                  for q in quotes if not (q.get("attributed_to") or "").strip()))
    add("organ_quotes_not_quoted", organ_quotes_not_quoted(record))
    add("map_label_headings", map_label_headings(record))
    cits = record.get("citations") or []
    counts["citations"] = len(cits)
    for c in cits:
        counts[f"cit:{c.get('kind')}"] += 1
        if c.get("resolved") is False or (c.get("reason") and not c.get("target")):
            example = f"{c.get('location')}: {c.get('text')!r} ({c.get('reason')})"
            add("unresolved", [example])
            add(f"unresolved:{c.get('kind')}: {_reason_key(c.get('reason'))}", [example])
    words = stray_words(record)
    add("stray_words", (example for _, example in words))
    # Lower-case ones are rarely names: the sharper sign of a bad join or split.
    add("stray_words_lower", (example for w, example in words if w[0].islower()))
    counts["stray_word_files"] = int(bool(words))
    return counts, {k: v for k, v in examples.items() if v}


# ---------------------------------------------------------------------------
# Running the corpus


class _TimeLimit(Exception):
    pass


def _on_alarm(signum: int, frame: object) -> None:
    raise _TimeLimit


def sweep_one(path: str, group: str, limit: float) -> dict[str, Any]:
    """Parse one file and return its entry: group, seconds, counts, examples, pair fields or error."""
    import unref

    started = time.perf_counter()
    entry: dict[str, Any] = {"group": group}
    old = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        record = unref.parse(path, allow_empty=True).to_json(spans=False)
        counts, examples = analyse(record)
        entry.update(counts=dict(counts), examples=examples, fields=pair_fields(record))
    except _TimeLimit:
        entry.update(error=f"time limit of {limit:g} s", counts={"failed": 1})
    except Exception as err:  # a file that raises is skipped and recorded
        entry.update(error=f"{type(err).__name__}: {err}"[:300], counts={"failed": 1})
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    entry["counts"]["files"] = 1
    entry["seconds"] = round(time.perf_counter() - started, 3)
    return entry


def corpus_files(root: Path, only: str | None = None) -> list[tuple[str, str]]:
    """Return (path, group) of every document of the corpus, largest first (for the pool's balance)."""
    found: list[tuple[str, str]] = []
    dev = root / "dev"
    for p in sorted(dev.glob("*.pdf")):
        found.append((str(p), "pdf"))
    for p in sorted(dev.glob("*.txt")):  # the pdftotext twins, and texts that have no PDF
        found.append((str(p), "text"))
    for p in sorted((root / "seed").glob("*.txt")):
        found.append((str(p), "seed"))
    for p in sorted((root / "cr-unsc").glob("*.txt")):
        found.append((str(p), "cr-unsc"))
    if only:
        found = [(p, g) for p, g in found if only.lower() in p.lower()]
    return sorted(found, key=lambda pg: -os.path.getsize(pg[0]))


def pair_stem(path: str) -> tuple[str, str] | None:
    """Return (stem, variant) of a dev file that has a twin: X.pdf -> (X, pdf), X.pdftotext.txt -> (X, text)."""
    name = Path(path).name
    if name.endswith(".pdftotext.txt"):
        return name[: -len(".pdftotext.txt")], "text"
    if name.endswith(".pdf"):
        return name[: -len(".pdf")], "pdf"
    return None


def run(root: Path, workers: int, limit: float, only: str | None, quiet: bool = False) -> dict[str, Any]:
    """Sweep the corpus and return the whole result (the --json document)."""
    import unref

    files = corpus_files(root, only)
    started = time.perf_counter()
    entries: dict[str, dict[str, Any]] = {}
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(sweep_one, path, group, limit): path for path, group in files}
        for done, future in enumerate(as_completed(futures), 1):
            path = futures[future]
            try:
                entry = future.result()
            except Exception as err:  # the worker itself died
                entry = {"group": dict(files)[path], "error": f"worker: {type(err).__name__}: {err}"[:300],
                         "counts": {"failed": 1, "files": 1}}
            entries[str(Path(path).relative_to(root))] = entry
            if not quiet and sys.stderr.isatty():
                print(f"\r{done}/{len(files)}", end="", file=sys.stderr, flush=True)
    if not quiet and sys.stderr.isatty():
        print(file=sys.stderr)
    return summarise(entries, {
        "format": FORMAT, "unref": str(Path(unref.__file__).resolve().parent), "corpus": str(root),
        "workers": workers, "time_limit": limit, "only": only,
        "wall_seconds": round(time.perf_counter() - started, 1),
        "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    })


def summarise(entries: dict[str, dict[str, Any]], info: dict[str, Any]) -> dict[str, Any]:
    """Return totals by group, PDF/text disagreements and the per-file entries in one document."""
    totals: dict[str, Counter[str]] = {g: Counter() for g in GROUPS}
    for entry in entries.values():
        totals.setdefault(entry["group"], Counter()).update(entry.get("counts") or {})
    twins: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for name, entry in entries.items():
        stem = pair_stem(name)
        if stem and "fields" in entry:
            twins[stem[0]][stem[1]] = entry["fields"]
    pairs: dict[str, dict[str, str]] = {}
    disagree: Counter[str] = Counter()
    for stem, both in sorted(twins.items()):
        if len(both) == 2:
            diff = disagreements(both["pdf"], both["text"])
            pairs[stem] = diff
            disagree.update(diff.keys())
    return {**info, "totals": {g: dict(sorted(c.items())) for g, c in totals.items()},
            "pairs": len(pairs), "disagreements": {f: disagree[f] for f in PAIR_FIELDS},
            "pair_details": {k: v for k, v in pairs.items() if v}, "files": dict(sorted(entries.items()))}


# ---------------------------------------------------------------------------
# Reports


def signal_rows(result: dict[str, Any]) -> list[tuple[str, str]]:
    """Return (key, label) of every signal row of a result, in table order."""
    keys = set().union(*(t.keys() for t in result["totals"].values()))
    cits = sorted(k for k in keys if k.startswith("cit:"))
    unresolved = sorted(k for k in keys if k.startswith("unresolved:"))
    rows = list(CONTEXT) + [(k, "  " + k[4:]) for k in cits] + list(PROBLEMS)
    at = rows.index(("unresolved", "citations unresolved")) + 1
    rows[at:at] = [(k, "  " + k[11:]) for k in unresolved]
    return rows


def _value(result: dict[str, Any], key: str, group: str | None) -> int:
    if key.startswith("disagree:"):
        return int(result["disagreements"].get(key[9:], 0)) if group in (None, "pairs") else 0
    if group is None:
        return sum(int(t.get(key, 0)) for t in result["totals"].values())
    return int(result["totals"].get(group, {}).get(key, 0))


def print_table(result: dict[str, Any]) -> None:
    """Print the totals: one row per signal, a column per group."""
    width = min(LABEL_WIDTH, max(40, *(len(label) for _, label in signal_rows(result))))
    print(f"{'signal':{width}} " + " ".join(f"{g:>8}" for g in GROUPS) + f" {'total':>8}")
    for key, label in signal_rows(result):
        cells = " ".join(f"{_value(result, key, g):>8}" for g in GROUPS)
        print(f"{label[:width]:{width}} {cells} {_value(result, key, None):>8}")
    print(f"\nPDF/text twins disagreeing, of {result['pairs']} pairs:")
    for name in PAIR_FIELDS:
        print(f"  {name:{width - 2}} {result['disagreements'].get(name, 0):>8}")
    failed = [(name, e["error"]) for name, e in result["files"].items() if e.get("error")]
    for name, error in failed[:20]:
        print(f"failed: {name}: {error}")
    print(f"\n{len(result['files'])} files in {result['wall_seconds']} s with {result['workers']} workers "
          f"({result['unref']})")


def _examples_of(result: dict[str, Any], key: str, n: int, files: Iterable[str] | None = None) -> list[str]:
    """Return up to n examples of a signal, taken in turn from the files that have most of it."""
    if key.startswith("disagree:"):
        field = key[9:]
        return [f"{stem}: {diff[field]}" for stem, diff in result["pair_details"].items() if field in diff][:n]
    names = list(files) if files is not None else list(result["files"])
    names.sort(key=lambda f: -int(result["files"].get(f, {}).get("counts", {}).get(key, 0)))
    lists = [(f, result["files"][f].get("examples", {}).get(key, [])) for f in names if f in result["files"]]
    lists = [(f, ex) for f, ex in lists if ex]
    out: list[str] = []
    depth = 0
    while len(out) < n and any(depth < len(ex) for _, ex in lists):
        for f, ex in lists:
            if depth < len(ex) and len(out) < n:
                out.append(f"{f}: {ex[depth]}")
        depth += 1
    return out


def print_examples(result: dict[str, Any], n: int, only_signal: str | None = None) -> None:
    """Print n examples of every problem signal (or of those whose key holds `only_signal`)."""
    keys = [k for k, _ in signal_rows(result) if k in dict(PROBLEMS) or k.startswith("unresolved:")]
    keys = [k for k in keys if k != "stray_word_files"] + [f"disagree:{f}" for f in PAIR_FIELDS]
    for key in keys:
        if only_signal and only_signal not in key:
            continue
        examples = _examples_of(result, key, n)
        if examples:
            print(f"\n== {key} ({_value(result, key, None)})")
            for line in examples:
                print("  " + line)


def parsed_in_both(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Return the files that both results hold and parsed without error."""
    return sorted(f for f in set(old["files"]) & set(new["files"])
                  if not old["files"][f].get("error") and not new["files"][f].get("error"))


def restrict(result: dict[str, Any], names: Iterable[str]) -> dict[str, Any]:
    """Return the result counted again over the given files only (twins whose two variants are there)."""
    info = {k: v for k, v in result.items()
            if k not in ("totals", "pairs", "disagreements", "pair_details", "files")}
    return summarise({f: result["files"][f] for f in names if f in result["files"]}, info)


def _unlocated(example: str) -> str:
    """Return what identifies an example across runs: a stray word itself, else the example without its location."""
    if example.startswith("'"):
        return example.split(" in ", 1)[0]
    return regex.sub(r"(?:^| in )(?:p\d+|fn:\S+): ", " ", example).strip()


def print_compare(old: dict[str, Any], new: dict[str, Any], n: int, only_signal: str | None = None) -> None:
    """Print before/after/delta of every signal by group, then the files that changed most.

    The counts are taken over the files that both runs parsed, so that a file failing in one run
    (an error, the time limit) does not pass for a change of its signals.
    """
    common = parsed_in_both(old, new)
    failed_old = sorted(f for f, e in old["files"].items() if e.get("error"))
    failed_new = sorted(f for f, e in new["files"].items() if e.get("error"))
    print(f"files: before {len(old['files'])} ({len(failed_old)} failed), after {len(new['files'])} "
          f"({len(failed_new)} failed); compared over the {len(common)} files both runs parsed")
    for f in failed_new:
        if f not in failed_old:
            print(f"  fails now: {f}: {new['files'][f]['error']}")
    for f in failed_old:
        if f not in failed_new:
            print(f"  failed before: {f}: {old['files'][f]['error']}")
    print(f"wall time {old.get('wall_seconds')} s -> {new.get('wall_seconds')} s; parse seconds summed "
          f"{sum(e.get('seconds', 0) for e in old['files'].values()):.0f} -> "
          f"{sum(e.get('seconds', 0) for e in new['files'].values()):.0f}\n")
    old, new = restrict(old, common), restrict(new, common)
    rows = {k: label for k, label in signal_rows(old) + signal_rows(new)}
    order = [k for k, _ in signal_rows(new)] + [k for k, _ in signal_rows(old) if k not in dict(signal_rows(new))]
    width = min(LABEL_WIDTH, max(40, *(len(label) for label in rows.values())))
    print(f"{'signal':{width}} {'group':>8} {'before':>8} {'after':>8} {'delta':>8}")
    for key in order + [f"disagree:{f}" for f in PAIR_FIELDS]:
        if key in ("files", "failed"):
            continue
        groups: tuple[str | None, ...] = ("pairs",) if key.startswith("disagree:") else (*GROUPS, None)
        for g in groups:
            a, b = _value(old, key, g), _value(new, key, g)
            if (a or b) and (a != b or g is None or g == "pairs"):
                label = rows.get(key, "PDF/text disagree: " + key[9:])
                print(f"{label[:width]:{width}} {g or 'total':>8} {a:>8} {b:>8} {b - a:>+8}")
    if not n:
        return
    for key in order:
        if only_signal and only_signal not in key:
            continue
        if key in dict(CONTEXT) or key.startswith("cit:") or key == "stray_word_files":
            continue
        moved = []
        for f in common:
            a = int(old["files"][f].get("counts", {}).get(key, 0))
            b = int(new["files"][f].get("counts", {}).get(key, 0))
            if a != b:
                moved.append((b - a, f))
        if not moved:
            continue
        moved.sort(key=lambda x: (-abs(x[0]), x[1]))
        up = sum(1 for d, _ in moved if d > 0)
        print(f"\n== {key}: {len(moved)} files changed ({up} up, {len(moved) - up} down); the largest changes:")
        for delta, f in moved[:n]:
            print(f"  {delta:+5} {f}")
            was = old["files"][f].get("examples", {}).get(key, [])
            now = new["files"][f].get("examples", {}).get(key, [])
            # Paragraph ids move when paragraphs do: compare the examples without their location.
            bare_was = {_unlocated(x) for x in was}
            bare_now = {_unlocated(x) for x in now}
            for x in [x for x in now if _unlocated(x) not in bare_was][:2]:
                print(f"        + {x}")
            for x in [x for x in was if _unlocated(x) not in bare_now][:2]:
                print(f"        - {x}")
    for key in PAIR_FIELDS:
        if only_signal and only_signal not in f"disagree:{key}":
            continue
        was = {s for s, d in old["pair_details"].items() if key in d}
        now = {s for s, d in new["pair_details"].items() if key in d}
        if was != now:
            print(f"\n== disagree:{key}: now agree {sorted(was - now)[:n]}; now disagree {sorted(now - was)[:n]}")
            for s in sorted(now - was)[:n]:
                print(f"    now: {s}: {new['pair_details'][s][key]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(CORPUS), help="the corpus folder (dev/, seed/, cr-unsc/)")
    ap.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--time-limit", type=float, default=120.0, help="seconds per file")
    ap.add_argument("--only", help="only the files whose path holds this substring")
    ap.add_argument("--json", help="write every count and the per-file details here")
    ap.add_argument("--load", help="read a result written by --json instead of sweeping")
    ap.add_argument("--compare", help="a result written by --json earlier: print before/after/delta")
    ap.add_argument("--examples", type=int, default=0, help="print this many examples of each signal")
    ap.add_argument("--signal", help="examples only of the signals whose key holds this")
    args = ap.parse_args(argv)

    if args.load:
        result = json.loads(Path(args.load).read_text())
    else:
        root = Path(args.corpus)
        if not root.is_dir():
            print(f"sweep: the corpus {root} is absent; nothing to do")
            return 0
        result = run(root, args.workers, args.time_limit, args.only)
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
    if args.compare:
        old = json.loads(Path(args.compare).read_text())
        print_compare(old, result, args.examples, args.signal)
    else:
        print_table(result)
        if args.examples:
            print_examples(result, args.examples, args.signal)
    return 0


if __name__ == "__main__":
    sys.exit(main())
