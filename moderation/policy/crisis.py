# ruff: noqa: E501 -- the phrase patterns read best as one line each
"""Crisis signals: does a post say that someone is at risk of suicide or self-harm now?

Separate from the health-claim rule (``assess``): a crisis post is never held, it gets help
shown and moderators alerted. Plain Python, standard library only; see docs/POLICY.md,
section "Crisis signposting", for the rule in prose and the measured figures.

The rule, in short:

- **crisis** when the author says that they themselves think of suicide, want to die or not
  wake up, harm themselves, or feel others would be better off without them, in clinical
  words or plain talk, in Dutch or English; and also when they say that a living person they
  know is at risk *now* ("hoe steun ik mijn vriendin die suïcidaal is"): moderators should
  know about that topic too;
- **not crisis**: idioms and hyperbole ("ik ga dood van het lachen", "this bug is killing me",
  "I could kill for a coffee"), stories about films, books, songs and the news, general
  questions about medicines (overdose risk, side effects), statistics and prevention,
  grief about a suicide in the past, accidents ("cut myself shaving"), and the author's own
  past that is explicitly over.

Usage::

    from moderation.policy.crisis import detect_crisis
    detect_crisis(text).crisis        # bool
    detect_crisis(text).signals       # names of the rules that fired
"""

from __future__ import annotations

import datetime
import html as html_module
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from . import crisis_model
from .needles import needles

__all__ = ["CrisisAssessment", "detect_crisis", "crisis_text", "sentences_model_may_judge"]


# --- normalising -----------------------------------------------------------

try:  # the shared normaliser (moderation/policy/normalise.py), once it exists
    from .normalise import normalise as _shared_normalise
except ImportError:  # pragma: no cover - depends on what is merged
    _shared_normalise = None

try:  # the shared "what readers see" of rendered HTML (moderation/policy/visible.py)
    from .visible import visible_document as _shared_visible_document
except ImportError:  # pragma: no cover - depends on what is merged
    _shared_visible_document = None


# Cyrillic and Greek letters that look like Latin ones; NFKC does not map them.
_CONFUSABLES = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
    "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "һ": "h", "ӏ": "l",
    "ɑ": "a", "ɡ": "g", "ı": "i", "ȷ": "j", "ℓ": "l",
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t",
    "υ": "u", "χ": "x", "ω": "w", "ς": "s", "σ": "o",
    "\u2018": "'", "\u2019": "'", "\u02bc": "'", "`": "'", "´": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "«": '"', "»": '"',
    "\u2026": ".",
})
# Zero-width and direction marks, soft hyphens, variation selectors: invisible to readers.
_INVISIBLE_RE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
                           "\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff]")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})
# A number with its unit ("30mg", "4kg", "15x") is a quantity, not a word in disguise.
_LEET_WORD_RE = re.compile(r"(?<![\w@$])(?![0-9]+(?:mg|mcg|ug|g|gr|kg|ml|cl|l|cm|mm|km|m|x|e|de|ste|st|nd|rd|th|u|uur|min|jr|kcal)(?![\w@$]))(?=[a-z0-9@$]*[a-z])(?=[a-z0-9@$]*[013457@$])[a-z0-9@$]+(?![\w@$])")
_LEET_CHAR_RE = re.compile(r"[013457@$]")
# "z e l f m o o r d", "s.u.i.c.i.d.e": four or more single letters in a row become one word.
_SPACED_RE = re.compile(r"\b(?:[a-z][ .\-*_]){3,}[a-z]\b")
_REPEAT_RE = re.compile(r"([a-z])\1{2,}")
_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def _fold(text):
    text = unicodedata.normalize("NFKC", text)
    text = unicodedata.normalize("NFKD", _INVISIBLE_RE.sub("", text).translate(_CONFUSABLES).lower())
    if not text.isascii():  # no ASCII character is a combining mark
        text = "".join(c for c in text if not unicodedata.combining(c))
    return text.translate(_CONFUSABLES)


def _leet(match):
    return match.group().translate(_LEET)


def normalise(text: str) -> str:
    """Lower case, no diacritics, no invisible characters, look-alike letters and digits as
    the letters they imitate, spaced-out letters joined, long letter runs shortened."""
    if _shared_normalise is not None:
        text = _shared_normalise(text)
    text = _fold(text)
    if _LEET_CHAR_RE.search(text):  # a word in disguise has one of these
        text = _LEET_WORD_RE.sub(_leet, text)
    text = _SPACED_RE.sub(lambda m: re.sub(r"[ .\-*_]", "", m.group()), text)
    text = _REPEAT_RE.sub(r"\1\1", text)
    return _SPACES_RE.sub(" ", text)


# --- typo tolerance --------------------------------------------------------

# The words the patterns depend on; a word one edit away (two for long ones) is read as it.
_LEXICON = """
zelfmoord zelfmoordgedachten zelfmoordpoging zelfdoding suicide suicidaal suicidale suicidal
doodsgedachten doodswens zelfbeschadiging automutilatie afscheidsbrief overdosis overdose
mezelf mijzelf zichzelf myself himself herself themselves iedereen niemand
snijden gesneden beschadigen aandoen ophangen verhangen beeindigen anymore without everyone
""".split()
_LEXICON_SET = frozenset(_LEXICON)
# Real words one edit away from a lexicon word that must stay themselves.
_KEEP = frozenset("""jezelf uzelf hemzelf haarzelf onszelf zichzelfs niemands iemand mijzelfs
aandoet aandeed sneden snijdend suicides overdoses everyones without""".split())


def _distance_at_most(a, b, limit):
    """Damerau-Levenshtein distance of a and b, or limit + 1 when it is larger."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2 = None
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if previous2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


# Short words: only a swap of two neighbouring letters ("lfie") is read as them.
_SHORT = ("life", "dood", "dead", "kill", "die")


def _deletions(word, depth):
    """The word with up to ``depth`` letters left out, the word itself included."""
    found, layer = {word}, {word}
    for _ in range(depth):
        layer = {w[:i] + w[i + 1:] for w in layer for i in range(len(w))}
        found |= layer
    return found


def _typo_limit(known):
    return 2 if len(known) >= 9 else 1


# Every lexicon word (six letters or more) under each of its deletions: two words within k edits
# (insertions, deletions, substitutions, swaps) share a deletion of at most k letters from each, so
# only the lexicon words sharing one with a word need the distance computed ("symmetric delete").
_BY_DELETION = {}
for _rank, _known in enumerate(_LEXICON):
    if len(_known) >= 6:
        for _deleted in _deletions(_known, _typo_limit(_known)):
            _BY_DELETION.setdefault(_deleted, set()).add(_rank)


@lru_cache(maxsize=4096)
def _corrected(word):
    if len(word) == 4 and word not in _SHORT:
        for known in _SHORT:
            if len(known) == 4 and sorted(word) == sorted(known) and sum(x != y for x, y in zip(word, known, strict=True)) == 2:
                return known
    if len(word) < 5 or word in _LEXICON_SET or word in _KEEP:
        return word
    candidates = set()
    for deleted in _deletions(word, 2):
        candidates |= _BY_DELETION.get(deleted, set())
    for rank in sorted(candidates):  # the lexicon's order decides between two near words
        known = _LEXICON[rank]
        limit = _typo_limit(known)
        if _distance_at_most(word, known, limit) <= limit:
            return known
    return word


# Words of fewer than four letters are never corrected: the pass need not call back for them.
_TYPO_WORD_RE = re.compile(r"[a-z]{4,}")


def _correct_typos(text):
    return _TYPO_WORD_RE.sub(lambda m: _corrected(m.group()), text)


# --- patterns --------------------------------------------------------------

def _c(pattern):
    return re.compile(pattern)


_GAP = r"(?:[\w',]+\s+){0,%d}?"
I_NL = r"(?:ik|k|ikke|'k)"
NIET_MEER = r"(?:niet|nie|ni|nooit)\s*(?:meer|mer)"
I_EN = r"(?:i|im|i'm|ive|i've|i'd|id|i'll)"
NOT_EN = r"(?:don't|dont|do\s+not|didn't|no\s+longer|never|don't\s+really|dont\s+really)"
SELF_EN = r"(?:myself|my\s*self|meself)"
SELF_NL = r"(?:mezelf|mijzelf|me\s+zelf|mij\s+zelf|me)"
THIRD_EN = r"(?:himself|herself|themselves|themself)"
SUICIDE = r"(?:zelf\s?moord\w*|zelfdoding\w*|suicid\w*|doodsgedachte\w*|doodswens\w*)"
SELFHARM = r"(?:zelfbeschadiging|automutilatie|self[\s-]?harm\w*|self[\s-]?injur\w*|zelf\s?verwonding\w*)"

# The author about themselves.
# How long and how often, between a verb and what it is about ("ik heb sinds een paar weken elke dag
# zelfmoordgedachten"): these words never change what the sentence says, so they are not counted in its gap.
_WHEN_NL = (r"(?:(?:sinds|al|elke|iedere|ieder|een|paar|twee|drie|weken|dagen|maanden|jaar|dag|nacht|avond|week|"
            r"tijdje|tijd|vaak|soms|steeds|weer|opnieuw|de|laatste|nu|echt|best|veel|heel|nog|ook|wel|af|en|toe)\s+){0,7}")

SELF_PATTERNS = [
    ("nl.stoppen_met_leven", r"\b(?:ik|k)\s+(?:\w+\s+){0,4}?(?:stop|stoppen|ophouden|ophoud)\s+met\s+(?:leven|ademen|bestaan)\b"),
    ("en.stop_living", r"\bi(?:'m|\s+am|\s+want\s+to|\s+wanna|\s+will|'ll|\s+just\s+want\s+to)?\s+(?:\w+\s+){0,3}?(?:stop|quit)\s+(?:living|existing|breathing\s+for\s+good)\b"),
    # Dutch
    ("nl.er_een_eind_aan", r"\b(?:er|d'r|der)\s+(?:[\w']+\s+){0,3}?einde?\s+aan\s+" + _GAP % 3 + r"(?:te\s+)?ma+(?:ken|k|kt|kte|kten)\b"),
    ("nl.een_eind_eraan", r"\b(?:een|n|'n)\s+einde?\s+(?:eraan|aan)\s+(?:te\s+)?ma(?:ken|ak)\b(?!\s+(?:aan|met)\b)(?=\s*(?:[.,!?]|$|en\b|want\b|maar\b|omdat\b))"),
    ("nl.eind_aan_mijn_leven", r"\beinde?\s+(?:aan|maken\s+aan|te\s+maken\s+aan)\s+(?:mijn|m'n|mn|dit|het|me)\s+leven"),
    ("nl.leven_beeindigen", r"\b(?:mijn|m'n|mn|me)\s+(?:eigen\s+)?leven\s+(?:te\s+)?(?:beeindigen|stoppen|nemen|afsluiten)"),
    ("nl.als_ik_er_niet_meer_ben", r"\b" + I_NL + r"\s+er\s+" + _GAP % 2 + NIET_MEER + r"\s+(?:ben|zou\s+zijn|zal\s+zijn|was)\b"),
    ("nl.er_niet_meer_wil_zijn", r"\b" + I_NL + r"\s+er\s+" + _GAP % 2 + NIET_MEER + r"\s+(?:wil|wilde|hoef|wou|zou\s+willen)\s+(?:te\s+)?(?:zijn|bestaan)\b"),
    ("nl.denk_aan_de_dood", r"\b" + I_NL + r"\s+(?:denk|dacht)\s+(?:(?:steeds|vaak|veel|continu|constant|de\s+hele\s+dag|elke\s+dag|soms|weer|zo\s+vaak)\s+)*(?:aan|na\s+over)\s+(?:de\s+dood|doodgaan|dood\s+gaan|sterven)\b"),
    ("nl.dood_wil", r"\b(?:je|ik|k)\s+(?:(?:gewoon|echt|soms|eigenlijk|liever)\s+)*dood\s+(?:wil|wilt|wou|zou\s+willen|wilde)\b(?!\s+(?:van|door)\b)|\bstoppen\s+met\s+(?:het\s+)?leven\b"),
    ("nl.hoe_eind_aan_leven", r"\b(?:hoe|manieren\s+om|manier\s+om)\s+" + _GAP % 4 + r"einde?\s+aan\s+(?:je|jouw|mijn|m'n|het)\s+(?:eigen\s+)?leven|\b(?:pijnloze|pijnloos|snelste)\s+(?:\w+\s+){0,2}?(?:manier|manieren|dood|zelfmoord)"),
    ("nl.gedachten_aan", r"\bgedachte\w*\s+(?:aan|over)\s+(?:de\s+dood|doodgaan|dood\s+gaan|zelfmoord|er\s+(?:een\s+)?einde?\s+aan|een\s+einde?\s+aan\s+mijn|niet\s+meer\s+(?:leven|wakker))"),
    ("nl.worstel_met", r"\b(?:worstel\w*|kamp\w*|vecht\w*|terugval\w*|drang|behoefte)\s+(?:\w+\s+){0,2}?(?:met|tegen|om|naar)\s+(?:\w+\s+){0,1}?(?:" + SUICIDE + r"|" + SELFHARM + r"|krassen|snijden|te\s+krassen|te\s+snijden)"),
    ("nl.krassen_gewoonte", r"\b(?:met|weer|gaan|aan\s+het)\s+(?:gaan\s+)?(?:krassen|snijden)\b(?!\s+(?:van|in|op|aan)\b)"),
    ("nl.springen_eraf", r"\b" + I_NL + r"\s+" + _GAP % 4 + r"(?:eraf|er\s+af|ervan\s+af|naar\s+beneden|ervoor)\s+(?:te\s+)?(?:wil\s+|ga\s+|zou\s+)?springen\b"),
    ("nl.in_mijn_armen", r"\b(?:in|op)\s+(?:mijn|m'n|mn|me)\s+(?:armen|arm|benen|been|polsen|pols|dijen|dij|bovenbenen|bovenbeen|buik|huid|heupen)\s+" + _GAP % 2 + r"(?:gesneden|snijden|snij|sneed|gekrast|krassen|kras|kraste|gebrand|branden)\b"),
    ("nl.van_het_leven_beroven", r"\b(?:mezelf|mijzelf|me)\s+" + _GAP % 2 + r"van\s+het\s+leven\s+(?:\w+\s+)?(?:te\s+)?beroven\b"),
    ("nl.overdosis_nemen", r"\b" + I_NL + r"\s+" + _GAP % 4 + r"(?:wil|denk|dacht|overweeg|overwoog|ga|zou|plan)\s+" + _GAP % 4 + r"(?:overdosis|alle\s+pillen|al\s+mijn\s+pillen|de\s+hele\s+strip)\s+" + _GAP % 2 + r"(?:te\s+)?(?:nemen|innemen|slikken|in\s+te\s+nemen)\b"),
    ("nl.verdwijnen_voorgoed", r"\bverdwijnen\s+en\s+nooit\s+meer\s+terug|\b(?:wil|wou|wilde)\s+" + _GAP % 2 + r"(?:voorgoed\s+|voor\s+altijd\s+)?verdwijnen\W+(?:voor\s+altijd|voorgoed|en\s+nooit\s+meer\s+terug)|\b(?:wil|wou|wilde)\s+" + _GAP % 2 + r"(?:voorgoed|voor\s+altijd)\s+verdwijnen\b"),
    ("nl.voor_de_trein", r"\b(?:om|wil|ga|zou|wilde|wou|denk|dacht|erover)\s+" + _GAP % 4 + r"(?:voor\s+(?:de|een)\s+(?:trein|metro|tram|vrachtwagen|auto|bus)|van\s+(?:het|een|de)\s+(?:dak|brug|flat|balkon|galerij))\s+(?:af\s+)?(?:te\s+)?(?:springen|spring|stappen|gooien)\b"),
    ("nl.punt_achter_leven", r"\bpunt\s+" + _GAP % 4 + r"achter\s+(?:mijn|m'n|mn|het|dit)\s+(?:eigen\s+)?leven\b"),
    ("nl.pillen_klaar", r"\b(?:alle|al\s+mijn|al\s+de|de|mijn)\s+(?:pillen|tabletten|medicijnen|medicatie|slaappillen)\s+" + _GAP % 6 + r"(?:in\s+een\s+(?:zakje|doosje|tas)|bij\s+elkaar|verzameld|klaarliggen|klaar\s+liggen|klaargelegd|klaar\s+gelegd|liggen\s+klaar|klaar)\b"),
    ("nl.een_stap", r"\b(?:een|één|one|1)\s+(?:stap|step)\s+(?:en|and)\s+(?:het|it|alles|everything)\s*(?:is|'s|s)?\s+(?:voorbij|over|klaar|done)\b"),
    ("nl.manieren_om", r"\b(?:manieren|manier|methodes?|methoden)\s+(?:om\s+)?(?:\w+\s+){0,1}?(?:zelfmoord|suicide|er\s+(?:een\s+)?einde?\s+aan|een\s+einde?\s+aan|dood\s+te\s+gaan|te\s+sterven|mezelf|zelfdoding)"),
    ("nl.touw", r"\b" + I_NL + r"\s+" + _GAP % 5 + r"(?:touw|strop)\b|\b(?:mijn|het|een)\s+(?:touw|strop)\s+" + _GAP % 4 + r"(?:klaar|liggen|ligt|hangt|gekocht)\b"),
    ("nl.op_de_rand", r"\b" + I_NL + r"\s+" + _GAP % 3 + r"(?:zit|sta|stond|zat|lig|lag)\s+" + _GAP % 2 + r"(?:op|aan)\s+(?:de\s+)?(?:rand\s+van\s+(?:de|het|een)\s+(?:brug|dak|flat|balkon|kade|perron)|het\s+spoor|de\s+rails|het\s+dak|de\s+brug)\b|\bop\s+de\s+rails\s+" + _GAP % 2 + r"(?:te\s+)?wachten\b"),
    ("nl.alle_pillen_tegelijk", r"\b(?:alle|al\s+mijn|al\s+de)\s+(?:\w+\s+)?(?:pillen|tabletten|medicijnen|medicatie|\w+pam|\w+ine|\w+ol)\s+" + _GAP % 2 + r"(?:in\s+een\s+keer|in\s+1\s+keer|tegelijk|tegelijkertijd)\b"),
    ("nl.beter_af_zonder_een", r"\bbeter\s+af\s+(?:\w+\s+){0,2}?zonder\s+(?:een|zo'n|zo\s+een)\s+\w+\s+(?:als|zoals)\s+(?:ik|mij)\b"),
    ("nl.dood_als_rust", r"\b(?:stel|voorstel|droom|fantaseer)\w*\b.{0,40}\b(?:dood|er\s+niet\s+meer)\b.{0,40}\b(?:rust|opluchting|fijn|heerlijk|bevrijding)\b"),
    ("nl.niets_doet_ertoe", r"\b(?:niets|niks|nergens)\s+(?:doet\s+er|heeft)\s+(?:nog|meer)\s+(?:toe|zin)\b"),
    ("nl.spullen_weg", r"\b" + I_NL + r"\s+" + _GAP % 2 + r"(?:geef|doe|deed|gaf)\s+" + _GAP % 2 + r"(?:spullen|bezittingen|dingen)\s+weg\b"),
    ("nl.geprobeerd", r"\b" + I_NL + r"\s+" + _GAP % 4 + r"(?:geprobeerd|probeerde|probeer)\b.{0,30}\b(?:overdosis|zelfmoord|mezelf\s+(?:op\s+te\s+hangen|te\s+doden|van\s+kant)|er\s+(?:een\s+)?einde?\s+aan|dood\s+te\s+gaan)"),
    ("nl.geen_toekomst", r"\b" + I_NL + r"\s+" + _GAP % 2 + r"(?:zie|heb|voel)\s+" + _GAP % 2 + r"geen\s+(?:enkele\s+)?toekomst\b"),
    ("nl.uit_het_leven", r"\buit\s+het\s+leven\s+(?:te\s+)?(?:stappen|gaan|stap)"),
    ("nl.niet_meer_wakker", r"\b(?:" + I_NL + r"|wil|wou|hoop|hoopte|wens|liefst|zou)\s+" + _GAP % 6 + NIET_MEER + r"\s+(?:op\s+)?(?:wakker|wakke|wakken|ontwaken)"),
    ("nl.er_niet_meer_zijn", r"\b(?:wil|wou|hoef|zou|wilde)\s+" + _GAP % 3 + r"(?:er|hier)\s+" + _GAP % 2 + NIET_MEER + r"\s+(?:te\s+)?(?:zijn|wezen|bestaan)\b"),
    ("nl.niet_meer_leven", r"\b(?:" + I_NL + r"\s+" + _GAP % 3 + r"(?:wil|wou|hoef|kan|wilde)|wil|hoef)\s+" + _GAP % 3 + NIET_MEER + r"\s+(?:verder\s+)?(?:leven|bestaan|verder\s+leven)\b"),
    ("nl.wil_niet_meer", r"\b" + I_NL + r"\s+(?:wil|hoef|wilde)\s+(?:(?:echt|gewoon|eigenlijk|gwn|gewoonweg|allemaal|zo)\s+)?" + NIET_MEER + r"\s*(?:[.!]|$)"),
    ("nl.wil_dood", r"\b(?:wil|wou|wilde)\s+(?:(?:ik|k|gewoon|gwn|echt|alleen\s+maar|het\s+liefst|liefst|eigenlijk|zo\s+graag|graag|heel|soms|nu|dan|ook|gewoonweg|zo|nog\s+steeds|steeds)\s+)*(?:doodgaan|dood\s+gaan|dood|sterven)\b(?!\s+(?:gaan\s+)?(?:van|door|aan)\b)"),
    ("nl.was_ik_maar_dood", r"\b(?:was\s+" + I_NL + r"\s+maar\s+dood|wou\s+dat\s+" + I_NL + r"\s+dood\s+was|(?:ben|zou|was)\s+" + _GAP % 2 + r"(?:liever|beter\s+af)\s+dood(?!\s+dan\b)|dood\s+zijn\s+lijkt\s+me\s+(?:beter|makkelijker|fijner))"),
    ("nl.beter_af_zonder_mij", r"\b(?:beter|gelukkiger|makkelijker)\s+(?:af\s+)?(?:(?:is|zijn|zou\s+zijn|was|zal\s+zijn|zijn\s+ze|is\s+iedereen)\s+)?zonder\s+(?:mij|me)\b|\bzonder\s+(?:mij|me)\s+(?:\w+\s+){0,2}?(?:beter|beter\s+af|gelukkiger|blijer|makkelijker|opgeluchter)\b"),
    ("nl.beter_af_als_ik_er_niet", r"\b(?:beter\s+af|gelukkiger|makkelijker|beter)\b.{0,30}\bals\s+" + I_NL + r"\s+er\s+(?:gewoon\s+)?(?:niet|nie)\s+(?:meer\s+)?(?:was|ben|zou\s+zijn|zijn)\b"),
    ("nl.niemand_mist_mij", r"\bniemand\s+(?:zou|zal|gaat)\s+(?:mij|me)\s+(?:echt\s+)?missen\b|\bniemand\s+(?:zou|zal)\s+(?:het\s+)?merken\s+als\s+" + I_NL + r"\s+(?:er\s+)?" + NIET_MEER),
    ("nl.mezelf_iets_aandoen", r"\b" + SELF_NL + r"\s+" + _GAP % 3 + r"(?:iets|wat|wat\s+ergs|iets\s+ergs)\s+(?:aan\s+(?:\w+\s+){0,2}?doen|aandoen|aandoe)\b"),
    ("nl.mezelf_snijden", r"\b(?:" + SELF_NL + r"|" + I_NL + r")\s+" + _GAP % 3 + r"(?:snijden|snij|snijd|sneed|sneden|gesneden|krassen|kras|kraste|krasten|gekrast|beschadigen|beschadig|beschadigde|branden|brand|gebrand)\b(?!\s+(?:op|in)\s+(?:de|het|mijn|m'n)\s+(?:auto|fiets|scherm|telefoon|vinger))"),
    ("nl.mezelf_slaan", r"\b(?:mezelf|mijzelf)\s+" + _GAP % 2 + r"(?:geslagen|slaan|sla|sloeg|uithongeren|uitgehongerd|stompen|gestompt)\b(?!\s+(?:voor|om)\b)(?!.*\bkop\b)"),
    ("nl.mezelf_pijn_doen", r"\b(?:mezelf|mijzelf)\s+" + _GAP % 2 + r"(?:pijn\s+(?:te\s+)?doen|pijn\s+doe|pijn\s+gedaan)\b|\b(?:doe|deed|doen)\s+(?:mezelf|mijzelf)\s+" + _GAP % 2 + r"pijn\b"),
    ("nl.mezelf_van_kant", r"\b(?:mezelf|mijzelf|me)\s+" + _GAP % 3 + r"(?:van\s+kant\s+(?:te\s+)?maken|ophangen|op\s+te\s+hangen|verhangen|te\s+verhangen|dood\s*(?:te\s+)?maken|om\s+het\s+leven\s+(?:te\s+)?brengen|verdrinken|doodschieten|dood\s+te\s+schieten)\b"),
    ("nl.springen", r"\b" + I_NL + r"\s+" + _GAP % 6 + r"(?:voor\s+(?:de|een)\s+trein|van\s+(?:het|een|de)\s+(?:dak|brug|flat|balkon|galerij|toren|dom|kerktoren|parkeergarage|viaduct))\s+" + _GAP % 2 + r"(?:springen|spring|te\s+springen|stappen|gooien)\b"
                    r"|\b(?:spring|springen)\s+" + I_NL + r"\s+(?:\w+\s+){0,2}?van\s+(?:het|een|de)\s+(?:dak|brug|flat|balkon|galerij|toren|dom|kerktoren|parkeergarage|viaduct)\b"),
    # round 24 (dev: round 24): whether one is there or not does not matter
    ("nl.maakt_niet_uit_of_ik_er_ben", r"\b(?:maakt|boeit)\s+(?:toch\s+|echt\s+|het\s+)?(?:niks|niets|geen\s+bal|nie)\s+(?:meer\s+)?(?:uit\s+)?of\s+(?:ik|k)\s+(?:er\s+)?(?:ben|ga|zou\s+zijn|besta|leef)\s+of\s+(?:niet|nie)\b"),
    ("en.doesnt_matter_if_im_here", r"\b(?:doesn'?t|does\s+not|wouldn'?t|won'?t)\s+matter\s+(?:\w+\s+)?(?:if|whether)\s+i'?m\s+(?:here|alive|around|there)\s+or\s+not\b|\bnobody\s+would\s+(?:even\s+)?(?:notice|care)\s+if\s+i\s+(?:was|were|died|disappeared)\b"),
    ("nl.pillen_sparen", r"\b(?:pillen|tabletten|medicijnen|slaappillen|slaapmiddel\w*|oxazepam|temazepam|lorazepam|diazepam|zolpidem|zopiclon\w*|tramadol|codeine|oxycodon\w*|morfine|quetiapine|amitriptyline|paracetamol|\w+pam)\s+" + _GAP % 2 + r"(?:opgespaard|gespaard|aan\s+het\s+sparen|verzameld|op\s+te\s+sparen|opsparen)\b|\b(?:spaar|sparen)\s+" + _GAP % 4 + r"(?:pillen|tabletten|medicijnen|slaappillen|slaapmiddel\w*|oxazepam|temazepam|lorazepam|diazepam|zolpidem|zopiclon\w*|tramadol|codeine|oxycodon\w*|morfine|quetiapine|amitriptyline|paracetamol|\w+pam)\b"),
    ("nl.hoe_ik_het_ga_doen", r"\b(?:uitzoeken|uitgezocht|uit\s+te\s+zoeken|bedenken|bedacht|nadenken|nagedacht|plannen)\s+(?:\w+\s+)?(?:waar|hoe|wanneer)\s+(?:en\s+(?:waar|hoe|wanneer)\s+)?ik\s+het\s+(?:ga\s+doen|doe|zou\s+doen|wil\s+doen)\b"
                            r"|\b(?:uitzoeken|uit\s+te\s+zoeken)\s+hoe\s+en\s+wanneer\s*(?:,|$|net\s+als)"),
    ("en.fine_without_me", r"\b(?:you'?d|you\s+would|you'?ll|they'?d|they\s+would|everyone\s+would|everyone'?d|the\s+kids\s+would)\s+(?:all\s+)?(?:be\s+)?(?:fine|okay|ok|alright|better)\s+without\s+me\b"),
    ("en.if_hit_relieved", r"\bif\s+(?:a|the)\s+(?:bus|car|truck|lorry|train|tram)\s+(?:\w+\s+)?(?:hit|hits|ran\s+over|runs\s+over|took\s+me\s+out)\s+me\b.{0,60}?\b(?:i'?d|i\s+would|id)\s+(?:\w+\s+)?(?:be\s+)?(?:relieved|glad|happy|fine|ok|okay|not\s+mind|welcome\s+it)\b"
                         r"|\b(?:i'?d|i\s+would|id)\s+(?:\w+\s+)?(?:be\s+)?(?:relieved|glad|not\s+mind|welcome\s+it)\s+if\s+(?:a|the)\s+(?:bus|car|truck|lorry|train)\s+(?:\w+\s+)?(?:hit|ran\s+over)\s+me\b"),
    ("nl.hoop_niet_wakker", r"\b(?:hoop|hoopte|wens|wenste|zou\s+willen)\s+(?:\w+\s+){0,3}?dat\s+(?:ik|k)\s+(?:\w+\s+){0,2}?(?:niet|nie|nooit)\s+(?:meer\s+)?wakker\s+(?:word|wordt|zou\s+worden|worden)\b"),
    ("self.looked_up_painless", r"\b(?:ik|k)\s+(?:\w+\s+){0,4}?(?:opgezocht|gezocht|gegoogeld|google|zoek\s+op|zocht\s+op)\s+(?:\w+\s+){0,3}?['\"]?(?:hoe\s+(?:het|je\s+het|dat)\s+(?:\w+\s+)?(?:zonder\s+pijn|pijnloos)|pijnloze\s+manier\w*)"
                                r"|\b(?:i|ive|i've)\s+(?:\w+\s+){0,4}?(?:looked\s+up|googled|searched(?:\s+for)?|researched|researching|been\s+looking\s+up)\s+(?:\w+\s+){0,3}?['\"]?(?:painless\s+ways?|how\s+to\s+(?:do\s+it|die)\s+(?:without\s+pain|painlessly))"),
    ("nl.als_ik_verongeluk_prima", r"\bals\s+ik\s+(?:\w+\s+){0,3}?(?:onder\s+een\s+(?:vrachtwagen|auto|bus|trein|tram)\s+(?:kom|zou\s+komen|beland)|verongeluk|doodga|dood\s+ga|er\s+niet\s+meer\s+ben)\b.{0,40}\b(?:prima|best|fijn|een\s+opluchting|geen\s+probleem|niet\s+erg)\b"),
    ("nl.mezelf_slaan", r"\b(?:sla|sloeg|stomp|stompte|beuk|beukte)\s+(?:ik\s+)?(?:mezelf|mijzelf)\b(?!\s+(?:\w+\s+)?voor\s+(?:mijn|m'n|mn|de)\s+(?:kop|hoofd|kanis))"),
    ("nl.weet_waarvoor_ik_ze_bewaar", r"\bik\s+weet\s+(?:\w+\s+){0,2}?waar\s*voor\s+ik\s+(?:ze|die|deze|het|dat)\s+(?:\w+\s+)?(?:bewaar|spaar|verzamel|heb\s+(?:bewaard|gespaard|liggen))\b"),
    ("nl.om_dood_te_gaan", r"\b(?:hoeveel|genoeg|welke)\b.{0,60}\bom\s+(?:er\s+)?(?:dood\s+te\s+gaan|te\s+sterven|niet\s+meer\s+wakker|er\s+(?:een\s+)?eind|zeker\s+te\s+zijn\s+dat)"),
    ("nl.afscheidsbrief", r"\b" + I_NL + r"\s+" + _GAP % 5 + r"(?:afscheidsbrie\w*|afscheidsbericht\w*)"),
    ("nl.geen_zin_meer", r"\b(?:het|mijn|m'n|dit)\s+leven\s+(?:heeft|is)\s+(?:voor\s+mij\s+)?(?:geen|nul|totaal\s+geen|echt\s+geen|helemaal\s+geen)\s+(?:zin|nut|waarde)\b|\bgeen\s+(?:enkele\s+)?(?:zin|reden)\s+(?:meer\s+)?(?:in|om)\s+(?:het\s+|mijn\s+|te\s+)?(?:leven|door\s+te\s+gaan|verder\s+te\s+gaan)\b|\bwaarom\s+zou\s+" + I_NL + r"\s+(?:nog\s+)?(?:doorgaan|verder\s+gaan|leven|blijven\s+leven)\b|\bwat\s+(?:is|heeft)\s+(?:het\s+)?(?:nog\s+)?(?:voor\s+)?(?:zin|nut)\s+(?:van\s+)?(?:het\s+|mijn\s+|nog\s+)?(?:leven|doorgaan)\b|\bwat\s+(?:heeft|is)\s+(?:het|mijn|m'n|dit)\s+leven\s+(?:nog\s+)?(?:voor\s+)?(?:zin|nut)\b"),
    ("nl.zie_het_niet_meer_zitten", r"\bzie\s+(?:het|t)\s+(?:(?:allemaal|echt|gewoon|leven|totaal|helemaal|even)\s+)*" + NIET_MEER + r"\s+zitten\b(?!\s+(?:om|met|dat|bij|op|voor|in)\b)"),
    ("nl.klaar_met_leven", r"\b(?:klaar|kl44r)\s+met\s+(?:het|mijn|m'n|dit)\s+leven\b|\bhet\s+leven\s+(?:meer\s+dan\s+)?zat\b|\blevensmoe\b|\bmoe\s+van\s+het\s+leven\b"),
    ("nl.ik_denk_aan_zelfmoord", r"\b" + I_NL + r"\s+" + _GAP % 3 + r"(?:denk|dacht|overweeg|overwoog|fantaseer|pieker|plan|wil|ga|heb|hep|had|krijg|kreeg|zit|worstel|kamp|loop|speel|voel|ben|doe|deed)\s+" + _WHEN_NL + _GAP % 4 + r"(?:" + SUICIDE + r"|" + SELFHARM + r")"),
    ("nl.zelfmoordgedachten_heb_ik", r"\b(?:" + SUICIDE + r"|" + SELFHARM + r")\s+" + _GAP % 3 + r"(?:heb|had|krijg|kreeg|hou|houd)\s+" + I_NL + r"\b"),
    ("nl.mijn_zelfmoordgedachten", r"\b(?:mijn|m'n|mn)\s+" + _GAP % 1 + r"(?:" + SUICIDE + r"|" + SELFHARM + r")"),
    ("nl.zelfmoordgedachten_van", r"\b(?:zelfmoordgedachte\w*|suicidale\s+gedachte\w*|doodsgedachte\w*|doodswens)\s+" + _GAP % 3 + r"(?:van\s+(?:de|deze|die|mijn)|sinds|door\s+(?:de|deze|die|mijn))\b"),
    # English
    ("en.kill_myself", r"\b(?:kill|killing|kil|murder|off|offing|unalive|unaliving|shoot|hang|hanging|drown|poison)\s+" + SELF_EN + r"\b|\bkms\b|\bunalive\b"),
    ("en.end_it_all", r"\bend(?:ing|ed)?\s+it\s+all\b|\b(?:end|ending|take|taking|stop)\s+(?:my|me)\s+(?:own\s+)?life\b|\bend\s+(?:things|everything|it)\s+(?:for\s+good|tonight|now|forever)\b"),
    ("en.dont_want_to_be_here", r"\b" + I_EN + r"\s+" + _GAP % 2 + NOT_EN + r"\s+(?:\w+\s+)?(?:want|wanna|wish)\s+(?:to\s+)?(?:be\s+(?:here|alive|around|on\s+this\s+earth)|live(?!\s+(?:in|at|near|on|abroad|alone|together|there|here)\b)(?!\s+with\s+(?:my|the|his|her|our|a|these|those)\s+(?:parents|mum|mom|dad|family|partner|husband|wife|boyfriend|girlfriend|roommates?|flatmates?|friends?|in-laws|kids)\b)|exist|wake\s+up|go\s+on|keep\s+(?:living|going)|be\s+anymore)\b"),
    ("en.want_to_die", r"\b(?:" + I_EN + r"|just|really|honestly)\s+" + _GAP % 3 + r"(?:want|wanna|wanted|wish|wished)\s+(?:to\s+)?(?:die|be\s+dead|disappear\s+(?:forever|for\s+good|permanently)|stop\s+existing|not\s+exist|sleep\s+forever)\b(?!\s+(?:of|from)\s+(?:embarrassment|shame|laughter|laughing|cringe|boredom))"),
    ("en.wish_i_was_dead", r"\bwish\s+" + I_EN + r"\s+(?:was|were|had\s+been|could\s+(?:just\s+)?be)\s+(?:dead|gone|never\s+born)\b|\b(?:vanish|disappear)\w*\s+and\s+never\s+(?:have\s+to\s+)?come\s+back\b|\bwish\s+" + I_EN + r"\s+(?:could\s+|would\s+)?(?:just\s+)?(?:die|disappear(?=\s*(?:[.,!?]|$|forever|for\s+good|and\s+never))|not\s+wake\s+up)\b"),
    ("en.not_wake_up", r"\b(?:sleep|asleep|bed)\s+and\s+(?:never|not|just\s+not)\s+wake\s+up\b|\b" + I_EN + r"\s+" + _GAP % 4 + r"(?:never|not|don't|wouldn't|won't)\s+wake\s+up\b"),
    ("en.happier_without_me", r"\b(?:happier|easier|better)\s+(?:without\s+me|if\s+" + I_EN + r"\s+(?:was|were|wasn't|weren't)\s+(?:gone|dead|not\s+around|around|here|alive))\b|\bthink\w*\s+about\s+not\s+being\s+(?:here|alive|around)\b|\b(?:go\s+to\s+)?sleep\s+forever\b"),
    ("en.better_off_without_me", r"\bbetter\s+off\s+(?:without\s+me|if\s+" + I_EN + r"\s+(?:was|were|wasn't|weren't|died|disappeared)|with\s+me\s+(?:gone|dead))\b|\bbetter\s+off\s+dead\b|\b(?:world|everyone|everybody|family|they)\s+(?:would\s+be|'d\s+be|is)\s+better\s+without\s+me\b"),
    ("en.no_one_would_miss_me", r"\b(?:no\s*one|nobody|no-one)\s+(?:would|will|is\s+going\s+to|'d)\s+(?:even\s+)?(?:miss\s+me|notice\s+if\s+" + I_EN + r"|care\s+if\s+" + I_EN + r")"),
    ("en.no_reason_to_live", r"\bno\s+(?:reason|point|will)\s+(?:left\s+)?(?:to|in)\s+(?:live|living|go\s+on|going\s+on|keep\s+going|being\s+alive)\b|\b(?:what's|whats|what\s+is)\s+the\s+point\s+(?:of|in)\s+(?:living|life|being\s+alive|going\s+on)\b|\blife\s+(?:isn't|is\s+not|isnt|aint|ain't)\s+worth\s+living\b|\bdon't\s+see\s+the\s+point\s+(?:of|in)\s+(?:living|life|going\s+on|being\s+alive)\b|\bcan't\s+go\s+on\s+living\b"),
    ("en.self_harm_myself", r"\b(?:cut|cutting|cuts|burn|burning|burned|hurt|hurting|harm|harming|injure|injuring|punish|punishing|scratch|scratching|hit|hitting|punch|punching|starve|starving|bang|banging)\s+" + SELF_EN + r"\b"),
    ("en.done_with_life", r"\b(?:done|finished)\s+with\s+(?:life|living|it\s+all|everything)\b|\btired\s+of\s+(?:living|being\s+alive|existing|life)\b|\bdone\s+living\b"),
    ("en.i_am_suicidal", r"\b(?:" + I_EN + r"|me|my|feeling|feel|felt|been|keep|having|having\s+some)\s+" + _GAP % 4 + r"(?:" + SUICIDE + r"|" + SELFHARM + r")"),
    ("en.method", r"\bhow\s+(?:many|much)\b.{0,50}\b(?:to|would\s+it\s+take\s+to|does\s+it\s+take\s+to|do\s+i\s+need\s+to)\s+(?:die|kill|not\s+wake\s+up|end\s+it|overdose)\b|\b(?:stockpil\w*|saving\s+up|hoarding|collecting)\s+(?:my\s+|some\s+)?(?:pills|tablets|meds|medication|sleeping\s+pills)\b"),
    ("nl.god_haalt_me", r"\b(?:hoop|bid|wens|zou\s+willen)\s+(?:\w+\s+){0,2}?dat\s+(?:god|de\s+lieve\s+heer|onze\s+lieve\s+heer|de\s+heer)\s+(?:me|mij)\s+(?:\w+\s+)?(?:komt\s+halen|haalt|weghaalt|roept|bij\s+zich\s+roept)\b"),
    ("en.god_take_me", r"\b(?:wish|hope|pray|praying|hoping)\s+(?:that\s+)?god\s+(?:would|will|'d|could)\s+(?:just\s+)?(?:take|call)\s+me\b"),
    ("en.not_a_burden_much_longer", r"\b" + I_EN + r"\s+(?:\w+\s+)?(?:won't|wont|will\s+not)\s+be\s+(?:a\s+)?(?:problem|burden|bother|trouble|nuisance)\s+(?:for|to|on)\s+(?:anyone|anybody|you|them|everyone|you\s+all|my\s+\w+)\s+(?:much\s+longer|for\s+(?:much\s+)?longer|for\s+long|soon)\b"
                                 r"|\b(?:niet\s+lang\s+meer|binnenkort\s+niet\s+meer)\s+(?:tot\s+)?last\b"),
    ("en.enough_to_not_wake_up", r"\b(?:my|of\s+my)\b(?:\s+[\w']+){0,4}?\s+(?:enough|be\s+enough)\s+to\s+(?:just\s+|finally\s+)?(?:not\s+wake\s+up|never\s+wake\s+up|die|end\s+it|kill\s+me|kill\s+myself)\b"),
    ("en.no_point_going_on", r"\b(?:don't|dont|do\s+not|can't|cant|cannot)\s+see\s+(?:much\s+|any\s+|the\s+)?(?:point|reason)\s+(?:in|to|of)\s+(?:going\s+on|carrying\s+on|living|being\s+alive|life|staying\s+alive)\b"),
    ("en.how_i_would_do_it", r"\b(?:thinking|thought|think|planning|planned|worked|working|figured|figuring)\s+(?:about\s+|out\s+)?(?:how|where|when)\s+(?:and\s+(?:how|where|when)\s+)?(?:i\s+would|i'd|i\s+will|i'll|i'm\s+going\s+to|i\s+am\s+going\s+to|i\s+could)\s+do\s+it\b(?!\s+(?:differently|better|again|if|without|with|on\s+my|alone|myself|instead|next))"),
    ("en.if_i_wasnt_around", r"\b(?:better|easier|happier|save|saved|relief|relieved|lighter|simpler)\b.{0,60}\bif\s+i\s+(?:just\s+|simply\s+)?(?:wasn't|weren't|was\s+not|were\s+not)\s+(?:around|here|alive|there)\b"),
    ("en.hiding_doses", r"\b(?:skipping|skipped|skip|not\s+taking)\s+(?:some\s+of\s+|a\s+few\s+of\s+)?(?:my\s+)?(?:doses|pills|tablets|meds)\s+(?:and\s+)?(?:putting|keeping|hiding|saving|storing|stashing)\s+them\b"
                       r"|\bi\s+know\s+what\s+(?:the\s+|that\s+)?(?:just\s+)?in\s+case\s+means\b"),
    ("en.suicide_note", r"\b" + I_EN + r"\s+" + _GAP % 4 + r"(?:suicide\s+note|goodbye\s+(?:letter|note|letters|notes))\b"),
    ("en.thought_about_jumping", r"\b(?:thought|thinking|think)\s+(?:about\s+)?" + _GAP % 6 + r"(?:jump|jumping)\s+(?:off|in\s+front|from)\b|\b(?:want|going|gonna|thinking\s+about|think\s+about|tempted|urge)\s+(?:to\s+)?jump(?:ing)?\b(?!\s+(?:in|into|on|at|for|back|up|ship|start|rope|the\s+queue)\b)"),
    ("en.thoughts_of", r"\b(?:thinking|think|thought)\s+(?:about|abt|bout|of)\s+(?:suicide|killing\s+myself|ending\s+(?:it|my\s+life)|dying)\b(?!\s+(?:prevention|awareness|rates?|research|statistics|in\s+general))|\bthoughts?\s+(?:of|about)\s+(?:ending\s+(?:it|my\s+life|things|everything)|killing\s+myself|dying|suicide|not\s+being\s+(?:here|alive|around))\b|\b(?:painless|quickest|easiest)\s+(?:ways?|method\w*)\s+to\s+(?:die|kill|end)\b|\b(?:looking|looked|searching|searched|googl\w*)\s+(?:up\s+)?(?:\w+\s+){0,3}?(?:ways|how)\s+to\s+(?:die|kill\s+myself|end\s+it|end\s+my\s+life|do\s+it|commit\s+suicide)\b"),
    ("en.struggle_with", r"\b(?:struggl\w*|battl\w*|dealing|deal|cope|coping|relaps\w*|urges?)\s+(?:with\s+|to\s+)?(?:\w+\s+){0,2}?(?:self[\s-]?harm\w*|suicid\w*|cutting)\b|\b(?:can't|cant|cannot)\s+stop\s+(?:cutting|self[\s-]?harm\w*|hurting\s+myself)\b"),
    ("en.jump", r"\b" + I_EN + r"\s+" + _GAP % 6 + r"(?:jump|jumping|step)\s+(?:off|in\s+front\s+of|from)\s+(?:a|the|that)\s+(?:bridge|train|roof|building|balcony|cliff|car|truck)\b"),
    ("en.ending_it", r"\b(?:feel\s+like|thinking\s+(?:of|about)|thought\s+(?:of|about)|want\s+to|wanna|going\s+to|gonna|plan\s+to|planning\s+(?:to|on)|ready\s+to|about\s+to|decided\s+to)\s+(?:just\s+)?end(?:ing)?\s+it\b(?!\s+(?:with|between|at\s+work))"),
    ("en.overdose", r"\b" + I_EN + r"\s+" + _GAP % 3 + r"(?:thinking|think|thought|want|wanna|going|gonna|plan|planning|considering|tempted|might|will)\s+" + _GAP % 3 + r"(?:take|taking|swallow|swallowing)\s+(?:an?\s+|all\s+(?:my|the)\s+|the\s+whole\s+)?(?:overdose|od|pills|tablets|bottle|pack)\b"),
    ("en.cut_my_arms", r"\b(?:cut|cutting|cuts|burn|burning|scratch|scratching|carve|carving)\s+(?:my|me)\s+(?:arms?|wrists?|thighs?|legs?|skin|stomach|hips?)\b"),
    ("en.pills_ready", r"\b(?:all\s+(?:the|my|of\s+my)\s+|the\s+|my\s+)(?:pills|tablets|meds|medication|sleeping\s+pills)\s+" + _GAP % 6 + r"(?:in\s+a\s+(?:bag|box|pile)|together|lined\s+up|counted\s+out|ready|set\s+aside)\b"),
    ("nl.weer_gesneden", r"\b(?:weer|terug|opnieuw)\s+(?:gesneden|gekrast|gebrand)\b(?!\s+(?:in|aan|met|bij|op|door|van)\b)"),
    ("en.relapsed", r"\b(?:clean|free)\s+(?:from|of)\s+(?:self[\s-]?harm\w*|cutting)\b.{0,40}\b(?:relaps\w*|again)\b|\b(?:self[\s-]?harm\w*|cutting)\b.{0,30}\brelaps\w*"),
    ("en.dont_wanna_be_here", r"^\s*(?:(?:just|really|honestly|i)\s+)?" + NOT_EN + r"\s+(?:want|wanna)\s+(?:to\s+)?(?:be\s+(?:here|alive|around)|live|exist|wake\s+up)\b(?!\s+(?:in|with|at|near|on)\b)"),
    ("en.been_cutting", r"\b" + I_EN + r"\s+" + _GAP % 2 + r"(?:been\s+)?(?:cutting|self[\s-]?harming|burning\s+myself)\b(?!\s+(?:down|back|out|up|off|in|the|my\s+hair|carbs|sugar|calories|onions|vegetables|wood|paper|costs|corners|class))"),
    ("en.cut_my_arms_past", r"\b" + I_EN + r"\s+" + _GAP % 2 + r"(?:cut|scratched|burned|burnt|carved)\s+(?:my|me)\s+(?:arms?|wrists?|thighs?|legs?|skin|stomach|hips?)\b"),
    ("en.rope", r"\b" + I_EN + r"\s+" + _GAP % 5 + r"(?:rope|noose)\b"),
    ("en.on_the_edge", r"\b" + I_EN + r"\s+" + _GAP % 3 + r"(?:sitting|standing|sat|stood|lying|lay|on)\s+" + _GAP % 2 + r"(?:on|at)\s+(?:the\s+)?(?:edge\s+of\s+(?:the|a)\s+(?:bridge|roof|building|cliff|balcony|platform)|the\s+(?:tracks|rails|roof|ledge))\b|\bon\s+the\s+(?:tracks|rails)\s+waiting\b"),
    ("en.all_pills_at_once", r"\ball\s+(?:my|the|of\s+my)\s+(?:\w+\s+)?(?:pills|tablets|meds|medication|\w+pam|\w+ine|\w+ol)\s+" + _GAP % 2 + r"(?:at\s+once|in\s+one\s+go|together|at\s+the\s+same\s+time)\b"),
    ("en.better_off_without_a", r"\bbetter\s+off\s+without\s+(?:a|an|someone)\s+\w+\s+like\s+me\b"),
    ("en.dead_as_peace", r"\b(?:imagin|fantasi|dream)\w*\b.{0,40}\b(?:dead|gone|not\s+being\s+here)\b.{0,40}\b(?:peace|peaceful|relief|relieved|calm|nice|free)\b"),
    ("en.nothing_matters", r"\b(?:nothing|none\s+of\s+it)\s+matters\s+(?:anymore|any\s+more)\b"),
    ("en.giving_things_away", r"\b" + I_EN + r"\s+" + _GAP % 2 + r"(?:giving|gave|give)\s+" + _GAP % 2 + r"(?:things|stuff|belongings|possessions)\s+away\b"),
    ("en.tried_to", r"\b(?:tried|attempted|try|trying|tryed)\s+to\s+(?:overdose|od|kill\s+myself|end\s+(?:it|my\s+life)|take\s+my\s+(?:own\s+)?life|hang\s+myself)\b"),
    ("en.no_future", r"\b(?:can't|cannot|cant|don't|dont)\s+see\s+(?:a|any)\s+future\b|\b" + I_EN + r"\s+(?:just\s+)?want\s+out\s*(?:[.!]|$)"),
    ("en.wont_be_here", r"\b" + I_EN + r"\s+(?:probably\s+|just\s+|honestly\s+|really\s+)?(?:won't|will\s+not|wont|might\s+not|may\s+not)\s+be\s+(?:here|around|alive)\s+(?:much\s+longer|tomorrow|anymore|next\s+week|for\s+long)\b"),
]

# Someone else at risk now (a friend, a child, a partner): moderators should know too.
OTHER_PATTERNS = [
    ("nl.ander_suicidaal", r"\b(?:is|lijkt|wordt|was|werd|raakt|erg|zo|heel|steeds|weer)\s+(?:\w+\s+)?(?:suicidaal|suicidale)\b|\bsuicidale\s+(?:vriend\w*|zoon|dochter|broer|zus\w*|moeder|vader|partner|man|vrouw|collega|kind|puber|tiener|leerling)\b"),
    ("nl.ander_eind_eraan", r"\b(?:wil|wilt|wou|wilde|gaat|dreigt|dreigde|overweegt|denkt|dacht|praat|praatte|zegt|zei|heeft\s+het)\s+" + _GAP % 6 + r"(?:er\s+(?:een\s+)?einde?\s+aan\s+(?:te\s+)?maken|zelfmoord\s+(?:te\s+)?plegen|dood\s+(?:te\s+)?willen|" + NIET_MEER + r"\s+(?:te\s+)?(?:wil\s+|wilt\s+|willen\s+)?leven|er\s+" + NIET_MEER + r"\s+(?:te\s+)?(?:wil\s+|wilt\s+|willen\s+)?zijn|uit\s+het\s+leven)"),
    ("nl.ander_zichzelf", r"\bzichzelf\s+" + _GAP % 3 + r"(?:iets|wat)\s+(?:(?:wil|wilt|gaat|zal|zou|gaan)\s+)?(?:aan\s*(?:te\s+)?doen|aandoen|aandoet|aan\s+doet)\b|\bzichzelf\s+" + _GAP % 2 + r"(?:snijdt|snijden|sneed|krast|krassen|kraste|beschadigt|beschadigen|van\s+kant\s+(?:te\s+)?maken|op\s+te\s+hangen|ophangen|pijn\s+doet)\b|\b(?:snijdt|krast|beschadigt|sneed|kraste|beschadigde|verwondt|verwondde)\s+zichzelf\b|\bzichzelf\s+" + _GAP % 2 + r"van\s+het\s+leven\s+(?:wil\s+|wilde\s+|gaat\s+|zal\s+)?(?:te\s+)?beroven\b|\b(?:ze|zij|hij|die)\s+(?:(?:gewoon|echt|soms|liever)\s+)*dood\s+(?:wil|wilde|wou|wilt)\b(?!\s+(?:van|door)\b)|\b(?:ze|zij|hij)\s+wil(?:de)?\s+(?:(?:gewoon|echt|soms|liever)\s+)*(?:dood|doodgaan|sterven)\b(?!\s+(?:gaan\s+)?(?:van|door)\b)"),
    ("nl.ander_er_niet_meer_zijn", r"\b(?:hij|ze|zij)\s+(?:er\s+)?" + NIET_MEER + r"\s+(?:wil|wilt|wilde|wou|hoeft)\s+(?:zijn|leven|bestaan)\b|\b(?:hij|ze|zij)\s+(?:wil|wilt|wilde|wou)\s+(?:er\s+)?" + NIET_MEER + r"\s+(?:zijn|leven|bestaan)\b"),
    ("nl.ander_zelfmoordgedachten", r"\b(?:heeft|had|krijgt|zit\s+met|worstelt\s+met|praat\s+over|over|vertelde|vertelt|zegt|een)\s+" + _GAP % 3 + r"(?:zelfmoordgedachte\w*|zelfmoordneiging\w*|suicidale\s+gedachte\w*|doodsgedachte\w*|doodswens|zelfbeschadiging|zelfmoordplan\w*)"),
    ("other.goodbye_message", r"\b(?:afscheidsbericht\w*|afscheidsbrie\w*|afscheidsapp\w*|afscheidsmail\w*|goodbye\s+(?:message|letter|note|text|email)s?|suicide\s+note)\b"),
    ("other.giving_things_away", r"\b(?:doet|geeft|gaf|deed|giving|gives|gave)\s+" + _GAP % 2 + r"(?:spullen|bezittingen|things|stuff|belongings|possessions)\s+(?:weg|away)\b"),
    ("other.not_around_long", r"\b(?:he|she|they)\s+(?:won't|will\s+not|wont)\s+be\s+(?:around|here|alive)\s+(?:much\s+longer|for\s+long|tomorrow)\b|\b(?:hij|ze|zij)\s+er\s+" + _GAP % 2 + r"(?:niet|nie)\s+meer\s+(?:is|zal\s+zijn|zou\s+zijn)\b"),
    ("other.doing_it_to_herself", r"\b(?:het\s+)?zichzelf\s+(?:aandoet|aandoen|aandeed|aan\s*doet)\b|\bdoing\s+(?:it|this|that)\s+to\s+(?:herself|himself|themselves)\b"),
    ("nl.ander_poging", r"\b(?:heeft|had)\s+" + _GAP % 4 + r"(?:zelfmoord)?poging\s+(?:gedaan|ondernomen)\b|\b(?:zelfmoordpoging|poging\s+tot\s+zelfmoord)\b(?!\s+\w+\s+jaar)"),
    ("en.other_suicidal", r"\b(?:is|seems|sounds|was|been|getting|feeling|feels|felt|gets)\s+(?:\w+\s+)?(?:suicidal)\b|\bsuicidal\s+(?:friend|son|daughter|brother|sister|mother|mom|mum|father|dad|partner|husband|wife|boyfriend|girlfriend|colleague|kid|child|teen|teenager|student|roommate)\b"),
    ("en.other_kill_self", r"\b(?:kill|killing|hurt|hurting|harm|harming|cut|cutting|cuts|burn|burning|end|ending|unalive|take|taking)\s+(?:" + THIRD_EN + r"|(?:his|her|their)\s+(?:own\s+)?life)\b"),
    ("en.other_wants_to_die", r"\b(?:he|she|they|friend|son|daughter|brother|sister|mom|mum|mother|dad|father|partner|husband|wife|boyfriend|girlfriend|kid|child|colleague|roommate)(?:'s|'d|'ve)?\s+" + _GAP % 3 + r"(?:wants|want|wanted|talks|talked|talking|keeps\s+saying|said|says|told\s+me|texted|threatens|threatened|is\s+thinking|was\s+thinking|thinks)\s+" + _GAP % 4 + r"(?:to\s+die|about\s+(?:suicide|dying|ending\s+it|killing)|(?:she|he|they)\s+(?:doesn't|does\s+not|don't|didn't)\s+want\s+to\s+(?:live|be\s+here|be\s+alive|wake\s+up)|self[\s-]?harm\w*|end\s+it\s+all|(?:she|he|they)(?:'d|\s+would)\s+be\s+better\s+off\s+dead)"),
    ("en.other_doesnt_want", r"\b(?:he|she|they)\s+(?:doesn't|does\s+not|doesnt|don't|didn't|no\s+longer)\s+(?:\w+\s+)?want\s+to\s+(?:live|be\s+(?:alive|here|around)|wake\s+up|go\s+on)\b|\b(?:he|she|they)\s+(?:wants|wanted|want)\s+to\s+die\b|\b(?:nothing|no\s+reason)\s+(?:left\s+)?to\s+live\s+for\b"),
    ("other.goodbye_and_means", r"\b(?:he|she|they|hij|ze|zij)\b.{0,60}\b(?:say\s+goodbye|said\s+goodbye|afscheid\s+(?:wilde|wil|wou)\s+nemen|afscheid\s+nam)\b.{0,80}\b(?:rope|noose|pills|touw|pillen|bridge|brug)\b"),
    ("en.other_rope", r"\b(?:he|she|they)\s+" + _GAP % 3 + r"(?:bought|got|has|had|ordered)\s+(?:a\s+)?(?:rope|noose)\b"),
    ("other.hoarding_pills", r"\b(?:hoarding|stockpiling|saving\s+up)\s+(?:her|his|their)\s+(?:\w+\s+)?(?:pills|tablets|meds|medication)\b"
                             r"|\b(?:spaart|spaarde|hamstert|hamsterde)\s+(?:\w+\s+){0,2}?(?:haar|zijn|z'n)\s+(?:\w+\s+)?(?:pillen|tabletten|medicijnen|slaappillen|slaaptabletten)\b"
                             r"|\b(?:haar|zijn|z'n)\s+(?:\w+\s+)?(?:pillen|tabletten|slaappillen|slaaptabletten)\s+(?:\w+\s+){0,2}?(?:opgespaard|opspaart|gespaard|gehamsterd)\b"),
    ("other.cuts_on_arms", r"\b(?:cuts|cut\s+marks|burn\s+marks|sneetjes|snijwond\w*|krassen|brandplekken|streepjes|sneden)\s+(?:\w+\s+){0,2}?(?:on|op|up|along)\s+(?:her|his|their|haar|zijn|z'n)\s+(?:\w+\s+)?"
                           r"(?:arms?|forearms?|upper\s+arms?|wrists?|thighs?|pols|polsen|onderarm|onderarmen|bovenarm|bovenarmen|armen|arm|dijen|dij|bovenbenen)\b"
                           # round 21: shown, with the cuts after it ("liet me haar onderarm zien, allemaal verse sneetjes")
                           r"|\b(?:her|his|their|haar|zijn|z'n)\s+(?:\w+\s+)?(?:arms?|forearms?|wrists?|thighs?|pols|polsen|onderarm|onderarmen|armen|dijen|bovenbenen)\b"
                           r"[^.!?\n]{0,30}\b(?:verse|nieuwe|fresh|new)\s+(?:cuts|sneetjes|snijwond\w*|krassen|sneden|wondjes|burns|burn\s+marks|brandplekken|brandwondjes)\b"
                           # round 24 (dev: round 23): "haar bovenbenen zitten vol rechte rode streepjes"
                           r"|\b(?:her|his|their|haar|zijn|z'n)\s+(?:\w+\s+)?(?:arms?|forearms?|wrists?|thighs?|legs|pols|polsen|onderarm|onderarmen|armen|dijen|bovenbenen|benen)\s+(?:\w+\s+){0,2}?"
                           r"(?:vol|covered\s+in|covered\s+with|full\s+of|bedekt\s+met)\s+(?:\w+\s+){0,3}?(?:cuts|cut\s+marks|lines|scratches|sneetjes|streepjes|krassen|sneden|wondjes|brandplekken)\b"),
    # round 24 (dev: round 23): "ze zegt dat ze het met een puntenslijpermesje doet"
    ("other.does_it_with_a_blade", r"\b(?:ze|zij|hij)\s+(?:\w+\s+){0,2}?(?:het|dat)\s+(?:\w+\s+)?met\s+(?:een|het|de|haar|zijn)\s+\w*(?:mesje|mesjes|scheermes\w*)\s+(?:doet|deed|gedaan)\b"
                                   r"|\b(?:she|he|they)\s+(?:\w+\s+){0,2}?(?:does|did|do|doing)\s+(?:it|that)\s+with\s+(?:a|the|her|his|their)\s+(?:\w+\s+)?(?:blade|razor|sharpener\s+blade|razor\s+blade)\b"),
    # round 24 (dev: round 23): a pupil who "wrote that nobody would notice if she died, and that she's figured out how"
    ("other.figured_out_how", r"\b(?:she|he|they)(?:'s|'d|\s+has|\s+had|\s+have|'ve)?\s+(?:\w+\s+)?(?:figured|worked|planned|thought)\s+out\s+(?:how|a\s+way)\b(?=[^.!?\n]{0,40}$)"
                              r"|\b(?:ze|zij|hij)\s+(?:heeft|had)\s+(?:al\s+)?(?:bedacht|uitgedacht|uitgezocht)\s+hoe\s*(?:ze|hij)?\s*(?:het\s+)?(?:zou\s+)?(?:gaat\s+)?(?:doen)?[\s'\"]*$"),
    ("other.nobody_would_notice", r"\b(?:nobody|no\s+one|noone)\s+would\s+(?:even\s+)?(?:notice|care|miss\s+(?:her|him|them))\s+if\s+(?:she|he|they)\s+(?:died|was\s+dead|were\s+dead|disappeared|was\s+gone|were\s+gone)\b"
                                  r"|\bniemand\s+(?:het\s+)?(?:zou\s+)?(?:\w+\s+)?(?:merken|missen|opvallen|merkt|mist)\s+als\s+(?:ze|zij|hij)\s+(?:dood|er\s+niet\s+meer|weg)\s+(?:was|is|zou\s+zijn|zou\s+gaan)\b"),
    ("other.god_take_her", r"\b(?:wishes|wished|hopes|prays|prayed|keeps\s+saying|says)\s+(?:that\s+)?god\s+(?:would|will|'d|should)\s+(?:just\s+)?(?:take|call)\s+(?:her|him|them)\b"
                           r"|\b(?:hoopt|bidt|wenst|zegt)\s+(?:\w+\s+){0,2}?dat\s+(?:god|de\s+lieve\s+heer|onze\s+lieve\s+heer|de\s+heer)\s+(?:haar|hem)\s+(?:\w+\s+)?(?:komt\s+halen|haalt|moet\s+(?:komen\s+)?halen|bij\s+zich\s+roept)\b"),
    ("nl.ander_eind_aan_zijn_leven", r"\b(?:hij|ze|zij)\s+" + _GAP % 4 + r"(?:een\s+)?einde?\s+aan\s+(?:zijn|haar|z'n|hun)\s+(?:eigen\s+)?leven\s+(?:maakt|maken|gaat\s+maken|zal\s+maken|wil\s+maken|wilde\s+maken)\b"),
    ("other.saving_pills", r"\b(?:ze|zij|hij)\s+(?:\w+\s+){0,4}?(?:pillen|tabletten|slaappillen|medicijnen|slaaptabletten)\s+(?:spaart|opspaart|hamstert|spaarde|hamsterde)\b"),
    ("other.not_a_problem_much_longer", r"\b(?:he|she|they|he'd|she'd|they'd)\s+(?:\w+\s+)?(?:won't|wont|will\s+not|wouldn't|would\s+not)\s+be\s+(?:a\s+)?(?:problem|burden|bother|trouble|nuisance)\s+(?:for|to|on)\s+(?:anyone|anybody|you|them|everyone|us)\s+(?:much\s+longer|for\s+(?:much\s+)?longer|for\s+long|soon)\b"),
    ("en.other_family_better_off", r"\b(?:he|she|they|client|patient|resident|pupil|student|son|daughter|friend|brother|sister|dad|father|mum|mom|mother|husband|wife|partner|colleague|neighbou?r)\s+(?:\w+\s+)?(?:said|says|told\s+me|thinks|keeps\s+saying|wrote)\s+(?:that\s+)?(?:his|her|their|everyone|everybody|the)\s+(?:\w+\s+)?(?:would|'d|will)\s+be\s+better\s+off\s+"
                                   r"(?:without\s+(?:him|her|them)|with\s+(?:the\s+)?(?:life\s+)?insurance|if\s+(?:he|she|they)\s+(?:was|were)\s+(?:gone|dead))\b"
                                   r"|\b(?:hij|ze|zij)\s+(?:\w+\s+)?(?:zei|zegt|schreef|denkt)\s+(?:\w+\s+)?dat\s+(?:zijn|haar|z'n|iedereen|de)\s+(?:\w+\s+)?beter\s+af\s+(?:\w+\s+)?(?:zonder\s+(?:hem|haar)|met\s+(?:de\s+)?(?:levens)?verzekering|als\s+(?:hij|ze|zij)\s+er\s+(?:niet|nie)\s+(?:meer\s+)?(?:was|is|zou\s+zijn))\b"),
    ("other.looked_up_painless", r"\b(?:ze|zij|hij)\s+(?:\w+\s+){0,4}?(?:opgezocht|gezocht|gegoogeld|googelt|zoekt\s+op|zocht\s+op)\s+(?:\w+\s+){0,3}?['\"]?(?:hoe\s+(?:het|je\s+het|dat)\s+(?:\w+\s+)?(?:zonder\s+pijn|pijnloos)|pijnloze\s+manier\w*)"
                                 r"|\b(?:she|he|they)\s+(?:\w+\s+){0,4}?(?:looked\s+up|googled|searched(?:\s+for)?|researched|is\s+researching|was\s+researching)\s+(?:\w+\s+){0,3}?['\"]?(?:painless\s+ways?|how\s+to\s+(?:do\s+it|die)\s+(?:without\s+pain|painlessly))"),
    ("other.overdose_taken", r"\b(?:she|he|they|friend|son|daughter|brother|sister|mum|mom|dad|partner|husband|wife|boyfriend|girlfriend|colleague|roommate|flatmate)\b[^.!?\n]{0,60}?\b(?:after\s+taking|took|has\s+taken|had\s+taken|taken)\s+an?\s+(?:\w+\s+)?overdose\b"
                             r"|\b(?:ze|zij|hij|vriend\w*|zoon|dochter|broer|zus|moeder|vader|partner|man|vrouw|collega)\b[^.!?\n]{0,60}?\b(?:een\s+)?overdosis\s+(?:\w+\s+)?(?:genomen|ingenomen|geslikt)\b"
                             # round 26 (dev since round 28): "heeft een hele strip van zijn slaappillen ingenomen"
                             r"|\b(?:ze|zij|hij|zus|broer|vriend\w*|zoon|dochter|moeder|vader|partner|man|vrouw|collega)\b[^.!?\n]{0,60}?\b(?:een\s+)?(?:hele|volle)\s+(?:strip|strips|doos|doosje|pot|potje)\s+(?:\w+\s+){0,3}?(?:ingenomen|geslikt)\b"
                             r"|\b(?:she|he|they)\b[^.!?\n]{0,60}?\b(?:took|swallowed|taken)\s+(?:a\s+whole|an\s+entire|all\s+(?:of\s+)?(?:his|her|their))\s+(?:strip|box|bottle|pack|packet)\b"),
    ("other.treatment_stopped_on_purpose", r"\b(?:she|he|they)(?:'s|'ve)?\s+(?:\w+\s+)?(?:stopped|quit|been\s+skipping)\s+(?:taking\s+)?(?:her|his|their)\s+(?:\w+\s+){0,2}?(?:insulin|meds|medication|medicine|pills|tablets|lithium)\b[^.!?\n]{0,40}?\b(?:on\s+purpose|deliberately|to\s+get\s+it\s+over\s+with)\b"
                                           r"|\b(?:ze|zij|hij)\s+(?:\w+\s+){0,3}?(?:bewust|expres|met\s+opzet)\s+(?:\w+\s+){0,2}?(?:geen\s+|niet\s+meer\s+)?(?:haar|zijn)?\s*(?:insuline|medicijnen|medicatie|pillen|lithium)\b"),
    ("other.never_born_and_a_plan", r"\b(?:wou|wilde|wenst|wenste|wish|wishes|wished)\s+(?:dat\s+)?(?:hij|ze|zij|he|she|they)(?:'d)?\s+(?:\w+\s+)?(?:nooit|never)\s+(?:\w+\s+)?(?:geboren|born)\b[^\n]{0,120}?\b(?:een\s+plan|a\s+plan)\b"),
    ("other.not_leaving_alive", r"\b(?:hij|ze|zij)\b[^.!?\n]{0,60}?\bniet\s+levend\s+(?:\w+\s+)?(?:uit|verlaten|weg|thuis)\b|\b(?:he|she|they)\b[^.!?\n]{0,60}?\b(?:won'?t|will\s+not|doesn'?t\s+want\s+to)\s+(?:leave|get\s+out\s+of)\s+(?:here|this\s+\w+|the\s+\w+)\s+alive\b"),
    ("other.counted_out_pills", r"\b(?:counted|counting)\s+out\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:tablets|pills|meds)\b|\b(?:zijn|haar)\s+(?:pillen|tabletten)\s+(?:\w+\s+)?(?:uitgeteld|afgeteld|geteld)\b"),
    ("en.other_attempt", r"\b(?:attempted|tried\s+to\s+commit|tried\s+to\s+kill|suicide\s+attempt)\b(?!\s+\w+\s+years)"),
]

# Words that make a mention of suicide a topic of conversation rather than a person at risk.
_MEDIA_RE = _c(r"\b(?:chapter|chapters|hoofdstuk|hoofdstukken|film|films|movie|movies|serie|series|show(?!\s+(?:up|me|us|you|him|her|them|off|signs))|tv|netflix|boek|boeken|(?<!exercise\s)(?<!sketch\s)(?<!note\s)(?<!address\s)(?<!study\s)(?<!school\s)(?<!phone\s)(?<!text\s)books?|roman|novel|"
               r"documentaire|documentary|docu|aflevering|episode|seizoen|season|personage|character|characters|"
               r"hoofdpersoon|hoofdpersonage|protagonist|acteur|actrice|actor|actress|regisseur|director|"
               r"nieuws|news|journaal|uitzending|radio|talkshow|artikel|article|krant|newspaper|journalist|reporter|podcast|liedje|liedjes|lied|liederen|song|songs|songtekst|nummers|zanger\w*|singer\w*|rapper\w*|artiest\w*|"
               r"lyrics|album|(?:a|the|this|that|een|die|dat|deze|het)\s+(?:video\s?)?game|videogame|toneelstuk|(?:a|the|this|that|school)\s+play|(?:a|the|this|that|een|die|deze)\s+musical|opera|anime|manga|gedicht|poem|hamlet|"
               r"(?:dat|dit|het|een)\s+nummer\s+(?:gaat|is|van)|romeo|shakespeare|plot|scene|scène|trailer|recensie|review|spoiler|spoilers)\b")
_SAYS_RE = _c(r"\b(?:zegt|zei|zeggen|roept|riep|zingt|zong|schrijft|schreef|vertelt|says|said|sings|sang|"
              r"shouts|screams|writes|wrote|tells|quote|citaat|line)\b|[\"]")
# A death in the past: grief, not someone at risk now.
_COMPLETED_RE = _c(r"\b(?:pleegde|gepleegd|overleed|overleden|is\s+gestorven|stierf|omgekomen|om\s+het\s+leven\s+gekomen|"
                   r"begrafenis|crematie|uitvaart|nabestaande\w*|rouw\w*|herdenking|"
                   r"committed\s+suicide|died\s+by\s+suicide|died|passed\s+away|took\s+(?:his|her|their)\s+(?:own\s+)?life|"
                   r"killed\s+(?:him|her|them)sel\w*|funeral|grief|grieving|bereave\w*|memorial|lost\s+(?:my|our)\s+\w+\s+to\s+suicide)\b")
# "nobody would notice if she died": a death supposed, not one that happened (round 24, dev: round 23).
_IF_DIED_RE = _c(r"\b(?:if|when|als|wanneer)\s+(?:i|she|he|they|ik|ze|zij|hij)\s+(?:\w+\s+)?(?:died|was\s+dead|were\s+dead|dood\s+(?:was|ging|zou\s+gaan)|stierf|overleed)\b")
# Information, statistics, prevention, school work.
_INFO_RE = _c(r"\b(?:trainer|ehbo|mental\s+health\s+first\s+aid|mhfa|first\s+aid\s+course|what\s+are\s+(?:the\s+)?(?:warning\s+)?signs|signs\s+that|wat\s+zijn\s+(?:de\s+)?(?:signalen|tekenen)|training|risk\s+assessment|risicotaxatie|signalen|warning\s+signs|cijfers\s+(?:over|van|uit|laten|tonen)|statistiek\w*|percentage|procent|cbs|rivm|onderzoek|studie|per\s+jaar|preventie|"
              r"campagne|beleid|werkstuk|scriptie|spreekbeurt|presentatie|essay|thesis|statistics|rates?|prevention|"
              r"awareness|campaign|research|study|studies|per\s+year|school\s+project|assignment|bijsluiter|"
              r"bijwerking\w*|side\s+effects?|leaflet|waarschuwing|warning|black\s+box)\b")
_OTHERS_RE = _c(r"\b(?:someone|somebody|anyone|anybody|people|patients?|clients?|he|she|they|teens?|teenagers|students?|men|women|"
                r"iemand|mensen|patienten|patient|clienten|hij|zij|ze|je|jongeren|tieners|leerlingen|mannen|vrouwen)\b")
_FIRST_PERSON_RE = _c(r"\b(?:ik|k|me|mij|mijn|mn|m'n|mezelf|mijzelf|i|im|i'm|ive|i've|my|me|myself)\b")
# "In 2015 I attempted": a year at least two years back tells a past, like "years ago".
_YEARS_AGO = "|".join(str(year) for year in range(1950, datetime.date.today().year - 1))
_NEGATION_BEFORE_RE = _c(r"\b(?:niet|geen|nooit|not|never|no|isn't|aren't|am\s+not|i'm\s+not|zonder|don't|dont|do\s+not|doesn't|haven't|have\s+not)\s+(?:\w+\s+){0,2}$"
                         # a warning to look out for it, not a report of it: "call if I get any suicidal thoughts"
                         r"|\b(?:if|when|in\s+case|als|mocht|wanneer|zodra)\s+(?:i|ik)\s+(?:ever\s+|ooit\s+)?(?:get|have|start\s+having|notice|develop|experience|krijg|heb|merk)\s+(?:any\s+|enige\s+)?$")
_PAST_RE = _c(r"\b(?:(?:voor|vóór)\s+(?:de|mijn|m'n)\s+(?:behandeling|therapie|opname|medicatie)\s+(?:had|was|dacht|wilde)|before\s+(?:the|my)\s+(?:treatment|therapy|medication|meds)\s*,?\s+i\s+(?:had|was|used|thought|wanted)|vroeger|jaren\s+geleden|jaar\s+geleden|toen\s+ik\s+(?:\d+|tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien|twintig|dertig|veertig|vijftig|jong|jonger|tiener|puber|student|op\s+de\s+middelbare|klein)|"
              r"in\s+mijn\s+(?:tiener|puber|studenten)\w*|als\s+tiener|in\s+die\s+(?:periode|tijd|jaren)|in\s+(?:that|those)\s+(?:period|time|years)|during\s+that\s+(?:time|period)|(?:wilde|wou|dacht|voelde|was|had|deed)\s+(?:ik\s+)?toen|toen\s+(?:wilde|wou|dacht|voelde)\s+ik|at\s+the\s+time,?\s+i|als\s+puber|destijds|years\s+ago|a\s+year\s+ago|"
              r"when\s+i\s+was\s+(?:\d+|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|a\s+kid|a\s+child|little|young|younger|a\s+teen\w*|in\s+(?:high\s+)?school|at\s+uni\w*)|used\s+to|back\s+then|"
              r"in\s+the\s+past|as\s+a\s+teen\w*|(?:from|between)\s+(?:about\s+|around\s+|the\s+ages?\s+of\s+|age\s+)?\d+\s+(?:to|until|till|and)\s+(?:about\s+)?\d+|"
              r"(?:van|tussen)\s+mijn\s+(?:ongeveer\s+)?(?:\d+(?:e|de|ste)?|[a-z]{1,3}(?:e|de|ste))\s+(?:tot|en)\s+(?:mijn\s+)?(?:\d+(?:e|de|ste)?|[a-z]{1,3}(?:e|de|ste))|in\s+my\s+(?:(?:early|late|mid)[\s-]+)?(?:teens|twenties|thirties|forties|youth|student\s+days)|"
              r"in\s+mijn\s+(?:(?:vroege|late)\s+)?(?:twintiger|dertiger|veertiger|jeugd|studententijd)\w*|"
              r"in\s+(?:" + _YEARS_AGO + r"))\b")
_PRESENT_RE = _c(r"\b(?:weer|opnieuw|nog\s+steeds|nog\s+altijd|steeds\s+vaker|terug|sinds\s+kort|laatste\s+tijd|"
                 r"de\s+laatste\s+(?:tijd|weken|dagen|maanden)|nu\s+weer|again|still|lately|recently|these\s+days|"
                 r"this\s+week|these\s+past|right\s+now|tonight|vannacht|vanavond)\b")
_RECOVERED_RE = _c(r"\b(?:nu\s+gaat\s+het\s+(?:gelukkig\s+)?(?:goed|beter|veel\s+beter)|gaat\s+het\s+(?:nu\s+)?(?:gelukkig\s+)?(?:weer\s+)?(?:goed|veel\s+beter)|"
                   r"er\s+(?:gelukkig\s+)?(?:doorheen|bovenop|overheen)|through\s+it\s+now|i'm\s+(?:doing\s+)?(?:much\s+|a\s+lot\s+)?(?:better|well|fine|okay|ok)\s+now|"
                   r"in\s+a\s+(?:good|better)\s+place|got\s+through\s+(?:it|that)|made\s+it\s+through|recovered|hersteld|"
                   # round 24 (dev: round 23)
                   r"on\s+the\s+other\s+side\s+now|(?:a\s+long\s+way\s+)?behind\s+me\s+now|(?:ver\s+|lang\s+)?achter\s+me\s+gelaten|ligt\s+(?:\w+\s+)?achter\s+me|"
                   r"(?:haven'?t|have\s+not|never)\s+(?:once\s+)?come\s+back|(?:zijn|is)\s+(?:nooit|niet)\s+(?:meer\s+)?teruggekomen|"
                   r"(?:i'?ve|i\s+have)\s+been\s+(?:well|stable|okay|ok)\s+for|(?:ben|zit)\s+(?:al\s+)?(?:\w+\s+)?jaar\s+(?:stabiel|goed)|"
                   r"(?:\d+|tien|vijf|twee|drie|vier|zes|zeven|acht|negen)\s+jaar\s+(?:clean|schoon|vrij)|years\s+(?:clean|free))\b")
# Hyperbole and idioms around otherwise alarming words.
_IDIOM_AFTER_RE = _c(r"^\s*(?:(?:gaan|gaat|ga|wil|wilde|wou)\s+)?(?:of|from|van|door)\s+(?:the\s+|het\s+)?(?:embarrassment|shame|laughter|laughing|cringe|boredom|"
                     r"schaamte|lachen|verveling|de\s+zenuwen|nerves|curiosity|nieuwsgierigheid|heimwee|verdriet|de\s+kou|kou|de\s+hitte|hitte|de\s+honger|honger|dorst|de\s+spanning|spanning|the\s+heat|heat|the\s+cold|cold|hunger|thirst|suspense|anticipation)\b|^\s*(?:laughing|lachen)\b|^\s*(?:dan|than)\b"
                     r"|^\s*(?:grinding|working|studying|revising|training|practi[sc]ing|farming|rushing|cleaning|running\s+around)\b")
_JOKE_RE = _c(r"\b(?:bij\s+wijze\s+van\s+spreken|figuurlijk|niet\s+letterlijk|not\s+literally|figuratively|lol|lmao|lmfao|rofl|haha\w*|hihi\w*|jk|j/k|just\s+kidding|grapje|geintje|kidding)\b|[\U0001F602\U0001F923\U0001F606]")
_JOKE_PRONE = frozenset({"en.kill_myself", "nl.mezelf_van_kant", "nl.wil_dood", "en.want_to_die", "nl.dood_wil"})
_HYPERBOLE_RE = _c(r"\b(?:so|zo|really|echt|super)\s+(?:boring|embarrassing|awkward|cringey|cringy|saai|genant|gênant|ongemakkelijk)\b|\b(?:embarrass\w*|cringe\w*|schaam\w*|gênant|genant)\b"
                   r"|\b(?:will|gonna|going\s+to|would)\s+(?:literally\s+)?kill\s+me\b|\b(?:i'?m|i\s+am)\s+literally\s+dead\b(?!\s+inside)|\b(?:vermoorden|vermoordt)\s+me\b"
                   r"|\bfak(?:e|ing|ed)\s+(?:my|his|her|their)\s+(?:own\s+)?death\b|\b(?:mijn|m'n|mn)\s+(?:eigen\s+)?dood\s+in\s+scene\s+(?:zetten|te\s+zetten)\b")
# "I don't want to be here anymore - this clinic ...": "here" is a place.
_PLACE_AFTER_RE = _c(r"^\W*(?:[\w']+\W+){0,3}?(?:this|that|the|deze|dit|die|dat)\s+(?:clinic|hospital|job|company|place|city|town|country|school|"
                     r"practice|ward|house|forum|team|office|surgery|kliniek|ziekenhuis|baan|bedrijf|stad|dorp|land|praktijk|afdeling|huis|kantoor)\b")
_FEAR_PRONE = frozenset({"nl.niet_meer_wakker", "en.not_wake_up", "nl.wil_dood", "en.want_to_die"})
_PLACE_PRONE = frozenset({"en.dont_want_to_be_here", "en.dont_wanna_be_here", "nl.er_niet_meer_zijn", "nl.er_niet_meer_wil_zijn"})
_ACCIDENT_RE = _c(r"\b(?:per\s+ongeluk|ongeluk\w*|bij\s+het\s+(?:koken|scheren|snijden|tuinieren|klussen)|met\s+het\s+(?:koken|scheren)|aan\s+(?:papier|een\s+blik|glas)|"
                  r"keuken\w*|vinger\w*|duim|blikje|glas|glass|afwas|dishes|washing\s+up|papier|paper|groente\w*|vegetables|deur|door|kastje|cupboard|against\s+the|tegen\s+de|uien|brood\w*|scheermes|accident\w*|by\s+accident|while\s+(?:cooking|shaving|chopping|gardening|cleaning)|"
                  r"shaving|cooking|chopping|kitchen|paper\s+cut|at\s+the\s+gym|lifting|workout|running|training|sprained|twisted|"
                  r"callus\w*|blister\w*|eelt|blaar|blaren|fell|slipped|tripped|oven|stove|hob|kettle|iron|tray|pan|boiling|strijkijzer|fornuis|kokend\w*|bakplaat|sport\w*|voetbal\w*|football|soccer|hockey|skiing|tennis|fietsen|cycling|gevallen|uitgegleden|verstapt)\b")
# A small injury ("hurt myself a bit"), and the past tense of a wish.
_MINOR_RE = _c(r"^\s*(?:a\s+(?:little\s+)?bit|a\s+little|slightly|een\s+(?:klein\s+)?beetje|lichtjes|een\s+klein\s+beetje)\b")
_PAST_TENSE_RE = _c(r"\b(?:didn'?t|did\s+not|wanted|was|were|had|tried|felt|wilde|wou|dacht|probeerde|voelde)\b")
# Said to be meant, not an accident, whatever kitchen or iron the sentence names.
_ON_PURPOSE_RE = _c(r"(?<!not\s)(?<!niet\s)\b(?:expres|met\s+opzet|opzettelijk|on\s+purpose|deliberately|intentionally)\b|\b(?:not\s+an\s+accident|geen\s+ongeluk)\b")
_ACCIDENT_PRONE = frozenset({"nl.mezelf_snijden", "nl.mezelf_pijn_doen", "en.self_harm_myself", "nl.weer_gesneden",
                             "nl.eigen_lichaam_verwond", "en.own_body_harmed"})
# Words that make "I think about it" mean suicide when the post speaks of suicide.
_TOPIC_RE = _c(SUICIDE + "|" + SELFHARM + r"|\ber\s+(?:een\s+)?einde?\s+aan|\beinde?\s+aan\s+(?:je|mijn|m'n|het)\s+leven|\bend\s+it\s+all\b|"
               r"\bniet\s+meer\s+wakker\b|\bways\s+to\s+die\b|\bending\s+it\b")
# "ik denk er ook aan", "ik heb er zelf over nagedacht"; without "er" only when nothing follows it
# ("ik dacht aan een korte bijeenkomst" is an idea, not the thought).
_ALSO_ME_ADVERBS = r"(?:(?:zelf|ook|steeds|vaak|soms|weleens|wel\s+eens|wel|al|nog|echt|serieus)\s+)*"
_ALSO_ME_RE = _c(r"\b" + I_NL + r"\s+" + _GAP % 2 + r"(?:denk|dacht|heb|had)\s+(?:(?:er|daar)\s+" + _ALSO_ME_ADVERBS + r"(?:aan|over)\b"
                 r"|" + _ALSO_ME_ADVERBS + r"(?:aan|over)\s*(?:gedacht|nagedacht|zitten\s+denken|(?=[.!?,;]|$)))|\b" + I_EN + r"\s+" + _GAP % 2 + r"(?:think|thought|thinking|been\s+thinking)\s+about\s+(?:it|doing\s+it|that)\s+(?:too|myself|as\s+well|a\s+lot)\b"
                 r"|\b(?:denk|dacht)\s+" + I_NL + r"\s+er\s+(?:zelf\s+)?(?:ook\s+)?" + _GAP % 2 + r"aan\b"
                 r"|\b(?:bang\s+voor\s+mezelf|scared\s+of\s+myself|afraid\s+of\s+myself|bang\s+dat\s+ik\s+het\s+doe)\b"
                 r"|\b(?:me\s+too|ik\s+ook|mij\s+ook)\b(?=.*\b(?:soms|sometimes|vaak|often)\b)")

# A question put to someone else just before the match: the words are the asker's, not the author's state.
_ASKED_OF_YOU_RE = _c(r"\b(?:are|do|have|were|did)\s+you\s+(?:[\w']+\s+){0,2}$|\b(?:ben|heb|denk|zit|speel|loop)\s+(?:je|jij|u)\s+(?:[\w']+\s+){0,2}$")
_ASKED_WHETHER_RE = _c(r"\b(?:asked|asks|asking|ask|vroeg|vraagt|vroegen|vragen)\s+(?:me\s+|mij\s+|us\s+|ons\s+)?(?:[\w']+\s+){0,3}?(?:whether|if|of)\s+(?:[\w']+\s+){0,12}?$"
                       r"|\b(?:stelde|stelt|stellen|gesteld|asked)\s+(?:\w+\s+){0,2}?(?:vragen|questions)\W+(?:\w+\s+){0,2}?(?:whether|if|of|about)\s+(?:[\w']+\s+){0,12}?$")
_ANSWERED_YES_RE = _c(r"\b(?:yes|yeah|ja|and\s+i\s+(?:said|told|admitted)|en\s+ik\s+(?:zei|heb\s+gezegd|gaf\s+toe)|admitted|toegegeven|i\s+have|ik\s+heb)\b")
# Self patterns that name the subject (suicide, self-harm) with a verb some words before it.
_GENERAL = frozenset({"nl.ik_denk_aan_zelfmoord", "en.i_am_suicidal", "nl.mijn_zelfmoordgedachten", "nl.zelfmoordgedachten_heb_ik",
                      "nl.worstel_met", "en.struggle_with", "en.thoughts_of", "nl.gedachten_aan"})
# Between "ik heb" and "zelfmoord": reading, watching, studying it is not thinking of it.
_GAP_BLOCK_RE = _c(r"\b(?:gelezen|gezien|gekeken|geschreven|geleerd|lees|las|kijk|keek|schrijf|leer|studeer|onderzoek\w*|info\w*|vraag|vragen|"
                   r"werkstuk|scriptie|afstudeer\w*|opdracht|presentatie|les|cursus|training|artikel|boek|film|serie|docu\w*|over\s+(?:de|het|een)|"
                   r"read|reading|watched|watching|seen|saw|wrote|writing|learn\w*|study\w*|studying|research\w*|questions?|"
                   r"article|book|film|movie|course|class|lecture|essay|dissertation|thesis|assignment|presentation|project|about\s+(?:the|a)|"
                   r"comparing|compare|vergelijk\w*|rates|cijfers|data|datasets?)\b")
# The second layer: a sentence where the author (first person) wishes, plans or hopelessly
# expects (DESIRE) their own death or not being there (DEATH) is a crisis sentence, unless it
# is fear of dying, a question for information, or one of the suppressions below. It catches
# the many ways of saying it that no phrase list can hold.
_DEATH_C = _c(
    r"\b(?:dood|doodgaan|sterven|zelfmoord\w*|zelfdoding|suicid\w*|van\s+kant|eruit\s+stappen|dodelijk\w*|"
    r"einde?\s+aan\s+(?:mijn|m'n|mn|het|dit|alles)(?:\s+leven)?|er\s+(?:(?:een|n)\s+)?einde?\s+aan|punt\s+achter|"
    r"er\s+(?:(?:gewoon|beter|liever|echt)\s+)*(?:niet|nie)\s+(?:meer\s+)?(?:ben|zijn|was|te\s+zijn|kan\s+zijn|zou\s+zijn)|"
    r"(?:niet|nie)\s+meer\s+(?:leven|bestaan|wakker|verder|zijn)|(?:nog|meer)\s+(?:leef|leven|besta)\b|"
    r"(?:weg|slapen|rust)\W+(?:voor\s+altijd|voorgoed)|(?:voor\s+altijd|voorgoed)\s+(?:weg|slapen|rust)|ophoudt\W+voorgoed|"
    r"(?:alles|het\s+allemaal)\s+(?:voorbij|over)|springen|erin\s+(?:te\s+)?rijden|er\s+(?:\w+\s+)?in\s+(?:te\s+)?rijden|tegen\s+een\s+(?:boom|muur)\s+(?:aan\s+)?(?:te\s+)?rijden|"
    r"(?:hoeft|hoef|hoeven)\s+te\s+zijn|(?:ziet|zie|zien)\s+(?:het|t)\s+(?:leven\s+)?(?:niet|nie)\s+meer\s+zitten|(?:het|t)\s+(?:leven\s+)?(?:niet|nie)\s+meer\s+(?:ziet|zie|zien)\s+zitten|"
    r"(?:stop|end|ophoudt|ophouden|stoppen)\W+(?:for\s+good|forever|permanently|voorgoed|voor\s+altijd)|(?:be|being)\s+gone\W+(?:forever|for\s+good)|into\s+(?:a\s+|the\s+)?(?:tree|wall|river|water|canal|sea|ocean|lake|waves)|(?:de\s+zee|het\s+water|het\s+meer|de\s+rivier)\s+in\s+(?:te\s+)?(?:lopen|loop|liep|zwemmen|zwem)|in\s+slaap\s+(?:valt|vallen|val|te\s+vallen|viel)\s+en\s+(?:nooit|niet|nie)\s+meer\s+(?:terug\w*|wakker\w*|op\s*(?:te\s+)?sta\w*)|"
    r"(?:to|i|i'd|i'll|would|could|just|and|gonna|wanna)\s+die|dying|dead|death|kill\s+myself|end\s+(?:my\s+life|it|it\s+all|things|everything)|ending\s+(?:it|my\s+life|things)|"
    r"(?:it\s+all|everything)\s+(?:to\s+)?(?:be\s+)?over|put\s+an\s+end\s+to|"
    r"(?:be|being)\s+(?:here|alive|around)|(?:wasn't|weren't|not)\s+(?:here|around|alive)|i'm\s+gone|be\s+gone|"
    r"stop\s+existing|wake\s+up|still\s+alive|lethal|jump|jumping|drive\s+into|to\s+live|(?:the\s+)?big\s+sleep|eternal\s+sleep|eeuwige\s+slaap|"
    r"(?:drive|driving|drove|drift\w*|steer\w*|swerv\w*|crash\w*)\s+(?:\w+\s+)?into\s+(?:a\s+|the\s+|an\s+)?(?:crash\s+)?(?:barrier|oncoming\s+\w+|lorry|truck|bus|train|tree|wall|pillar)|"
    r"(?:step\w*|walk\w*|jump\w*|throw\w*\s+myself)\s+(?:out\s+)?in\s+front\s+of\s+(?:a\s+|the\s+|an\s+)?(?:oncoming\s+)?(?:lorry|truck|bus|train|car|tram)|"
    r"stuur\s+om\s*(?:te\s+)?(?:gooi|gooien|gooit|trekken|trek)|stuur\s+omgooi\w*|(?:tegen|onder|voor)\s+(?:de|een)\s+(?:vangrail|vrachtwagen|tegenligger|trein|pijler|boom|muur|bus)\s+(?:\w+\s+)?(?:aan\s+)?(?:te\s+)?(?:rijden|rij|sturen|stuur|knallen|knal|crashen|springen|spring|stappen|stap|lopen)|"
    r"not\s+(?:to\s+)?exist|(?:niet|nie)\s+(?:te\s+)?bestaan|if\s+i\s+(?:just\s+)?died|als\s+ik\s+(?:gewoon\s+)?(?:doodging|dood\s+ging|dood\s+zou\s+gaan|zou\s+sterven|stierf))\b")
_DESIRE_C = _c(
    r"\b(?:wil|wilt|wou|wilde|hoop|hoopte|wens|liefst|denk|dacht|overweeg|overwoog|overwogen|plan|plannen|zoek|zocht|gezocht|opgezocht|"
    r"gevoel\s+dat|het\s+idee\s+dat|feel\s+like|feeling\s+that|teleurgesteld|makkelijker|verlang\w*|geen\s+zin|geen\s+reden|niet\s+meer\s+(?:aan|vol)|hoeft\s+niemand|"
    r"want|wanna|wanted|wish|hope|hoping|think|thinking|thought|considering|considered|planning|plan|looked\s+up|searched|"
    r"googled|disappointed|easier|tempted|urge|picturing|imagining|fantasi[sz]\w*|fantaseer\w*|reading\s+(?:up\s+)?(?:on\s+|about\s+)?(?:which|how)|read\s+up\s+on|(?:zitten\s+)?(?:lezen|gelezen|googlen|gegoogeld|gegoogled|uitgezocht)\s+(?:\w+\s+)?(?:welke|hoe(?:veel)?)|no\s+point|no\s+reason|can't\s+(?:take|handle|hold|go\s+on|keep\s+going|see\s+any\s+reason)|"
    r"cant\s+(?:take|handle|hold|go\s+on|keep\s+going)|nobody\s+will|no\s+one\s+will|doing\s+everyone\s+a\s+favou?r|"
    r"(?:niet|nie)\s+erg\s+(?:vinden|vind|zijn|zou\s+vinden)|(?:wouldn'?t|wouldnt|would\s+not|don'?t|dont)\s+(?:even\s+|really\s+)?mind)\b")
# Informal posts leave out "I": "want to be gone", "wil gwn weg", "no point in anything anymore".
_PRO_DROP_RE = _c(r"\s*(?:(?:just|really|honestly|gewoon|gwn|echt|soms|sometimes)\s+)*(?:want|wanna|wish|hope|thinking|wil|wou|hoop|denk|no\s+point|geen\s+zin|can't|cant|kan)\b")
_FEAR_C = _c(r"^\s*(?:(?:maar|en|vooral|niet)\s+)?voor\s+(?:het\s+idee|de\s+gedachte)\s+dat\b|\b(?:(?:thought|felt\s+like|was\s+sure|was\s+convinced|genuinely\s+believed)\s+i\s+was\s+(?:going\s+to\s+die|gonna\s+die|dying)|dacht\s+(?:echt\s+)?dat\s+ik\s+(?:doodging|dood\s+ging|dood\s+zou\s+gaan|ging\s+sterven|eraan\s+ging)|paniek\w*|panic\w*|"
             r"hartaanval|heart\s+attack|als\s+de\s+dood|(?:feel|feels|felt|feeling)\s+like\s+i'?m\s+(?:dying|going\s+to\s+die)|(?:voel|voelt)\s+(?:het\s+)?(?:alsof|of)\s+ik\s+(?:doodga|dood\s+ga|sterf)|narcose|verdoving|anesthes\w*|anaesthe\w*|bang|angst\w*|doodsbang|scared|afraid|fear\w*|terrified|what\s+if|wat\s+als|nerveus|nervous|zorgen\s+om\s+(?:de|een)|worried\s+about\s+(?:the|a))\b")
_QUESTION_C = _c(r"\b(?:weten|know|wondering|vraag\s+me\s+af|kun\s+je|kan\s+je|can\s+you|could\s+you|is\s+het\s+(?:waar|mogelijk|normaal)|"
                 r"is\s+it\s+(?:true|possible|normal)|klopt\s+het|gevaarlijk|dangerous|risico|risk|kans\s+op|chance\s+of|"
                 r"bij\s+welke|at\s+what|hoeveel\s+mag|how\s+much\s+can)\b")
# "als hij dood is", "when she's dead": the death word is someone else's, whatever the author wishes
_SOMEONE_ELSES_DEATH_RE = _c(r"\b(?:hij|zij|ze|he|she|he's|she's|they're|hem|haar|him|her)\s+(?:\w+\s+)?$")
# Organ donation and what happens after one's death are arrangements, not a wish: "morbid to think about being dead"
_DONATION_RE = _c(r"\b(?:donor\w*|orgaandonatie|organ\s+donation|organ\s+donors?|donorregister|lichaam\s+ter\s+beschikking|body\s+to\s+science)\b")
_NEGATED_DEATH_RE = _c(r"\b(?:niet|geen|not|don't|doesn't|won't|never|nooit)(?!\s+(?:meer|more|anymore)\b)\s+(?:\w+\s+){0,1}$")

# Round-7 families (tuned on train/dev only): indirect ways of saying it.
SELF_PATTERNS += [
    ("nl.hoop_dat_ik_doodga", r"\b(?:hoop|wens|bid)\s+(?:dat\s+)?" + I_NL + r"\s+" + _GAP % 4 + r"(?:doodga|dood\s+ga|sterf|overlijd|niet\s+meer\s+wakker)\b"),
    ("nl.middel_gekocht", r"\b(?:doos|doosje|dozen|strip|strips|pot|potje|flesje|voorraad)\s+(?:\w+\s+){0,2}?(?:gekocht|gehaald|verzameld|gespaard)\b.{0,60}\b(?:innemen|in\s+te\s+nemen|nemen|neem|slikken|slik)\b"),
    ("en.means_bought", r"\b(?:bought|got|collected|saved\s+up|stockpiled)\s+(?:a\s+)?(?:box|boxes|bottle|pack|packs|strip|stash)\s+of\s+\w+.{0,60}\b(?:take|taking|swallow)\b"),
    ("nl.laatste_dag", r"\b(?:morgen|vandaag|vanavond|dit|zaterdag|zondag|maandag|dinsdag|woensdag|donderdag|vrijdag)\s+(?:is|wordt)\s+(?:mijn|m'n|mn)\s+laatste\s+(?:dag|avond|nacht)\b(?!\s+(?:op|van|bij|als|voor|in|met|hier)\b)"),
    ("en.last_day", r"\b(?:tomorrow|today|tonight|this|saturday|sunday|monday|tuesday|wednesday|thursday|friday)\s+(?:is|will\s+be|'s)\s+my\s+last\s+(?:day|night)\b(?!\s+(?:at|of|on|in|before|as|with|here|off)\b)(?!.{0,40}\b(?:job|work|school|holiday|vacation|finally)\b)"),
    ("nl.afscheidsbrief", r"\b" + I_NL + r"\s+" + _GAP % 4 + r"afscheidsbrie\w*|\b(?:mijn|m'n|mn)\s+afscheidsbrie\w*"),
    ("en.goodbye_letters", r"\b" + I_EN + r"\s+" + _GAP % 3 + r"(?:wrote|written|writing|write)\s+(?:a\s+|my\s+)?(?:goodbye|suicide|farewell)\s+(?:note|letter)s?\b|\b" + I_EN + r"\s+" + _GAP % 3 + r"(?:wrote|written|writing)\s+letters\s+to\s+(?:everyone|everybody|all)\b.{0,60}\b(?:not\s+their\s+fault|goodbye|sorry)"),
    ("nl.nut_van_doorgaan", r"\b(?:zie|voel|heb)\s+" + _GAP % 2 + r"(?:het\s+)?(?:nut|zin)\s+(?:er\s+)?(?:niet|nie|geen)\s*(?:meer\s+)?(?:van|in|om)\s+(?:doorgaan|door\s+te\s+gaan|verder\s+(?:te\s+)?(?:gaan|leven)|(?:het\s+)?leven|te\s+leven)\b"),
    ("nl.wat_voor_zin", r"\bwat\s+(?:heeft|is)\s+(?:het|dit|mijn\s+leven|alles)\s+(?:\w+\s+){0,1}?nog\s+(?:voor\s+)?(?:zin|nut)\b(?!\s+(?:om|van|als|te)\b)"),
    ("nl.niemand_mist_me", r"\bniemand\s+(?:zou|zal|gaat)\s+(?:me|mij)\s+(?:\w+\s+)?missen\b|\bniemand\s+(?:zou|zal)\s+(?:het\s+)?(?:merken|opvallen)\s+als\s+" + I_NL + r"\b"),
    ("en.nobody_would_miss", r"\b(?:nobody|no\s+one|noone)\s+(?:would|will)\s+(?:even\s+)?(?:miss\s+me|notice\s+if\s+i|care\s+if\s+i)\b"),
    ("nl.opgelucht_als_ik_er_niet", r"\b(?:opgelucht|beter\s+af|blijer|gelukkiger|beter)\b.{0,40}\bals\s+" + I_NL + r"\s+(?:er\s+)?(?:niet|nie)\s+(?:meer\s+)?(?:was|ben|er\s+was|zou\s+zijn)\b"),
    ("en.relieved_if_gone", r"\b(?:relieved|better\s+off|happier|easier)\b.{0,30}\bif\s+i\s+(?:wasn't|was\s+not|weren't|was\s+gone|were\s+gone|disappeared|died|wasnt)\b"),
    ("en.tired_of_existing", r"\b(?:tired|sick|exhausted)\s+of\s+(?:existing|living|being\s+alive|being\s+here|life)\b|\bmoe\s+van\s+(?:het\s+)?(?:bestaan|leven)\b"),
    ("en.giving_things_away", r"\b" + I_EN + r"\s+" + _GAP % 3 + r"(?:giving|gave|given)\s+(?:away\s+)?(?:all\s+)?(?:my|of\s+my)\s+(?:things|stuff|belongings|possessions)\b(?!\s+to\s+(?:charity|the\s+charity|a\s+charity))"),
    ("en.thinking_about_jumping", r"\b(?:thinking|thought|think|dreaming)\s+(?:\w+\s+)?(?:about|of)\s+jumping\b|\b(?:denk|dacht)\s+" + _GAP % 3 + r"(?:aan|over)\s+(?:te\s+)?springen\b"),
    ("nl.kras_weer", r"\b" + I_NL + r"\s+(?:kras|snij|sneed|kraste|brand)\s+(?:weer|mezelf|me|opnieuw|nog\s+steeds|elke)\b"),
    ("en.harm_again", r"\b(?:cutting|burning|hurting|scratching)\s+(?:myself\s+)?again\b|\b(?:burned|burnt|cut|hurt|scratched|hit)\s+myself\s+(?:\w+\s+)?(?:on\s+purpose|deliberately|intentionally)\b"),
    ("nl.expres_gebrand", r"\b(?:expres|met\s+opzet|bewust)\s+(?:\w+\s+){0,2}?(?:gebrand|gesneden|gekrast|pijn\s+gedaan|verwond)\b|\b(?:mezelf|me)\s+(?:\w+\s+){0,2}?(?:expres|met\s+opzet)\b"),
    ("nl.niet_meer_leve_typo", r"\b" + I_NL + r"\s+(?:wil|wl|wli|hoef)\s+" + _GAP % 2 + NIET_MEER + r"\s+(?:leve|lev|lven|leevn|lefen|leben)\b"),
    ("en.dont_want_to_live_typo", r"\b(?:dont|don't|do\s+not|dnt)\s+(?:\w+\s+)?(?:want|wanna|wnat|wan|wnt)\s+(?:to\s+)?(?:liv|lve|lvie|b\s+alive|be\s+alive|bee\s+alive|b\s+here)\s*(?:anymore|any\s+more|anymor|nemore)\b"),
    ("en.end_it_plan", r"\b(?:going\s+to|gonna|will|i'll|i\s+will|how\s+to|how\s+i'd|how\s+i\s+would)\s+end\s+it\b(?!\s+(?:with|between))(?!.{0,40}\bi\s+mean\b)"),
]

# Round-8 families (tuned on posts written for dev, not on the test split).
SELF_PATTERNS += [
    ("nl.nooit_meer_opstaan", r"\b(?:slapen|inslapen|in\s+slaap\s+vallen)\s+en\s+(?:nooit|niet)\s+meer\s+(?:wakker\s+(?:worden|word)|opstaan|op\s+(?:te\s+)?staan)\b"),
    ("en.never_get_up", r"\b(?:sleep|fall\s+asleep)\s+and\s+(?:never|not)\s+(?:wake|get)\s+up(?:\s+again)?\b"),
    ("nl.beter_als_ik_verdween", r"\b(?:beter|beter\s+af|opgelucht|blijer|makkelijker)\b.{0,40}\bals\s+" + I_NL + r"\s+(?:er\s+)?(?:gewoon\s+|zou\s+)?(?:verdween|verdwenen\s+was|verdwijn|weg\s+was|weg\s+ben|dood\s+was|dood\s+ben)\b"),
    ("en.better_if_i_disappeared", r"\b(?:better|better\s+off|relieved|happier|easier)\b.{0,30}\bif\s+i\s+(?:just\s+|simply\s+)?(?:disappeared|vanished|was\s+gone|were\s+gone|wasn't\s+here|was\s+dead|were\s+dead|died)\b"),
    ("nl.middel_voor_als", r"\b(?:pillen|tabletten|medicijnen|slaappillen|doosje|doos|strip|strips|potje|voorraad|touw)\b.{0,60}\bvoor\s+als\s+(?:het|ik)\s+(?:echt\s+|het\s+)?(?:niet\s+meer\s+(?:gaat|kan|wil)|te\s+veel\s+wordt|zover\s+is)\b"),
    ("en.means_for_when", r"\b(?:pills|tablets|meds|sleeping\s+pills|box|bottle|stash|rope)\b.{0,60}\bfor\s+when\s+(?:it|things|i)\s+(?:gets?|get|can't|cant)\s+(?:really\s+|too\s+)?(?:bad|much|worse|take\s+it|go\s+on)\b"),
]
# Round 20 (dev: round 19): self-harm told as an everyday act on one's own body, with a sign that
# it was meant ("met een schaar mijn armen opengekrast tot het bloedde", "punching my own stomach
# over and over until there are bruises"); an accident, a skin complaint or a massage is not.
_HARM_BODY_NL = r"(?:mijn|m'n|mn|me)\s+(?:eigen\s+)?(?:\w+\s+)?(?:armen|arm|onderarm(?:en)?|polsen|pols|benen|been|dijen|dij|bovenbenen|buik|hoofd|handen|hand|huid|gezicht|heupen|knokkels|vingers)"
_HARM_BODY_EN = r"my\s+(?:own\s+)?(?:\w+\s+)?(?:arms?|forearms?|wrists?|thighs?|legs?|stomach|belly|tummy|head|hands?|skin|face|chest|hips?|knuckles|fingers)"
SELF_PATTERNS += [
    ("nl.eigen_lichaam_verwond", r"^(?=.*\b(?:ik|k)\b)(?=.*\b" + _HARM_BODY_NL + r"\b)"
                                 r"(?=.*\b(?:\w*kras\w*|\w*krab\w*|snij\w*|sneed|\w*gesneden|brand|\w*gebrand|sla|slaan|sloeg|geslagen|stomp\w*|gestompt|bonk\w*|"
                                 r"knijp\w*|geknepen|bijt|bijten|beet|gebeten|prik\w*|\w*gekrabd|druk|drukt|drukte|gedrukt|hou|houd|hield|gehouden)\b)"
                                 r".*?\b(?:expres|met\s+opzet|opzettelijk|om\s+(?:iets|wat)\s+(?:anders\s+)?te\s+voelen|om\s+(?:de|die|die\s+andere)\s+pijn\s+te\s+voelen|"
                                 r"tot\s+(?:het|ze|hij|er)\s+(?:\w+\s+)?(?:bloed\w*|blauw\w*|blaren|open\w*|kapot|rauw)|tot\s+bloedens\s+toe|keer\s+op\s+keer|als\s+straf|verdien\w*|als\s+ik\s+(?:iets\s+)?(?:fout\s+doe|het\s+verpest|faal))\b"),
    ("en.own_body_harmed", r"^(?=.*\b(?:i|i've|i'm|im|ive)\b)(?=.*\b" + _HARM_BODY_EN + r"\b)"
                           r"(?=.*\b(?:punch\w*|hit|hits|hitting|scratch\w*|burn\w*|burnt|scald\w*|cut|cuts|cutting|bang\w*|slam\w*|pinch\w*|bite|biting|"
                           r"pick\w*|claw\w*|stab\w*|hold|held|holding|dig|digging|carv\w*|press|pressed|pressing)\b)"
                           r".*?\b(?:on\s+purpose|deliberately|intentionally|to\s+feel\s+(?:something|anything|it|the\s+pain)|over\s+and\s+over|as\s+(?:a\s+)?punishment|i\s+deserve|when\s+i\s+(?:mess\s+up|screw\s+up|fail|make\s+a\s+mistake|get\s+(?:it|something)\s+wrong)|"
                           r"(?:until|till|til)\s+(?:there\s+(?:are|were)\s+|it\s+|they\s+|i\s+|the\s+skin\s+)?(?:\w+\s+)?(?:bled|bleeds?|bleeding|bruis\w*|blister\w*|raw|broke|breaks))\b"),
]
# Round 21 (dev: round 20): blades taken out of a razor or a sharpener, the everyday sign of cutting.
SELF_PATTERNS += [
    ("nl.mesjes_uit_scheermes", r"\b(?:mesjes?|scheermesjes?|blaadjes?)\s+(?:\w+\s+){0,2}?uit\s+(?:mijn|m'n|mn|een|het|de|die|dat)\s+(?:\w+\s+)?(?:\w*scheermes\w*|\w*slijper\w*)\b"),
    ("en.blades_out_of_razor", r"\b(?:took|taken|take|taking|got|get|getting|broke|broken|break|pulled|pull|pulling)\s+(?:\w+\s+){0,2}?blades?\s+(?:out\s+)?(?:of|from)\s+(?:my|a|the|an|some)\s+(?:\w+\s+)?(?:razors?|sharpeners?|shavers?)\b"),
]
# Round 20: a sign that the joke marker is not one ("lol klinkt dramatisch, maar ik meen het echt").
_SERIOUS_RE = _c(r"\b(?:(?:da|dat|dit|het)\s+(?:is\s+)?geen\s+(?:grap|grapje|geintje)|not\s+(?:a\s+)?joke|(?:i'?m\s+)?not\s+kidding|ik\s+meen\s+het(?!\s+(?:\w+\s+)?niet)|meen\s+het\s+echt(?!\s+niet)|niet\s+als\s+grap\s+bedoeld|(?<!don't\s)(?<!dont\s)(?<!not\s)i\s+mean\s+it|i'm\s+not\s+(?:even\s+)?joking|i'm\s+serious)\b")
# Round 8: a hopeless sentence and an act that prepares or says goodbye, in one post. Either
# alone is everyday talk ("ik kan niet meer" after a long week; saying goodbye to a dog that was
# put to sleep); together they are what indirect crisis posts look like.
_HOPELESS_C = _c(
    r"\b(?:" + I_NL + r"\s+kan\s+(?:het\s+|dit\s+)?(?:echt\s+|gewoon\s+)?(?:niet|nie)\s+meer\s*(?:[.!,]|$)|kan\s+dit\s+(?:echt\s+)?niet\s+meer\b|"
    r"weet\s+(?:niet|nie)\s+hoe\s+lang\s+" + I_NL + r"\s+(?:dit|het)\s+nog\s+(?:vol\s*hou\w*|aan\s*kan|trek)|geen\s+(?:kracht|energie|puf)\s+meer\s+(?:om|over)|"
    r"geen\s+uitweg|alles\s+is\s+(?:zwart|donker|uitzichtloos)|uitzichtloos|ben\s+er\s+(?:zo\s+|echt\s+|helemaal\s+)?klaar\s+mee\s*(?:[.!]|$)|"
    r"(?:het|mijn|m'n)\s+leven\s+(?:is\s+)?(?:voor\s+mij\s+)?(?:klaar|voorbij|op)\b|verdien\w*\s+(?:een\s+)?(?:betere?|iemand\s+beter)\w*\s+(?:\w+\s+)?dan\s+(?:ik|mij)\b|"
    r"(?:alleen\s+maar\s+)?(?:een\s+)?last\s+(?:ben\s+)?voor\s+(?:iedereen|mijn|m'n|de\s+mensen|anderen)|weet\s+(?:niet|nie)\s+waarom\s+" + I_NL + r"\s+dit\s+(?:hier\s+)?(?:schrijf|post|typ)|"
    r"i\s+can'?t\s+(?:do\s+(?:this|it)|take\s+(?:it|this)|handle\s+(?:it|this))\s+anymore|can'?t\s+go\s+on\b|"
    r"(?:don't|dont)\s+know\s+how\s+(?:much\s+)?long(?:er)?\s+i\s+can\s+(?:keep|hold|go|take|do)|no\s+(?:strength|energy|fight)\s+left|no\s+way\s+out|"
    r"everything\s+is\s+(?:dark|black|hopeless)|hopeless|(?:so|completely|just)\s+done\s+with\s+(?:all\s+of\s+)?(?:this|it\s+all|everything)|"
    r"my\s+life\s+is\s+(?:done|over|finished)|deserve\s+(?:a\s+)?(?:better|someone\s+better)\s+(?:\w+\s+)?than\s+me|"
    r"(?:just\s+)?a\s+burden\s+(?:on|to|for)\s+(?:everyone|everybody|my|the\s+people|others)|(?:don't|dont)\s+know\s+why\s+i'?m\s+(?:writing|posting|typing)\s+this|"
    # round 20: the child or partner better off with someone else; "then it is over at once"
    r"beter\s+af\s+(?:is\s+|zou\s+zijn\s+|zijn\s+)?(?:met|bij)\s+(?:een\s+)?(?:andere|ander|iemand\s+anders|een\s+moeder|een\s+vader)\b|"
    r"(?:so\s+much\s+|much\s+|far\s+|a\s+lot\s+)?better\s+off\s+(?:if\s+(?:my|someone|somebody|another)\s+\w+\s+(?:raised|had|took)|with\s+(?:someone|somebody|another|a\s+different)\b)|"
    r"in\s+(?:één|een)\s+keer\s+(?:klaar|over|voorbij)|(?:zo|echt|helemaal|gewoon)\s+(?:done|klaar)\s+met\s+alles|(?:so\s+)?tired\s+of\s+(?:hurting|the\s+pain|being\s+in\s+pain|fighting)|"
    r"(?:don't|dont)\s+know\s+why\s+i'?m\s+telling\s+(?:strangers|you|anyone|you\s+all)\s+this|"
    r"dan\s+is\s+(?:het|alles)\s+(?:eindelijk\s+|gewoon\s+)?(?:klaar|over|voorbij)\s*(?:[.!,]|$))"
)
_ACTS_C = _c(
    r"\b(?:afscheid\s+(?:genomen|nemen|neem)\s+van|said\s+(?:my\s+)?goodbyes?\s+to|saying\s+goodbye\s+to|"
    r"testament\s+(?:al\s+)?(?:aangepast|opgesteld|geregeld|gemaakt)|(?:updated|made|sorted|written|wrote)\s+(?:out\s+)?my\s+will|"
    r"(?:niet|nie)\s+(?:jouw|haar|zijn|jullie|hun)\s+schuld|not\s+(?:your|her|his|their)\s+fault|"
    r"(?:bedacht|uitgedacht|besloten|weet)\s+hoe\s+" + I_NL + r"\s+het\s+(?:ga|zal|wil)\s+doen|(?:worked|figured)\s+out\s+how\s+i'?m\s+going\s+to\s+do\s+it|(?:know|decided|planned)\s+how\s+i'?(?:m\s+going\s+to|ll|will)\s+do\s+it|"
    r"(?:al\s+)?(?:mijn|m'n|mn|alle|de)\s+(?:\w+\s+)?(?:pillen|tabletten|medicijnen|medicatie|\w+pam|oxazepam|slaappillen)\s+bij\s+elkaar\s+(?:gezocht|gelegd|gezet|gedaan)|"
    r"(?:gathered|collected|counted\s+out|laid\s+out)\s+(?:all\s+)?(?:my|the)\s+(?:\w+\s+)?(?:pills|tablets|meds|medication)|"
    # round 24 (dev: round 24): the day chosen
    r"(?:i'?ve|i\s+have)\s+(?:chosen|picked|set|decided\s+on)\s+(?:the|a)\s+(?:day|date)|(?:ik\s+heb\s+)?(?:de|een)\s+(?:dag|datum)\s+(?:al\s+)?(?:gekozen|geprikt|bepaald)|"
    r"(?:naar\s+beneden|in\s+de\s+diepte)\s+(?:te\s+)?(?:gekeken|kijken|kijk|keek|gestaard|staren)|"
    r"(?:uitgestippeld|bedacht|uitgedacht|besloten|gepland|weet)\s+(?:\w+\s+){0,2}?(?:hoe\s+en\s+wanneer|wanneer\s+en\s+hoe|welke\s+dag)|"
    r"(?:planned|planning|worked\s+out|figured\s+out|decided|know)\s+(?:\w+\s+){0,2}?(?:how\s+and\s+when|when\s+and\s+how|which\s+day\s+i'?d?\s+(?:would\s+)?do\s+it|when\s+i'?(?:ll|d)\s+do\s+it)|(?:looked|looking|staring|stared)\s+down\b|"
    r"(?:sta|zit|ben|stond|zat)\s+(?:nu\s+)?(?:bij|op|aan)\s+(?:het\s+spoor|de\s+rails|de\s+brug|het\s+dak|de\s+rand)|"
    # round 22: the plan thought through, letters to one's children, counting the medicines
    r"(?:bedenk\w*|nadenk\w*|uitdenk\w*)\s+hoe\s+(?:je|ik|k)\s+(?:het|t)\s+(?:zou|ga|zal|gaat)\s+doen|(?:heb|had)\s+(?:het|t)\s+(?:al\s+)?(?:helemaal\s+)?uitgedacht|"
    r"(?:i've|i\s+have|i'd|i\s+had)\s+(?:got\s+)?it\s+(?:all\s+)?(?:worked|figured|planned|thought)\s+out|"
    r"(?:written|wrote|writing)\s+(?:\w+\s+){0,2}?letters?\s+to\s+(?:both\s+|each\s+of\s+|all\s+)?(?:my|m'n|mijn)\s+(?:\w+\s+)?(?:kids|children|sons|daughters|family|wife|husband|partner)|"
    r"brie(?:f|ven)\s+(?:\w+\s+){0,2}?(?:geschreven|schrijven)\s+(?:aan|voor)\s+(?:mijn|m'n|beide)\s+(?:\w+\s+)?(?:kinderen|kids|zoon|dochter|man|vrouw)|"
    r"counting\s+(?:up\s+)?(?:what'?s\s+left|my\s+(?:pills|tablets|meds)|the\s+(?:pills|tablets|meds))|(?:pillen|tabletten|medicijnen)\s+(?:\w+\s+)?(?:geteld|tellen|aan\s+het\s+tellen)|"
    r"(?:i'm|i\s+am|standing|sitting)\s+(?:\w+\s+)?(?:at|on|by)\s+(?:the\s+)?(?:train\s+tracks|tracks|railway|rails|bridge|roof|ledge|edge))\b"
)
# Round 8, across sentences: asking how much is lethal and saying it is not for school work.
_POST_PATTERNS = [(name, _c(pattern)) for name, pattern in [
    ("nl.dodelijk_niet_voor_school", r"\b(?:dodelijk\w*|fataal|niet\s+meer\s+wakker|dood\s+te\s+gaan|(?:niet|nie)\s+overleef\w*|(?:niet|nie)\s+(?:te\s+)?overleven)\b"
                                     r".{0,80}\b(?:niet|nie|geen)\s+(?:\w+\s+){0,2}?voor\s+(?:een\s+|mijn\s+)?(?:werkstuk|school|studie|opdracht|spreekbeurt|verslag)\b"),
    ("en.lethal_not_for_school", r"\b(?:lethal|fatal|deadly|kill\s+you|not\s+wake\s+up|(?:not|never)\s+survive)\b"
                                 r".{0,80}\bnot\s+(?:\w+\s+){0,2}?for\s+(?:a\s+|my\s+)?(?:school|project|assignment|essay|homework|class)\b"),
]]
_POST_PATTERNS += [(name, _c(pattern)) for name, pattern in [
    # round 20: "would it be quick? asking for me"
    ("en.method_asked_for_me", r"\b(?:took|take|taking|swallowed|swallow)\s+(?:\w+\s+){0,5}?(?:all|boxes|box|pills|tablets|packs?|bottles?|strips?)\b.{0,80}?\b(?:would\s+(?:it|that)\s+be\s+(?:quick|painless|peaceful|fatal|enough)|how\s+(?:many|much)\s+(?:\w+\s+){0,4}?(?:would|to)\s+(?:it\s+take\s+to\s+)?(?:kill|be\s+fatal|be\s+lethal|not\s+wake)|"
                               r"(?:is|would)\s+(?:that|it|this)\s+(?:be\s+)?enough\s+to\s+(?:die|not\s+wake|kill))\b"
                               r"(?=.{0,160}\b(?:asking\s+for\s+(?:me|myself)|(?:it's|its|this\s+is)\s+for\s+me|not\s+for\s+a\s+friend)\b)"),
    ("nl.middel_gevraagd_voor_mezelf", r"\b(?:neem|nam|neemt|slik|slikt|slikte|innemen|inneemt)\s+(?:\w+\s+){0,5}?(?:alle|doosjes|doosje|dozen|pillen|tabletten|strips?|potjes?)\b.{0,80}?\b(?:gaat\s+dat\s+(?:dan\s+)?snel|is\s+dat\s+pijnloos|word\s+je\s+dan\s+(?:nog\s+)?wakker|is\s+dat\s+(?:genoeg|dodelijk)|hoeveel\s+(?:\w+\s+){0,4}?(?:nodig|genoeg)\s+(?:om|voor))\b"
                                       r"(?=.{0,160}\b(?:vraag\s+(?:het\s+|dit\s+)?voor\s+(?:mezelf|mijzelf|mij)|(?:het\s+)?is\s+voor\s+(?:mezelf|mij)|niet\s+voor\s+een\s+vriend\w*)\b)"),
    # round 20: a bereaved member who kept the means on purpose to be with the one who died
    ("nl.bij_de_overledene_met_middel", r"\A(?=[\s\S]*?\b(?:overleden|overleed|gestorven|stierf)\b)(?=[\s\S]*?\b(?:(?:wil|wou|wilde|verlang\w*)\s+(?:\w+\s+){0,2}?(?:weer\s+)?bij\s+(?:hem|haar|mijn\s+\w+|m'n\s+\w+)\s+(?:zijn|komen|wezen)|bij\s+(?:hem|haar|mijn\s+\w+|m'n\s+\w+)\s+(?:wil|wou|wilde)\s+(?:zijn|komen|wezen))\b)"
                                        r"[\s\S]*?(?:\b(?:bewust|expres|met\s+opzet)\s+(?:\w+\s+){0,2}?(?:gehouden|bewaard|achtergehouden)|\bweet\s+(?:\w+\s+){0,2}?(?:dat\s+dit|hoe)\s+(?:\w+\s+)?(?:een\s+manier|het\s+kan))\b"),
    ("en.join_the_dead_with_means", r"\A(?=[\s\S]*?\b(?:died|passed\s+away|passed|lost\s+(?:him|her))\b)(?=[\s\S]*?\b(?:want|wanna|wish|long)\s+(?:\w+\s+){0,2}?(?:to\s+)?(?:be\s+with|join)\s+(?:him|her|them)\b)"
                                    r"[\s\S]*?(?:\b(?:kept|saved|held\s+on\s+to|hid|hidden)\s+(?:\w+\s+){0,3}?(?:pills|tablets|meds|morphine|patches|oxycodone|medication)|\bknow\s+(?:\w+\s+){0,2}?(?:this\s+is\s+a\s+way|how\s+i\s+(?:would|could)))\b"),
]]
_POST_PATTERNS += [(name, _c(pattern)) for name, pattern in [
    # round 21 (dev: round 20): plans told as logistics, no word of dying in them
    ("self.engine_in_garage", r"\b(?:i|ik)\b[^.!?\n]{0,80}\bgarage\b[^.!?\n]{0,80}\b(?:engine|motor)\s+(?:\w+\s+){0,2}?(?:running|on|draaien|draaiend|aan|liep)\b"),
    ("self.look_like_an_accident", r"\b(?:make|making|made|so)\s+(?:it|that\s+it)\s+(?:would\s+)?(?:look|looks|seem|seems)\s+like\s+an?\s+accident\b"
                                   r"|\b(?:zodat|dat)\s+het\s+(?:\w+\s+)?(?:op|als)\s+een\s+ongeluk\s+(?:lijkt|eruitziet|uitziet|overkomt)\b"),
    ("self.found_and_insured", r"\bhow\s+long\s+(?:does|would|will|did)\s+it\s+(?:take|be)\s+(?:for|before)\s+(?:someone|anyone|somebody|people|they|them)\s+(?:to\s+|would\s+|will\s+)?finds?\s+(?:you|me|a\s+body)\b"
                               r"|\b(?:life\s+)?insurance\s+(?:\w+\s+){0,2}?pay\s*(?:out)?\s+(?:\w+\s+){0,2}?(?:if|when|for|on|after)\s+(?:it'?s\s+|it\s+is\s+|it\s+was\s+)?(?:not\s+an\s+accident|a\s+suicide|suicide)\b"
                               r"|\bhoe\s+lang\s+(?:duurt\s+het|het\s+duurt)\s+(?:voordat|tot|voor)\s+(?:iemand|ze|men|mensen)\s+(?:je|me|mij|een\s+lichaam)\s+(?:\w+\s+)?(?:vindt|vinden|gevonden)\b"
                               r"|\b(?:levens)?verzekering\s+(?:\w+\s+){0,2}?(?:uit|keert)\s+(?:\w+\s+){0,2}?(?:bij|na|als)\s+(?:het\s+)?(?:zelfmoord|zelfdoding|geen\s+ongeluk)\b"),
]]
_POST_PATTERNS += [(name, _c(pattern)) for name, pattern in [
    # round 26 (dev since round 28): "ik wil gewoon stoppen. met alles. ook met ademhalen."
    ("self.stop_breathing", r"\b(?:ik|k)\s+wil\s+(?:\w+\s+)?(?:stoppen|ophouden)\b[\s\S]{0,40}?\bademhalen\b|\b(?:i\s+)?(?:want|wanna)\s+to\s+(?:just\s+)?stop\s+breathing\b"),
    # round 24 (dev: round 25): how much is enough "zodat het in één keer goed gaat"
    ("self.enough_in_one_go", r"\b(?:hoeveel|how\s+(?:much|many))\b[\s\S]{0,240}?\b(?:genoeg|enough)\b[\s\S]{0,80}?\b(?:in\s+(?:een|één|1)\s+keer\s+(?:goed|raak|lukt)|in\s+one\s+go)\b"),
    # round 24 (dev: round 24): treatment left off on purpose, hoping it goes wrong; the day chosen and a note left
    ("self.treatment_stopped_hoping", r"\A(?=[\s\S]*?\b(?:stopped|stop|skipping|skip|skipped|quit|not)\s+(?:taking\s+)?(?:my\s+)?(?:\w+\s+){0,2}?(?:insulin|doses|meds|medication|medicine|pills|tablets|lithium)\b[^.!?\n]{0,40}?\b(?:on\s+purpose|deliberately)\b"
                                      r"|[\s\S]*?\b(?:bewust|expres|met\s+opzet)\s+(?:\w+\s+){0,3}?(?:insuline|medicijnen|medicatie|pillen|lithium)\b)"
                                      r"[\s\S]*?\b(?:(?:part\s+of\s+me\s+)?hopes?\s+(?:it|that)\s+(?:does|will|goes\s+wrong|happens)|if\s+it\s+goes\s+wrong\s+(?:then\s+)?it\s+goes\s+wrong|"
                                      r"(?:een\s+deel\s+van\s+me\s+)?hoop\s+(?:\w+\s+)?dat\s+het\s+(?:misgaat|mis\s+gaat|gebeurt)|als\s+het\s+misgaat\s+(?:dan\s+)?gaat\s+het\s+(?:maar\s+)?mis)\b"),
    ("self.day_chosen_and_note", r"\A(?=[\s\S]*?\b(?:chosen|picked|set)\s+the\s+(?:day|date)\s*[.!\n]|[\s\S]*?\b(?:de|een)\s+(?:dag|datum)\s+(?:al\s+)?(?:gekozen|geprikt|bepaald)\s*[.!\n])"
                                 r"(?=[\s\S]*?\b(?:note|letter|brief\w*|briefje)\b)[\s\S]*?\b(?:(?:find|found|read)\s+it\s+(?:after|afterwards)|(?:niet|not)\s+(?:their|his|her|your|hun|jouw|zijn|haar|jullie)\s+(?:fault|schuld)|(?:vinden|lezen)\s+(?:hem|het|ze)\s+(?:erna|daarna|achteraf))\b"),
    # round 24 (dev: round 23): reading up on how much it would take, and whether anyone would know it was meant
    ("self.amount_and_not_an_accident", r"\A(?=[\s\S]*?\bhow\s+(?:much|many)\s+(?:\w+\s+){0,2}?(?:it|i|they|you)\s+(?:would|'d)\s+(?:take|need)\b)"
                                        r"[\s\S]*?\b(?:wasn'?t|was\s+not|isn'?t|is\s+not|not)\s+an\s+accident\b"
                                        r"|\A(?=[\s\S]*?\bhoeveel\s+(?:\w+\s+){0,2}?(?:nodig|genoeg)\s+(?:is|zou\s+zijn|zijn)\b)[\s\S]*?\bgeen\s+ongeluk\s+(?:was|is|zou\s+zijn)\b"),
    ("en.height_asked_for_me", r"\bhow\s+high\s+(?:\w+\s+){0,6}?(?:certain|sure|fatal|lethal|enough)\b.{0,80}?\b(?:asking\s+for\s+(?:me|myself)|(?:it's|its|this\s+is)\s+for\s+me|not\s+for\s+a\s+(?:friend|project|story|book))\b"
                              r"|\bhoe\s+hoog\s+(?:\w+\s+){0,6}?(?:zeker|dodelijk|fataal|genoeg)\b.{0,80}?\b(?:vraag\s+(?:het\s+|dit\s+)?voor\s+(?:mezelf|mijzelf|mij)|niet\s+voor\s+(?:een\s+)?(?:vriend\w*|project|verhaal|boek))\b"),
]]
# Round 22 (dev since round 23): a wish that was past and has come back ("acht jaar geleden wilde ik niet
# meer leven ... sinds juni zijn die gedachten weer terug"): the wish is told as past, its return as now.
_THOUGHTS_BACK_RE = _c(r"\b(?:die|deze|de|mijn|m'n|those|these|the|my)\s+(?:\w+\s+){0,5}?(?:gedachte?n?|thoughts?)\s+(?:\w+\s+){0,3}?"
                       r"(?:(?:zijn|is|komen|kwamen)\s+(?:\w+\s+){0,2}?(?:weer\s+)?terug|(?:are|is|came|have\s+come|'re)\s+(?:\w+\s+){0,2}?back)\b"
                       # the Dutch inversion: "sinds juni zijn die gedachten weer terug"
                       r"|\b(?:zijn|is|komen|kwamen)\s+(?:die|deze|de|mijn|m'n)\s+(?:\w+\s+){0,3}?gedachte?n?\s+(?:\w+\s+){0,2}?terug\b")


def _wish_come_back(t):
    found = list(_sentences(t))
    return (any(_THOUGHTS_BACK_RE.search(sentence) for sentence in found)
            and any(_DESIRE_C.search(sentence) and _DEATH_C.search(sentence) and not _FEAR_C.search(sentence) for sentence in found))


# Round 21 (dev: round 20): the author gives their pet or things to named people and says all is
# arranged or thanks everyone ("mijn kat gaat naar mijn zus ... alles is geregeld"); a move, a
# clear-out or a new job is none of that.
_OWN_GIVEN_RE = _c(r"\b(?:mijn|m'n|mn)\s+(?:\w+\s+)?(?:kat|katten|poes|hond|honden|konijn|cavia|vogels?|planten|gitaar|spullen|sieraden|boeken|kleren|platen)\s+(?:gaat|gaan)\s+naar\s+(?:mijn|m'n|mn|de|het|een)\s+"
                   r"(?:\w+\s+)?(?:zus|broer|moeder|vader|buurvrouw|buurman|vriend\w*|nicht|neef|oma|opa|collega|dochter|zoon|ex|tante|oom)\b"
                   r"|\b(?:gave|given|giving|gift\w*)\s+(?:away\s+)?my\s+(?:\w+\s+)?(?:guitar|cat|cats|dog|rabbit|books|jewell?ery|plants|bike|records|console|games|clothes|camera|paintings)\s+to\s+(?:my\s+|a\s+)?"
                   r"(?:\w+\s+)?(?:nephew|niece|sister|brother|mum|mom|mother|dad|father|friend|neighbou?r|cousin|colleague|son|daughter|aunt|uncle)\b")
_ALL_ARRANGED_RE = _c(r"\b(?:alles\s+is\s+(?:\w+\s+)?(?:geregeld|op\s+orde|klaar|afgehandeld)|(?:dank\s+(?:je|jullie|u)\s+(?:wel\s+)?|bedankt\s+)(?:\w+\s+)?voor\s+(?:de\s+afgelopen\s+jaren|alles)|"
                      r"(?:everything|all)\s+(?:is\s+|'s\s+)?(?:sorted|arranged|taken\s+care\s+of|in\s+order)|getting\s+everything\s+sorted|thank\s+you\s+(?:all\s+)?for\s+everything|thanks\s+for\s+everything)\b")
_CLEAR_OUT_RE = _c(r"\b(?:declutter\w*|opruim\w*|ontspull\w*|minimalis\w*|kondo|uitzoeken|verhui\w*|emigr\w*|moving|relocat\w*|new\s+job|nieuwe\s+baan|reis|trip|travel\w*|backpack\w*|vakantie|holiday|"
                   r"opvang|asiel|shelter|allerg\w*|allergie\w*|kamer\s+te\s+klein|smaller\s+flat|kleiner\s+wonen)\b")


def _own_gives_away(t):
    return bool(_OWN_GIVEN_RE.search(t) and _ALL_ARRANGED_RE.search(t) and not _CLEAR_OUT_RE.search(t))


# Someone else's goodbye note found beside a stash of pills (round 21, dev: round 20).
_NOTE_FOUND_RE = _c(r"\b(?:vond|gevonden|found|find)\b[^.!?\n]{0,80}\b(?:briefje|brief|afscheidsbrief|note|letter)\b")
_STASH_RE = _c(r"\b(?:zakje|zak|stapel|voorraad|stash|bag|pile|hoard|verzameld|gespaard|verstopt|hidden|dertig|twintig|veertig|thirty|twenty|forty|\d{2,})\s+(?:\w+\s+){0,4}?"
               r"(?:pillen|paracetamol|tabletten|medicijnen|pills|tablets|painkillers|ibuprofen|meds|slaappillen|sleeping\s+pills)\b"
               r"|\b(?:saved[\s-]up|opgespaarde|months\s+of|weeks\s+of|maanden\s+aan|weken\s+aan)\s+(?:\w+\s+)?(?:pillen|tabletten|medicijnen|pills|tablets|meds|painkillers)\b")


def _other_note_and_pills(t):
    return bool(_NOTE_FOUND_RE.search(t) and _STASH_RE.search(t) and _THIRD_RE.search(t))


# Round 24 (dev: round 24): someone else's stash, said to be "voor later, als het mooi geweest is" or
# "for when I decide".
_KEPT_FOR_LATER_RE = _c(r"\b(?:(?:die|dat|ze|deze)\s+(?:zijn|is)\s+voor\s+(?:later|als)|als\s+het\s+(?:mooi\s+)?(?:geweest|genoeg)\s+is|voor\s+als\s+(?:ik|hij|ze)\s+(?:er\s+)?klaar\s+mee\s+ben|"
                        r"(?:that'?s|they'?re|it'?s|those\s+are)\s+for\s+(?:when|if)\s+(?:i|he|she|they)\s+(?:decide|decides|am\s+ready|is\s+ready|have\s+had\s+enough|need\s+(?:them|it))|when\s+the\s+time\s+comes)\b")

# ... not pills gathered for the pharmacy or a pill organiser
_PILL_ORGANISER_RE = _c(r"\b(?:apothe\w*|pharmac\w*|chemist|pillendoos|weekdoos|baxter\w*|dosette|pill\s+organi[sz]er|inleveren|hand\s+in|expired|verlopen)\b")


def _other_means_kept(t):
    return bool((_THIRD_RE.search(t) or _SOMEONE_I_KNOW_RE.search(t)) and _STASH_RE.search(t) and _KEPT_FOR_LATER_RE.search(t)
                and not _PILL_ORGANISER_RE.search(t))



# Someone else gives their things away and speaks of the end (round 20, dev: round 19): either
# alone is a colleague clearing a desk or a tired remark; a move, a new job or retirement is neither.
_GIVES_AWAY_RE = _c(r"\b(?:hij|zij|ze|he|she|buurman|buurvrouw|collega|vriend\w*|zoon|dochter|broer|zus|vader|moeder|man|vrouw|partner|"
                    r"colleague|friend|son|daughter|brother|sister|dad|mum|mom|husband|wife|neighbou?r)(?:'s|'d|'ve)?\s+(?:[\w']+\s+){0,8}?(?:weggegeven|weggeeft|weg\s+gegeven|geeft\s+(?:\w+\s+){0,3}?weg|gave\s+(?:me|us|away)\s+(?:all\s+)?(?:his|her|their)|"
                    r"giving\s+away|has\s+given\s+away|gives\s+away)\b"
                    # round 24: "has been giving his things to other residents all week"
                    r"|\b(?:giving|gave|gives|given|geeft|gaf|uitdelen|deelt)\s+(?:away\s+)?(?:all\s+|al\s+)?(?:his|her|their|zijn|haar|z'n)\s+(?:\w+\s+)?(?:things|stuff|belongings|possessions|spullen|bezittingen)\s+(?:\w+\s+){0,3}?(?:to|aan|away|weg)\b"
                    # round 24 (dev: round 25): a named treasure given to a named person ("heeft zijn postzegelverzameling aan zijn kleinzoon gegeven")
                    r"|\b(?:heeft|had)\s+(?:\w+\s+){0,2}?(?:zijn|haar|z'n)\s+(?:\w+\s+){0,3}?aan\s+(?:zijn|haar|z'n|een|de|het|mijn|m'n|ons|onze)\s+(?:\w+\s+){0,3}?(?:gegeven|weggegeven|geschonken)\b"
                    r"|\b(?:has|had)\s+(?:also\s+|just\s+)?(?:been\s+)?(?:given|giving)\s+(?:away\s+)?(?:his|her|their)\s+(?:\w+\s+){0,6}?to\s+(?:his|her|their|a|the|my|our)\s+\w+"
                    r"|\b(?:mochten|mogen|mocht|mag)\s+(?:hem|haar)\s+houden\b|\b(?:hem|haar)\s+(?:mochten|mogen|mocht|mag)\s+houden\b|\b(?:can|could|may)\s+keep\s+(?:him|her)\b")
_FINAL_WORDS_RE = _c(r"\b(?:niet\s+meer\s+(?:zien|zult\s+zien|zullen\s+zien|zal\s+zien)|(?:zaakjes|zaken|papieren)\s+(?:\w+\s+)?op\s+orde|affairs\s+in\s+order|"
                     r"won'?t\s+(?:see|be\s+seeing)\s+(?:him|her|me|them)\s+(?:again|after)|(?:leaving|leave)\s+everything|worked\s+out\s+how|"
                     r"klaar\s+mee,?\s+met\s+alles|done\s+with\s+(?:it\s+all|everything)|won'?t\s+be\s+(?:around|here)\s+(?:much\s+longer|after|for\s+long|by)"
                     r"|won'?t\s+have\s+to\s+(?:[\w']+\s+){0,4}?(?:much\s+)?longer|thanks?\s+(?:you\s+)?for\s+putting\s+up\s+with\s+me|hoeft\s+(?:\w+\s+)?(?:niet|nie)\s+lang\s+meer"
                     r"|(?:be\s+)?(?:fine|ok|okay|better\s+off|alright)\s+with\s+the\s+(?:life\s+)?insurance(?:\s+money)?|(?:met\s+het|van\s+het)\s+verzekeringsgeld"
                     r"|duurt\s+(?:\w+\s+)?(?:niet|nie)\s+lang\s+meer|(?:is|was)\s+(?:\w+\s+)?genoeg\s+geweest|(?:ga|gaat|gaan)\s+binnenkort\s+naar\s+\w+|"
                     r"(?:it\s+)?(?:isn'?t|is\s+not)\s+(?:your|anyone'?s)\s+fault|(?:het\s+)?is\s+niet\s+(?:jouw|jullie|je)\s+schuld|can'?t\s+do\s+(?:it|this)\s+any\s*more)")
_NEGATED_NEAR_RE = _c(r"\b(?:niet|geen|not|isn't|isnt|no)\b")
_DEPARTURE_RE = _c(r"\b(?:retir\w*|pensioen\w*|verhui\w*|emigr\w*|moving|new\s+job|nieuwe\s+baan|ontslag\w*|resign\w*|opzeg\w*|quit\w*|sabbatical|wereldreis|travel\w*|"
                   r"leaving\s+(?:do|party|drinks)|afscheidsfeest\w*|afscheidsborrel|airport|vliegveld|schiphol)\b")


def _other_gives_away(t, completed=False):
    """``completed``: the post tells of a death (a widower "ga binnenkort naar Riet"); then only sentences that
    do not speak of it count."""
    found = [sentence for sentence in _sentences(t) if not (completed and _COMPLETED_RE.search(sentence))]
    if not (any(_GIVES_AWAY_RE.search(sentence) for sentence in found) and any(_FINAL_WORDS_RE.search(sentence) for sentence in found)):
        return False
    # "hij gaat niet met pensioen" keeps the post; "she is retiring" explains it
    return not any(_DEPARTURE_RE.search(sentence) and not _NEGATED_NEAR_RE.search(sentence) for sentence in found)



# Round 24 (dev: round 23 and the training round 25): preparing for after one's death told as
# errands, no word of dying in them ("sorted out who's having my dog, deleted my socials, paid off
# my phone contract ... tying up loose ends"). One errand is ordinary; several, with words for after
# the author ("so nobody is left with a mess", "for later"), or three of them, are a farewell. A
# move, a trip or a clear-out explains them.
_ERRAND_RES = [_c(pattern) for pattern in (
    # a pet or one's things placed with someone
    r"\b(?:who(?:'s|\s+is|\s+will\s+be)\s+(?:having|taking|getting|looking\s+after)\s+my|(?:found|find|finding)\s+(?:a\s+)?(?:new\s+)?home\s+for\s+my|rehom\w*\s+my|"
    r"(?:brought|took|gave|taken|given)\s+my\s+(?:\w+\s+)?(?:cat|dog|rabbit|bird|birds|pets?|kitten|puppy)\s+(?:over\s+)?to|"
    r"(?:mijn|m'n|mn)\s+(?:\w+\s+)?(?:kat|katten|poes|hond|honden|konijn|cavia|vogels?|huisdier\w*)\s+(?:\w+\s+){0,2}?(?:naar|bij)\s+(?:mijn|m'n|mn|de|een)\s+(?:\w+\s+)?\w+\s+(?:gebracht|gedaan|ondergebracht|weggebracht)|"
    r"(?:nieuw|goed)\s+(?:thuis|baasje|adres)\s+(?:\w+\s+)?(?:gevonden|geregeld)\s+voor\s+(?:mijn|m'n|mn)|"
    # round 24 (dev: round 24)
    r"(?:mijn|m'n|mn)\s+(?:kat|katten|poes|hond|honden|konijn|vogels?)\s+(?:\w+\s+)?(?:woont|wonen|logeert)\s+(?:\w+\s+){0,3}?bij\s+(?:mijn|m'n|mn|de)\s+\w+|"
    r"arranged\s+for\s+(?:the|my)\s+(?:dog|cat|cats|rabbit|bird|pets?)\s+to\s+(?:go|live|stay)\s+(?:to|with)|my\s+(?:dog|cat|rabbit)\s+(?:is\s+going|will\s+go|goes)\s+to\s+(?:live\s+with\s+)?(?:my|the|a)\b)",
    # one's accounts and subscriptions ended
    r"\b(?:deleted|deleting|closed|closing|cancelled|canceled|cancelling|wiped)\s+(?:all\s+)?my\s+(?:\w+\s+)?(?:socials|social\s+media|accounts?|instagram|facebook|tiktok|subscriptions?|gym\s+membership|contracts?)|"
    r"(?:mijn\s+|m'n\s+|al\s+mijn\s+)?(?:socials|social\s+media|accounts?|insta|instagram|facebook|abonnement\w*|sportschool)\s+(?:\w+\s+){0,2}?(?:verwijderd|gewist|opgezegd|stopgezet)",
    # debts settled
    r"\b(?:paid|paying|settled|settling|cleared)\s+(?:off\s+)?(?:all\s+)?my\s+(?:\w+\s+)?(?:debts?|contract|loan|credit\s+card|tab|bills|overdraft)|"
    r"(?:schulden|rekening\w*|lening|contract|telefoonabonnement)\s+(?:\w+\s+){0,2}?(?:afbetaald|afgelost|betaald|voldaan|opgezegd)",
    # one's will, papers, passwords
    r"\b(?:wrote|written|writing|made|making|updated|updating|sorted|sorting)\s+(?:out\s+)?my\s+(?:will|passwords|papers|paperwork|funeral\s+wishes)|"
    r"(?:testament|wilsverklaring|uitvaartwensen|wachtwoorden|papieren)\s+(?:\w+\s+){0,2}?(?:opgesteld|gemaakt|geregeld|bijgewerkt|opgeschreven|op\s+orde|bij\s+de\s+notaris)|"
    r"(?:wachtwoorden|passwords|pincodes)\s+(?:\w+\s+){0,4}?(?:voor|for)\s+(?:mn|mijn|m'n|my)\s+\w+|"
    r"(?:the|my)\s+will\s+(?:is|has\s+been)\s+(?:\w+\s+)?(?:updated|done|sorted|signed|written)|(?:visited|been\s+to|went\s+to|saw)\s+the\s+(?:notary|solicitor|lawyer)|"
    r"(?:put|putting|got|getting)\s+my\s+affairs\s+in\s+order|(?:mijn\s+)?(?:zaken|zaakjes)\s+(?:\w+\s+)?op\s+orde\s+(?:gebracht|gemaakt|gezet)|bij\s+de\s+notaris\s+geweest",
    # one's belongings sorted or given away
    r"\b(?:sorted|gone|went|going)\s+(?:out\s+|through\s+)(?:all\s+)?my\s+(?:stuff|things|belongings|clothes)|(?:gave|given|giving)\s+away\s+(?:all\s+|most\s+of\s+)?my\s+(?:stuff|things|belongings)|"
    r"(?:mijn|m'n|mn)\s+(?:\w+\s+)?(?:spullen|kleren|bezittingen)\s+(?:\w+\s+){0,4}?(?:uitgezocht|weggegeven|verdeeld|uitgedeeld)|"
    r"(?:given|gave|giving)\s+away\s+(?:most\s+of\s+|all\s+of\s+)?(?:\w+'s\s+|my\s+)(?:\w+\s+)?(?:clothes|tools|things|stuff|books|records)",
    # letters laid out, a message set to be sent later
    r"\b(?:de\s+)?brieven\s+(?:\w+\s+)?(?:liggen|staan)\s+(?:\w+\s+)?(?:klaar|op\s+(?:tafel|mijn\s+bureau))|letters\s+are\s+(?:\w+\s+)?(?:ready|on\s+the\s+table|written)|"
    r"(?:mail|bericht|appje)\s+(?:\w+\s+){0,3}?(?:ingepland|inplannen)|scheduled\s+(?:an?\s+)?(?:e-?mail|message|text)",
)]
_AFTER_ME_RE = _c(r"\b(?:(?:tying|tie|tied)\s+up\s+(?:all\s+)?(?:the\s+|my\s+)?loose\s+ends|nobody(?:'s|\s+is|\s+will\s+be)\s+left\s+with|no\s+one(?:'s|\s+is)\s+left\s+with|"
                  r"(?:when|after|once)\s+i'?m\s+(?:gone|not\s+here)|won'?t\s+need\s+(?:it|them|any\s+of\s+it)|for\s+afterwards|"
                  r"losse\s+eindjes|(?:zodat|dat)\s+niemand\s+(?:\w+\s+){0,2}?(?:met|na)\s+(?:\w+\s+){0,2}?(?:zit|opgescheept|achterblijft)|als\s+ik\s+er\s+(?:niet|nie)\s+meer\s+ben|"
                  r"(?:niet|nie)\s+meer\s+nodig|won'?t\s+matter\s+(?:anyway|any\s*more)|(?:maakt|doet)\s+(?:\w+\s+)?(?:niet|nie)\s+meer\s+(?:uit|ter\s+zake)|(?:gezorgd|zorgen|zorgt)\s+(?:\w+\s+){0,2}?straks|voor\s+(?:straks|daarna|erna|na\s+mij))\b")


_SAYING_BYE_RE = _c(r"\b(?:(?:wanted\s+to\s+|just\s+)?say\s+(?:bye|goodbye)\s+to|bedank\w*\s+voor\s+de\s+afgelopen\s+jaren|thanks?\s+(?:you\s+)?(?:all\s+)?for\s+the\s+(?:past|last)\s+(?:few\s+)?years|"
                    r"(?:i'?ve|i\s+have)\s+had\s+a\s+good\s+life|(?:it\s+is|it'?s)\s+enough\s+now|het\s+is\s+(?:mooi\s+)?geweest|"
                    r"(?:made|make|making)\s+(?:my\s+)?peace\s+with\s+(?:it|everything)|"
                    r"afscheid\s+(?:\w+\s+)?(?:nemen|te\s+nemen|genomen)\s+van\s+(?:jullie|iedereen|jou)|(?:even\s+)?(?:gedag|doei|dag)\s+zeggen)\b")
_ERRAND_REASON_RE = _c(r"\b(?:mortgage|hypothe\w*|budget\w*|bespar\w*|bezuinig\w*|sav(?:e|ing)\s+(?:money|up)|geld\s+(?:besparen|sparen)|(?:digital|financial)\s+(?:detox|reset)|"
                       r"offline|new\s+year|nieuwjaar|voornemens?|resolutions?|bank(?:'s|\s+is|\s+was)?\s+(?:happy|tevreden)|loan\s+application|aanvraag)\b")


def _own_errands_for_after(t):
    if _CLEAR_OUT_RE.search(t) or _ERRAND_REASON_RE.search(t) or not _FIRST_PERSON_RE.search(t):
        return False
    errands = sum(bool(pattern.search(t)) for pattern in _ERRAND_RES)
    after_me = bool(_AFTER_ME_RE.search(t))
    bye = bool(_SAYING_BYE_RE.search(t))
    return errands >= 3 or (errands >= 2 and (after_me or bye)) or (errands >= 1 and after_me and bye)


# Round 24 (dev: round 23): a means kept or checked in secret, and said to be for oneself or looked
# at ("a box of oxycodone I didn't return ... I keep it in a shoebox. It's for me"; "checked the
# shotgun's still clean and where the shells are ... it'd sort the insurance").
_MEANS = (r"(?:pills|tablets|meds|medication|medicines|oxycodone|opioids|morphine|fentanyl|insulin|painkillers|sleeping\s+pills|paracetamol|"
          r"shotgun|gun|rifle|shells|rope|blades|pillen|tabletten|medicijnen|oxycodon|morfine|insuline|pijnstillers|slaappillen|geweer|jachtgeweer|patronen|touw|mesjes)")
_KEPT_VERBS = (r"(?:keep|keeping|kept|hid|hide|hiding|hidden|stash\w*|stockpil\w*|saving\s+up|saved\s+up|adding\s+to|didn'?t\s+return|never\s+returned|checked|checking|cleaned|loaded|"
         r"bewaar\w*|verstop\w*|opgespaard|opspaar\w*|spaar\s+(?:\w+\s+)?op|niet\s+(?:\w+\s+)?ingeleverd|nooit\s+ingeleverd|achtergehouden|gecontroleerd|schoongemaakt|geladen)")
_MEANS_KEPT_RE = _c(r"\b" + _MEANS + r"\b[^\n]{0,160}?\b" + _KEPT_VERBS + r"\b|\b" + _KEPT_VERBS + r"\b[^.!?\n]{0,80}?\b" + _MEANS + r"\b")
_FOR_ME_RE = _c(r"\b(?:(?:it'?s|its|it\s+is|they'?re|they\s+are|that'?s)\s+(?:\w+\s+)?for\s+(?:me|myself)|nobody\s+knows|no\s+one\s+knows|nobody\s+(?:else\s+)?knows\s+about|"
                r"how\s+(?:much|many)\s+(?:\w+\s+){0,2}?(?:it|i|they)\s+would\s+(?:take|need)|(?:wasn'?t|was\s+not|isn'?t|is\s+not|not)\s+an\s+accident|"
                r"look\s+at\s+(?:it|them)\s+(?:\w+\s+)?(?:most|every|each)\s+(?:night|day|evening)|"
                r"(?:sort|solve|cover|pay\s+off|settle)\s+(?:out\s+)?(?:the\s+|my\s+|our\s+)?(?:insurance|mortgage|debts?)|"
                r"(?:het\s+is|ze\s+zijn|die\s+zijn|dat\s+is)\s+(?:\w+\s+)?voor\s+(?:mezelf|mijzelf|mij)|niemand\s+(?:\w+\s+)?weet\s+(?:ervan|het|dat|daarvan)|"
                r"hoeveel\s+(?:\w+\s+){0,2}?(?:nodig|genoeg)\s+(?:is|zou\s+zijn|zijn)|geen\s+ongeluk|kijk\s+er\s+(?:\w+\s+)?(?:elke|iedere)\s+(?:avond|dag|nacht)\s+naar|"
                r"(?:verzekering|hypotheek|schulden)\s+(?:\w+\s+){0,2}?(?:oplossen|opgelost|uitkeren|uitkeert|afgelost))\b")


def _own_means_kept(t):
    return bool(_FIRST_PERSON_RE.search(t)) and not _MEDICATION_CARE_RE.search(t) and bool(_MEANS_KEPT_RE.search(t) and _FOR_ME_RE.search(t))


# Round 24 (dev: round 23): someone else's farewell, quoted, while they cannot be reached ("sent our
# team chat 'tell everyone I'm sorry, you've all been good to me'. His phone is going straight to
# voicemail"), or with their things given away.
_THEIR_FAREWELL_RE = _c(r"\b(?:tell\s+(?:everyone|everybody|them|mum|mom|dad|the\s+\w+|my\s+\w+)\s+(?:that\s+)?i'?m\s+sorry|(?:you'?ve|you\s+have|you)\s+(?:all\s+)?(?:always\s+)?been\s+(?:so\s+|really\s+)?good\s+to\s+me|"
                        r"thanks?\s+(?:you\s+)?for\s+putting\s+up\s+with\s+me|sorry\s+for\s+everything|(?:logging|signing)\s+off\s+for\s+good|gg\s+(?:everyone|all|guys)|"
                        r"(?:het\s+)?ligt\s+niet\s+aan\s+(?:jullie|jou)|ik\s+ga\s+jullie\s+missen|(?:nooit|nie)\s+meer\s+iets\s+van\s+(?:hem|haar|mij)\s+(?:hoort|horen|zult\s+horen)|"
                        r"zeg\s+(?:\w+\s+){0,2}?dat\s+het\s+me\s+spijt|(?:jullie|je|u)\s+(?:zijn|waren|bent|was)\s+(?:altijd\s+)?(?:zo\s+)?(?:goed|lief)\s+voor\s+(?:me|mij)\s+geweest|"
                        r"bedankt\s+dat\s+(?:je|jullie)\s+(?:het\s+)?met\s+me\s+(?:hebt|hebben)\s+uitgehouden|sorry\s+voor\s+alles)\b")
_UNREACHABLE_RE = _c(r"\b(?:(?:straight|goes|going|went)\s+(?:straight\s+)?to\s+voicemail|(?:isn'?t|not|stopped|won'?t)\s+(?:answering|picking\s+up|responding|replying)|can'?t\s+(?:reach|get\s+hold\s+of)|"
                     r"(?:didn'?t|did\s+not)\s+(?:show\s+up|turn\s+up|come\s+in)|unreachable|"
                     r"neemt\s+(?:\w+\s+){0,2}?niet\s+(?:meer\s+)?op|nam\s+(?:\w+\s+){0,2}?niet\s+op|onbereikbaar|niet\s+bereikbaar|reageert\s+(?:\w+\s+)?niet|niet\s+(?:komen\s+)?opgedaagd|"
                     r"won'?t\s+have\s+to\s+(?:[\w']+\s+){0,4}?(?:much\s+)?longer|hoeft\s+(?:\w+\s+)?(?:niet|nie)\s+lang\s+meer)\b")


def _other_farewell(t, quoted):
    """``quoted``: the post's quotes of someone else's words (_quoted_from_others), which name them when no pronoun does."""
    return bool((_THIRD_RE.search(t) or quoted) and _THEIR_FAREWELL_RE.search(t) and (_UNREACHABLE_RE.search(t) or _GIVES_AWAY_RE.search(t))
                and not _DEPARTURE_RE.search(t))


# Rope and similar words in their everyday senses.
_ROPE_USE_RE = _c(r"\b(?:schommel\w*|swing\w*|tent\w*|boot|boat|klim\w*|climb\w*|hond\w*|dog|waslijn|washing\s+line|knoop|knot|knots|camping|zeil\w*|sail\w*|"
                  r"springtouw|skipping|jump\s+rope|tug|touwtrekken|gym|crossfit|aanhanger|trailer|verhuis\w*|moving)\b")
_ROPE_NAMES = frozenset({"nl.touw", "en.rope"})
# Round 12 (train/dev false alarms): a rule's words in an everyday sense, per rule.
_EVERYDAY_SENSE = {name: _c(pattern) for name, pattern in {
    "en.rope": r"\bend\s+of\s+(?:my|the|our|his|her|their)\s+rope\b",
    "en.tired_of_existing": r"\b(?:living|life)\s+(?:with|in)\b|\b(?:bestaan|leven)\s+(?:in|met)\b",
    "nl.klaar_met_leven": r"\b(?:bestaan|leven)\s+(?:in|met)\b",
    "nl.beter_af_zonder_mij": r"\bzonder\s+(?:mij|me)\s+als\s+\w+",
    "en.better_off_without_me": r"\bwithout\s+me\s+as\s+(?:a\s+|an\s+|the\s+|their\s+|project\s+)?\w+",
    "en.jump": r"\b(?:bungee\w*|abseil\w*|skydiv\w*|parachute\w*|zipline|trampoline|swimming|pool|dive|diving)\b",
    # ... and the hyperbole "als ik nog één keer dat deuntje hoor, spring ik van het balkon"
    "nl.springen": r"\b(?:bungee\w*|abseil\w*|parachute\w*|zwembad|duik\w*|trampoline)\b|\bals\s+(?:ik|k)\s+(?:\w+\s+)?nog\s+(?:een|één|1)\s+keer\b",
    "nl.mezelf_snijden": r"\bkras(?:lot|loten)\b",
    "en.pills_ready": r"\b(?:weekly\s+box|for\s+my\s+(?:mum|mom|dad|nan|gran|grandad|grandma|husband|wife|partner|son|daughter)|helps\s+my)\b",
    "nl.pillen_klaar": r"\bvoor\s+(?:mijn|m'n|mn)\s+(?:moeder|vader|oma|opa|man|vrouw|partner|zoon|dochter)\b",
    "other.not_around_long": r"\b(?:kat|poes|hond|konijn|huisdier|cat|dog|rabbit|pet)\w*\b",
    "en.no_future": r"\bfuture\s+(?:for\s+(?:me|myself)\s+)?(?:in|at|with)\s+(?:this|that|the|my|our)\s+(?!life\b|world\b)",
    "nl.geen_toekomst": r"\btoekomst\s+(?:meer\s+)?(?:in|voor|met|bij)\s+(?:deze|dit|die|dat|de|het|mijn|ons|onze)\b",
    "other.goodbye_message": r"\b(?:card|kaart\w*|retir\w*|pensioen\w*|leaving\s+do|afscheidsfeest\w*|afscheidsreceptie|colleague\w*|collega\w*|"
                             r"is\s+leaving|got\s+a\s+(?:new\s+)?job|new\s+job|nieuwe\s+baan|andere\s+baan|vertrekt\s+bij)\b",
    # scratches from a pet or a garden, pills set out in a week box by the pharmacy
    "other.cuts_on_arms": r"\b(?:kat|katten|poes|cat|cats|kitten|hond|dog|puppy|konijn|rabbit|bramen|brambles|doornen|thorns|rozen\w*|roses)\b",
    "other.hoarding_pills": r"\b(?:weekdoos|pillendoos|baxter\w*|dosette|pill\s+organi[sz]er|weekly\s+box|inleveren|hand\s+in)\b",
    # an itch, a skin complaint, a massage or a sport: the body part is hurt, not harmed
    "nl.eigen_lichaam_verwond": r"\b(?:jeuk\w*|eczeem|psoriasis|netelroos|muggen\w*|allergi\w*|uitslag|masseer\w*|massage|kickboks\w*|boks\w*|tatoe\w*|zon|zonnebrand|verbrand|kat|katten|poes|hond|puppy|kitten|konijn|papegaai|nagels\s+knippen)\b",
    # self-harm in animals ("een soort zelfbeschadiging bij katten?")
    "nl.ander_zelfmoordgedachten": r"\b(?:bij|in|for|with)\s+(?:\w+\s+)?(?:katten|honden|dieren|huisdieren|vogels|papegaaien|konijnen|cats|dogs|animals|pets|birds|parrots|rabbits)\b",
    # blades out of a razor to clean, replace or recycle them
    "nl.mesjes_uit_scheermes": r"\b(?:vervang\w*|repar\w*|schoon\w*|recycl\w*|weggooien|slijpen|geslepen|kapot|nieuwe|onderhoud\w*)\b",
    "en.blades_out_of_razor": r"\b(?:replac\w*|repair\w*|fix\w*|clean\w*|recycl\w*|dispos\w+\s+of|sharpen\w*|broken|new\s+ones?|maintenance)\b",
    "en.own_body_harmed": r"\b(?:itch\w*|eczema|psoriasis|hives|mosquito\w*|allerg\w*|rash|massag\w*|boxing|kickbox\w*|tattoo\w*|sunburn\w*|sun|cat|cats|kitten|dog|puppy|rabbit|parrot|(?:clip|trim)\w*\s+(?:\w+\s+)?nails)\b",
}.items()}
# Someone who works with the subject (a workshop, prevention, a nurse, a crisis line) speaks of it as a topic.
_PROFESSIONAL_RE = _c(r"\b(?:preventie\w*|prevention|awareness|workshops?|"
                      r"(?:preventie|prevention|ehbo|first\s+aid|mhfa|training|trainings|gatekeeper|safetalk|asist|suicide|zelfmoord|zelfdoding)[\s-]?(?:cursus|course)|(?:suicide|zelfmoord|zelfdoding|crisis)[\s-]?(?:prevention\s+|intervention\s+|awareness\s+|preventie\s*|interventie\s*)?(?:training|trainingen|cursus|course|workshop)|asist|safetalk|"
                      r"as\s+an?\s+(?:nurse|gp|doctor|teacher|counsell?or|therapist|volunteer|paramedic)|"
                      r"als\s+(?:wijk)?(?:verpleegkundige|huisarts|arts|docent|therapeut|vrijwilliger)|"
                      r"(?:ik\s+werk|i\s+work)\s+(?:bij|in|op|at|for|on)\s+(?:de\s+|een\s+|a\s+|the\s+)?(?:crisis\w*|ggz|113|psychiatr\w*|helpline|mental))\b")
_PROFESSIONAL_PRONE = frozenset({"en.i_am_suicidal", "nl.ik_denk_aan_zelfmoord", "nl.ander_zelfmoordgedachten", "en.other_kill_self",
                                 "en.other_suicidal", "nl.ander_suicidaal"})
# Someone in palliative care who is ready to go is dying of an illness, not at risk of suicide.
_PALLIATIVE_RE = _c(r"\b(?:palliati\w*|hospice|hospic\w*|terminal\w*|terminaal|stervensfase|uitbehandeld)\b")
# Idioms of boredom: "verveelt zich dood", "bored to death".
_BORED_RE = _c(r"\b(?:dood\s*(?:verveel\w*|vervelen)|verveel\w*\s+(?:\w+\s+){0,2}?dood|bored\s+to\s+death)\b")
# Pills gathered for the pharmacist or a pill organiser, not to take at once.
_MEDICATION_CARE_RE = _c(r"\b(?:medicatiebeoordeling|medicatiereview|medicatie-?overzicht|medication\s+review|apothe\w*|pharmac\w*|chemist|"
                         r"huisarts|gp|doctor|dokter|pillendoos|weekdoos|baxter\w*|dosette|pill\s+organi[sz]er|inleveren|hand\s+in|opruimen|clear\s+out)\b")
_PILLS_NAMES = frozenset({"nl.pillen_klaar", "en.pills_ready"})
_OTHER_ACCIDENT_PRONE = frozenset({"en.other_kill_self", "other.cuts_on_arms", "other.overdose_taken"})

_SELF = [(name, _c(pattern)) for name, pattern in SELF_PATTERNS]
_OTHER = [(name, _c(pattern)) for name, pattern in OTHER_PATTERNS]
# Each pattern with the words it cannot match without (moderation.policy.needles): a post holds
# the words of a few, and trying all of them at every position of every sentence was most of its time.
_SELF_NEEDLES = [(name, pattern, needles(pattern)) for name, pattern in _SELF]
_OTHER_NEEDLES = [(name, pattern, needles(pattern)) for name, pattern in _OTHER]
_ALL_NEEDLES = sorted({word for _, _, words in _SELF_NEEDLES + _OTHER_NEEDLES if words for word in words})


def _possible_patterns(text):
    """The (name, pattern, needed words present) of _SELF and of _OTHER that may match somewhere in
    ``text``, in order (each of the 300-odd words looked for once: a substring test is quicker than
    an expression); a sentence without one of those words is not tried either."""
    present = {word for word in _ALL_NEEDLES if word in text}
    return tuple([(name, pattern, words and tuple(sorted(words & present))) for name, pattern, words in patterns
                  if words is None or not words.isdisjoint(present)]
                 for patterns in (_SELF_NEEDLES, _OTHER_NEEDLES))


def _may_match(sentence, words):
    return words is None or any(word in sentence for word in words)


_SENTENCE_RE = re.compile(r"[^.!?\n;]+[.!?;]*|\n")


@dataclass(frozen=True)
class CrisisAssessment:
    """Whether the text is about someone at risk of suicide or self-harm, and why."""

    crisis: bool
    about: str = ""  # "self" (the author), "other" (someone they know), "" when no crisis
    signals: tuple = field(default_factory=tuple)  # names of the rules that fired

    def to_dict(self):
        return {"crisis": self.crisis, "about": self.about, "signals": list(self.signals)}


def _sentences(text):
    for match in _SENTENCE_RE.finditer(text):
        sentence = match.group()
        if sentence.strip():
            yield sentence


_QUOTED_RE = re.compile(r"(?:^|(?<=[\s(:]))(['\"])(?:[^'\"]|(?<=\w)'(?=\w)){1,200}?\1(?=[\s.,!?;:)]|$)")


def _in_quotes(sentence, start):
    return any(m.start() <= start < m.end() for m in _QUOTED_RE.finditer(sentence))

_ANYONE_ELSE_RE = _c(r"\b(?:anyone|anybody|someone|somebody|people)\s+else\b|\b(?:iemand|mensen)\s+anders\b|\b(?:nog\s+iemand|meer\s+mensen)\b")


def _self_hits(sentence, *, media, joking, told_over, first_person, patterns=_SELF_NEEDLES, following=""):
    """The _SELF patterns that match ``sentence`` and mean it. ``told_over``: the post tells a past that is
    over (a year or "years ago", and "I'm on the other side now"), so a sentence in the past tense is part of
    that story; ``following``: the next sentence, which may explain a small injury ("I did hurt myself a bit.
    I tore a callus ...")."""
    hits = []
    for name, pattern, words in patterns:
        if not _may_match(sentence, words):
            continue
        for match in pattern.finditer(sentence):
            before, after = sentence[: match.start()], sentence[match.end():]
            if _IDIOM_AFTER_RE.search(after):
                continue
            if name in _GENERAL and _OTHERS_RE.search(sentence) and not (first_person and (_FIRST_PERSON_RE.search(sentence) or _ANYONE_ELSE_RE.search(sentence))):
                continue  # "asking someone whether they're thinking about suicide"; but "does anyone else struggle with it?" includes the author
            if name in _GENERAL and _NEGATION_BEFORE_RE.search(before + match.group()[: _topic_start(match.group())]):
                continue
            if name in _GENERAL and _ASKED_OF_YOU_RE.search(before):
                continue  # "we practised asking 'are you thinking about suicide?'"
            if _ASKED_WHETHER_RE.search(before) and not _ANSWERED_YES_RE.search(after):
                continue  # "the GP asked whether I'd had any thoughts of harming myself" (a screening question)
            if name in _ACCIDENT_PRONE and _ACCIDENT_RE.search(sentence) and not _ON_PURPOSE_RE.search(sentence):
                continue  # "cut myself while cooking"; but "pressed the iron against my arm on purpose" was meant
            if (name in _ACCIDENT_PRONE and _MINOR_RE.search(after) and _ACCIDENT_RE.search(following)
                    and not _ON_PURPOSE_RE.search(sentence + " " + following)):
                continue
            if told_over and _PAST_TENSE_RE.search(match.group()) and not _PRESENT_RE.search(sentence):
                continue  # "ten years ago this month ... I genuinely didn't want to be alive. ... I'm on the other side now"
            if name in _JOKE_PRONE and (joking or _HYPERBOLE_RE.search(sentence)):
                continue
            if name in _PLACE_PRONE and _PLACE_AFTER_RE.search(after):
                continue
            if name in _ROPE_NAMES and _ROPE_USE_RE.search(sentence):
                continue
            if name in _PILLS_NAMES and _MEDICATION_CARE_RE.search(sentence):
                continue
            if name in _EVERYDAY_SENSE and _EVERYDAY_SENSE[name].search(sentence):
                continue
            if name in _PROFESSIONAL_PRONE and _PROFESSIONAL_RE.search(sentence):
                continue
            if media and (_in_quotes(sentence, match.start()) or _SAYS_RE.search(before)
                          or (_MEDIA_RE.search(sentence) and not _FIRST_PERSON_RE.search(sentence))
                          or _told_of_a_character(before)):
                continue
            if name in _FEAR_PRONE and _FEAR_C.search(sentence):
                continue
            if _PAST_RE.search(sentence) and not _PRESENT_RE.search(sentence):
                continue
            if name in _GENERAL and (_GAP_BLOCK_RE.search(match.group()) or _COMPLETED_RE.search(sentence)):
                continue
            hits.append(name)
            break
    return hits


def _told_of_a_character(before):
    """ "That bridge scene where George wants to end it all": a media word earlier in the sentence and
    no "I" between it and the match; "in that film I want to end it all" keeps its "I"."""
    ends = [match.end() for match in _MEDIA_RE.finditer(before)]
    return bool(ends) and not _FIRST_PERSON_RE.search(before[ends[-1]:])


# A sentence about studying, teaching or preventing it ("wil mensen interviewen voor zijn werkstuk
# over suicidepreventie", "ik vraag niet naar eigen ervaringen met suicidale gedachten"): its wish
# words are the researcher's, not a wish to die.
_STUDIES_IT_RE = _c(r"\b(?:\w*(?:preventie|werkstuk|scriptie)\w*|onderzoek(?:er\w*|\s+naar|\s+over|\s+doen)|interview\w*|enqu[eê]te\w*|vragenlijst\w*|survey\w*|questionnaires?|"
                    r"respondent\w*|deelnemers|participants|thesis|dissertation|researchers?|research\s+(?:on|into|about|project|study)|my\s+research|prevention|awareness|"
                    r"(?:vraag|vragen|vroeg)\s+(?:\w+\s+){0,2}?naar|"
                    # round 26 (dev since round 28): a side effect, reporting guidelines, a talk with figures
                    r"(?:can|could|may|might)\s+cause|kan\s+(?:\w+\s+){0,3}?(?:veroorzaken|geven)|"
                    r"guidelines?|richtlijn\w*|academic|academisch\w*|presentation|presentatie|statistics|figures)\b")


def _concept_hit(sentence, *, media, joking, first_person, told_over=False):
    """The second layer (see _DEATH_C): "self.wish" when the sentence wishes the author's death."""
    if not (first_person and _FIRST_PERSON_RE.search(sentence)) and (_OTHERS_RE.search(sentence) or not _PRO_DROP_RE.match(sentence)):
        return False
    if media or joking or _FEAR_C.search(sentence) or _QUESTION_C.search(sentence) or _HYPERBOLE_RE.search(sentence):
        return False
    if (_PAST_RE.search(sentence) or (told_over and _PAST_TENSE_RE.search(sentence))) and not _PRESENT_RE.search(sentence):
        return False
    if _COMPLETED_RE.search(sentence) or _ACCIDENT_RE.search(sentence) or _STUDIES_IT_RE.search(sentence):
        return False
    for death in _DEATH_C.finditer(sentence):
        after = sentence[death.end():]
        if (_NEGATED_DEATH_RE.search(sentence[: death.start()]) or _SOMEONE_ELSES_DEATH_RE.search(sentence[: death.start()])
                or _IDIOM_AFTER_RE.search(after) or _place_meant(death, after)):
            continue
        if _ASKED_WHETHER_RE.search(sentence[: death.start()]) and not _ANSWERED_YES_RE.search(after):
            continue  # "ze vroeg of ik weleens aan de dood denk" (a screening question)
        if death.group() == "wake up" and not _WAKE_NEGATED_RE.search(sentence):
            continue  # "I hope I wake up without a headache"
        if _wish_to_live(death, sentence):
            continue  # "I really want to be around for them"
        if _DESIRE_C.search(sentence):
            return True
    return False


_WAKE_NEGATED_RE = _c(r"\b(?:not|never|no\s+longer|don't|dont|didn't|didnt|won't|wont|wouldn't|n't)\b")
# Being here, alive or around, and living: death words only when the sentence negates them or
# weighs them against something ("more from my life insurance than from me being alive").
_LIVING_RE = _c(r"(?:be|being)\s+(?:here|alive|around)|to\s+live")
_LIVING_NEGATED_RE = _c(r"\b(?:not|never|no|nothing|nobody|without|any\s*more|any\s+longer|dont|cant|wont|than|rather|instead)\b|n't\b")


# "glad to be alive", "blij dat ik er nog ben": relief at living, whatever else the sentence negates
_GLAD_TO_LIVE_RE = _c(r"\b(?:glad|happy|grateful|thankful|lucky|relieved|blessed)\s+(?:\w+\s+)?(?:to|i'm|i\s+am)\s+$"
                      r"|\b(?:blij|dankbaar|gelukkig|opgelucht)\s+(?:\w+\s+){0,2}?dat\s+(?:ik|k)\s+(?:er\s+)?$")


def _wish_to_live(death, sentence):
    if _GLAD_TO_LIVE_RE.search(sentence[: death.start()]):
        return True
    return bool(_LIVING_RE.fullmatch(death.group())) and not _LIVING_NEGATED_RE.search(sentence)


# Only a word for being somewhere can be followed by the place it means ("not be here - this clinic").
_BEING_THERE_RE = _c(r"\b(?:here|around|zijn|ben|was|gone|weg)\b")


def _place_meant(death, after):
    return bool(_BEING_THERE_RE.search(death.group())) and bool(_PLACE_AFTER_RE.search(after))


_THIRD_RE = _c(r"\b(?:hij|ze|zij|he|she|they)\b")
_SAYS_3P_RE = _c(r"\b(?:zegt|zei|zeggen|praat|praatte|appt|appte|schrijft|schreef|dreigt|dreigde|wil|wilt|wilde|ziet|hoeft|denkt|"
                 r"says|said|saying|talks|talked|talking|texted|texts|writes|wrote|threatens|threatened|wants|wanted|thinks|keeps)\b")

# A person the author knows, named as theirs: a post about an assignment, training or research still
# reports them when the sentence is about them ("one of my students wrote that she wants to die";
# round 24, dev: round 23).
_SOMEONE_I_KNOW_RE = _c(r"\b(?:leerling|student|cli[eë]nt|patient|speler|pupil|player|kind)\s+van\s+(?:mij|ons)\b|\bone\s+of\s+(?:my|our)\s+\w+|"
                        r"\b(?:my|mijn|m'n|mn|our|onze|ons)\s+(?:\w+\s+)?(?:students?|pupils?|leerlingen|leerling|clients?|clienten|client|residents?|bewoners?|patients?|patienten|patient|"
                        r"son|daughter|friend|mate|colleague|zoon|dochter|vriend\w*|collega|kid|child|kind|broer\w*|zus\w*|brother|sister|neef|nicht|nephew|niece|"
                        r"vader|moeder|opa|oma|father|mother|dad|mum|mom|grandpa|grandma|grandfather|grandmother|husband|wife|buurman|buurvrouw|neighbou?r)\b")


# Round 24 (dev: round 25): someone else's own words, quoted ("zei tegen een teamgenoot 'ik hoop echt dat
# ik morgen niet wakker word'", "he had written 'sorry mum. I just can't do it anymore'"): read as if they
# had posted them, and reported as someone else at risk. Not the author's own quoted words ("I told my GP
# '...'": those are the author's), nor a film's or a joke's.
_QUOTE_SPOKEN_RE = _c(r"\b(?:said|says|saying|told|tells|telling|wrote|written|writes|texted|texts|messaged|posted|whispered|asked|"
                      r"zei|zegt|zeggen|schreef|geschreven|schrijft|appte|appt|stuurde|vertelde|vroeg|fluisterde)\b[^'\"\n]{0,40}$")
_QUOTE_BY_ME_RE = _c(r"\b(?:i|ik|k)\s+(?:\w+\s+){0,2}?(?:said|say|told|tell|wrote|write|texted|asked|posted|sent|messaged|zei|zeg|vertelde|schreef|appte|stuurde|vroeg)\b[^'\"\n]{0,40}$")


def _without_quotes(t, quoted):
    parts, at = [], 0
    for match in quoted:
        parts += [t[at:match.start()], " "]
        at = match.end()
    return "".join([*parts, t[at:]])


def _quoted_from_others(t):
    """The quotes (matches of _QUOTED_RE) of someone else's words, in order."""
    found = []
    for match in _QUOTED_RE.finditer(t):
        before = t[max(0, match.start() - 60):match.start()]
        if len(match.group().split()) >= 3 and _QUOTE_SPOKEN_RE.search(before) and not _QUOTE_BY_ME_RE.search(before):
            found.append(match)
    return found


def _other_concept_hit(sentence):
    """Someone else (he, she) says they want to die or not be there: the same layer, in the third person."""
    if not (_THIRD_RE.search(sentence) and _SAYS_3P_RE.search(sentence)):
        return False
    if _FEAR_C.search(sentence) or _QUESTION_C.search(sentence) or _HYPERBOLE_RE.search(sentence) or _JOKE_RE.search(sentence):
        return False
    if _PALLIATIVE_RE.search(sentence) or _BORED_RE.search(sentence):
        return False
    if _PAST_RE.search(sentence) and not _PRESENT_RE.search(sentence):
        return False
    for death in _DEATH_C.finditer(sentence):
        after = sentence[death.end():]
        if _NEGATED_DEATH_RE.search(sentence[: death.start()]) or _IDIOM_AFTER_RE.search(after) or _place_meant(death, after):
            continue
        if _wish_to_live(death, sentence):
            continue  # "she wants to be around for her grandchildren"
        return True
    return False


def _topic_start(text):
    match = _TOPIC_RE.search(text)
    return match.start() if match else len(text)


def _other_hits(sentence, patterns=_OTHER_NEEDLES):
    hits = []
    for name, pattern, words in patterns:
        match = pattern.search(sentence) if _may_match(sentence, words) else None
        if match is None:
            continue
        before = sentence[: match.start()]
        if _NEGATION_BEFORE_RE.search(before) or (_PAST_RE.search(sentence) and not _PRESENT_RE.search(sentence)):
            continue
        if name in _PROFESSIONAL_PRONE and _PROFESSIONAL_RE.search(sentence):
            continue
        if (name in _EVERYDAY_SENSE and _EVERYDAY_SENSE[name].search(sentence)) or (name in _OTHER_ACCIDENT_PRONE and _ACCIDENT_RE.search(sentence)):
            continue
        hits.append(name)
    return hits


def _hopeless_and_acts(t):
    """A hopeless sentence and a preparing or farewell act in the same post (round 8), neither in
    a sentence that tells of a past that is over."""
    hopeless = acts = False
    for sentence in _sentences(t):
        if _PAST_RE.search(sentence) and not _PRESENT_RE.search(sentence):
            continue
        hopeless = hopeless or bool(_HOPELESS_C.search(sentence))
        acts = acts or bool(_ACTS_C.search(sentence))
    return hopeless and acts


#: How many neighbouring sentences on each side a sentence about a film, the news, a joke or
#: hyperbole keeps the learned second opinion out of (chosen by cross-validation: 0, 1, 2 and the
#: whole post read within 0.003 of each other; 1 keeps "haha." after a sentence with it).
GATE_REACH = 1


def _gated(sentence):
    return bool(_MEDIA_RE.search(sentence) or _JOKE_RE.search(sentence) or _HYPERBOLE_RE.search(sentence))


def sentences_model_may_judge(found):
    """Which of the model's sentences (normalised text) it may judge: not a sentence about a film,
    a book or the news, a joke or hyperbole, nor the GATE_REACH sentences on either side of one.
    Until round 11 one such word anywhere kept the model out of the whole post, so a film title
    or a "haha" in a long post hid a cry for help three sentences further on. Since round 24 also not a
    sentence of a past the post says is over ("twelve years ago I tried to end my life ... that's a long way
    behind me now"), unless it says it is back."""
    gated = [_gated(sentence) for sentence in found]
    over = _told_over(" ".join(found))
    return [not any(gated[max(0, i - GATE_REACH):i + GATE_REACH + 1])
            and not (over and _PAST_RE.search(sentence) and not _PRESENT_RE.search(sentence)) for i, sentence in enumerate(found)]


def _told_over(t):
    """The post tells a past that is over: a time long ago and a recovery ("years ago ... I'm on the other side now")."""
    return bool(_RECOVERED_RE.search(t) and _PAST_RE.search(t))


# An explicit denial, now, of a wish to die or to harm oneself ("niet dat ik dood wil", "I'm not
# suicidal", "I don't think about hurting myself any more"): its words are the ones that alarm, its
# sense is the opposite, so the clause is read as absent; the rest of its sentence and post still is
# ("I'm not suicidal, I just want to not wake up" stays a crisis). Only plain denials of the wish: a
# litotes ("niet dat ik het erg zou vinden als ...") is a wish, and is not listed.
_DENIAL_RE = _c(
    r"\b(?:niet\s+dat\s+ik\s+(?:echt\s+|nou\s+)?(?:dood\s+wil|dood\s+zou\s+willen|wil\s+sterven|zelfmoord\s+wil\s+plegen|"
    r"suicidaal\s+ben|er\s+een\s+eind\s+aan\s+wil\s+maken|mezelf\s+iets\s+wil\s+aandoen)"
    r"|ik\s+ben\s+(?:echt\s+|zeker\s+|helemaal\s+|absoluut\s+)?niet\s+suicidaal"
    r"|ik\s+(?:heb|voel)\s+(?:echt\s+|verder\s+)?geen\s+(?:zelfmoord|suicidale\s+|doods)\s*gedachte?n?"
    r"|ik\s+(?:ga|zal)\s+mezelf\s+(?:echt\s+)?niets?\s+aandoen"
    r"|ik\s+denk\s+er\s+(?:echt\s+|zeker\s+|helemaal\s+)?(?:niet|nooit)\s+aan\s+om\s+er\s+(?:een\s+)?einde?\s+aan\s+te\s+maken"
    r"|i'?m\s+not\s+(?:thinking|planning)\s+(?:of|about|on)\s+(?:ending\s+(?:it|my\s+life|things)|killing\s+myself|suicide)"
    r"|(?:to\s+be\s+clear|for\s+the\s+record|voor\s+de\s+duidelijkheid)\s*[:,]?\s*(?:no|geen)\s+(?:suicidal|suicidale|zelfmoord|donkere)\s*(?:thoughts|gedachten)"
    r"|not\s+that\s+i\s+(?:actually\s+|really\s+)?(?:want\s+to\s+die|wanna\s+die|want\s+to\s+end\s+it|am\s+suicidal|would\s+hurt\s+myself)"
    r"|i'?m\s+(?:really\s+|definitely\s+|honestly\s+|absolutely\s+)?not\s+suicidal|i\s+am\s+(?:really\s+|definitely\s+)?not\s+suicidal"
    r"|(?:(?:i\s+have|i've)\s+(?:had\s+)?no|i\s+(?:don'?t|do\s+not)\s+have\s+(?:any\s+)?)\s*(?:suicidal\s+thoughts|thoughts\s+of\s+(?:suicide|self[\s-]?harm|hurting\s+myself|ending\s+(?:it|my\s+life|things|everything)))"
    r"|i'?m\s+not\s+going\s+to\s+(?:hurt|harm|kill)\s+myself|i\s+won'?t\s+(?:hurt|harm|kill)\s+myself"
    # round 21 (dev: round 20): a clarification of what a tired sentence meant
    r"|niet\s+dat\s+ik\s+(?:er\s+)?(?:niet|nie)\s+meer\s+(?:wil|zou\s+willen)\s+(?:zijn|leven)"
    r"|ik\s+wil\s+(?:juist|heus|echt\s+wel|wel|heel\s+graag|graag)\s+(?:blijven\s+)?leven"
    r"|niet\s+op\s+een\s+(?:donkere|suicidale|enge|nare|zorgwekkende)\s+manier"
    r"|i\s+(?:don'?t|do\s+not)\s+mean\s+(?:that|it|this)\s+in\s+a\s+(?:dark|suicidal|bad|scary|worrying)\s+way|not\s+in\s+a\s+(?:dark|suicidal)\s+way"
    # round 22 (dev since round 23): wanting to live, never having wanted to die, no dark thoughts, no worry about oneself
    r"|i\s+(?:really\s+|do\s+|so\s+|genuinely\s+|still\s+)?want\s+to\s+live|i\s+(?:never|didn'?t\s+ever|did\s+not\s+ever)\s+(?:once\s+)?wanted\s+to\s+die"
    r"|i\s+(?:don'?t|do\s+not)\s+have\s+(?:any\s+)?dark\s+thoughts|(?:i'?m|i\s+am)\s+not\s+worried\s+about\s+myself"
    r"|ik\s+(?:heb|had)\s+(?:echt\s+)?geen\s+(?:donkere\s+gedachten|zorgen\s+(?:over|om)\s+(?:mezelf|mijzelf))|ik\s+(?:wilde|wou)\s+nooit\s+dood"
    # ... but not an ambivalent one ("I don't want to die exactly, but ...")
    r"|(?:but\s+)?i\s+(?:really\s+|honestly\s+|definitely\s+)?(?:don'?t|do\s+not)\s+want\s+to\s+die(?!\s+(?:exactly|as\s+such|per\s+se|really|or\s+anything))"
    r"|(?:maar\s+)?ik\s+wil\s+(?:echt\s+|helemaal\s+)?niet\s+dood(?!\s+(?:precies|eigenlijk|per\s+se|ofzo|of\s+zo))"
    r"|i\s+don'?t\s+think\s+about\s+(?:hurting|harming|killing)\s+myself\s+any\s*more"
    # a past that is over, told with how long ago: "I haven't had a suicidal thought in over four years"
    r"|(?:i\s+)?(?:haven'?t|have\s+not)\s+(?:had|felt|done\s+it|self[\s-]?harmed|cut|hurt\s+myself)\s+(?:or\s+(?:been\s+)?(?:suicidal|self[\s-]?harmed|cut)\s+)?(?:a\s+|any\s+)?"
    r"(?:(?:suicidal\s+)?(?:thoughts?|urges?)(?:\s+(?:of|about)\s+(?:suicide|dying|self[\s-]?harm|hurting\s+myself))?\s+)?"
    r"(?:in|for)\s+(?:over\s+|more\s+than\s+|almost\s+|nearly\s+)?(?:a|an|\w+)\s+(?:years?|decades?)"
    r"|ik\s+heb\s+(?:al\s+)?(?:meer\s+dan\s+|ruim\s+|bijna\s+)?\w+\s+jaar\s+(?:geen|niet)\s+(?:moment\s+|seconde\s+)?(?:meer\s+)?"
    r"(?:(?:gehad|gevoeld)\s+dat\s+ik\s+(?:dood\s+wilde|dood\s+wou|niet\s+meer\s+wilde\s+leven|er\s+niet\s+meer\s+wilde\s+zijn)"
    r"|(?:zelfmoord|suicidale\s+|doods)\s*gedachten?\s+(?:meer\s+)?gehad|(?:meer\s+)?gekrast|(?:meer\s+)?gesneden)"
    # a denial that opens the sentence: "Not suicidal, before anyone worries"
    r"|(?:^|(?<=[.!?\n]\s)|(?<=[.!?\n]))\s*(?:(?:ik\s+ben\s+)?niet\s+suicidaal|not\s+suicidal)(?=\s*[,.!;:\u2014-])"
    r")\b"
)


def reading(text: str) -> str:
    """The text as the detector reads it, rules and model alike: normalised, typos read as the words
    they imitate, explicit denials left out."""
    return _DENIAL_RE.sub(" ", _correct_typos(normalise(text or "")))


def detect_crisis(text: str, *, learned: bool = True) -> CrisisAssessment:
    """Decide whether ``text`` (what readers see of a post: plain text) is a crisis post.

    ``learned=False``: the rules alone, without the learned second opinion (training, reports).
    """
    t = reading(text)
    media = bool(_MEDIA_RE.search(t))
    joking = bool(_JOKE_RE.search(t)) and not _SERIOUS_RE.search(t)
    recovered = bool(_RECOVERED_RE.search(t))
    topic = bool(_TOPIC_RE.search(t))
    completed = bool(_COMPLETED_RE.search(_IF_DIED_RE.sub(" ", t)))
    info = bool(_INFO_RE.search(t))
    first_person = bool(_FIRST_PERSON_RE.search(t))
    donation = bool(_DONATION_RE.search(t))
    self_patterns, other_patterns = _possible_patterns(t)
    self_signals, other_signals = [], []
    others_quoted = _quoted_from_others(t)
    quoted = [] if media or joking or completed else others_quoted
    own = _without_quotes(t, quoted)  # what the author says in their own words
    found = list(_sentences(own))
    told_over = recovered and bool(_PAST_RE.search(t))  # _told_over(t), with the search above
    for i, sentence in enumerate(found):
        self_signals += _self_hits(sentence, media=media, joking=joking, told_over=told_over, first_person=first_person,
                                   patterns=self_patterns, following=found[i + 1] if i + 1 < len(found) else "")
        if not donation and _concept_hit(sentence, media=media, joking=joking, first_person=first_person, told_over=told_over):
            self_signals.append("self.wish")
        if topic and _ALSO_ME_RE.search(sentence) and not (_PAST_RE.search(sentence) and recovered):
            self_signals.append("self.also_me")
    for sentence in _sentences(t) if quoted else found:
        if not (media or completed or info):
            other_signals += _other_hits(sentence, other_patterns)
            if not donation and _other_concept_hit(sentence):
                other_signals.append("other.wish")
        elif (info or media) and not completed and _SOMEONE_I_KNOW_RE.search(sentence) and not _MEDIA_RE.search(sentence):
            other_signals += _other_hits(sentence, other_patterns)  # the patterns, not the looser wish layer
        elif completed and not media:
            # grief, unless the sentence itself says someone is at risk now
            other_signals += [name for name in _other_hits(sentence, other_patterns) if _PRESENT_RE.search(sentence)
                              and not _COMPLETED_RE.search(sentence)]
    if not (media or other_signals) and _other_gives_away(t, completed):
        other_signals.append("other.gives_away_and_final")
    if not (media or completed or other_signals) and _other_note_and_pills(t):
        other_signals.append("other.note_and_pills")
    if not (media or other_signals) and _other_means_kept(t):
        other_signals.append("other.means_kept_for_later")
    if not (media or completed or other_signals) and _other_farewell(t, others_quoted):
        other_signals.append("other.farewell_unreachable")
    if not other_signals and any(detect_crisis(match.group()[1:-1], learned=False).crisis for match in quoted):
        other_signals.append("other.quoted_words")
    if not self_signals and not (media or joking):
        if _hopeless_and_acts(own):
            self_signals.append("self.hopeless_and_acts")
        if _own_gives_away(own):
            self_signals.append("self.gives_away_and_arranged")
        if _wish_come_back(own):
            self_signals.append("self.wish_come_back")
        if _own_errands_for_after(own):
            self_signals.append("self.errands_for_after")
        if _own_means_kept(own):
            self_signals.append("self.means_kept")
        self_signals += [name for name, pattern in _POST_PATTERNS if pattern.search(own)]
    if self_signals:
        return CrisisAssessment(True, "self", tuple(dict.fromkeys(self_signals)))
    if other_signals:
        return CrisisAssessment(True, "other", tuple(dict.fromkeys(other_signals)))
    if learned:
        second = crisis_model.model()
        # no film, joke or hyperbole anywhere: then none in any sentence, and no sentence needs the gate
        gate = sentences_model_may_judge if media or joking or told_over or _HYPERBOLE_RE.search(t) else None
        if second is not None and second.score(t, gate) >= second.threshold:
            about = "self" if first_person or not _THIRD_RE.search(t) else "other"
            return CrisisAssessment(True, about, ("model",))
        if second is not None and any(second.score(match.group()[1:-1], None) >= second.threshold for match in quoted):
            return CrisisAssessment(True, "other", ("model.quoted_words",))
    return CrisisAssessment(False)


_TAG_RE = re.compile(r"<[^>]*>")
_DROP_RE = re.compile(r"<(script|style|template)\b.*?</\1\s*>", re.S | re.I)
_BLOCK_RE = re.compile(r"</?(?:p|div|li|ul|ol|br|h[1-6]|blockquote|pre|tr|td|th|table)\b[^>]*>", re.I)


def crisis_text(html: str) -> str:
    """What readers see of rendered, sanitised HTML, as plain text with line breaks between blocks."""
    if _shared_visible_document is not None:
        document = _shared_visible_document(html)
        return getattr(document, "text", document) if not isinstance(document, str) else document
    text = _DROP_RE.sub(" ", html)
    text = _BLOCK_RE.sub("\n", text)
    return html_module.unescape(_TAG_RE.sub("", text))
