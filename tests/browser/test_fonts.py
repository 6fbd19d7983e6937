"""Hindi on a phone with no Devanagari font of its own: every page draws every
Devanagari letter with the fonts we serve, and pages in other languages fetch only the
few letters of the switcher's "हिन्दी"."""

import os
import shutil
import subprocess

import pytest
from django.urls import reverse
from django.utils import translation

from careers.models import JobCategory, Role
from tests.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.factories import JobListingFactory
from tests.helpers import ANSWERS, GENUINE, create_share, start

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
HINDI_ROLE = "domestic-voice-support-associate"
# Pages whose script changes what is drawn (htmx steps, the share form), also without.
WITHOUT_SCRIPT = ("home", "quiz-step-6", "result", "shared")
# Fonts with no Devanagari: the only ones this browser may find on the system.
LATIN_ONLY = "/usr/share/fonts/truetype/dejavu"
HINDI_TEXT = (
    "भारत की एक मोबाइल कंपनी के ग्राहकों के फ़ोन हिन्दी में लें और रिचार्ज, बिल और "
    "नए कनेक्शन में उनकी मदद करें।"
)

# The font a letter is drawn with depends only on the letter and its element's font
# settings: the Devanagari letters of all text drawn with the same settings go into one
# span (a tspan in SVG) beside one of those texts, and the fonts Chromium reports for
# that span are the ones those letters were drawn with. Folded parts are opened first.
MARK_DEVANAGARI = r"""() => {
  const letters = /[\u0900-\u097F\u1CD0-\u1CFF\uA8E0-\uA8FF\u200C\u200D]/g;
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const groups = new Map();
  let texts = 0;
  while (walker.nextNode()) {
    const node = walker.currentNode, parent = node.parentElement;
    if (!/[\u0900-\u097F]/.test(node.data) || parent.closest(
        'script, style, textarea, option, noscript, template')) continue;
    texts++;
    if (!parent.getClientRects().length) continue;  // not drawn
    const style = getComputedStyle(parent);
    const svg = parent.namespaceURI === 'http://www.w3.org/2000/svg';
    const key = [style.fontFamily, style.fontWeight, style.fontStyle, svg].join(' | ');
    const group = groups.get(key) || {node, svg, letters: new Set()};
    node.data.match(letters).forEach(letter => group.letters.add(letter));
    groups.set(key, group);
  }
  for (const [key, group] of groups) {
    const span = group.svg
      ? document.createElementNS('http://www.w3.org/2000/svg', 'tspan')
      : document.createElement('span');
    span.setAttribute('data-devanagari', key);
    span.textContent = [...group.letters].join('');
    group.node.after(span);
  }
  // Controls draw their value inside themselves: it becomes its Devanagari letters.
  for (const control of document.querySelectorAll('textarea, select, input')) {
    const option = control.selectedOptions && control.selectedOptions[0];
    const text = option ? option.text : control.value || '';
    if (!/[\u0900-\u097F]/.test(text)) continue;
    texts++;
    const only = text.match(letters).join('');
    if (option) option.text = only; else control.value = only;
    control.setAttribute('data-control', '');
  }
  document.body.getBoundingClientRect();  // laid out before the fonts are read
  return texts;
}"""


@pytest.fixture(scope="module")
def fonts_conf(tmp_path_factory):
    """A fontconfig setup that knows only fonts without Devanagari, as on a phone that
    has none."""
    folder = tmp_path_factory.mktemp("fontconfig")
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>{LATIN_ONLY}</dir><cachedir>{folder}/cache</cachedir></fontconfig>"
    )
    if shutil.which("fc-list"):
        known = subprocess.run(
            ["fc-list", ":lang=hi", "family"],
            env={**os.environ, "FONTCONFIG_FILE": str(conf)},
            capture_output=True,
            text=True,
            check=True,
        )
        assert known.stdout.strip() == ""  # no system font can draw Hindi here
    return conf


@pytest.fixture
def bare_browser(playwright, fonts_conf):
    if not CHROMIUM.exists():
        pytest.skip("No browser at /usr/bin/chromium.")
    browser = playwright.chromium.launch(
        executable_path=str(CHROMIUM),
        args=CHROMIUM_ARGS,
        headless=True,
        env={**os.environ, "FONTCONFIG_FILE": str(fonts_conf)},
    )
    yield browser
    browser.close()


def page_types(client, language: str, *, quiz: bool) -> dict[str, str]:
    """A page of each type in `language`; with `quiz`, quiz steps, a finished result
    and its shared link too."""
    with translation.override(language):
        category = JobCategory.objects.get(roles__slug=HINDI_ROLE)
        pages = {
            "home": reverse("careers:home"),
            "category": reverse("careers:category_detail", args=[category.slug]),
            "role": reverse("careers:role_detail", args=[HINDI_ROLE]),
            "quiz-start": reverse("careers:quiz_start"),
        }
        if not quiz:
            return pages
        token = start(client)
        for number, answers in ANSWERS.items():
            client.post(reverse("careers:quiz_step", args=[token, number]), answers)
        return pages | {
            **{
                f"quiz-step-{n}": reverse("careers:quiz_step", args=[token, n])
                for n in (1, 4, 6)
            },
            "result": reverse("careers:result_detail", args=[token]),
            "shared": create_share(client, token).get_absolute_url(),
        }


def fonts_of(session, selector: str) -> dict[str, list[tuple[str, bool]]]:
    """The fonts each element matching `selector` was drawn with, by its label."""
    root = session.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    found = session.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})
    drawn = {}
    for node in found["nodeIds"]:
        attributes = session.send("DOM.getAttributes", {"nodeId": node})["attributes"]
        label = dict(zip(attributes[::2], attributes[1::2], strict=True))
        name = label.get("data-devanagari") or label.get("name") or str(node)
        fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        drawn[name] = [(f["familyName"], f["isCustomFont"]) for f in fonts]
    return drawn


def not_ours(drawn: dict[str, list[tuple[str, bool]]]) -> dict:
    """Those drawn with any font but the ones we serve (a system font, or none)."""
    return {
        name: fonts
        for name, fonts in drawn.items()
        if fonts and any(not custom for _family, custom in fonts)
    }


def test_every_devanagari_letter_is_drawn_with_our_fonts_alone(
    client, site, bare_browser
):
    # A listing written only in Hindi (shown on every language's pages, marked lang="hi")
    # and one in English, beside the role the persona's result leads with.
    JobListingFactory(
        published=True,
        role=Role.objects.get(slug=HINDI_ROLE),
        description="",
        description_hi=HINDI_TEXT,
    )
    listing = JobListingFactory(published=True, description=GENUINE)
    problems, fetched = [], {}
    for language in ("hi", "en", "fil"):
        # Every page type in Hindi; the switcher's word in English and Filipino.
        every = page_types(client, language, quiz=language != "fil")
        with translation.override(language):
            every["listing"] = listing.get_absolute_url()
        for javascript in (True, False) if language == "hi" else (True,):
            pages = {
                name: url
                for name, url in every.items()
                if javascript or name in WITHOUT_SCRIPT
            }
            context = bare_browser.new_context(
                viewport=PHONE, java_script_enabled=javascript
            )
            page = context.new_page()
            fonts: list[tuple[str, int]] = []  # (file, bytes) fetched, by page
            page.on(
                "requestfinished",
                lambda r, fonts=fonts: (
                    fonts.append((r.url, r.sizes()["responseBodySize"]))
                    if r.url.endswith(".woff2")
                    else None
                ),
            )
            session = context.new_cdp_session(page)
            session.send("DOM.enable")
            session.send("CSS.enable")
            for name, url in pages.items():
                fonts.clear()
                page.goto(site + url)
                page.evaluate("document.fonts.ready.then(() => true)")
                # Marking the letters needs the page's script off only for the page.
                marked = page.evaluate(MARK_DEVANAGARI) if javascript else None
                if not javascript:
                    # The same check with the page's own script off: run ours via CDP.
                    marked = session.send(
                        "Runtime.evaluate",
                        {"expression": f"({MARK_DEVANAGARI})()", "returnByValue": True},
                    )["result"]["value"]
                # A font a page needs only once the letters are laid out (the whole
                # font for a listing in Hindi on an English page) loads now: wait.
                session.send(
                    "Runtime.evaluate",
                    {
                        "expression": "document.fonts.ready.then(() => true)",
                        "awaitPromise": True,
                    },
                )
                drawn = fonts_of(session, "[data-devanagari]")
                controls = fonts_of(session, "[data-control]")
                where = f"{language} {name} (JS {'on' if javascript else 'off'})"
                assert marked, f"{where}: no Devanagari found"
                assert drawn, where
                if unseen := [n for n, f in drawn.items() if not f]:
                    assert len(unseen) < len(drawn), f"{where}: nothing drawn"
                if bad := not_ours(drawn) | not_ours(controls):
                    problems.append(f"{where}: {bad}")
                fetched[(language, javascript, name)] = [
                    (url.rsplit("/", 1)[1].split(".")[0], size) for url, size in fonts
                ]
            context.close()
    assert problems == []
    # The first page in English or Filipino (a cache still empty) fetched only the
    # switcher's few letters: 3 KB, not the 62 KB of the whole font.
    print({key: files for key, files in fetched.items() if files})
    for language in ("en", "fil"):
        files = dict(fetched[(language, True, "home")])
        assert list(files) == ["NotoSansDevanagari-HindiName"], language
        assert files["NotoSansDevanagari-HindiName"] < 3 * 1024
    # Hindi pages fetch the whole font, once.
    assert dict(fetched[("hi", True, "home")])["NotoSansDevanagari-Regular"] > 60_000
