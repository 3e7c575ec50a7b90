"""One pipeline for every place that judges a post: render → sanitise → read what readers see → assess.

Posting, editing, the hold notice and ``manage.py assess`` all call :func:`screen_post`, so a
post is judged on exactly what its readers will see: the sanitised HTML that
``forum.markdown.render_markdown`` stores, read by ``moderation.policy.visible`` (visible
text, normalised, quotes marked; the links that survived sanitising) and assessed by
``moderation.policy.assess``. What the sanitiser drops does not exist for the policy, and a
link counts by its target, never by its text.
"""

from forum.markdown import render_markdown
from moderation.policy import Assessment, Rules, assess
from moderation.policy.visible import VisibleDocument, visible_document


def visible_post(markdown, *, title=None, html=None):
    """The :class:`VisibleDocument` of a post (a question's title in front). ``html``: its stored body_html."""
    document = visible_document(render_markdown(markdown or "") if html is None else html)
    return document.with_title(title) if title else document


def screen(markdown, *, rules: Rules, title=None, language=None, html=None) -> Assessment:
    """Assess a post's Markdown with the given rules (no database): what :func:`screen_post` runs."""
    return assess(visible_post(markdown, title=title, html=html), rules, language=language)


def screen_post(markdown, title=None, language=None, *, html=None) -> Assessment:
    """Assess a post as readers will see it, with the rules admins maintain.

    ``title``: the topic title being saved, for a question (it is judged with the body).
    ``html``: the body's already rendered HTML, when the caller has it (it must come from
    ``render_markdown(markdown)``), to save rendering twice.
    """
    from moderation.rules import load_rules  # the rules loader reads the database

    return screen(markdown, rules=load_rules(), title=title, language=language, html=html)


__all__ = ["VisibleDocument", "screen", "screen_post", "visible_post"]


def post_assessment_text(post):
    """The question is assessed with its title: a title alone can make the claim."""
    return assessment_text(title=post.topic.title, body=post.body, is_question=post.is_question)


def assessment_text(*, title, body, is_question):
    return f"{title}\n\n{body}" if is_question else body
