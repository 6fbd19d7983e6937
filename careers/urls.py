"""Public pages of the careers app."""

from django.urls import path

from careers import views

app_name = "careers"

urlpatterns = [
    path("", views.home, name="home"),
    path("careers/", views.category_list, name="category_list"),
    path("careers/<slug:slug>/", views.category_detail, name="category_detail"),
    path("roles/<slug:slug>/", views.role_detail, name="role_detail"),
]
