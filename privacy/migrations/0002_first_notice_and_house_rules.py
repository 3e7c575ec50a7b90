"""The first privacy notice and house rules, so a new forum has both from the start.

Admins publish later versions in Django admin; members are asked for consent again when the
privacy notice gets a new version.
"""

from django.db import migrations
from django.utils import timezone

PRIVACY_NL = """Dit forum gaat over gezondheid. Wat je hier deelt, zegt vaak iets over je gezondheid: dat zijn
**bijzondere persoonsgegevens** (artikel 9 AVG). We verwerken ze alleen met je uitdrukkelijke toestemming,
en alleen om het forum te laten werken.

## Wat we bewaren en waarom

- **Je account**: gebruikersnaam, e-mailadres, wachtwoord (versleuteld), taal en instellingen. Nodig om in te loggen en je meldingen te sturen.
- **Wat je schrijft**: vragen, antwoorden en alle eerdere versies ervan, stemmen, reacties en markeringen. Zo blijft een gesprek leesbaar en kunnen moderatoren hun werk doen.
- **Meldingen** en e-mails over je berichten.
- **Moderatie**: beslissingen van moderatoren worden vastgelegd in een logboek.
- **Technische gegevens**: je sessie (zolang je ingelogd bent, hooguit twee weken), en kortstondig een afgeleide van je IP-adres en browser om weergaven te tellen en misbruik te beperken (hooguit 24 uur).

## Hoe lang

Je account en berichten bewaren we zolang je lid bent. Sluit je je account, dan maken we het anoniem:
je naam wordt "Voormalig lid" met een nummer en je e-mailadres, instellingen en toestemmingen verdwijnen.
Je kunt er ook voor kiezen de tekst van al je berichten te laten verwijderen. Meldingen bewaren we twee jaar.

## Je rechten

Je kunt al je gegevens downloaden (Instellingen → Mijn gegevens downloaden), je gegevens laten corrigeren,
je toestemming intrekken en je account sluiten. Je activiteit kun je verbergen voor anderen, en je kunt in
gezondheidscategorieën anoniem een vraag stellen. Heb je een klacht, dan kun je die indienen bij de
Autoriteit Persoonsgegevens.
"""

PRIVACY_EN = """This forum is about health. What you share here often says something about your health: that is
**special-category personal data** (article 9 GDPR). We process it only with your explicit consent, and only
to run the forum.

## What we keep and why

- **Your account**: username, email address, password (hashed), language and settings. Needed to log in and to send you notifications.
- **What you write**: questions, answers and every earlier version of them, votes, reactions and flags. So that conversations stay readable and moderators can do their work.
- **Notifications** and emails about your posts.
- **Moderation**: moderators' decisions are recorded in a log.
- **Technical data**: your session (while you are logged in, at most two weeks), and briefly a value derived from your IP address and browser to count views and limit abuse (at most 24 hours).

## How long

We keep your account and posts while you are a member. When you close your account we anonymise it: your
name becomes "Former member" with a number and your email address, settings and consents are removed. You can
also choose to have the text of all your posts removed. Notifications are kept for two years.

## Your rights

You can download all your data (Settings → Export my data), have it corrected, withdraw your consent and close
your account. You can hide your activity from others, and ask a question anonymously in health categories. If
you have a complaint, you can file it with the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).
"""

RULES_NL = """1. **Wees vriendelijk.** Mensen komen hier met zorgen. Reageer zoals je zelf benaderd zou willen worden.
2. **Claims over gezondheid hebben een bron nodig.** Link wetenschappelijke literatuur of een officiële instantie (Thuisarts, RIVM, NHS …). Zonder bron wacht je bericht op een moderator.
3. **Geen medisch advies op afstand.** Deel ervaringen en kennis, maar dit forum vervangt je huisarts niet.
4. **Bescherm je privacy en die van anderen.** Deel geen namen, adressen of medische gegevens van anderen. Je kunt anoniem een vraag stellen in gezondheidscategorieën.
5. **Geen reclame of spam.**
6. **Gaat het echt niet goed?** Bel 113 Zelfmoordpreventie (0800-0113, gratis) of chat via 113.nl. Bij direct gevaar: bel 112.

Moderatoren kunnen berichten vasthouden, afwijzen of verwijderen die deze regels niet volgen.
"""

RULES_EN = """1. **Be kind.** People come here with worries. Reply as you would want to be approached yourself.
2. **Health claims need a source.** Link scientific literature or an official body (Thuisarts, RIVM, NHS …). Without one your post waits for a moderator.
3. **No remote medical advice.** Share experience and knowledge, but this forum does not replace your doctor.
4. **Protect your privacy and that of others.** Do not share other people's names, addresses or medical details. You can ask anonymously in health categories.
5. **No advertising or spam.**
6. **Really not doing well?** Call 113 Suicide Prevention (0800-0113, free) or chat at 113.nl. In acute danger: call 112 (outside the Netherlands, your local emergency number).

Moderators may hold, reject or delete posts that do not follow these rules.
"""


def create(apps, schema_editor):
    LegalDocument = apps.get_model("privacy", "LegalDocument")
    now = timezone.now()
    LegalDocument.objects.create(
        kind="privacy", version=1, title_nl="Privacyverklaring", title_en="Privacy notice",
        text_nl=PRIVACY_NL, text_en=PRIVACY_EN, published_at=now,
    )
    LegalDocument.objects.create(
        kind="house_rules", version=1, title_nl="Huisregels", title_en="House rules",
        text_nl=RULES_NL, text_en=RULES_EN, published_at=now,
    )


class Migration(migrations.Migration):
    dependencies = [("privacy", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
