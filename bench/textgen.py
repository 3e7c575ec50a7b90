"""Dutch-ish forum text from word lists: titles, answers with some Markdown, health claims.

Everything takes a `random.Random`, so a seed gives the same forum every run. The
sentences read like a health forum (sleep, stress, the GP, work) without being real advice.
"""

FIRST_NAMES = """anna bram chantal daan eva fatima femke gijs hanna ilse jan joost karim kees lars lieke lotte
mees mila noor olaf pieter roos ruben sanne sem sophie thijs tim vera willem yara youssef zoe""".split()

TOPICS = """slapeloosheid vermoeidheid hoofdpijn rugpijn stress somberheid piekeren burn-out migraine
angst paniekaanvallen concentratieproblemen overgangsklachten tinnitus eczeem""".split()

# A plain topic word for titles that is not a health term, so titles of held questions stay plausible.
EVERYDAY = """werk slaap energie ritme sporten wandelen eten koken familie collega's vakantie verhuizing
studie thuiswerken ochtend avond weekend planning""".split()

PLAIN_SENTENCES = [
    "Ik herken veel van wat je schrijft over {topic}.",
    "Mijn huisarts zei dat rust en een vast ritme het belangrijkste zijn.",
    "Wat mij hielp was elke dag even naar buiten gaan, ook als ik er geen zin in had.",
    "Probeer eens een dagboek bij te houden, dan zie je na een paar weken patronen.",
    "Bij mij duurde het ongeveer drie maanden voordat ik verschil merkte.",
    "Heb je dit al met je huisarts besproken?",
    "Ik slaap sinds kort beter sinds ik mijn telefoon 's avonds in de keuken laat liggen.",
    "De bedrijfsarts heeft met mij een plan gemaakt om rustig weer op te bouwen.",
    "Het klinkt misschien simpel, maar wandelen na het eten helpt mij echt om tot rust te komen.",
    "Sterkte, je bent zeker niet de enige die hier tegenaan loopt.",
    "Mijn partner merkte eerder dan ik dat het niet goed ging.",
    "Ik werk nu vier ochtenden per week en dat gaat best goed.",
    "Op de website van Thuisarts staat een duidelijke uitleg over {topic}.",
    "Ik zou vooral niet te veel tegelijk willen veranderen.",
    "Soms helpt het al om er met iemand over te praten die het herkent.",
    "Vorig jaar had ik precies hetzelfde en nu gaat het een stuk beter.",
    "Je mag best wat milder zijn voor jezelf, dat vergeet je snel.",
    "Een vaste tijd om naar bed te gaan maakte bij mij het grootste verschil.",
    "Ik heb ook een tijd bij de praktijkondersteuner gelopen, dat was fijn.",
    "Koffie na de middag heb ik geschrapt en dat scheelt echt.",
    "De eerste weken waren zwaar, maar het werd langzaam beter.",
    "Wat zegt je huisarts ervan?",
    "Misschien kun je met je leidinggevende afspreken dat je kortere dagen maakt.",
    "Ik merk dat {topic} erger wordt als ik te weinig beweeg.",
    "Mijn ervaring is dat kleine stappen beter werken dan grote voornemens.",
    "Bedankt voor het delen, dit helpt mij ook om mijn eigen situatie te begrijpen.",
    "Fijn dat je dit vraagt, ik liep er zelf ook lang mee rond.",
    "Een collega van mij had hetzelfde en die is nu weer volledig aan het werk.",
    "Ik heb gemerkt dat ademhalen op een rustig tempo helpt als ik ga piekeren.",
    "Het kost tijd, en dat is heel normaal.",
]

# Claims the detector flags (a health claim without a qualifying source).
CLAIM_SENTENCES = [
    "Magnesium helpt echt tegen slapeloosheid, neem elke avond 400 mg.",
    "Psilocybine geneest een burn-out: bij 73% van de patiënten verdwijnt de uitputting binnen 12 weken.",
    "CBD-olie vermindert angst bij 60% van de mensen binnen twee weken.",
    "Ashwagandha verlaagt cortisol en helpt tegen een burn-out, dat merk je na een maand.",
    "Melatonine werkt beter dan slaappillen bij slaapproblemen, neem 5 mg voor het slapen.",
    "Kurkuma geneest ontstekingen en helpt beter dan ibuprofen tegen rugpijn.",
    "Vitamine D voorkomt depressie, met 4000 IE per dag ben je er vanaf.",
    "Sint-janskruid werkt net zo goed als antidepressiva tegen somberheid.",
    "Microdoseren met truffels geneest angst bij 80% van de gebruikers.",
    "Omega-3 vermindert migraine met 50%, neem 2 gram visolie per dag.",
]

SOURCES = [
    "https://pubmed.ncbi.nlm.nih.gov/{n}/",
    "https://www.thuisarts.nl/{topic}",
    "https://doi.org/10.1001/jama.2023.{n}",
    "https://www.rivm.nl/{topic}",
]

TITLE_TEMPLATES = [
    "Wie heeft ervaring met {topic} na een drukke periode?",
    "Tips voor {everyday} met {topic}?",
    "Hoe ga ik om met {topic} op het werk?",
    "Sinds maanden last van {topic}, wat kan ik zelf doen?",
    "Herkent iemand dit: {topic} en weinig {everyday}?",
    "Wanneer ga je met {topic} naar de huisarts?",
    "Terug aan het werk na {topic}, hoe bouw ik op?",
    "{Topic} en {everyday}: wat werkt voor jullie?",
]

QUESTION_OPENERS = [
    "Ik loop al een tijd rond met {topic} en weet niet goed wat ik moet doen.",
    "Sinds een paar maanden heb ik last van {topic}, vooral in de {everyday}.",
    "Mijn huisarts zegt dat het vanzelf overgaat, maar ik merk weinig verbetering.",
]

# Plain words only (no health terms, no Markdown): the unique tail of each generated post.
TAIL_WORDS = """vandaag gisteren morgen buiten binnen fiets trein tuin keuken boek film muziek hond kat
koffie zomer winter herfst lente markt strand bos park straat buurt school kantoor thuis regen zon
wind avondje rustig gezellig druk lekker mooi lang kort samen alleen even vaak soms altijd nooit
weer eerst daarna eindelijk gewoon echt best heel vrij wat meer minder nieuw oud klein groot""".split()


def _fill(template, rng):
    topic = rng.choice(TOPICS)
    return template.format(topic=topic, Topic=topic.capitalize(), everyday=rng.choice(EVERYDAY), n=rng.randint(10_000_000, 39_999_999))


def title(rng):
    return _fill(rng.choice(TITLE_TEMPLATES), rng)


def _paragraph(rng, words_wanted):
    sentences, count = [], 0
    while count < words_wanted:
        sentence = _fill(rng.choice(PLAIN_SENTENCES), rng)
        sentences.append(sentence)
        count += len(sentence.split())
    return " ".join(sentences)


def _decorate(paragraph, rng):
    """Some Markdown: a bold phrase, an emphasised word."""
    words = paragraph.split(" ")
    if len(words) > 8 and rng.random() < 0.35:
        i = rng.randrange(0, len(words) - 3)
        words[i] = "**" + words[i]
        words[i + 1] = words[i + 1] + "**"
    if len(words) > 8 and rng.random() < 0.2:
        i = rng.randrange(0, len(words) - 1)
        if words[i].isalpha():
            words[i] = f"*{words[i]}*"
    return " ".join(words)


def body(rng, words, kind="plain"):
    """Markdown of about `words` words. kind: plain, claim (held), sourced (claim with a qualifying source), link."""
    parts = []
    remaining = words
    while remaining > 0:
        size = min(remaining, rng.randint(25, 60))
        parts.append(_decorate(_paragraph(rng, size), rng))
        remaining -= size
    if rng.random() < 0.25:
        items = rng.sample(PLAIN_SENTENCES, 3)
        parts.insert(min(1, len(parts)), "\n".join("- " + _fill(item, rng).rstrip(".?") for item in items))
    if rng.random() < 0.08:
        parts.insert(0, "### Mijn ervaring")
    if rng.random() < 0.1:
        parts.insert(0, "> " + _fill(rng.choice(PLAIN_SENTENCES), rng))
    if kind in ("claim", "sourced"):
        claim = rng.choice(CLAIM_SENTENCES)
        position = rng.randrange(0, len(parts) + 1)
        if kind == "sourced":
            url = _fill(rng.choice(SOURCES[:3]), rng)
            claim += f" Bron: [onderzoek]({url})" if rng.random() < 0.5 else f" Bron: {url}"
        parts.insert(position, claim)
    elif kind == "link":
        parts.append(f"Meer lezen: [Thuisarts]({_fill(SOURCES[1], rng)})")
    return "\n\n".join(parts)


def question(rng, words):
    opener = _fill(rng.choice(QUESTION_OPENERS), rng)
    return opener + "\n\n" + body(rng, max(10, words - len(opener.split()))) + "\n\nHeeft iemand tips?"


def tail(rng):
    """A unique plain sentence appended to a pooled body, so every post's text (and search vector) differs."""
    words = [rng.choice(TAIL_WORDS) for _ in range(rng.randint(8, 30))]
    return " ".join(words).capitalize() + "."


# Hostile post shapes (issues 13 and 15): each unit is repeated to the 20,000-character limit. They make
# backtracking or rescanning parsers slow; tests/security/test_render_speed.py and the bench's crafted row
# use the same list.
CRAFTED_LENGTH = 20_000
CRAFTED_UNITS = {
    "open-tags": "<a ", "brackets": "[", "image-brackets": "![", "link-openers": "[a](", "footnote-openers": "[^",
    "stars": "*", "star-words": "*a ", "underscore-words": "_a ", "quotes": ">", "quote-lines": "> a\n",
    "quote-list": "> - ", "backticks": "`", "backtick-runs": "`a``", "lists": "- ", "less-than": "<",
    "ampersands": "&", "char-refs": "&#", "tildes": "~~a ", "pipes": "|", "urls": "http://a.b/", "www": "www.",
    "dois": "doi:10.1234/(", "pmids": "PMID: 1 ", "comments": "<!--", "autolinks": "<http://a", "parens": "(",
    "backslashes": "\\", "attributes": '<a x="', "headings": "#", "setext": "a\n=\n", "fences": "```\n",
    "hard-breaks": "a  \n", "emphasis-nest": "**a *b ", "claim-words": "helpt tegen angst ",
    "doses": "ik neem 20 mg sertraline, ", "clauses": "bij mij hielp het, ", "wishes": "hoop dat dit helpt ",
    "numbers": "1 ", "can-cause": "kan ", "zero-width": "a\u200b", "links": "[a](https://www.rivm.nl/x) ",
    "closing-parens": "https://a.nl/" + ")" * 50 + " ",
    # Shapes that make many elements or deep nesting (issue 15, after the move to cmark-gfm): one-cell
    # table rows, loose lists, nested ordered and "+" lists, raw nested HTML blocks.
    "table-rows": "a\n|-\n", "loose-list": "- a\n\n", "ordered-nesting": "1. ", "plus-nesting": "+ ",
    "html-lists": "<ul><li>", "html-divs": "<div>",
    # Many small elements of one kind: thousands of one-row tables, of quotes, of table rows of one cell.
    "tables": "a\n|-\n\n", "quote-paragraphs": "> a\n\n", "table-cells": "|-\n",
    # Thousands of quotes with someone else's words reported between them (each sentence was compared
    # with every quote).
    "quoted-reports": "> a\n\nze zei het.\n\n",
}


def crafted(name, length=CRAFTED_LENGTH):
    unit = CRAFTED_UNITS[name]
    return (unit * (length // len(unit) + 1))[:length]
