"""What the browser tests share: the persona's answers given in a browser, and checks."""

from axe_playwright_python.sync_playwright import Axe

BROWSER_ACTIONS = {
    1: [
        ("check", "#id_spoken_english_4"),
        ("check", "#id_written_english_3"),
        ("fill", "#id_typing_wpm", "32"),
    ],
    2: [("check", "#id_education_1"), ("check", "[name=stream][value=arts]")],
    3: [("check", "#id_none")],
    4: [("check", "[name=skill_excel][value=basic]")],
    5: [("fill", "#id_years", "0")],
    6: [
        # By value: the shifts' order grows with the markets' (Australian hours).
        ("check", "[name=shifts][value=day]"),
        ("check", "[name=shifts][value=us_hours]"),
        ("check", "[name=shifts][value=rotational]"),
        ("check", "#id_commute_0"),
    ],
    7: [
        ("check", "#id_work_style_0"),
        ("check", "#id_contact_0"),
        ("check", "#id_pace_0"),
    ],
}


def wait_for_step(page, number: int) -> None:
    page.locator(f"#quiz[data-step='{number}']").wait_for()


def fill_step(page, number: int) -> None:
    """Give one quiz step the persona's answers, as a person would, without sending it."""
    for action, selector, *value in BROWSER_ACTIONS[number]:
        if action == "check":
            page.check(selector)
        elif action == "fill":
            page.fill(selector, value[0])
        else:
            page.select_option(selector, value[0])


def answer_step(page, number: int) -> None:
    """Answer one quiz step as a person would and wait for what comes next."""
    fill_step(page, number)
    page.click(".quiz-nav .submit")
    if number < 7:
        wait_for_step(page, number + 1)
    else:
        page.locator(".on-this-page").wait_for()  # the result page, in any language


WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


axe = Axe()


def assert_accessible(page, what: str) -> None:
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    assert results.violations_count == 0, f"{what}:\n{results.generate_report()}"
