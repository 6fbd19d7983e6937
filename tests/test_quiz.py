"""The questionnaire, with and without htmx; the quiz this device remembers."""

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from careers.assessments.forms import STEPS, build_form
from careers.assessments.views.quiz import QUIZ_COOKIE
from careers.models import Assessment, Result
from tests.helpers import ANSWERS, HTMX, answer_all, finish, start, step_url

pytestmark = pytest.mark.django_db


def test_start_page_invites_without_asking_who_you_are(client):
    response = client.get(reverse("careers:quiz_start"))
    assertContains(response, "Start the quiz")
    assertContains(response, "No account, no name, email or phone number")


def test_whole_quiz_without_javascript_ends_on_the_result(client):
    token = start(client)
    for number in range(1, 8):
        page = client.get(step_url(token, number))
        assertContains(page, f"Step {number} of 7")
        assertContains(page, f'<progress id="quiz-progress" max="7" value="{number}">')
        response = client.post(step_url(token, number), ANSWERS[number])
        expected = (
            reverse("careers:result_detail", args=[token])
            if number == 7
            else step_url(token, number + 1)
        )
        assertRedirects(response, expected, fetch_redirect_response=False)
    result = client.get(reverse("careers:result_detail", args=[token]))
    assertContains(result, "You can apply now")
    assertContains(result, "Voice customer support associate")
    assertContains(result, "BPO fits you best today")
    assertContains(result, "<svg")
    assertContains(result, "The chart as a table")
    assert Result.objects.count() == 1


def test_htmx_step_swaps_the_form_and_pushes_the_next_url(client):
    token = start(client)
    fragment = client.get(step_url(token, 1), **HTMX)
    assert fragment.status_code == 200
    assert fragment.text.lstrip().startswith('<section id="quiz"')
    assertNotContains(fragment, "<html")
    response = client.post(step_url(token, 1), ANSWERS[1], **HTMX)
    assert response.status_code == 200
    assert response["HX-Push-Url"] == step_url(token, 2)
    assertContains(response, "Step 2 of 7")
    assertContains(response, "<title>Step 2 of 7: ")
    assertNotContains(response, "<html")
    assert "HX-Request" in response["Vary"]


def test_browser_back_with_htmx_gets_the_whole_page(client):
    token = start(client)
    page = client.get(
        step_url(token, 1), HTTP_HX_HISTORY_RESTORE_REQUEST="true", **HTMX
    )
    assertContains(page, "<html")
    assertContains(page, "Step 1 of 7")


def test_htmx_finish_redirects_the_browser_to_the_result(client):
    token = start(client)
    answer_all(client, token, upto=6)
    response = client.post(step_url(token, 7), ANSWERS[7], **HTMX)
    assert response["HX-Redirect"] == reverse("careers:result_detail", args=[token])


def test_full_page_and_fragment_give_the_same_result(client):
    plain, htmx = Client(), Client()
    answer_all(plain, start(plain))
    answer_all(htmx, start(htmx), **HTMX)
    first, second = Result.objects.order_by("id")
    assert first.recommendation == second.recommendation


def test_validation_error_is_beside_the_field_with_focus_and_status_400(client):
    token = start(client)
    data = dict(ANSWERS[1], typing_wpm="fast", spoken_english="")
    for extra in ({}, HTMX):
        response = client.post(step_url(token, 1), data, **extra)
        assert response.status_code == 400
        assertContains(
            response, "Enter a whole number of words per minute", status_code=400
        )
        assertContains(
            response, "Choose the sentence closest to how you speak", status_code=400
        )
        assertContains(response, 'aria-invalid="true"', status_code=400)
        assertContains(response, "autofocus", status_code=400)
        assertContains(response, 'id="id_typing_wpm_error"', status_code=400)
    assert Assessment.objects.get(token=token).answers == {}


def test_unknown_choice_is_a_400_with_a_message(client):
    token = start(client)
    response = client.post(step_url(token, 1), dict(ANSWERS[1], spoken_english="Z9"))
    assertContains(response, "Choose one of the options shown.", status_code=400)
    assert "Select a valid choice" not in response.text


def test_error_messages_are_in_our_words_and_read_cleanly(client):
    token = start(client)
    response = client.post(
        step_url(token, 1), dict(ANSWERS[1], typing_wpm="900", spoken_english="")
    )
    assert response.status_code == 400
    assert "Enter a speed of at most 200 words a minute" in response.text
    assert "Ensure this value" not in response.text
    # The summary names each question, then its problem, with no "?:" between them.
    assert "?:" not in response.text
    assert (
        '<span class="summary-label">Which sentence describes your spoken English '
        "best?</span> Choose the sentence closest to how you speak English."
    ) in response.text


def test_back_keeps_saved_answers(client):
    token = start(client)
    answer_all(client, token, upto=2)
    back = client.get(step_url(token, 1))
    assertContains(back, 'value="C1" required id="id_spoken_english_4" checked')
    assertContains(back, 'value="32"')


def test_a_step_seen_before_by_others_carries_your_own_links(client):
    first = start(client)
    client.post(step_url(first, 1), ANSWERS[1])
    seen = client.get(step_url(first, 2), **HTMX)
    assertContains(seen, step_url(first, 2))
    other = Client()
    second = start(other)
    other.post(step_url(second, 1), ANSWERS[1])
    for page in (
        other.get(step_url(second, 2), **HTMX),
        other.get(step_url(second, 2)),
    ):
        assertContains(page, f'hx-post="{step_url(second, 2)}"')
        assertContains(page, f"http://testserver{step_url(second, 2)}")
        assertContains(page, f'href="{step_url(second, 1)}"')
        assertNotContains(page, first)


def test_a_step_shows_your_own_saved_answers_not_anothers(client):
    first = start(client)
    client.post(step_url(first, 1), ANSWERS[1])
    other = Client()
    second = start(other)
    other.post(step_url(second, 1), dict(ANSWERS[1], typing_wpm="55"))
    assertContains(client.get(step_url(first, 1)), 'value="32"')
    again = other.get(step_url(second, 1))
    assertContains(again, 'value="55"')
    assertNotContains(again, 'value="32"')


def test_the_link_back_to_the_result_is_your_own(client):
    token = start(client)
    answer_all(client, token)
    other = Client()
    second = start(other)
    answer_all(other, second)
    for who, mine, theirs in ((client, token, second), (other, second, token)):
        page = who.get(step_url(mine, 3))
        assertContains(page, reverse("careers:result_detail", args=[mine]))
        assertNotContains(page, theirs)


def test_skipping_ahead_is_refused(client):
    token = start(client)
    client.post(step_url(token, 1), ANSWERS[1])
    response = client.post(step_url(token, 4), ANSWERS[4])
    assertContains(response, "Please answer step 2", status_code=400)
    assert set(Assessment.objects.get(token=token).answers) == {"languages"}
    assertRedirects(client.get(step_url(token, 5)), step_url(token, 2))


def test_forged_token_and_unknown_step_are_404(client):
    token = start(client)
    assert client.get(step_url("A" * 32, 1)).status_code == 404
    assert client.post(step_url("A" * 32, 1), ANSWERS[1]).status_code == 404
    assert client.get(step_url(token, 8)).status_code == 404
    assert client.get("/en/quiz/short/step/1/").status_code == 404
    assert (
        client.get(reverse("careers:result_detail", args=["B" * 32])).status_code == 404
    )


def test_double_submit_of_the_last_step_gives_one_result(client):
    token = start(client)
    answer_all(client, token, upto=6)
    client.post(step_url(token, 7), ANSWERS[7])
    client.post(step_url(token, 7), ANSWERS[7], **HTMX)
    assert Result.objects.filter(assessment__token=token).count() == 1


def test_changing_answers_updates_the_one_result(client):
    token = start(client)
    answer_all(client, token)
    client.post(step_url(token, 1), dict(ANSWERS[1], spoken_english="A2"))
    client.post(step_url(token, 7), ANSWERS[7])
    result = Result.objects.get(assessment__token=token)
    assert Result.objects.count() == 1
    voice = next(
        r
        for r in result.recommendation["recommendations"]
        if r["role"] == "voice-customer-support-associate"
    )
    assert voice["verdict"] == "not_yet"


def test_a_late_finish_of_older_answers_keeps_the_result_of_the_newer(client):
    # Scoring holds no lock: a slow finish of the answers as they were can end after
    # the candidate changed them in another tab and that finish was stored.
    token = start(client)
    answer_all(client, token)
    older = Assessment.objects.get(token=token)
    client.post(step_url(token, 7), dict(ANSWERS[7], work_style="judgement"))
    newer = Assessment.objects.get(token=token)
    assert newer.version > older.version
    late = older.finish()
    stored = Result.objects.get(assessment__token=token)
    assert stored.profile["preferences"]["work_style"] == "judgement"
    assert late.pk == stored.pk
    assert late.profile == stored.profile
    assert Result.objects.filter(assessment__token=token).count() == 1


def test_resume_after_leaving_midway(client):
    token = start(client)
    answer_all(client, token, upto=3)
    page = client.get(reverse("careers:quiz_start"))
    assertContains(page, "Continue where you left off")
    assertContains(page, step_url(token, 4))


def test_continue_later_link_works_on_another_device(client):
    token = start(client)
    answer_all(client, token, upto=2)
    page = client.get(step_url(token, 3))
    assertContains(page, f"http://testserver{step_url(token, 3)}")
    other = Client()
    assertContains(other.get(step_url(token, 2)), "Step 2 of 7")
    assertRedirects(other.get(step_url(token, 5)), step_url(token, 3))


def test_oversized_body_is_refused_and_changes_nothing(client):
    token = start(client)
    response = client.post(step_url(token, 1), dict(ANSWERS[1], padding="x" * 300_000))
    assert response.status_code == 400
    assert Assessment.objects.get(token=token).answers == {}


def test_missing_csrf_token_is_refused():
    client = Client(enforce_csrf_checks=True)
    assert client.post(reverse("careers:quiz_start")).status_code == 403


def test_no_personal_details_are_asked(client):
    token = start(client)
    for number in range(1, 8):
        client.post(step_url(token, number), ANSWERS[number])
        page = client.get(step_url(token, number)).text.lower()
        for word in ('type="email"', 'type="tel"', 'name="name"', 'name="phone"'):
            assert word not in page


def test_this_device_remembers_the_quiz_in_a_cookie_not_a_session(client):
    from django.contrib.sessions.models import Session

    token = start(client)
    cookie = client.cookies["careerfit_quiz"]
    assert cookie.value == token
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    answer_all(client, token, upto=2)
    assert "sessionid" not in client.cookies
    assert not Session.objects.exists()
    # Another device that opens the continue link is remembered once it answers there
    # (only opening it, as anyone given the link might, changes nothing).
    other = Client()
    other.get(step_url(token, 2))
    assert "careerfit_quiz" not in other.cookies
    other.post(step_url(token, 2), ANSWERS[2])
    assert other.cookies["careerfit_quiz"].value == token
    resume = other.get(reverse("careers:quiz_start"))
    assertContains(resume, step_url(token, 3))


def test_one_candidates_errors_never_show_on_anothers_form():
    refused = build_form(STEPS[0], data={"country": "IN", "typing_wpm": "fast"})
    assert not refused.is_valid()
    assert "autofocus" in refused.fields["spoken_english"].widget.attrs
    fresh = build_form(STEPS[0])
    assert "autofocus" not in fresh.fields["spoken_english"].widget.attrs
    assert "autofocus" not in str(fresh["spoken_english"])


def test_finishing_again_updates_the_one_result_in_place(client):
    token = start(client)
    answer_all(client, token)
    first = Result.objects.get(assessment__token=token)
    again = Assessment.objects.get(token=token).finish()
    assert again.pk == first.pk
    stored = Result.objects.get(pk=first.pk)
    assert stored.created_at == first.created_at
    assert stored.updated_at > first.updated_at
    assert Result.objects.filter(assessment__token=token).count() == 1


@pytest.mark.parametrize("cookie", ["abc\x00" * 5, "x" * 20 + "'; --", "é" * 20])
def test_junk_in_the_quiz_cookie_is_ignored(cookie):
    client = Client()
    client.cookies[QUIZ_COOKIE] = cookie
    response = client.get("/en/quiz/")
    assert response.status_code == 200
    assert "Start the quiz" in response.text


def test_opening_someone_elses_link_keeps_this_devices_own_quiz(client):
    mine = start(client)
    client.post(step_url(mine, 1), ANSWERS[1])
    theirs = finish(Client())
    assert client.get(step_url(theirs, 1)).status_code == 200
    assert (
        client.get(reverse("careers:result_detail", args=[theirs])).status_code == 200
    )
    assert client.cookies[QUIZ_COOKIE].value == mine
    page = client.get("/en/quiz/")
    assert step_url(mine, 2) in page.text


def test_this_is_not_my_quiz_forgets_it_on_this_device(client):
    token = start(client)
    page = client.get("/en/quiz/")
    assert "This is not my quiz" in page.text
    response = client.post(reverse("careers:quiz_forget"))
    assert response.status_code == 302
    page = client.get("/en/quiz/")
    assert "Continue where you left off" not in page.text
    assert "Start the quiz" in page.text
    assert Assessment.objects.filter(token=token).exists()  # nothing deleted


def offered(form) -> set[str]:
    return {
        value
        for _kind, group in form.fields["qualifications"].choices
        for value, _label in group
    }


def test_a_quiz_summary_links_a_radio_group_to_the_group(client):
    response = client.post(step_url(start(client), 1), {})
    assertContains(response, '<a href="#id_spoken_english">', status_code=400)
    assertContains(response, '<div id="id_spoken_english">', status_code=400)


@pytest.mark.parametrize("step", STEPS, ids=lambda step: step.slug)
def test_each_step_is_its_own_form_class_with_the_catalogues_choices(step):
    form = build_form(step, profile={"education": "bachelor"})
    assert type(form) is step.form_class
    for field in form.fields.values():
        assert getattr(field, "choices", True), field.label


def test_the_qualifications_offered_follow_the_education_given():
    step = next(step for step in STEPS if step.slug == "qualifications")
    school = offered(build_form(step, profile={"education": "12th"}))
    degree = offered(build_form(step, profile={"education": "master"}))
    assert school < degree


def test_start_again_on_the_result_asks_first_and_keeps_the_way_back(client):
    old = finish(client)
    result = client.get(reverse("careers:result_detail", args=[old]))
    ask = reverse("careers:result_restart", args=[old])
    # The result page's "Start again" is a link to a question, not a form that starts.
    assertContains(result, f'href="{ask}">Start again</a>')
    assertNotContains(result, 'action="/en/quiz/"')
    question = client.get(ask)
    assertContains(question, "<h1>Start again with new answers?</h1>")
    assertContains(question, "See your earlier result")
    assertContains(question, f'href="{reverse("careers:result_detail", args=[old])}')
    assert "noindex" in question["X-Robots-Tag"]
    new = start(client)
    page = client.get(reverse("careers:quiz_start"))
    assertContains(page, step_url(new, 1))
    assertContains(page, "See your earlier result")
    assertContains(page, reverse("careers:result_detail", args=[old]))
    # Only this browser: another one, given the new quiz's link, is not shown the old.
    other = Client()
    other.post(step_url(new, 1), ANSWERS[1])
    assertNotContains(other.get(reverse("careers:quiz_start")), "earlier result")
    # Starting again from an unfinished quiz keeps the earlier result, not the draft.
    start(client)
    assertContains(
        client.get(reverse("careers:quiz_start")),
        reverse("careers:result_detail", args=[old]),
    )


def test_a_result_opened_from_a_link_says_this_device_does_not_remember_it(client):
    token = finish(Client())
    question = client.get(reverse("careers:result_restart", args=[token]))
    assertContains(question, "does not remember this result")
    start(client)
    assertNotContains(client.get(reverse("careers:quiz_start")), "earlier result")


def test_the_earlier_result_goes_once_deleted_or_forgotten(client):
    old = finish(client)
    start(client)
    client.post(reverse("careers:result_delete", args=[old]))
    assert "careerfit_earlier" not in client.cookies or not (
        client.cookies["careerfit_earlier"].value
    )
    assertNotContains(client.get(reverse("careers:quiz_start")), "earlier result")
    again = finish(client)
    start(client)
    assertContains(client.get(reverse("careers:quiz_start")), "earlier result")
    client.post(reverse("careers:quiz_forget"))
    page = client.get(reverse("careers:quiz_start"))
    assertNotContains(page, "earlier result")
    assertNotContains(page, again)


def test_the_start_page_is_indexed_only_without_a_quiz(client):
    public = client.get(reverse("careers:quiz_start"))
    assert "X-Robots-Tag" not in public
    # Never stored all the same: its form holds this browser's CSRF token.
    assert "no-store" in public["Cache-Control"]
    assert "Cookie" in public["Vary"]
    start(client)
    private = client.get(reverse("careers:quiz_start"))
    assert "noindex" in private["X-Robots-Tag"]
    assert "private" in private["Cache-Control"]
