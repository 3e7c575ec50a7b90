"""How a search query is read (forum/search.py searches with it): white space, hyphens, compounds.

Hyphens, spaces and compounds are interchangeable: "burnout", "burn-out" and "burn out" find each
other, and "slaapproblemen" finds "slaap problemen". Only letters and digits reach either database's
query syntax.
"""

import re

MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 8
# A compound is only split into parts that mean something on their own: no Dutch stop word
# (PostgreSQL's list) and no fragment shorter than three letters.
STOP_WORDS = frozenset(
    "de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan zou of wat mijn men "
    "dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft hebben deze u want nog zal me zij nu ge "
    "geen omdat iets worden toch al waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens hier wie werd "
    "altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest andere "
    "the and of to a in is it that for on with as was are be this".split()
)
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
def normalise_query(text):
    """The query as searched, shown and cached: runs of white space count as one space; at most MAX_QUERY_CHARS."""
    return " ".join(text.split())[:MAX_QUERY_CHARS].rstrip()


def query_words(query):
    """The words of a query, hyphenated ones kept whole ("burn-out"), at most MAX_QUERY_WORDS."""
    return [w.lower() for w in _WORD.findall(query)][:MAX_QUERY_WORDS]


def _splits(word):
    """A compound as two adjacent words, at each point where both parts could be words."""
    if len(word) < 6 or "-" in word:
        return []
    return [
        (word[:i], word[i:]) for i in range(3, len(word) - 2)
        if word[:i] not in STOP_WORDS and word[i:] not in STOP_WORDS
    ]


def word_alternatives(word):
    """The ways one typed word may appear in a post: as typed, joined, or split in two adjacent words."""
    if "-" in word:
        parts = tuple(p for p in word.split("-") if p)
        return [parts, ("".join(parts),)]
    return [(word,), *_splits(word)]


def query_alternatives(words):
    """Each alternative is a list of groups that must all match; a group is a list of word sequences
    (adjacent words) any of which may match. A pair of typed words may also be written as one."""
    groups = [word_alternatives(w) for w in words]
    alternatives = [groups]
    for i in range(len(words) - 1):
        if "-" in words[i] or "-" in words[i + 1]:
            continue
        joined = [(words[i] + words[i + 1],)]
        alternatives.append(groups[:i] + [joined] + groups[i + 2 :])
    return alternatives


def ts_word(word):
    return "'" + word.replace("'", "") + "'"


def tsquery_text(words):
    """The query for PostgreSQL's to_tsquery: only letters and digits reach it, each word quoted."""
    def sequence(seq):
        return "(" + " <-> ".join(ts_word(w) for w in seq) + ")"

    def group(options):
        return "(" + " | ".join(sequence(seq) for seq in options) + ")"

    return " | ".join("(" + " & ".join(group(g) for g in alt) + ")" for alt in query_alternatives(words))


def fts5_query_text(words):
    """The same query in SQLite FTS5 syntax: each word a quoted phrase, so no operator can be injected."""
    def sequence(seq):
        return '"' + " ".join(w.replace('"', "") for w in seq) + '"'

    def group(options):
        return "(" + " OR ".join(sequence(seq) for seq in options) + ")"

    return " OR ".join("(" + " AND ".join(group(g) for g in alt) + ")" for alt in query_alternatives(words))
