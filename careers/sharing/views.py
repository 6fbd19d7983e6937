"""Sharing a result: making and switching off links, the shared page and its card."""

from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_POST, require_safe
from django.views.decorators.vary import vary_on_headers

from careers.assessments.views.gone import gone_once_deleted
from careers.assessments.views.quiz import quiz_in_url
from careers.assessments.wording import shared_market
from careers.models import Assessment, Share
from careers.sharing.cards import card_alt_text
from careers.sharing.forms import ShareForm, share_context
from careers.web.ratelimits import check_rate
from careers.web.responses import private_page

# Links are made per result; the address ceiling leaves room for a class sharing at once.
SHARE_CREATE_RATE = "10/h"
ADDRESS_SHARE_CREATE_RATE = "100/h"
SHARE_MISS_RATE = "20/m"
SHARE_PAGE_HEADERS = {
    "X-Robots-Tag": "noindex, nofollow",
    "Referrer-Policy": "no-referrer",
    # Private, and asked again each time: a revoked link must stop working at once.
    "Cache-Control": "private, no-cache",
}


def with_share_headers(response: HttpResponse) -> HttpResponse:
    for header, value in SHARE_PAGE_HEADERS.items():
        response[header] = value
    return response


def finished_assessment(token: str, *, scores: bool = True) -> Assessment:
    """The assessment and its result; without `scores`, not the result's roles."""
    found = Assessment.objects.by_token(token).select_related("result")
    if not scores:
        found = found.defer("result__recommendation", "result__profile")
    assessment = get_object_or_404(found)
    if not hasattr(assessment, "result"):
        raise Http404("Finish the quiz before sharing.")
    return assessment


def share_answer(
    request: HttpRequest,
    assessment: Assessment,
    form: ShareForm | None = None,
    status: int = 200,
    new_share: int | None = None,
) -> HttpResponse:
    """The #share section for htmx; without JavaScript, the page of links around it."""
    offer_form = bool(request.htmx)
    context = {
        "assessment": assessment,
        **share_context(
            request, assessment, form, offer_form=offer_form, new_share=new_share
        ),
    }
    template_name = "careers/result_detail.html#share"
    if not request.htmx:
        template_name = "careers/share_links.html"
        context["result_url"] = reverse(
            "careers:result_detail", args=[assessment.token]
        )
    return render(request, template_name, context, status=status)


def back_to_links(token: str) -> HttpResponse:
    return redirect(reverse("careers:share_links", args=[token]) + "#share-links")


# Without JavaScript, making or switching off a link lands on this page of its own: the
# links, ready to send, and a way back to make another (the form again only to say what
# to fix). An eighth of the result page's bytes, which a phone on weak data would
# otherwise download again after each link (and the server draw again).
@require_safe
@private_page
@vary_on_headers("HX-Request")
@gone_once_deleted
def share_links(request: HttpRequest, token: str) -> HttpResponse:
    # The link just made (share_create's redirect) is headed as new; a mistyped
    # number is simply no link's.
    new = request.GET.get("new", "")
    new_share = int(new) if new.isdigit() and len(new) < 12 else None
    assessment = finished_assessment(token, scores=False)
    return share_answer(request, assessment, new_share=new_share)


@require_POST
@private_page
@vary_on_headers("HX-Request")
@gone_once_deleted
def share_create(request: HttpRequest, token: str) -> HttpResponse:
    assessment = finished_assessment(token)
    check_rate(request, "share-create-address", "ip", ADDRESS_SHARE_CREATE_RATE)
    check_rate(request, "share-create", quiz_in_url, SHARE_CREATE_RATE)
    form = ShareForm(request.POST, result=assessment.result)
    if not form.is_valid():
        return share_answer(request, assessment, form, status=400)
    try:
        with transaction.atomic():
            share = Share.create_for(
                assessment.result,
                roles=form.cleaned_data["roles"],
                expiry=form.cleaned_data["expiry"],
            )
    except IntegrityError:
        # The result was deleted since it was read (erase() holds it locked, so the
        # link's reference to it fails when the deletion ends): it is gone (410).
        raise Http404("Deleted while the link was made.") from None
    # The new link is first, headed "Your new link": share.js moves the focus there
    # (screen readers read its name); without JavaScript the address's fragment does.
    if request.htmx:
        return share_answer(request, assessment, new_share=share.pk)
    links = reverse("careers:share_links", args=[token])
    return redirect(f"{links}?new={share.pk}#link-{share.pk}")


@require_POST
@private_page
@vary_on_headers("HX-Request")
@gone_once_deleted
def share_revoke(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    # Only the holder of this result's private token can reach its shares.
    share = get_object_or_404(Share.objects.of_assessment(token), pk=pk)
    share.revoke()
    if request.htmx:
        return share_answer(request, finished_assessment(token))
    return back_to_links(token)


def share_by_token(
    request: HttpRequest, share_token: str, *, with_card: bool = False
) -> Share | None:
    """The share a link opens, active or not; over the miss limit, a 429."""
    check_rate(request, "share-miss", "ip", SHARE_MISS_RATE, count=False)
    return Share.objects.by_token(share_token, with_card=with_card)


def share_gone(request: HttpRequest, share: Share | None) -> HttpResponse:
    """404 for an unknown link, 410 for one switched off or expired, counted as a miss.

    Both do the same work and render the same page, so neither the body nor the timing
    tells them apart; only the status differs.
    """
    check_rate(request, "share-miss", "ip", SHARE_MISS_RATE)
    status = 404 if share is None else 410
    response = render(request, "careers/share_gone.html", status=status)
    return with_share_headers(response)


@require_safe
def share_detail(request: HttpRequest, share_token: str) -> HttpResponse:
    share = share_by_token(request, share_token)
    if share is None or not share.is_active:
        return share_gone(request, share)
    # The snapshot never changes: the page's content is cached by share (the template's
    # {% cache %}), and read from the database only to render it.
    snapshot = SimpleLazyObject(
        lambda: Share.objects.values_list("snapshot", flat=True).get(pk=share.pk)
    )
    context = {
        "share": share,
        "snapshot": snapshot,
        "made_at": SimpleLazyObject(lambda: parse_datetime(snapshot["made_at"])),
        "card_alt": SimpleLazyObject(lambda: card_alt_text(snapshot)),
        "market": SimpleLazyObject(lambda: shared_market(snapshot)),
        "page_url": request.build_absolute_uri(request.path),
        "card_url": request.build_absolute_uri(
            reverse("careers:share_card", args=[share_token])
        ),
    }
    response = render(request, "careers/share_detail.html", context)
    return with_share_headers(response)


@require_safe
def share_card(request: HttpRequest, share_token: str) -> HttpResponse:
    share = share_by_token(request, share_token, with_card=True)
    if share is None or not share.is_active:
        return share_gone(request, share)
    response = HttpResponse(bytes(share.card), content_type="image/png")
    # As the page: asked again every time, so a switched-off link's card goes with it.
    return with_share_headers(response)
