from django.urls import path

from moderation import member_views, views

app_name = "moderation"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("item/<int:pk>/", views.item_detail, name="item"),
    path("item/<int:pk>/claim/", views.item_claim, name="item_claim"),
    path("item/<int:pk>/decide/", views.item_decide, name="item_decide"),
    path("bulk/", views.bulk_decide, name="bulk"),
    path("care/<int:pk>/followed-up/", views.care_follow_up, name="care_follow_up"),
    path("solutions/", views.solution_queue, name="solutions"),
    path("solutions/<int:pk>/", views.solution_review, name="solution_review"),
    path("flag/<int:pk>/", views.flag, name="flag"),
    path("member/<str:username>/", member_views.member_page, name="member"),
    path("member/<str:username>/measure/", member_views.member_sanction, name="member_sanction"),
    path("member/<str:username>/note/", member_views.member_note, name="member_note"),
    path("post/<int:pk>/measure/", member_views.post_measure, name="post_measure"),
    path("measure/<int:pk>/lift/", member_views.sanction_lift, name="sanction_lift"),
    path("topic/<int:pk>/<str:action>/", views.solution_action, name="solution_action"),
]
