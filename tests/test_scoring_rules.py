"""The rules of issue 32 on literal roles: ways in, qualifications in order, shifts and
needs on every role, relevance before time, the summary by counts."""

from dataclasses import replace

from careers.scoring import (
    Catalogue,
    Effort,
    Option,
    Profile,
    Requirement,
    Route,
    Verdict,
    recommend,
    score_role,
    with_credentials,
)
from careers.scoring.text import english
from tests.test_scoring import BASE, role, score

DAY = Requirement("hours", "shift", must=True, accepts=(Option("day", "Day"),))
DAY_OR_US = Requirement(
    "hours",
    "shift",
    must=True,
    accepts=(Option("day", "Day"), Option("us_hours", "US")),
)
DAYTIME = replace(BASE, shifts=frozenset({"day"}))


def lines(fit) -> list[str]:
    return [english(c.reason) for c in fit.checks]


# --- Ways in ------------------------------------------------------------------------------


def designer() -> tuple[Requirement, ...]:
    diploma = Option("test-diploma", "Diploma in design", effort=Effort(52, 104))
    return (
        DAY,
        Requirement("dip", "qualification", True, accepts=(diploma,), way="diploma"),
        Requirement(
            "pf",
            "portfolio",
            True,
            accepts=(Option("design", "Design"),),
            way="portfolio",
        ),
        Requirement(
            "xp",
            "experience_years",
            True,
            amount=2,
            accepts=(Option("design", "Design"),),
            way="portfolio",
        ),
    )


def test_a_portfolio_and_years_of_work_are_a_way_in_and_the_result_says_so(catalogue):
    freelancer = replace(
        DAYTIME,
        portfolios=frozenset({"design"}),
        experience_years=4,
        experience_domains=frozenset({"design"}),
    )
    fit = score(catalogue, role(*designer()), freelancer)
    assert fit.verdict == Verdict.ELIGIBLE
    way = next(c for c in fit.checks if c.kind == "way")
    assert english(way.reason).startswith("One way in is enough, and you meet this one")
    assert "this one: a design portfolio and 2 years of work experience in design." in (
        english(way.reason)
    )
    assert english(way.reason).endswith("The other way in: Diploma in design.")
    # The other way's diploma is named as the other way, and not asked of her.
    asked = [english(c.reason) for c in fit.checks if c.kind != "way"]
    assert not any("Diploma" in text for text in asked)


def test_the_nearest_way_in_is_the_plan(catalogue):
    # A year's design work and a portfolio: one more year is nearer than a diploma.
    fit = score(
        catalogue,
        role(*designer()),
        replace(
            DAYTIME,
            portfolios=frozenset({"design"}),
            experience_years=1,
            experience_domains=frozenset({"design"}),
        ),
    )
    assert fit.verdict == Verdict.NOT_YET
    assert [english(s.text) for s in fit.plan] == [
        "Gain 2 years of work experience in design"
    ]
    # With nothing of either, the diploma (52 weeks) is nearer than portfolio + 2 years.
    fresh = score(catalogue, role(*designer()), DAYTIME)
    assert [english(s.text) for s in fresh.plan] == ["Get Diploma in design"]


# --- Qualifications in order ----------------------------------------------------------------


def law_catalogue(catalogue: Catalogue) -> Catalogue:
    llb = Option(
        "llb",
        "LLB",
        effort=Effort(156, 156),
        level="bachelor",
        requires=(
            Route("education", "bachelor", Effort(156, 156)),
            Route("education", "12th", Effort(260, 260)),
        ),
    )
    llm = Option(
        "llm",
        "LLM",
        effort=Effort(52, 104),
        level="master",
        requires=(Route("qualification", "llb", Effort(52, 104)),),
    )
    efforts = replace(catalogue.efforts, qualifications={"llb": llb, "llm": llm})
    return replace(catalogue, efforts=efforts)


def test_an_llm_is_never_advised_without_the_llb_before_it(catalogue):
    law = law_catalogue(catalogue)
    llm = law.efforts.qualifications["llm"]
    job = role(DAY, Requirement("q", "qualification", True, accepts=(llm,)))
    for education, low in (("12th", 260 + 52), ("bachelor", 156 + 52)):
        fit = score(law, job, replace(DAYTIME, education=education))
        (step,) = fit.plan
        assert english(step.text) == "Complete LLB, then get LLM"
        assert step.gains == ("llb", "llm")
        assert step.effort.low == low
    lawyer = replace(DAYTIME, education="bachelor", qualifications=frozenset({"llb"}))
    (step,) = score(law, job, lawyer).plan
    assert english(step.text) == "Get LLM"
    assert step.effort.low == 52


def test_a_stage_reached_counts_as_what_it_stands_for(catalogue):
    inter = Option("ca-inter", "CA Intermediate", effort=Effort(78, 104))
    ca = Option(
        "ca",
        "CA",
        effort=Effort(208, 260),
        stages=(("foundation", "Foundation", 182), ("final-group-1", "Final 1", 17)),
        counts_as=(
            ("foundation", ("ca-inter:foundation",)),
            ("final-group-1", ("ca-inter",)),
        ),
    )
    inter = replace(inter, stages=(("foundation", "Foundation cleared", 35),))
    qualifications = {"ca": ca, "ca-inter": inter}
    final = with_credentials(
        replace(BASE, in_progress=(("ca", "final-group-1"),)), qualifications
    )
    assert "ca-inter" in final.qualifications
    started = with_credentials(
        replace(BASE, in_progress=(("ca", "foundation"),)), qualifications
    )
    assert dict(started.in_progress)["ca-inter"] == "foundation"


# --- Hours, home set-up and needs -----------------------------------------------------------


def test_a_role_runs_in_any_of_its_shifts_and_says_what_you_said(catalogue):
    job = role(DAY_OR_US)
    assert score(catalogue, job, DAYTIME).verdict == Verdict.ELIGIBLE
    nights = replace(BASE, shifts=frozenset({"uk_hours"}))
    fit = score(catalogue, job, nights)
    assert fit.verdict == Verdict.DOES_NOT_FIT
    assert "you said you can work UK business hours" in " ".join(lines(fit))


def test_home_work_names_only_what_the_set_up_is_missing(catalogue):
    items = tuple(Option(c, c) for c in ("internet", "power_backup", "quiet_place"))
    home = role(
        DAY, Requirement("home", "work_from_home", True, accepts=items), setting="home"
    )
    has_two = replace(
        DAYTIME,
        commute="remote_only",
        home_setup=frozenset({"internet", "power_backup"}),
    )
    fit = score(catalogue, home, has_two)
    (step,) = fit.plan
    assert english(step.text) == "Set up to work from home: a quiet place to work"
    # A role done from home some days (the set-up only helps) binds only someone who
    # can work from home only.
    hybrid = role(
        DAY,
        Requirement("home", "work_from_home", False, accepts=items),
        setting="home",
    )
    office = replace(has_two, commute="office")
    assert score(catalogue, hybrid, office).verdict == Verdict.ELIGIBLE
    assert score(catalogue, hybrid, has_two).verdict == Verdict.CLOSE
    assert score(catalogue, home, office).verdict == Verdict.CLOSE
    ready = replace(has_two, home_setup=has_two.home_setup | {"quiet_place"})
    assert score(catalogue, home, ready).verdict == Verdict.ELIGIBLE


def test_someone_who_cannot_do_voice_work_is_never_sent_to_the_phone(catalogue):
    deaf = replace(DAYTIME, spoken_english="A1", needs=frozenset({"no_voice"}))
    phone = role(DAY)  # role() makes voice roles
    assert score(catalogue, phone, deaf).verdict == Verdict.DOES_NOT_FIT
    desk = replace(
        role(
            DAY,
            Requirement("s", "spoken_english", must=False, weight=2, level="B1"),
            Requirement("w", "written_english", must=True, level="B1"),
        ),
        channel="non_voice",
    )
    fit = score(catalogue, desk, deaf)
    assert fit.verdict == Verdict.ELIGIBLE
    assert all(c.step is None for c in fit.checks if c.kind == "spoken_english")
    talking = replace(
        desk,
        requirements=(DAY, Requirement("s", "spoken_english", True, level="B1")),
    )
    assert score(catalogue, talking, deaf).verdict == Verdict.DOES_NOT_FIT


def test_a_need_to_work_from_home_is_working_from_home_only(catalogue):
    needs_home = replace(DAYTIME, needs=frozenset({"home_only"}))
    assert score(catalogue, role(DAY), needs_home).verdict == Verdict.DOES_NOT_FIT


def test_unpaid_work_counts_as_experience_in_its_kind_of_work(catalogue):
    counter = Requirement(
        "xp",
        "experience_years",
        True,
        amount=1,
        accepts=(Option("customer_service", "Customer service"),),
    )
    shopkeeper = replace(
        DAYTIME, informal_work=frozenset({"shop_counter"}), informal_years=3
    )
    assert score(catalogue, role(DAY, counter), shopkeeper).verdict == (
        Verdict.ELIGIBLE
    )
    carer = replace(shopkeeper, informal_work=frozenset({"caring"}))
    assert score(catalogue, role(DAY, counter), carer).verdict != Verdict.ELIGIBLE


# --- Relevance, next steps and the summary --------------------------------------------------


def pharmacy_catalogue(catalogue: Catalogue, bpo_roles: int = 10) -> Catalogue:
    life = Requirement(
        "f", "field_of_study", True, accepts=(Option("life_sciences", "Life sciences"),)
    )
    twelfth = Requirement("e", "education_level", True, level="12th")
    roles = [
        role(DAY, twelfth, slug=f"bpo-{n}", title=f"BPO {n}") for n in range(bpo_roles)
    ]
    roles.append(
        role(
            DAY,
            life,
            Requirement("e", "education_level", True, level="bachelor"),
            slug="drug-safety",
            title="Drug safety",
            sector="KPO",
        )
    )
    return replace(catalogue, roles=tuple(roles))


PHARMACIST = replace(DAYTIME, education="bachelor", field_of_study="life_sciences")


def test_a_role_that_uses_your_degree_comes_before_ten_that_do_not(catalogue):
    result = recommend(pharmacy_catalogue(catalogue), PHARMACIST)
    assert result.fits[0].role.slug == "drug-safety"
    # Over-qualification lowers only roles that use none of the background.
    assert result.fits[0].relevance == 1
    assert result.fits[1].below == 2


def test_the_summary_counts_roles_and_their_use_of_your_background(catalogue):
    # One related KPO role against ten unrelated BPO ones: the related one leads.
    summary = english(recommend(pharmacy_catalogue(catalogue), PHARMACIST).summary)
    assert summary.startswith("KPO fits you best today")
    assert "You can also apply for 10 BPO roles" in summary
    # Without a background that one role uses, ten open roles outweigh one.
    plain = replace(PHARMACIST, field_of_study="humanities")
    summary = english(recommend(pharmacy_catalogue(catalogue), plain).summary)
    assert summary.startswith("BPO fits you best today")


def test_next_steps_build_on_your_background_before_quicker_unrelated_ones(catalogue):
    typing = Requirement("t", "typing_speed", True, amount=40)
    coding = Requirement(
        "q",
        "qualification",
        True,
        accepts=(Option("test-cpc", "CPC", effort=Effort(17, 26)),),
    )
    life = Requirement(
        "f", "field_of_study", True, accepts=(Option("life_sciences", "Life sciences"),)
    )
    roles = (
        role(DAY, typing, slug="chat", title="Chat"),
        role(DAY, life, coding, slug="coder", title="Coder"),
    )
    result = recommend(replace(catalogue, roles=roles), PHARMACIST)
    assert [p.opens for p in result.paths] == [("Coder",), ("Chat",)]
    assert "US$" not in english(result.paths[0].sentence)  # no cost known here


def test_what_a_profile_implies_never_removes_an_answer():
    profile = Profile("B1", "B1", 20, "12th", qualifications=frozenset({"x"}))
    assert with_credentials(profile, {}).qualifications == {"x"}


# --- Words of the person's market ---------------------------------------------------------


def in_market(catalogue: Catalogue, one, profile: Profile, country: str):
    efforts = catalogue.in_market(country).efforts
    return score_role(one, replace(profile, country=country), efforts)


def said(fit) -> str:
    return " ".join([*lines(fit), *(english(s.text) for s in fit.plan)])


def test_a_shift_is_said_in_the_persons_own_time(catalogue):
    job = role(DAY_OR_US)
    evenings = replace(BASE, shifts=frozenset({"uk_hours"}))
    for country, place, other in (
        ("PH", "in the Philippines)", "India"),
        ("IN", "in India)", "Philippines"),
    ):
        text = said(in_market(catalogue, job, evenings, country))
        assert "US business hours (about " in text
        assert "UK business hours (about " in text
        assert place in text
        assert other not in text
    # Without a market (no clock to tell), no country is named.
    text = said(score(catalogue, job, evenings))
    assert "US business hours (the night in Asia)" in text
    assert "India" not in text


def test_school_is_named_as_the_persons_market_names_it(catalogue):
    school = role(Requirement("edu", "education_level", must=True, level="12th"))
    tenth = replace(BASE, education="10th")
    philippine = said(in_market(catalogue, school, tenth, "PH"))
    for words in ("Senior High School (Grade 12)", "Grade 10 (Junior High School)"):
        assert words in philippine
    assert "ALS A&E" in philippine
    for words in ("12th", "10th", "NIOS"):
        assert words not in philippine
    indian = said(in_market(catalogue, school, tenth, "IN"))
    for words in ("12th standard", "10th standard", "NIOS"):
        assert words in indian


def test_a_degree_after_school_and_a_strand_read_in_philippine_words(catalogue):
    accounts = Option("commerce", "Commerce")
    degree = role(
        Requirement("edu", "education_level", must=True, level="bachelor"),
        Requirement("field", "field_of_study", must=True, accepts=(accounts,)),
    )
    tenth = replace(BASE, education="10th")
    text = said(in_market(catalogue, degree, tenth, "PH"))
    assert "Finish Senior High School (or pass the ALS A&E test), then get a" in text
    assert "12th" not in text
    desk = role(
        Requirement("edu", "education_level", must=True, level="12th"),
        Requirement("field", "field_of_study", must=True, accepts=(accounts,)),
    )
    abm = replace(BASE, stream="abm")
    text = said(in_market(catalogue, desk, abm, "PH"))
    assert "Your Senior High ABM strand is the background it looks for." in text
    text = said(in_market(catalogue, desk, replace(BASE, stream="commerce"), "IN"))
    assert "Your 12th commerce stream is the background it looks for." in text


def test_a_way_in_another_market_asks_for_is_not_a_way_in_here(catalogue):
    # Two ways in: a degree anywhere, or a Philippine certificate. In India the
    # certificate's way is gone whole: never a way left with only its common part.
    certificate = Option("test-nc2", "NC II", effort=Effort(8, 12), markets={"PH"})
    ways = role(
        DAY,
        Requirement("deg", "education_level", True, level="bachelor", way="degree"),
        Requirement("nc", "qualification", True, accepts=(certificate,), way="nc"),
        Requirement("xp", "experience_years", True, amount=1, way="nc"),
        slug="ways",
    )
    only_here = role(
        DAY,
        Requirement("nc", "qualification", True, accepts=(certificate,)),
        slug="only-ph",
    )
    markets = replace(catalogue, roles=(ways, only_here))
    india = {r.slug: r for r in markets.in_market("IN").roles}
    assert set(india) == {"ways"}
    assert {r.code for r in india["ways"].requirements} == {"hours", "deg"}
    philippines = {r.slug: r for r in markets.in_market("PH").roles}
    assert set(philippines) == {"ways", "only-ph"}
    assert len(philippines["ways"].requirements) == 4
    # A year of work alone (the certificate's way without it) opens nothing in India.
    worker = replace(DAYTIME, experience_years=3, country="IN")
    fit = next(f for f in recommend(markets, worker).fits if f.role.slug == "ways")
    assert fit.verdict != Verdict.ELIGIBLE
