from django.urls import path

from forum import feeds, moderator_views, search_views, views

app_name = "forum"

urlpatterns = [
    path("", views.home, name="home"),
    path("c/<slug:slug>/", views.category_detail, name="category"),
    path("c/<slug:slug>/new/", views.topic_create, name="topic_create_in"),
    path("new/", views.topic_create, name="topic_create"),
    path("t/<int:pk>/", views.topic_short_url, name="topic_short"),
    path("t/<int:pk>/answer/", views.answer_create, name="answer_create"),
    path("t/<int:pk>/watch/", views.topic_watch, name="topic_watch"),
    path("c/<slug:slug>/watch/", views.category_watch, name="category_watch"),
    path("u/<str:username>/mute/", views.member_mute, name="member_mute"),
    path("members/suggest/", views.member_suggest, name="member_suggest"),
    path("p/<int:pk>/", views.post_permalink, name="post"),
    path("p/<int:pk>/edit/", views.post_edit, name="post_edit"),
    path("p/<int:pk>/delete/", views.post_delete, name="post_delete"),
    path("p/<int:pk>/withdraw/", views.question_withdraw, name="question_withdraw"),
    path("p/<int:pk>/revisions/", views.post_revisions, name="post_revisions"),
    path("p/<int:pk>/vote/", views.vote, name="vote"),
    path("p/<int:pk>/react/", views.react, name="react"),
    path("notifications/", views.notification_list, name="notifications"),
    path("notifications/<int:pk>/open/", views.notification_go, name="notification_open"),
    path("notifications/clear/", views.notification_clear_all, name="notifications_clear"),
    path("u/<str:username>/", views.profile, name="profile"),
    path("settings/", views.preferences, name="preferences"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("search/", search_views.search, name="search"),
    path("search/similar/", search_views.similar_topics, name="similar_topics"),
    path("language/", views.language_switch, name="language"),
    path("feeds/latest/", feeds.LatestTopicsFeed(), name="feed_latest"),
    path("c/<slug:slug>/feed/", feeds.CategoryTopicsFeed(), name="feed_category"),
    # Moderators' changes to forum content, under the moderators' address.
    path("moderation/hide-topic/<int:pk>/", moderator_views.topic_hide, name="topic_hide"),
    path("moderation/show-topic/<int:pk>/", moderator_views.topic_unhide, name="topic_unhide"),
    path("moderation/post/<int:pk>/edit/", moderator_views.post_moderator_edit, name="moderator_edit"),
    # Last: every other t/<id>/<word>/ address comes first (Topic.slug never takes one of those words).
    path("t/<int:pk>/<slug:slug>/", views.topic_detail, name="topic"),
]

