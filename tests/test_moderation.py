"""Listings candidates can trust: review before publishing and the no-fee guard."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from careers.choices import DecisionKind, RejectionReason, ReportReason, Status
from careers.listings.lint import lint
from careers.listings.models import StaleReview
from careers.models import JobListing
from tests.factories import JobListingFactory, UserFactory
from tests.helpers import GENUINE, decision, listing_form, queue_versions, review_url


def flags(description="", how_to_apply="Apply at careers@bluecall.example", **extra):
    texts = {"description": description, "how to apply": how_to_apply}
    descriptions = {"description": description}
    return [f.code for f in lint(texts, how_to_apply, descriptions, **extra)]


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


# Philippine job-scam texts as DOLE, the DMW and the POEA before it describe them:
# placement, processing, reservation, training and medical fees, a training bond,
# money sent by GCash or remittance, in English, Filipino and Taglish.
@pytest.mark.parametrize(
    "scam",
    [
        "Kailangan magbayad ng ₱1,500 para sa training bago mag-start.",
        "May bayad ang medical: Php 850, dalhin sa araw ng interview.",
        "Placement fee na P3,000 lang, refundable pag na-hire ka.",
        "Send P3,800 via GCash to reserve your slot for the final interview.",
        "Reservation fee of 500 pesos to confirm your interview schedule.",
        "Processing fee ₱2,000 upon signing. A one-year training bond applies.",
        "Bayad sa ID at uniform ay 1,200 pesos, ibabalik sa unang sahod.",
        "Bayaran mo muna ang medical fee sa partner clinic namin.",
        "Magpadala ng PHP 700 sa Palawan Express para sa processing.",
    ],
)
def test_philippine_money_asks_are_flagged(scam):
    assert "money" in flags(f"{GENUINE} {scam}")


@pytest.mark.parametrize(
    "honest",
    [
        "Salary ₱18,000 to ₱22,000 a month plus night differential and HMO.",
        "No placement fee. The pre-employment medical is shouldered by the company.",
        "Walang bayad ang pag-apply. Hindi kailangang magbayad sa kahit anong bahagi.",
        "Libre ang training, at may sahod habang nagte-training.",
        "13th month pay and a rice allowance of 2,000 pesos a month.",
    ],
)
def test_honest_philippine_listings_are_not_flagged(honest):
    assert flags(f"{GENUINE} {honest}") == []


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


# --- The admin ----------------------------------------------------------------------------


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


def test_the_admin_index_tells_moderators_what_waits(moderator_client, recruiter):
    listing = JobListingFactory(owner=recruiter, description=GENUINE)
    listing.submit(recruiter, pledged=True)
    text = moderator_client.get(reverse("admin:index")).content.decode()
    assert "1 waiting" in text
    moderator_client.force_login(recruiter)
    assert (
        "waiting" not in moderator_client.get(reverse("admin:index")).content.decode()
    )


def test_the_guard_reads_the_description_in_every_language(recruiter):
    hindi_fee = f"{GENUINE} इंटरव्यू से पहले रजिस्ट्रेशन फीस ₹500 जमा करें।"
    listing = JobListingFactory(
        owner=recruiter, description=GENUINE, description_hi=hindi_fee
    )
    listing.submit(recruiter, pledged=True)
    assert [(f["code"], f["reason"][:42]) for f in listing.lint_flags] == [
        ("money", "Asks candidates for money (description (hi"),
    ]
    # Each language's readers see only theirs: a short one says too little.
    listing.description_hi, listing.description_fil = "", "Tawag sa bangko."
    assert [f["code"] for f in listing.check_text()] == ["short"]


def test_an_edit_of_a_translation_takes_a_live_listing_off_until_reviewed(
    client, recruiter
):
    listing = JobListingFactory(owner=recruiter, published=True)
    client.force_login(recruiter)
    url = reverse("admin:careers_joblisting_change", args=[listing.pk])
    client.post(
        url,
        listing_form(
            description=listing.description,
            description_fil="Magbayad ng ₱1,500 para sa training bago mag-start.",
        ),
    )
    listing.refresh_from_db()
    assert listing.description_fil.startswith("Magbayad")
    assert listing.status == Status.DRAFT
    assert listing not in JobListing.objects.visible()
