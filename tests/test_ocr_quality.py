"""read.ocr.quality: which text layers are garbage (table tests of the signals and the verdict)."""

from __future__ import annotations

import pytest

from unref.read.ocr.quality import MAX_DAMAGE, MIN_WORDS, Signals, garbage_layer, plainly_fine, signals, verdict

EN = (
    "The Security Council, recalling its previous resolutions and the statements of its President, "
    "expresses its deep concern at the continuing deterioration of the humanitarian situation and "
    "calls upon all parties to the conflict to comply with their obligations under international "
    "humanitarian law, including the protection of civilians and of humanitarian personnel, and "
    "requests the Secretary-General to report on the implementation of this resolution within "
    "ninety days (see S/2025/105 and https://www.un.org/securitycouncil/). "
)
FR = (
    "Le Conseil de sécurité, rappelant ses résolutions antérieures et les déclarations de son "
    "président, se déclare profondément préoccupé par la détérioration continue de la situation "
    "humanitaire et demande à toutes les parties au conflit de respecter les obligations que leur "
    "impose le droit international humanitaire, notamment la protection des civils et du personnel "
    "humanitaire, et prie le Secrétaire général de lui faire rapport sur l'application de la présente "
    "résolution dans un délai de quatre-vingt-dix jours. "
)
ES = (
    "El Consejo de Seguridad, recordando sus resoluciones anteriores y las declaraciones de su "
    "Presidencia, expresa su profunda preocupación por el continuo deterioro de la situación "
    "humanitaria y exhorta a todas las partes en el conflicto a que cumplan las obligaciones que les "
    "incumben en virtud del derecho internacional humanitario, incluida la protección de los civiles "
    "y del personal humanitario, y solicita al Secretario General que le informe sobre la aplicación "
    "de la presente resolución en un plazo de noventa días. "
)
RU = (
    "Совет Безопасности, ссылаясь на свои предыдущие резолюции и заявления своего Председателя, "
    "выражает глубокую обеспокоенность продолжающимся ухудшением гуманитарной ситуации и призывает "
    "все стороны в конфликте выполнять свои обязательства по международному гуманитарному праву, "
    "включая защиту гражданских лиц и гуманитарного персонала, и просит Генерального секретаря "
    "представить доклад об осуществлении настоящей резолюции в течение девяноста дней. Миростро-\n"
    "ительство и посткон\ufffeфликтное восстановление остаются важными задачами для всех сторон. "
)
AR = (
    "إن مجلس الأمن، إذ يشير إلى قراراته السابقة وإلى بيانات رئيسه، يعرب عن بالغ قلقه إزاء استمرار "
    "تدهور الحالة الإنسانية، ويهيب بجميع الأطراف في النزاع أن تمتثل لالتزاماتها بموجب القانون "
    "الدولي الإنساني، بما في ذلك حماية المدنيين والعاملين في المجال الإنساني، ويطلب إلى الأمين "
    "العام أن يقدم تقريرا عن تنفيذ هذا القرار في غضون تسعين يوما، ويقرر أن يبقي المسألة قيد نظره. "
)
ZH = (
    "安全理事会，回顾其以往各项决议和主席声明，对人道主义局势持续恶化深表关切，"
    "呼吁冲突各方遵守国际人道主义法规定的义务，包括保护平民和人道主义人员，"
    "请秘书长在九十天内报告本决议的执行情况，决定继续积极处理此案。"
)
# An old OCR layer of a 1990s typescript (the kind of damage S/23402 and S/23777 show).
OLD_OCR = (
    "Tho Socrotary-Gonoral has tho honour to transmlt horowith tho raport of tho Commlsslon, "
    "whlch was prosontod to hlm on 12 Juno 1992. Tho Commlsslon vlsltod tho aroa and mot wlth "
    "roprosontatlvos of tho partlos, who oxprossod thoir vlows on tho sltuatlon; ail&r furthor "
    "consultatlons lt roportod that tho collection axxd custody of weapons had not begun, and "
    "that tho partles wore not ln a posltlon to comply wlth tho agroomont. "
)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (EN * 3, "en"),
        (FR * 3, "fr"),
        (ES * 3, "es"),
        (RU * 3, "ru"),
        (AR * 3, "ar"),
        (ZH * 5, "zh"),
        (EN * 2 + RU, "ru"),
        (RU * 2 + EN, "en"),
        (EN * 3, None),
        ("", "en"),
        ("Page 3\n\n1.\n", "en"),
    ],
)
def test_born_digital_pages_are_fine(text: str, language: str | None) -> None:
    assert garbage_layer(text, language) is None


@pytest.mark.parametrize(
    ("text", "language", "reason"),
    [
        (OLD_OCR * 2, "en", "old OCR layer"),
        (EN + "".join(chr(0xE000 + i % 80) for i in range(200)), "en", "private-use"),
        # a broken font map: Latin text given as Greek and box-drawing letters
        ("".join(chr(0x3B1 + ord(c) % 24) if c.isalpha() else c for c in EN * 2), "en", "outside"),
        # Latin and Cyrillic letters inside one word ("Sеcurity" with a Cyrillic е)
        (EN.replace("e", "\u0435") * 2, "en", "outside"),
        # a Russian page whose font map gives Latin-1 letters
        ("Ïðåäñåäàòåëü ñîâåòà áåçîïàñíîñòè çàÿâèë î ïîääåðæêå ðåçîëþöèè " * 8, "ru", "no dictionary"),
    ],
)
def test_garbage_pages_say_why(text: str, language: str | None, reason: str) -> None:
    found = garbage_layer(text, language)
    assert found is not None and reason in found


@pytest.mark.parametrize(
    ("s", "garbage"),
    [
        (Signals(private=0.0, foreign=0.0, unknown=0.0, odd=0.0, words=300, script="en"), False),
        (Signals(private=0.0, foreign=0.0, unknown=MAX_DAMAGE + 0.01, odd=0.0, words=300, script="en"), True),
        (Signals(private=0.0, foreign=0.0, unknown=0.05, odd=0.04, words=300, script="en"), True),  # the two add up
        (
            Signals(private=0.0, foreign=0.0, unknown=0.5, odd=0.0, words=MIN_WORDS - 1, script="en"),
            False,
        ),  # too few words
        (Signals(private=0.03, foreign=0.0, unknown=0.0, odd=0.0, words=0, script="en"), True),
        (Signals(private=0.0, foreign=0.2, unknown=0.0, odd=0.0, words=0, script="en"), True),
    ],
)
def test_verdict_thresholds(s: Signals, garbage: bool) -> None:
    assert (verdict(s) is not None) is garbage


@pytest.mark.parametrize(
    ("text", "script"), [(EN, "en"), (FR, "en"), (RU, "ru"), (AR, "ar"), (ZH, "zh"), (EN + RU * 2, "ru")]
)
def test_the_page_script_judges_its_words(text: str, script: str) -> None:
    assert signals(text, None).script == script


@pytest.mark.parametrize(
    "token",
    [
        "[sic]",
        "Ireland*",
        "l'homme",
        "S/2025/105",
        "COVID-19",
        "1st",
        "US$",
        "well-being",
        "e.g.",
        "(a)",
        "«texte»",
        "%7Ctwgr%5Ed4ee",
        "Hl&id=1000644",
    ],
)
def test_editorial_tokens_are_not_odd(token: str) -> None:
    assert signals((token + " ") * 60, "en").odd == 0.0


@pytest.mark.parametrize("token", ["ail&r", "Secm6y", "c-.he", "S&lCh6", "Uvaro|de", "Secre~ary", "tho,rough"])
def test_stray_symbols_in_words_are_odd(token: str) -> None:
    assert signals((token + " ") * 60, "en").odd == 1.0


@pytest.mark.parametrize(
    ("text", "fine"),
    [
        (EN * 4, True),
        (FR * 4, True),
        (OLD_OCR * 4, False),  # unknown words and stray symbols: measured in full
        (RU * 4, False),  # another script: measured in full
        (EN * 2 + "".join(chr(0xE000 + i % 80) for i in range(200)), False),
        ("Page 3", False),  # too few words to look at
    ],
)
def test_the_quick_look(text: str, fine: bool) -> None:
    assert plainly_fine(text) is fine
