from django.urls import path

from privacy import views

app_name = "privacy"

urlpatterns = [
    path("privacy/", views.privacy_notice, name="notice"),
    path("huisregels/", views.house_rules, name="house_rules"),
    path("house-rules/", views.house_rules_english, name="house_rules_en"),
    path("account/consent/", views.consent, name="consent"),
    path("account/export/", views.export, name="export"),
    path("account/export/<str:token>/", views.export_download, name="export_download"),
    path("account/close/", views.close_account, name="close"),
]
