"""Public pages of the careers app."""

from django.urls import path, register_converter

from careers.assessments.views import quiz, results
from careers.catalogue import views as pages
from careers.listings import views as listings
from careers.sharing import views as sharing
from careers.web.logs import TOKEN_PATTERN


class TokenConverter:
    """Assessment tokens: URL-safe base64, so anything else is a 404 before any query."""

    regex = TOKEN_PATTERN

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class IdConverter:
    """Row ids and step numbers: at most 18 digits, so they always fit the database's
    64-bit integers (a longer number would overflow in the query, not just miss)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(TokenConverter, "token")
register_converter(IdConverter, "id")

app_name = "careers"

urlpatterns = [
    path("", pages.home, name="home"),
    path("careers/", pages.category_list, name="category_list"),
    path("careers/<slug:slug>/", pages.category_detail, name="category_detail"),
    path("roles/<slug:slug>/", pages.role_detail, name="role_detail"),
    path("quiz/", quiz.quiz_start, name="quiz_start"),
    path("quiz/forget/", quiz.quiz_forget, name="quiz_forget"),
    path("quiz/<token:token>/step/<id:number>/", quiz.quiz_step, name="quiz_step"),
    path("quiz/<token:token>/steps/", quiz.quiz_steps, name="quiz_steps"),
    path("results/deleted/", results.result_deleted, name="result_deleted"),
    path("results/<token:token>/", results.result_detail, name="result_detail"),
    path("results/<token:token>/delete/", results.result_delete, name="result_delete"),
    path(
        "results/<token:token>/start-again/",
        results.result_restart,
        name="result_restart",
    ),
    path("results/<token:token>/share/", sharing.share_create, name="share_create"),
    path("results/<token:token>/links/", sharing.share_links, name="share_links"),
    path(
        "results/<token:token>/share/<id:pk>/revoke/",
        sharing.share_revoke,
        name="share_revoke",
    ),
    path("jobs/<id:pk>/report/", listings.listing_report, name="listing_report"),
    path("jobs/<id:pk>/applied/", listings.listing_applied, name="listing_applied"),
    path("jobs/<id:pk>/<slug:slug>/", listings.listing_detail, name="listing_detail"),
    path("s/<token:share_token>/", sharing.share_detail, name="share_detail"),
    path("s/<token:share_token>/card.png", sharing.share_card, name="share_card"),
]
