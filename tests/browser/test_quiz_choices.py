"""The quiz's choices on a 360-px phone: no option's words are cut off, in any of our
languages, with JavaScript and without."""

import pytest

from tests.browser.helpers import wait_for_step

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}

# Every option of every list in the form (folded parts opened), and every label and
# legend, whose words do not fit: a closed list shows its chosen option on one line,
# beside the arrow Chromium draws inside its right edge.
CUT_WORDS_SCRIPT = """async () => {
  await document.fonts.ready;
  const cut = [];
  for (const folded of document.querySelectorAll('#quiz details')) folded.open = true;
  const ruler = document.createElement('canvas').getContext('2d');
  for (const select of document.querySelectorAll('#quiz form select')) {
    const style = getComputedStyle(select);
    ruler.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const arrow = 1.25 * parseFloat(style.fontSize);
    const room = select.clientWidth - parseFloat(style.paddingLeft)
      - parseFloat(style.paddingRight) - arrow;
    for (const option of select.options) {
      if (ruler.measureText(option.text).width > room) {
        cut.push(`${select.name}: ${option.text}`);
      }
    }
  }
  for (const words of document.querySelectorAll('#quiz form label, #quiz form legend')) {
    if (words.offsetParent && words.scrollWidth > words.clientWidth + 1) {
      cut.push(`${words.tagName}: ${words.textContent.trim()}`);
    }
  }
  return cut;
}"""

# Each country's own answers: a 12th-pass in commerce (India) or ABM (the Philippines),
# so the steps after show what such a person is offered.
STREAM = {"en": "commerce", "hi": "commerce", "fil": "abm"}


def choose(page, name: str, value: str) -> None:
    """Choose a value as a person would, whether the question is a list or radios."""
    radio = page.locator(f"input[name={name}][value='{value}']")
    if radio.count():
        radio.check()
    else:
        page.select_option(f"select[name={name}]", value)


def answer(page, number: int, language: str) -> None:
    if number == 1:
        page.locator("#id_spoken_english_4").check()
        page.locator("#id_written_english_3").check()
        page.fill("#id_typing_wpm", "32")
    elif number == 2:
        page.check("input[name=education][value='12th']")
        choose(page, "stream", STREAM[language])
    elif number == 3:
        page.check("#id_none")
    elif number == 4:
        choose(page, "skill_excel", "basic")
    elif number == 5:
        page.fill("#id_years", "0")
    elif number == 6:
        page.check("[name=shifts][value=day]")
        page.check("#id_commute_0")
    page.click(".quiz-nav .submit")
    wait_for_step(page, number + 1)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_no_choice_in_the_quiz_is_cut_off_on_a_phone(browser, site, javascript):
    cut = []
    for language in ("en", "hi", "fil"):
        # A device of its own for each: a quiz begun on this one would be continued.
        context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
        page = context.new_page()
        page.goto(f"{site}/{language}/quiz/")
        page.click("form.actions button[type=submit]")  # "Start the quiz"
        wait_for_step(page, 1)
        for number in range(1, 8):
            words = page.evaluate(CUT_WORDS_SCRIPT)
            cut += [f"{language} step {number}: {w}" for w in words]
            if number < 7:
                answer(page, number, language)
        context.close()
    assert cut == []
