"""The demo forum that `make run` loads: Dutch categories and a topic shaped like the seed thread.

All text is written for this demo. Posts go through the real services, so the health-claim
policy decides what is published and what waits in the queue.
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from forum import services
from forum.models import Category, Post, ReactionKind, Topic, Visibility
from moderation import services as moderation_services
from moderation.models import ReviewItem, ReviewStatus

DEMO_PASSWORD = "forum-demo-2026"
# Demo only: the moderator's and admin's two-factor secret, so the README can tell you how to log in.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

ACCOUNTS = [
    # username, email, role
    ("admin", "admin@example.org", "admin"),
    ("moderator", "moderator@example.org", "moderator"),
    ("lotte", "lotte@example.org", "member"),
    ("joost", "joost@example.org", "member"),
    ("fatima", "fatima@example.org", "member"),
    ("willem", "willem@example.org", "member"),
    ("sanne", "sanne@example.org", "member"),
]

CATEGORIES = [
    ("Mentale gezondheid", "mentale-gezondheid", "Stress, burn-out, somberheid en herstel: ervaringen en kennis.", True),
    ("Voeding en leefstijl", "voeding-en-leefstijl", "Eten, bewegen, slapen en supplementen.", True),
    ("Werk en re-integratie", "werk-en-re-integratie", "Terugkeren naar werk, gesprekken met de bedrijfsarts en je rechten.", False),
    ("Over dit forum", "over-dit-forum", "Vragen en ideeën over het forum zelf.", False),
]

MAIN_TOPIC_TITLE = "Kan een begeleide psilocybine-sessie helpen om van een burn-out te herstellen?"
MAIN_QUESTION = """Ik zit nu acht maanden thuis met een burn-out. Gesprekken met de psycholoog helpen een beetje, maar ik blijf moe en somber. Een kennis vertelde enthousiast over een begeleide sessie met paddo's.

Heeft iemand hier ervaring mee, of weet iemand wat er eigenlijk over bekend is?"""

ANSWERS = [
    # author, text, votes (+ from these members, - from these members), reactions
    (
        "joost",
        """Er wordt serieus onderzoek naar gedaan, maar vooral naar **depressie**, niet naar burn-out zelf. Psilocybine-therapie lijkt in studies de klachten van depressie te verminderen, altijd met begeleiding door een therapeut en met een strenge screening vooraf.

- Overzicht van de studies: [systematische review op PubMed](https://pubmed.ncbi.nlm.nih.gov/36165990/)
- Achtergrond over burn-out: [Thuisarts](https://www.thuisarts.nl/burn-out)

Bespreek het met je huisarts voordat je iets probeert.""",
        (["lotte", "fatima"], []),
        [("lotte", ReactionKind.THANKS), ("fatima", ReactionKind.INSIGHTFUL), ("sanne", ReactionKind.LIKE)],
    ),
    (
        "fatima",
        """Ik herken veel van wat je schrijft. Voor mij was vooral rust en een goede bedrijfsarts belangrijk. Op [Thuisarts](https://www.thuisarts.nl/burn-out) staat goed uitgelegd wat je zelf kunt doen.
Sterkte, het wordt echt beter!""",
        (["lotte"], []),
        [("lotte", ReactionKind.HUG)],
    ),
    (
        "willem",
        """Psilocybine herstelt de prefrontale cortex: na één sessie van 25 mg is het volume 17% groter en daalt het cortisol met 40%. Bij 73% van de mensen verdwijnt de uitputting binnen 12 weken, tegen 27% bij gewone therapie. Het werkt veel beter dan antidepressiva.""",
        ([], ["joost"]),
        [],
    ),
]

PENDING_ANSWER = (
    "sanne",
    """Magnesium en vitamine B12 genezen een burn-out veel sneller, neem 400 mg magnesium per dag.""",
)

OTHER_TOPICS = [
    ("lotte", "voeding-en-leefstijl", "Wat eten jullie als je weinig energie hebt om te koken?",
     "Na een drukke dag heb ik geen zin meer om te koken. Tips voor simpele, gezonde maaltijden?",
     [("fatima", "Ik maak in het weekend een grote pan soep en vries porties in. Scheelt enorm.")]),
    ("joost", "werk-en-re-integratie", "Hoe bereid je een gesprek met de bedrijfsarts voor?",
     "Volgende week heb ik mijn eerste gesprek. Wat nemen jullie mee?",
     [("willem", "Schrijf vooraf op wat je wél en niet kunt. Dat maakt het gesprek veel concreter.")]),
    ("sanne", "over-dit-forum", "Welkom! Stel je hier voor",
     "Leuk dat je er bent. Vertel gerust iets over jezelf.",
     [("lotte", "Hoi allemaal, ik ben Lotte en lees al een tijdje mee. Bedankt voor de warme sfeer!")]),
]


def _account(username, email, role):
    User = get_user_model()
    user, created = User.objects.get_or_create(username=username, defaults={"email": email})
    if created:
        user.set_password(DEMO_PASSWORD)
        user.is_staff = user.is_superuser = role == "admin"
        user.save()
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    if role == "moderator":
        user.groups.add(Group.objects.get(name="Moderators"))
    if role in ("moderator", "admin") and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, DEMO_TOTP_SECRET)
    return user


@transaction.atomic
def seed_demo():
    """Create the demo forum if it is not there yet. Safe to run again: it changes nothing the second time."""
    users = {username: _account(username, email, role) for username, email, role in ACCOUNTS}
    categories = {}
    for position, (name, slug, description, is_health) in enumerate(CATEGORIES):
        categories[slug], _ = Category.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "is_health": is_health, "position": position}
        )
    if Topic.objects.filter(title=MAIN_TOPIC_TITLE).exists():
        return False
    topic = services.topic_create(
        actor=users["lotte"], category=categories["mentale-gezondheid"], title=MAIN_TOPIC_TITLE, body=MAIN_QUESTION
    )
    for author, text, (ups, downs), reactions in ANSWERS:
        answer = services.answer_post(actor=users[author], topic=topic, body=text)
        if answer.visibility == Visibility.PENDING:
            item = ReviewItem.objects.get(post=answer, status=ReviewStatus.PENDING)
            moderation_services.review_approve(
                actor=users["moderator"], item=item, note="Bron ontbreekt; deze cijfers zijn niet te controleren. Wees kritisch."
            )
        for voter in ups:
            services.vote_cast(actor=users[voter], post=answer, value=1)
        for voter in downs:
            services.vote_cast(actor=users[voter], post=answer, value=-1)
        for member, kind in reactions:
            services.reaction_toggle(actor=users[member], post=answer, kind=kind)
    question = Post.objects.get(topic=topic, is_question=True)
    services.reaction_toggle(actor=users["fatima"], post=question, kind=ReactionKind.HUG)
    services.answer_post(actor=users[PENDING_ANSWER[0]], topic=topic, body=PENDING_ANSWER[1])
    Topic.objects.filter(pk=topic.pk).update(view_count=244)

    for author, slug, title, body, replies in OTHER_TOPICS:
        other = services.topic_create(actor=users[author], category=categories[slug], title=title, body=body)
        for replier, reply in replies:
            services.answer_post(actor=users[replier], topic=other, body=reply)
    return True
