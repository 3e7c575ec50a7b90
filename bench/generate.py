"""A PostgreSQL forum of realistic size, loaded with COPY.

Everything is planned in Python first (who wrote what, where, when, which votes), so the
denormalised counters (Post.score, Topic.answer_count and friends) are computed from the
same rows that are loaded, then each table is streamed with one COPY. Foreign-key triggers
are off while loading (session_replication_role = replica): the plan is consistent by
construction, and `check_consistency` proves it afterwards with SQL.

Only a few hundred distinct bodies are rendered with forum.markdown.render_markdown; each
post reuses one and appends a unique plain sentence (rendered as one more <p>), so every
post's text and search vector still differ.
"""

import json
import random
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import psycopg

from bench import textgen

PASSWORD = "bench-wachtwoord-2026"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
BENCH_TOPIC_ANSWERS = 100
N_MODERATORS = 5

CATEGORIES = [
    # name, slug, is_health, share of topics
    ("Mentale gezondheid", "mentale-gezondheid", True, 0.26),
    ("Slaap en vermoeidheid", "slaap-en-vermoeidheid", True, 0.18),
    ("Voeding en leefstijl", "voeding-en-leefstijl", True, 0.14),
    ("Pijn en lichamelijke klachten", "pijn-en-lichamelijke-klachten", True, 0.12),
    ("Werk en re-integratie", "werk-en-re-integratie", False, 0.12),
    ("Relaties en familie", "relaties-en-familie", False, 0.08),
    ("Ervaringen delen", "ervaringen-delen", False, 0.08),
    ("Over dit forum", "over-dit-forum", False, 0.02),
]
REACTION_KINDS = ["like", "heart", "thanks", "insightful", "hug"]


@dataclass(frozen=True)
class Sizes:
    members: int
    topics: int
    answers: int
    votes: int
    reactions: int
    pending: int
    approved: int
    rejected: int
    deleted: int
    notifications: int

    @classmethod
    def for_scale(cls, scale):
        def n(base):
            return max(1, int(base * scale))

        return cls(
            members=n(10_000), topics=n(2_000), answers=n(100_000), votes=n(500_000), reactions=n(200_000),
            pending=n(5_000), approved=n(2_000), rejected=n(1_000), deleted=n(500), notifications=n(50_000),
        )


def log(message):
    print(f"[bench] {message}", flush=True)


# ---------------------------------------------------------------- database lifecycle

def recreate_database(admin_dsn, name):
    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def database_exists(admin_dsn, name):
    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


def migrate(env, project_dir):
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=project_dir, env=env, check=True
    )


def read_meta(dsn):
    try:
        with psycopg.connect(dsn) as conn:
            rows = conn.execute("SELECT key, value FROM bench_meta").fetchall()
    except psycopg.Error:
        return None
    return {key: value for key, value in rows} or None


# ---------------------------------------------------------------- text pools

class Pools:
    """Rendered bodies by kind: (markdown, html, assessment dict)."""

    def __init__(self, rng, rules):
        from forum.markdown import render_markdown
        from moderation.policy import assess

        self.assess = assess
        self.rules = rules
        self.render = render_markdown
        wanted = {"plain": 300, "link": 40, "sourced": 100, "claim": 120, "question": 200}
        self.by_kind = {}
        for kind, count in wanted.items():
            pool = []
            while len(pool) < count:
                if kind == "question":
                    text = textgen.question(rng, rng.randint(40, 120))
                else:
                    text = textgen.body(rng, rng.randint(40, 170), kind)
                assessment = assess(text, rules)
                # Keep only bodies whose real assessment matches their role: published ones need no review.
                if (kind == "claim") != assessment.needs_review:
                    continue
                pool.append((text, render_markdown(text), assessment.to_dict()))
            self.by_kind[kind] = pool

    def pick(self, rng, kind):
        return self.by_kind[kind][rng.randrange(len(self.by_kind[kind]))]


# ---------------------------------------------------------------- the plan

def _distribute(rng, total, weights):
    """Integer counts proportional to weights that add up to exactly `total`."""
    weight_sum = sum(weights) or 1.0
    counts = [int(total * w / weight_sum) for w in weights]
    eligible = [i for i, w in enumerate(weights) if w > 0]
    for _ in range(total - sum(counts)):
        counts[rng.choice(eligible)] += 1
    return counts


def _jsonb(value):
    return json.dumps(value, ensure_ascii=False)


def _column_defaults(conn):
    """Give every NOT NULL column its model's plain default in this throwaway database, so the COPYs
    below need to list only the columns they set, and a field added later cannot break the load."""
    from django.apps import apps
    from psycopg import sql

    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if field.null or field.primary_key:
                continue
            default = field.get_default()  # "" for a text field without a default, {} for JSONField(default=dict)
            if isinstance(default, dict | list):
                default = json.dumps(default)
            elif not isinstance(default, bool | int | str):
                continue  # no default, or one made at save time (a date): the COPY sets those columns
            conn.execute(sql.SQL("ALTER TABLE {} ALTER COLUMN {} SET DEFAULT {}").format(
                sql.Identifier(model._meta.db_table), sql.Identifier(field.column), sql.Literal(default)
            ))


def generate(dsn, scale, seed=2026):
    """Load the forum into the (migrated, empty) database at `dsn`. Returns (meta, timings)."""
    import django

    django.setup()
    from django.contrib.auth.hashers import make_password

    from moderation.policy import default_rules

    timings = {}
    started = time.perf_counter()
    rng = random.Random(seed)
    sizes = Sizes.for_scale(scale)
    now = datetime.now(UTC).replace(microsecond=0)

    pools = Pools(rng, default_rules())
    timings["render pools"] = time.perf_counter() - started
    password_hash = make_password(PASSWORD)

    # Members: 1 admin, moderators, the reader and the writer used by the bench, then everyone else.
    usernames, used = [], set()
    for special in ["beheerder"] + [f"moderator{i}" for i in range(1, N_MODERATORS + 1)] + ["lezer", "schrijver"]:
        usernames.append(special)
        used.add(special)
    while len(usernames) < sizes.members:
        name = f"{rng.choice(textgen.FIRST_NAMES)}{rng.randint(1, 10 * sizes.members)}"
        if name not in used:
            used.add(name)
            usernames.append(name)
    n_users = len(usernames)
    admin_id, moderator_ids = 1, list(range(2, 2 + N_MODERATORS))
    reader_id, writer_id = 2 + N_MODERATORS, 3 + N_MODERATORS
    first_member = 4 + N_MODERATORS

    def member():
        return rng.randint(first_member, n_users)

    # Topics and their answer counts.
    n_topics = sizes.topics
    topic_category = []
    category_weights = [c[3] for c in CATEGORIES]
    for _ in range(n_topics):
        topic_category.append(rng.choices(range(1, len(CATEGORIES) + 1), category_weights)[0])
    bench_topic = 1
    topic_category[0] = 1
    topic_created = [now - timedelta(seconds=rng.randint(3 * 86400, 730 * 86400)) for _ in range(n_topics)]
    topic_created[0] = now - timedelta(days=60)
    topic_author = [member() for _ in range(n_topics)]
    topic_title = [textgen.title(rng) for _ in range(n_topics)]
    topic_title[0] = "Wie heeft ervaring met slaapproblemen na een burn-out?"

    n_pending_questions = min(max(1, sizes.pending // 250), n_topics // 50 or 1)
    pending_question_topics = set(rng.sample(range(2, n_topics + 1), n_pending_questions)) if n_topics > 2 else set()
    weights = []
    for t in range(1, n_topics + 1):
        if t == bench_topic or t in pending_question_topics or rng.random() < 0.05:
            weights.append(0.0)
        else:
            weights.append(min(rng.lognormvariate(0.0, 1.5), 80.0))  # many small topics, a few very long ones
    bench_extra = 2  # held answers on the benchmark topic: visible to their authors and moderators only
    counts = _distribute(rng, sizes.answers - BENCH_TOPIC_ANSWERS - bench_extra, weights)
    counts[0] = BENCH_TOPIC_ANSWERS + bench_extra

    # Each non-benchmark answer's fate, shuffled.
    n_pending_answers = max(0, sizes.pending - n_pending_questions - bench_extra)
    other = sizes.answers - BENCH_TOPIC_ANSWERS - bench_extra
    fates = (
        ["pending"] * n_pending_answers + ["approved"] * sizes.approved + ["rejected"] * sizes.rejected
        + ["deleted"] * sizes.deleted
    )
    fates = fates[:other] + ["published"] * max(0, other - len(fates))
    rng.shuffle(fates)
    fate_iter = iter(fates)

    # Posts: plan rows (without text) in id order.
    posts = []  # dicts are too slow at scale; tuples of the fields that later steps need
    # (id, topic, author, is_question, fate, kind, created_at)
    post_id = 0
    question_of = {}
    for t in range(1, n_topics + 1):
        post_id += 1
        created = topic_created[t - 1]
        question_fate = "pending" if t in pending_question_topics else "published"
        posts.append((post_id, t, topic_author[t - 1], True, question_fate, "question", created))
        question_of[t] = post_id
        span = max(60, int((now - created).total_seconds()) - 60)
        offsets = sorted(rng.randint(60, span) for _ in range(counts[t - 1]))
        for i, offset in enumerate(offsets):
            post_id += 1
            if t == bench_topic:
                fate = "pending" if i >= BENCH_TOPIC_ANSWERS else "published"
            else:
                fate = next(fate_iter)
            if fate in ("pending", "rejected", "approved"):
                kind = "claim"
            else:
                kind = rng.choices(["plain", "link", "sourced"], [0.75, 0.1, 0.15])[0]
            author = member()
            if t == bench_topic and i % 9 == 0:
                author = topic_author[t - 1]  # the starter answers back now and then
            posts.append((post_id, t, author, False, fate, kind, created + timedelta(seconds=offset)))
    n_posts = post_id
    timings["plan posts"] = time.perf_counter() - started - sum(timings.values())

    # Votes and reactions on visible posts, with scores and counters computed on the way.
    visible = [p for p in posts if p[4] in ("published", "approved")]
    score = [0] * (n_posts + 1)
    reactions_on = [0] * (n_posts + 1)
    vote_weights = [rng.expovariate(1.0) * (4.0 if p[1] == bench_topic else 1.0) for p in visible]
    vote_counts = _distribute(rng, sizes.votes, vote_weights)
    reaction_counts = _distribute(rng, sizes.reactions, [rng.expovariate(1.0) for _ in visible])
    reader_votes = {p[0] for p in visible if p[1] == bench_topic and not p[3]}
    reader_votes = set(sorted(reader_votes)[:10:]) | set(sorted(reader_votes)[40:45])
    vote_rows, reaction_rows = [], []
    last_user = n_users
    for p, n_votes, n_reactions in zip(visible, vote_counts, reaction_counts, strict=True):
        pid, _t, author, _q, _f, _k, created = p
        voters = rng.sample(range(first_member, last_user + 1), min(n_votes + 1, last_user - first_member))
        voters = [u for u in voters if u != author][:n_votes]
        if pid in reader_votes and reader_id not in voters:
            voters[:1] = [reader_id]
        for user in voters:
            value = 1 if rng.random() < 0.85 else -1
            score[pid] += value
            vote_rows.append((value, created + timedelta(seconds=rng.randint(60, 86400)), pid, user))
        reactors = rng.sample(range(first_member, last_user + 1), min(n_reactions + 1, last_user - first_member))
        reactors = [u for u in reactors if u != author][:n_reactions]
        if pid in reader_votes and pid % 2 and reader_id not in reactors:
            reactors.append(reader_id)
        for user in reactors:
            reaction_rows.append((rng.choice(REACTION_KINDS), created + timedelta(seconds=rng.randint(60, 86400)), pid, user))
            reactions_on[pid] += 1
    timings["plan votes and reactions"] = time.perf_counter() - started - sum(timings.values())

    # Topic counters, from the plan: exactly what forum.visibility.topic_refresh_counters would compute.
    answer_count = [0] * (n_topics + 1)
    best = [None] * (n_topics + 1)
    reaction_count = [0] * (n_topics + 1)
    last_activity = [None] + list(topic_created)
    best_answer = [None] * (n_topics + 1)
    for pid, t, _author, is_question, fate, _kind, created in posts:
        if fate not in ("published", "approved"):
            continue
        reaction_count[t] += reactions_on[pid]
        if is_question:
            continue
        answer_count[t] += 1
        if best[t] is None or score[pid] > best[t]:
            best[t], best_answer[t] = score[pid], pid
        if created > last_activity[t]:
            last_activity[t] = created
    solution = {}
    for t in range(2, n_topics + 1):
        if best_answer[t] is None:
            continue
        roll = rng.random()
        if roll < 0.15:
            solution[t] = ("solved", best_answer[t])
        elif roll < 0.18:
            solution[t] = ("proposed", best_answer[t])

    # ------------------------------------------------------------ load
    with psycopg.connect(dsn) as conn:
        conn.execute("SET session_replication_role = replica")
        conn.execute("SET synchronous_commit = off")
        _column_defaults(conn)
        cur = conn.cursor()
        moderators_group = cur.execute("SELECT id FROM auth_group WHERE name = 'Moderators'").fetchone()[0]

        t0 = time.perf_counter()
        with cur.copy(
            "COPY forum_user (id, password, is_superuser, username, first_name, last_name, email, is_staff, is_active,"
            " date_joined, preferred_language, email_on_answer, email_on_reaction, email_on_moderation, email_queue_digest,"
            " consent_version, hide_activity, show_health_activity)"
            " FROM STDIN"
        ) as copy:
            for i, name in enumerate(usernames, start=1):
                joined = now - timedelta(seconds=rng.randint(86400, 1000 * 86400))
                copy.write_row((
                    i, password_hash, i == admin_id, name, "", "", f"{name}@example.org", i == admin_id, True, joined,
                    "en" if rng.random() < 0.07 else "", True, False, True, i in moderator_ids,
                    1, False, False,  # consented to privacy notice v1, so the consent gate lets them through
                ))
        with cur.copy('COPY account_emailaddress (email, verified, "primary", user_id) FROM STDIN') as copy:
            for i, name in enumerate(usernames, start=1):
                copy.write_row((f"{name}@example.org", True, True, i))
        with cur.copy("COPY forum_user_groups (user_id, group_id) FROM STDIN") as copy:
            for i in moderator_ids:
                copy.write_row((i, moderators_group))
        with cur.copy("COPY forum_category (id, name, slug, description, position, is_health) FROM STDIN") as copy:
            for i, (name, slug, is_health, _share) in enumerate(CATEGORIES, start=1):
                copy.write_row((i, name, slug, f"Vragen en ervaringen over {name.lower()}.", i, is_health))
        timings["copy members"] = time.perf_counter() - t0

        t0 = time.perf_counter()
        with cur.copy(
            "COPY forum_topic (id, title, created_at, last_activity_at, is_public, is_deleted, answer_count, reaction_count,"
            " best_answer_score, view_count, solution_state, proposed_at, solved_at, accepted_answer_id, author_id,"
            " category_id, proposed_answer_id, proposed_by_id, solved_by_id) FROM STDIN"
        ) as copy:
            for t in range(1, n_topics + 1):
                state, answer = solution.get(t, ("open", None))
                decided = last_activity[t] + timedelta(hours=rng.randint(1, 72)) if answer else None
                copy.write_row((
                    t, topic_title[t - 1], topic_created[t - 1], last_activity[t], t not in pending_question_topics, False,
                    answer_count[t], reaction_count[t], best[t], rng.randint(answer_count[t] * 3, answer_count[t] * 40 + 30),
                    state, decided, decided if state == "solved" else None, answer if state == "solved" else None,
                    topic_author[t - 1], topic_category[t - 1], answer if state == "proposed" else None,
                    topic_author[t - 1] if state == "proposed" else None,
                    rng.choice(moderator_ids) if state == "solved" else None,
                ))
        timings["copy topics"] = time.perf_counter() - t0

        t0 = time.perf_counter()
        review_rows, audit_rows = [], []
        with cur.copy(
            "COPY forum_post (id, is_question, body, body_html, created_at, score, visibility, assessment, moderator_note,"
            " rejection_reason, is_deleted, deleted_at, author_id, deleted_by_id, reviewed_by_id, topic_id) FROM STDIN"
        ) as copy:
            for pid, t, author, is_question, fate, kind, created in posts:
                if is_question and fate == "pending":
                    text = pools.pick(rng, "claim")[0] + "\n\n" + textgen.tail(rng)
                    html = pools.render(text)
                    assessment = pools.assess(f"{topic_title[t - 1]}\n\n{text}", pools.rules).to_dict()
                else:
                    text, html, assessment = pools.pick(rng, kind)
                    extra = textgen.tail(rng)
                    text, html = f"{text}\n\n{extra}", f"{html}\n<p>{extra}</p>"
                visibility = {"approved": "published", "deleted": "published"}.get(fate, fate)
                moderator = rng.choice(moderator_ids) if fate in ("approved", "rejected") else None
                copy.write_row((
                    pid, is_question, text, html, created, score[pid], visibility, _jsonb(assessment), "",
                    "Claim zonder betrouwbare bron." if fate == "rejected" else "", fate == "deleted",
                    created + timedelta(hours=2) if fate == "deleted" else None, author,
                    author if fate == "deleted" else None, moderator, t,
                ))
                if fate in ("pending", "approved", "rejected"):
                    status = {"pending": "pending", "approved": "approved", "rejected": "rejected"}[fate]
                    decided = created + timedelta(hours=rng.randint(1, 48)) if moderator else None
                    review_rows.append((
                        "detector", status, _jsonb(assessment.get("claim_types", [])), created, decided,
                        "" if status == "pending" else "Beoordeeld.", moderator if decided else None, pid,
                    ))
                    rules = ", ".join(m["rule"] for m in assessment.get("matched", []))[:500]
                    audit_rows.append(("held", created, pid, t, f"post {pid}", rules, "", "pending", None))
                    if decided:
                        audit_rows.append((status, decided, pid, t, f"post {pid}", "", "pending",
                                           "published" if status == "approved" else "rejected", moderator))
        timings["copy posts"] = time.perf_counter() - t0

        t0 = time.perf_counter()
        with cur.copy(
            "COPY moderation_reviewitem (reason, status, claim_types, created_at, decided_at, decision_note, decided_by_id,"
            " post_id) FROM STDIN"
        ) as copy:
            for row in review_rows:
                copy.write_row(row)
        with cur.copy(
            "COPY moderation_auditentry (action, created_at, post_id, topic_id, object_repr, reason, status_before,"
            " status_after, actor_id) FROM STDIN"
        ) as copy:
            for row in audit_rows:
                copy.write_row(row)
        with cur.copy("COPY forum_vote (value, created_at, post_id, user_id) FROM STDIN") as copy:
            for row in vote_rows:
                copy.write_row(row)
        timings["copy votes"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        with cur.copy("COPY forum_reaction (kind, created_at, post_id, user_id) FROM STDIN") as copy:
            for row in reaction_rows:
                copy.write_row(row)
        timings["copy reactions"] = time.perf_counter() - t0

        t0 = time.perf_counter()
        answers_by_topic = {}
        for pid, t, author, is_question, fate, _kind, created in posts:
            if not is_question and fate in ("published", "approved"):
                answers_by_topic.setdefault(t, []).append((pid, author, created))
        with cur.copy(
            "COPY forum_notification (kind, count, reason, is_read, cleared_at, created_at, updated_at, actor_id,"
            " post_id, recipient_id, topic_id) FROM STDIN"
        ) as copy:
            answered = list(answers_by_topic)
            for i in range(sizes.notifications):
                t = rng.choice(answered)
                pid, actor, created = rng.choice(answers_by_topic[t])
                recipient = reader_id if i < 8 else topic_author[t - 1]
                is_read = i >= 8 and rng.random() < 0.85
                kind = "new_answer" if rng.random() < 0.6 else "reactions"
                copy.write_row((
                    kind, 1 if kind == "new_answer" else rng.randint(1, 6), "", is_read,
                    created + timedelta(days=3) if is_read and rng.random() < 0.3 else None, created, created,
                    actor, pid, recipient, t,
                ))
        timings["copy notifications"] = time.perf_counter() - t0

        for table in ("forum_user", "account_emailaddress", "forum_category", "forum_topic", "forum_post", "forum_vote",
                      "forum_reaction", "forum_notification", "moderation_reviewitem", "moderation_auditentry"):
            cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
        cur.execute("CREATE TABLE bench_meta (key text PRIMARY KEY, value jsonb NOT NULL)")
        conn.commit()

    # Moderators' TOTP, through allauth itself so the stored format is whatever allauth expects.
    from allauth.mfa.totp.internal.auth import TOTP
    from django.contrib.auth import get_user_model
    from django.db import connection

    for user in get_user_model().objects.filter(pk__in=moderator_ids + [admin_id]):
        TOTP.activate(user, TOTP_SECRET)
    connection.close()

    t0 = time.perf_counter()
    fill_search_vectors(dsn, n_posts)
    timings["search vectors (UPDATE + GIN)"] = time.perf_counter() - t0

    category_slugs = {i: c[1] for i, c in enumerate(CATEGORIES, start=1)}
    meta = {
        "scale": scale,
        "seed": seed,
        "sizes": sizes.__dict__,
        "bench_topic_id": bench_topic,
        "bench_category_slug": category_slugs[topic_category[0]],
        "reader": usernames[reader_id - 1],
        "writer": usernames[writer_id - 1],
        "moderator": usernames[moderator_ids[0] - 1],
        "first_member_id": first_member,
        "member_count": n_users,
        "search_word": "huisarts",
        "password": PASSWORD,
    }
    t0 = time.perf_counter()
    with psycopg.connect(dsn, autocommit=True) as conn:
        for key, value in meta.items():
            conn.execute("INSERT INTO bench_meta (key, value) VALUES (%s, %s)", [key, _jsonb(value)])
        conn.execute("VACUUM (ANALYZE)")
    timings["vacuum analyze"] = time.perf_counter() - t0
    timings["total"] = time.perf_counter() - started
    return meta, timings


def fill_search_vectors(dsn, n_posts, workers=2):
    """One UPDATE per id range, run in parallel; the GIN index is rebuilt once afterwards (much faster than maintaining it row by row)."""
    from concurrent.futures import ThreadPoolExecutor

    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("DROP INDEX IF EXISTS post_search_vector_gin")
    step = n_posts // workers + 1
    ranges = [(start, start + step) for start in range(1, n_posts + 1, step)]

    def update(bounds):
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute("SET synchronous_commit = off")
            conn.execute(
                """
                UPDATE forum_post AS p SET search_vector =
                    setweight(to_tsvector('forum_dutch'::regconfig, CASE WHEN p.is_question THEN t.title ELSE '' END), 'A')
                    || setweight(to_tsvector('forum_dutch'::regconfig, regexp_replace(COALESCE(p.body_html, ''), '<[^>]+>', ' ', 'g')), 'B')
                FROM forum_topic AS t
                WHERE t.id = p.topic_id AND p.id >= %s AND p.id < %s
                """,
                bounds,
            )

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(update, ranges))
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("SET maintenance_work_mem = '512MB'")
        conn.execute("CREATE INDEX post_search_vector_gin ON forum_post USING GIN (search_vector)")


CONSISTENCY_CHECKS = {
    "topics whose answer_count, best_answer_score or reaction_count differ from their rows": """
        SELECT count(*) FROM forum_topic t
        LEFT JOIN (SELECT topic_id, count(*) AS n, max(score) AS best FROM forum_post
                   WHERE NOT is_question AND visibility = 'published' AND NOT is_deleted GROUP BY topic_id) a
               ON a.topic_id = t.id
        LEFT JOIN (SELECT p.topic_id, count(*) AS n FROM forum_reaction r JOIN forum_post p ON p.id = r.post_id
                   WHERE p.visibility = 'published' AND NOT p.is_deleted GROUP BY p.topic_id) r
               ON r.topic_id = t.id
        WHERE t.answer_count <> COALESCE(a.n, 0) OR t.best_answer_score IS DISTINCT FROM a.best
           OR t.reaction_count <> COALESCE(r.n, 0)""",
    "posts whose score differs from their votes": """
        SELECT count(*) FROM forum_post p
        LEFT JOIN (SELECT post_id, sum(value) AS s FROM forum_vote GROUP BY post_id) v ON v.post_id = p.id
        WHERE p.score <> COALESCE(v.s, 0)""",
    "topics whose is_public differs from their question": """
        SELECT count(*) FROM forum_topic t JOIN forum_post q ON q.topic_id = t.id AND q.is_question
        WHERE t.is_public <> (q.visibility = 'published' AND NOT q.is_deleted AND NOT t.is_deleted)""",
    "pending posts without exactly one pending review item": """
        SELECT count(*) FROM forum_post p
        WHERE p.visibility = 'pending'
          AND (SELECT count(*) FROM moderation_reviewitem r WHERE r.post_id = p.id AND r.status = 'pending') <> 1""",
    "posts without a search vector": "SELECT count(*) FROM forum_post WHERE search_vector IS NULL",
}


def check_consistency(dsn):
    """Each check counts rows that break a rule; all must be 0."""
    with psycopg.connect(dsn) as conn:
        return {name: conn.execute(sql).fetchone()[0] for name, sql in CONSISTENCY_CHECKS.items()}


def table_counts(dsn):
    tables = {
        "members": "SELECT count(*) FROM forum_user",
        "topics": "SELECT count(*) FROM forum_topic",
        "answers": "SELECT count(*) FROM forum_post WHERE NOT is_question",
        "published answers": "SELECT count(*) FROM forum_post WHERE NOT is_question AND visibility = 'published' AND NOT is_deleted",
        "votes": "SELECT count(*) FROM forum_vote",
        "reactions": "SELECT count(*) FROM forum_reaction",
        "pending review items": "SELECT count(*) FROM moderation_reviewitem WHERE status = 'pending'",
        "notifications": "SELECT count(*) FROM forum_notification",
        "database size": "SELECT pg_size_pretty(pg_database_size(current_database()))",
    }
    with psycopg.connect(dsn) as conn:
        return {name: conn.execute(sql).fetchone()[0] for name, sql in tables.items()}
