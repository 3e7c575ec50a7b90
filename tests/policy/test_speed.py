"""assess() must handle at least 1,000 typical answers of ~200 words per second on one core."""

import random
import time

from moderation.policy import assess, default_rules

SENTENCES = [
    "Ik heb zelf ook een burn-out gehad en het heeft bijna twee jaar geduurd voordat ik weer werkte.",
    "Sterkte met alles, je bent echt niet de enige die hiermee worstelt.",
    "Psilocybine helpt bij sommige mensen tegen depressie, maar het is geen wondermiddel.",
    "Mijn huisarts zei dat ik eerst rust moest nemen en daarna langzaam moest opbouwen.",
    "Bij mij hielp wandelen in de natuur het meest, elke dag een uur.",
    "Heb je al eens met een psycholoog gepraat over je angst?",
    "In de studie had 73% van de deelnemers een duidelijke vermindering van klachten (n=78).",
    "Zie ook https://www.thuisarts.nl/burn-out voor betrouwbare informatie.",
    "MDMA in combinatie met SSRI's is gevaarlijk en kan een serotoninesyndroom geven.",
    "Ik slik nu 50 mg sertraline per dag en de bijwerkingen vielen uiteindelijk mee.",
    "Wat fijn dat je dit deelt, ik herken heel veel in je verhaal.",
    "Het weer was vandaag prachtig dus we zijn lekker naar het strand gegaan.",
    "De update van mijn telefoon vermindert de batterijduur behoorlijk, irritant.",
    "Cafeïne kan angstklachten verergeren, dus misschien minder koffie drinken?",
    "I tried ketamine for my depression last year and it worked really well for me.",
    "Studies show that psilocybin therapy reduces symptoms of treatment resistant depression.",
    "Thanks for sharing, this is really helpful and I hope you feel better soon.",
    "According to this paper (doi:10.1056/NEJMoa2032994) the effect lasted six weeks.",
    "Don't mix lithium with psychedelics, there is a real risk of seizures.",
    "My therapist recommended mindfulness and honestly it changed a lot for me.",
    "Vitamine D supplementen van 1000 IE per dag zijn in de winter vaak een goed idee.",
    "Ik weet niet of het bij jou ook zo werkt, iedereen is natuurlijk anders.",
    "De wachtlijsten in de ggz zijn echt absurd lang, ik wachtte acht maanden.",
    "Lees ook [dit artikel](https://pubmed.ncbi.nlm.nih.gov/33852780/) over de resultaten.",
    "Ons team won met 3-1 en we hadden 64% balbezit, wat een wedstrijd.",
    "Omega-3 zou volgens sommigen helpen tegen somberheid, maar het bewijs is zwak.",
    "Ik gebruik al jaren cbd-olie tegen mijn slaapproblemen en voel me stukken beter.",
    "Is het veilig om ayahuasca te nemen als je antidepressiva slikt?",
    "Wees lief voor jezelf, herstel gaat met ups en downs.",
    "Een op de vijf mensen krijgt ooit in zijn leven een depressie.",
]
FILLER = ("en dan verder ook nog wel het idee dat je gewoon rustig aan moet doen "
          "because everyone is different and that is fine really").split()


def make_answers(n, seed=20261127):
    rng = random.Random(seed)
    answers = []
    for _ in range(n):
        parts = []
        words = 0
        while words < 200:
            if rng.random() < 0.8:
                s = rng.choice(SENTENCES)
                if rng.random() < 0.2:
                    s = s.lower()
            else:
                s = " ".join(rng.choice(FILLER) for _ in range(rng.randint(5, 15))).capitalize() + "."
            parts.append(s)
            words += len(s.split())
            if rng.random() < 0.25:
                parts.append("\n\n")
        answers.append(" ".join(parts))
    return answers


def _rate(answers, rules):
    """Answers per second by the wall clock, and by this process's CPU time."""
    wall, cpu = time.perf_counter(), time.process_time()
    for text in answers:
        assess(text, rules)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return len(answers) / wall, len(answers) / max(cpu, 1e-9), cpu / wall


# The goal (≥ 1,000 answers/s) is measured by `make bench`; a timed test on a shared CI machine
# only guards against a large regression (a quadratic rule, a model ten times slower), judged by CPU
# time. CPU time still stretches when other jobs share the cores (their caches, hyperthreads): 1,200/s
# quiet read 400/s with a load of ten, so the floor sits below that.
REGRESSION_FLOOR = 250
# Answers timed (the bench times thousands), in runs of SPEED_RUN: a fifth of a CPU second each at 500/s.
SPEED_SAMPLE = 500
SPEED_RUN = 100


def test_throughput_stays_above_a_regression_floor(capsys):
    rules = default_rules()
    answers = make_answers(SPEED_SAMPLE)
    avg_words = sum(len(a.split()) for a in answers) / len(answers)
    assert 180 <= avg_words <= 260
    assert sum(assess(a, rules).health_claim for a in answers[:50]) > 0
    # The best of several short runs by CPU time: on a busy machine a short run is likelier to find the
    # core to itself, so other work (which slows this process's CPU time too) does not fail the build.
    runs = [_rate(answers[start:start + SPEED_RUN], rules) for _ in range(2) for start in range(0, SPEED_SAMPLE, SPEED_RUN)]
    wall_rate, cpu_rate, share = max(runs, key=lambda run: run[1])
    with capsys.disabled():
        print(f"\n[speed] {wall_rate:,.0f} answers/s wall clock, {cpu_rate:,.0f}/s per CPU second "
              f"({avg_words:.0f} words each, one core, {share:.0%} of a core)")
    assert cpu_rate >= REGRESSION_FLOOR
