from django.urls import path

from . import directory, scope_team, team, views

urlpatterns = [
    path("copil/", views.copil_list, name="copil-list"),
    path("copil/nouveau/", views.copil_edit, name="copil-create"),
    path("copil/<int:pk>/", views.copil_detail, name="copil-detail"),
    path("copil/<int:pk>/modifier/", views.copil_edit, name="copil-edit"),
    path("copil/<int:pk>/decisions/", views.decision_add, name="copil-decision-add"),
    path("copil/<int:pk>/compte-rendu/", views.copil_minutes, name="copil-minutes"),
    path("territoires/<str:identifier>/equipe/", team.team_page, name="territory-team"),
    path("territoires/<str:identifier>/equipe/ajouter/", team.role_add, name="territory-role-add"),
    path("regions/<str:code>/equipe/", scope_team.region_team, name="region-team"),
    path("equipe-nationale/", scope_team.national_team, name="national-team"),
    path("roles/<int:pk>/fin/", team.role_end, name="role-end"),
    path("personnes/<int:pk>/inviter/", team.person_invite, name="person-invite"),
    path("organisations/", directory.organisations, name="organisations"),
    path("personnes/", directory.people, name="people"),
]
