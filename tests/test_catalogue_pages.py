"""Public pages render for a job seeker, show the catalogue and only visible listings;
a requirement's threshold fits its kind and reads in words."""

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains

from careers.models import JobCategory, Requirement, Role
from tests.factories import JobListingFactory
from tests.helpers import answer_all, english_left, start, step_url

pytestmark = pytest.mark.django_db

ATTRIBUTION = "by the U.S. Department of Labor, Employment and Training Administration"


def test_home_explains_bpo_and_kpo_side_by_side(client):
    response = client.get(reverse("careers:home"))
    assertContains(response, "Business process outsourcing")
    assertContains(response, "Knowledge process outsourcing")
    for phrase in (
        "To save money: the same work costs less here",
        "To get expertise",
        "Low-level, routine processes",
        "Your understanding of the client&#x27;s business",
        "KPO grew out of BPO",
        "Communication skills",
        "Professional qualifications",
        "Nearshore",
        "Offshore",
    ):
        assertContains(response, phrase)
    assertContains(response, reverse("careers:category_list"))
    assertContains(response, '<html lang="en">')


def test_pages_serve_htmx_and_css_from_our_own_static_files_only_where_used(client):
    home = client.get(reverse("careers:home"))
    assertContains(home, "/static/css/site.css")
    assertNotContains(home, "htmx")  # a public page has no use for it: 16 KB saved
    token = start(client)
    step = client.get(step_url(token, 1))
    assertContains(step, "/static/django_htmx/htmx-2.min.js")
    for response in (home, step):
        assertNotContains(response, "https://unpkg")
        assertNotContains(response, "cdn.")


def test_category_list_shows_every_category_by_sector(client):
    response = client.get(reverse("careers:category_list"))
    for category in JobCategory.objects.all():
        assertContains(response, category.get_absolute_url())
    assertContains(response, "Legal process outsourcing")
    assertContains(response, "Medical coder")


def test_category_page_lists_roles_and_their_must_haves(client):
    response = client.get(reverse("careers:category_detail", args=["data-entry"]))
    assertContains(response, "Data entry operator")
    assertContains(response, "30 words per minute")
    assertContains(response, ATTRIBUTION)


def test_role_page_says_what_it_takes_and_where_it_comes_from(client):
    response = client.get(reverse("careers:role_detail", args=["medical-coder"]))
    assertContains(response, "What you must have")
    assertContains(response, "CPC or CPC-A – Certified Professional Coder (AAPC)")
    # How long each missing piece takes, with its source and cost.
    assertContains(response, "How long it takes if you do not have it yet")
    assertContains(response, "about 4–6 months, exam about US$499, two attempts (AAPC)")
    assertContains(response, "CPC-A, which employers accept")
    assertContains(response, "Written by CareerFit")
    assertContains(response, "Derived from O*NET data")
    assertContains(response, "Medical Records Specialists")
    assertContains(response, "29-2072.00")
    assertContains(response, ATTRIBUTION)


def test_role_page_shows_onet_facts(client):
    response = client.get(
        reverse("careers:role_detail", args=["voice-customer-support-associate"])
    )
    assertContains(response, "Customer Service Representatives")
    assertContains(response, "Job Zone Two: Some Preparation Needed")
    assertContains(response, "High School Diploma")


def test_only_visible_listings_appear_beside_a_role(client):
    JobListingFactory(published=True, title="Night voice process – apply now")
    JobListingFactory(title="Draft voice listing")
    JobListingFactory(expired=True, title="Expired voice listing")
    JobListingFactory(closed=True, title="Closed voice listing")
    response = client.get(
        reverse("careers:role_detail", args=["voice-customer-support-associate"])
    )
    assertContains(response, "Night voice process – apply now")
    for hidden in (
        "Draft voice listing",
        "Expired voice listing",
        "Closed voice listing",
    ):
        assertNotContains(response, hidden)
    category = client.get(reverse("careers:category_detail", args=["call-centre"]))
    assertContains(category, "Night voice process – apply now")
    assertNotContains(category, "Draft voice listing")


def test_recruiter_text_is_escaped(client):
    JobListingFactory(published=True, title="<script>alert(1)</script>")
    response = client.get(
        reverse("careers:role_detail", args=["voice-customer-support-associate"])
    )
    assertNotContains(response, "<script>alert(1)</script>")
    assertContains(response, "&lt;script&gt;alert(1)&lt;/script&gt;")


def test_unknown_category_and_role_are_404(client):
    assert client.get("/en/careers/no-such-thing/").status_code == 404
    assert client.get("/en/roles/no-such-role/").status_code == 404


def test_pages_refuse_post(client):
    assert client.post(reverse("careers:home")).status_code == 405


def test_every_role_page_renders(client):
    for slug in Role.objects.values_list("slug", flat=True):
        assert (
            client.get(reverse("careers:role_detail", args=[slug])).status_code == 200
        ), slug


def test_debug_mode_loads_no_script_that_replaces_the_page_on_a_400(client, settings):
    # django-htmx's debug script swaps the whole document for any 400 (our validation
    # errors are fragments) and uses eval, which the CSP forbids.
    settings.DEBUG = True
    page = client.get(step_url(start(client), 1))
    assertContains(page, "/static/django_htmx/htmx-2.min.js")
    assertNotContains(page, "django-htmx.js")


def test_role_page_speaks_to_candidates_first(client):
    JobListingFactory(published=True, salary_min=18000, salary_max=22000)
    JobListingFactory(published=True, salary_min=20000, salary_max=26000)
    page = client.get(
        reverse("careers:role_detail", args=["voice-customer-support-associate"])
    ).text
    lead, _, figures = page.partition("Where our figures come from")
    assert "What the job is" in lead
    assert "People who enjoy talking to customers all day" in lead
    assert "Pay in the jobs listed here" in lead
    assert "₹18,000–₹26,000 per month" in lead
    assert "Some: school, then a few months of training" in lead
    # The researchers' figures are below, in plain words beside the numbers.
    assert "Job Zone" not in lead
    assert "by the rules in our README" not in page
    assert "very important (" in figures
    assert "level 3" not in page.replace("level 3.", "")  # no "level x of 7" lists


def test_listings_show_when_posted_and_a_closing_date_only_if_set(client):
    JobListingFactory(published=True, title="Open-ended listing")
    JobListingFactory(
        published=True,
        title="Closing listing",
        applications_close=dt.date(2026, 12, 20),
        how_to_apply="Call +91 98765 43210 or WhatsApp +91 91234 56789, "
        "or mail jobs@example.com <b>now</b>",
    )
    page = client.get(
        reverse("careers:role_detail", args=["voice-customer-support-associate"])
    ).text
    assert "Apply by" not in page
    assert page.count("<dt>Posted</dt>") == 2
    assert page.count("<dt>Applications close</dt>") == 1
    assert "20 December 2026" in page
    assert '<a href="tel:+919876543210">+91 98765 43210</a>' in page
    assert '<a href="https://wa.me/919123456789">+91 91234 56789</a>' in page
    assert '<a href="mailto:jobs@example.com">jobs@example.com</a>' in page
    assert "&lt;b&gt;now&lt;/b&gt;" in page  # what recruiters write is escaped


def test_requirement_threshold_must_fit_its_kind():
    role = Role.objects.get(slug="data-entry-operator")
    bad = Requirement(
        role=role,
        code="x",
        kind="spoken_english",
        level="fluent",
        importance="must",
        explanation="x",
        source="hand",
        source_note="x",
    )
    with pytest.raises(ValidationError) as error:
        bad.full_clean()
    assert "level" in error.value.message_dict
    bad.kind, bad.level = "typing_speed", ""
    with pytest.raises(ValidationError) as error:
        bad.full_clean()
    assert "amount" in error.value.message_dict


def test_requirement_reads_its_threshold_in_words():
    typing = Requirement.objects.get(role__slug="data-entry-operator", code="typing")
    assert typing.threshold_display == "30 words per minute"
    spoken = Requirement.objects.get(
        role__slug="voice-customer-support-associate", code="spoken-english"
    )
    assert spoken.threshold_display == "B2 – Upper intermediate"
    assert "complaint on the phone" in spoken.can_do
    cert = Requirement.objects.get(
        role__slug="medical-coder", code="coding-certificate"
    )
    assert "CPC" in cert.threshold_display
    assert " or " in cert.threshold_display


def test_pages_that_compare_codes_show_what_they_did(client):
    home = client.get("/en/")
    assertContains(home, "and readiness for shifts. Most roles take 12th-pass")
    assertContains(home, "strong written English and sound judgement.")
    token = start(client)
    languages = client.get(step_url(token, 1))
    assertContains(languages, 'id="typing-check"')
    assertNotContains(languages, "skill-grid")
    answer_all(client, token, upto=3)
    skills = client.get(step_url(token, 4))
    assertContains(skills, 'class="skill-grid"')
    assertNotContains(skills, 'id="typing-check"')
    city_role = client.get("/en/roles/business-research-analyst/")
    assertContains(
        city_role, "mostly in the big outsourcing cities: Bengaluru, Chennai"
    )


@pytest.mark.parametrize(
    ("language", "heading", "way"),
    [
        ("en", "Ways in: any one of these is enough", "Way 2"),
        ("hi", "नौकरी पाने के रास्ते: इनमें से कोई एक काफ़ी है", "रास्ता 2"),
        ("fil", "Mga daan papasok: sapat na ang alinman dito", "Daan 2"),
    ],
)
def test_a_role_page_lists_its_ways_in(client, language, heading, way):
    with translation.override(language):
        url = reverse("careers:role_detail", args=["graphic-designer"])
    response = client.get(url)
    assertContains(response, heading)
    assertContains(response, way)
    # The portfolio and two years' work are one way; the diploma the other.
    html = response.content.decode()
    ways = html.split(heading, 1)[1]
    assert ways.index("Way 1" if language == "en" else way[:-1] + "1") < ways.index(way)
    if language != "en":
        assert not english_left(html, language), english_left(html, language)


@pytest.mark.parametrize(
    ("asked", "headers", "country"),
    [
        ("/en/", {"HTTP_ACCEPT_LANGUAGE": "en-PH,en;q=0.8"}, "PH"),
        ("/en/", {"HTTP_ACCEPT_LANGUAGE": "en-IN,en;q=0.8"}, "IN"),
        ("/fil/", {}, "PH"),
        ("/hi/", {}, "IN"),
        ("/en/?country=PH", {"HTTP_ACCEPT_LANGUAGE": "en-IN"}, "PH"),
        ("/fil/?country=IN", {}, "IN"),
    ],
)
def test_the_home_page_follows_the_visitors_country(client, asked, headers, country):
    # Each visitor in turn, through the same cache: none is served another's page.
    for other in ("/en/", "/en/?country=IN", "/en/?country=PH", "/fil/", "/hi/"):
        Client().get(other, HTTP_ACCEPT_LANGUAGE="en-IN")
        Client().get(other, HTTP_ACCEPT_LANGUAGE="en-PH")
    page = client.get(asked, **headers).text
    text = re.sub(r"<[^>]+>", " ", page)
    own, other = {
        "PH": (("IBPAP",), ("India", "Indian", "Hindi", "NASSCOM", "12th")),
        "IN": (("NASSCOM",), ("Philippine", "Philippines", "IBPAP")),
    }[country]
    for word in own:
        assert re.search(rf"\b{word}\b", text), word
    # The switch to the other country is a plain link; the current one is not.
    switch = re.search(r'<nav class="country-switch".*?</nav>', page, re.S).group(0)
    # "Hindi" is also Filipino for "not".
    for word in (w for w in other if not (w == "Hindi" and asked.startswith("/fil/"))):
        assert not re.search(rf"\b{word}\b", text.replace(strip(switch), "")), word
    assert 'aria-current="true"' in switch
    assert f"?country={'IN' if country == 'PH' else 'PH'}" in switch


def strip(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def test_a_page_chosen_by_the_browser_varies_on_its_languages(client):
    assert "Accept-Language" in client.get("/en/")["Vary"]
    assert "Accept-Language" in client.get(reverse("careers:category_list"))["Vary"]
    # An address that names its country is the same page whatever the browser says.
    assert "Accept-Language" not in client.get("/en/?country=PH").get("Vary", "")


def test_a_country_chosen_by_a_link_stays_on_the_links_from_the_home_page(client):
    page = client.get("/en/?country=PH", HTTP_ACCEPT_LANGUAGE="en-IN").text
    assert f'href="{reverse("careers:category_list")}?country=PH"' in page
    assert "?country=PH" in client.get("/en/", HTTP_ACCEPT_LANGUAGE="en-PH").text
    # Without a choice the links are the plain addresses.
    plain = client.get("/en/", HTTP_ACCEPT_LANGUAGE="en-IN").text
    assert f'href="{reverse("careers:category_list")}"' in plain


def test_a_country_chosen_by_a_link_stays_for_the_pages_after_it(client):
    # A phone set to US English, in the Philippines: the switch link is followed once.
    client.get("/en/?country=PH", HTTP_ACCEPT_LANGUAGE="en-US")
    for page in ("/en/", "/en/careers/", "/en/careers/call-centre/"):
        text = client.get(page, HTTP_ACCEPT_LANGUAGE="en-US").text
        assert "₹" not in text, page
        assert "Naukri" not in text, page
    assert "IBPAP" in client.get("/en/", HTTP_ACCEPT_LANGUAGE="en-US").text
    # Someone else on the same address and language still gets India's pages.
    assert "NASSCOM" in Client().get("/en/", HTTP_ACCEPT_LANGUAGE="en-US").text
