"""Finding and classifying sources (links, DOIs, PubMed IDs) in markdown.

All regular expressions here run over the *folded* text (see
:func:`moderation.policy.text.fold`), which has the same length as the
original, and every URL is cut from the original text by offset so its case
is preserved.  No pattern nests a quantifier inside another unbounded one.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, unquote, urlsplit

from .hosts import clean_host, normalize_domain
from .model import Source, SourceKind
from .normalise import normalise
from .text import blank_spans

if TYPE_CHECKING:  # pragma: no cover
    from .rules import Rules

__all__ = ["normalize_domain", "host_of", "classify_host", "extract_sources", "judge_link", "brand_tokens"]

# characters that never belong to a URL we cut out of text: whitespace,
# controls, lone surrogates, quotes and angle brackets
_URL_CHARS = r"[^\s<>\"'`\x00-\x1f\x7f\ud800-\udfff\[\]{}|\\^]"
_SCHEME_RE = re.compile(r"(?i)https?:")
_AUTHORITY_END_RE = re.compile(r"[/\\?#]")
_STRIP_CHARS = "".join(chr(c) for c in range(0x21)) + "\x7f"


def host_of(url: str) -> str | None:
    """The host an http(s) URL really points at, as a browser would read it.

    Returns None when ``url`` is not an http(s) URL or has no usable host.
    Handles case, ports, userinfo (``https://who.int@evil.com/`` -> evil.com),
    backslashes, percent-encoding and trailing dots.
    """
    if not isinstance(url, str):
        return None
    u = url.strip(_STRIP_CHARS)
    if "\t" in u or "\n" in u or "\r" in u:
        u = u.replace("\t", "").replace("\n", "").replace("\r", "")
    m = _SCHEME_RE.match(u)
    if not m:
        return None
    rest = u[m.end():].lstrip("/\\")
    authority = _AUTHORITY_END_RE.split(rest, maxsplit=1)[0]
    hostport = authority.rpartition("@")[2]
    if hostport.startswith("["):  # IPv6 literal: a URL, but no domain
        close = hostport.find("]")
        if close < 0:
            return None
        return hostport[: close + 1].lower()
    host, _, port = hostport.partition(":")
    if port and not (port.isascii() and port.isdigit() and int(port) <= 65535):
        return None
    return clean_host(host)


def classify_host(host: str, domain_map: dict[str, SourceKind]) -> SourceKind:
    """Most specific listed domain wins (a tie was resolved to BLOCKED at build time)."""
    if host.startswith("["):
        return SourceKind.OTHER
    if host in domain_map:
        return domain_map[host]
    i = host.find(".")
    while i >= 0:
        suffix = host[i + 1:]
        kind = domain_map.get(suffix)
        if kind is not None:
            return kind
        i = host.find(".", i + 1)
    return SourceKind.OTHER


def classify_url(url: str, domain_map: dict[str, SourceKind]) -> SourceKind | None:
    host = host_of(url)
    if host is None:
        return None
    return classify_host(host, domain_map)


# --- extraction ------------------------------------------------------------

_FENCE_RE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)",
                       re.M | re.S)
_INLINE_CODE_RE = re.compile(r"(?<!`)(`{1,16})(?!`)[^\n]{1,2000}?(?<!`)\1(?!`)")

# a CommonMark link destination: no spaces or controls, one level of balanced
# parentheses (javascript:alert('x') is one destination, quotes included)
_DEST = r"[^\s()<>\x00-\x1f\x7f\ud800-\udfff]"
_LINK_TARGET_RE = re.compile(
    r"\]\([ \t]*(?:<([^<>\n\x00-\x1f\x7f\ud800-\udfff]*)>|(" + _DEST + r"*(?:\(" + _DEST + r"*\)" + _DEST + r"*)*))"
    r"(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*\)"
)
_REF_DEF_RE = re.compile(
    r"^[ ]{0,3}\[([^\[\]\n]{1,999})\]:[ \t]*(?:\n[ \t]*)?(?:<([^<>\n\x00-\x1f\x7f\ud800-\udfff]*)>"
    r"|([^\s\x00-\x1f\x7f\ud800-\udfff]+))", re.M
)
_REF_USE_RE = re.compile(r"\[([^\[\]\n]{1,999})\](?:[ \t]?\[([^\[\]\n]{0,999})\])?(?!:)")
_AUTOLINK_RE = re.compile(r"<([a-z][a-z0-9+.-]{1,31}:[^<>\s\x00-\x1f\ud800-\udfff]*)>")
_BARE_URL_RE = re.compile(r"(?<![\w@/.:-])(?:https?://|www\.)" + _URL_CHARS + "+")
_BARE_DOMAIN_RE = re.compile(
    r"(?<![\w.@/:\\-])(?:[a-z0-9-]{1,63}\.)+[a-z]{2,24}(?![\w-]|\.[a-z0-9])"
    r"(?::\d{1,5})?(?:/" + _URL_CHARS + "*)?"
)
_DOI_RE = re.compile(
    r"(?<![\w/.])doi(?:[ \t]?:[ \t]?|[ \t])(?:https?://(?:dx\.)?doi\.org/)?"
    r"(10\.\d{4,9}/" + _URL_CHARS + "+)"
)
_PMID_RE = re.compile(r"(?<![\w/])pmid[ \t]?[:#]?[ \t]?(\d{1,12})(?!\d)")
_PMC_RE = re.compile(r"(?<![\w/=])(?:pmcid[ \t]?:?[ \t]?)?(pmc\d{5,9})(?!\w)")
# any URL-looking token, including code and non-http schemes: masked before
# health terms are matched so words inside URLs do not count
_URLISH_RE = re.compile(
    r"(?<![\w])(?:(?:https?|ftp|file)://|www\.|(?:javascript|vbscript|data|mailto):)"
    r"[^\s<>\"'\x00-\x1f]*"
)

# cheap pre-checks (literal-led patterns are scanned fast by the regex engine)
_DOT_LETTERS_RE = re.compile(r"\.[a-z]{2}")

_TRAIL_PUNCT = ".,;:!?*_~'\"»›"


def _trim_url(s: str, e: int, text: str) -> int:
    """Drop trailing punctuation and unbalanced closing brackets from ``text[s:e]``."""
    opened = closed = None
    while e > s:
        ch = text[e - 1]
        if ch in _TRAIL_PUNCT:
            e -= 1
        elif ch == ")":
            if opened is None:  # counted once: stripping a run of ")" stays linear
                opened, closed = text.count("(", s, e), text.count(")", s, e)
            if opened >= closed:
                break
            closed -= 1
            e -= 1
        else:
            break
    return e


def _mask_code(folded: str) -> str:
    if "`" not in folded and "~~~" not in folded:
        return folded
    spans = [m.span() for m in _FENCE_RE.finditer(folded)]
    if spans:
        folded = blank_spans(folded, spans)
    if "`" in folded:
        spans = [m.span() for m in _INLINE_CODE_RE.finditer(folded)]
        if spans:
                folded = blank_spans(folded, spans)
    return folded


def _label_key(label: str) -> str:
    return " ".join(label.split()).casefold()


def extract_sources(
    text: str, folded: str, rules: Rules
) -> tuple[list[Source], list[tuple[int, int]]]:
    """Find sources; return them (deduplicated by URL, in text order) and
    the spans of all link targets / URLs / identifiers (to be ignored when
    matching health terms).

    Links inside code spans and fenced code blocks are not sources; a domain named in
    words ("staat op thuisarts.nl") is not a link and not a source.  Each link is judged by
    :func:`judge_link` (a home page or search page of a listed site does not qualify).
    """
    scan = _mask_code(folded)
    found: list[tuple[int, int, str, SourceKind, str]] = []
    mask: list[tuple[int, int]] = []

    def add(s: int, e: int, url: str, kind: SourceKind | None, identifier: bool = False) -> None:
        if kind is None or not url:
            return
        judged, reason = judge_link(url, rules)
        if judged is None:
            return
        if identifier and judged is SourceKind.OTHER and reason == "not_listed":
            judged, reason = SourceKind.SCHOLARLY, ""  # a DOI/PMID counts even with empty rules
        found.append((s, e, url, judged, reason))

    taken: list[tuple[int, int]] = []

    # 1. inline links / images: [text](url "title")
    if "](" in scan:
        for m in _LINK_TARGET_RE.finditer(scan):
            g = 1 if m.group(1) is not None else 2
            s, e = m.span(g)
            taken.append((m.start() + 1, m.end()))
            url = text[s:e].strip()
            add(s, e, url, SourceKind.OTHER)

    # 2. reference definitions that are actually used: [t][ref] ... [ref]: url
    if "]:" in scan:
        defs: dict[str, tuple[int, int]] = {}
        def_spans = []
        for m in _REF_DEF_RE.finditer(scan):
            g = 2 if m.group(2) is not None else 3
            key = _label_key(text[m.start(1):m.end(1)])
            defs.setdefault(key, m.span(g))
            def_spans.append(m.span())
            taken.append(m.span(g))
        if defs:
            rest = blank_spans(scan, def_spans)
            used = set()
            for m in _REF_USE_RE.finditer(rest):
                s, e = m.span(2) if m.group(2) else m.span(1)
                used.add(_label_key(text[s:e]))
            for key, (s, e) in defs.items():
                if key in used:
                    url = text[s:e].strip()
                    add(s, e, url, SourceKind.OTHER)

    if taken:
        scan = blank_spans(scan, taken)
        mask.extend(taken)
        taken = []

    # 3. autolinks: <https://...>
    if "<" in scan:
        for m in _AUTOLINK_RE.finditer(scan):
            s, e = m.span(1)
            taken.append(m.span())
            url = text[s:e]
            add(s, e, url, SourceKind.OTHER)

    # 4. bare URLs: https://... and www....
    if "http" in scan or "www." in scan:
        for m in _BARE_URL_RE.finditer(scan):
            s = m.start()
            e = _trim_url(s, m.end(), text)
            taken.append((s, e))
            url = text[s:e]
            if scan.startswith("www.", s):
                url = "https://" + url
            add(s, e, url, SourceKind.OTHER)

    if taken:
        scan = blank_spans(scan, taken)
        mask.extend(taken)
        taken = []

    # 5. DOIs and PubMed / PMC identifiers written as text
    if "doi" in scan:
        for m in _DOI_RE.finditer(scan):
            s, e = m.start(1), _trim_url(m.start(1), m.end(1), text)
            taken.append((m.start(), e))
            url = "https://doi.org/" + text[s:e]
            add(m.start(), e, url, SourceKind.SCHOLARLY, identifier=True)
    if "pm" in scan:
        for m in _PMID_RE.finditer(scan):
            url = f"https://pubmed.ncbi.nlm.nih.gov/{int(m.group(1))}/"
            taken.append(m.span())
            add(m.start(), m.end(), url, SourceKind.SCHOLARLY, identifier=True)
        for m in _PMC_RE.finditer(scan):
            url = f"https://www.ncbi.nlm.nih.gov/pmc/articles/{m.group(1).upper()}/"
            taken.append(m.span())
            add(m.start(), m.end(), url, SourceKind.SCHOLARLY, identifier=True)

    if taken:
        scan = blank_spans(scan, taken)
        mask.extend(taken)
        taken = []

    # URL-looking tokens anywhere (also in code and with other schemes)
    if ("://" in folded or "www." in folded or "javascript:" in folded or "mailto:" in folded
            or "data:" in folded or "vbscript:" in folded):
        for m in _URLISH_RE.finditer(folded):
            mask.append(m.span())

    found.sort(key=lambda t: t[0])
    seen: set[str] = set()
    sources = []
    for s, e, url, kind, reason in found:
        if url in seen:
            continue
        seen.add(url)
        sources.append(Source(url=url, kind=kind, start=s, end=e, reason=reason))
    return sources, mask


# --- judging one link ------------------------------------------------------

def _shipped_sources() -> dict:
    return json.loads(resources.files(__package__).joinpath("data", "sources.json").read_text("utf-8"))


_SHIPPED = _shipped_sources()
#: DOI prefixes of preprint servers and repositories (``data/sources.json``)
PREPRINT_DOI_PREFIXES: tuple[str, ...] = tuple(row["prefix"].lower() for row in _SHIPPED["preprint_doi_prefixes"])
#: journals whose DOIs share a preprint server's prefix (Cold Spring Harbor's under 10.1101)
JOURNAL_DOI_PREFIXES: tuple[str, ...] = tuple(row["prefix"].lower() for row in _SHIPPED["journal_doi_prefixes"])
#: preprint servers among the shipped domains: the reason shown is "preprint", not "not listed"
PREPRINT_DOMAINS: frozenset[str] = frozenset(
    row["domain"] for row in _SHIPPED["domains"] if row.get("category") == "preprint")
del _SHIPPED

_DOI_IN_PATH_RE = re.compile(r"(?:^|/)(10\.\d{4,9}/[^?#\s]+)")
_LANGUAGE_OR_HOME = frozenset("""nl en fr de be nl-nl nl-be en-gb en-us en-uk fr-be home homepage start index
index.html index.htm index.php default.aspx default.asp welkom welcome""".split())
_SEARCH_SEGMENTS = frozenset("""search zoeken zoek zoekresultaten zoekresultaat searchresults search-results
results recherche suche""".split())
_SEARCH_KEYS = frozenset("q query search term terms zoek zoekterm zoekopdracht s keyword keywords searchterm "
                         "search_api_fulltext text".split())
_NOT_DOCUMENT = frozenset("""contact about about-us over over-ons overons login inloggen log-in signin sign-in
register registreren account sitemap privacy cookies disclaimer nieuwsbrief newsletter colofon""".split())
_TRACKING_KEYS = ("utm_", "fbclid", "gclid", "ref")
# labels too general to say which organisation a domain is
_GENERIC_LABELS = frozenset("""www www2 web journals journal link links onlinelibrary academic pubs online
info health gov org com net edu int eu europa ac co nl be uk us de fr""".split())


def brand_tokens(domains) -> frozenset[str]:
    """Distinctive labels of the qualifying domains (``rivm``, ``thuisarts``, ``pubmed`` ...)."""
    out = set()
    for domain in domains:
        labels = domain.split(".")[:-1]
        for label in labels:
            if len(label) >= 4 and label not in _GENERIC_LABELS:
                out.add(label)
    return frozenset(out)


def _doi_of(host: str, path: str) -> str | None:
    """The DOI a URL points at: the path of a doi.org link, or a DOI inside another URL's path."""
    if host in ("doi.org", "dx.doi.org") or host.endswith(".doi.org"):
        doi = path.lstrip("/")
        return doi.lower() if doi.startswith("10.") and "/" in doi else None
    m = _DOI_IN_PATH_RE.search(path)
    return m.group(1).lower() if m else None


def _is_preprint_doi(doi: str) -> bool:
    if doi.startswith(JOURNAL_DOI_PREFIXES):
        return False
    return any(doi.startswith(prefix) if "/" in prefix else doi.startswith(prefix + "/")
               for prefix in PREPRINT_DOI_PREFIXES)


def _suffix_in(host: str, names: frozenset[str]) -> bool:
    if host in names:
        return True
    i = host.find(".")
    while i >= 0:
        if host[i + 1:] in names:
            return True
        i = host.find(".", i + 1)
    return False


def _looks_alike(host: str, rules: Rules) -> bool:
    """A host that imitates a qualifying domain without being it."""
    qualifying = rules._qualifying_domains
    for domain in qualifying:
        if domain in host:  # thuisarts.nl.voorbeeld.com, pubmed.ncbi.nlm.nih.gov.example.com
            return True
    if host.startswith("xn--") or ".xn--" in host:
        try:
            shown = normalise(host.encode("ascii").decode("idna")).lower()
        except (UnicodeError, ValueError):
            shown = ""
        if shown and shown != host and classify_host(shown, rules._domain_map).qualifies:
            return True  # Cyrillic or Greek letters that look like a listed domain
    brands = rules._brands
    return any(token in brands for token in re.split(r"[.-]", host))


def _page_reason(path: str, query: str) -> str:
    """"home_page", "search_page", "not_document" or "" (a document) for a listed site's URL."""
    segments = [unquote(seg).lower() for seg in path.split("/") if seg]
    keys = [(k.lower(), v) for k, v in parse_qsl(query, keep_blank_values=True)]
    if any(seg in _SEARCH_SEGMENTS for seg in segments) or any(k in _SEARCH_KEYS for k, _v in keys):
        return "search_page"
    meaningful = [k for k, _v in keys if not k.startswith(_TRACKING_KEYS)]
    if all(seg in _LANGUAGE_OR_HOME for seg in segments) and not meaningful:
        return "home_page"
    if len(segments) == 1 and segments[0] in _NOT_DOCUMENT and not meaningful:
        return "not_document"
    return ""


def judge_link(url: str, rules: Rules) -> tuple[SourceKind | None, str]:
    """How a followable link counts: ``(kind, reason)``.

    ``kind`` is None for a link that is no web address at all (``mailto:``, a relative
    link; ``reason`` "scheme").  A link qualifies when ``kind`` is SCHOLARLY or OFFICIAL;
    otherwise ``reason`` is one of :data:`~moderation.policy.model.REFUSAL_REASONS`:

    * a listed (scholarly or official) site's home page, search page or other non-document
      page does not count: the link must point at a document;
    * a DOI of a preprint server or repository is ``other`` (reason "preprint"), also on
      doi.org; a DOI inside the URL of an unlisted site counts as a journal article;
    * an unlisted host that imitates a qualifying domain is "lookalike".
    """
    host = host_of(url)
    if host is None:
        return None, "scheme"
    kind = classify_host(host, rules._domain_map)
    if kind is SourceKind.BLOCKED:
        return kind, "blocked"
    try:
        parts = urlsplit(url.strip())
        path, query = parts.path.replace("\\", "/"), parts.query
    except ValueError:
        path, query = "", ""
    doi = _doi_of(host, unquote(path))
    if (doi and _is_preprint_doi(doi)) or _suffix_in(host, PREPRINT_DOMAINS):
        return SourceKind.OTHER, "preprint"
    if kind.qualifies:
        reason = "" if doi else _page_reason(path, query)
        return (SourceKind.OTHER, reason) if reason else (kind, "")
    if doi:
        return SourceKind.SCHOLARLY, ""
    if _looks_alike(host, rules):
        return SourceKind.OTHER, "lookalike"
    return SourceKind.OTHER, "not_listed"
