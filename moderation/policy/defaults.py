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
cannabis | cannabisgebruik | cannabisolie | wietgebruik | drugsgebruik | alcoholgebruik
wiet | hasj | marihuana | marijuana | blowen | joint | jointje* | blunt | thc | cbd | cbd-olie | cbd olie | kratom
lachgas | ghb | 2c-b | cocaine | heroine | amfetamine* | amphetamine* | methamfetamine | crystal meth
meth | opium | kava
de pil
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
hormoontherapie | hormone therapy | anticonceptie* | levothyroxine | thyrax
melatonine | melatonin | vaccin* | *vaccin* | vaccine* | inenting* | vaccinatie*
chemo | chemokuur | chemotherap* | bestraling* | radiotherap* | immunotherap*
vitamine* | vitamin* | multivitamine* | multivitamin*
magnesium | zink | zinc | ijzertablet* | iron supplement* | omega-3 | omega 3 | visolie
fish oil | krillolie | probiotica | probiotic* | prebiotica | kurkuma | curcuma | curcumine
curcumin | turmeric | ashwagandha | sint-janskruid | st john's wort | st. john's wort
saint john's wort | valeriaan | valerian | lion's mane | lions mane | rhodiola | ginkgo
ginseng | 5-htp | l-theanine | l-theanine | theanine | creatine | gaba | sam-e | nac
n-acetylcysteine | homeopath* | homeopathie | homeopathisch* | etherische olie*
essential oil* | kruidenthee | kruidenmiddel* | herbal remed* | natuurlijke middelen
natural remed* | cafeine | caffeine | nicotine | nicotinepleister* | alcohol
""")
_T += _terms(K.SUBSTANCE, "", 0.9, """
medicijn* | *medicijn* | medicatie | *medicatie | medicament* | medication* | medicine* | meds
geneesmiddel* | *geneesmiddel* | pil | pillen | pill | pills | supplement* | *supplement*
""")
_T += _terms(K.SUBSTANCE, "", 0.8, """
therapie | *therapie | therapy | *therapy | therapieen | therapies | behandeling*
treatment* | emdr | cgt | cognitieve gedragstherapie | cbt | act-therapie | ect | elektroshock*
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
vermoeidheid | fatigue | concentratieproblem* | *tekort | deficien*
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
immuunsysteem | immune system | weerstand | cortisol | hartslag | heart rate | stresshormo* | hormon* | hormoon* | neuroplasticiteit
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
beschermt tegen | effecti* | doeltreffend* | positief effect
positieve effect* | positieve werking | gunstig* effect* | gunstige werking | goed voor | goed tegen
wondermiddel* | verbetert | verbeteren | net zo goed als | even goed als | geneesmiddel tegen
therapeutisch* effect* | therapeutische werking | herstelt | heeft baat bij | hebben baat bij
baat bij | knap je van op | knapt op | tegengaan | gaat tegen | lost op | verdwijnt
helpt om | zorgt voor herstel | reset je brein | reset je hersenen
ontstekingsremmend* | pijnstillend* | angstremmend* | angstdempend* | antidepressief
antidepressieve werking | kalmerende werking | antibacterieel | antiviraal | antiviral
anti-inflammatoir* | anti-inflammatory | antibacterial | anti-kanker | anticancer
kan helpen bij | kan helpen tegen | zou kunnen helpen | beste behandeling* | beste middel*
beste medicijn* | beste remedie | het beste tegen | het beste bij | werkt het best | werkt het beste
natuurlijk alternatief | bij uitstek | goede aanvulling | werkt wonderen | doet wonderen
werken bij | werken tegen | werken goed
""")
_T += _terms(K.EFFECT, "nl", 0.8, """
verminderen | vermindering | verlichten | verzacht | bestrijden | beschermend* | verlaagt
kalmeert | kalmerend* | heelt | helend* | behandelt | effect op | effect hebben | werking
verbetering | voorkomen van | remt | remmen | stimuleert | versterkt | ontgift* | boost*
verminderde | verbeterde | verlaagde | verlichtte
""")
_T += _terms(K.EFFECT, "nl", 0.3, "tegen | goed bij")
_T += _terms(K.EFFECT, "", 0.7, """
werkt niet | werken niet | helpt niet | helpen niet | doesn't work | does not work | don't work
do not work | doesn't help | does not help | don't help
""")
_T += _terms(K.EFFECT, "", 0.7, "alternatief voor | alternative to | alternative for")
_T += _terms(K.EFFECT, "", 0.8, "doorbraak | breakthrough | game changer | gamechanger")
_T += _terms(K.EFFECT, "nl", 0.7, """
helpen | werkt | werken | verlagen | verhoogt | verhogen | behandelen | oplossing voor | ontspannend*
rustgevend* | reset* | opknappen | effecten | beter dan | zorgt voor | werkt als
""")
_T += _terms(K.EFFECT, "en", 1.0, """
helps | helps with | helps against | help with | help against | can help | may help
works against | works well | works better | works better than | works great
effective | effectiveness | efficacy | efficacious | cures | cure | curing | reduces | relieves
alleviates | improves | prevents | protects against | beneficial | good for | good against
miracle cure | get rid of | gets rid of | reverses | heals | treats | combats | fights
lowers | boosts your | resets your brain | rewires your brain | is the answer to
might help with | could help with | may help with | can help with | might help against
works for | best treatment* | best remedy | best medicine | the best thing for
works wonders | does wonders | natural alternative | first-line treatment | work for
anti-anxiety | antidepressant effect* | pain relief | pain-relieving | calming effect
""")
_T += _terms(K.EFFECT, "en", 0.8, """
might help | could help | reduce | relieve | alleviate | eases | improve | prevent | healing
heal | treat | boost | boosts | therapeutic | benefits | reduction | relief | improvement*
reduced | improved | decreased | lowered | alleviated | relieved
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
goedgekeurd voor | geregistreerd voor | erkend als behandeling | dan placebo | beter dan placebo
eerste keus | eerstekeusbehandeling | gouden standaard | volgens de richtlijn
""")
_T += _terms(K.EVIDENCE, "nl", 0.7, """
goedgekeurd | bewijs | wetenschappelijk* | klinisch* | laat zien dat | laten zien dat | blijkt dat
""")
_T += _terms(K.EVIDENCE, "nl", 0.5, "onderzoek | onderzoeken | studie | studies")
_T += _terms(K.EVIDENCE, "en", 1.0, """
proven | is proven | scientifically proven | clinically proven | evidence shows
evidence suggests | studies show | studies suggest | research shows | research suggests
research has shown | science shows | science says | clinical trial* | randomised
randomized | double-blind* | placebo-controlled | meta-analys* | shown to | demonstrated
according to research | according to studies | than placebo | gold standard | first-line | approved for | fda approved | fda-approved
""")
_T += _terms(K.EVIDENCE, "en", 0.7, "evidence | scientific* | clinically | approved")
_T += _terms(K.EVIDENCE, "en", 0.5, "study | research | trial | trials")

# ---------------------------------------------------------------- advice
_T += _terms(K.ADVICE, "nl", 1.0, """
aanrader | echt een aanrader | raad ik aan | raad ik je aan | raad ik iedereen aan
ik raad iedereen | aan te raden | moet je proberen | moet je echt proberen
zou ik zeker proberen | stop gewoon met | gewoon stoppen met | neem gewoon | kun je het beste
je kunt het beste | kan je het beste | nooit nemen | never take | best to take
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
bijwerking* | interactie* | wisselwerking* | interageert | interageren | gevaarlijk* | gevaar | riskant* | risico op
verhoogd risico | verhoogt het risico | verlaagt het risico | vergroot het risico
verkleint het risico | contra-indicatie* | contraindicatie* | niet combineren
combineer nooit | nooit combineren | nooit samen | niet samen met | veilig* | veiliger
onveilig* | veilige dosis | toxisch* | giftig* | overdosis | overdoseren | verslavend*
schadelijk* | hersenschade | leverschade | nierschade | serotoninesyndroom
serotonine syndroom | hartritmestoornis* | beschadigt | beschadigen | grotere kans | hogere kans | verhoogde kans
kleinere kans | lagere kans | meer kans op | minder kans op | dodelijk* | fataal | fatale | levensgevaarlijk*
psychose uitlokken | slecht voor | werkt averechts | lichamelijke afhankelijkheid
ontwenning* | afkickverschijnselen | veroorzaakt | veroorzaken | kan leiden tot | uitlokken
lokt uit | triggert | verergert | verergeren | verslechtert | verslechteren | maakt erger
maakt het erger | maken het erger | maakt het alleen maar erger | maken het alleen maar erger
""")
_T += _terms(K.RISK, "nl", 0.8, "risico | risico's | leidt tot | afhankelijkheid")
_T += _terms(K.RISK, "nl", 0.6, "kans op | schade | waarschuwing | afkicken | pas op | oppassen")
_T += _terms(K.RISK, "nl", 0.8, "voorzichtig met | let op met | erger | overleden | gestorven | doodgegaan")
_T += _terms(K.RISK, "en", 1.0, """
side effect* | side-effect* | adverse effect* | adverse event* | interaction* | interact
interacts | dangerous
danger | risky | risk of | increased risk | increases the risk | lowers the risk
reduces the risk | higher risk | contraindicat* | never combine | do not combine | don't combine
do not mix | don't mix | never mix | safe | safer | unsafe | safety | toxic | toxicity
overdose | addictive | harmful | brain damage | liver damage | kidney damage
serotonin syndrome | deadly | lethal | fatal | bad for | withdrawal | dependence | dependency
causes | can cause | may cause | can lead to | triggers | can trigger | worsens | worsen
higher chance | greater chance | more likely to | less likely to | lower chance | damages
makes it worse | make it worse | makes things worse | do not cause | does not cause | don't cause
doesn't cause | veroorzaakt geen | veroorzaken geen
""")
_T += _terms(K.RISK, "en", 0.8, "risk | risks | leads to | cause")
_T += _terms(K.RISK, "en", 0.6, "damage | warning | be careful")
_T += _terms(K.RISK, "en", 0.8, "careful with | worse | died | death | deaths | can increase | may increase")

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
number needed to treat | nnt | effectgrootte | effect size | success rate* | response rate*
remission rate* | cure rate* | relapse rate* | succespercentage | slagingspercentage
genezingspercentage | responspercentage | kans op herstel | betrouwbaarheidsinterval
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
# somebody else's story told by a member is testimony too
_T += _terms(K.EXPERIENCE, "nl", 1.0, """
mijn moeder | mijn vader | mijn oma | mijn opa | mijn zus | mijn broer | mijn vriend | mijn vriendin
mijn partner | mijn man | mijn vrouw | mijn dochter | mijn zoon | mijn kind | mijn kinderen
mijn collega | mijn neef | mijn nicht | mijn tante | mijn oom | mijn buurvrouw | mijn buurman
mijn schoonmoeder | mijn schoonvader | mijn moeder had | mijn ouders
""")
_T += _terms(K.EXPERIENCE, "en", 1.0, """
my mom | my mum | my mother | my dad | my father | my sister | my brother | my friend
my girlfriend | my boyfriend | my partner | my husband | my wife | my son | my daughter | my kid
my kids | my grandma | my grandpa | my grandmother | my grandfather | my aunt | my uncle
my cousin | my coworker | my colleague | my parents
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
bij iedereen | in het algemeen | over het algemeen
""")
_T += _terms(K.GENERAL, "en", 1.0, """
everyone | everybody | most people | many people | lots of people | thousands of people
people with | in general | generally | a lot of people | for most people
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
risico's nemen | take risks | kans op succes | geen dank | work for a | work for the | work for an
i work for | worked for a | worked for the | i'd recommend talking | i recommend talking
i would recommend talking | recommend talking | recommend asking | recommend seeing a | recommend speaking
raad je aan om met | raad je aan om naar | raad ik je aan om met | raad ik je aan om naar
ik raad je aan om met | ik raad je aan om naar | aanrader om met | aanrader om naar | goed voor jezelf | goed voor jezelf zorgen
goed voor je zorgen | goed voor elkaar | good for you | take good care | works for a | works for the
works for an | werkt voor een | werkt voor de | ik neem aan | neem ik aan
neem aan dat | i take it
""")

# ---------------------------------------------------------------- broader vocabulary
# (added after held-out round 2 showed recall, not precision, is the weak side;
# general phenomena, not the particular sentences: association wording, harm
# compounds, "great for", "go badly together", placebo statements, compounds)
_T += _terms(K.RISK, "", 1.0, """
linked to | associated with | associated to | correlated with | correlates with
gekoppeld aan | geassocieerd met | in verband gebracht met | verband tussen
samenhangt met | hangt samen met | *schade | gaan slecht samen | gaat slecht samen
gaan niet samen | gaat niet samen | gaan niet goed samen | don't go well together | don't mix well
do not go together | terrible for | harmful to | schadelijk voor | funest voor | desastreus voor
""")
_T += _terms(K.RISK, "", 0.7, "slechter | worse for | onschuldig | harmless | onschadelijk")
_T += _terms(K.EFFECT, "", 0.8, """
great for | amazing for | excellent for | awesome for | perfect for | wonderful for | fantastic for
geweldig voor | super voor | heel goed voor | ideaal voor | ideaal bij | ideaal tegen | top voor
""")
_T += _terms(K.EVIDENCE, "", 1.0, """
placebo-effect | placebo effect | placeboeffect | is placebo | just placebo | mostly placebo
puur placebo | gewoon placebo | vooral placebo | niet meer dan placebo | no better than placebo
niet beter dan placebo
""")
_T += _terms(K.RISK, "", 0.8, "oorzaak van | cause of | causes of")
_T += _terms(K.RISK, "", 0.8, "gewenning | tolerantie | tolerance | raak je gewend | raakt gewend")
_T += _terms(K.ADVICE, "", 0.8, "nooit langer dan | niet langer dan | no longer than | never longer than")
_T += _terms(K.EFFECT, "", 0.8, """
do nothing for | does nothing for | doet niks tegen | doet niets tegen | doet niks voor | doet niets voor
""")
_T += _terms(K.OUTCOME, "", 0.7, "biologische klok | biological clock | body clock")
_T += _terms(K.CONDITION, "", 1.0, """
mental health problem* | mental health issue* | mental health condition* | psychische aandoening*
psychische ziekte* | colds
""")
_T += _terms(K.EXPERIENCE, "", 1.0, """
sinds ik | since i | i started | ik begon | ik ben begonnen | started taking | begonnen met
""")
_T += _terms(K.EFFECT, "", 0.8, """
voel je je beter | voel je je snel beter | you'll feel better | you will feel better | makes you feel
natuurlijk antidepressivum | natural antidepressant | decreases | raises
""")
_T += _terms(K.EFFECT, "", 0.6, "increases | increase")
_T += _terms(K.CONDITION, "", 1.0, """
*verslaving* | *depressie | faalangst | verlatingsangst | doodsangst | smetvrees | hoogtevrees
*bloeding* | *infarct* | seizure* | convulsie* | stuip* | epileptische aanval*
astma-aanval* | migraineaanval* | aanvallen van paniek
""")
_T += _terms(K.CONDITION, "", 0.8, "*pijn | *ziekte | *ziekten")
_T += _terms(K.OUTCOME, "", 0.7, "*klachten")

# Drug names follow naming rules (INN stems), so unseen drugs are still
# recognised by their ending: fluoxetine, olanzapine, alprazolam, metoprolol ...
_T += _terms(K.SUBSTANCE, "", 1.0, """
*oxetine | *oxetin | *apine | *apin | *azepam | *azolam | *zolam | *sartan | *olol | *statine
*statin | *cilline | *cillin | *mycine | *mycin | *floxacine | *floxacin | *prazol | *prazole
*triptan | *profen | *coxib | *semide | *dipine | *barbital | *pentine | *pentin | *gabaline
*gabalin | *tiapine | *ipramine | *iptyline | *triptyline | *peridol | *azine | *voxamine
*idone | *idon | *tidine | *gliptine | *gliptin | *gliflozine | *gliflozin | *afil | *tinib
gabapentine | gabapentin | pregabaline | pregabalin | lyrica | omeprazol | pantoprazol
""")
_T += _terms(K.SUBSTANCE, "", 0.7, "wijn | rode wijn | bier | wine | red wine | beer")
_T += _terms(K.CONDITION, "", 1.0, """
hersenschudding | concussion | ziek | sick | koorts | fever | brain zaps | hartproblemen
heart problems | leverproblemen | liver problems
""")
_T += _terms(K.EFFECT, "", 0.8, "versterken | afremmen | lower your | lowers your | verzwakt | verzwakken")
_T += _terms(K.ADVICE, "", 0.8, "kun je beter | kan je beter | je kunt beter | you'd better | af te raden | afgeraden")

# wishes and encouragement: like testimony, they turn effect/risk wording in
# their clause into something other than a claim ("succes met afbouwen")
_T += _terms(K.SUPPORT, "nl", 1.0, """
succes met | veel succes | wat goed dat | wat fijn dat | benieuwd of | benieuwd hoe | hopelijk
ik hoop | hoop dat | blij dat | ik wens je | duimen | ik duim | sterkte met | beterschap
""")
_T += _terms(K.SUPPORT, "en", 1.0, """
fingers crossed | good luck | i hope | hope it | hope that | hopefully | so glad | glad to hear
wishing you | curious if | curious whether | keeping my fingers crossed
""")
_T += _terms(K.EXPERIENCE, "", 1.0, """
mijn eerste | my first | i'm on | i am on | for my | voor mijn | tegen mijn | against my | did nothing for
""")
# common side effects named as such
_T += _terms(K.RISK, "", 0.7, """
suf | sufheid | slaperig | duizelig* | drowsy | drowsiness | dizzy | dizziness | gewichtstoename
weight gain | kom je van aan | droge mond | dry mouth | hartkloppingen | palpitations
""")

# contraindications, interactions, guideline and myth-busting wording
_T += _terms(K.RISK, "", 1.0, """
niet geschikt | not suitable | niet aan te raden | not recommended | interferes with | interfere with
interfereert | beinvloedt de werking | affects how | vermindert de werking | reduces the effect
""")
_T += _terms(K.EVIDENCE, "", 0.8, """
wordt aangeraden | wordt geadviseerd | wordt aanbevolen | is recommended | is advised
should be offered | eerste stap | first step | myth | mythe | fabel | fabeltje | broodje aap
debunked | ontkracht | misverstand | misconception
""")
_T += _terms(K.STATISTIC, "", 0.7, "gemiddeld | on average | average | meestal | usually")
_T += _terms(K.CONDITION, "", 0.8, "*aandoening | *aandoeningen")

def _with_compounds(terms: list[Term]) -> list[Term]:
    """Single-word substance names of 7+ letters also match as the start of a
    compound (magnesium -> magnesiumcitraat, cannabis -> cannabisgebruik).
    Shorter names (pil, thc, meth) are left alone: too many unrelated words
    start with them."""
    out = []
    for t in terms:
        p = t.phrase
        if (t.kind is TermKind.SUBSTANCE and "*" not in p and " " not in p and "-" not in p
                and len(p) >= 7 and p.isalpha()):
            out.append(Term(p + "*", t.kind, t.language, t.weight))
        else:
            out.append(t)
    return out


_T = _with_compounds(_T)

_T += _terms(K.RISK, "", 1.0, """
slechte combinatie | gevaarlijke combinatie | bad combination | dangerous combination | bad combo
""")
_T += _terms(K.RISK, "", 0.7, """
gevoeliger voor | vatbaarder voor | vatbaar voor | more sensitive to | more prone to | prone to
""")
_T += _terms(K.EFFECT, "", 0.8, """
beste resultaten | goede resultaten | best results | good results | full effect | volle effect
volledige effect | weeks to work | weken voordat het werkt | to kick in | werkt pas
""")

DEFAULT_TERMS: tuple[Term, ...] = tuple({(t.phrase, t.kind, t.language): t for t in reversed(_T)}
                                        .values())[::-1]
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


DEFAULT_DOMAINS: tuple[SourceDomain, ...] = tuple({d.domain: d for d in reversed(
    _domains(SourceKind.SCHOLARLY, _SCHOLARLY)
    + _domains(SourceKind.OFFICIAL, _OFFICIAL)
    + _domains(SourceKind.BLOCKED, _BLOCKED))}.values())[::-1]


@lru_cache(maxsize=1)
def default_rules() -> Rules:
    """The default :class:`Rules` (built once and shared: it is immutable)."""
    return Rules(terms=DEFAULT_TERMS, domains=DEFAULT_DOMAINS, threshold=DEFAULT_THRESHOLD)
