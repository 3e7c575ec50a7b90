from django.urls import path

from forum import feeds, member_views, moderator_views, search_views, views, vote_views

app_name = "forum"

urlpatterns = [
    path("", views.home, name="home"),
    path("c/<slug:slug>/", views.category_detail, name="category"),
    path("c/<slug:slug>/new/", views.topic_create, name="topic_create_in"),
    path("new/", views.topic_create, name="topic_create"),
    path("t/<int:pk>/", views.topic_short_url, name="topic_short"),
    path("t/<int:pk>/answer/", views.answer_create, name="answer_create"),
    path("t/<int:pk>/watch/", member_views.topic_watch, name="topic_watch"),
    path("c/<slug:slug>/watch/", member_views.category_watch, name="category_watch"),
    path("u/<str:username>/mute/", member_views.member_mute, name="member_mute"),
    path("members/suggest/", member_views.member_suggest, name="member_suggest"),
    path("p/<int:pk>/", member_views.post_permalink, name="post"),
    path("p/<int:pk>/edit/", views.post_edit, name="post_edit"),
    path("p/<int:pk>/delete/", views.post_delete, name="post_delete"),
    path("p/<int:pk>/withdraw/", views.question_withdraw, name="question_withdraw"),
    path("p/<int:pk>/revisions/", views.post_revisions, name="post_revisions"),
    path("p/<int:pk>/vote/", vote_views.vote, name="vote"),
    path("p/<int:pk>/react/", vote_views.react, name="react"),
    path("notifications/", member_views.notification_list, name="notifications"),
    path("notifications/<int:pk>/open/", member_views.notification_go, name="notification_open"),
    path("notifications/clear/", member_views.notification_clear_all, name="notifications_clear"),
    path("u/<str:username>/", member_views.profile, name="profile"),
    path("settings/", member_views.preferences, name="preferences"),
    path("settings/images/", member_views.upload_list, name="uploads"),
    path("settings/images/<int:pk>/remove/", member_views.upload_remove, name="upload_remove"),
    path("unsubscribe/<str:token>/", member_views.unsubscribe, name="unsubscribe"),
    path("search/", search_views.search, name="search"),
    path("search/similar/", search_views.similar_topics, name="similar_topics"),
    path("language/", member_views.language_switch, name="language"),
    path("feeds/latest/", feeds.LatestTopicsFeed(), name="feed_latest"),
    path("c/<slug:slug>/feed/", feeds.CategoryTopicsFeed(), name="feed_category"),
    # Moderators' changes to forum content, under the moderators' address.
    path("moderation/hide-topic/<int:pk>/", moderator_views.topic_hide, name="topic_hide"),
    path("moderation/show-topic/<int:pk>/", moderator_views.topic_unhide, name="topic_unhide"),
    path("moderation/post/<int:pk>/edit/", moderator_views.post_moderator_edit, name="moderator_edit"),
    # Last: every other t/<id>/<word>/ address comes first (Topic.slug never takes one of those words).
    path("t/<int:pk>/<slug:slug>/", views.topic_detail, name="topic"),
]

