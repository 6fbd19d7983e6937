"""Whole journeys in a real browser (Chromium via Playwright) against a live server."""

import io
import re
from functools import partial

import pytest
from PIL import Image
from playwright.sync_api import expect

from careers.models import JobListing
from tests.browser.helpers import answer_step, fill_step, wait_for_step
from tests.factories import JobListingFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_whole_quiz_with_htmx_swaps_steps_in_place(page, take_quiz):
    take_quiz(page, upto=1)
    # A full page load would lose this marker; htmx swaps keep the same document.
    page.evaluate("window.stillTheSamePage = true")
    for number in range(2, 8):
        expect(page).to_have_url(re.compile(rf"/step/{number}/$"))
        # The tab's title (what history and screen readers name) follows the step.
        expect(page).to_have_title(re.compile(rf"^Step {number} of 7: "))
        answer_step(page, number)
    expect(page).to_have_url(re.compile(r"/en/results/[\w-]+/$"))
    expect(page.get_by_role("heading", name="You can apply now (6)")).to_be_visible()
    expect(
        page.get_by_role("link", name="Voice customer support associate").first
    ).to_be_visible()


def test_whole_quiz_without_javascript(browser, take_quiz):
    context = browser.new_context(java_script_enabled=False)
    page = take_quiz(context.new_page())
    expect(page.get_by_role("heading", name="You can apply now (6)")).to_be_visible()
    expect(page.get_by_text("BPO fits you best today")).to_be_visible()
    context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_whole_journey_in_hindi_on_a_small_phone(browser, take_quiz, javascript):
    phone = browser.new_context(
        viewport={"width": 360, "height": 740},
        java_script_enabled=javascript,
        locale="hi-IN",
    )
    page = take_quiz(phone.new_page(), language="hi")
    expect(page).to_have_url(re.compile(r"/hi/results/[\w-]+/$"))
    expect(page.locator("html")).to_have_attribute("lang", "hi")
    expect(page.get_by_role("heading", name="आप अभी आवेदन कर सकते हैं (6)")).to_be_visible()
    expect(
        page.get_by_role("link", name="वॉइस कस्टमर सपोर्ट एसोसिएट").first
    ).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.click("#share button[type=submit]")  # "Create a share link"
    link = page.locator("input[id^=share-link-]").first.input_value()

    # A reader whose browser asks for English still gets the Hindi it was made in,
    # and can switch.
    reader = browser.new_context(java_script_enabled=javascript, locale="en-IN")
    friend = reader.new_page()
    friend.goto(link)
    expect(friend.locator("html")).to_have_attribute("lang", "hi")
    expect(
        friend.get_by_role("heading", name="मेरे लिए कौन-सा BPO और KPO काम सही है")
    ).to_be_visible()
    card = friend.request.get(link + "card.png").body()
    assert Image.open(io.BytesIO(card)).size == (1200, 630)
    assert len(card) < 60_000
    friend.get_by_role("link", name="English").click()
    expect(friend.locator("html")).to_have_attribute("lang", "en")
    expect(
        friend.get_by_role("link", name="Voice customer support associate")
    ).to_be_visible()
    reader.close()
    phone.close()


def test_back_refresh_and_continue_later_keep_every_answer(browser, page, take_quiz):
    take_quiz(page, upto=3)
    page.get_by_role("link", name="Back").click()
    wait_for_step(page, 3)
    page.get_by_role("link", name="Back").click()
    wait_for_step(page, 2)
    expect(page.locator("#id_education_1")).to_be_checked()
    page.reload()
    expect(page.locator("label[for=quiz-progress]")).to_have_text("Step 2 of 7")
    expect(page.locator("#id_education_1")).to_be_checked()
    page.go_back()
    expect(page.locator("label[for=quiz-progress]")).to_have_text("Step 3 of 7")

    page.get_by_text("Continue later on any device").click()
    link = page.locator("#continue-link").input_value()
    elsewhere = browser.new_context().new_page()
    elsewhere.goto(link)
    expect(elsewhere.locator("label[for=quiz-progress]")).to_have_text("Step 3 of 7")
    expect(elsewhere.locator("#id_none")).to_be_checked()
    for number in range(3, 8):
        answer_step(elsewhere, number)
    expect(
        elsewhere.get_by_role("heading", name="You can apply now (6)")
    ).to_be_visible()


def test_share_open_elsewhere_then_revoke(browser, page, take_quiz):
    take_quiz(page)
    # The top three roles are ticked; the friend sees those and nothing else.
    page.get_by_label(re.compile(r"Content moderator")).check()
    page.get_by_role("button", name="Create a share link").click()
    link = page.locator("input[id^=share-link-]").first.input_value()

    friend = browser.new_context().new_page()
    friend.goto(link)
    expect(
        friend.get_by_role("heading", name="My BPO and KPO career fit")
    ).to_be_visible()
    expect(
        friend.get_by_role("link", name="Voice customer support associate")
    ).to_be_visible()
    expect(friend.get_by_role("link", name="Content moderator")).to_be_visible()
    expect(friend.get_by_role("link", name="Data entry operator")).to_have_count(0)
    expect(friend.locator("meta[property='og:image']")).to_have_attribute(
        "content", re.compile(r"^http://.+/card\.png$")
    )

    page.get_by_role("button", name="Switch this link off").click()
    expect(page.get_by_text("Switched off on")).to_be_visible()
    response = friend.goto(link)
    assert response.status == 410
    expect(
        friend.get_by_role("heading", name="This link no longer works")
    ).to_be_visible()


def log_in(page, site, username):
    page.goto(f"{site}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Listings and catalogue")).to_be_visible()


def recruiter_sends_a_listing_for_review(admin, site) -> JobListing:
    """Asha writes a listing in the admin and sends it for review."""
    log_in(admin, site, "asha")
    admin.goto(f"{site}/admin/careers/joblisting/add/")
    admin.get_by_label("Title").fill("Night voice process for a US bank")
    admin.get_by_label("Company").fill("Harbour Contact Centre")
    # The role field is an autocomplete (select2) box.
    admin.locator(".field-role .select2-selection").click()
    admin.locator(".select2-search__field").fill("Voice customer")
    admin.locator(".select2-results__option", has_text="Voice customer support").click()
    admin.get_by_label("Description in English").fill(
        "Answer calls from customers of a US bank about their cards and accounts, "
        "note each call in the CRM and follow the bank's steps to solve it. Four "
        "weeks of paid training; night shift with a cab home and a night allowance. "
        "We charge no fee at any stage."
    )
    admin.get_by_label("Spoken english").select_option("B2")
    admin.get_by_label("Typing speed (words a minute)").fill("40")
    admin.get_by_label("Apply email").fill("jobs@harbour.example")
    admin.get_by_label("Anything else about applying").fill(
        "Bring your 12th marksheet to the interview."
    )
    admin.get_by_label("Location").fill("Pune")
    admin.get_by_label("Work mode").select_option("on_site")
    admin.get_by_label("Shore").select_option("offshore")
    admin.get_by_label("Shift").select_option("us_hours")
    admin.get_by_label("Send for review when saved").check()
    admin.get_by_label("We never ask candidates for money").check()
    admin.get_by_role("button", name="Save", exact=True).click()
    expect(admin.locator(".messagelist")).to_contain_text("Sent for review.")
    listing = JobListing.objects.get(title="Night voice process for a US bank")
    assert listing.owner.username == "asha"
    assert not listing.is_visible  # not before a moderator has looked
    return listing


def moderator_approves_it(moderator, site, listing: JobListing) -> None:
    log_in(moderator, site, "meera")
    moderator.goto(f"{site}/admin/careers/listingforreview/")
    moderator.get_by_role("link", name="Night voice process for a US bank").click()
    moderator.locator("select[name=decision]").select_option("approved")
    moderator.get_by_role("button", name="Save", exact=True).click()
    expect(moderator.locator(".messagelist")).to_contain_text("Approved and published")
    listing.refresh_from_db()
    assert listing.is_visible


def candidate_sees_it_beside_her_result_and_reports_it(
    candidate, take_quiz, listing: JobListing
) -> None:
    take_quiz(candidate)
    expect(candidate.get_by_text("Night voice process for a US bank")).to_be_visible()
    # Her 32 words a minute fall short of its 40; her English, the 12th the role asks
    # and her shifts fit.
    card = candidate.locator(".listing", has_text="Night voice process for a US bank")
    match = card.locator(".match")
    expect(match).to_contain_text("You match 3 of 4")
    expect(match).to_contain_text("Missing: 40 words a minute; you type 32.")
    expect(candidate.get_by_text("never ask you for money").first).to_be_visible()
    candidate.get_by_role("link", name="Report this listing").first.click()
    candidate.get_by_label("They asked me for money").check()
    candidate.get_by_role("button", name="Send the report").click()
    expect(
        candidate.get_by_role("heading", name="Thank you for telling us")
    ).to_be_visible()
    assert listing.reports.count() == 1


def test_a_listing_goes_from_recruiter_to_moderator_to_candidate_who_reports_it(
    browser, site, take_quiz
):
    UserFactory(recruiter=True, username="asha")
    UserFactory(recruiter=True, username="bilal")
    UserFactory(moderator=True, username="meera")
    admin = browser.new_context().new_page()
    listing = recruiter_sends_a_listing_for_review(admin, site)

    moderator = browser.new_context().new_page()
    moderator_approves_it(moderator, site, listing)

    candidate = browser.new_context().new_page()
    candidate_sees_it_beside_her_result_and_reports_it(candidate, take_quiz, listing)

    other = browser.new_context().new_page()
    log_in(other, site, "bilal")
    other.goto(f"{site}/admin/careers/joblisting/")
    expect(other.get_by_text("Night voice process for a US bank")).to_have_count(0)
    response = other.goto(f"{site}/admin/careers/joblisting/{listing.pk}/change/")
    assert response.status == 404


def tab_on(page, matches: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({matches!r})"):
            outline = page.evaluate(
                "getComputedStyle(document.activeElement).outlineStyle"
            )
            assert outline != "none", f"no visible focus ring on {matches}"
            return
    raise AssertionError(f"Tab never reached {matches}")


def arrive_at(page, number: int) -> None:
    # htmx brings each next step in and puts the focus on its heading, so that
    # Tab goes on from the top of the new step (and only then may the test press it).
    wait_for_step(page, number)
    expect(page.locator("#step-title")).to_be_focused()


def test_quiz_can_be_completed_with_the_keyboard_alone(page, site):
    page.goto(f"{site}/quiz/")
    tab_to = partial(tab_on, page)
    arrive = partial(arrive_at, page)
    tab_to("button[type=submit]")
    page.keyboard.press("Enter")
    wait_for_step(page, 1)
    tab_to("input[name=spoken_english]")
    for _ in range(4):  # arrows move through the radio group: A1 → C1
        page.keyboard.press("ArrowDown")
    tab_to("input[name=written_english]")
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    tab_to("input[name=typing_wpm]")
    page.keyboard.type("32")
    page.keyboard.press("Enter")
    arrive(2)
    tab_to("input[name=education]")
    page.keyboard.press("ArrowDown")  # 12th
    tab_to("input[name=stream]")  # science, commerce, arts: arrows move through them
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    tab_to(".submit")
    page.keyboard.press("Enter")
    arrive(3)
    tab_to("input[name=none]")
    page.keyboard.press("Space")
    tab_to(".submit")
    page.keyboard.press("Enter")
    arrive(4)
    tab_to(".submit", limit=200)
    page.keyboard.press("Enter")
    arrive(5)
    tab_to("input[name=years]")
    page.keyboard.type("0")
    page.keyboard.press("Enter")
    arrive(6)
    for value in ("day", "us_hours", "rotational"):
        tab_to(f"input[name=shifts][value={value}]")
        page.keyboard.press("Space")
    tab_to("input[name=commute]")
    page.keyboard.press("Space")
    tab_to(".submit")
    page.keyboard.press("Enter")
    arrive(7)
    for name in ("work_style", "contact", "pace"):
        tab_to(f"input[name={name}]")
        page.keyboard.press("Space")
    tab_to(".submit")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="You can apply now (6)")).to_be_visible()


def test_the_admin_works_under_the_content_security_policy(browser, site):
    """Lists with and without actions, a view-only page and the autocomplete box."""
    UserFactory(recruiter=True, username="asha")
    admin = browser.new_context().new_page()
    log_in(admin, site, "asha")
    for path in ["careers/role/", "careers/joblisting/", "careers/jobcategory/"]:
        admin.goto(f"{site}/admin/{path}")
        expect(admin.locator("#changelist")).to_be_visible()
    admin.goto(f"{site}/admin/careers/joblisting/add/")
    admin.locator(".field-role .select2-selection").click()
    admin.locator(".select2-search__field").fill("Medical")
    admin.locator(".select2-results__option", has_text="Medical coder").click()
    expect(admin.locator(".field-role .select2-selection__rendered")).to_have_text(
        re.compile("Medical coder")
    )


def test_injected_inline_script_is_blocked_and_reported(page, site, no_csp_violations):
    """What an XSS would inject: the policy refuses to run it, and the watcher sees it."""
    page.goto(f"{site}/quiz/")
    with page.expect_console_message(lambda m: "Content Security Policy" in m.text):
        page.evaluate(
            """() => {
                const script = document.createElement("script");
                script.textContent = "window.injected = true";
                document.body.append(script);
            }"""
        )
    assert page.evaluate("window.injected") is None
    assert any("inline script" in text for text in no_csp_violations)
    no_csp_violations.clear()  # seen and expected: not a failure of this test


def test_a_refused_step_is_swapped_in_styled_and_the_quiz_goes_on(page, site):
    """A 400 with htmx replaces only the step; nothing breaks the CSP on the way."""
    page.goto(f"{site}/quiz/")
    page.get_by_role("button", name="Start the quiz").click()
    wait_for_step(page, 1)
    page.click(".quiz-nav .submit")
    expect(page.locator(".error-summary")).to_be_visible()
    assert page.evaluate("document.styleSheets.length") == 1
    answer_step(page, 1)
    answer_step(page, 2)
    expect(page.locator("#id_none")).to_be_visible()


def test_hidden_controls_stay_hidden_until_they_can_work(browser, page, take_quiz):
    take_quiz(page, upto=0)
    # "Use this speed" appears only after the one-minute check has measured something.
    expect(page.locator("#typing-check")).to_be_visible()
    expect(page.get_by_role("button", name="Use this speed")).to_be_hidden()
    page.fill("#id_typing_wpm", "35")
    page.get_by_text("Continue later on any device").click()
    expect(page.get_by_role("button", name="Copy link")).to_be_visible()
    # Without JavaScript nothing that needs it shows, nor does the check.
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(page.url)
    expect(plain.locator("#typing-check")).to_be_hidden()
    expect(plain.get_by_text("one-minute check")).to_have_count(0)
    plain.get_by_text("Continue later on any device").click()
    expect(plain.get_by_role("button", name="Copy link")).to_be_hidden()
    expect(plain.locator("#continue-link")).to_be_visible()
    context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_unpaid_work_and_needs_are_asked_refused_in_place_and_repeated(
    browser, take_quiz, javascript
):
    context = browser.new_context(java_script_enabled=javascript)
    page = take_quiz(context.new_page(), upto=4)
    fill_step(page, 5)
    page.get_by_label("Serving at the counter of a family shop").check()
    page.click(".quiz-nav .submit")
    years = page.get_by_label("For about how many years?")
    expect(page.locator("#id_informal_years_error")).to_contain_text(
        "Enter about how many years you did the unpaid work you ticked"
    )
    expect(years).to_be_focused()
    years.fill("2")
    page.click(".quiz-nav .submit")
    wait_for_step(page, 6)
    group = page.get_by_role(
        "group", name="Anything that affects the work you can do? (optional)"
    )
    group.get_by_label("I use a screen reader").check()
    answer_step(page, 6)
    answer_step(page, 7)
    review = page.locator("section.told")
    expect(review).to_contain_text("Serving at the counter of a family shop")
    expect(review).to_contain_text("about 2 years")
    expect(review).to_contain_text("I use a screen reader")
    context.close()


def test_a_step_being_saved_says_so_and_a_second_tap_sends_nothing(page, take_quiz):
    take_quiz(page, upto=0)
    posts = []
    release = []

    def slow_save(route):
        posts.append(route.request.url)
        release.append(route)  # answered only once the button has been checked

    page.route(
        re.compile(r"/step/1/$"),
        lambda route: (
            slow_save(route) if route.request.method == "POST" else route.continue_()
        ),
    )
    fill_step(page, 1)
    submit = page.locator(".quiz-nav .submit")
    submit.click()
    expect(submit).to_be_disabled()
    expect(submit).to_have_accessible_name("Saving…")
    submit.click(force=True)  # an impatient second tap
    page.wait_for_timeout(300)
    assert len(posts) == 1
    release[0].continue_()
    wait_for_step(page, 2)
    expect(page.locator(".quiz-nav .submit")).to_have_accessible_name(
        "Save and continue"
    )


def test_keyboard_reaches_sharing_from_the_top_of_the_result_in_a_few_steps(
    page, take_quiz
):
    take_quiz(page)
    page.locator("body").focus()

    def tabs_until(name: str, limit: int) -> int:
        for count in range(1, limit + 1):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.textContent.trim()") == name:
                return count
        raise AssertionError(f"{name!r} not reached in {limit} Tab presses")

    assert tabs_until("Share your result", 15) <= 15
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#share-title$"))
    # The roles to share (one box each) and when the link ends come first.
    assert tabs_until("Create a share link", 16) <= 16


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_jobs_beside_a_result_narrow_to_one_city(browser, take_quiz, javascript):
    JobListingFactory(published=True, title="Night voice in Pune")
    JobListingFactory(published=True, title="Night voice in Manila", location="Manila")
    context = browser.new_context(java_script_enabled=javascript)
    page = take_quiz(context.new_page())
    jobs = page.locator("#listings")
    expect(jobs.get_by_role("link", name="Night voice in Pune")).to_be_visible()
    page.get_by_label("Jobs in").select_option("Manila")
    if not javascript:
        page.get_by_role("button", name="Show", exact=True).click()
    expect(jobs.get_by_role("link", name="Night voice in Pune")).to_have_count(0)
    expect(jobs.get_by_role("link", name="Night voice in Manila")).to_be_visible()
    assert "city=Manila" in page.url  # a link to this view, with or without htmx
    context.close()
