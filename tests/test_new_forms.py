"""Every form reads the same to a screen reader: one field template, one error summary;
the quiz's forms are its step's own class; the chart is drawn from charts.py alone."""

import re

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from careers import charts
from careers.forms import STEPS, build_form
from tests.factories import JobListingFactory
from tests.helpers import HTMX, finish, start, step_url

pytestmark = pytest.mark.django_db


def test_a_share_form_error_is_summed_up_and_tied_to_its_group(client):
    token = finish(client)
    url = reverse("careers:share_create", args=[token])
    for extra in ({}, HTMX):
        response = client.post(url, {"expiry": "30"}, **extra)
        assert response.status_code == 400
        text = response.content.decode()
        assert 'class="error-summary" role="alert"' in text
        assert (
            '<a href="#id_roles"><span class="summary-label">Which roles should the '
            "link show?</span> Tick at least one role for the link to show.</a>"
        ) in text
        assert '<fieldset aria-describedby="id_roles_helptext id_roles_error">' in text
        assert '<p class="help" id="id_roles_helptext">' in text
        assert '<span class="visually-hidden">Error: </span>Tick at least one' in text


def test_the_share_forms_help_is_tied_to_its_group_before_any_error(client):
    token = finish(client)
    page = client.get(reverse("careers:result_detail", args=[token]))
    assertContains(page, '<fieldset aria-describedby="id_roles_helptext">')
    assert "error-summary" not in page.content.decode()


def test_a_report_form_error_reads_as_the_quizs_do(client):
    listing = JobListingFactory(published=True)
    url = reverse("careers:listing_report", args=[listing.pk])
    text = client.post(url, {"note": "x" * 501}).content.decode()
    assert "Please check your report" in text
    assert (
        '<a href="#id_reason"><span class="summary-label">What is wrong?</span> '
        "Choose what is wrong with this listing.</a>"
    ) in text
    assert '<fieldset aria-describedby="id_reason_error">' in text
    note = re.search(r"<textarea[^>]*>", text).group(0)
    assert 'aria-invalid="true"' in note
    assert 'aria-describedby="id_note_helptext id_note_error"' in note
    assert '<span class="visually-hidden">Error: </span>Write at most 500' in text


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


def offered(form) -> set[str]:
    return {
        value
        for _kind, group in form.fields["qualifications"].choices
        for value, _label in group
    }


def test_the_qualifications_offered_follow_the_education_given():
    step = next(step for step in STEPS if step.slug == "qualifications")
    school = offered(build_form(step, profile={"education": "12th"}))
    degree = offered(build_form(step, profile={"education": "master"}))
    assert school < degree


def test_the_chart_draws_what_charts_computed(client):
    token = finish(client)
    text = client.get(reverse("careers:result_detail", args=[token])).content.decode()
    chart = text[text.index("<svg") : text.index("</svg>")]
    rows = len(charts.DIMENSIONS)
    assert f'viewBox="0 0 {charts.CHART_WIDTH} {rows * charts.ROW_HEIGHT}"' in chart
    assert chart.count(f'width="{charts.BAR_WIDTH}"') == rows
    assert (
        chart.count(f'height="{charts.BAR_HEIGHT}" rx="{charts.BAR_RADIUS}"')
        == 2 * rows
    )
