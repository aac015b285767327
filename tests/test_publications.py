"""unref.cite.publications: publication references from the corpus's footnotes, parsed into their fields.

Each string is a real note (or one source of a note) of ../shared/corpus: dev documents E/2025/8, S/2025/85,
S/2025/284, S/2025/303, S/2019/198, TPNW/MSP/2025/11, and the seed letter on Khojaly.
"""

from __future__ import annotations

from typing import Any

import pytest

from unref.cite.publications import (
    is_author_part,
    is_container_part,
    is_publisher,
    parse_reference,
    split_imprint,
)

REFERENCES: list[tuple[str, dict[str, Any]]] = [
    (
        (
            "Jessica A. Stanton, Violence and Restraint in Civil War: Civilian Targeting in the Shadow of "
            "International Law (New York, Cambridge University Press, 2016)."
        ),
        {
            "authors": "Jessica A. Stanton",
            "title": "Violence and Restraint in Civil War: Civilian Targeting in the Shadow of International Law",
            "place": "New York",
            "publisher": "Cambridge University Press",
            "year": "2016",
        },
    ),
    (
        (
            "Thomas de Waal, Black Garden: Armenia and Azerbaijan through Peace and War (New York University "
            "Press, 2013), pp. 182–185"
        ),
        {
            "authors": "Thomas de Waal",
            "title": "Black Garden: Armenia and Azerbaijan through Peace and War",
            "publisher": "New York University Press",
            "year": "2013",
            "pages": "pp. 182–185",
        },
    ),
    (
        (
            "Laurence Broers, Armenia and Azerbaijan: Anatomy of a Rivalry (Edinburgh University Press, 2019), p. "
            "37"
        ),
        {
            "authors": "Laurence Broers",
            "title": "Armenia and Azerbaijan: Anatomy of a Rivalry",
            "publisher": "Edinburgh University Press",
            "year": "2019",
            "pages": "p. 37",
        },
    ),
    (
        (
            "Markar Melkonian, My Brother’s Road: An American’s Fateful Journey to Armenia (London and New York, "
            "I.B. Tauris, 2005)."
        ),
        {
            "authors": "Markar Melkonian",
            "title": "My Brother’s Road: An American’s Fateful Journey to Armenia",
            "place": "London and New York",
            "publisher": "I.B. Tauris",
            "year": "2005",
        },
    ),
    (
        (
            "Fiona Maclachlan and Ian Peart, eds., Khojaly Witness of a War Crime: Armenia in the Dock (Reading, "
            "United Kingdom of Great Britain and Northern Ireland, Ithaca Press, 2014)."
        ),
        {
            "authors": "Fiona Maclachlan and Ian Peart",
            "editors": True,
            "title": "Khojaly Witness of a War Crime: Armenia in the Dock",
            "place": "Reading, United Kingdom of Great Britain and Northern Ireland",
            "publisher": "Ithaca Press",
            "year": "2014",
        },
    ),
    (
        (
            "“Report on massive violations of human rights committed in the seizure of Khojaly during the night of "
            "25 to 26 February 1992”, in Fiona Maclachlan and Ian Peart (eds.), Khojaly Witness of a War Crime: "
            "Armenia in the Dock (Ithaca Press, 2014), pp. 75–83"
        ),
        {
            "title": (
                "Report on massive violations of human rights committed in the seizure of Khojaly during the night "
                "of 25 to 26 February 1992"
            ),
            "container": "Khojaly Witness of a War Crime: Armenia in the Dock",
            "container_editors": "Fiona Maclachlan and Ian Peart",
            "publisher": "Ithaca Press",
            "year": "2014",
            "pages": "pp. 75–83",
        },
    ),
    (
        "Jirair Libaridian, “An Armenian perspective on Khojali”, 19 February 2014.",
        {
            "authors": "Jirair Libaridian",
            "title": "An Armenian perspective on Khojali",
            "year": "2014",
            "date": "19 February 2014",
        },
    ),
    (
        (
            "Stockholm International Peace Research Institute, SIPRI Yearbook 2024: Armaments, Disarmament and "
            "International Security (Oxford University Press, 2024)."
        ),
        {
            "authors": "Stockholm International Peace Research Institute",
            "title": "SIPRI Yearbook 2024: Armaments, Disarmament and International Security",
            "publisher": "Oxford University Press",
            "year": "2024",
        },
    ),
    (
        "United Nations, Treaty Series, vol. 729, No. 10485.",
        {
            "authors": "United Nations",
            "container": "Treaty Series, vol. 729, No. 10485",
        },
    ),
    (
        (
            "United Nations, Inter-agency Task Force on Financing for Development, Financing for Sustainable "
            "Development Report 2024: Financing for Development at a Crossroads (New York, 2024)."
        ),
        {
            "authors": "United Nations, Inter-agency Task Force on Financing for Development",
            "title": "Financing for Sustainable Development Report 2024: Financing for Development at a Crossroads",
            "place": "New York",
            "year": "2024",
        },
    ),
    (
        (
            "FAO, International Fund for Agricultural Development, United Nations Children’s Fund (UNICEF), World "
            "Food Programme and World Health Organization, The State of Food Security and Nutrition in the World "
            "2023 (Rome, 2023)."
        ),
        {
            "authors": (
                "FAO, International Fund for Agricultural Development, United Nations Children’s Fund (UNICEF), "
                "World Food Programme and World Health Organization"
            ),
            "title": "The State of Food Security and Nutrition in the World 2023",
            "place": "Rome",
            "year": "2023",
        },
    ),
    (
        (
            "See Office of the High Representative for the Least Developed Countries, Landlocked Developing "
            "Countries and Small Island Developing States, “Improving Access to Finance for the Least Developed "
            "Countries” (2023)."
        ),
        {
            "authors": (
                "Office of the High Representative for the Least Developed Countries, Landlocked Developing "
                "Countries and Small Island Developing States"
            ),
            "title": "Improving Access to Finance for the Least Developed Countries",
            "year": "2023",
        },
    ),
    (
        (
            "See United Nations, Department of Economic and Social Affairs, policy brief No. 155, “Accelerating "
            "middle-income countries’ progress towards sustainable development” (29 November 2023)."
        ),
        {
            "authors": "United Nations, Department of Economic and Social Affairs",
            "title": "Accelerating middle-income countries’ progress towards sustainable development",
            "container": "policy brief No. 155",
            "year": "2023",
            "date": "29 November 2023",
        },
    ),
    (
        (
            "See World Bank, “Empowering fragile States: IDA’s strategic role in conflict-affected areas and "
            "vulnerable countries” (October 2024). Available at "
            "https://thedocs.worldbank.org/en/doc/4d9f3d42dedc0bb5eb452fbf887ec0c5-0410012024/related/Empowering-Fragile-States.pdf."
        ),
        {
            "authors": "World Bank",
            "title": (
                "Empowering fragile States: IDA’s strategic role in conflict-affected areas and vulnerable "
                "countries"
            ),
            "year": "2024",
            "date": "October 2024",
            "url": "https://thedocs.worldbank.org/en/doc/4d9f3d42dedc0bb5eb452fbf887ec0c5-0410012024/related/Empowering-Fragile-States.pdf",
        },
    ),
    (
        (
            "See ECLAC, Development in Transition: Concept and Measurement Proposal for Renewed Cooperation in "
            "Latin America and the Caribbean (Santiago, 2021). Available at "
            "https://www.cepal.org/en/publications/47167-development-transition-concept-and-measurement-proposal-renewed-cooperation-latin."
        ),
        {
            "authors": "ECLAC",
            "title": (
                "Development in Transition: Concept and Measurement Proposal for Renewed Cooperation in Latin "
                "America and the Caribbean"
            ),
            "place": "Santiago",
            "year": "2021",
            "url": "https://www.cepal.org/en/publications/47167-development-transition-concept-and-measurement-proposal-renewed-cooperation-latin",
        },
    ),
    (
        (
            "See Kerry Elgar and others, “Development co-operation and the provision of global public goods”, OECD "
            "Development Co-operation Working Papers, No. 111, (Paris, OECD Publishing, May 2023). Available at "
            "https://doi.org/10.1787/aff8cba9-en."
        ),
        {
            "authors": "Kerry Elgar and others",
            "title": "Development co-operation and the provision of global public goods",
            "container": "OECD Development Co-operation Working Papers, No. 111",
            "place": "Paris",
            "publisher": "OECD Publishing",
            "year": "2023",
            "date": "May 2023",
            "url": "https://doi.org/10.1787/aff8cba9-en",
        },
    ),
    (
        (
            "See Elgar and others, “The role of development co-operation and the provision of global public goods” "
            "(OECD, 2023)."
        ),
        {
            "authors": "Elgar and others",
            "title": "The role of development co-operation and the provision of global public goods",
            "publisher": "OECD",
            "year": "2023",
        },
    ),
    (
        (
            "See Akihiko Nishio and Francisco G. Carneiro, “Balancing act: maximizing leveraging global aid for "
            "greater impact”. World Bank Blogs, (21 December 2023). Available at "
            "https://blogs.worldbank.org/en/voices/balancing-act-maximizing-leveraging-global-aid-greater-impact."
        ),
        {
            "authors": "Akihiko Nishio and Francisco G. Carneiro",
            "title": "Balancing act: maximizing leveraging global aid for greater impact",
            "container": "World Bank Blogs",
            "year": "2023",
            "date": "21 December 2023",
            "url": "https://blogs.worldbank.org/en/voices/balancing-act-maximizing-leveraging-global-aid-greater-impact",
        },
    ),
    (
        (
            "Integrated Food Security Phase Classification, “Analysis of acute food insecurity in Haiti, October "
            "2018–June 2019” (19 December 2018); available at "
            "www.ipcinfo.org/fileadmin/user_upload/ipcinfo/docs/IPC_Haiti_AFI_2018Oct2019Feb.pdf."
        ),
        {
            "authors": "Integrated Food Security Phase Classification",
            "title": "Analysis of acute food insecurity in Haiti, October 2018–June 2019",
            "year": "2018",
            "date": "19 December 2018",
            "url": "www.ipcinfo.org/fileadmin/user_upload/ipcinfo/docs/IPC_Haiti_AFI_2018Oct2019Feb.pdf",
        },
    ),
    (
        "Matthew Parish, A Free City in the Balkans 86 (2010).",
        {
            "authors": "Matthew Parish",
            "title": "A Free City in the Balkans 86",
            "year": "2010",
        },
    ),
    (
        (
            "Adis Merdzanovic, Democracy by Decree, Prospects and Limits of Imposed Consociational Democracy in "
            "Bosnia and Herzegovina (2015), 256."
        ),
        {
            "authors": "Adis Merdzanovic",
            "title": (
                "Democracy by Decree, Prospects and Limits of Imposed Consociational Democracy in Bosnia and "
                "Herzegovina"
            ),
            "year": "2015",
            "pages": "256",
        },
    ),
    (
        (
            "Tim Banning, The ‘Bonn Powers’ of the High Representative in Bosnia Herzegovina: Tracing a Legal "
            "Figment, Goettingen Journal of International Law 6 (2014) 2, 259-302, at 302."
        ),
        {
            "authors": "Tim Banning",
            "title": "The ‘Bonn Powers’ of the High Representative in Bosnia Herzegovina: Tracing a Legal Figment",
            "container": "Goettingen Journal of International Law 6 (2014) 2, 259-302",
            "year": "2014",
            "pages": "at 302",
        },
    ),
    (
        (
            "Joseph Marko, Five Years of Constitutional Jurisprudence in Bosnia and Herzegovina, European "
            "Diversity and Autonomy Papers (July 2004) at 17 and 18 (emphasis added)."
        ),
        {
            "authors": "Joseph Marko",
            "title": "Five Years of Constitutional Jurisprudence in Bosnia and Herzegovina",
            "container": "European Diversity and Autonomy Papers",
            "year": "2004",
            "date": "July 2004",
            "pages": "at 17 and 18",
        },
    ),
    (
        (
            "Alex Schwartz, International Judges on Constitutional Courts: Cautionary Evidence from Post- Conflict "
            "Bosnia, 44 Law & Social Inquiry 1, 16 (Feb. 2019) (emphasis added)."
        ),
        {
            "authors": "Alex Schwartz",
            "title": "International Judges on Constitutional Courts: Cautionary Evidence from Post- Conflict Bosnia",
            "container": "44 Law & Social Inquiry 1, 16",
            "year": "2019",
            "date": "Feb. 2019",
        },
    ),
    (
        (
            "Nedim Kulenovic, Court as a Policy-Maker?: The Role and Effects of the Constitutional Court of Bosnia "
            "and Herzegovina in Democratic Transition and Consolidation, Analitika Center for Social Research "
            "(2016) (“Analitika Study”) at 26."
        ),
        {
            "authors": "Nedim Kulenovic",
            "title": (
                "Court as a Policy-Maker?: The Role and Effects of the Constitutional Court of Bosnia and "
                "Herzegovina in Democratic Transition and Consolidation"
            ),
            "publisher": "Analitika Center for Social Research",
            "year": "2016",
            "pages": "at 26",
        },
    ),
    (
        (
            "Robert Muggah, “Haiti’s criminal markets: mapping trends in firearms and drug trafficking” (UNODC, "
            "2023), available at https://www.unodc.org/documents/data-and-analysis/toc/Haiti_assessment_UNODC.pdf."
        ),
        {
            "authors": "Robert Muggah",
            "title": "Haiti’s criminal markets: mapping trends in firearms and drug trafficking",
            "publisher": "UNODC",
            "year": "2023",
            "url": "https://www.unodc.org/documents/data-and-analysis/toc/Haiti_assessment_UNODC.pdf",
        },
    ),
    (
        (
            "Associated Press News, “Haitian migrants share harrowing stories of abuse as Dominican Republic ramps "
            "up deportations”, 11 February 2025, available at "
            "https://apnews.com/article/deportations-dominican-republic-haiti-abuses-dde6322cd255d9b41a11028863ed900e."
        ),
        {
            "title": "Haitian migrants share harrowing stories of abuse as Dominican Republic ramps up deportations",
            "container": "Associated Press News",
            "year": "2025",
            "date": "11 February 2025",
            "url": "https://apnews.com/article/deportations-dominican-republic-haiti-abuses-dde6322cd255d9b41a11028863ed900e",
        },
    ),
    (
        (
            "Sandra Pelligrini, “Pont-Sondé massacre marks a surge in Gran Grif’s deadly campaign in Artibonite”, "
            "Armed Conflict Location & Event Data, 11 October 2024"
        ),
        {
            "authors": "Sandra Pelligrini",
            "title": "Pont-Sondé massacre marks a surge in Gran Grif’s deadly campaign in Artibonite",
            "container": "Armed Conflict Location & Event Data",
            "year": "2024",
            "date": "11 October 2024",
        },
    ),
    (
        (
            "Evens Sanon and Pierre-Richard Luxama, “The death toll in a gang attack on a Haitian town rises to at "
            "least 115”, Associated Press, 9 October 2024."
        ),
        {
            "authors": "Evens Sanon and Pierre-Richard Luxama",
            "title": "The death toll in a gang attack on a Haitian town rises to at least 115",
            "container": "Associated Press",
            "year": "2024",
            "date": "9 October 2024",
        },
    ),
    (
        (
            "See United States of America, Government Accountability Office, Caribbean Firearms: Agencies Have "
            "Anti-Trafficking Efforts in Place, but State Could Better Assess Activities, GAO-25-107007 (2024)."
        ),
        {
            "authors": "United States of America, Government Accountability Office",
            "title": (
                "Caribbean Firearms: Agencies Have Anti-Trafficking Efforts in Place, but State Could Better "
                "Assess Activities"
            ),
            "container": "GAO-25-107007",
            "year": "2024",
        },
    ),
    (
        (
            "World Wildlife Crime Report 2020: Trafficking in Protected Species (United Nations publication, "
            "2020), chap. 7."
        ),
        {
            "title": "World Wildlife Crime Report 2020: Trafficking in Protected Species",
            "publisher": "United Nations publication",
            "year": "2020",
            "pages": "chap. 7",
        },
    ),
    (
        "See Adams, “Haiti doesn’t make guns. So how are gangs awash in them?” New York Times, 30 March 2025.",
        {
            "authors": "Adams",
            "title": "Haiti doesn’t make guns. So how are gangs awash in them?",
            "container": "New York Times",
            "year": "2025",
            "date": "30 March 2025",
        },
    ),
]


@pytest.mark.parametrize(("text", "fields"), REFERENCES, ids=[t[:40] for t, _ in REFERENCES])
def test_reference_fields(text: str, fields: dict[str, Any]) -> None:
    assert parse_reference(text).fields() == fields


def test_at_least_25_real_references() -> None:
    assert len(REFERENCES) >= 25


@pytest.mark.parametrize(
    ("inner", "expected"),
    [
        ("New York, Cambridge University Press, 2016", ("New York", "Cambridge University Press", "2016")),
        ("Reading, United Kingdom, Ithaca Press, 2014", ("Reading, United Kingdom", "Ithaca Press", "2014")),
        ("New York, 2024", ("New York", None, "2024")),  # a lone place: a UN publication
        ("OECD, 2023", (None, "OECD", "2023")),  # a lone publisher
        ("Ithaca Press, 2014", (None, "Ithaca Press", "2014")),
        ("Paris, OECD Publishing, May 2023", ("Paris", "OECD Publishing", "May 2023")),
        ("19 December 2018", (None, None, "19 December 2018")),
        ("United Nations publication, Sales No. E.20.XI.3, 2020", (None, "United Nations publication", "2020")),
        ("New York: Routledge, 2019", ("New York", "Routledge", "2019")),
    ],
)
def test_split_imprint(inner: str, expected: tuple[str | None, str | None, str | None]) -> None:
    assert split_imprint(inner) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Cambridge University Press", True),
        ("OECD Publishing", True),
        ("UNODC", True),
        ("World Bank", True),
        ("United Nations publication", True),
        ("New York", False),
        ("Rome", False),
        ("Santiago", False),
    ],
)
def test_is_publisher(name: str, expected: bool) -> None:
    assert is_publisher(name) is expected


@pytest.mark.parametrize(
    ("part", "expected"),
    [
        ("Jessica A. Stanton", True),
        ("Thomas de Waal", True),
        ("Kerry Elgar and others", True),
        ("Office of the High Representative for the Least Developed Countries", True),
        ("United Nations Children’s Fund (UNICEF)", True),
        ("FAO", True),
        ("Black Garden: Armenia and Azerbaijan through Peace and War", False),  # a colon: a title
        ("Democracy by Decree", False),  # "by": a title's word
        ("A Free City in the Balkans 86", False),
        ("The State of Food Security and Nutrition in the World 2023", False),
        ("Court as a Policy-Maker?: The Role", False),
    ],
)
def test_is_author_part(part: str, expected: bool) -> None:
    assert is_author_part(part) is expected


@pytest.mark.parametrize(
    ("part", "expected"),
    [
        ("Goettingen Journal of International Law 6 (2014) 2", True),
        ("European Diversity and Autonomy Papers", True),
        ("44 Law & Social Inquiry 1", True),
        ("vol. 729", True),
        ("GAO-25-107007", True),  # a report's number
        ("Analitika Center for Social Research", True),
        ("Disarmament and International Security", False),  # the rest of a subtitle
        ("Prospects and Limits of Imposed Consociational Democracy in Bosnia and Herzegovina", False),
        ("but State Could Better Assess Activities", False),
    ],
)
def test_is_container_part(part: str, expected: bool) -> None:
    assert is_container_part(part) is expected


NOT_PUBLICATIONS = [
    # Quoted words inside a clause of the note's own.
    "and, (c) an update on preparations for the orderly and practical application of the “hybrid implementation” of "
    "the framework established by resolution 2719 (2023) to AUSSOM from 1 July 2025.",
    # A place and a date say where an event was, not who published what.
    "This was also a prominent takeaway from the latest Financial Action Task Force joint expert meeting and the joint "
    "Financial Action Task Force/United Nations Office on Drugs and Crime workshop on terrorist financing through "
    "hawala and similar services (New Delhi, April 2023).",
    "Interviews with RSF members, former RSF combatants and civilians, August–October 2024.",
    "Security Council resolutions 2700 (2023) and 2752 (2024).",
    "Information shared by OHCHR on 16 December 2024.",
    "Key informant K3, interviewed on 2 November 2024.",
]


@pytest.mark.parametrize("text", NOT_PUBLICATIONS, ids=[t[:40] for t in NOT_PUBLICATIONS])
def test_not_a_publication(text: str) -> None:
    assert not parse_reference(text).is_publication()


@pytest.mark.parametrize(("text", "expected"), [(t, True) for t, _ in REFERENCES[:6]])
def test_is_publication(text: str, expected: bool) -> None:
    assert parse_reference(text).is_publication() is expected
