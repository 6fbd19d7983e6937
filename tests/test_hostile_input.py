"""Hostile input: random and malicious data never gives a 500 nor changes what it shouldn't."""

import json

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careers.assessments.forms import STEPS, build_form
from careers.assessments.profiles import SCHEMA_PATH, ProfileError, check_profile
from careers.models import Assessment, JobListing, Result, Role, Share
from careers.scoring import profile_from_data, recommend, recommendation_data
from tests.factories import UserFactory
from tests.helpers import (
    ANSWERS,
    HTMX,
    answer_all,
    create_share,
    listing_form,
    start,
    step_url,
)

pytestmark = pytest.mark.django_db

# Examples run inside one test's transaction, each on rows of its own.
EXAMPLES = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

MALICIOUS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' OR '1'='1' --",
    "{{ settings.SECRET_KEY }}",
    "{% debug %}",
    "../../../etc/passwd",
    "\x00",
    "\u202e\u0000\ufeff",
    "9" * 400,
    "-1",
    "1e309",
    "NaN",
    "",
    " ",
]
# Any text a browser could send (lone surrogates cannot be encoded, so no client sends them).
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)


def values_for(field) -> st.SearchStrategy:
    choices = [str(value) for value, _ in getattr(field, "choices", []) if value]
    plausible = st.sampled_from(choices) if choices else st.integers(-5, 300).map(str)
    one = st.one_of(plausible, st.sampled_from(MALICIOUS), TEXT)
    return st.one_of(one, st.lists(one, max_size=3))


def posts_nul(posted: dict) -> bool:
    """Whether a form holds a NUL: refused whole, with a 400 that says so (PostgreSQL
    cannot store one; careers.web.middleware.refuse_unusable_input)."""
    texts = [
        text
        for name, value in posted.items()
        for text in [name, *(value if isinstance(value, list) else [value])]
    ]
    return any("\x00" in str(text) for text in texts)


def refused_for_its_nul(response) -> bool:
    return response.status_code == 400 and "The form had a hidden character" in (
        response.text
    )


def form_data(form) -> st.SearchStrategy:
    """Some of the form's own fields (with good, bad and malicious values) and strangers."""
    fields = st.fixed_dictionaries(
        {}, optional={name: values_for(field) for name, field in form.fields.items()}
    )
    strangers = st.dictionaries(TEXT.filter(bool), TEXT, max_size=3)
    return st.builds(lambda own, other: {**other, **own}, fields, strangers)


@pytest.fixture
def no_rate_limits(settings):
    # Rate limits are tested on their own; here hundreds of posts come from one address.
    settings.RATELIMIT_ENABLE = False


@pytest.fixture
def all_answers(client, no_rate_limits):
    token = start(client)
    answer_all(client, token, upto=7)
    return Assessment.objects.get(token=token).answers


@pytest.mark.parametrize("step", STEPS, ids=[step.slug for step in STEPS])
@EXAMPLES
@given(data=st.data())
def test_random_answers_never_break_a_step_or_touch_other_steps(
    all_answers, step, data
):
    assessment = Assessment.objects.create(answers=all_answers)
    posted = data.draw(form_data(build_form(step)))
    extra = HTMX if data.draw(st.booleans()) else {}
    response = Client().post(step_url(assessment.token, step.number), posted, **extra)
    assert response.status_code in {200, 302, 400}
    assert refused_for_its_nul(response) == posts_nul(posted)
    assessment.refresh_from_db()
    others = {slug: v for slug, v in assessment.answers.items() if slug != step.slug}
    assert others == {s: v for s, v in all_answers.items() if s != step.slug}
    if response.status_code == 400:
        assert assessment.answers[step.slug] == all_answers[step.slug]
        assert "error" in response.text or refused_for_its_nul(response)
    results = Result.objects.filter(assessment=assessment).count()
    assert results == (1 if step.number == 7 and response.status_code != 400 else 0)


@EXAMPLES
@given(data=st.data())
def test_random_share_options_never_break_sharing(client, no_rate_limits, data):
    token = start(client)
    answer_all(client, token)
    posted = data.draw(st.dictionaries(TEXT.filter(bool), TEXT, max_size=3))
    posted.update(
        data.draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "expiry": st.one_of(st.sampled_from(["7", "30", "never"]), TEXT),
                    "show_scores": st.one_of(st.just("on"), TEXT),
                },
            )
        )
    )
    before = Share.objects.count()
    response = client.post(reverse("careers:share_create", args=[token]), posted)
    assert response.status_code in {302, 400}
    assert Share.objects.count() == before + (response.status_code == 302)


@EXAMPLES
@given(data=st.data())
def test_random_listings_from_a_recruiter_never_break_the_admin(
    recruiter_client, recruiter, other_recruiter, data
):
    base = listing_form()
    text_fields = ["title", "company", "location", "description", "how_to_apply"]
    posted = {
        **base,
        **data.draw(
            st.fixed_dictionaries(
                {},
                optional={
                    name: st.one_of(st.sampled_from(MALICIOUS), TEXT)
                    for name in [*base, *text_fields]
                },
            )
        ),
        "owner": str(other_recruiter.pk),
    }
    response = recruiter_client.post(reverse("admin:careers_joblisting_add"), posted)
    if posts_nul(posted):
        assert refused_for_its_nul(response)
    else:
        assert response.status_code in {200, 302}
    assert not JobListing.objects.filter(owner=other_recruiter).exists()
    if response.status_code == 302:
        listing = JobListing.objects.latest("created_at")
        assert listing.owner == recruiter
        page = Client().get(reverse("careers:role_detail", args=[listing.role.slug]))
        assert page.status_code == 200
        assert "<script>alert(1)</script>" not in page.text
        assert "<img src=x" not in page.text


PROFILE_SCHEMA = json.loads(SCHEMA_PATH.read_text())


def from_schema(schema: dict, root: dict = PROFILE_SCHEMA) -> st.SearchStrategy:
    """Values valid under the parts of JSON Schema that profile.schema.json uses."""
    if "$ref" in schema:
        return from_schema(root["$defs"][schema["$ref"].split("/")[-1]], root)
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if kind == "integer":
        return st.integers(schema.get("minimum"), schema.get("maximum"))
    if kind == "boolean":
        return st.booleans()
    if kind == "string":
        return st.from_regex(schema["pattern"], fullmatch=True)
    if kind == "array":
        return st.lists(
            from_schema(schema["items"], root),
            max_size=min(schema.get("maxItems", 5), 5),
            unique_by=(lambda x: json.dumps(x)) if schema.get("uniqueItems") else None,
        )
    if "propertyNames" in schema:  # a map: slug -> value
        return st.dictionaries(
            from_schema(schema["propertyNames"], root),
            from_schema(schema["additionalProperties"], root),
            max_size=5,
        )
    properties = {
        name: from_schema(sub, root) for name, sub in schema["properties"].items()
    }
    required = set(schema.get("required", []))
    return st.fixed_dictionaries(
        {name: value for name, value in properties.items() if name in required},
        optional={n: v for n, v in properties.items() if n not in required},
    )


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | TEXT,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3)
    ),
    max_leaves=10,
)


@pytest.fixture
def catalogue_slugs():
    from careers.models import Qualification, Skill

    return (
        {q.slug: [s["code"] for s in q.stages] for q in Qualification.objects.all()},
        set(Skill.objects.values_list("slug", flat=True)),
    )


@EXAMPLES
@given(
    data=st.one_of(
        JSON,
        st.builds(
            lambda valid, key, junk: {**valid, key: junk},
            from_schema(PROFILE_SCHEMA),
            st.sampled_from(list(PROFILE_SCHEMA["properties"])),
            JSON,
        ),
    )
)
def test_random_profiles_are_refused_with_a_named_field_or_scored(
    catalogue_slugs, data
):
    try:
        check_profile(data, *catalogue_slugs)
    except ProfileError as error:
        problem = str(error)
    else:
        problem = None
    if problem is not None:
        field, _, reason = problem.partition(": ")
        assert field
        assert reason
        return
    result = recommendation_data(
        recommend(scoring_catalogue_or_skip(), profile_from_data(data))
    )
    assert result["recommendations"]


@EXAMPLES
@given(profile=from_schema(PROFILE_SCHEMA))
def test_every_schema_valid_profile_with_known_slugs_is_scored(
    catalogue_slugs, profile
):
    qualifications, skills = catalogue_slugs
    profile["qualifications"] = [
        q for q in profile.get("qualifications", []) if q in qualifications
    ]
    profile["skills"] = {
        k: v for k, v in profile.get("skills", {}).items() if k in skills
    }
    profile["in_progress"] = [
        item
        for item in profile.get("in_progress", [])
        if item["stage"] in qualifications.get(item["qualification"], [])
        and item["qualification"] not in profile["qualifications"]
    ][:1]
    check_profile(profile, qualifications, skills)
    result = recommendation_data(
        recommend(scoring_catalogue_or_skip(), profile_from_data(profile))
    )
    verdicts = {item["verdict"] for item in result["recommendations"]}
    assert verdicts <= {"eligible", "close", "not_yet", "does_not_fit"}


def scoring_catalogue_or_skip():
    from careers.catalogue.models import scoring_catalogue

    catalogue = scoring_catalogue()
    assert catalogue.roles, "the catalogue fixture is loaded for every database test"
    return catalogue


# --- Named cases ----------------------------------------------------------------------------


def test_repeating_a_step_keeps_the_last_answer_and_the_others(client):
    token = start(client)
    answer_all(client, token, upto=3)
    client.post(step_url(token, 2), {"education": "bachelor", "field_of_study": "law"})
    answers = Assessment.objects.get(token=token).answers
    assert answers["education"]["form"]["education"] == "bachelor"
    assert answers["languages"]["form"]["spoken_english"] == "C1"
    assert set(answers) == {"languages", "education", "qualifications"}


def test_duplicate_parameters_are_read_once(client):
    token = start(client)
    data = dict(ANSWERS[1])
    data["spoken_english"] = ["A1", "C2"]
    data["typing_wpm"] = ["30", "<script>"]
    response = client.post(step_url(token, 1), data)
    assert response.status_code in {302, 400}
    assert "Traceback" not in response.text


def test_more_fields_than_allowed_is_a_400_and_saves_nothing(client):
    token = start(client)
    data = {**ANSWERS[1], **{f"field{n}": "x" for n in range(250)}}
    response = client.post(step_url(token, 1), data)
    assert response.status_code == 400
    assert "That request did not make sense" in response.text
    assert Assessment.objects.get(token=token).answers == {}


def test_invalid_utf8_body_and_query_are_answered_calmly(client):
    token = start(client)
    response = client.post(
        step_url(token, 1),
        b"spoken_english=\xff\xfe&written_english=B2&typing_wpm=\xc3\x28",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert Assessment.objects.get(token=token).answers == {}
    assert client.get("/en/careers/?q=%ff%fe%c3%28").status_code == 200
    assert client.get("/en/roles/%ff%fe/").status_code == 404


def test_spoofed_htmx_headers_never_break_a_page(client):
    token = start(client)
    answer_all(client, token, upto=2)
    spoofed = {
        "HTTP_HX_REQUEST": "true",
        "HTTP_HX_TARGET": "<script>",
        "HTTP_HX_CURRENT_URL": "javascript:alert(1)",
        "HTTP_HX_HISTORY_RESTORE_REQUEST": "maybe",
    }
    for url in ["/en/", "/en/careers/", "/en/roles/medical-coder/", step_url(token, 3)]:
        response = client.get(url, **spoofed)
        assert response.status_code == 200, url
        assert "<script>" not in response.text.replace("<script src", "")
    # A catalogue page has no fragment: htmx or not, the whole page comes back.
    assert "<html" in client.get("/en/careers/", HTTP_HX_REQUEST="true").text


def test_forged_tokens_find_nothing_and_create_nothing(client):
    forged = "A" * 32
    assert client.get(f"/en/results/{forged}/").status_code == 404
    assert client.post(step_url(forged, 1), ANSWERS[1]).status_code == 404
    share = client.post(reverse("careers:share_create", args=[forged]), {"expiry": "7"})
    assert share.status_code == 404
    revoke = client.post(reverse("careers:share_revoke", args=[forged, 1]))
    assert revoke.status_code == 404
    assert client.get(f"/en/s/{forged}/").status_code == 404
    assert (Assessment.objects.count(), Share.objects.count()) == (0, 0)


def test_every_form_refuses_a_post_without_its_csrf_token(recruiter):
    helper = Client()
    token = start(helper)
    answer_all(helper, token)
    share = create_share(helper, token, expiry="7")
    strict = Client(enforce_csrf_checks=True)
    posts = [
        (reverse("careers:quiz_start"), {}),
        (step_url(token, 1), ANSWERS[1]),
        (reverse("careers:share_create", args=[token]), {"expiry": "7"}),
        (reverse("careers:share_revoke", args=[token, share.pk]), {}),
        (reverse("admin:login"), {"username": "asha", "password": "x"}),
    ]
    for url, data in posts:
        assert strict.post(url, data).status_code == 403, url
    share.refresh_from_db()
    assert share.revoked_at is None
    assert Share.objects.count() == 1


MARKUP = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_markup_in_every_free_text_field_of_a_listing_is_escaped(
    recruiter_client, client
):
    fields = ["title", "company", "location", "description", "how_to_apply"]
    # A role the candidate below is eligible for, so the listing shows on their result.
    role = Role.objects.get(slug="voice-customer-support-associate")
    data = listing_form(role=role.pk, **{name: f"{name} {MARKUP}" for name in fields})
    response = recruiter_client.post(reverse("admin:careers_joblisting_add"), data)
    assert response.status_code == 302
    listing = JobListing.objects.get()
    listing.submit(listing.owner, pledged=True)
    listing.approve(by=UserFactory(moderator=True))
    token = start(client)
    answer_all(client, token)
    pages = [
        reverse("careers:role_detail", args=[listing.role.slug]),
        reverse("careers:category_detail", args=[listing.role.category.slug]),
        reverse("careers:result_detail", args=[token]),
        reverse("admin:careers_joblisting_changelist"),
    ]
    for url in pages:
        page = (recruiter_client if "admin" in url else client).get(url)
        assert page.status_code == 200, url
        assert "<script>alert" not in page.text, url
        assert "<img src=x" not in page.text, url
        assert "&lt;script&gt;" in page.text, url


HUGE = "9" * 400


def test_huge_ids_in_urls_and_forms_are_not_found_not_500(client, recruiter_client):
    token = start(client)
    answer_all(client, token)
    assert client.get(f"/en/quiz/{token}/step/{HUGE}/").status_code == 404
    assert client.post(f"/en/results/{token}/share/{HUGE}/revoke/").status_code == 404
    assert (
        client.post(f"/en/results/{token}/share/99999999999999999/revoke/").status_code
        == 404
    )
    for model in ["joblisting", "role", "jobcategory", "skill", "occupation"]:
        for view in ["change", "history", "delete"]:
            url = f"/admin/careers/{model}/{HUGE}/{view}/"
            # Not found, or not theirs to open (403): never an overflow's 500.
            assert recruiter_client.get(url).status_code in {302, 403, 404}, url
    listing = recruiter_client.post(
        reverse("admin:careers_joblisting_add"), listing_form(role=HUGE)
    )
    assert listing.status_code == 200
    assert "Select a valid choice" in listing.text
    query = f"?role__category__id__exact={HUGE}&role__id__exact={HUGE}"
    changelist = reverse("admin:careers_joblisting_changelist") + query
    assert recruiter_client.get(changelist).status_code in {200, 302}


@EXAMPLES
@given(data=st.data())
def test_random_logins_are_refused_calmly(data):
    posted = {
        "username": data.draw(st.one_of(st.sampled_from(MALICIOUS), TEXT)),
        "password": data.draw(st.one_of(st.sampled_from(MALICIOUS), TEXT)),
    }
    client = Client(REMOTE_ADDR="198.51.100.23")
    response = client.post(reverse("admin:login"), posted)
    # The form again with a message, or the lock-out page after five failures.
    if posts_nul(posted):
        assert refused_for_its_nul(response)
    else:
        assert response.status_code in {200, 429}
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("model", ["jobcategory", "role", "qualification", "skill"])
# Half the examples: each admin form now has every text field in three languages, and
# 40 edits of a role took 9 s of every run.
@settings(parent=EXAMPLES, max_examples=20)
@given(data=st.data())
def test_random_catalogue_edits_never_break_the_admin(client, editor, model, data):
    client.force_login(editor)
    add = reverse(f"admin:careers_{model}_add")
    form = client.get(add).context["adminform"].form
    posted = data.draw(form_data(form))
    response = client.post(add, posted)
    if posts_nul(posted):
        assert refused_for_its_nul(response)
    else:
        assert response.status_code in {200, 302}
