"""A small grammar of quotation: quote spans, the clause that governs each, and its source.

1. Spans: quotation marks of every language (“ ” « » „ “ ‘ ’ and straight quotes), with
   their nesting; only the outermost spans are quotations, the inner ones are part of them.
2. The governing clause: the words of the sentence before the opening mark, with the text
   of earlier quotations masked so that their words are never taken for the frame.
3. Candidate sources, nearest to the quotation first: "according to X" (and "as stated by
   X", "selon X", "según X"); the subject of a reporting verb, found by walking back over
   the comma-delimited phrases before the verb (adverbials, relative clauses, pronouns); a
   possessive ("X's statement"); "you"/"your" as the document's addressee; a resolution or
   statement of a principal organ.
4. A source is kept as written ("the Special Rapporteur on ...", "the final communiqué"),
   without its article; a paragraph of a text is that text speaking ("paragraph 68 of the
   Cartagena Commitment requests" → "Cartagena Commitment").

A pronoun subject ("he stated") takes the nearest named subject in the same sentence, or
the source of the quotation before it; a phrase that names no one gives no source. A
quotation that is wrong about who said what is worse than none, so every rule prefers None.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import cast

import regex

from unref.catalogue import names_pattern, principal_organ_names
from unref.text.regexes import Keywords, lazy


def _rx(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """Return a pattern of the `regex` package compiled at its first use: 21 patterns, 0.15 s of every start
    (issue 16), most of which a text without a quotation never asks."""
    return cast("regex.Pattern[str]", lazy(pattern, flags, regex))


@cache
def _compiled(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern)


class rx:
    """regex's module functions over patterns compiled once: regex's own cache lookup costs more than the match."""

    @staticmethod
    def search(pattern: str, string: str) -> regex.Match[str] | None:
        return _compiled(pattern).search(string)

    @staticmethod
    def match(pattern: str, string: str) -> regex.Match[str] | None:
        return _compiled(pattern).match(string)

    @staticmethod
    def sub(pattern: str, repl: str, string: str) -> str:
        out: str = _compiled(pattern).sub(repl, string)  # regex's stubs say Any
        return out

    @staticmethod
    def findall(pattern: str, string: str) -> list[str]:
        out: list[str] = _compiled(pattern).findall(string)  # regex's stubs say Any
        return out

# --- 1. Spans ------------------------------------------------------------------------------

# Opening mark -> the marks that close it. „ closes with “ (German, Russian inner quotes) or ”.
_CLOSERS = {"“": "”", "«": "»", "„": "“”", "‘": "’", '"': '"', "‹": "›"}
_LEFT_CONTEXT = " \t\n([{—–-/“«„‘:"
_MARKS = frozenset("“”«»„‘’\"‹›")
_MARK_RE = _rx("[" + regex.escape("".join(sorted(_MARKS))) + "]")  # visit the marks only, not every letter
# Outside a quotation only an opening mark matters: the closing marks and apostrophes there ("Council’s") are passed.
_OPENING_RE = _rx("[" + regex.escape("".join(sorted(_CLOSERS))) + "]")


@dataclass(frozen=True, slots=True)
class Span:
    """A quotation: its text is text[start:end]; the marks stand at start - 1 and end."""

    start: int
    end: int
    mark: str


def quote_spans(text: str) -> list[Span]:
    """Return the outermost quotation spans of text, in order; unclosed marks give none."""
    spans: list[Span] = []
    stack: list[str] = []
    begin = 0
    n = len(text)
    m = _OPENING_RE.search(text)
    while m is not None:
        i, c = m.start(), m.group()
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if stack and c in _CLOSERS[stack[-1]] and not (c == "’" and nxt.isalpha()):
            # ’ inside a word is an apostrophe ("Ter-Petrosyan’s"), not a closing mark.
            stack.pop()
            if not stack:
                spans.append(Span(begin + 1, i, text[begin]))
        elif c in _CLOSERS and not (c in "‘\"" and (prev not in _LEFT_CONTEXT or nxt.isspace())):
            # (a straight quote or ‘ opens only after a space or a bracket)
            if not stack:
                begin = i
            stack.append(c)
        m = (_MARK_RE if stack else _OPENING_RE).search(text, i + 1)
    return spans


def mask(text: str, spans: list[Span]) -> str:
    """Return text with the words of each quotation blanked out (offsets kept)."""
    if not spans:
        return text
    parts = []
    last = 0
    for s in spans:
        parts.append(text[last : s.start])
        # A full stop that ends the quotation ends the sentence too: keep it.
        end = s.end - 1 if s.end > s.start and text[s.end - 1] in ".!?" else s.end
        parts.append(" " * (end - s.start))
        last = end
    parts.append(text[last:])
    return "".join(parts)


# A sentence ends at . ! ? or ; before a capital (or an opening mark), unless the full stop
# closes an abbreviation or an initial ("Mr.", "para.", "J.").
_ABBREV = (r"(?<!\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Nos|para|paras|art|Art|arts|vol|Vol|p|pp|e\.g|i\.e|cf|Gen|Lt|Col|Maj"
           r"|Capt|Sgt|Amb|Jr|Sr|Rev|Co|Inc|Ltd|Corp|a\.i|H\.E|U\.S|U\.K|Nr|Mme|Mlle|Sra|Sr|Dña|Gov|Sen|Rep|[A-Z]))")
_SENTENCE_END_RE = _rx(rf"{_ABBREV}[.!?;](?:[”\"’»)\]]|\d{{1,3}})?\s+(?=[\p{{Lu}}“\"«„(\[\d])")


def sentence_start(masked: str, pos: int) -> int:
    """Return where the sentence holding `pos` starts in (masked) paragraph text.

    The paragraph's sentence ends are found once, not scanned from its start for each quote (quadratic
    in a long paragraph). A sentence end counts when the mark after it lies before `pos`, as when the
    text was cut at `pos`: a cut can only fail a match there, and no other can start inside one.
    """
    ends = _sentence_ends(masked)
    k = bisect_left(ends, pos)
    return ends[k - 1] if k else 0


@lru_cache(maxsize=4)
def _sentence_ends(masked: str) -> list[int]:
    """Return where each sentence after the first starts in (masked) paragraph text, in order."""
    return [m.end() for m in _SENTENCE_END_RE.finditer(masked)]


# --- 2. Frames: reporting verbs and the words around them -----------------------------------

# Verbs that report what someone said or wrote, or what a text says (English, French, Spanish,
# Russian). Case-sensitive: "States" is a noun, "states" a verb.
REPORTING_VERBS = (
    r"(?:not(?:ed|es)|stat(?:ed|es)|sa(?:id|ys)|observ(?:ed|es)|declar(?:ed|es)|respond(?:ed|s)|affirm(?:ed|s)"
    r"|reaffirm(?:ed|s)|emphasi[sz](?:ed|es)|stress(?:ed|es)|admit(?:ted|s)|wr(?:ote|ites)|recall(?:ed|s)"
    r"|underlin(?:ed|es)|call(?:ed|s) (?:on|upon|for)|urg(?:ed|es)|express(?:ed|es)|found|conclud(?:ed|es)|written"
    r"|boast(?:ed|s)|provid(?:ed|es)(?=\s+that|\s*[,:])"
    r"|report(?:ed|s)|warn(?:ed|s)|announc(?:ed|es)|acknowledg(?:ed|es)|confirm(?:ed|s)|add(?:ed|s)|explain(?:ed|s)"
    r"|claim(?:ed|s)|insist(?:ed|s)|reiterat(?:ed|es)|request(?:ed|s)|decid(?:ed|es)|encourag(?:ed|es)"
    r"|recommend(?:ed|s)|pointed out|points out|made(?: it)? clear|makes(?: it)? clear|includ(?:ed|es)"
    # "held" reports a finding only before what was held ("the Court held that"), not "held a hearing".
    r"|indicat(?:ed|es)|describ(?:ed|es)|consider(?:ed|s)|held(?=\s+that|\s*[,:])|ruled|assert(?:ed|s)|proclaim(?:ed|s)"
    r"|demand(?:ed|s)|suggest(?:ed|s)|dismiss(?:ed|es)|underscor(?:ed|es)|highlight(?:ed|s)|threaten(?:ed|s)"
    r"|remark(?:ed|s)|argu(?:ed|es)|told|tweet(?:ed|s)|posted|condemn(?:ed|s)|denounc(?:ed|es)|welcom(?:ed|es)"
    r"|pledg(?:ed|es)|vow(?:ed|s)|promis(?:ed|es)|accus(?:ed|es)|characteri[sz](?:ed|es)|recogni[sz](?:ed|es)"
    r"|stipulat(?:ed|es)|reads|read as follows|invit(?:ed|es)|ask(?:ed|s)|appeal(?:ed|s)"
    r"|agre(?:ed|es)|reject(?:ed|s)|deplor(?:ed|es)|recorded|quot(?:ed|es)|cit(?:ed|es)|specifi(?:ed|es)"
    r"|referr(?:ed) to|refers to|labell?(?:ed|s)|term(?:ed|s)|spoke of|speaks of|mention(?:ed|s)"
    # Verbs that take the hearer first ("informed UNAMA in writing that"), and verbs of finding.
    r"|inform(?:ed|s)|advis(?:ed|es)|assur(?:ed|es)|reminded|determin(?:ed|es)|contend(?:ed|s)|lament(?:ed|s)"
    r"|complain(?:ed|s)|alleg(?:ed|es)|maintain(?:ed|s)(?=\s+that)|opin(?:ed|es)|retort(?:ed|s)|repl(?:ied|ies)"
    # Naming something in one's own words: "the representative of Japan called it “a waste of …”".
    r"|call(?:ed|s)(?=\s+(?:the|this|that|these|those|it|them|him|her|his|its|their)\b)|brand(?:ed|s)"
    # A body that gives a mandate in its own words: "the Council of the European Union mandated EULEX to “…”".
    r"|mandat(?:ed|es)|authori[sz](?:ed|es)|instruct(?:ed|s)"
    # A text issued in one's own words: "the members of the Security Council issued a unanimous statement calling for".
    r"|issu(?:ed|es) an? (?:\p{Ll}+ )?(?:statement|declaration|communiqué|press release)"
    r"|a (?:dit|déclaré|souligné|affirmé|indiqué|rappelé|noté|estimé|précisé|ajouté)|dispose|prévoit|stipule"
    r"|énonce|affirme|déclare|souligne|indique|précise|dispone|establece|estipula|afirma|declara|señala"
    r"|pose(?=,|\s+que)|a fait valoir|a (?:estimé|observé|reconnu|insisté)"
    r"|ha (?:señalado|declarado|afirmado|indicado|subrayado|destacado|expresado|manifestado|reiterado)"
    r"|гласит|предусматривает|говорится"
    r"|(?:dijo|declaró|señaló|afirmó|subrayó|indicó|destacó|expresó|reiteró|recordó|añadió|manifestó|exhortó)"
    r"|(?:заявил|отметил|подчеркнул|указал|сказал|призвал|заявила|отметила|подчеркнула|указала|сказала"
    r"|заявили|отметили|подчеркнули|указали|признал|признала|признали))"
)
# A word after a determiner or a preposition is a noun ("its rules", "the requests of"), not a verb.
_VERB_RE = _rx(
    rf"(?<![\w’'-])(?<!\b(?:the|its|their|his|her|these|those|such|of|with|our|my|your|any|all|new|many|several"
    rf"|recent|previous|earlier|latest|whose|in|on|for|to|by|from)\s){REPORTING_VERBS}(?![\w’'-])")
_PASSIVE_BEFORE_RE = _rx(r"\b(?:is|was|were|are|been|be|being)\s+(?:\w+ly\s+)?$")

# Words that may stand between a subject and its verb, or before the verb after a comma.
_FILLER = (r"(?:has|have|had|also|further|then|thus|in particular|particularly|clearly|explicitly|itself|himself"
           r"|herself|themselves|once|repeatedly|rightly|specifically|publicly|again|later|subsequently|recently|explicitly"
           r"|confidently|pathetically|bluntly|plainly|directly|personally|jointly|separately|loudly"
           r"|already|previously|formally|officially|strongly|firmly|duly|notably|reportedly|allegedly|openly"
           r"|expressly|unequivocally|categorically|emphatically|correctly|simply|even|never|not|would|will"
           r"|could|should|may|might|can|must|did|does|do|only|in turn|inter alia|in addition|moreover"
           r"|furthermore|subsequently|similarly|likewise|therein|therefore|accordingly|once again|indeed"
           r"|a|an|now|aussi|également|désormais|notamment|en outre|par ailleurs|también|además|asimismo|также"
           r"|on \d{1,2}(?: \p{L}+)?(?: \d{4})?|in \d{4})")
# "The Israel Defense Forces were reported to have stated": the report is hearsay, the subject still speaks.
_HEARSAY = r"(?:is|are|was|were)\s+(?:reported|said|understood|believed|known|quoted)\s+(?:to|as)(?:\s+having|\s+have)?"
# The spaces are taken whole (possessive: each piece after them opens on a letter or a mark, never on a space), and a
# match starts where a run of spaces does: a quotation masked as hundreds of spaces was tried at each of its spaces
# with each length of the run, 30 ms for one phrase (issue 16). The same matches, since one that starts inside a run
# starts at the run's first space as well, and that start comes first.
_TRAILING_FILLER_RE = _rx(rf"(?<!\s)(?:\s++{_FILLER}|\s++{_HEARSAY}|\s*+[,–—-])+\s*+$")

# A name: capitalised words and the small words that join them ("Office for the Coordination
# of Humanitarian Affairs", "Permanent Representative of X to the United Nations").
# French titles keep their adjective in lower case: "Secrétaire général", "Directrice générale".
# French names keep their adjectives in lower case after the noun: "Banque mondiale", "Constitution italienne",
# "Union européenne" (endings no English word of a name has).
_CAP = (r"(?:Chargée? d[’']affaires(?:\s+a\.\s?i\.)?|\p{Lu}[\w’'\-/.]*(?:\s+généra(?:l|le|ux|les)\b|\s+adjointe?\b"
        r"|\s+\p{Ll}+(?:iale|onale|ienne|éenne|aise)s?\b)?"
        r"|[A-Z]\d+)")
_JOIN = (r"(?:\s+(?:of the|for the|on the|to the|and the|in the|on a|of a|for a|to a|of|for|on|to|in|at|and"
         r"|de la|de los|de las|de l’|del|de|des|du|d’|la|y|et|a)\s+|\s+|-)")
_NAME = rf"{_CAP}(?:{_JOIN}{_CAP})*(?:\s*\([^()]{{1,40}}\))?"
# Lower-case heads that name a speaker or a text, kept as written: "the representative of
# China", "the final communiqué", "the Syrian authorities".
_HEADS = (r"(?:representatives?|delegations?|members|heads?|chief|deputy|mayor|governor|judges?|journalists?"
          r"|spokes(?:person|man|woman)|authorities|government|secretariat"
          r"|leaders?|participants|experts?|panel|court|committee|commission|mission|ministry|ministers?"
          r"|communiqué|communique|statement|declaration|resolution|decision|report|letter|communication"
          r"|note(?: verbale)?|press release|agreement|commitment|document|text|order|judgment|judgement|ruling"
          r"|opinion|advisory opinion|conclusions|findings|recommendations?|outcome document|summary|study"
          r"|survey|review|assessment|analysis|guidelines|principles|speech|address|remarks|message|interview"
          r"|announcement|decree|edict|law|constitution|charter|convention|treaty|protocol|preamble|provisions?"
          r"|article|paragraph|section|chapter|plan|programme|program|pact|strategy|position paper|paper"
          r"|submission|complaint|petition|appeal|source|sources|witness(?:es)?|author|authors|organizers|officials?|parties"
          r"|organization|organisation|group|prosecutor|president|minister|secretary|director|ambassador"
          r"|chair(?:person|man|woman)?|envoy|commissioner|rapporteur|council|assembly|board|office|police"
          r"|army|military|forces|administration)")
_DET = (r"(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Yy]our|[Mm]y|[Oo]ur|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Ee]ach"
        r"|[Bb]oth)")
_MODS = (r"(?:(?:then|then-|former|late|current|final|joint|latest|present|same|new|caretaker|outgoing|interim"
         r"|acting|so-called|self-proclaimed|de facto|above-mentioned|aforementioned|recent|last|previous|first"
         r"|second|third|annual|official|ministerial|presidential|public|written|oral|national|local|relevant"
         r"|independent|international|special|permanent|federal|regional|military|opening|closing|keynote"
         r"|inaugural|televised|separate|detailed|general|full|whole|entire|said)\s+)")
_POSS = r"(?:’s|'s|’|')"
_NAMES = rf"{_NAME}(?:,\s+(?:the\s+)?{_NAME})*"  # "France, Germany and the United Kingdom"
# Adjectives before a head, known by their ending: "local municipal authorities", "the judicial authorities".
_ADJ = r"(?:\p{Ll}+(?:al|ial|an|ese|ic|ary|ive)\s+)"
# Persons named together by their titles: "Mr. Aoun, Mr. Berri and Mr. Salam issued a joint statement".
_TITLE = r"(?:Mr|Mrs|Ms|Dr)\.?\s+"
_PERSONS = rf"{_TITLE}{_CAP}(?:,\s+{_TITLE}{_CAP})*,?\s+and\s+{_TITLE}{_CAP}"
_NP = (rf"(?:{_PERSONS}|(?:{_DET}\s+)?{_MODS}*(?:{_NAME}{_POSS}?\s+)?{_MODS}*{_ADJ}{{0,2}}{_HEADS}"
       # "the heads of United Nations agencies": the bodies of a name, in lower case.
       rf"(?:\s+(?:of|for|on|to)\s+(?:the\s+)?{_NAMES}(?:\s+(?:agencies|entities|system|funds and programmes)\b)?)?"
       rf"(?:\s*\([^()]{{1,40}}\))?"
       rf"|(?:{_DET}\s+)?{_MODS}*{_NAME}(?:\s+(?:of|for|on|to)\s+(?:the\s+)?{_NAME})?)")
# "paragraph 68 of the Cartagena Commitment", "article 3 of the Convention": a text speaking.
_PROVISION = (rf"(?:{_DET}\s+|[Ll][’']|[Ee]l\s+|[Ll]e\s+)?(?:[Pp]aragraphs?|[Aa]nnex(?:es)?|[Aa]rticles?|[Aa]rts?\."
              rf"|[Aa]rtículo|[Ss]ections?"
              rf"|[Pp]rinciples?|[Cc]hapter|[Pp]árrafo|[Сс]татья)\s+[\w.()]+(?:\s*(?:and|et|y|,)\s*[\w.()]+)*"
              rf"\s+(?:of|de la|de l’|du|del|de)\s+(?:the\s+|its\s+)?{_NAME}(?:\s+\p{{Ll}}+(?:e|a|o)s?\b)?")
_NP = rf"(?:{_PROVISION}|{_NP})"
_NP_END_RE = _rx(rf"(?<![\w’'-]){_NP}$")
# "the Special Rapporteur on the right to food": a mandate named in lower case after its title.
# A text named with its subject in lower case and its symbol: "the Brahimi report on peacekeeping operations
# (A/55/305-S/2000/809)", "the report of the Secretary-General on the situation in Mali".
_MANDATE_END_RE = _rx(
    rf"(?:{_DET}\s+)?{_MODS}*(?:{_CAP}\s+)*(?:Rapporteur|Representative|Envoy|Adviser|Advisor|Expert|Coordinator"
    rf"|Group|Committee|Working Group|spokes(?:person|man|woman)|representative|envoy|adviser"
    rf"|report|study|declaration|communiqué|statement|resolution|decision)"
    rf"(?:\s+of\s+(?:the\s+)?{_NAME})?\s+(?:on|for)\s+[^,;:()“”«»]{{3,80}}?(?:\s*\([^()]{{1,40}}\))?$"
)

_NP_WHOLE_RE = _rx(rf"{_NP}")

# Capitalised words that open a sentence but never name a speaker.
_NOT_NAMES = set(
    "The A An In On As At By It This That These Those I We You Thus Based Furthermore Moreover However Today "
    "Also He She They "
    "Its His Her Their When While Where Which Who Whose Following After Before During Since Despite Through With "
    "Having Upon Under Pursuant In-line Finally Additionally Lastly Nevertheless Consequently Accordingly Recently "
    "Earlier Later Meanwhile Indeed Similarly Likewise And But Or Yet So For From To Of Here There Such Some Many "
    "All Both Each Every Other Another Further Urgently Also Notes Noting Recalling Reaffirming Welcoming Expressing "
    "Stressing Emphasizing Recognizing Calls Decides Requests Urges Encourages Invites Condemns Having Taking Bearing "
    "Mindful Aware Concerned Deeply Gravely Alarmed Determined Acting Convinced Considering Underlining Reiterating "
    "Part Item See Yes No Not Only Just Even Most Several Any None Once "
    "Dans Selon En Il Elle Ils Nous Según En Él Ella Ellos Nosotros Как По Он Она Они Мы "
    "Mr Mrs Ms Dr Rather Instead Again Subsequently Then Therefore Hence Ultimately Overall Elsewhere Separately "
    "Specifically Notably Importantly Regrettably Unfortunately Instead Note Given Because Although Though Whereas "
    "If Unless Whether Between Among Within Without Against Toward Towards Across Along Around About Above Below "
    "January February March April May June July August September October November December".split()
)
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "who", "which", "il", "elle", "ils", "elles", "él", "ella",
             "он", "она", "они", "you"}
# A phrase that opens with a preposition or subordinator sets the scene; it names no speaker.
_ADVERBIAL_RE = _rx(
    r"^\s*(?:in|on|at|by|during|following|after|before|through|with|having|when|while|as|upon|pursuant|under"
    r"|since|despite|from|to|for|among|between|within|without|against|regarding|concerning|including|via|per"
    r"|because|although|though|if|unless|whereas|once|until|given|amid|according|dans|en|lors|selon|après|avant"
    r"|durante|tras|según|con|в|на|по|после|\p{Ll}+ing"
    # A participle set off with its date or agent: "amended in 2003", "amendé en 2003", "adoptada por".
    r"|\p{Ll}+(?:ed|é|ée|és|ées|ado|ada|ados|adas|ido|ida)\s+(?:in|on|at|by|en|le|par|por|el)"
    r"|(?:january|february|march|april|may|june|july"
    r"|august|september|october|november|december))\b|^\s*[\d(]",
    regex.IGNORECASE,
)
_RELATIVE_RE = _rx(r"^\s*(?:who|which|whose|whom|where|that|qui|que|quien|que|который|которая|которые)\b",
                             regex.IGNORECASE)
_PRONOUN_END_RE = _rx(
    r"(?:^|\s)(?P<p>he|she|it|they|we|I|who|which|il|elle|ils|elles|él|ella|он|она|они|you)$", regex.IGNORECASE)
_PREPOSITION_END_RE = _rx(
    r"(?:^|\s)(?:of|to|by|from|with|for|on|in|at|about|against|into|than|between|among|over|under|like|de|à|a|con"
    r"|para|por|en|sur|avec|pour|dans|в|на|с|к|от|для)\s*$", regex.IGNORECASE)

# The object of a verb ("having adopted the Convention") is not the subject of the next one.
_VERB_END_RE = _rx(rf"(?:\b\p{{Ll}}+(?:ed|ing)|\b{REPORTING_VERBS})\s*$")

_ACCORDING_RE = _rx(
    rf"(?:\b[Aa]ccording to|\b[Ii]n the words of|\b[Ss]elon|\b[Dd][’']après|\b[Ss]egún|\b[Пп]о словам|\b[Cc]огласно"
    # "As recently stated by X": an adverb before the participle.
    rf"|\b[Aa]s (?:(?:has been|was|were|had been|is|are)\s+)?(?:\p{{Ll}}+ly\s+)?"
    rf"(?:stated|noted|stressed|underscored|reported|highlighted|observed|emphasi[sz]ed|recalled|pointed out"
    rf"|indicated|declared|put|found|concluded|affirmed|warned|confirmed"
    rf"|documented|recorded|described|explained|recognized|recognised|acknowledged|underlined|said|announced"
    rf"|set out|expressed|articulated|requested|demanded|reaffirmed) by)\s+"
    # A role in lower case before the name: "according to journalist A. Stefanov".
    rf"(?:(?!the\b|a\b|an\b)\p{{Ll}}[\p{{L}}-]+\s+(?=\p{{Lu}}))?"
    rf"(?:[Ll][’']|(?:le|la|les|el|los|las)\s+)?"  # "selon l’Organisation mondiale", "según el Relator"
    rf"(?P<np>{_NP})"
    rf"(?:,\s+(?P<name>\p{{Lu}}[\w’'\-]+(?:\s+\p{{Lu}}[\w’'\-.]+){{1,3}})(?=\s*[,:]|\s*$))?"
)
# "X’s statement", "the statement of X": a possessor of words spoken or written.
_WORDS = (r"(?:statement|speech|words|remarks|address|admission|letter|report|message|testimony|interview"
          r"|declaration|communiqué|tweet|post|article|op-ed|note|response|reply|answer|conclusion|view|opinion"
          r"|position|comments?|assessment|agreement)")


def _words_of(alternation: str) -> tuple[str, ...]:
    """Return the words of an alternation of literal words ("(?:a|bs?|c)"), each without its optional "s": what a
    match of the alternation holds, written so."""
    return tuple(word.removesuffix("s?") for word in alternation.removeprefix("(?:").removesuffix(")").split("|"))


# Each possessor's match holds one of the words of `_WORDS` as written (the pattern is case-sensitive): a clause
# without one is not searched (the pattern's names, tried at every capital, cost 0.5 µs a character; issue 16).
_POSSESSIVE_WORDS = _words_of(_WORDS)
_POSSESSIVE_RE = _rx(
    rf"(?:(?P<owner>{_NAME}){_POSS}\s+(?:{_MODS}|\p{{Ll}}+\s+){{0,2}}{_WORDS}"
    rf"|{_WORDS}\s+(?:(?:made|given|delivered|issued|written|sent|published)\s+)?(?:of|by)\s+(?:the\s+|all\s+)?(?P<owner2>{_NAME}))"
    rf"(?=[^.;]{{0,60}}$)"
)
_YOUR_RE = _rx(r"\b(?:[Yy]our|[Yy]ou)\b")
# A quotation that follows these words is a title, a name or a term, not somebody's words.
_TITLE_BEFORE_RE = _rx(
    r"(?:\b(?:entitled|titled|theme|themed|headed|heading|named|called|known as|so-called|dubbed|termed|term"
    r"|terms|word|words|phrase|expression|slogan|motto|banner|label(?:l)?ed|designated|item|sub-item|subitem"
    r"|agenda|topic|programme|project|initiative|campaign|operation|event|exhibition|rubric|hashtag|film|book|intitulée?s?|intitulado|intitulada|titulado"
    r"|titulada|tema|thème|lema|под названием|озаглавленн\w+|тем[аеуы]|so called|the subject of|subject)"
    r"|\b(?:report|study|paper|note|document|session|meeting|debate|event|conference|panel|dialogue|workshop"
    r"|seminar|forum|discussion|survey|publication|article|book|chapter|section|item|rapport|informe|доклад)\b"
    r"[^“”«».;]{0,100}\b(?:on|about|sur|sobre|о|об)"
    r")\s*[,:]?\s*$", regex.IGNORECASE | regex.REVERSE)  # REVERSE: see is_title


@dataclass(slots=True)
class Context:
    """What the document tells about "you" and the speakers before the quotation."""

    addressee: str | None = None  # the single addressee of a letter, for "you" and "your"
    last_source: str | None = None  # the source of the quotation before, for "he", "it", "they"
    sentence_before: str = ""  # the (masked) sentence before the quotation's, for "he" or "she"
    source_near: bool = True  # the quotation before stands in this sentence or the one before, or opens the paragraph


@dataclass(frozen=True, slots=True)
class Found:
    """A source found for a quotation and the rule that found it."""

    who: str
    rule: str
    pos: int


# Every match of `_organ_text_re` holds the name of a text, in any case: its three forms name one ("resolution",
# "Assembly resolution", "resolution … of the Security Council"). A clause without one is not searched (the names
# of the organs, tried at every letter in any case, cost 0.45 µs a character; issue 16).
_ORGAN_TEXT_WORDS = Keywords("resolution", "statement", "declaration", "decision", "advisory opinion", "resolución",
                             "declaración", "decisión", "résolution", "déclaration", "décision", "резолюци",
                             "заявлени", module=regex)


@cache
def _organ_text_re() -> regex.Pattern[str]:
    """A text of a principal organ: "General Assembly resolution 77/335", "la declaración de la
    Presidencia del Consejo de Seguridad", "resolution 981 (1995) of the Security Council"."""
    organs = rf"(?:{names_pattern(principal_organ_names())}|International Court of Justice)"
    texts = (r"(?:resolutions?|presidential statements?|statements?|declarations?|decisions?|advisory opinion"
             r"|resolución|declaración|decisión|résolution|déclaration|décision|резолюци\w*|заявлени\w*)")
    return regex.compile(
        rf"(?P<who>{organs})\s+{texts}\b"
        # An organ named short before its text, with a capital ("Assembly resolution 77/335"), kept as written.
        rf"|(?<![\w’'-])(?-i:(?P<who>Assembly|Council))\s+(?-i:resolutions?|decisions?)\b"
        rf"|\b{texts}\s+(?:[^.;:“”«»]{{0,60}}?\s)?(?:of|by|de|del|de la|du|de l’)\s+(?:the\s+|la\s+|el\s+|le\s+)?"
        rf"(?:(?:Presidencia|President|Président|Presidente)\s+(?:of\s+the\s+|del\s+|du\s+)?)?(?P<who>{organs})",
        regex.IGNORECASE,
    )


def clean(who: str) -> str:
    """Return a source as written, without its article, possessive ending or trailing punctuation."""
    who = rx.sub(r"\s+", " ", who).strip(" ,.;:–—-")
    who = rx.sub(r"^(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose)\s+", "", who)
    who = rx.sub(r"^(?:El|La|Los|Las|Le|Les|L[’'])\s*(?=(?:Secretari|Secrétaire|President|Présidente?|Minist"
                    r"|Representante|Représentante?|Relator|Rapporteur|Alt[oa]|Haut|Consejo|Conseil|Asamblea"
                    r"|Assemblée|Comité|Comisión|Commission|Gobierno|Gouvernement|Tribunal|Corte|Cour))", "", who)
    who = rx.sub(rf"{_POSS}$", "", who)
    # A document symbol after the name goes: "the President of the Security Council (S/PRST/2025/1)".
    who = rx.sub(r"\s*\([^()]*[\d/][^()]*\)$", "", who)
    # A paragraph or article of a text is the text speaking: "paragraph 68 of the Cartagena Commitment".
    who = rx.sub(r"^(?:[Ll][’'])?(?:[Pp]aragraphs?|[Aa]nnex(?:es)?|[Aa]rticles?|[Aa]rts?\.|[Aa]rtículo|[Ss]ections?"
                    r"|[Pp]rinciples?|[Cc]hapter|[Pp]árrafo)\s+[\w.()]+(?:\s*(?:and|et|y|,)\s*[\w.()]+)*"
                    r"\s+(?:of|de la|de l’|du|del|de)\s+(?:the\s+|its\s+)?", "", who)
    return who.strip(" ,.;:")


def _valid(who: str) -> bool:
    words = who.split()
    if words and words[0].lower() in ("my", "our", "mon", "ma", "notre", "mi", "nuestro", "nuestra", "мое", "наше"):
        return False  # "my Government": the sender's own words are not a quotation of another
    if not words or words[0].strip("’'") in _NOT_NAMES or who.lower() in _PRONOUNS:
        return False
    if not rx.search(r"\p{Lu}", who) and (len(words) < 2 or not rx.search(rf"{_HEADS}$", who)):
        return False  # "the report", "the author": too vague to name a source
    return len(who) <= 140


def _np_at_end(segment: str, antecedent: bool = False) -> str | None:
    """Return the noun phrase that ends a segment, when it names someone or a text, else None.

    The object of a preposition names no speaker ("In a letter to the Secretary-General"),
    unless a relative clause follows it (`antecedent`: "confirmed by the Prime Minister, who").
    """
    # A text named with its date: "Law on the Protection of Military Graves of 10 January 2007, which stipulates".
    seg = _TRAILING_DATE_RE.sub("", segment.rstrip())
    m = _MANDATE_END_RE.search(seg)
    if m is None:
        m = _NP_END_RE.search(seg)
    if m is None:
        return None
    before = seg[: m.start()]
    np = m.group()
    # Drop words that open a sentence but name no one: "Moreover Swedish Prime Minister Carl Bildt".
    words = np.split(" ")
    dropped_preposition = False
    while words and words[0].strip("’'") in _NOT_NAMES:
        dropped_preposition = dropped_preposition or _ADVERBIAL_RE.match(words[0]) is not None
        words.pop(0)
    np = " ".join(words)
    owner = _OWNER_OF_RE.search(before)
    if owner is not None:
        np = owner.group("np")  # "Michael Martens of the leading German daily Frankfurter Allgemeine Zeitung"
    elif not antecedent and (_PREPOSITION_END_RE.search(before) or (dropped_preposition and not before.strip())
                             or _VERB_END_RE.search(before)):
        return None  # the object of a preposition: "to the Secretary-General", "In Cameroon"
    who = clean(np)
    return who if _valid(who) else None


# A person named before "of" and the paper or body they belong to, described in lower-case words: the person
# speaks, not the paper ("As Michael Martens of the leading German daily Frankfurter Allgemeine Zeitung wrote").
_OWNER_OF_RE = _rx(r"(?<![\w’'-])(?P<np>(?:Mr\.?\s+|Ms\.?\s+|Mrs\.?\s+|Dr\.?\s+)?\p{Lu}[\p{L}.’'-]+"
                   r"(?:\s+\p{Lu}[\p{L}.’'-]+){1,3})\s+of\s+(?:the\s+|a\s+)?(?=[\p{L}-]*\p{Ll})(?:[\p{L}-]+\s+){0,2}\p{Ll}[\p{L}-]*\s+$")


# A text's date after its name: "Law on the Protection of Military Graves of 10 January 2007". Spaces are taken whole
# and a match starts at the first of its run, as in _TRAILING_FILLER_RE: the same matches, in time linear in a run.
_TRAILING_DATE_RE = _rx(r"(?<!\s)\s++(?:of|dated)\s++\d{1,2}\s++\p{Lu}\p{Ll}+\s++\d{4}$")
_DESCRIPTOR_RE = _rx(r"^(?:former|then|the then|a|an|one|its|his|her|their|long-time|current)\s+\p{Ll}")
# "X, the authors of the amendments, stated": a description in lower case that names no one itself.
_THE_DESCRIPTION_RE = _rx(r"^(?:the|les?|la|el|los|las)\s+\p{Ll}")
_CONJUNCTION_RE = _rx(r"^(?:and|but|or|yet|then|and then|but also|et|mais|y|pero|и|но)(?:\s+|$)")
_LIST_BEFORE_RE = _rx(r"(?:\b(?:of|the)\s+|\b(?:Mr|Mrs|Ms|Dr)\.?\s+)\p{Lu}[\w’'-]*$")
_LIST_NEXT_RE = _rx(rf"\s*(?:the\s+)?{_CAP}(?:{_JOIN}{_CAP})*,?\s+and\s+(?:the\s+)?{_CAP}")


def _split_phrases(text: str) -> list[tuple[int, str]]:
    """Split text at commas and dashes outside brackets: (offset, phrase) pairs, in order."""
    out: list[tuple[int, str]] = []
    depth = 0
    last = 0
    for i, c in enumerate(text):
        if c in "([":
            depth += 1
        elif c in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and (c == "," or (c in "–—" and text[i - 1 : i] == " ")):
            if c == "," and _LIST_NEXT_RE.match(text, i + 1) and _LIST_BEFORE_RE.search(text, 0, i):
                continue  # "the representatives of France, Germany and the United Kingdom": one list
            out.append((last, text[last:i]))
            last = i + 1
    out.append((last, text[last:]))
    return out


# "I", "we" and "you" name the sender and the addressee, not a third speaker.
_PERSONAL_PRONOUNS = frozenset(["i", "we", "you"])
_RELATIVE_PRONOUNS = frozenset(["who", "which"])
# "As Balkan Insight reported,": "As" opens the phrase of the subject, not an adverbial.
_AS_BEFORE_NAME = r"^(?:[Aa]s|[Cc]omme|[Cc]omo)\s+(?=\p{Lu})"


def subject_before(pre: str, ctx: Context | None = None) -> str | None:
    """Return the subject of a verb that follows `pre` (the sentence up to the verb), or None.

    Walks back over the phrases set off by commas: a phrase that ends with a name is the
    subject; a relative clause ("who served as ..."), an adverbial ("in his report to the
    Council dated ...") or a pronoun ("where he clearly") is passed over to the name before.
    An appositive name wins over the role before it ("the President, Philemon Yang, noted").
    """
    phrases = _split_phrases(pre)
    last = len(phrases) - 1
    pronoun = None
    relative = False
    for k in range(last, -1, -1):
        phrase = _bare_phrase(phrases[k][1], k == last)
        if not phrase:
            continue  # "…, but publicly declared": the subject is before the conjunction
        p = _PRONOUN_END_RE.search(phrase)
        if p is not None:
            pronoun = p.group("p").lower()
            done, who = _at_pronoun(phrase[: p.start()], pronoun, ctx)
            if done:
                return who
            relative = pronoun in _RELATIVE_PRONOUNS
            continue  # "he", "which": the name is further back
        if _RELATIVE_RE.match(phrase):
            relative = True
            who = _ends_before_relative(phrase, k == last - 1, pronoun)
            if who is None:
                continue
            return who
        if k != last and _ADVERBIAL_RE.match(phrase) and not relative:
            continue  # "In a speech on 4 January, he stated": the scene, not the speaker
        head = _appositive_head(phrase, phrases, k, pronoun)
        if head is not None:
            return head
        who = _subject_in(phrase, relative, pronoun)
        if who is not None:
            # An appositive name comes first ("the President, Philemon Yang, noted"), unless a
            # relative clause runs on over it: then its antecedent speaks.
            return who if relative else (_antecedent_of_relative(phrases, k) or who)
        if not _passed_over(phrase, pronoun):
            return None  # a clause with a verb of its own: its subject is not this verb's
    return _pronoun_source(pronoun, ctx)


def _at_pronoun(words: str, pronoun: str, ctx: Context | None) -> tuple[bool, str | None]:
    """Return whether a pronoun that ends a phrase decides the speaker, and who: "I", "we" and "you" decide
    (the sender, the addressee); "he" or "she" after a person in the same clause is that person ("the Permanent
    Representative … rejected what he said was"); any other pronoun looks further back."""
    if pronoun in _PERSONAL_PRONOUNS:
        return True, _personal_speaker(pronoun, ctx)
    same = _person_before_pronoun(words, pronoun)
    return same is not None, same


def _person_before_pronoun(words: str, pronoun: str) -> str | None:
    """Return the person who is the subject of the clause in which "he" or "she" stands, when the clause names
    one before it: "the Permanent Representative of Iran rejected what he said was"."""
    if pronoun not in _PERSON_PRONOUNS or not rx.search(r"\p{Lu}", words):
        return None
    return person_subject(words)


def _ends_before_relative(phrase: str, next_is_pronoun: bool, pronoun: str | None) -> str | None:
    """Return the name that ends a relative clause standing right before "which" or "who": the antecedent of that
    pronoun ("…, that may be essential … in accordance with … the 1946 Convention on Privileges and Immunities of the
    United Nations, which provides that"); None when the clause is only passed over."""
    if not next_is_pronoun or pronoun not in _RELATIVE_PRONOUNS:
        return None
    return _np_at_end(phrase, antecedent=True)


def _passed_over(phrase: str, pronoun: str | None) -> bool:
    """Say whether a phrase that names no subject is passed over to the phrase before: a scene-setting
    phrase, a reference to a text ("paragraph 64", "resolution 77/335"), or any phrase while a pronoun after it
    is still looking for its name."""
    return _ADVERBIAL_RE.match(phrase) is not None or _REFERENCE_RE.match(phrase) is not None or pronoun is not None \
        or _CONNECTIVE_RE.match(phrase) is not None


# A connective set off by commas joins the sentence to the one before; it names no one ("the Council, however,").
_CONNECTIVE_RE = _rx(r"^\s*(?:however|moreover|furthermore|therefore|thus|also|nevertheless|nonetheless|meanwhile"
                     r"|indeed|instead|finally|then|subsequently|in turn|in addition|in particular|for example"
                     r"|for instance|in fact|of course|inter alia|cependant|toutefois|en outre|sin embargo|además"
                     r"|однако|кроме того)\s*$", regex.IGNORECASE)


# A phrase that only points into a text names no speaker: "the Assembly, in resolution 77/335, paragraph 64, “…”".
_REFERENCE_RE = _rx(r"^\s*(?:its\s+|the\s+)?(?:resolutions?|decisions?|paragraphs?|paras?\.|articles?|arts?\.|sections?"
                    r"|annex|chapter|page|pp?\.|párrafo|résolution|resolución|пункт\w*|резолюци\w*)"
                    r"\s+[\w./()-]+(?:\s*\(\d{4}\))?\s*[,:]?\s*$", regex.IGNORECASE)


def _bare_phrase(phrase: str, last: bool) -> str:
    """Return a phrase without the conjunction that opens it, and the last one without the filler words
    and punctuation between it and the verb ("the Minister has also", "and the Minister")."""
    if last:
        phrase = _TRAILING_FILLER_RE.sub("", phrase)
    bare: str = _CONJUNCTION_RE.sub("", phrase.strip())  # regex's stubs say Any
    if last:
        bare = rx.sub(_AS_BEFORE_NAME, "", bare)  # "As Balkan Insight reported": the subject after "As"
    return bare


def _personal_speaker(pronoun: str, ctx: Context | None) -> str | None:
    """Return who "you" is (the letter's one addressee); "I" and "we" are the sender, whose own words
    are not a quotation of another."""
    if pronoun == "you":
        return ctx.addressee if ctx else None
    return None


def _pronoun_source(pronoun: str | None, ctx: Context | None) -> str | None:
    """Return who a pronoun left without a name in its sentence refers to: the source of the quotation before.

    A relative pronoun with no antecedent names no one.
    """
    if pronoun is None or ctx is None or pronoun in _RELATIVE_PRONOUNS:
        return None
    # The nearest antecedent: the person who is the subject of the sentence before, else the source of a
    # quotation in that sentence. A quotation further back is no antecedent when a sentence without one
    # stands between ("X said: “…”. A few days later, Y hinted that … He stated that “…”").
    if pronoun in _THING_PRONOUNS and ctx.source_near and ctx.last_source:
        return ctx.last_source  # "it" stands for the source of a quotation just before, if any
    who = _antecedent_in(ctx.sentence_before, pronoun)
    if who is None and ctx.source_near:
        who = ctx.last_source
    return who


def _antecedent_in(sentence: str, pronoun: str) -> str | None:
    """Return whom a pronoun stands for in the sentence before its own: "he" or "she" a person (person_subject),
    "it" a body that is that sentence's subject ("the Council, in its resolution 757 (1992), determined …. It also
    demanded that"); None for another pronoun."""
    if pronoun in _PERSON_PRONOUNS:
        return person_subject(sentence)
    return body_subject(sentence) if pronoun in _THING_PRONOUNS else None


# Pronouns of one body or text: "It also demanded that" after a sentence whose subject is the Council.
_THING_PRONOUNS = frozenset(["it"])


def body_subject(sentence: str) -> str | None:
    """Return the body that "it" in the next sentence stands for: the subject of `sentence` when it names a body
    ("Council", "Committee", "Government of Lebanon"), not a person; else None."""
    if not sentence.strip():
        return None
    who = _main_subject(rx.sub(_PARAGRAPH_NUMBER_RE.pattern, "", sentence))
    if who is None or _BODY_WORDS_RE.search(who) is None or _TITLED_RE.search(who) is not None:
        return None
    return who


# Pronouns of one person: "As he said in 2023" after a sentence whose subject is that person.
_PERSON_PRONOUNS = frozenset(["he", "she", "il", "elle", "él", "ella", "он", "она"])
# A subject that a person's pronoun can stand for: titled ("Mr. Qassem", "President Aoun") or a name of two
# capitalised words or more that is not a body's ("Carl Bildt"; not "Security Council", "Israel Defense Forces").
_TITLED_RE = _rx(r"\b(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame|President|Minister|Prime Minister|Secretary-General|Ambassador"
                 r"|Rapporteur|Envoy|Commissioner|Judge|King|Queen|Emir|Sheikh|Senator|General|Representative"
                 r"|Chargé|Spokesperson|Director|Chair|Chairman|Chairperson|Mayor|Governor|Adviser)\b")
_BODY_WORDS_RE = _rx(r"\b(?:Council|Committee|Government|Ministry|Forces|Office|Group|Assembly|Commission"
                     r"|Organization|Union|Court|Agency|Fund|Programme|Department|Party|Movement|Republic|States"
                     r"|Nations|Authority|Authorities|Army|Police|Mission|Secretariat|Board|Bank|Front|Centre|Center"
                     r"|Institute|Association|Federation|Kingdom|Parliament|Assembly|Conference|Forum|Network)\b")
_PARAGRAPH_NUMBER_RE = _rx(r"^\s*(?:\d{1,3}|[a-z]|[ivx]{1,5})[.)]\s+")


# A person's name that no country or body can be: with a title or an initial ("Mr. Qassem", "E. Ratnieks").
_MARKED_PERSON_RE = _rx(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+|\b\p{Lu}\.\s*(?:\p{Lu}\.\s*)?)\p{Lu}[\p{L}’'-]+"
                        r"(?:[\s-]+\p{Lu}[\p{L}’'-]+)?")


def person_subject(sentence: str) -> str | None:
    """Return the person whom "he" or "she" in the next sentence stands for: the subject of `sentence` when it is
    a person, else the one person it names with a title or an initial ("… was vice-mayor of the city, E. Ratnieks.
    He stated that …"); None when it names none or several."""
    if not sentence.strip():
        return None
    who = _main_subject(rx.sub(_PARAGRAPH_NUMBER_RE.pattern, "", sentence))
    # A subject is a person when titled, or marked by an initial, or the antecedent of "who" ("Carl Bildt, who").
    if who is not None and _BODY_WORDS_RE.search(who.split(" of ")[0]) is None and (
            _TITLED_RE.search(who) is not None or _MARKED_PERSON_RE.search(who) is not None
            or f"{who}, who " in sentence):
        return who
    named = {m.group() for m in _MARKED_PERSON_RE.finditer(sentence)}
    return named.pop() if len(named) == 1 else None


def _name_before_description(phrase: str, phrases: list[tuple[int, str]], k: int) -> str | None:
    """Return the name set off before a description of it, when `phrase` (the k-th) is one.

    "Nedim Ademovic, former chief of staff of the Court’s president, said": the name speaks.
    """
    if k == 0 or not _DESCRIPTOR_RE.match(phrase):
        return None
    before = phrases[k - 1][1].strip()
    head = _np_at_end(before)
    if head is not None and _NP_WHOLE_RE.fullmatch(_CONJUNCTION_RE.sub("", before)):
        return head
    return None


def _appositive_head(phrase: str, phrases: list[tuple[int, str]], k: int, pronoun: str | None) -> str | None:
    """Return the name set off before a description of it, when `phrase` (the k-th) is one: "former chief of staff"
    (_name_before_description), or a description with "the" that names no one itself ("The members of the Saeima
    Foreign Affairs Commission, the authors of the amendments, … stated"). None after a pronoun ("X, he said")."""
    if pronoun is not None:
        return None
    head = _name_before_description(phrase, phrases, k)
    if head is not None or k == 0 or not _THE_DESCRIPTION_RE.match(phrase) or _np_at_end(phrase) is not None:
        return head
    before = phrases[k - 1][1].strip()
    if _NP_WHOLE_RE.fullmatch(_CONJUNCTION_RE.sub("", before)):
        return _np_at_end(before)
    return None


def _subject_in(phrase: str, relative: bool, pronoun: str | None) -> str | None:
    """Return the name that ends a phrase, as the subject of the verb after it.

    After a pronoun ("X, he said") the name must be the whole phrase, the subject or an
    appositive, not the object of another verb.
    """
    who = _np_at_end(phrase, antecedent=relative) or _issued_text(phrase)
    if who is not None and pronoun is not None and not relative and not _NP_WHOLE_RE.fullmatch(phrase):
        return None
    return who


def _issued_text(phrase: str) -> str | None:
    """Return the source of a text named with the participle that issued it, as the subject of the verb after:
    its agent ("The statement issued by the Ministry of Foreign Affairs on 3 May said" → the Ministry), else the
    text ("The joint communiqué issued after the meeting stated" → joint communiqué); None for another phrase."""
    m = _ISSUED_TEXT_RE.match(phrase.strip())
    if m is None:
        return None
    agent = rx.search(rf"\bby\s+(?P<np>{_NP})", m.group("rest"))
    who = clean(agent.group("np") if agent is not None else m.group("np"))
    return who if _valid(who) else None


_ISSUED_TEXT_RE = _rx(rf"^(?P<np>{_NP})\s+(?:issued|adopted|published|released|signed|made|delivered|sent|circulated"
                      rf"|presented|submitted|agreed)\b(?P<rest>[^,;:“”«»]*)$")


def _antecedent_of_relative(phrases: list[tuple[int, str]], k: int) -> str | None:
    """Return the antecedent of a relative clause among the phrases before the k-th, or None.

    "Jirair Libaridian, who was adviser to the President, Levon Ter-Petrossian, at the time,
    admitted": a relative clause runs on over the names in it; its antecedent speaks.
    """
    for j in range(k - 1, 0, -1):
        if phrases[j][1].strip().lower().startswith("whose"):
            return None  # "Palanga, whose mayor, S. Vaitkus, called": the name after the role speaks
        if _RELATIVE_RE.match(phrases[j][1].strip()):
            head = _np_at_end(phrases[j - 1][1].strip(), antecedent=True)
            if head is not None:
                return head
    return None


def find_source(masked: str, start: int, end: int, ctx: Context | None = None) -> Found | None:
    """Return the source named in masked[start:end], the words before a quotation, or None.

    The frame nearest the quotation wins: "according to X", or the subject of the last
    reporting verb, or a possessor of words; then "your" for the addressee; then a text of
    a principal organ named in the sentence.
    """
    clause = masked[start:end]
    verbs = [m for m in _VERB_RE.finditer(clause) if not _in_brackets(clause, m.start())]
    found = _according_sources(clause)
    subject = _subject_source(clause, verbs, ctx)
    if subject is not None:
        found.append(subject)
    found.extend(_possessive_sources(clause))
    if not found:
        grounds = _grounds_source(clause, verbs)
        if grounds is not None:
            found.append(grounds)
    found.extend(_organ_text_sources(clause, verbs))
    if found:
        return max(found, key=lambda f: f.pos)  # the nearest to the quotation; the first on a tie
    return _addressee_source(clause, ctx)


# The verbs a body's or a text's operative words open on, in the third person ("[The Council] Demands that",
# "[the Assembly] invites candidates"): a quotation that opens on one takes the subject written before its mark.
# A word that is a noun as well is a verb only without the preposition a noun takes ("requests for", "notes of").
_OPERATIVE_VERB_RE = _rx(
    r"^\s*(?:(?:notes|requests|demands|stresses)(?!\s+(?:of|for|from|by|to|verbales?|and|on|in)\b)"
    r"|invites|encourages|urges|calls (?:upon|on|for)|decides|reaffirms"
    r"|emphasi[sz]es|welcomes|condemns|recogni[sz]es|expresses|underlines|affirms|recommends|authori[sz]es"
    r"|reiterates|acknowledges|deplores|takes note|strongly (?:encourages|urges|condemns|supports)|endorses"
    r"|exhorte|prie|demande|décide|réaffirme|condamne|invite|engage|exhorta|insta|pide|decide|reafirma|condena"
    r"|alienta|призывает|просит|постановляет|требует|подтверждает|осуждает)(?![\w’'-])",
    regex.IGNORECASE)


def verb_opened_source(quoted: str, clause: str, ctx: Context | None = None) -> str | None:
    """Return the subject written right before a quotation that opens on an operative verb, or None.

    "The ACT Group also reiterates that the Assembly, in resolution 77/335, paragraph 64, “invites candidates …”":
    the quoted verb's subject is the Assembly, not the Group that reiterates; references between them are passed
    over. None when the quotation opens on another word, or when no name stands before its mark.
    """
    # A first letter set in brackets is the quoting text's edit: "[i]nvites".
    if _OPERATIVE_VERB_RE.match(rx.sub(r"^\s*\[(\p{L})\]", r"\1", quoted)) is None:
        return None
    return subject_before(clause, ctx)


def _according_sources(clause: str) -> list[Found]:
    """Return the sources named by "according to X", "as stated by X", "selon X", "según X"."""
    found: list[Found] = []
    for m in _ACCORDING_RE.finditer(clause):
        who = clean(m.group("name") or m.group("np"))
        if _valid(who):
            found.append(Found(who, "according", m.start()))
    return found


def _subject_source(clause: str, verbs: list[regex.Match[str]], ctx: Context | None) -> Found | None:
    """Return the subject of the last reporting verb of the clause (or the agent of a passive one), or None."""
    if not verbs:
        return None
    v = verbs[-1]
    pre = clause[: v.start()]
    if _PASSIVE_BEFORE_RE.search(pre):
        who = _agent_after(clause[v.end():], ctx)
    else:
        who = subject_before(pre, ctx)
        if who is None and ctx is not None and _goes_on(pre):
            who = ctx.last_source  # "… condemned “…” and called for “…”": the same subject
    return Found(who, "subject", v.start()) if who is not None else None


def _goes_on(pre: str) -> bool:
    """Say whether the words before a verb, since the last comma, only join it to the verb before ("and")."""
    return rx.match(r"^\s*(?:and|but|while|as well as)\s*$", pre.split(",")[-1]) is not None


def _possessive_sources(clause: str) -> list[Found]:
    """Return the possessors of words: "X’s statement", "the statement of X"."""
    found: list[Found] = []
    if not any(word in clause for word in _POSSESSIVE_WORDS):
        return found
    for m in _POSSESSIVE_RE.finditer(clause):
        who = clean(m.group("owner") or m.group("owner2") or "")
        if _valid(who):
            found.append(Found(who, "possessive", m.start()))
    return found


def _grounds_source(clause: str, verbs: list[regex.Match[str]]) -> Found | None:
    """Return the main subject of a sentence whose words are reported by "on the grounds that" or a
    participle after a comma ("…, saying that the HR today is “…”"), or None."""
    grounds = _grounds_at(clause, verbs)
    if grounds is None:
        return None
    who = _main_subject(clause[: grounds.start()])
    return Found(who, "grounds", grounds.start()) if who is not None else None


def _grounds_at(clause: str, verbs: list[regex.Match[str]]) -> regex.Match[str] | None:
    """Return where a clause ends with "on the grounds that", or with a reporting participle after a
    comma that no reporting verb follows, or None."""
    grounds = rx.search(r"\bon the grounds? (?:of|that)\s*$", clause)
    if grounds is None and (not verbs or verbs[-1].start() < max(0, clause.rfind(","))):
        grounds = rx.search(r",\s+(?:saying|stating|adding|noting|declaring|stressing|warning|arguing|insisting"
                            r"|explaining|claiming|asserting|affirming|emphasi[sz]ing|underlining)\b[^,]*$", clause)
    return grounds


def _organ_text_sources(clause: str, verbs: list[regex.Match[str]]) -> list[Found]:
    """Return the texts of principal organs named after the last reporting verb (a verb after a text governs
    the quotation): "… welcomes the acknowledgment in General Assembly resolution 77/335, in paragraph 77: “…”"."""
    if not _ORGAN_TEXT_WORDS.found_in(clause):
        return []
    return [Found(m.group("who"), "organ", m.start()) for m in _organ_text_re().finditer(clause)
            if not verbs or verbs[-1].start() < m.start()]


def _addressee_source(clause: str, ctx: Context | None) -> Found | None:
    """Return the letter's addressee when the clause speaks of "your" words ("your statement"), or None."""
    if ctx is not None and ctx.addressee and rx.search(r"\b[Yy]our\s+(?:\p{Ll}+\s+){0,2}" + _WORDS, clause):
        return Found(ctx.addressee, "addressee", 0)
    return None


def _agent_after(rest: str, ctx: Context | None) -> str | None:
    """Return the agent of a passive verb: "was stated by X", "recorded in your report"."""
    m = rx.match(rf"^[^“\"«]{{0,40}}?\bby\s+(?P<np>{_NP})", rest)
    if m is not None:
        who = clean(m.group("np"))
        return who if _valid(who) else None
    m = rx.match(rf"^[^“\"«]{{0,20}}?\bin\s+(?P<det>your|the|{_NAME}{_POSS})\s+(?:\p{{Ll}}+\s+){{0,2}}{_WORDS}",
                    rest)
    if m is not None:
        det = m.group("det")
        if det.lower() == "your":
            return ctx.addressee if ctx else None
        if det.lower() != "the":
            who = clean(det)
            return who if _valid(who) else None
    return None


def _main_subject(text: str) -> str | None:
    """Return the subject of the main clause of a sentence: the name before its first verb."""
    phrases = [phrase for _, phrase in _split_phrases(text)]
    for k, phrase in enumerate(phrases):
        if _ADVERBIAL_RE.match(phrase) or _CONNECTIVE_RE.match(phrase):
            continue
        if _NP_WHOLE_RE.fullmatch(phrase.strip()):
            # "Mayor of Šiauliai, A. Visotskas, had … stated": the name set off after the role.
            nxt = phrases[k + 1].strip() if k + 1 < len(phrases) else ""
            m = _NP_WHOLE_RE.fullmatch(nxt) or _NP_WHOLE_RE.fullmatch(phrase.strip())
            np = m.group() if m else ""
        else:
            m = rx.match(rf"^\s*(?P<np>{_NP})\s+(?:{_FILLER}\s+)*(?!(?:of|for|on|to|and|in|at|de)\b)\p{{Ll}}+\b",
                            phrase)
            np = m.group("np") if m else ""
        who = clean(np)
        return who if np and _valid(who) else None
    return None


def _in_brackets(text: str, pos: int) -> bool:
    return text.count("(", 0, pos) > text.count(")", 0, pos)


# A quotation straight after the noun of a text or a thing that bears a name is that name: "General Assembly
# resolution “Combating glorification of Nazism …”", "the law “On Prohibition of …”", "the inscription “…”". A
# comma, a colon or "that" between them makes it the text's words instead ("resolution 77/335, in paragraph 77:").
_NAMED_BEFORE_RE = _rx(
    r"\b(?:resolutions?|decisions?|laws?|act|agreement|convention|declaration|strategy|plan|programme|project"
    r"|inscription|slogan|placard|poster|banner|sign|medal|diploma|honorary title|memoir|book|film|song|album"
    r"|article|publication|brochure|exhibition|exhibit|stand|campaign|festival|résolution|loi|resolución|ley"
    r"|резолюци\w*|закон\w*)(?:\s+No\.\s*[\w./-]+)?\s*$"
    # An agenda item's title after its number: "item 68 (b), “Promotion and protection of human rights”".
    r"|\b(?:sub-?)?items?\s+\d+(?:\s*\([a-z]\))?(?:\s+of\s+the\s+(?:provisional\s+)?agenda)?\s*[,:]?\s*$",
    regex.IGNORECASE | regex.REVERSE)  # REVERSE: see is_title


def is_title(before: str) -> bool:
    """Say whether the words before a quotation make it a title, a name or a term.

    Both patterns end at the end of the text ("$") and are searched from there (REVERSE): a search from the start
    tried the long alternations at each of the 140 positions (3 times the time, issue 16); only whether one
    matches is asked here, which the direction of the search does not change.
    """
    tail = before[-140:]
    return _TITLE_BEFORE_RE.search(tail) is not None or _NAMED_BEFORE_RE.search(tail) is not None


def is_title_case(quoted: str) -> bool:
    """Say whether quoted words are a title in title case ("The Place of General Average in Marine Insurance")."""
    words = [w for w in rx.findall(r"[\p{L}’'-]+", quoted) if len(w) > 3]
    if len(words) < 3 or rx.search(r"[.;!?]\s", quoted):
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)
