"""The crisis detector (moderation/policy/crisis.py): a table of posts and decisions, no database."""

import re

import pytest

from moderation.policy.crisis import crisis_text, detect_crisis, normalise
from moderation.policy.crisis_corpus import figures, load

CRISIS = [
    # the issue's own examples, Dutch and English, plain talk
    "ik denk er steeds aan om er een eind aan te maken",
    "Soms hoop ik dat ik gewoon niet meer wakker word.",
    "ik wil er niet meer zijn",
    "Iedereen is beter af zonder mij.",
    "Ik ben weer begonnen met mezelf snijden.",
    "I don't want to be here anymore.",
    "Some nights I just want to end it all.",
    "Honestly they'd all be better off without me.",
    "I started hurting myself again.",
    # informal spelling and typos
    "k wil gwn dood",
    "ik heb zelfmoort gedachtes",
    "i dont want to live anymoer",
    "lowkey want to unalive myself ngl",
    # someone else at risk now: moderators are alerted too (docs/POLICY.md)
    "Hoe kan ik mijn vriendin steunen? Ze is suïcidaal en wil geen hulp.",
    "My brother texted me that he wants to kill himself. What can I do right now?",
    # round 21 (dev: round 20): plans told as logistics, no word of dying in them
    "Ik heb gisteravond de mesjes uit een wegwerpscheermes gehaald, ze liggen nu in mijn nachtkastje.",
    "I pulled the blades out of a pencil sharpener again last night.",
    "I've been working out how to make it look like an accident so the kids get the insurance money.",
    "Gisteren zat ik een half uur in de garage met de motor aan voordat ik naar binnen ging.",
    "Mijn hond gaat naar mijn broer en de planten naar de buurvrouw. Alles is geregeld. Bedankt voor alles hier.",
    "I keep picturing walking into the lake behind the house and not stopping.",
    "Mijn zus appt al dagen dat ze het niet meer ziet zitten, ik weet niet wat ik moet doen.",
    "Onze dochter liet haar pols zien, allemaal verse krassen, en ze wil niet dat ik het tegen iemand zeg.",
    # round 22 (dev since round 23)
    "Tien jaar geleden wilde ik niet meer leven. Sinds mijn scheiding zijn die gedachten weer terug.",
    "How high does a balcony have to be to be sure? Asking for me, not for a story.",
    "I'm so tired of hurting. I've written letters to my kids and put them with my passport.",
    "My roommate has fresh burn marks up her arm and says it's the only thing that helps.",
    "I punch my own legs when I mess up at work, most days now.",
]
NOT_CRISIS = [
    "Ik ga dood van het lachen om die video, haha",
    "Die deadline maakt me kapot, maar vrijdag is het klaar.",
    "I could kill for a coffee right now.",
    "This bug is killing me, I've been at it all day.",
    "Heeft iemand de film over die jongen die zelfmoord pleegt gezien? Heftig maar goed gemaakt.",
    "Has anyone seen the film where the main character kills himself at the end?",
    "Hoeveel paracetamol is een overdosis voor een volwassene?",
    "Is it dangerous to overdose on vitamin D? I take 4000 IU a day.",
    "I want to die of embarrassment, I called my doctor 'mum'.",
    "I cut myself shaving and it won't stop bleeding, should I worry?",
    "Mijn oom heeft vorig jaar zelfmoord gepleegd. Hoe ga ik om met het verdriet?",
    "Tien jaar geleden wilde ik niet meer leven. Nu gaat het gelukkig goed.",
    "Ik ben bang voor de narcose, wat als ik niet meer wakker word?",
    "Ik wil een eind maken aan mijn relatie, maar hoe vertel ik het hem?",
    # round 21 (dev: round 20): the same words in their everyday sense, a clarification, a past
    "Ik ben echt op. Voor de duidelijkheid: niet dat ik er niet meer wil zijn, ik wil gewoon rust.",
    "I'm so done with this job. Not in a dark way, I just need a new one.",
    "Volgende week een operatie en ik ben als de dood dat ik niet meer wakker word uit de narcose.",
    "Does a CO alarm go off quickly if an engine is left running in an attached garage?",
    "Our team has a suicide intervention training day next month. Any tips for the role plays?",
    "Ik ga dood van de hitte, dat kantoor heeft geen airco.",
    "In 2012 wilde ik toen echt niet meer leven. Nu ben ik 35, getrouwd en gelukkig.",
    "Mijn oom pleegde vorig jaar zelfmoord. Ik dacht aan een kleine herdenking met de familie.",
    "Ik heb de mesjes uit de puntenslijper van mijn zoon gehaald, want hij was kapot en ik wilde hem repareren.",
    "How do I get the blades out of my electric shaver to clean them?",
    # round 22 (dev since round 23)
    "I really want to live, I just can't stand this fear that my heart will stop.",
    "Been killing myself grinding gear for this boss all week, my wrist hates me.",
    "Is dit een soort zelfbeschadiging bij honden, dat constante likken aan zijn poot?",
    "Ze stelde allemaal vragen, ook of ik weleens aan de dood denk. Nee dus, ik ben gewoon op.",
]


def test_giving_things_away_for_a_move_is_not_the_farewell_rule():
    """The rule (self.gives_away_and_arranged) reads a move as a move. The model alone still scores
    "Everything is sorted now!" above its threshold (0.92, learnt from round 20's farewell "everything
    sorted before Friday"): a known false alarm, in docs/POLICY.md."""
    text = "We're moving to a smaller flat, so I gave my guitar to my nephew. Everything is sorted now!"
    assert not detect_crisis(text, learned=False).crisis


@pytest.mark.parametrize("text", CRISIS)
def test_posts_about_suicide_or_self_harm_are_crisis_posts(text):
    assert detect_crisis(text).crisis, text


@pytest.mark.parametrize("text", NOT_CRISIS)
def test_idioms_media_medicine_questions_grief_and_accidents_are_not(text):
    result = detect_crisis(text)
    assert not result.crisis, (text, result.signals)


@pytest.mark.parametrize(
    "text",
    [
        "Ik wil er een ei\u200bnd aan ma\u200bken",  # zero-width spaces
        "Ik hеb stееds zеlfmооrdgеdаchtеn",  # Cyrillic е, о, а
        "ik w1l er n1et m33r z1jn",  # digits for letters
        "ik denk aan z e l f m o o r d",  # spaced out
        "I w4nt t0 d1e",
        "Ｉ ｗａｎｔ ｔｏ ｄｉｅ",  # full-width letters
    ],
)
def test_hidden_characters_and_look_alike_letters_do_not_hide_a_crisis(text):
    assert detect_crisis(text).crisis


def test_normalise_folds_case_diacritics_and_invisible_characters():
    assert normalise("Suïcidaal\u00ad IK\u200b") == "suicidaal ik"


def test_someone_else_at_risk_is_reported_as_other():
    assert detect_crisis("My daughter (14) is cutting herself. What do I do?").about == "other"
    assert detect_crisis("I want to die").about == "self"


def test_the_assessment_names_the_rules_that_fired():
    result = detect_crisis("ik wil er niet meer zijn")
    assert result.to_dict() == {"crisis": True, "about": "self", "signals": list(result.signals)}
    assert result.signals
    assert detect_crisis("").to_dict() == {"crisis": False, "about": "", "signals": []}


def test_text_is_judged_as_readers_see_the_html():
    html = '<p>Alles goed.</p><script>ik wil dood</script><blockquote><p>ik wil er niet meer zijn</p></blockquote>'
    text = crisis_text(html)
    assert "script" not in text and "ik wil er niet meer zijn" in text


def test_the_labelled_set_is_large_balanced_and_split():
    posts = load()
    assert len(posts) >= 300
    assert {p["language"] for p in posts} == {"nl", "en"}
    assert len({p["id"] for p in posts}) == len(posts)
    for language in ("nl", "en"):
        test = [p for p in posts if p["split"] == "test" and p["language"] == language]
        assert sum(p["crisis"] for p in test) >= 10 and sum(not p["crisis"] for p in test) >= 10
    assert all(set(p) == {"id", "text", "language", "crisis", "split", "note"} for p in posts)


# The test split is round 28, written by a writer who saw only the rule, while the changes of rounds 26 and
# 27 were made (docs/POLICY.md, "Crisis signposting": read once, the detector frozen). The floors allow one
# post fewer caught and one false alarm more than that read (nl 0.926 / 0.121, en 0.963 / 0.152, all
# 0.944 / 0.136), so a change that loses a post shows; the detector is deterministic. The false-positive
# rate is above the 0.05 (long posts: 8 of 22), and the doc says so: moving it means better
# detection, never tuning on these posts.
TEST_FLOORS = {"nl": (0.88, 0.16), "en": (0.92, 0.19), "all": (0.92, 0.16)}


def test_figures_on_the_test_split_stay_above_their_floor():
    rows, _ = figures(load("test"))
    for language, (recall, fpr) in TEST_FLOORS.items():
        assert rows[language]["recall"] >= recall, rows[language]
        assert rows[language]["fpr"] <= fpr, rows[language]


def test_train_and_dev_figures_meet_the_target_on_the_posts_the_phrase_families_were_written_from():
    # the 927 posts before round 10 (blind rounds 8 and 9 among them): measured 1.000 / 0.002 (round 21)
    posts = [p for p in load() if p["split"] != "test" and not re.search(r"-[rt][12]\d", p["id"])]
    assert len(posts) == 927
    rows, mistakes = figures(posts)
    assert rows["all"]["recall"] >= 0.99 and rows["all"]["fpr"] <= 0.01, mistakes


def test_the_later_blind_rounds_in_dev_stay_above_their_floor():
    # blind rounds 12 to 24 and 26 and the training rounds 25 and 27, trained on, which the later rule
    # changes were written from: measured 0.994 / 0.009 with the round-26 model (C = 100, long-post
    # allowance 0.75, threshold 0.70)
    posts = [p for p in load() if p["split"] == "dev" and any(f"-r{n}-" in p["id"] for n in range(12, 28))]
    rows, _ = figures(posts)
    assert rows["all"]["recall"] >= 0.97 and rows["all"]["fpr"] <= 0.03, rows["all"]


@pytest.mark.parametrize("mark, recall, fpr", [("-t10-", 0.97, 0.01), ("-t11-", 0.97, 0.01), ("-t12-", 0.95, 0.01),
                                               ("-t13a-", 0.95, 0.08), ("-t13b-", 0.95, 0.10), ("-t14a-", 0.97, 0.08),
                                               ("-t14b-", 0.97, 0.09), ("-t14c-", 0.97, 0.03)])
def test_the_training_sentences_are_mostly_learned_without_false_alarms(mark, recall, fpr):
    """The hard training sentences of rounds 10 to 14 (indirect, means, farewells, their look-alike
    negatives): no rule was written from them but the round-20 ones, so the model carries them (the
    round-20 model, C = 300: 0.994 / 0.002, 0.990 / 0.004, 0.972 / 0.000, 0.981 / 0.069, 0.981 / 0.087,
    and round 14's three sets 1.000 / 0.068, 1.000 / 0.080, 1.000 / 0.015); measured with the round-17
    and round-18 models (fitted on sentences, C = 100, threshold 0.95) 0.961 / 0.004 (round 10), 0.964 / 0.004
    (round 11), 0.944 / 0.000 (round 12), 0.944 / 0.069 and 0.981 / 0.087 (round 13, two writers who
    never saw the detector: each crisis post beside a twin that shares most of its words, "ik wil er
    niet meer zijn als ze om zeven uur beginnen met boren"). The round-16 model, fitted on whole posts,
    read 0.588 to 0.794 here: the ordinary sentences around each cry for help diluted what it learnt."""
    rows, _ = figures([p for p in load() if mark in p["id"]])
    assert rows["all"]["recall"] >= recall and rows["all"]["fpr"] <= fpr, rows["all"]


@pytest.mark.parametrize("shape", ["repeated words", "one long word", "the corpus"])
def test_the_detector_takes_time_in_proportion_to_the_length_of_long_and_hostile_input(shape):
    """Four times the text costs about four times the CPU, not sixteen: no pattern backtracks over the
    whole post. (A ratio, so the test holds on a slow or busy machine; make bench has the speed.)"""
    import time

    corpus = " ".join(p["text"] for p in load())
    make = {
        "repeated words": lambda n: "ik heb heb heb " * (n // 15),
        "one long word": lambda n: "a" * (n * 10 // 11) + " ik" * (n // 33),
        "the corpus": lambda n: corpus[:n],
    }[shape]

    def cpu(text):
        start = time.process_time()
        detect_crisis(text)
        return time.process_time() - start

    short, long = make(40_000), make(160_000)
    cpu(short[:2000])  # warm the model and the typo cache's common words
    assert cpu(long) < 8 * cpu(short) + 0.05


@pytest.mark.parametrize("text", [
    "ik heb besloten dat ik stop met leven",
    "I just want to stop living.",
    "ik zou het niet erg vinden als ik doodging",
])
def test_round_12_rules_catch_stopping_living_and_not_minding_dying(text):
    assert detect_crisis(text, learned=False).crisis, text


@pytest.mark.parametrize("text", [
    # round-12 everyday senses, from train/dev false alarms: an idiom, a role, a job, a headache,
    # boredom, a workshop; the rules alone (the learned model is tested on its own figures)
    "I'm at the end of my rope with this landlord and the mould.",
    "My team is better off without me as project lead, I'd rather go back to my old role.",
    "Mijn team is beter af zonder mij als projectleider.",
    "Ik zie geen toekomst meer in deze baan, ik ga solliciteren.",
    "i hope i just wake up tomorrow without a headache",
    "My brother says he's bored to death in rehab. What games can I bring him?",
    "Mijn broer zegt dat hij zich dood verveelt in de revalidatie.",
    "i'm running a suicide prevention workshop for gps, who wants to help shape it",
    "I'm so sick of living with this eczema. Has anyone tried dupilumab?",
    "ik stop met roken, dag drie",
    "i'm doing a bungee jump off a bridge for my birthday, terrifying",
    "my son cut himself on a glass, does it need stitches",
    "what are the signs that a teenager is hurting themselves",
    "Ik heb de pillen voor mijn moeder klaargelegd voor de week.",
    "Ik kras krasloten elke week, is dat verslavend?",
    "Had to put the book down after the chapter where he cuts himself.",
])
def test_round_12_everyday_senses_are_not_crisis_by_the_rules(text):
    result = detect_crisis(text, learned=False)
    assert not result.crisis, (text, result.signals)


@pytest.mark.parametrize("text", [
    "Ik ben op. Niet dat ik dood wil of zo, ik wil gewoon een week rust zonder telefoon.",
    "Voor de duidelijkheid: ik ben niet suïcidaal, ik ben vooral moe en vlak.",
    "Before anyone worries: I'm not suicidal, I'm just flat. Nothing is fun at the moment.",
    "I've had no thoughts of hurting myself, I just can't get out of bed before noon.",
    "In my early twenties I self-harmed for years; I'm 40 now and the scars are what's left.",
])
def test_an_explicit_denial_or_a_past_in_ones_twenties_is_not_a_crisis(text):
    assert not detect_crisis(text).crisis


@pytest.mark.parametrize("text", [
    # the denial clause is read as absent, the rest of the sentence still counts
    "I'm not suicidal, I just hope I don't wake up tomorrow.",
    "Niet dat ik dood wil, maar ik heb wel al mijn pillen opgespaard in een doosje.",
    "ik ben niet suicidaal zeggen ze, maar ik wil er gewoon niet meer zijn",
])
def test_a_denial_does_not_hide_what_the_rest_of_the_sentence_says(text):
    assert detect_crisis(text).crisis


@pytest.mark.parametrize("text", [
    # a past that is over, told with how long it has been over or with the ages it lasted
    "Ik heb al meer dan tien jaar geen moment meer gehad dat ik dood wilde. Nu heb ik een gezin en een zaak.",
    "Ik heb al vijf jaar niet meer gekrast, de littekens zijn bijna wit.",
    "Six years ago I was on a ward after an overdose. I haven't had a suicidal thought in over four years.",
    "I self-harmed from about 14 to 18; I'm 29 now and booking a tattoo over the scars.",
    "Van mijn 15e tot mijn 17e heb ik mezelf gesneden, nu studeer ik verpleegkunde.",
    # a denial that opens the sentence
    "Not suicidal, before anyone worries. Just exhausted, with a cough that won't quit.",
    # wanting to be here, alive or around is wanting to live
    "Terrified of the anaesthetic next week. I really want to be around for my kids.",
    "She wants to be around for her grandchildren, so she finally quit smoking.",
    # songs about suicide, asked for as songs
    "Looking for songs that deal with suicide respectfully for an awareness assembly at school.",
])
def test_a_past_that_is_over_a_wish_to_live_and_songs_are_not_a_crisis(text):
    assert not detect_crisis(text).crisis


@pytest.mark.parametrize("text", [
    # round 16 (dev): a past told by its year, a warning to look out for, a film's character, a card
    "In 2015 I attempted and spent a week in hospital. Today I finished my first marathon.",
    "My GP said to call straight away if I get any suicidal thoughts in the first weeks. Is that common?",
    "That bridge scene where George wants to end it all got me in a way it never did before.",
    "Need help writing a goodbye message for a card: my colleague is retiring after 31 years.",
])
def test_round_16_everyday_senses_are_not_a_crisis(text):
    assert not detect_crisis(text, learned=False).crisis


def test_a_dose_with_its_unit_is_read_as_a_quantity_and_digits_in_words_still_as_letters():
    from moderation.policy.crisis import normalise

    assert normalise("Op 30mg, 4kg aangekomen, de 5e week") == "op 30mg, 4kg aangekomen, de 5e week"  # was "eomg", "akg", "se"
    assert normalise("1k w1l d00d, k1ll mys3lf") == "ik wil dood, kill myself"


@pytest.mark.parametrize("text", [
    "In 2015 I attempted, and now I'm planning it again.",
    "After that film I want to end it all.",
    "I wrote a goodbye message for my kids and put it in the drawer.",
    "Hoeveel tabletten moet je nemen om niet meer wakker te worden? Het is geen vraag voor een werkstuk.",
    "Hoe hoog moet iets zijn om zeker te weten dat je het niet overleeft? Ik vraag het niet voor school.",
])
def test_round_16_rules_still_catch_the_same_words_said_of_oneself_now(text):
    assert detect_crisis(text, learned=False).crisis


@pytest.mark.parametrize("text", [
    "I haven't had a suicidal thought in years, but they came back last night and I want to die.",
    "I can't see any reason to live anymore.",
    "I honestly think my kids would get more from my life insurance than from me being alive.",
    "I don't want to be around anymore.",
    "Ik heb al een jaar niet meer gekrast, maar vannacht heb ik het weer gedaan.",
])
def test_being_alive_negated_or_a_past_that_came_back_still_is(text):
    assert detect_crisis(text).crisis


def test_typos_are_read_as_the_same_lexicon_word_as_by_comparing_with_every_word():
    import random

    from moderation.policy import crisis

    def by_every_word(word):
        for known in crisis._LEXICON:
            limit = crisis._typo_limit(known)
            if len(known) >= 6 and crisis._distance_at_most(word, known, limit) <= limit:
                return known
        return word

    rng = random.Random(13)
    long_words = [w for w in crisis._LEXICON if len(w) >= 6]
    for _ in range(3000):
        word = list(rng.choice(long_words))
        for _ in range(rng.randint(1, 3)):
            i = rng.randrange(len(word))
            edit = rng.randrange(4)
            if edit == 0:
                word.insert(i, rng.choice("abcdeilmnorstuz"))
            elif edit == 1 and len(word) > 1:
                del word[i]
            elif edit == 2:
                word[i] = rng.choice("abcdeilmnorstuz")
            elif i + 1 < len(word):
                word[i], word[i + 1] = word[i + 1], word[i]
        word = "".join(word)
        if len(word) >= 5 and word not in crisis._LEXICON_SET and word not in crisis._KEEP:
            assert crisis._corrected.__wrapped__(word) == by_every_word(word), word


@pytest.mark.parametrize("text, about", [
    ("Ik heb sinds een paar weken elke dag zelfmoordgedachten.", "self"),  # how long and how often do not widen the gap
    ("Ik spaar al weken mijn pillen op.", "self"),
    ("Ik neem ze niet meer in. Ik weet heel goed waarvoor ik ze bewaar.", "self"),
    ("I've been skipping some of my doses and putting them in an old tin.", "self"),
    ("I tell myself it's just in case, but I know what in case means.", "self"),
    ("allee, 8 maand clean en gisteren toch terug gesneden", "self"),  # Flemish "terug" is "weer"
    ("Ik hoop elke avond dat God me komt halen.", "self"),
    ("I wish God would just take me.", "self"),
    ("I won't be a burden to anyone much longer.", "self"),
    ("My mum has been hoarding her sleeping tablets.", "other"),
    ("Mijn moeder spaart haar slaappillen op.", "other"),
    ("Allemaal rechte sneetjes op haar onderarm, sommige van deze week.", "other"),
    ("She keeps saying she wishes God would just take her.", "other"),
    ("They wrote that they won't be a problem for anyone much longer.", "other"),
])
def test_round_17_rules_catch_saving_pills_relapse_and_passive_wishes(text, about):
    found = detect_crisis(text, learned=False)
    assert found.crisis and found.about == about, found


@pytest.mark.parametrize("text", [
    "Mijn zoon had krassen op zijn arm van de kat.",
    "Ze spaart haar pillen in een weekdoos van de apotheek.",
    "Ik heb me weer gesneden aan een blikje tonijn.",
    "Ik ben doodsbang voor de narcose. Niet voor de operatie zelf. Maar voor het idee dat ik niet meer wakker word.",
    "I registered as an organ donor and my mum said it was morbid to think about being dead.",
    "Mijn man wil niet op het donorregister, hij wil niet dat ze aan hem zitten als hij dood is.",
    "On the first aid course we practised asking 'are you thinking about suicide?' out loud.",
])
def test_round_17_everyday_senses_are_not_a_crisis(text):
    assert not detect_crisis(text).crisis


@pytest.mark.parametrize("text, about", [
    ("ngl been thinking abt killing myself a lot lately. idk who else to tell lol", "self"),
    ("is 20 of my zopiclone enough to just not wake up? not a joke, i'm asking for real", "self"),
    ("I don't see much point in going on without her.", "self"),
    ("I have been thinking about how I would do it, in a practical way.", "self"),
    ("Honestly they'd save money and stress if I just wasn't around anymore.", "self"),
    ("als ik morgen onder een vrachtwagen kom vind ik het eerlijk gezegd prima", "self"),
    ("Elke keer als ik een tentamen verpest sla ik mezelf.", "self"),
    ("- kamer opruimen\n- uitzoeken waar ik het ga doen", "self"),
    ("Mijn zoon heeft in de groepsapp gezet dat hij dit weekend een eind aan zijn leven maakt.", "other"),
    ("Een collega vertelde me dat ze al een tijdje pillen spaart.", "other"),
])
def test_round_18_rules_catch_plans_burdens_and_blows_told_plainly(text, about):
    found = detect_crisis(text, learned=False)
    assert found.crisis and found.about == about, found


@pytest.mark.parametrize("text", [
    "Ik kan mezelf wel voor mijn kop slaan, ik ben mijn sleutels weer vergeten.",
    "I was thinking about how I would do it differently next time, the presentation I mean.",
    "Ik moet nog uitzoeken hoe en wanneer ik mijn pensioen aanvraag.",
    "I honestly can't see a future for me in this profession.",
    "My dissertation is on how suicide risk is assessed in A&E departments.",
    "Voor de behandeling had ik bijna dagelijks gedachten aan de dood. Nu al acht maanden niet meer.",
    "The GP asked straight out whether I'd had any thoughts of harming myself or of being better off dead. I haven't, not at all.",
    "Op de cursus hebben we geoefend hoe je iemand vraagt of hij aan zelfdoding denkt; de trainer legde het goed uit.",
])
def test_round_18_everyday_senses_and_screening_questions_are_not_a_crisis(text):
    assert not detect_crisis(text, learned=False).crisis


def test_a_screening_question_answered_yes_still_is():
    assert detect_crisis("The GP asked whether I'd had thoughts of harming myself and I said yes, every day.", learned=False).crisis


@pytest.mark.parametrize("text", [
    "Mijn dochter doet een cursus mindfulness en nu ontdekte ik dat ze zichzelf snijdt.",
    "My daughter started a pottery course and I found out she is cutting herself.",
])
def test_an_ordinary_course_does_not_hide_someone_at_risk(text):
    """Only a prevention or first-aid course makes the talk of self-harm a lesson (round 18 read every
    "cursus" as one, post-wide, and the course words before it did so sentence-wide)."""
    assert detect_crisis(text, learned=False).about == "other"


@pytest.mark.parametrize("text", [
    "I did a suicide prevention course and learned that people who cut themselves often hide it.",
    "Op de EHBO-cursus leerden we dat iemand die zichzelf snijdt vaak lange mouwen draagt.",
])
def test_a_prevention_or_first_aid_course_is_a_lesson(text):
    assert not detect_crisis(text, learned=False).crisis


@pytest.mark.parametrize("text, about", [
    ("Sinds vorige maand kras ik met een paperclip mijn onderarmen open tot het bloedt, om iets te voelen.", "self"),
    ("When the flashbacks come I bang my head against my own wall over and over until it bruises.", "self"),
    ("Toen het me te veel werd heb ik het strijkijzer expres tegen mijn onderarm gedrukt.", "self"),
    ("I got the tray out of the oven and pressed it against my wrist on purpose, and held it there.", "self"),
    ("Elke ochtend op de A12 denk ik eraan om gewoon het stuur om te gooien.", "self"),
    ("I keep thinking about steering into an oncoming lorry on the way home.", "self"),
    ("Mijn dochter is beter af bij een andere moeder. Ik heb al bedacht hoe en wanneer.", "self"),
    ("He'd honestly be better off with someone else raising him. I've worked out when I'll do it.", "self"),
    ("if I took both boxes of my sertraline would that be enough to not wake up? asking for me", "self"),
    ("haha sorry voor de rant, maar ik meen het echt: elke avond sta ik op het dak naar beneden te kijken en dan is het klaar.", "self"),
    ("My son told his coach he wants to be dead and the club phoned us tonight.", "other"),
    ("Mijn buurman heeft al zijn gereedschap weggegeven. Hij zei dat we hem na de kerst niet meer zien.", "other"),
])
def test_round_20_rules_catch_harm_to_ones_body_vehicles_plans_and_someone_giving_things_away(text, about):
    found = detect_crisis(text, learned=False)
    assert found.crisis and found.about == about, found


@pytest.mark.parametrize("text", [
    "Ik krab mijn armen open tot het bloedt van de jeuk, die eczeem is niet te harden.",
    "The kitten digs her claws into my hands until they bleed when I trim her nails.",
    "I want to step off the platform at Utrecht and walk to the hospital from there.",
    "Would it be quick to get a referral? Asking for me, not for a friend.",
    "Mijn collega heeft al zijn planten weggegeven: hij gaat met pensioen en we zien hem na de zomer niet meer.",
    "For my thesis I want to interview people about suicidal thoughts, only if they want to.",
    "Voor zijn werkstuk over zelfmoordpreventie wil hij een paar hulpverleners interviewen.",
    "I genuinely thought I was dying, my heart was racing, it turned out to be a panic attack.",
    "Five years since my attempt, and I am so glad to be alive now.",
    "To be clear I don't have thoughts of ending things, I'm just grieving my old life.",
    "ik wil dood lol, echt ik meen het niet, mn moeder zag mn story",
    "I took the pan out of the oven and burnt my forearm on it, not on purpose obviously, so it blistered.",
])
def test_round_20_everyday_senses_research_panic_and_relief_are_not_a_crisis(text):
    assert not detect_crisis(text, learned=False).crisis


# Round 24 (dev: rounds 23 and 25): preparing told as errands, a means kept for oneself, someone else's
# farewell while they cannot be reached, their own words quoted; each family in words of its own here.
@pytest.mark.parametrize("text, about", [
    ("Heb mijn hond bij mijn broer ondergebracht en al mijn abonnementen opgezegd, zodat niemand straks met de rommel zit.", "self"),
    ("Found a new home for my cat, cancelled my gym membership and wrote my will. Just tying up loose ends.", "self"),
    ("Deleted all my accounts and given my rabbit to my cousin. It won't matter anyway after Friday, just wanted to say goodbye to you all.", "self"),
    ("I never returned the morphine from my dad's last months. I keep it in a tin in the shed. Nobody knows, and it's for me.", "self"),
    ("I've looked up painless ways on my phone every night this week.", "self"),
    ("Hoeveel tabletten van mijn oxazepam zijn genoeg? Ik wil dat het in een keer lukt.", "self"),
    ("honestly if a car hit me on my bike tomorrow i'd be relieved", "self"),
    ("Soms hoop ik stiekem dat ik morgen niet wakker word.", "self"),
    ("Mijn broer appte 'zeg tegen mama dat het me spijt' en sindsdien neemt hij niet meer op.", "other"),
    ("My flatmate posted 'sorry for everything, you've all been so good to me' and she isn't answering her phone.", "other"),
    ("A pupil of mine has been giving her things to classmates all week and said 'you won't have to put up with me much longer'.", "other"),
    ("My son's thighs are covered in fresh cuts and he says he does it with a razor blade.", "other"),
    ("Mijn vader zei gisteren tegen de buurman 'ik hoop dat ik er volgend jaar niet meer ben'.", "other"),
    ("My client told me his kids would be better off without him, and he has a two-week supply of pills at home.", "other"),
    ("Mijn leerling schreef in haar opstel dat ze heeft opgezocht hoe het zonder pijn kan.", "other"),
    # ... and from round 24 itself (dev since round 26 became the test split)
    ("Mijn konijn logeert voortaan bij mijn nicht, het testament ligt bij de notaris. Bedankt voor de afgelopen jaren allemaal.", "self"),
    ("I've put my affairs in order, the will is signed and my dog is going to live with my neighbour. I've had a good life.", "self"),
    ("Ik spaar al weken mijn temazepam op, gewoon zodat de uitweg er is.", "self"),
    ("I've been skipping my lithium on purpose. If it goes wrong then it goes wrong.", "self"),
    ("I have chosen the day.\nThe letter for my parents is in my desk, so they find it after.", "self"),
    ("Mijn opa heeft een la vol opgespaarde pillen en zei 'die zijn voor later, als het genoeg is geweest'.", "other"),
    ("My neighbour's son took an overdose last night and is in intensive care.", "other"),
    ("Lately she's been giving away her jewellery and she told me I'd be fine with the insurance money.", "other"),
    ("Een cliënt zei 'na het weekend spring ik van de parkeergarage'.", "other"),
    # ... and from rounds 26 and 27 (dev since round 28 became the test split)
    ("ik wil gewoon ophouden. met alles. zelfs met ademhalen.", "self"),
    ("ik wil dood, en nee dat is geen grapje.", "self"),
    ("My brother keeps telling me 'you'd all be fine without me' and he won't say more.", "other"),
    ("Mijn zus heeft gisteren een hele strip van haar oxazepam ingenomen en ligt nu in het ziekenhuis.", "other"),
    ("My dad told the nurse he's stopped taking his heart pills on purpose, to get it over with.", "other"),
    ("Een leerling van mij schreef dat hij wou dat hij nooit geboren was en dat hij een plan heeft.", "other"),
    ("A lad I play football with posted 'logging off for good, gg everyone' and isn't answering anyone.", "other"),
])
def test_round_24_rules_catch_errands_kept_means_farewells_and_quoted_words(text, about):
    found = detect_crisis(text, learned=False)
    assert found.crisis and found.about == about, found


@pytest.mark.parametrize("text", [
    "Cancelled my gym membership, deleted Instagram and paid off my credit card: saving up for the mortgage next year.",
    "We verhuizen naar Portugal: mijn kat gaat naar mijn zus, het abonnement is opgezegd en de spullen zijn uitgezocht.",
    "I keep my insulin pens in the fridge door, is that warm enough to ruin them? Nobody at the pharmacy knows.",
    "My colleague didn't show up to her leaving do, she sent the team 'sorry for everything, I hate goodbyes' from the airport.",
    "My best friend is leaving for a new job and her goodbye email thanked everyone by name.",
    "Het nummer van Stromae over suicidale gedachten bespraken we in de les, de zanger is er heel open over.",
    "Ten years ago I didn't want to be alive. I've been well for nine years now and I'm on the other side.",
    "First marathon done! I did hurt myself a bit. I got a blister the size of a coin on my heel.",
    "In the documentary they ask people straight out whether they're thinking about suicide.",
    "She wrote an essay on why nobody would notice if a species died out, and figured out how to present it.",
    "Voor de duidelijkheid: ik denk er niet aan om er een eind aan te maken, ik ben gewoon op.",
    "For my thesis I'm comparing suicide rates in three provinces; which datasets are reliable?",
    "This group project is so bad I'm considering faking my own death and moving to Belgium.",
    "Als ik nog één keer dat deuntje hoor, spring ik van het balkon.",
    "My grandpa keeps months of saved-up tablets in a box for the pharmacy to take back when they're expired.",
    "I set the date for the wedding! Now writing a letter to every guest, it's a lot of work.",
    "My mum read that this acne medicine can cause depression and suicidal thoughts; is that common?",
    "To be clear: no suicidal thoughts, I'm just exhausted after five months of burnout.",
    "For a presentation at work I need the official figures on suicide by age group.",
    "In the role play we practised asking someone if they're thinking about suicide.",
])
def test_round_24_everyday_senses_are_not_a_crisis(text):
    assert not detect_crisis(text, learned=False).crisis
