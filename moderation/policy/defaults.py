"""The default rule set shipped by the data migration.

Phrases follow the :class:`~moderation.policy.model.Term` syntax: case and
diacritics do not matter, ``*`` at the end means "and any continuation"
(Dutch compounds and inflections), ``*`` at the start means "any word ending
in this" (``*kanker`` = longkanker, borstkanker), a hyphen also matches a
space or nothing (``burn-out`` = burnout = burn out).

Weights: 1.0 is a clear signal or topic; lower weights are for words that are
often used outside health ("werkt", "therapie", "klachten") so that they only
count together with something stronger.  See docs/POLICY.md.
"""

from __future__ import annotations

from functools import lru_cache

from .model import SourceDomain, SourceKind, Term, TermKind
from .rules import Rules

__all__ = ["DEFAULT_TERMS", "DEFAULT_DOMAINS", "DEFAULT_THRESHOLD", "default_rules"]

DEFAULT_THRESHOLD = 2.0

K = TermKind


def _terms(kind: TermKind, language: str, weight: float, phrases: str) -> list[Term]:
    """One Term per line (or per ``|``-separated item) of ``phrases``."""
    out = []
    for line in phrases.strip().splitlines():
        for phrase in line.split("|"):
            phrase = phrase.strip()
            if phrase:
                out.append(Term(phrase, kind, language, weight))
    return out


_T: list[Term] = []

# ---------------------------------------------------------------- substances
_T += _terms(K.SUBSTANCE, "", 1.0, """
psilocybine | psilocybin | psilocine | psilocin | paddo* | magic mushroom* | shroom*
magische paddenstoel* | magic truffel* | magic truffle* | truffels | truffel
lsd | microdos* | mdma | xtc | ecstasy | ayahuasca | dmt | 5-meo-dmt | ibogaine | iboga
mescaline | peyote | san pedro | ketamine | ketamin | esketamine | spravato
psychedelica | psychedelic* | psychedelisch* | hallucinogen* | entheogen*
cannabis | wiet | hasj | marihuana | marijuana | thc | cbd | cbd-olie | cbd olie | kratom
lachgas | ghb | 2c-b | cocaine | heroine | amfetamine* | amphetamine* | methamfetamine | crystal meth
meth | opium | kava
medicijn* | *medicijn* | medicatie | *medicatie | medicament* | medication* | medicine*
meds | geneesmiddel* | *geneesmiddel* | pil | pillen | pill | pills | de pil
antidepressiva | antidepressivum | antidepressant* | anti-depressiva | ssri | ssri's | ssris
snri* | maoi* | tca's | tricyclische
sertraline | zoloft | paroxetine | seroxat | paxil | fluoxetine | prozac | citalopram
escitalopram | lexapro | cipramil | cipralex | venlafaxine | efexor | effexor | duloxetine
cymbalta | mirtazapine | remeron | bupropion | wellbutrin | zyban | amitriptyline
nortriptyline | clomipramine | trazodon* | agomelatine | vortioxetine | brintellix
lithium | lamotrigine | lamictal | valproaat | valproate | depakine | quetiapine | seroquel
olanzapine | zyprexa | aripiprazol* | abilify | risperidon* | risperdal | haloperidol
clozapine | antipsychotica | antipsychotic* | antipsychoticum
benzodiazepine* | benzo's | benzos | benzo | oxazepam | seresta | diazepam | valium
lorazepam | temesta | temazepam | alprazolam | xanax | clonazepam | rivotril | zolpidem
zopiclon* | slaappil* | slaapmiddel* | slaaptablet* | kalmeringsmiddel* | sleeping pill*
methylfenidaat | methylphenidate | ritalin | concerta | medikinet | dexamfetamine
lisdexamfetamine | adderall | elvanse | vyvanse | modafinil | atomoxetine | strattera
pijnstiller* | painkiller* | paracetamol | acetaminophen | tylenol | ibuprofen | advil
aspirine | aspirin | naproxen | diclofenac | voltaren | tramadol | oxycodon | oxycodone
oxycontin | codeine | morfine | morphine | opioid* | opiaten | opiates | fentanyl
methadon* | buprenorfine | buprenorphine | suboxone | naltrexon* | antabuse | disulfiram
antibiotica | antibioticum | antibiotic* | amoxicilline | amoxicillin | statine* | statin*
metformine | metformin | insuline | insulin | ozempic | semaglutide | wegovy
bloedverdunner* | blood thinner* | anticoagulant* | propranolol | betablokker* | bètablokker*
beta blocker* | beta-blocker* | prednison | prednisone | corticosteroid* | cortison*
hormoontherapie | hormone therapy | anticonceptie | levothyroxine | thyrax
melatonine | melatonin | vaccin* | *vaccin* | vaccine* | inenting* | vaccinatie*
chemo | chemokuur | chemotherap* | bestraling* | radiotherap* | immunotherap*
supplement* | *supplement* | vitamine* | vitamin* | multivitamine* | multivitamin*
magnesium | zink | zinc | ijzertablet* | iron supplement* | omega-3 | omega 3 | visolie
fish oil | krillolie | probiotica | probiotic* | prebiotica | kurkuma | curcuma | curcumine
curcumin | turmeric | ashwagandha | sint-janskruid | st john's wort | st. john's wort
saint john's wort | valeriaan | valerian | lion's mane | lions mane | rhodiola | ginkgo
ginseng | 5-htp | l-theanine | l-theanine | theanine | creatine | gaba | sam-e | nac
n-acetylcysteine | homeopath* | homeopathie | homeopathisch* | etherische olie*
essential oil* | kruidenthee | kruidenmiddel* | herbal remed* | natuurlijke middelen
natural remed* | cafeine | caffeine | nicotine | nicotinepleister* | alcohol
""")
_T += _terms(K.SUBSTANCE, "", 0.8, """
therapie | *therapie | therapy | *therapy | therapieen | therapies | behandeling*
treatment* | emdr | cgt | cognitieve gedragstherapie | cbt | act-therapie
elektroconvulsietherapie | electroconvulsive | tms | rtms | neurofeedback | psychotherap*
mindfulness | meditatie | mediteren | meditation | ademhalingsoefening* | breathwork
yoga | acupunctuur | acupuncture | detox | keto | ketogeen* | ketogenic | vasten | fasting
intermittent fasting | dieet | diet | kuur | operatie | surgery | drugs | middelen
lichttherapie | koude douche* | cold shower* | sauna | sporten | hardlopen | exercise
beweging | bewegen | wandelen
""")
_T += _terms(K.SUBSTANCE, "", 0.5, """
tablet | tabletten | capsule* | druppels | kruiden | koffie | coffee | thee | suiker | sugar
roken | smoking | sigaret* | vapen | alcoholgebruik
""")

# ---------------------------------------------------------------- conditions
_T += _terms(K.CONDITION, "", 1.0, """
burn-out* | burnout* | overspannen* | overspanning* | overwerkt
depress* | dysthym* | somberheid | neerslachtig*
angst* | anxi* | paniekaanval* | paniekstoornis* | panic attack* | panic disorder*
fobie* | phobi* | sociale fobie | ocd | dwangstoornis* | dwanggedachte* | obsessive-compulsive
ptss | ptsd | post-traumatische stress* | posttraumatische stress* | posttraumatic stress*
post-traumatic stress* | adhd | autis* | asperger* | bipola* | manisch* | manie | mania
schizofren* | schizophren* | psychose* | psychosis | psychoses | psychotisch* | psychotic
borderline | persoonlijkheidsstoornis* | personality disorder*
eetstoornis* | eating disorder* | anorexia | boulimia | bulimia | binge eating | eetbuien
verslav* | verslaafd* | addict* | alcoholis* | alcoholverslaving | drugsverslaving
suicid* | zelfmoord* | zelfdoding | suicidale | self-harm | zelfbeschadiging | automutilatie
slapeloosheid | insomnia | slaapproblem* | slaapstoornis* | sleep problem* | sleep disorder*
chronische pijn | chronic pain | hoofdpijn | headache* | migraine* | clusterhoofdpijn
cluster headache* | rugpijn | back pain | zenuwpijn | neuropath* | fibromyalg* | cvs | me/cvs
chronisch vermoeid* | chronic fatigue* | long covid | covid* | coronavirus | griep | influenza
*kanker* | cancer* | tumor* | tumour* | tumoren | leukemie | leukemia | lymfoom | lymphoma
melanoom | melanoma | uitzaaiing* | metasta*
diabet* | suikerziekte | hartziekte* | hart- en vaatziekte* | hartfalen | hartaanval*
hartinfarct* | heart disease* | heart attack* | cardiovascular | beroerte | herseninfarct*
hoge bloeddruk | high blood pressure | hypertensie | hypertension | cholesterol
obesitas | obesity | astma | asthma | copd | allerg* | eczeem | eczema | psoriasis | acne
artrose | artritis | arthritis | reuma* | rheumat* | alzheimer* | dementie | dementia
parkinson* | multiple sclerose | multiple sclerosis | epilep* | hiv | soa | soa's
infectie* | infection* | ontsteking* | inflammat* | crohn* | colitis | prikkelbare darm*
ibs | ibd | menopauze | menopause | overgangsklachten | pms | pmdd | endometriose
endometriosis | tinnitus | oorsuizen | hooikoorts | hay fever | long covid
psychische klachten | psychische problemen | mental illness | mental disorder*
trauma* | rouwverwerking
""")
_T += _terms(K.CONDITION, "", 0.7, """
stress* | pijn | pain | somber* | paniek* | panic | verkoudheid | common cold | corona
griepje | overgewicht | overweight | ziekte* | disease* | illness* | aandoening*
stoornis* | disorder* | psychisch* | burnt out | zwanger* | pregnan* | misselijk* | nausea
vermoeidheid | fatigue | concentratieproblem*
""")

# ---------------------------------------------------------------- outcomes
_T += _terms(K.OUTCOME, "", 1.0, """
remissie | remission | genezing | terugval | relapse | sterfte | mortaliteit | mortality
overlijden | levensverwachting | life expectancy | patient* | placebo | serotonine | serotonin
bloeddruk | blood pressure | bloedsuiker | blood sugar | ziekenhuisopname* | hospitali*
proefperson* | symptoomvermindering | symptoomreductie
""")
_T += _terms(K.OUTCOME, "", 0.7, """
symptom* | klachten | herstel | recovery | overleving | survival | dopamine | hersenen | brain
immuunsysteem | immune system | weerstand | hormon* | hormoon* | neuroplasticiteit
neuroplasticity | mentale gezondheid | psychische gezondheid | geestelijke gezondheid
mental health | stemming | mood | slaap* | slapen | sleep* | kwaliteit van leven
quality of life | ziekenhuis | hospital | deelnemers | participants | proefpersonen
lichaam | gezondheid | health | welzijn | wellbeing | well-being | lever | liver | nieren
kidneys | hart | heart | darmen | gut | ontwenningsverschijnselen
""")

# ---------------------------------------------------------------- effect claims
_T += _terms(K.EFFECT, "nl", 1.0, """
helpt | helpt bij | helpt tegen | helpt goed | helpt echt | helpt enorm | helpen bij
helpen tegen | werkt tegen | werkt bij | werkt goed | werkt beter | werkt beter dan | werkt echt
werkt uitstekend | werkt prima | werkzaam* | werkzaamheid | geneest | genezen | geneest van
geneeskrachtig* | heilzaam* | vermindert | verlicht | verhelpt | bestrijdt | voorkomt
beschermt tegen | effectief | effectiever | effectiviteit | doeltreffend* | positief effect
positieve effect* | positieve werking | gunstig effect | gunstige effect* | goed voor | goed tegen
wondermiddel* | verbetert | verbeteren | net zo goed als | even goed als | geneesmiddel tegen
therapeutisch* effect* | therapeutische werking | herstelt | heeft baat bij | hebben baat bij
baat bij | knap je van op | knapt op | tegengaan | gaat tegen | lost op | verdwijnt
helpt om | zorgt voor herstel | reset je brein | reset je hersenen
""")
_T += _terms(K.EFFECT, "nl", 0.8, """
verminderen | vermindering | verlichten | verzacht | bestrijden | beschermend* | verlaagt
kalmeert | kalmerend* | heelt | helend* | behandelt | effect op | effect hebben | werking
verbetering | voorkomen van | remt | remmen | stimuleert | versterkt | ontgift* | boost*
""")
_T += _terms(K.EFFECT, "nl", 0.7, """
helpen | werkt | verlagen | verhoogt | verhogen | behandelen | oplossing voor | ontspannend*
rustgevend* | reset* | opknappen | effecten | beter dan | zorgt voor | werkt als
""")
_T += _terms(K.EFFECT, "en", 1.0, """
helps | helps with | helps against | help with | help against | can help | may help
works against | works well | works better | works better than | works great
effective | effectiveness | efficacy | efficacious | cures | cure | curing | reduces | relieves
alleviates | improves | prevents | protects against | beneficial | good for | good against
miracle cure | get rid of | gets rid of | reverses | heals | treats | combats | fights
lowers | boosts your | resets your brain | rewires your brain | is the answer to
""")
_T += _terms(K.EFFECT, "en", 0.8, """
might help | could help | reduce | relieve | alleviate | eases | improve | prevent | healing
heal | treat | boost | boosts | therapeutic | benefits | reduction | relief | improvement*
""")
_T += _terms(K.EFFECT, "en", 0.7, """
help | works | better than | as good as | fixes | kills | resets | rewires | effects
""")

# ---------------------------------------------------------------- evidence claims
_T += _terms(K.EVIDENCE, "nl", 1.0, """
bewezen | wetenschappelijk bewezen | klinisch bewezen | aangetoond | toont aan | tonen aan
uit onderzoek blijkt | uit studies blijkt | onderzoek toont | onderzoek laat zien
onderzoeken tonen | onderzoeken laten zien | studies tonen | studies laten zien
wetenschap zegt | klinische studie* | klinische trial* | meta-analyse* | rct | rct's
gerandomiseerd* | dubbelblind* | placebogecontroleerd* | placebo-gecontroleerd*
""")
_T += _terms(K.EVIDENCE, "nl", 0.7, """
bewijs | wetenschappelijk* | klinisch* | laat zien dat | laten zien dat | blijkt dat
""")
_T += _terms(K.EVIDENCE, "nl", 0.5, "onderzoek | onderzoeken | studie | studies")
_T += _terms(K.EVIDENCE, "en", 1.0, """
proven | is proven | scientifically proven | clinically proven | evidence shows
evidence suggests | studies show | studies suggest | research shows | research suggests
research has shown | science shows | science says | clinical trial* | randomised
randomized | double-blind* | placebo-controlled | meta-analys* | shown to | demonstrated
according to research | according to studies
""")
_T += _terms(K.EVIDENCE, "en", 0.7, "evidence | scientific* | clinically")
_T += _terms(K.EVIDENCE, "en", 0.5, "study | research | trial | trials")

# ---------------------------------------------------------------- advice
_T += _terms(K.ADVICE, "nl", 1.0, """
aanrader | echt een aanrader | raad ik aan | raad ik je aan | raad ik iedereen aan
ik raad iedereen | aan te raden | moet je proberen | moet je echt proberen
zou ik zeker proberen | stop gewoon met | gewoon stoppen met | neem gewoon
""")
_T += _terms(K.ADVICE, "nl", 0.8, """
ik raad je aan | aanbevolen | aanbevelen | probeer eens | probeer het eens | zou ik proberen
stop met | stoppen met | neem dan
""")
_T += _terms(K.ADVICE, "nl", 0.5, "probeer | proberen | aanbeveling")
_T += _terms(K.ADVICE, "en", 1.0, """
i recommend | i'd recommend | i would recommend | highly recommend | you should try
you should take | try taking | must try | stop taking | quit taking | you need to take
""")
_T += _terms(K.ADVICE, "en", 0.8, "recommend | recommended | worth trying | worth a try | should try")
_T += _terms(K.ADVICE, "en", 0.5, "try")

# ---------------------------------------------------------------- risk claims
_T += _terms(K.RISK, "nl", 1.0, """
bijwerking* | interactie* | wisselwerking* | gevaarlijk* | gevaar | riskant | risico op
verhoogd risico | verhoogt het risico | verlaagt het risico | vergroot het risico
verkleint het risico | contra-indicatie* | contraindicatie* | niet combineren
combineer nooit | nooit combineren | nooit samen | niet samen met | veilig | veiliger
onveilig | veilige dosis | toxisch* | giftig* | overdosis | overdoseren | verslavend*
schadelijk* | hersenschade | leverschade | nierschade | serotoninesyndroom
serotonine syndroom | hartritmestoornis* | dodelijk* | fataal | levensgevaarlijk
psychose uitlokken | slecht voor | werkt averechts | lichamelijke afhankelijkheid
ontwenning* | afkickverschijnselen | veroorzaakt | veroorzaken | kan leiden tot | uitlokken
lokt uit | triggert
""")
_T += _terms(K.RISK, "nl", 0.8, "risico | risico's | leidt tot | afhankelijkheid")
_T += _terms(K.RISK, "nl", 0.6, "kans op | schade | waarschuwing | afkicken")
_T += _terms(K.RISK, "en", 1.0, """
side effect* | side-effect* | adverse effect* | adverse event* | interaction* | dangerous
danger | risky | risk of | increased risk | increases the risk | lowers the risk
reduces the risk | higher risk | contraindicat* | never combine | do not combine | don't combine
do not mix | don't mix | never mix | safe | safer | unsafe | safety | toxic | toxicity
overdose | addictive | harmful | brain damage | liver damage | kidney damage
serotonin syndrome | deadly | lethal | fatal | bad for | withdrawal | dependence | dependency
causes | can cause | may cause | can lead to | triggers | can trigger
""")
_T += _terms(K.RISK, "en", 0.8, "risk | risks | leads to")
_T += _terms(K.RISK, "en", 0.6, "damage | warning")

# ---------------------------------------------------------------- doses
_T += _terms(K.DOSE, "", 1.0, """
microdosis | microdose* | microdosering* | microdoseren | macrodosis | heroic dose
dosering* | doseringen | dosage* | dosis per | hoge dosis | lage dosis | high dose | low dose
startdosis | starting dose | onderhoudsdosis | maintenance dose | maximale dosis
maximum dose | afbouwschema | tapering schedule
""")
_T += _terms(K.DOSE, "", 0.7, "dosis | dose | doses | afbouwen | afgebouwd | taper* | innemen | take with")

# ---------------------------------------------------------------- statistics
_T += _terms(K.STATISTIC, "", 1.0, """
odds ratio | hazard ratio | relatief risico | relative risk | absoluut risico | absolute risk
number needed to treat | nnt | effectgrootte | effect size | betrouwbaarheidsinterval
confidence interval | statistisch significant | statistically significant | verdubbelt het risico
doubles the risk | halveert het risico | halves the risk | kans verdubbelt | kans halveert
""")
_T += _terms(K.STATISTIC, "", 0.7, "significant | significante | verdubbelt | halveert | doubles | halves")

# ---------------------------------------------------------------- experience
_T += _terms(K.EXPERIENCE, "nl", 1.0, """
bij mij | voor mij | in mijn geval | mijn ervaring | mijn ervaringen | uit ervaring | ervaringsdeskundige
ik merkte | ik merk | merkte ik | merk ik | gemerkt | ik voelde | voelde ik | ik voel me
ik heb zelf | ik heb het zelf | zelf ervaren | zelf gemerkt | ik gebruik | ik gebruikte
gebruik ik | ik slik | ik slikte | slik ik | ik nam | nam ik | ik neem | neem ik | ik heb genomen
ik probeerde | ik heb geprobeerd | heb ik geprobeerd | hielp mij | hielp me
hielp | hielpen | heeft geholpen | geholpen | werkte | werkten | genas | verdween | verdwenen
knapte op | ging beter | voelde me beter | helpt mij | helpt me | werkt voor mij | werkt bij mij
heeft mij | heeft me | had ik | ik had | ik kreeg | kreeg ik | mijn psychiater schreef
""")
_T += _terms(K.EXPERIENCE, "en", 1.0, """
for me | in my case | in my experience | my experience | i noticed | i notice
i felt | i feel better | i tried | i've tried | i have tried | i take | i took | i've been taking
i have been taking | i used | i use | i've used | i'm on | i was on | helped me | helped
worked for me | works for me | worked | cured me | it saved my life | saved my life
i had | i got | i've had
""")

# ---------------------------------------------------------------- general
_T += _terms(K.GENERAL, "nl", 1.0, """
iedereen | de meeste mensen | veel mensen | heel veel mensen | duizenden mensen | mensen met
bij iedereen | in het algemeen | over het algemeen | gemiddeld
""")
_T += _terms(K.GENERAL, "en", 1.0, """
everyone | everybody | most people | many people | lots of people | thousands of people
people with | in general | generally | on average
""")

# ---------------------------------------------------------------- questions
_T += _terms(K.QUESTION, "nl", 1.0, """
weet iemand | weet er iemand | heeft iemand | heeft er iemand | iemand ervaring
iemand die ervaring | zijn er mensen die | ik vraag me af | vraag me af | ik vroeg me af
ik weet niet of | weet niet of | is het waar dat | klopt het dat | klopt het dat
mijn vraag | vraag is | kan iemand
""")
_T += _terms(K.QUESTION, "en", 1.0, """
does anyone | did anyone | has anyone | anyone know | anyone tried | anyone have
does anybody | has anybody | i wonder | i was wondering | wondering if | wondering whether
not sure if | not sure whether | is it true that | can someone | can anyone | my question
""")

# ---------------------------------------------------------------- not claims
_T += _terms(K.IGNORE, "", 0.0, """
hoop dat dit helpt | hoop dat het helpt | hoop dat het je helpt | hopelijk helpt dit
hopelijk helpt het | hopelijk heb je hier iets aan | hope this helps | hope it helps
hope that helps | hopefully this helps | dit helpt me verder | thanks for the help
bedankt voor je hulp | veilig thuis | veilige omgeving | safe space | stay safe
veilige haven | blijf veilig | veilig gevoel | pas goed op jezelf | take care
helpt me verder | helpt je verder | helpt je op weg | helpt me op weg | hoop dat je er iets aan hebt
risico's nemen | take risks | kans op succes | geen dank | ik neem aan | neem ik aan
neem aan dat | i take it
""")

DEFAULT_TERMS: tuple[Term, ...] = tuple(_T)
del _T

# ---------------------------------------------------------------- domains
_SCHOLARLY = """
doi.org dx.doi.org pubmed.ncbi.nlm.nih.gov ncbi.nlm.nih.gov europepmc.org cochranelibrary.com
cochrane.org nejm.org thelancet.com bmj.com jamanetwork.com nature.com science.org cell.com
sciencedirect.com springer.com link.springer.com springeropen.com biomedcentral.com wiley.com
onlinelibrary.wiley.com frontiersin.org plos.org journals.plos.org tandfonline.com sagepub.com
journals.sagepub.com academic.oup.com cambridge.org karger.com thieme-connect.com
ahajournals.org psychiatryonline.org acpjournals.org annals.org pnas.org elifesciences.org
jci.org journals.lww.com mdpi.com cmaj.ca mja.com.au psycnet.apa.org ntvg.nl
tijdschriftvoorpsychiatrie.nl henw.org arxiv.org medrxiv.org biorxiv.org psyarxiv.com
clinicaltrials.gov trialsearch.who.int scholar.archive.org jmir.org
"""
_OFFICIAL = """
who.int rivm.nl thuisarts.nl nhs.uk nih.gov cdc.gov fda.gov nice.org.uk ema.europa.eu
ecdc.europa.eu euda.europa.eu emcdda.europa.eu cbg-meb.nl geneesmiddeleninformatiebank.nl
gezondheidsraad.nl trimbos.nl drugsinfo.nl lareb.nl apotheek.nl farmacotherapeutischkompas.nl
nhg.org richtlijnen.nhg.org ggzstandaarden.nl richtlijnendatabase.nl government.nl
rijksoverheid.nl overheid.nl zorginstituutnederland.nl kennisbank.zorginstituutnederland.nl
kanker.nl kwf.nl iknl.nl hartstichting.nl diabetesfonds.nl longfonds.nl alzheimer-nederland.nl
jellinek.nl 113.nl mind.org.uk gov.uk medlineplus.gov hhs.gov samhsa.gov mayoclinic.org
gezondheidenwetenschap.be sciensano.be fagg-afmps.be zorg-en-gezondheid.be vlaanderen.be
belgium.be nvvp.net psychiatrie.nl nvp.nl mentalhealtheurope.org unodc.org
"""
_BLOCKED = """
bit.ly bitly.com tinyurl.com t.co goo.gl ow.ly is.gd buff.ly rebrand.ly cutt.ly shorturl.at
tiny.cc rb.gy t.ly s.id lnkd.in amzn.to amzn.eu linktr.ee t.me wa.me
amazon.com amazon.nl amazon.de amazon.co.uk bol.com aliexpress.com alibaba.com wish.com
temu.com ebay.com ebay.nl marktplaats.nl etsy.com
naturalnews.com mercola.com infowars.com
"""


def _domains(kind: SourceKind, names: str) -> list[SourceDomain]:
    return [SourceDomain(d, kind) for d in names.split()]


DEFAULT_DOMAINS: tuple[SourceDomain, ...] = tuple(
    _domains(SourceKind.SCHOLARLY, _SCHOLARLY)
    + _domains(SourceKind.OFFICIAL, _OFFICIAL)
    + _domains(SourceKind.BLOCKED, _BLOCKED)
)


@lru_cache(maxsize=1)
def default_rules() -> Rules:
    """The default :class:`Rules` (built once and shared: it is immutable)."""
    return Rules(terms=DEFAULT_TERMS, domains=DEFAULT_DOMAINS, threshold=DEFAULT_THRESHOLD)
