"""Build the labelled health-claim corpus from hand-written building blocks.

    .venv/bin/python -m moderation.policy.corpus.build          # rewrite train/dev/test.jsonl
    .venv/bin/python -m moderation.policy.corpus.build --check  # fail if the files are stale

Deterministic (fixed seed, sorted inputs, standard library only).  See README.md in this
folder for the format, the labelling rule and how the splits are made.

How a label follows from the blocks
-----------------------------------
* ``blocks/<lang>/claims.txt`` holds sentences that are a health claim on their own (the
  author asserts an effect, mechanism, dose, risk or statistic, or debunks one).
* Every other block file holds text that is *not* a claim: questions, support, logistics,
  testimony (including one's own dose), forum talk, health words in other senses, technical
  paragraphs, sentences that question a quote.
* A document is a claim iff at least one claim block (or an ``endorse`` block, or the
  rebuttal half of a ``pairs`` block) appears in the author's own words, outside any
  Markdown blockquote.  Claim blocks inside ``>`` quotes are another member's words.
* ``needs_review = health_claim and not any qualifying source`` where the sources come from
  ``blocks/sources.txt`` (tag ``q`` qualifies, every other tag does not), generated DOIs
  (journal prefixes qualify, preprint/repository prefixes do not) and PMIDs (qualify).

Splits are by block: within every block file, section (a '# ---' line opens one) and tag,
blocks are dealt in file order train/train/train/dev/test, so 60/20/20.  The Dutch and English files are kept in step (a
translation sits at the same position under the same tag), so a sentence and its translation
always land in the same split.  A document of a split only uses blocks of that
split, so dev and test measure wording the model never saw.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
BLOCKS = HERE / "blocks"
HANDWRITTEN = HERE / "handwritten"
SPLITS = ("train", "dev", "test")
LANGS = ("nl", "en")
LENGTHS = ("short", "medium", "long")
SEED = 20261201

# documents generated per (language, length); split shares follow the block shares
PER_CELL = {"short": 460, "medium": 440, "long": 360}

LINE = re.compile(r"^\[(?P<tag>[a-z-]+)(?:/(?P<topic>[a-z]+))?\]\s+(?P<text>.+?)\s*$")


@dataclass(frozen=True)
class Block:
    lang: str  # nl, en or "" (sources)
    kind: str  # file stem
    tag: str
    topic: str
    text: str
    split: str


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def norm(text: str) -> str:
    """Lower-case, Markdown-free, whitespace-collapsed form used to compare sentences."""
    text = re.sub(r"https?://\S+", " ", text.lower())
    text = re.sub(r"[>*_`#\[\]()!?.,;:\"'\u2018\u2019\u201c\u201d-]+", " ", text)
    return " ".join(text.split())


def read_block_file(path: Path, lang: str) -> list[tuple[int, str, str, str]]:
    """(section, tag, topic, text) per block; a line starting with '# ---' opens a new section."""
    rows = []
    section = 0
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if raw.startswith("# ---"):
            section += 1
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        m = LINE.match(raw)
        if not m:
            raise ValueError(f"{path}:{n}: expected '[tag] text' or '[tag/topic] text'")
        rows.append((section, m["tag"], m["topic"] or "gen", m["text"].replace("\\n", "\n")))
    return rows


def load_blocks() -> list[Block]:
    """All building blocks with their split (stratified by file and tag, hash-ordered)."""
    files = [(p, lang) for lang in LANGS for p in sorted((BLOCKS / lang).glob("*.txt"))]
    files.append((BLOCKS / "sources.txt", ""))
    blocks: list[Block] = []
    for path, lang in files:
        groups: dict[tuple[int, str], list[tuple[str, str]]] = defaultdict(list)
        for section, tag, topic, text in read_block_file(path, lang):
            groups[(section, tag)].append((topic, text))
        for section, tag in sorted(groups):
            items = list(dict.fromkeys(groups[(section, tag)]))  # file order: translations stay in step
            # each section is dealt on its own, from a phase that depends only on (section, tag),
            # so a section of translations lands in step with its counterpart in the other language
            phase = 0 if section == 0 else zlib.crc32(f"{section}:{tag}".encode()) % 5
            for i, (topic, text) in enumerate(items):
                split = ("train", "train", "train", "dev", "test")[(i + phase) % 5]
                blocks.append(Block(lang, path.stem, tag, topic, text, split))
    return blocks


# ---------------------------------------------------------------- informal writing


NL_INFORMAL = [
    (r"\b(heb|had|is|was|doe|deed|weet|vind|vond|zeg|snap|ken|zie|merk|lees) het\b", r"\1 t", 0.7),
    (r"\bHet\b", "t", 0.15),
    (r"\beven\b", "ff", 0.6),
    (r"\binderdaad\b", "idd", 0.7),
    (r"\bgewoon\b", "gwn", 0.5),
    (r"\bmijn\b", "mn", 0.5),
    (r"\bMijn\b", "Mn", 0.3),
    (r"\bin plaats van\b", "ipv", 0.8),
    (r"\bbijvoorbeeld\b", "bv", 0.6),
    (r"\btrouwens\b", "btw", 0.4),
    (r"\bvolgens mij\b", "volgensmij", 0.5),
    (r"\bmisschien\b", "mss", 0.3),
    (r"\bniet\b", "nie", 0.08),
    (r"\bwordt\b", "word", 0.35),
    (r"\bgebeurt\b", "gebeurd", 0.4),
    (r"\bnatuurlijk\b", "tuurlijk", 0.3),
    (r"\boké\b", "oke", 0.6),
    (r"\bzijn\b", "zn", 0.05),
    (r"\been\b", "n", 0.05),
    (r"\balsjeblieft\b", "aub", 0.6),
    (r"\bhuisarts\b", "ha", 0.08),
    (r"\becht\b(?! waar)", "echt waar", 0.12),
    (r"\bwat\b", "wa", 0.05),
    (r"\bnou\b", "nu", 0.2),
]
EN_INFORMAL = [
    (r"\byou\b", "u", 0.25),
    (r"\byour\b", "ur", 0.25),
    (r"\bbecause\b", "cuz", 0.4),
    (r"\bI'm\b", "im", 0.5),
    (r"\bdon't\b", "dont", 0.6),
    (r"\bdoesn't\b", "doesnt", 0.6),
    (r"\bcan't\b", "cant", 0.6),
    (r"\bprobably\b", "prob", 0.4),
    (r"\bto be honest\b", "tbh", 0.7),
    (r"\bin my opinion\b", "imo", 0.7),
    (r"\bthough\b", "tho", 0.5),
    (r"\bgoing to\b", "gonna", 0.6),
    (r"\bwant to\b", "wanna", 0.5),
    (r"\bI\b", "i", 0.6),
    (r"\bit's\b", "its", 0.5),
    (r"\bthat's\b", "thats", 0.5),
    (r"\breally\b", "rly", 0.1),
    (r"\bsomething\b", "smth", 0.15),
    (r"\bpeople\b", "ppl", 0.2),
]
DIACRITICS = str.maketrans("ëïéèöüá", "eieeoua")


def typo(rng: random.Random, text: str) -> str:
    """One keyboard slip in a word of five or more letters (never in a link)."""
    words = [m for m in re.finditer(r"[A-Za-zëïéö]{5,}", text)]
    if not words:
        return text
    m = rng.choice(words)
    w = m.group()
    i = rng.randrange(1, len(w) - 1)
    op = rng.randrange(3)
    if op == 0:
        w = w[:i] + w[i + 1] + w[i] + w[i + 2:]
    elif op == 1:
        w = w[:i] + w[i + 1:]
    else:
        w = w[:i] + w[i] + w[i:]
    return text[: m.start()] + w + text[m.end():]


def informal(rng: random.Random, text: str, lang: str, style: str) -> str:
    """Rewrite a block the way a member might type it; the meaning (and label) stays."""
    if style == "neat":
        return text
    rules = NL_INFORMAL if lang == "nl" else EN_INFORMAL
    strength = 1.0 if style == "sloppy" else 0.55
    for pat, rep, p in rules:
        if rng.random() < p * strength:
            text = re.sub(pat, rep, text)
    if lang == "nl" and rng.random() < 0.5 * strength:
        text = text.translate(DIACRITICS)
    if rng.random() < 0.6 * strength and text[:1].isupper() and not text[:2].isupper():
        text = text[0].lower() + text[1:]
    if style == "sloppy":
        if rng.random() < 0.45:
            text = typo(rng, text)
        if rng.random() < 0.15:
            text = typo(rng, text)
        if rng.random() < 0.2:
            text = text.replace(", ", " ")
        if rng.random() < 0.1 and text.endswith("!"):
            text += "!!"
    return text


# ---------------------------------------------------------------- sources

DOI_GOOD = ["10.1001", "10.1016", "10.1136", "10.1056", "10.1038", "10.1002", "10.1007", "10.1093", "10.1177",
            "10.1371", "10.3389", "10.1186", "10.1111", "10.1080", "10.1017", "10.3390"]
DOI_PREPRINT = ["10.1101", "10.5281", "10.31219", "10.31234", "10.21203", "10.20944", "10.48550"]
LINK_TEXT = {
    "nl": ["hier", "deze pagina", "dit artikel", "de richtlijn", "het onderzoek", "deze studie", "link", "bron", "info",
           "lees hier", "Thuisarts", "de bijsluiter", "dit stuk"],
    "en": ["here", "this page", "this article", "the guideline", "the study", "this study", "source", "link", "info",
           "read this", "the leaflet", "this review"],
}
LINK_LEAD = {
    "nl": ["Zie {L}", "Bron: {L}", "{L}", "Meer info: {L}", "Lees anders ff {L}", "Hier staat het: {L}", "zie ook {L}",
           "bron {L}", "Staat hier: {L}", "Kijk maar: {L}"],
    "en": ["See {L}", "Source: {L}", "{L}", "More info: {L}", "Have a look at {L}", "It's explained here: {L}",
           "see also {L}", "source {L}", "Found it: {L}", "Check {L}"],
}
GOOD_NAMES = ["thuisarts.nl", "Thuisarts", "RIVM", "NHS", "apotheek.nl", "Lareb", "de NHG-standaard", "PubMed",
              "Cochrane", "WHO", "nhs.uk", "rivm.nl"]


def _doi(rng: random.Random, good: bool) -> str:
    prefix = rng.choice(DOI_GOOD if good else DOI_PREPRINT)
    suffix = rng.choice([
        f"j.jad.{rng.randrange(2010, 2026)}.{rng.randrange(1, 13):02d}.{rng.randrange(1, 999):03d}",
        f"s{rng.randrange(10000, 99999)}-0{rng.randrange(10, 99)}-{rng.randrange(1000, 9999)}-{rng.randrange(1, 9)}",
        f"bmj.{rng.choice('mnpl')}{rng.randrange(1000, 9999)}",
        f"{rng.randrange(2015, 2026)}.{rng.randrange(1, 12):02d}.{rng.randrange(10, 30)}.{rng.randrange(20000000, 29999999)}",
        f"zenodo.{rng.randrange(1000000, 9999999)}",
        f"journal.pone.0{rng.randrange(100000, 299999)}",
    ])
    if good and suffix.startswith("zenodo"):
        suffix = f"nu{rng.randrange(10, 17)}{rng.randrange(10000, 99999)}"
    return f"{prefix}/{suffix}"


def source_snippet(rng: random.Random, lang: str, kind: str, pools: dict) -> tuple[str, str, bool]:
    """A source attempt as Markdown.  Returns (inline text, trailing reference lines, qualifies)."""
    lead = rng.choice(LINK_LEAD[lang])
    text = rng.choice(LINK_TEXT[lang])
    if kind == "good":
        r = rng.random()
        if r < 0.12:
            doi = _doi(rng, True)
            form = rng.choice(["doi:{d}", "DOI {d}", "https://doi.org/{d}", "[{t}](https://doi.org/{d})", "(doi: {d})"])
            return form.format(d=doi, t=text), "", True
        if r < 0.2:
            pmid = rng.randrange(10000000, 39999999)
            form = rng.choice(["PMID: {p}", "PMID {p}", "(PMID:{p})", "pmid {p}"])
            return form.format(p=pmid), "", True
        url = rng.choice(pools["q"]).text
        return _render_url(rng, lead, text, url), "", True
    # not qualifying
    r = rng.random()
    if r < 0.1:
        doi = _doi(rng, False)
        return rng.choice(["doi:{d}", "https://doi.org/{d}", "[preprint](https://doi.org/{d})"]).format(d=doi), "", False
    if r < 0.22:  # link text names a good source, the target is elsewhere
        url = rng.choice(pools["bad"]).text
        return lead.replace("{L}", f"[{rng.choice(GOOD_NAMES)}]({url})"), "", False
    if r < 0.27:  # readers never see it
        url = rng.choice(pools["q"]).text
        return rng.choice([f"<!-- {url} -->", f"<!-- bron: {url} -->", f"`{url}`"]), "", False
    if r < 0.3:
        return rng.choice(LINK_TEXT[lang]).join(["[", "](javascript:void(0))"]), "", False
    url = rng.choice(pools["bad"]).text
    return _render_url(rng, lead, text, url), "", False


def _render_url(rng: random.Random, lead: str, text: str, url: str) -> str:
    r = rng.random()
    if r < 0.4:
        link = f"[{text}]({url})"
    elif r < 0.7:
        link = url
    elif r < 0.85:
        link = f"<{url}>"
    else:
        return "\x00REF\x00" + lead.replace("{L}", f"[{text}][1]") + "\x00" + url
    return lead.replace("{L}", link)


def attach_source(rng: random.Random, paragraphs: list[str], snippet: str) -> list[str]:
    """Put a source snippet after the last paragraph or inline; expand reference-style links."""
    ref = ""
    if snippet.startswith("\x00REF\x00"):
        body, url = snippet[5:].split("\x00")
        snippet, ref = body, f"[1]: {url}"
    paragraphs = list(paragraphs)
    if rng.random() < 0.5 or not paragraphs:
        paragraphs.append(snippet)
    else:
        i = rng.randrange(len(paragraphs))
        if paragraphs[i].lstrip().startswith((">", "#", "-", "*", "1.")) or re.search(r"://|pmid|doi", paragraphs[i], re.I):
            paragraphs.append(snippet)
        else:
            paragraphs[i] = paragraphs[i].rstrip() + " " + snippet
    if ref:
        paragraphs.append(ref)
    return paragraphs


# ---------------------------------------------------------------- documents


class Composer:
    def __init__(self, blocks: list[Block], seed: int = SEED):
        self.rng = random.Random(seed)
        self.pool: dict[tuple, list[Block]] = defaultdict(list)
        for b in blocks:
            self.pool[(b.split, b.lang, b.kind)].append(b)
            self.pool[(b.split, b.lang, b.kind, b.tag)].append(b)
        for v in self.pool.values():
            v.sort(key=lambda b: b.text)
        self.used: Counter = Counter()

    # -- picking

    def pick(self, split, lang, kind, tag=None, topic=None, avoid=()):
        key = (split, lang, kind) if tag is None else (split, lang, kind, tag)
        items = [b for b in self.pool.get(key, []) if b.text not in avoid] or self.pool.get(key, [])
        if not items:
            raise LookupError(f"no blocks for {key}")
        if topic and self.rng.random() < 0.85:
            same = [b for b in items if b.topic in (topic, "gen")]
            items = same or items
        # prefer the least used blocks so every block gets used
        low = min(self.used[b.text] for b in items)
        cands = [b for b in items if self.used[b.text] <= low + 1]
        b = self.rng.choice(cands)
        self.used[b.text] += 1
        return b

    def frame(self, split, lang, tag):
        items = self.pool.get((split, lang, "frames", tag), [])
        return self.rng.choice(items).text if items else ""

    def name(self, lang):
        return self.rng.choice(NAMES[lang])

    # -- document kinds

    def doc(self, split: str, lang: str, length: str, claim: bool) -> dict:
        rng = self.rng
        style = rng.choices(["neat", "casual", "sloppy"], [0.4, 0.38, 0.22])[0]
        if length == "long":
            style = rng.choices(["neat", "casual", "sloppy"], [0.55, 0.35, 0.1])[0]
        st = DocState(self, split, lang, style)
        fam = getattr(self, f"_{length}")(st, claim)
        # sources
        if claim:
            r = rng.random()
            src = "none" if r < 0.33 else "bad" if r < 0.55 else "good" if r < 0.9 else "good+bad"
        else:
            r = rng.random()
            src = "good" if r < 0.12 else "bad" if r < 0.2 else "none"
        qualifies = False
        note = []
        if claim and src == "none" and rng.random() < 0.35:
            st.paras = attach_source(rng, st.paras, st.own(self.pick(split, lang, "named")))
            note.append("source named only in words")
        for kind in src.split("+"):
            if kind == "none":
                continue
            snip, _, ok = source_snippet(rng, lang, kind, st.sources)
            qualifies |= ok
            st.paras = attach_source(rng, st.paras, snip)
            note.append("qualifying source" if ok else "source does not qualify")
        text = "\n\n".join(p for p in st.paras if p.strip())
        text = re.sub(r"\n{3,}", "\n\n", text).strip()
        has_claim = st.claims > 0
        assert has_claim == claim, (fam, text)
        if st.quoted:
            note.append("quoted claim is not the author's")
        return {
            "text": text,
            "language": lang,
            "health_claim": has_claim,
            "needs_review": has_claim and not qualifies,
            "length": length,
            "split": split,
            "family": f"{length}-{fam}",
            "note": "; ".join(note) if note else None,
        }

    def _short(self, st: DocState, claim: bool) -> str:
        rng = self.rng
        if claim:
            c = st.claim()
            r = rng.random()
            if r < 0.4:
                st.paras = [st.join([c])]
                return "claim"
            if r < 0.7:
                st.paras = [st.join([st.own(st.neutral(tags=SHORT_LEAD)), c])]
                return "neutral+claim"
            if r < 0.85:
                st.paras = [st.join([c, st.own(st.neutral(tags=("support", "doctor", "feeling", "forum")))])]
                return "claim+neutral"
            other = st.lang_other()
            st.paras = [st.join([st.own(st.neutral(tags=SHORT_LEAD)), other.claim()])]
            st.claims += 1
            return "mixed-claim"
        r = rng.random()
        if r < 0.55:
            st.paras = [st.join([st.own(st.neutral())])]
            return "neutral"
        if r < 0.8:
            a = st.neutral()
            b = st.neutral(avoid=(a.text,))
            st.paras = [st.join([st.own(a), st.own(b)])]
            return "neutral+neutral"
        if r < 0.92:
            st.paras = [st.quote_block(), st.own(self.pick(st.split, st.lang, "quote_q"))]
            return "quote-question"
        other = st.lang_other()
        st.paras = [st.join([st.own(st.neutral(tags=SHORT_LEAD)), other.own(other.neutral())])]
        return "mixed-neutral"

    def _medium(self, st: DocState, claim: bool) -> str:
        rng = self.rng
        fam_r = rng.random()
        if not claim and fam_r < 0.12:
            st.paras = [st.own(self.pick(st.split, st.lang, "tech"))]
            if rng.random() < 0.5:
                st.paras.append(st.own(self.pick(st.split, st.lang, "tech", avoid=(st.paras[0],))))
            return "tech"
        if fam_r < 0.3:
            # reply to a quote
            intro = self.frame(st.split, st.lang, "quote-intro").replace("{name}", self.name(st.lang))
            if claim:
                r = rng.random()
                if r < 0.45:
                    pair = self.pick(st.split, st.lang, "pairs")
                    quoted, rebut = pair.text.split(" ||| ")
                    st.quoted += 1
                    st.paras = [intro, "> " + quoted, st.own_text(rebut)]
                    st.claims += 1
                    fam = "quote-rebuttal"
                elif r < 0.7:
                    st.paras = [intro, st.quote_block(), st.own(self.pick(st.split, st.lang, "endorse"))]
                    st.claims += 1
                    fam = "quote-endorse"
                else:
                    st.paras = [intro, st.quote_block(), st.join([st.own(self.pick(st.split, st.lang, "quote_q")), st.claim()])]
                    fam = "quote-question+claim"
            else:
                st.paras = [intro, st.quote_block(), st.own(self.pick(st.split, st.lang, "quote_q"))]
                if rng.random() < 0.6:
                    st.paras[-1] = st.join([st.paras[-1], st.own(st.neutral(tags=("support", "question", "testimony", "doctor")))])
                fam = "quote-question"
            st.paras = [p for p in st.paras if p]
            return fam
        # plain paragraphs: a coherent recipe of neutral sentences, claims mixed in
        greet = self.frame(st.split, st.lang, "greeting").replace("{name}", self.name(st.lang)) if rng.random() < 0.45 else ""
        recipe_name, recipe = rng.choice(RECIPES)
        sents: list[str] = []
        if rng.random() < 0.3:
            sents.append(st.own(st.paragraph()))
        for tags in recipe:
            sents.append(st.own(st.neutral(tags=tags)))
            if _words(" ".join(sents)) > 110:
                break
        n_claims = (1 if rng.random() < 0.75 else 2) if claim else 0
        for _ in range(n_claims):
            sents.insert(rng.randrange(0, len(sents) + 1), st.claim())
        while _words(" ".join(sents)) > 145 and len(sents) > 2:
            for i in range(len(sents) - 1, -1, -1):
                if sents[i] not in st.claim_texts:
                    del sents[i]
                    break
        if len(sents) >= 4 and rng.random() < 0.5:
            cut = rng.randrange(2, len(sents) - 1)
            paras = [st.join(sents[:cut]), st.join(sents[cut:])]
        else:
            paras = [st.join(sents)]
        sign = self.frame(st.split, st.lang, "signoff").replace("{name}", self.name(st.lang)) if rng.random() < 0.35 else ""
        st.paras = [p for p in [greet, *paras, sign] if p]
        return ("claim-in-" if claim else "") + recipe_name

    def _long(self, st: DocState, claim: bool) -> str:
        rng = self.rng
        split, lang = st.split, st.lang
        if not claim and rng.random() < 0.15:
            used: list[str] = []
            for _ in range(3):
                b = self.pick(split, lang, "tech", avoid=tuple(used))
                if b.text not in used:
                    used.append(b.text)
            parts = [informal(rng, t, lang, st.style) for t in used]
            heading = self.frame(split, lang, "tech-heading")
            parts.insert(1, "## " + heading if heading else "")
            if rng.random() < 0.5:
                parts.insert(0, st.own(st.neutral(tags=("forum", "other"))))
            st.paras = [p for p in parts if p]
            while _words("\n".join(st.paras)) < 170:
                st.paras.append(st.join([st.own(st.neutral(tags=("forum", "other", "question"))) for _ in range(3)]))
            return "tech"
        target = rng.randrange(170, 480)
        mode = rng.choice(["buried", "buried", "tips", "quote"]) if claim else rng.choice(["story", "story", "quote", "list"])
        paras: list[str] = []
        if rng.random() < 0.75:
            paras.append(self.frame(split, lang, "greeting").replace("{name}", self.name(lang)))
        if mode == "quote":
            intro = self.frame(split, lang, "quote-intro").replace("{name}", self.name(lang))
            paras += [intro, st.quote_block(), st.own(self.pick(split, lang, "quote_q"))]
        sections = 0
        while _words("\n".join(paras)) < target and sections < 9:
            sections += 1
            r = rng.random()
            if r < 0.35:
                paras.append(st.own(st.paragraph()))
            elif r < 0.5 and not paras[-1:][0:1] == ["#"]:
                head = self.frame(split, lang, "heading")
                paras.append(rng.choice(["## ", "### ", "**"]) + head + ("**" if paras and False else ""))
                if paras[-1].startswith("**"):
                    paras[-1] += "**"
            elif r < 0.72:
                bullet = rng.choice(["- ", "* ", "1. "])
                items = [st.own(st.neutral(tags=LIST_TAGS)) for _ in range(rng.randrange(2, 5))]
                if bullet == "1. ":
                    paras.append("\n".join(f"{i}. {t}" for i, t in enumerate(items, 1)))
                else:
                    paras.append("\n".join(bullet + t for t in items))
            else:
                _, recipe = rng.choice(RECIPES)
                paras.append(st.join([st.own(st.neutral(tags=t)) for t in recipe[: rng.randrange(2, 5)]]))
        if mode == "tips" and claim:
            head = self.frame(split, lang, "tips-heading")
            items = [st.claim() for _ in range(rng.randrange(2, 5))]
            items += [st.own(st.neutral(tags=("doctor", "suggest", "logistics"))) for _ in range(rng.randrange(0, 3))]
            rng.shuffle(items)
            at = rng.randrange(1, len(paras) + 1)
            paras[at:at] = ["## " + head if head else "", "\n".join("- " + t for t in items)]
        elif claim:
            # one claim buried inside a friendly answer: in a paragraph, as a list item or alone
            spots = [i for i, p in enumerate(paras) if i > 0 and p and not p.startswith(("#", ">", "**"))] or [len(paras) - 1]
            i = rng.choice(spots)
            c = st.claim()
            if paras[i].startswith(("- ", "* ")):
                paras[i] += "\n" + paras[i][:2] + c
            elif re.match(r"\d+\. ", paras[i]):
                paras[i] += f"\n{paras[i].count(chr(10)) + 2}. {c}"
            elif rng.random() < 0.6:
                paras[i] = paras[i] + " " + c if rng.random() < 0.5 else c + " " + paras[i]
            else:
                paras.insert(i + 1, c)
        if rng.random() < 0.6:
            paras.append(self.frame(split, lang, "signoff").replace("{name}", self.name(lang)))
        paras = [p for p in paras if p]
        # keep within 600 words: drop neutral paragraphs from the end
        while _words("\n".join(paras)) > 560:
            for j in range(len(paras) - 1, 0, -1):
                if not any(c in paras[j] for c in st.claim_texts) and not paras[j].startswith(">"):
                    del paras[j]
                    break
            else:
                break
        while _words("\n".join(paras)) < 155:
            paras.insert(len(paras) - 1, st.own(st.paragraph()))
        # no heading as the last thing, no two headings in a row
        paras = [p for k, p in enumerate(paras) if not (_is_heading(p) and (k + 1 == len(paras) or _is_heading(paras[k + 1])))]
        st.paras = paras
        return {"buried": "one-claim-buried", "tips": "claim-list", "quote": "quote"}.get(mode, mode) + ("" if claim else "-no-claim")


def _is_heading(p: str) -> bool:
    return p.startswith("#") or (p.startswith("**") and p.endswith("**") and "\n" not in p)


# neutral sentence recipes: each a coherent kind of answer (tags per sentence)
RECIPES = [
    ("support", [("support",), ("testimony", "feeling"), ("question", "suggest"), ("support", "doctor")]),
    ("story", [("testimony",), ("testimony", "dose"), ("feeling",), ("question",), ("support",)]),
    ("logistics", [("logistics",), ("logistics",), ("question",), ("doctor", "logistics"), ("support",)]),
    ("doctor", [("question",), ("doctor",), ("suggest",), ("support",)]),
    ("questions", [("question",), ("question", "suggest"), ("report",), ("support",)]),
    ("own-dose", [("dose",), ("testimony",), ("question",), ("feeling", "support")]),
    ("offtopic", [("forum",), ("other",), ("other", "forum"), ("question",)]),
    ("reported-claim", [("report",), ("question",), ("testimony",), ("doctor",)]),
]
SHORT_LEAD = ("support", "feeling", "forum", "testimony", "question")
LIST_TAGS = ("logistics", "doctor", "testimony", "suggest", "question", "support", "dose")


class DocState:
    def __init__(self, comp: Composer, split: str, lang: str, style: str):
        self.c, self.split, self.lang, self.style = comp, split, lang, style
        self.paras: list[str] = []
        self.claims = 0
        self.quoted = 0
        self.claim_texts: list[str] = []
        self.seen: set[str] = set()
        self.topic = comp.rng.choice(TOPICS)
        self.sources = {
            "q": [b for b in comp.pool[(split, "", "sources")] if b.tag == "q"],
            "bad": [b for b in comp.pool[(split, "", "sources")] if b.tag != "q"],
        }

    def own(self, block: Block) -> str:
        return informal(self.c.rng, block.text, self.lang, self.style)

    def own_text(self, text: str) -> str:
        t = informal(self.c.rng, text, self.lang, self.style)
        self.claim_texts.append(t)
        return t

    def claim(self) -> str:
        b = self.c.pick(self.split, self.lang, "claims", topic=self.topic, avoid=tuple(self.seen))
        self.seen.add(b.text)
        self.claims += 1
        t = self.own(b)
        self.claim_texts.append(t)
        return t

    def neutral(self, tags=None, avoid=()) -> Block:
        tag = None
        if tags:
            have = [t for t in tags if self.c.pool.get((self.split, self.lang, "neutral", t))]
            tag = self.c.rng.choice(have)
        b = self.c.pick(self.split, self.lang, "neutral", tag=tag, topic=self.topic, avoid=tuple(avoid) + tuple(self.seen))
        self.seen.add(b.text)
        return b

    def paragraph(self) -> Block:
        b = self.c.pick(self.split, self.lang, "paragraphs", topic=self.topic, avoid=tuple(self.seen))
        self.seen.add(b.text)
        return b

    def join(self, sents: list[str]) -> str:
        """Sentences into one paragraph; sloppy writers drop the last full stop."""
        out = []
        for k, t in enumerate(sents):
            last = k == len(sents) - 1
            if not last and not t.rstrip().endswith((".", "!", "?", ":", ")")):
                t = t.rstrip() + ("." if self.style == "neat" or self.c.rng.random() < 0.7 else "..")
            if last and self.style != "neat" and t.endswith(".") and self.c.rng.random() < 0.4:
                t = t[:-1]
            out.append(t)
        return " ".join(out)

    def quote_block(self) -> str:
        b = self.c.pick(self.split, self.lang, "claims", topic=self.topic, avoid=tuple(self.seen))
        self.seen.add(b.text)
        self.quoted += 1
        text = b.text
        if self.c.rng.random() < 0.3:
            text = informal(self.c.rng, text, self.lang, "casual")
        return "> " + text

    def lang_other(self) -> DocState:
        other = DocState(self.c, self.split, "en" if self.lang == "nl" else "nl", self.style)
        other.topic = self.topic
        return other


TOPICS = ["mind", "sleep", "meds", "supp", "body", "kids", "psy"]
NAMES = {
    "nl": ["Marieke", "Jan_de_B", "moeder_van_3", "Sanne88", "Fleur", "Ruud", "Anouk", "Kees", "pieter-j", "Lotte", "Yara",
           "Mo", "Fatima", "Daan", "Noor", "Evi", "Bram", "Ingrid", "Wim62", "tess", "Joyce", "Hakan", "Mirjam", "Sjoerd"],
    "en": ["Tom", "Sarah", "mike_k", "Priya", "Olu", "Jenna", "Lukas", "anna.b", "DaveR", "Mei", "Chris", "Kasia", "Rob",
           "Zainab", "Emily", "jojo", "Marco", "Linh", "Sam", "Nadia"],
}


def _words(text: str) -> int:
    return len(text.split())


# ---------------------------------------------------------------- hand-written answers

HW_HEAD = re.compile(r"^@@@ (?P<len>[sml]) (?P<claim>[cn]) (?P<review>[r-])(?: (?P<note>.*))?$")


def load_handwritten() -> list[dict]:
    """Whole answers written by hand, one file per language; '@@@ s|m|l c|n r|-' headers."""
    out = []
    for lang in LANGS:
        path = HANDWRITTEN / f"{lang}.md"
        if not path.exists():
            continue
        cur = None
        rows = []
        body = path.read_text(encoding="utf-8")
        if body.lstrip().startswith("<!--"):  # the file's own explanatory comment
            body = body[body.index("-->") + 3:]
        for line in body.splitlines():
            m = HW_HEAD.match(line)
            if m:
                cur = {"m": m, "lines": []}
                rows.append(cur)
            elif cur is not None:
                cur["lines"].append(line)
            elif line.strip():
                raise ValueError(f"{path}: text before the first @@@ header")
        groups: dict[tuple, list[dict]] = defaultdict(list)
        for n, r in enumerate(rows, 1):
            m = r["m"]
            length = {"s": "short", "m": "medium", "l": "long"}[m["len"]]
            claim = m["claim"] == "c"
            review = m["review"] == "r"
            if review and not claim:
                raise ValueError(f"{path}: answer {n} needs review but is not a claim")
            d = {
                "id": f"hw-{lang}-{n:03d}",
                "text": "\n".join(r["lines"]).strip(),
                "language": lang,
                "health_claim": claim,
                "needs_review": review,
                "length": length,
                "split": "",
                "family": "handwritten",
                "note": m["note"] or None,
            }
            groups[(length, claim)].append(d)
            out.append(d)
        for key in sorted(groups):
            for i, d in enumerate(groups[key]):
                d["split"] = ("train", "train", "train", "dev", "test")[i % 5]
    return out


# ---------------------------------------------------------------- build


def build() -> list[dict]:
    blocks = load_blocks()
    comp = Composer(blocks)
    docs: list[dict] = []
    for lang in LANGS:
        for length in LENGTHS:
            n = PER_CELL[length]
            for i in range(n):
                split = SPLITS[0] if i % 5 < 3 else SPLITS[1] if i % 5 == 3 else SPLITS[2]
                claim = (i // 5) % 2 == 0
                d = comp.doc(split, lang, length, claim)
                docs.append(d)
    seen = set()
    unique = []
    for d in docs:
        if d["text"] in seen:
            continue
        seen.add(d["text"])
        unique.append(d)
    for n, d in enumerate(unique, 1):
        d["id"] = f"gen-{d['language']}-{d['length'][0]}-{n:05d}"
    unique += load_handwritten()
    out = []
    for d in unique:
        row = {k: d[k] for k in ("id", "text", "language", "health_claim", "needs_review", "length", "split", "family")}
        if d.get("note"):
            row["note"] = d["note"]
        out.append(row)
    return out


def serialise(docs: list[dict]) -> dict[str, str]:
    files = {}
    for split in SPLITS:
        rows = sorted((d for d in docs if d["split"] == split), key=lambda d: d["id"])
        files[f"{split}.jsonl"] = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    return files


def counts_table(docs: list[dict]) -> str:
    c = Counter((d["language"], d["length"], d["health_claim"], d["split"]) for d in docs)
    lines = ["| language | length | class | train | dev | test | total |", "|---|---|---|---:|---:|---:|---:|"]
    for lang in LANGS:
        for length in LENGTHS:
            for cls in (True, False):
                row = [c[(lang, length, cls, s)] for s in SPLITS]
                lines.append(f"| {lang} | {length} | {'claim' if cls else 'no claim'} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    tot = [sum(1 for d in docs if d["split"] == s) for s in SPLITS]
    lines.append("| all | | | " + " | ".join(map(str, tot)) + f" | {sum(tot)} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the committed files differ from a fresh build")
    ap.add_argument("--table", action="store_true", help="print the counts table")
    args = ap.parse_args(argv)
    docs = build()
    files = serialise(docs)
    if args.check:
        stale = [name for name, body in files.items() if not (HERE / name).exists() or (HERE / name).read_text(encoding="utf-8") != body]
        if stale:
            print("stale:", ", ".join(stale), "- run python -m moderation.policy.corpus.build", file=sys.stderr)
            return 1
        print("corpus files are up to date")
        return 0
    for name, body in files.items():
        (HERE / name).write_text(body, encoding="utf-8")
    print(counts_table(docs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
