"""The masthead of a UN document's first page: symbols, organs, date, agenda, title.

Part of the structure stage: it reads the labelled lines of page 1 and says which
of them are masthead, and what they mean.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

from .model import Line, Metadata
from .regexes import (
    AGENDA_ITEM_RE,
    AGENDA_RE,
    DATE_RE,
    DISTR_RE,
    ORIGINAL_RE,
    SYMBOL_LINE_RE,
)

_MONTHS = {
    "en": "january february march april may june july august september october november december",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
}
MONTH_NUMBERS = {name: i for names in _MONTHS.values() for i, name in enumerate(names.split(), 1)}
MONTH_NUMBERS.update({"fevrier": 2, "aout": 8, "setiembre": 9})

LANGUAGE_NAMES = {
    "english": "en",
    "french": "fr",
    "spanish": "es",
    "russian": "ru",
    "arabic": "ar",
    "chinese": "zh",
    "anglais": "en",
    "français": "fr",
    "espagnol": "es",
    "russe": "ru",
    "arabe": "ar",
    "chinois": "zh",
    "inglés": "en",
    "francés": "fr",
    "español": "es",
    "ruso": "ru",
    "árabe": "ar",
    "английский": "en",
    "французский": "fr",
    "испанский": "es",
    "русский": "ru",
    "арабский": "ar",
    "китайский": "zh",
}

UN_LINE_RE = re.compile(
    r"^\s*(?:United Nations|UNITED|NATIONS|UNITED NATIONS|Nations Unies|NATIONS UNIES"
    r"|Naciones Unidas|NACIONES UNIDAS|Организация Объединенных Наций|[ASE])\s*$"
)
SESSION_RE = re.compile(
    r"^\s*(?:(?:[A-Z][a-z]+-)?[A-Z]?[a-z]+(?:-[a-z]+)? (?:session|year|special session|emergency special session)"
    r"|Resumed .*session|Session of \d{4}|\d{4} session|[\w\-–]+ (?:\d{1,2}[ –\-]+)?\w+ \d{4}"
    r"|(?:Quarante|Cinquante|Soixante|Trente|Vingt)[\w\-]* session|[\w\-]+ (?:período de sesiones|année|año)"
    r"|[\w\-]+ сессия|[\w\-]+ год|Item \d+ of the provisional agenda.*|Point \d+ .*|Tema \d+ .*)\s*$",
    re.I,
)
LIMITED_RE = re.compile(r"^\s*(?:GENERAL|LIMITED|RESTRICTED|General|Limited|GÉNÉRALE|GENERALE|ОБЩАЯ|Общая)\s*$")
TITLE_START_RE = re.compile(
    r"^\s*(?:Letter dated|Letters dated|Identical letters dated|Note verbale dated|Note by the|Report of"
    r"|Resolution adopted by|RESOLUTION ADOPTED BY|Decision adopted by|Provisional agenda|Draft resolution"
    r"|Lettre datée|Lettres identiques|Note verbale datée|Rapport d|Résolution adoptée|RESOLUTION ADOPTEE"
    r"|Carta de fecha|Cartas idénticas|Nota verbal de fecha|Informe d|Resolución aprobada|RESOLUCION APROBADA"
    r"|Письмо|Идентичные письма|Вербальная нота|Доклад|Резолюция, принятая)",
    re.I,
)
LETTER_START_RE = re.compile(
    r"^\s*(?:Letter dated|Letters dated|Identical letters dated|Note verbale dated|Lettre datée|Lettres identiques"
    r"|Note verbale datée|Carta de fecha|Cartas idénticas|Nota verbal de fecha|Письмо|Идентичные письма"
    r"|Вербальная нота)"
)
TITLE_END_RE = re.compile(r"(?:addressed to|adressée? (?:au|à)|dirigida al?|на имя)\s+\S.*[^,\s]$")


@cache
def _organ_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((files("unref") / "data" / "organs.json").read_text(encoding="utf-8"))
    return data


@cache
def organ_names() -> dict[str, str]:
    """Return a map from every printed organ name, and the forms running text uses (lower case), to its English name."""
    data = _organ_data()
    out: dict[str, str] = {}
    for table in (data["organs"], data["in_text"]):
        for english, names in table.items():
            for name in names:
                out[_norm(name)] = english
    return out


@cache
def principal_organ_names() -> tuple[str, ...]:
    """Return the names of the principal organs in every language and form, longest first."""
    data = _organ_data()
    names = {n for organ in data["principal"] for table in (data["organs"], data["in_text"]) for n in table[organ]}
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


def names_pattern(names: tuple[str, ...]) -> str:
    """Return a regex alternation of names, longest first, any run of spaces matching between their words."""
    return "|".join(r"\s+".join(re.escape(word) for word in name.split()) for name in names)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("'", "’")).strip().lower()


def organ_of(text: str) -> str | None:
    """Return the English organ name when the line is an organ's name, else None."""
    return organ_names().get(_norm(text))


def iso_date(match: re.Match[str]) -> str | None:
    """Return an ISO date for a DATE_RE match."""
    month = MONTH_NUMBERS.get(match.group("month").lower())
    if not month:
        return None
    day = int(re.sub(r"\D", "", match.group("day")))
    return f"{int(match.group('year')):04d}-{month:02d}-{day:02d}"


def agenda_items(text: str) -> list[str]:
    """Return item numbers from "Agenda items 32, 60 and 132" or "Item 110 (f)"."""
    return [re.sub(r"\s+", " ", m.group()).replace("( ", "(") for m in AGENDA_ITEM_RE.finditer(text)]


@dataclass
class Masthead:
    """What the masthead gives, and which lines of page 1 it took."""

    metadata: Metadata
    used: set[int] = field(default_factory=set)  # source offsets of lines that are masthead
    title_lines: list[Line] = field(default_factory=list)


# Text extractors that keep no layout join the masthead's columns: "United Nations S/RES/1445 (2002)",
# "Security Council Distr.: General".
_JOINED_UN_RE = re.compile(r"^\s*(United Nations|UNITED NATIONS|Nations Unies|NATIONS UNIES|Naciones Unidas)\s+(\S.*)$")
_JOINED_DISTR_RE = re.compile(r"^\s*(\S.*?)\s+((?:Distr\.?|Дистр\.?)\s*:?.*)$")
# A resolution printed without a masthead: "Resolution 853 (1993)" over "of 29 July 1993" and
# "The Security Council," (or "Adopted by the Security Council at its 3205th meeting").
RESOLUTION_HEAD_RE = re.compile(r"^\s*(?:Resolution|RESOLUTION)\s+(\d{1,4})\s*\((\d{4})\)\s*$")
_BY_COUNCIL_RE = re.compile(r"^\s*(?:The Security Council\b|Adopted by the Security Council\b)")


def _parts(text: str) -> list[str]:
    """Return the masthead items of a line: one, or the two that an extractor joined."""
    if (m := _JOINED_UN_RE.match(text)) and SYMBOL_LINE_RE.match(m.group(2)):
        return [m.group(1), m.group(2)]
    if (m := _JOINED_DISTR_RE.match(text)) and organ_of(m.group(1)):
        return [m.group(1), m.group(2)]
    return [text]


def read_masthead(lines: list[Line], width: int) -> Masthead:
    """Read the masthead from the body lines of page 1."""
    md = Metadata()
    result = Masthead(metadata=md)
    current_organ: str | None = None
    seen_distr = False
    last_masthead = -1
    window = lines[:60]
    title_at = None
    letter_at = next((i for i, ln in enumerate(window) if LETTER_START_RE.match(ln.text)), None)

    def take(i: int, text: str) -> bool:
        """Read one masthead item; return whether it is one."""
        nonlocal current_organ, seen_distr
        organ = organ_of(text)
        text = re.sub(r"^([A-Z]{1,6}) /(?=\S)", r"\1/", text)  # "A /79/PV.64"
        if SYMBOL_LINE_RE.match(text) and i < 25:
            for sym in re.split(r"\s*[-–]\s*(?=[A-Z]+/)", text):
                sym = re.sub(r"\s+", " ", sym.replace("*", "").strip())  # "A/79/843*": the star marks a note
                if sym not in md.symbols:
                    md.symbols.append(sym)
        elif UN_LINE_RE.match(text) and i < 12:
            pass
        elif organ:
            current_organ = organ
            if organ not in md.organs:
                md.organs.append(organ)
        elif DISTR_RE.match(text) and i < 30:
            seen_distr = True
            kind = DISTR_RE.match(text)
            md.distribution = (kind.group("kind") if kind else None) or md.distribution
        elif LIMITED_RE.match(text) and seen_distr and not md.distribution:
            md.distribution = text.title()
        elif (m := DATE_RE.search(text)) and md.date is None and len(text) < 60 and i < 40:
            md.date = iso_date(m)
            return not text[:1].islower()  # "on 30 April 1993" ends a sentence of the text: it stays there
        elif m := ORIGINAL_RE.match(text):
            md.original_language = LANGUAGE_NAMES.get(m.group("lang").lower().strip(".,"))
            seen_distr = True
        elif (m := AGENDA_RE.match(text)) and len(text) < 120:
            items = agenda_items(m.group("items"))
            organ_key = current_organ or "General Assembly"
            if items:
                md.agenda_items.setdefault(organ_key, [])
                md.agenda_items[organ_key].extend(x for x in items if x not in md.agenda_items[organ_key])
        elif SESSION_RE.match(text) and current_organ and len(text) < 60 and not text[:1].islower():
            md.sessions.setdefault(current_organ, text)
        else:
            return False
        return True

    for i, line in enumerate(window):
        text = line.text.strip()
        if not text:
            continue
        if i == letter_at or (letter_at is None and seen_distr and TITLE_START_RE.match(text)):
            title_at = i
            break
        if not md.symbols and (resolution := _resolution_head(window, i)):
            md.symbols.append(resolution)
            if "Security Council" not in md.organs:
                md.organs.append("Security Council")
            result.used.add(line.start)
            last_masthead = i
            continue
        taken = False
        for part in _parts(text):
            taken = take(i, part) or taken
        if taken:
            result.used.add(line.start)
            last_masthead = i
    if title_at is None:
        return result
    # Lines between the masthead blocks and the title are the agenda item titles.
    titles: list[str] = []
    for ln in window[last_masthead + 1 : title_at]:
        text = ln.text.strip()
        if not text:
            continue
        result.used.add(ln.start)  # a masthead line: kept as a paragraph of kind masthead
        if titles and (text[:1].islower() or titles[-1].endswith((",", " for", " of", " and", " the"))):
            titles[-1] += " " + text  # an agenda item's title wrapped over two lines
        else:
            titles.append(text)
    md.agenda_titles = titles
    result.title_lines = _title_lines(lines[title_at:], width)
    title = " ".join(ln.text.strip() for ln in result.title_lines)
    md.title = re.sub(r"\s+", " ", title).strip() or None
    return result


def _resolution_head(window: list[Line], i: int) -> str | None:
    """Return "S/RES/853 (1993)" when line i heads a Security Council resolution printed without a masthead."""
    m = RESOLUTION_HEAD_RE.match(window[i].text)
    if not m or i > 12:
        return None
    following = [ln.text for ln in window[i + 1 : i + 8] if ln.text.strip()][:4]
    if not any(_BY_COUNCIL_RE.match(text) for text in following):
        return None
    return f"S/RES/{int(m.group(1))} ({m.group(2)})"


def _title_lines(lines: list[Line], width: int) -> list[Line]:
    """Return the lines of the document title; a letter's title ends with its addressee."""
    out: list[Line] = []
    letter = bool(lines) and bool(LETTER_START_RE.match(lines[0].text))
    window = lines[:8]
    for k, line in enumerate(window):
        text = line.text.strip()
        if not text:
            if out:
                break
            continue
        if not letter and out and width and len(text) > 0.9 * width:
            break  # reports and resolutions: the title is the short lines under the heading
        out.append(line)
        joined = " ".join(ln.text.strip() for ln in out)
        if not letter or not TITLE_END_RE.search(joined) or re.search(_OPEN_END, text):
            continue
        if _SENDER_AFTER_RE.search(joined) and len(re.split(r"\b(?:par|por)\b", joined)[-1].split()) <= 2:
            continue  # "adressée au Secrétaire général par le / Représentant permanent ...": the sender follows
        after = next((ln.text.strip() for ln in window[k + 1 : k + 2]), "")
        if after and len(after.split()) <= 2 and after[:1].isupper() and (not width or len(after) < 0.5 * width):
            out.append(window[k + 1])  # "на имя Председателя Совета / Безопасности": the last word of a name
        break
    return out


# A line that cannot end a title, and a sender named after the addressee (French, Spanish order).
_OPEN_END = r"\b(?:to|of|the|and|de|la|du|des|del|par|por|le|el|by)$"
_SENDER_AFTER_RE = re.compile(r"\b(?:adressée?s? (?:au|à)|dirigidas? al?)\b.*\b(?:par|por)\b")


def title_parts(title: str | None) -> tuple[str | None, str | None]:
    """Return (sender, addressee) from a letter title "... from X addressed to Y"."""
    if not title:
        return None, None
    m = re.search(r"\bfrom (?:the )?(?P<sender>.+?) addressed to (?:the )?(?P<to>.+)$", title)
    if m:
        return m.group("sender").strip(), m.group("to").strip()
    m = re.search(r"\badressée? (?:au |à la |à l’|à )(?P<to>.+?) par (?:la |l’|le )?(?P<sender>.+)$", title)
    if m:
        return m.group("sender").strip(), m.group("to").strip()
    m = re.search(r"\b(?:de (?:la |l’|le )?|du |des )(?P<sender>(?!\d).+?) adressée? (?:au |à la |à )(?P<to>.+)$",
                  title)
    if m:
        return m.group("sender").strip(), m.group("to").strip()
    m = re.search(r"\bdirigida al? (?P<to>.+?) por (?:el |la )?(?P<sender>.+)$", title)
    if m:
        return m.group("sender").strip(), m.group("to").strip()
    return None, None
