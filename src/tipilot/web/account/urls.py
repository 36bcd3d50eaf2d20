from django.urls import path

from . import views

urlpatterns = [
    path("", views.account, name="account"),
    path("connexion/", views.login_view, name="login"),
    path("deconnexion/", views.logout_view, name="logout"),
    path("jeton/", views.token_regenerate, name="api-token"),
    path("invitation/<str:token>/", views.invitation, name="invitation-accept"),
    path("mot-de-passe/", views.password_reset, name="password-reset"),
    path("mot-de-passe/envoye/", views.password_reset_done, name="password-reset-done"),
    path(
        "mot-de-passe/<uidb64>/<token>/",
        views.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path("mot-de-passe/termine/", views.password_reset_complete, name="password-reset-complete"),
]
