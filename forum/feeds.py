"""Atom feeds of the latest public topics, for the whole forum and per category."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from forum import selectors
from forum.models import Post, Visibility
from forum.seo import DESCRIPTION_CHARS, plain_text

FEED_ITEMS = 30


def with_questions(topics):
    """The newest FEED_ITEMS topics, each with its published question's HTML (two queries)."""
    topics = list(topics.select_related("author", "category").order_by("-created_at", "-pk")[:FEED_ITEMS])
    questions = Post.objects.filter(
        topic__in=topics, is_question=True, visibility=Visibility.PUBLISHED, is_deleted=False
    ).only("topic_id", "body_html")
    by_topic = {post.topic_id: post.body_html for post in questions}
    for topic in topics:
        topic.question_html = by_topic.get(topic.pk, "")
    return [topic for topic in topics if topic.question_html]


class LatestTopicsFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        return _("Health forum: latest topics")

    def link(self):
        return "/"

    def subtitle(self):
        return _("New questions in the forum. Only published posts appear here.")

    def items(self):
        return with_questions(selectors.public_topics())

    def item_title(self, topic):
        return topic.title

    def item_description(self, topic):
        return plain_text(topic.question_html, DESCRIPTION_CHARS * 2)

    def item_author_name(self, topic):
        return topic.starter_name  # "Anonymous member" for anonymous questions

    def item_pubdate(self, topic):
        return topic.created_at

    def item_updateddate(self, topic):
        return topic.last_activity_at

    def item_categories(self, topic):
        return [topic.category.name]


class CategoryTopicsFeed(LatestTopicsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(selectors.public_categories(), slug=slug)

    def title(self, category):
        return _("Health forum: %(category)s") % {"category": category.name}

    def link(self, category):
        return category.get_absolute_url()

    def subtitle(self, category):
        return plain_text(category.description) or _("New questions in the forum. Only published posts appear here.")

    def items(self, category):
        return with_questions(selectors.public_topics().filter(category=category))
