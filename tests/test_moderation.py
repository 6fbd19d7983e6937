"""Listings candidates can trust: review before publishing and the no-fee guard."""

import json
import re
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from careers.choices import DecisionKind, RejectionReason, ReportReason, Status
from careers.listing_lint import lint
from careers.models import Employer, JobListing, Recruiter
from careers.models.listings import StaleReview
from tests.factories import JobListingFactory, UserFactory
from tests.helpers import GENUINE, listing_form


def flags(description="", how_to_apply="Apply at careers@bluecall.example", **extra):
    texts = {"description": description, "how to apply": how_to_apply}
    return [f.code for f in lint(texts, how_to_apply, description, **extra)]


@pytest.mark.parametrize(
    "scam",
    [
        "Pay a refundable security deposit of Rs 2,500 to confirm your seat.",
        "Registration fee ₹499 only. Training charges apply.",
        "Slot booking amount INR 1000 to book your interview slot.",
        "रजिस्ट्रेशन फीस ₹500 जमा करें, फिर इंटरव्यू होगा।",
        "जॉइनिंग से पहले सिक्योरिटी राशि जमा करनी होगी।",
        "May bayad sa training na PHP 1,500 bago ang deployment.",
    ],
)
def test_money_asked_of_candidates_is_flagged(scam):
    assert "money" in flags(f"{GENUINE} {scam}")


@pytest.mark.parametrize(
    "honest",
    [
        "We charge no fee.",
        "No registration fee, no deposit, ever.",
        "Free of cost: there are no fees at any stage.",
        "कोई शुल्क नहीं लिया जाता। भर्ती बिलकुल मुफ़्त है।",
        "Walang bayad ang pag-apply.",
    ],
)
def test_saying_there_is_no_fee_is_never_a_flag(honest):
    assert flags(f"{GENUINE} {honest}") == []


def test_chat_only_contact_free_mail_far_pay_and_a_short_text_are_flagged():
    assert "chat-only" in flags(GENUINE, "Message HR on Telegram @jobs_now")
    assert "chat-only" in flags(GENUINE, "WhatsApp 98765 43210 for interview")
    assert "chat-only" not in flags(GENUINE, "WhatsApp 98765 43210 or hr@acme.example")
    assert "free-mail" in flags(GENUINE, "Send your CV to acme.hr.jobs@gmail.com")
    assert "pay" in flags(GENUINE, salary_max=90000, usual_max=30000)
    assert "pay" not in flags(GENUINE, salary_max=35000, usual_max=30000)
    assert "short" in flags("Work from home. Earn daily.")


@pytest.fixture
def moderator(db):
    return UserFactory(username="meera", moderator=True)


def test_submitting_needs_the_pledge_and_runs_the_guard(recruiter):
    listing = JobListingFactory(
        owner=recruiter, description="Pay a registration fee of Rs 500 first."
    )
    with pytest.raises(ValidationError):
        listing.submit(recruiter, pledged=False)
    listing.submit(recruiter, pledged=True)
    assert listing.status == Status.SUBMITTED
    assert {f["code"] for f in listing.lint_flags} == {"money", "short"}
    assert listing not in JobListing.objects.visible()
    assert listing in JobListing.objects.awaiting_review()


def test_only_someone_else_approves_and_the_decision_is_recorded(recruiter, moderator):
    listing = JobListingFactory(owner=recruiter, description=GENUINE)
    listing.submit(recruiter, pledged=True)
    with pytest.raises(ValidationError):
        listing.approve(by=recruiter)
    listing.approve(by=moderator, note="Checked the company's site.")
    assert listing in JobListing.objects.visible()
    decision = listing.decisions.get()
    assert (decision.kind, decision.moderator, decision.note) == (
        DecisionKind.APPROVED,
        moderator,
        "Checked the company's site.",
    )


def test_a_rejected_listing_says_why_and_can_be_resubmitted(recruiter, moderator):
    listing = JobListingFactory(owner=recruiter, description=GENUINE)
    listing.submit(recruiter, pledged=True)
    listing.reject(moderator, RejectionReason.CONTACT, "Add an email address.")
    assert listing.status == Status.REJECTED
    assert listing not in JobListing.objects.visible()
    listing.submit(recruiter, pledged=True)
    assert listing in JobListing.objects.awaiting_review()


def test_a_report_queues_a_listing_for_a_moderator_and_a_burst_hides_nothing(
    moderator, frozen_clock
):
    # Three phones on mobile data, three networks, within minutes: a rival or a
    # scammer clearing the way could do this to any listing.
    listing = JobListingFactory(published=True, description=GENUINE)
    for number, network in enumerate(("a", "b", "c")):
        listing.report(ReportReason.MONEY, f"Report {number}", network=network)
        frozen_clock.shift(60)
    assert listing in JobListing.objects.visible()
    queued = JobListing.objects.awaiting_review().get()
    assert queued == listing
    assert queued.reported
    assert not listing.decisions.exists()  # nothing decided without a moderator


def test_reports_from_several_networks_over_an_hour_hide_a_listing_until_reviewed(
    moderator, frozen_clock
):
    listing = JobListingFactory(published=True, description=GENUINE)
    listing.report(ReportReason.MONEY, "They asked for Rs 2000.", network="a")
    for network in ("a", "a", "b"):  # one network counts once
        frozen_clock.shift(30 * 60)
        listing.report(ReportReason.FAKE, network=network)
    assert listing in JobListing.objects.visible()
    listing.report(ReportReason.MONEY, network="c")
    assert listing not in JobListing.objects.visible()
    assert listing.decisions.get().kind == DecisionKind.HIDDEN
    listing.approve(by=moderator)  # looked, and it is genuine
    assert listing in JobListing.objects.visible()
    assert not listing.reports.filter(reviewed=False).exists()
    assert listing not in JobListing.objects.awaiting_review()


@pytest.mark.django_db
def test_a_burst_of_reports_cannot_hide_a_verified_employers_listing(
    client, frozen_clock, moderator
):
    employer = Employer.objects.create(name="Harbour Contact Centre")
    employer.verify(moderator, "GSTIN active on the GST portal.")
    listing = JobListingFactory(published=True, description=GENUINE, employer=employer)
    url = reverse("careers:listing_report", args=[listing.pk])
    # Twenty phones on twenty networks, over a whole day.
    for number in range(20):
        phone = Client(REMOTE_ADDR=f"198.51.{number}.7")
        assert phone.post(url, {"reason": "fake"}).status_code == 200
        frozen_clock.shift(3600)
    assert listing in JobListing.objects.visible()
    assert client.get(listing.get_absolute_url(), follow=True).status_code == 200
    assert listing.reports.count() == 20
    assert listing in JobListing.objects.awaiting_review()


# --- The admin ----------------------------------------------------------------------------


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


def review_url(listing):
    return reverse("admin:careers_listingforreview_change", args=[listing.pk])


def decision(listing, **data):
    """The review page's form as sent, made on the listing's current text."""
    return {
        "reviewed_version": listing.review_version(),
        "decision": "",
        "reason": "",
        "note": "",
        "decisions-TOTAL_FORMS": "0",
        "decisions-INITIAL_FORMS": "0",
        "decisions-MIN_NUM_FORMS": "0",
        "decisions-MAX_NUM_FORMS": "1000",
        **data,
    }


def queue_versions(client) -> dict[str, str]:
    """The versions the queue's page showed, as its action form sends them."""
    page = client.get(reverse("admin:careers_listingforreview_changelist"))
    return dict(re.findall(r'name="(version-\d+)" value="(\w+)"', page.text))


def test_the_queue_is_the_moderators_oldest_first(moderator_client, recruiter):
    first = JobListingFactory(owner=recruiter, title="First in", description=GENUINE)
    second = JobListingFactory(owner=recruiter, title="Second", description=GENUINE)
    JobListingFactory(owner=recruiter, title="Still a draft")
    first.submit(recruiter, pledged=True)
    second.submit(recruiter, pledged=True)
    page = moderator_client.get(reverse("admin:careers_listingforreview_changelist"))
    assert page.status_code == 200
    text = page.content.decode()
    assert text.index("First in") < text.index("Second")
    assert "Still a draft" not in text


def test_the_queue_approves_at_once_only_what_needs_no_closer_look(
    moderator_client, moderator, recruiter
):
    clean = JobListingFactory(owner=recruiter, title="Clean", description=GENUINE)
    flagged = JobListingFactory(owner=recruiter, description=f"{GENUINE} Fee Rs 500.")
    reported = JobListingFactory(published=True, description=GENUINE)
    own = JobListingFactory(owner=moderator, description=GENUINE)
    for listing in (clean, flagged, own):
        listing.submit(listing.owner, pledged=True)
    for _ in range(3):
        reported.report(ReportReason.FAKE)
    response = moderator_client.post(
        reverse("admin:careers_listingforreview_changelist"),
        {
            "action": "approve_clean",
            "_selected_action": [x.pk for x in (clean, flagged, reported, own)],
            **queue_versions(moderator_client),
        },
        follow=True,
    )
    assert "Approved and published 1. Skipped 3" in response.content.decode()
    # The reported one stays up (reports alone do not hide it), its reports unread.
    assert {x.pk for x in JobListing.objects.visible()} == {clean.pk, reported.pk}
    assert reported.reports.filter(reviewed=False).count() == 3
    assert list(JobListing.objects.awaiting_review()) == [flagged, own, reported]


def test_a_moderator_decides_but_cannot_edit_the_text(moderator_client, recruiter):
    listing = JobListingFactory(owner=recruiter, description=GENUINE)
    listing.submit(recruiter, pledged=True)
    response = moderator_client.post(
        review_url(listing),
        decision(
            listing, decision="rejected", title="Rewritten", description="Changed"
        ),
    )
    assert response.status_code == 200  # a rejection needs its reason
    assert "Choose the reason the recruiter will see." in response.content.decode()
    response = moderator_client.post(
        review_url(listing),
        decision(listing, decision="rejected", reason="contact", title="Rewritten"),
    )
    assert response.status_code == 302
    listing.refresh_from_db()
    assert (listing.status, listing.title) == (Status.REJECTED, listing.title)
    assert listing.title != "Rewritten"
    # The recruiter reads the decision and its reason on their listing.
    recruiter_page = reverse("admin:careers_joblisting_change", args=[listing.pk])
    moderator_client.force_login(recruiter)
    shown = moderator_client.get(recruiter_page).content.decode()
    assert "Contact only through a chat app or a personal number" in shown


def test_nobody_approves_their_own_listing(client, recruiter):
    both = UserFactory(username="ravi", recruiter=True, moderator=True)
    listing = JobListingFactory(owner=both, description=GENUINE)
    listing.submit(both, pledged=True)
    client.force_login(both)
    response = client.post(review_url(listing), decision(listing, decision="approved"))
    assert "Someone else must review your own listing." in response.content.decode()
    listing.refresh_from_db()
    assert listing.status == Status.SUBMITTED


def test_recruiters_and_editors_cannot_open_the_queue(client, recruiter):
    listing = JobListingFactory(owner=recruiter, description=GENUINE)
    listing.submit(recruiter, pledged=True)
    editor = UserFactory(username="esha", catalogue_editor=True)
    for user in (recruiter, editor):
        client.force_login(user)
        queue = reverse("admin:careers_listingforreview_changelist")
        assert client.get(queue).status_code == 403
        assert client.get(review_url(listing)).status_code == 403
        assert (
            client.post(
                review_url(listing), decision(listing, decision="approved")
            ).status_code
            == 403
        )
    listing.refresh_from_db()
    assert listing.status == Status.SUBMITTED


def test_an_edit_of_a_live_listing_takes_it_off_until_reviewed(client, recruiter):
    listing = JobListingFactory(owner=recruiter, published=True)
    client.force_login(recruiter)
    url = reverse("admin:careers_joblisting_change", args=[listing.pk])
    client.post(url, listing_form(description="Now with a registration fee of Rs 500."))
    listing.refresh_from_db()
    assert listing.status == Status.DRAFT
    assert listing not in JobListing.objects.visible()


def test_approval_is_for_the_text_the_moderator_read(client, recruiter, moderator):
    listing = JobListingFactory(owner=recruiter, description=GENUINE)
    listing.submit(recruiter, pledged=True)
    assert listing.lint_flags == []
    # The moderator opens the clean listing...
    client.force_login(moderator)
    opened = client.get(review_url(listing)).text
    read = re.search(r'name="reviewed_version" value="(\w+)"', opened).group(1)
    # ...the recruiter then rewrites it into a fee scam and sends it again...
    client.force_login(recruiter)
    scam = f"{GENUINE} Pay a refundable registration fee of Rs 2500 to confirm."
    client.post(
        reverse("admin:careers_joblisting_change", args=[listing.pk]),
        listing_form(
            title=listing.title,
            description=scam,
            how_to_apply="Message HR on Telegram @hr_jobs_now",
            send_for_review="on",
            no_fee_pledge="on",
        ),
    )
    listing.refresh_from_db()
    assert listing.status == Status.SUBMITTED
    assert {f["code"] for f in listing.lint_flags} >= {"money", "chat-only"}
    # ...and the moderator sends the page they loaded earlier.
    client.force_login(moderator)
    form = {**decision(listing, decision="approved"), "reviewed_version": read}
    refused = client.post(review_url(listing), form)
    assert refused.status_code == 200
    assert "This listing changed after you opened it" in refused.text
    assert "refundable registration fee of Rs 2500" in refused.text  # the new text
    listing.refresh_from_db()
    assert listing.status == Status.SUBMITTED
    assert listing not in JobListing.objects.visible()
    assert not listing.decisions.exists()
    # Having read the new text, they can decide on it.
    again = re.search(r'name="reviewed_version" value="(\w+)"', refused.text).group(1)
    assert again == listing.review_version()
    rejected = {
        **form,
        "decision": "rejected",
        "reason": "fee",
        "reviewed_version": again,
    }
    assert client.post(review_url(listing), rejected).status_code == 302
    listing.refresh_from_db()
    assert listing.status == Status.REJECTED


def test_an_edit_sent_again_at_once_says_only_that_it_was_sent(client, recruiter):
    listing = JobListingFactory(owner=recruiter, description=GENUINE)
    listing.submit(recruiter, pledged=True)
    client.force_login(recruiter)
    url = reverse("admin:careers_joblisting_change", args=[listing.pk])
    edit = {"title": listing.title, "description": f"{GENUINE} Laptops provided."}
    sent = client.post(
        url, listing_form(**edit, send_for_review="on", no_fee_pledge="on"), follow=True
    )
    said = " ".join(str(m) for m in sent.context["messages"])
    assert "Sent for review." in said
    assert "took the listing" not in said  # it was not on the site, and went again
    held = client.post(
        url, listing_form(**{**edit, "description": GENUINE}), follow=True
    )
    said = " ".join(str(m) for m in held.context["messages"])
    assert "Your edit took the listing out of the review queue" in said


def test_after_a_decision_the_moderator_is_back_at_the_queue(
    moderator_client, recruiter
):
    listing = JobListingFactory(owner=recruiter, description=GENUINE)
    listing.submit(recruiter, pledged=True)
    form = {**decision(listing, decision="approved"), "_continue": "Save"}
    response = moderator_client.post(review_url(listing), form, follow=True)
    queue = reverse("admin:careers_listingforreview_changelist")
    assert response.redirect_chain == [(queue, 302)]
    assert [str(m) for m in response.context["messages"]] == [
        "Approved and published for 30 days."
    ]


def test_a_decision_on_an_older_version_is_refused_by_the_model_too(
    recruiter, moderator
):
    listing = JobListingFactory(owner=recruiter, description=GENUINE)
    listing.submit(recruiter, pledged=True)
    read = listing.review_version()
    listing.languages.create(language="hindi", level="B2")  # asks more of candidates
    with pytest.raises(StaleReview):
        listing.approve(moderator, version=read)
    with pytest.raises(StaleReview):
        listing.reject(moderator, RejectionReason.FEE, version=read)
    listing.approve(moderator, version=listing.review_version())
    assert listing in JobListing.objects.visible()


def test_the_queue_approves_only_the_version_it_listed(moderator_client, recruiter):
    listing = JobListingFactory(owner=recruiter, description=GENUINE)
    listing.submit(recruiter, pledged=True)
    shown = queue_versions(moderator_client)
    # Edited after the queue was loaded, in a way the guard does not flag.
    listing.location = "Somewhere else entirely"
    listing.save()
    response = moderator_client.post(
        reverse("admin:careers_listingforreview_changelist"),
        {"action": "approve_clean", "_selected_action": [listing.pk], **shown},
        follow=True,
    )
    assert "Approved and published 0. Skipped 1" in response.text
    assert listing not in JobListing.objects.visible()


def test_nobody_verifies_or_approves_for_an_employer_they_recruit_for(
    client, moderator
):
    employer = Employer.objects.create(name="Ravi's Own BPO")
    ravi = UserFactory(username="ravi", recruiter=True, moderator=True)
    colleague = UserFactory(username="sita", recruiter=True)
    for user in (ravi, colleague):
        Recruiter.objects.create(user=user, employer=employer)
    # The model refuses it...
    with pytest.raises(ValidationError, match="someone else must verify it"):
        employer.verify(ravi, "It is my own company, trust me.")
    # ...and so does the form, with the reason beside the tick.
    client.force_login(ravi)
    url = reverse("admin:careers_employer_change", args=[employer.pk])
    refused = client.post(url, employer_form(employer, mark_verified="on"))
    assert refused.status_code == 200
    assert "someone else must verify it" in refused.text
    employer.refresh_from_db()
    assert employer.verified_at is None
    # A colleague's listing: not in the form, the bulk action or the model method.
    listing = JobListingFactory(owner=colleague, description=GENUINE)
    listing.submit(colleague, pledged=True)
    assert listing.employer == employer
    refused = client.post(review_url(listing), decision(listing, decision="approved"))
    assert "someone else must review its listings" in refused.text
    client.post(
        reverse("admin:careers_listingforreview_changelist"),
        {
            "action": "approve_clean",
            "_selected_action": [listing.pk],
            **queue_versions(client),
        },
    )
    with pytest.raises(ValidationError, match="someone else must review"):
        listing.approve(ravi)
    assert listing not in JobListing.objects.visible()
    # Someone else verifies it; their clean listings are then published at once.
    employer.verify(moderator, "GSTIN active on the GST portal.")
    listing.approve(moderator)
    assert listing in JobListing.objects.visible()


def test_nobody_adds_themselves_as_a_recruiter_and_verifies_in_one_go(
    client, moderator, harbour
):
    client.force_login(moderator)
    url = reverse("admin:careers_employer_change", args=[harbour.pk])
    form = employer_form(harbour, mark_verified="on")
    form |= {
        "recruiters-TOTAL_FORMS": "2",
        "recruiters-1-id": "",
        "recruiters-1-employer": str(harbour.pk),
        "recruiters-1-user": str(moderator.pk),
    }
    refused = client.post(url, form)
    assert refused.status_code == 200
    assert "someone else must verify it" in refused.text
    harbour.refresh_from_db()
    assert harbour.verified_at is None
    assert not harbour.recruits_for(moderator)


def test_a_listing_whose_walk_in_is_over_is_not_approved(
    moderator_client, moderator, recruiter, frozen_clock
):
    listing = JobListingFactory(owner=recruiter, description=GENUINE, complete=True)
    listing.submit(recruiter, pledged=True)
    frozen_clock.shift(timedelta(days=6))  # the drive was yesterday
    refused = moderator_client.post(
        review_url(listing), decision(listing, decision="approved")
    )
    assert refused.status_code == 200
    assert "Its walk-in drive is over" in refused.text
    with pytest.raises(ValidationError, match="walk-in drive is over"):
        listing.approve(moderator)
    assert listing not in JobListing.objects.visible()
    rejected = decision(listing, decision="rejected", reason="unclear")
    assert moderator_client.post(review_url(listing), rejected).status_code == 302


def test_a_moderator_decides_on_a_listing_that_breaks_a_newer_rule(
    moderator_client, recruiter
):
    # Saved before walk-in dates were checked against the day a listing was written.
    listing = JobListingFactory(owner=recruiter, description=GENUINE, complete=True)
    listing.submit(recruiter, pledged=True)
    JobListing.objects.filter(pk=listing.pk).update(
        created_at=timezone.now() + timedelta(days=10)
    )
    page = moderator_client.get(review_url(listing))
    assert page.status_code == 200
    response = moderator_client.post(
        review_url(listing), decision(listing, decision="rejected", reason="unclear")
    )
    assert response.status_code == 302
    listing.refresh_from_db()
    assert listing.status == Status.REJECTED


def test_a_hidden_listing_its_recruiter_closes_leaves_the_queue(
    moderator, frozen_clock
):
    listing = JobListingFactory(published=True, description=GENUINE)
    for network in ("a", "b", "c"):
        listing.report(ReportReason.FAKE, network=network)
        frozen_clock.shift(timedelta(minutes=40))
    assert listing.hidden_at is not None
    assert listing in JobListing.objects.awaiting_review()
    listing.close()
    assert listing not in JobListing.objects.awaiting_review()


def test_a_recruiter_reads_their_employer_page(client, recruiter, harbour):
    client.force_login(recruiter)
    url = reverse("admin:careers_employer_change", args=[harbour.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Harbour Contact Centre" in page.text
    assert "Ban this employer" not in page.text


def test_the_expiry_is_set_by_approval_only(client, recruiter, moderator, frozen_clock):
    client.force_login(recruiter)
    response = client.post(
        reverse("admin:careers_joblisting_add"),
        listing_form(
            description=GENUINE,
            expires_at_0="9999-12-31",
            expires_at_1="00:00:00",
            send_for_review="on",
            no_fee_pledge="on",
        ),
    )
    assert response.status_code == 302
    listing = JobListing.objects.get()
    assert listing.expires_at is None
    listing.approve(moderator)
    assert listing.expires_at == timezone.now() + timedelta(days=30)
    # A live listing's expiry cannot be moved by its owner either.
    url = reverse("admin:careers_joblisting_change", args=[listing.pk])
    expiry = listing.expires_at
    client.post(
        url,
        listing_form(
            title=listing.title,
            description=GENUINE,
            expires_at_0="9999-12-31",
            expires_at_1="00:00:00",
        ),
    )
    listing.refresh_from_db()
    assert (listing.expires_at, listing.status) == (expiry, Status.PUBLISHED)


def test_walk_in_dates_past_or_before_the_listing_are_refused(
    client, recruiter, frozen_clock
):
    client.force_login(recruiter)
    walk_in = {
        "walk_in_venue": "Tower B, MG Road, Pune",
        "walk_in_date": "2026-11-30",
    }
    refused = client.post(
        reverse("admin:careers_joblisting_add"), listing_form(**walk_in)
    )
    assert refused.status_code == 200
    assert "The walk-in date has passed" in refused.text
    listing = JobListingFactory(owner=recruiter, description=GENUINE)
    url = reverse("admin:careers_joblisting_change", args=[listing.pk])
    refused = client.post(url, listing_form(title=listing.title, **walk_in))
    assert "The walk-in date has passed" in refused.text
    # A drive to come is fine; once it has passed the listing cannot be sent again.
    ok = client.post(
        url,
        listing_form(title=listing.title, **{**walk_in, "walk_in_date": "2026-12-05"}),
    )
    assert ok.status_code == 302
    frozen_clock.shift(timedelta(days=7))
    listing.refresh_from_db()
    with pytest.raises(ValidationError, match="walk-in date has passed"):
        listing.submit(recruiter, pledged=True)
    # And a date before the listing was written never validates.
    listing.walk_in_date = date(2026, 11, 1)
    with pytest.raises(ValidationError, match="before this listing was written"):
        listing.full_clean()


def test_recruiters_say_which_languages_a_listing_asks_for(client, recruiter):
    listing = JobListingFactory(owner=recruiter, description=GENUINE, published=True)
    client.force_login(recruiter)
    url = reverse("admin:careers_joblisting_change", args=[listing.pk])
    assert 'name="languages-0-language"' in client.get(url).text
    response = client.post(
        url,
        listing_form(
            title=listing.title,
            description=listing.description,
            **{
                "languages-TOTAL_FORMS": "1",
                "languages-0-language": "tamil",
                "languages-0-level": "B2",
            },
        ),
    )
    assert response.status_code == 302
    assert [str(x) for x in listing.languages.all()] == ["Tamil B2"]
    # Asking more of candidates is an edit like any other: reviewed again.
    listing.refresh_from_db()
    assert listing.status == Status.DRAFT


# --- Candidates' side ---------------------------------------------------------------------


@pytest.mark.django_db
def test_every_listing_carries_the_guard_and_a_report_link(client):
    listing = JobListingFactory(published=True, description=GENUINE)
    page = client.get(reverse("careers:role_detail", args=[listing.role.slug]))
    text = page.content.decode()
    assert "CareerFit and genuine employers never ask you for money." in text
    assert reverse("careers:listing_report", args=[listing.pk]) in text


@pytest.mark.django_db
def test_a_report_needs_no_account_and_says_what_to_do(client):
    listing = JobListingFactory(published=True, description=GENUINE)
    url = reverse("careers:listing_report", args=[listing.pk])
    form = client.get(url)
    assert form.status_code == 200
    assert form["X-Robots-Tag"].startswith("noindex")
    refused = client.post(url, {"note": "x" * 501})
    assert refused.status_code == 400
    text = refused.content.decode()
    assert "Choose what is wrong with this listing." in text
    assert "Write at most 500 characters." in text
    done = client.post(url, {"reason": "money", "note": "Asked Rs 2000 on WhatsApp"})
    assert done.status_code == 200
    assert "never ask you for money" in done.content.decode()
    # Reports alone do not take it down: the reporter is not told it is gone.
    assert "Until then it may stay on the site" in done.content.decode()
    report = listing.reports.get()
    assert (report.reason, report.note) == ("money", "Asked Rs 2000 on WhatsApp")


@pytest.mark.django_db
def test_only_listings_on_the_site_can_be_reported(client):
    live = JobListingFactory(published=True, description=GENUINE)
    draft = JobListingFactory(description=GENUINE)
    assert (
        client.get(reverse("careers:listing_report", args=[draft.pk])).status_code
        == 404
    )
    url = reverse("careers:listing_report", args=[live.pk])
    statuses = [client.post(url, {"reason": "fake"}).status_code for _ in range(5)]
    # Five reports from one phone leave it up, waiting for a moderator.
    assert statuses == [200] * 5
    assert live in JobListing.objects.visible()
    assert live in JobListing.objects.awaiting_review()
    live.close()
    assert client.post(url, {"reason": "fake"}).status_code == 404


@pytest.mark.django_db
def test_one_address_cannot_report_more_than_five_an_hour(client, frozen_clock):
    listings = [
        JobListingFactory(published=True, description=GENUINE) for _ in range(6)
    ]
    statuses = [
        client.post(
            reverse("careers:listing_report", args=[listing.pk]), {"reason": "wrong"}
        ).status_code
        for listing in listings
    ]
    assert statuses == [200] * 5 + [429]
    frozen_clock.shift(3600)
    later = reverse("careers:listing_report", args=[listings[5].pk])
    assert client.post(later, {"reason": "wrong"}).status_code == 200


def test_the_admin_index_tells_moderators_what_waits(moderator_client, recruiter):
    listing = JobListingFactory(owner=recruiter, description=GENUINE)
    listing.submit(recruiter, pledged=True)
    text = moderator_client.get(reverse("admin:index")).content.decode()
    assert "1 waiting" in text
    moderator_client.force_login(recruiter)
    assert (
        "waiting" not in moderator_client.get(reverse("admin:index")).content.decode()
    )


# --- Employers ------------------------------------------------------------------------------


@pytest.fixture
def harbour(db, recruiter):
    employer = Employer.objects.create(
        name="Harbour Contact Centre",
        website_domain="harbour.example",
        registration_number="27AAACH1234F1Z5",
    )
    Recruiter.objects.create(user=recruiter, employer=employer)
    return employer


def test_a_verified_employers_clean_listing_is_published_at_once(
    recruiter, moderator, harbour
):
    harbour.verify(moderator, "GSTIN active on the GST portal; domain matches.")
    clean = JobListingFactory(
        owner=recruiter,
        description=GENUINE,
        how_to_apply="Write to jobs@harbour.example",
    )
    clean.submit(recruiter, pledged=True)
    assert clean.employer == harbour
    assert clean in JobListing.objects.visible()
    assert clean.decisions.get().note.startswith("Verified employer")
    flagged = JobListingFactory(
        owner=recruiter,
        description=f"{GENUINE} Refundable deposit Rs 1000.",
        how_to_apply="Write to jobs@harbour.example",
    )
    flagged.submit(recruiter, pledged=True)
    assert flagged.status == Status.SUBMITTED  # a flag always waits for a person


def test_an_address_off_the_employers_domain_is_flagged(recruiter, harbour):
    listing = JobListingFactory(
        owner=recruiter, description=GENUINE, how_to_apply="Write to hr@harb0ur.example"
    )
    listing.submit(recruiter, pledged=True)
    assert [f["code"] for f in listing.lint_flags] == ["other-domain"]


def test_banning_an_employer_closes_every_listing_it_has(recruiter, moderator, harbour):
    live = JobListingFactory(owner=recruiter, employer=harbour, published=True)
    waiting = JobListingFactory(owner=recruiter, description=GENUINE)
    waiting.submit(recruiter, pledged=True)
    assert harbour.ban(moderator, "Asked candidates for a training fee.") == 2
    assert not JobListing.objects.visible().filter(employer=harbour).exists()
    live.refresh_from_db()
    assert live.status == Status.CLOSED
    with pytest.raises(ValidationError):
        JobListingFactory(owner=recruiter, description=GENUINE).submit(
            recruiter, pledged=True
        )


@pytest.mark.django_db
def test_a_verified_employers_listings_carry_the_badge(
    client, moderator, harbour, django_capture_on_commit_callbacks
):
    listing = JobListingFactory(employer=harbour, published=True, description=GENUINE)
    page = reverse("careers:role_detail", args=[listing.role.slug])
    assert "Verified employer" not in client.get(page).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        harbour.verify(moderator, "CIN on the MCA portal.")  # the cached page goes
    text = client.get(page).content.decode()
    assert "Verified employer: we checked its registration" in text


def employer_form(employer, **data):
    """The employer's admin form as sent, its recruiters unchanged."""
    form = {
        "name": employer.name,
        "website_domain": employer.website_domain,
        "registration_number": employer.registration_number,
        "contact_email": "",
        "verification_note": "Checked.",
        "recruiters-TOTAL_FORMS": str(employer.recruiters.count()),
        "recruiters-INITIAL_FORMS": str(employer.recruiters.count()),
        "recruiters-MIN_NUM_FORMS": "0",
        "recruiters-MAX_NUM_FORMS": "1000",
    }
    for number, row in enumerate(employer.recruiters.all()):
        form[f"recruiters-{number}-id"] = str(row.pk)
        form[f"recruiters-{number}-employer"] = str(employer.pk)
        form[f"recruiters-{number}-user"] = str(row.user_id)
    return {**form, **data}


def test_only_moderators_verify_and_a_recruiter_sees_only_their_employer(
    client, recruiter, moderator, harbour
):
    Employer.objects.create(name="Someone Else BPO")
    client.force_login(recruiter)
    listed = client.get(reverse("admin:careers_employer_changelist")).content.decode()
    assert "Harbour Contact Centre" in listed
    assert "Someone Else BPO" not in listed
    url = reverse("admin:careers_employer_change", args=[harbour.pk])
    client.post(
        url, {"name": "Harbour", "mark_verified": "on", "verification_note": "x"}
    )
    harbour.refresh_from_db()
    assert (harbour.name, harbour.verified_at) == ("Harbour Contact Centre", None)
    client.force_login(moderator)
    form = {
        "name": harbour.name,
        "website_domain": harbour.website_domain,
        "registration_number": harbour.registration_number,
        "contact_email": "",
        "verification_note": "",
        "mark_verified": "on",
        "recruiters-TOTAL_FORMS": "1",
        "recruiters-INITIAL_FORMS": "1",
        "recruiters-MIN_NUM_FORMS": "0",
        "recruiters-MAX_NUM_FORMS": "1000",
        "recruiters-0-id": str(harbour.recruiters.get().pk),
        "recruiters-0-employer": str(harbour.pk),
        "recruiters-0-user": str(recruiter.pk),
    }
    refused = client.post(url, form)
    assert "Say what you checked." in refused.content.decode()
    done = client.post(url, {**form, "verification_note": "GSTIN on the GST portal."})
    assert done.status_code == 302
    harbour.refresh_from_db()
    assert (harbour.verified_by, harbour.verification_note) == (
        moderator,
        "GSTIN on the GST portal.",
    )


# --- Each listing's own page, for candidates and search engines ----------------------------


@pytest.mark.django_db
def test_a_listing_page_names_its_city_and_state_apart_for_search_engines(client):
    listing = JobListingFactory(
        published=True, description=GENUINE, location="Bangalore, Karnataka"
    )
    text = client.get(listing.get_absolute_url()).content.decode()
    data = json.loads(
        re.search(
            r'<script type="application/ld\+json"[^>]*>(.*?)</script>', text, re.S
        )[1]
    )
    address = data["jobLocation"]["address"]
    assert (address["addressLocality"], address["addressRegion"]) == (
        "Bengaluru",
        "Karnataka",
    )


@pytest.mark.django_db
def test_a_listing_page_carries_googles_jobposting_fields(client, moderator, harbour):
    listing = JobListingFactory(
        employer=harbour,
        published=True,
        description=GENUINE,
        shift="us_hours",
        openings=12,
        min_education="12th",
        experience_min_years=1,
    )
    page = client.get(listing.get_absolute_url())
    assert page.status_code == 200
    text = page.content.decode()
    data = json.loads(
        re.search(
            r'<script type="application/ld\+json"[^>]*>(.*?)</script>', text, re.S
        )[1]
    )
    assert data["@type"] == "JobPosting"
    for field in ("title", "description", "datePosted", "hiringOrganization"):
        assert data[field], field
    assert data["jobLocation"]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Pune",
        "addressCountry": "IN",
    }
    assert data["validThrough"] == listing.expires_at.isoformat()
    assert data["baseSalary"]["value"]["maxValue"] == 28000
    assert data["directApply"] is False
    assert data["occupationalCategory"] == "43-4051.00"  # the role's main O*NET code
    assert data["workHours"].startswith("US business hours")
    assert data["hiringOrganization"]["sameAs"] == "https://harbour.example"
    assert data["totalJobOpenings"] == 12
    assert data["educationRequirements"]["credentialCategory"] == "high school"
    assert data["experienceRequirements"]["monthsOfExperience"] == 12
    assert "never ask you for money" in text


@pytest.mark.django_db
def test_a_remote_listing_says_telecommute_and_a_closed_one_is_gone(client):
    remote = JobListingFactory(published=True, work_mode="remote", description=GENUINE)
    data = client.get(remote.get_absolute_url()).content.decode()
    assert '"jobLocationType": "TELECOMMUTE"' in data
    assert '"applicantLocationRequirements": {"@type": "Country", "name": "IN"}' in data
    url = remote.get_absolute_url()
    assert client.get(url.replace("/customer-", "/old-slug-")).status_code == 301
    remote.close()
    assert client.get(url).status_code == 410


@pytest.mark.django_db
def test_the_jobs_sitemap_lists_only_what_candidates_can_see(client):
    live = JobListingFactory(published=True, description=GENUINE)
    closed = JobListingFactory(closed=True)
    xml = client.get("/sitemap-jobs.xml").content.decode()
    assert live.get_absolute_url() in xml
    assert f"/jobs/{closed.pk}/" not in xml
    assert 'hreflang="hi"' in xml
