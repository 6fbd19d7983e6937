"""Sharing a result: opt-in public links that reveal only what was chosen, revocable;
the share card's drawing."""

import html
import io
import re
from datetime import timedelta
from urllib.parse import quote

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image, ImageDraw
from pytest_django.asserts import assertContains, assertNotContains

from careers.assessments.wording import say
from careers.models import Assessment, Share
from careers.sharing.cards import Face, _face, _wrap, card_alt_text, draw_card
from careers.sharing.models import plain_text
from tests.helpers import ANSWERS, HTMX, answer_all, create_share, finish, start

pytestmark = pytest.mark.django_db


@pytest.fixture
def finished(client):
    return finish(client)


def test_share_token_is_long_random_and_only_its_hash_is_stored(client, finished):
    first, second = create_share(client, finished), create_share(client, finished)
    assert len(first.token) >= 43  # 256 bits in URL-safe base64
    assert first.token != second.token
    assert first.token not in (first.salt, first.token_hash)
    assert first.token_hash != second.token_hash
    stored = str(list(Share.objects.values_list()))
    assert first.token not in stored
    assert second.token not in stored
    assert first.token != finished  # separate from the private result token


def test_shared_page_shows_the_top_roles_and_summary_but_no_answers(client, finished):
    share = create_share(client, finished)
    page = Client().get(share.get_absolute_url())
    assert page.status_code == 200
    assertContains(page, "Voice customer support associate")
    assertContains(page, "Can apply now")
    assertContains(page, say(share.snapshot["summary"]))
    assert say(share.snapshot["summary"]).startswith("Can apply now for ")
    assertContains(page, "result made on")
    assertContains(page, "Take it yourself")
    # The link's token and the nonce are random and may contain "C1" by chance.
    share_token = share.get_absolute_url().split("/")[3]
    text = without_nonces(page.text).replace(share_token, "")
    for answer in ("you said", "C1", "32 words", "words a minute", "hindi", "Hindi"):
        assert answer not in text
    assertNotContains(page, finished)  # never the private token


def test_the_link_shows_exactly_the_roles_ticked(client, finished):
    result = Assessment.objects.get(token=finished).result
    offered = [item["role"] for item in result.top_roles(12)]
    page = client.get(reverse("careers:result_detail", args=[finished]))
    for slug in offered:
        assertContains(page, f'value="{slug}"')
    chosen = [offered[1], offered[-1]]
    share = create_share(client, finished, roles=chosen)
    assert [role["role"] for role in share.snapshot["roles"]] == chosen
    shared = Client().get(share.get_absolute_url())
    titles = {
        item["role"]: item["title"] for item in result.recommendation["recommendations"]
    }
    for slug in offered:
        if slug in chosen:
            assertContains(shared, titles[slug])
        else:
            assertNotContains(shared, f"/en/roles/{slug}/")
    assert "Close" in card_alt_text(share.snapshot) or "apply now" in card_alt_text(
        share.snapshot
    )


def test_a_link_needs_one_to_five_roles_from_the_list(client, finished):
    url = reverse("careers:share_create", args=[finished])
    offered = [
        i["role"] for i in Assessment.objects.get(token=finished).result.top_roles(12)
    ]
    for roles, message in (
        ([], "Tick at least one role"),
        (offered[:6], "Tick at most 5 roles"),
        (["statistical-analyst-not-offered"], "Choose roles from the list shown."),
    ):
        response = client.post(url, {"expiry": "30", "roles": roles}, **HTMX)
        assertContains(response, message, status_code=400)
    assert not Share.objects.exists()


def test_whatsapp_comes_first_with_a_short_message_to_paste(client, finished):
    share = create_share(client, finished)
    page = client.get(reverse("careers:result_detail", args=[finished])).text
    section = page[page.index('id="share"') :]
    assert section.index("Share on WhatsApp") < section.index("LinkedIn")
    url = f"http://testserver/en/s/{share.token}/"
    message = plain_text(share.snapshot, url)
    assert len(message.encode()) < 1024
    assert message.startswith("My CareerFit result:")
    assert url in message
    assert "Voice customer support associate" in message
    assert f"https://wa.me/?text={quote(message, safe='/')}" in page
    assert html.escape(message) in page  # the text to copy


def test_share_headers_keep_it_private(client, finished):
    share = create_share(client, finished)
    page = Client().get(share.get_absolute_url())
    assert page["X-Robots-Tag"].startswith("noindex")
    assert page["Referrer-Policy"] == "no-referrer"
    assert page["Cache-Control"] == "private, no-cache"
    assert '<script src="http' not in page.text  # no third-party scripts


def test_link_preview_tags_use_absolute_urls(client, finished):
    share = create_share(client, finished)
    page = Client().get(share.get_absolute_url()).text
    card = f"http://testserver/en/s/{share.token}/card.png"
    assert f'<meta property="og:image" content="{card}">' in page
    assert f'<meta name="twitter:image" content="{card}">' in page
    assert (
        f'<meta property="og:url" content="http://testserver/en/s/{share.token}/">'
        in page
    )
    assert '<meta name="twitter:card" content="summary_large_image">' in page
    assert 'property="og:image:alt" content="CareerFit result card.' in page


def test_card_is_a_1200_by_630_png_without_answers(client, finished):
    share = create_share(client, finished)
    response = Client().get(reverse("careers:share_card", args=[share.token]))
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    assert (image.format, image.size) == ("PNG", (1200, 630))
    assert bytes(share.card) == response.content  # drawn once, then served as stored
    assert "you said" not in str(share.snapshot)
    assert "Hindi" not in str(share.snapshot)


def test_revoked_link_is_gone(client, finished):
    share = create_share(client, finished)
    response = client.post(reverse("careers:share_revoke", args=[finished, share.pk]))
    assert response.status_code == 302
    gone = Client().get(share.get_absolute_url())
    assert gone.status_code == 410
    assertContains(gone, "This link no longer works", status_code=410)
    assert (
        Client().get(reverse("careers:share_card", args=[share.token])).status_code
        == 410
    )


def without_nonces(html: str) -> str:
    return re.sub(r'nonce="[^"]*"', 'nonce=""', html)


def test_expired_link_is_gone_and_unknown_is_404_with_the_same_page(client, finished):
    share = create_share(client, finished, expiry="7")
    assert share.expires_at - timezone.now() > timedelta(days=6)
    Share.objects.filter(pk=share.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    gone = Client().get(share.get_absolute_url())
    missing = Client().get(reverse("careers:share_detail", args=["x" * 43]))
    assert (gone.status_code, missing.status_code) == (410, 404)
    # The same page; only each response's own CSP nonce and its own address (in the
    # language links) differ.
    gone_text = without_nonces(gone.text).replace(share.token, "TOKEN")
    assert gone_text == without_nonces(missing.text).replace("x" * 43, "TOKEN")


def test_never_expiring_link(client, finished):
    share = create_share(client, finished, expiry="never")
    assert share.expires_at is None
    assert Client().get(share.get_absolute_url()).status_code == 200


def test_several_links_coexist_and_are_revoked_one_by_one(client, finished):
    first, second = create_share(client, finished), create_share(client, finished)
    client.post(reverse("careers:share_revoke", args=[finished, first.pk]), **HTMX)
    assert Client().get(first.get_absolute_url()).status_code == 410
    assert Client().get(second.get_absolute_url()).status_code == 200
    page = client.get(reverse("careers:result_detail", args=[finished]))
    assertContains(page, "Switched off on")
    assertContains(page, second.token)


def test_another_candidate_cannot_revoke_or_see_my_shares(client, finished):
    share = create_share(client, finished)
    other = Client()
    other_token = start(other)
    answer_all(other, other_token)
    url = reverse("careers:share_revoke", args=[other_token, share.pk])
    assert other.post(url).status_code == 404
    share.refresh_from_db()
    assert share.is_active
    page = other.get(reverse("careers:result_detail", args=[other_token]))
    assertNotContains(page, share.token)


def test_get_on_a_share_has_no_side_effects(client, finished):
    share = create_share(client, finished)
    before = Share.objects.values().get(pk=share.pk)
    with CaptureQueriesContext(connection) as queries:
        Client().get(share.get_absolute_url())
        Client().get(reverse("careers:share_card", args=[share.token]))
    writes = [
        q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith("SELECT")
    ]
    assert writes == []
    assert Share.objects.values().get(pk=share.pk) == before


def test_share_controls_offer_copy_native_share_and_plain_fallbacks(client, finished):
    share = create_share(client, finished)
    page = client.get(reverse("careers:result_detail", args=[finished]))
    assertContains(page, f'value="http://testserver/en/s/{share.token}/"')
    assertContains(page, "data-share-url")
    for target in (
        "https://wa.me/?text=",
        "linkedin.com/sharing",
        "twitter.com/intent",
        "mailto:?subject=",
    ):
        assertContains(page, target)
    assertContains(page, "Switch this link off")


def test_htmx_share_creation_returns_the_share_section(client, finished):
    response = client.post(
        reverse("careers:share_create", args=[finished]),
        {"expiry": "30", "roles": ["voice-customer-support-associate"]},
        **HTMX,
    )
    assert response.text.lstrip().startswith('<section id="share"')
    assertContains(response, "/en/s/")


def test_bad_share_options_are_a_400_and_make_nothing(client, finished):
    response = client.post(
        reverse("careers:share_create", args=[finished]), {"expiry": "99"}
    )
    # Without JavaScript: the form again, saying what to fix, with the way back.
    assertContains(response, "Tick at least one role", status_code=400)
    assertContains(response, "Create a share link", status_code=400)
    assertContains(
        response, reverse("careers:result_detail", args=[finished]), status_code=400
    )
    assert not Share.objects.exists()


def test_without_javascript_a_new_link_opens_a_light_page_of_links(client, finished):
    result_page = client.get(reverse("careers:result_detail", args=[finished]))
    roles = [
        i["role"] for i in Assessment.objects.get(token=finished).result.top_roles()
    ]
    response = client.post(
        reverse("careers:share_create", args=[finished]),
        {"expiry": "30", "roles": roles[:2]},
        follow=True,
    )
    share = Share.objects.get()
    links = reverse("careers:share_links", args=[finished])
    # The address lands on the new link, headed as new.
    new = f"{links}?new={share.pk}#link-{share.pk}"
    assert response.redirect_chain == [(new, 302)]
    assertContains(
        response, f'<h4 id="link-{share.pk}" tabindex="-1" data-new-link>Your new link'
    )
    assertContains(response, f'value="http://testserver/en/s/{share.token}/"')
    assertContains(response, "Share on WhatsApp")
    result_url = reverse("careers:result_detail", args=[finished])
    assertContains(response, f'href="{result_url}#share-title">Make another link')
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"].startswith("noindex")
    # A phone on weak data does not download the whole result again.
    assert len(response.content) < len(result_page.content) / 2

    revoked = client.post(
        reverse("careers:share_revoke", args=[finished, share.pk]), follow=True
    )
    assert revoked.redirect_chain == [(f"{links}#share-links", 302)]
    assertContains(revoked, "Switched off on")


def test_the_links_page_needs_a_finished_result(client):
    token = start(client)
    assert client.get(reverse("careers:share_links", args=[token])).status_code == 404
    assert client.get(f"/en/results/{'A' * 32}/links/").status_code == 404


def test_share_creation_is_rate_limited(client, finished, frozen_clock):
    for _ in range(10):
        create_share(client, finished)
    response = client.post(
        reverse("careers:share_create", args=[finished]), {"expiry": "30"}
    )
    assert response.status_code == 429
    assertContains(response, "Please slow down", status_code=429)
    assert Share.objects.count() == 10


def test_misses_on_share_links_are_rate_limited(frozen_clock):
    client = Client()
    statuses = [client.get(f"/en/s/{'y' * 40}{n:03d}/").status_code for n in range(25)]
    assert statuses[:20] == [404] * 20
    assert statuses[-1] == 429


def test_cannot_share_before_finishing(client):
    token = start(client)
    client.post(reverse("careers:quiz_step", args=[token, 1]), ANSWERS[1])
    response = client.post(
        reverse("careers:share_create", args=[token]), {"expiry": "30"}
    )
    assert response.status_code == 404


@pytest.mark.parametrize(
    "text",
    [
        "Rechtsschutzversicherungsgesellschaften" * 8,
        "https://example.com/" + "a" * 400,
        "数据录入专员" * 60,
        "डेटाएंट्रीऑपरेटर" * 40,
        "आप अभी आवेदन कर सकते हैं: कस्टमर सपोर्ट एसोसिएट और डेटा एंट्री ऑपरेटर। " * 20,
        "short words then " + "x" * 300,
    ],
)
def test_card_wrapping_ends_and_keeps_every_line_inside_the_card(text):
    draw = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    face = _face(27)
    lines = _wrap(draw, text, face, 600, max_lines=3)
    assert 1 <= len(lines) <= 3
    assert all(face.length(draw, line) <= 600 for line in lines)
    assert lines[-1].endswith("…")


def test_a_card_with_unbroken_titles_is_drawn():
    snapshot = {
        "summary": "Ausbildungsplatzvermittlung" * 30,
        "roles": [
            {"title": "T" * 500, "sector": "BPO", "verdict": "eligible"},
            {"title": "数据" * 200, "sector": "KPO", "verdict": "close", "score": 80},
        ],
    }
    assert draw_card(snapshot).startswith(b"\x89PNG")


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


def test_a_result_where_every_role_clashes_is_shared_with_its_summary_alone(client):
    # Rotational shifts only, from home only: every role clashes with one of them.
    token = start(client)
    for number in range(1, 8):
        data = ANSWERS[number]
        if number == 6:
            data = {"shifts": ["rotational"], "commute": "remote_only"}
        client.post(reverse("careers:quiz_step", args=[token, number]), data)
    result = Assessment.objects.get(token=token).result
    assert result.top_roles() == []
    share = create_share(client, token)
    assert share.snapshot["roles"] == []
    page = Client().get(share.get_absolute_url())
    assertContains(page, "Looking for work that fits the hours and places")
    card = Client().get(share.get_absolute_url() + "card.png")
    assert card.status_code == 200


def test_with_htmx_the_new_link_comes_first_headed_as_new(client, finished):
    older = create_share(client, finished)
    roles = [
        i["role"] for i in Assessment.objects.get(token=finished).result.top_roles()
    ]
    section = client.post(
        reverse("careers:share_create", args=[finished]),
        {"expiry": "30", "roles": roles[:1]},
        **HTMX,
    )
    newer = Share.objects.exclude(pk=older.pk).get()
    page = section.text
    heading = f'<h4 id="link-{newer.pk}" tabindex="-1" data-new-link>Your new link</h4>'
    assert heading in page
    assert page.index(heading) < page.index(f'id="link-{older.pk}"')
    assert "Link made " in page[page.index(f'id="link-{older.pk}"') :]
    # Only the link just made is new: the page read again heads none so.
    again = client.get(reverse("careers:result_detail", args=[finished]))
    assertNotContains(again, "Your new link")


def without_glyph(runs) -> list[str]:
    """The characters of `runs` drawn as their font's .notdef box (tofu)."""

    def drawn(font, char):
        mask = font.getmask(char)
        return mask.size, bytes(mask)

    return [
        char
        for text, font in runs
        for char in text
        if drawn(font, char) == drawn(font, "\U0010ffff")
    ]


def test_a_hindi_card_draws_every_letter_with_a_font_that_has_it(client, monkeypatch):
    with translation.override("hi"):
        share = create_share(client, finish(client))
    drawn = []
    runs = Face.runs
    monkeypatch.setattr(
        Face,
        "runs",
        lambda face, text: drawn.extend(runs(face, text)) or runs(face, text),
    )
    with translation.override("hi"):
        draw_card(share.snapshot)
    assert any("\u0900" <= char <= "\u097f" for text, _font in drawn for char in text)
    assert without_glyph(drawn) == []
    # Punctuation that one of the two fonts lacks: "·" and "$" after Hindi, "।" after
    # a Latin name.
    face = _face(22, bold=True)
    assert without_glyph(face.runs("हिन्दी · BPO। वेतन $500 ® तक।")) == []
