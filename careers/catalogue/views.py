"""The public pages: what BPO and KPO are, the categories and roles, open listings."""

from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from careers.choices import (
    SECTOR_DEFINITIONS,
    SECTOR_LONG_NAMES,
    Country,
    Sector,
    Shore,
    Source,
    WorkSetting,
)
from careers.listings.rules import city_of, in_city, listing_cities, pay_range
from careers.markets import (
    COUNTRY_PARAMETER,
    MARKET_CITIES,
    country_in_address,
    in_market,
    market_codes,
    market_page,
    visitor_country,
)
from careers.models import JobCategory, JobListing, Role, StepEstimate

# The key differences between BPO and KPO, as our source articles draw them.
SECTOR_DIFFERENCES = [
    (
        _("What is outsourced"),
        _("Non-core, supporting activities"),
        _("Core, information-related work"),
    ),
    (
        _("How the work is done"),
        _("Follows set rules and scripts"),
        _("Needs judgement and analysis"),
    ),
    (
        _("What drives it"),
        _("Volume: many similar tasks"),
        _("Insight: fewer, deeper tasks"),
    ),
    (
        _("Why companies do it"),
        _("To save money: the same work costs less here"),
        _("To get expertise: skilled people who cost less here"),
    ),
    (
        _("Level of the work"),
        _("Low-level, routine processes"),
        _("High-level, expert processes"),
    ),
    (
        _("What you work from"),
        _("A set process, written down in advance"),
        _("Your understanding of the client's business"),
    ),
    (_("Complexity"), _("Less complex"), _("More complex")),
    (_("Coordination with the client"), _("Low"), _("High")),
    (_("What the provider brings"), _("Process expertise"), _("Domain knowledge")),
    (
        _("What it needs from you"),
        _("Communication skills"),
        _("Professional qualifications"),
    ),
]

# What each sector needs from a candidate, as the home page says it to a visitor in
# each market (careers.markets.visitor_country).
SECTOR_NEEDS = {
    Country.INDIA: {
        Sector.BPO: _(
            "good spoken or written English (or Hindi or another Indian language for "
            "work inside India), typing speed, and readiness for shifts. Most roles "
            "take 12th-pass candidates and freshers."
        ),
        Sector.KPO: _(
            "a degree or professional qualification in the field (law, CA/CFA, "
            "statistics, design...), strong written English and sound judgement."
        ),
    },
    Country.PHILIPPINES: {
        Sector.BPO: _(
            "good spoken or written English (or Filipino or another Philippine "
            "language for work inside the Philippines), typing speed, and readiness "
            "for shifts. Most roles take Senior High School graduates and freshers."
        ),
        Sector.KPO: _(
            "a degree or a licence in the field (law, CPA, nursing, statistics, "
            "design...), strong written English and sound judgement."
        ),
    },
}

SHORE_EXAMPLES = {
    Shore.ONSHORE: _("A US bank uses a call centre in Texas."),
    Shore.NEARSHORE: _("A US bank uses a call centre in Mexico."),
}
OFFSHORE_EXAMPLES = {
    Country.INDIA: _("A US bank uses a call centre in India."),
    Country.PHILIPPINES: _("A US bank uses a call centre in the Philippines."),
}

# How many people the industry employs where the visitor is, from its industry body's
# own count, as reported when it was published: (the sentence, its source's address).
INDUSTRY_FACTS = {
    Country.INDIA: (
        _(
            "India's technology and business-process industry employed about 5.43 "
            "million people in 2023–24, by NASSCOM's count (Strategic Review 2024)."
        ),
        "https://www.devdiscourse.com/article/headlines/2820719-nasscom-projects-tech-"
        "industry-to-hit-record-revenue-of-usd-254-billion-this-fiscal-year",
    ),
    Country.PHILIPPINES: (
        _(
            "The Philippines' IT and business-process industry ended 2024 with about "
            "1.82 million full-time workers, by IBPAP's count."
        ),
        "https://malaya.com.ph/business/business-news/it-business-processing-"
        "targets-2025-revenue-to-breach-40b/",
    ),
}


def _sectors(country: str) -> list[dict[str, str]]:
    return [
        {
            "code": sector.value,
            "name": SECTOR_LONG_NAMES[sector],
            "definition": SECTOR_DEFINITIONS[sector],
            "needs": SECTOR_NEEDS[country][sector],
        }
        for sector in Sector
    ]


@require_safe
@market_page
def home(request: HttpRequest) -> HttpResponse:
    categories = JobCategory.objects.annotate(role_count=Count("roles"))
    country = visitor_country(request)
    examples = {**SHORE_EXAMPLES, Shore.OFFSHORE: OFFSHORE_EXAMPLES[country]}
    fact, source = INDUSTRY_FACTS[country]
    return render(
        request,
        "careers/home.html",
        {
            "sectors": _sectors(country),
            "differences": SECTOR_DIFFERENCES,
            "shores": [(shore.label, examples[shore]) for shore in Shore],
            "bpo_categories": [c for c in categories if c.sector == Sector.BPO],
            "kpo_categories": [c for c in categories if c.sector == Sector.KPO],
            "industry_fact": fact,
            "industry_source": source,
            "country": country,
            "countries": country_switch(country),
            # A country chosen by a link stays chosen on the pages linked from here.
            "country_query": (
                f"?{COUNTRY_PARAMETER}={country}" if country_in_address(request) else ""
            ),
        },
    )


@require_safe
@market_page
def category_list(request: HttpRequest) -> HttpResponse:
    # The roles hired in the visitor's market (a Hindi desk is not shown in Cebu).
    country = visitor_country(request)
    roles = Role.objects.filter(in_market(country)).order_by("position", "title")
    categories = JobCategory.objects.prefetch_related(Prefetch("roles", queryset=roles))
    sectors = [
        {**sector, "categories": [c for c in categories if c.sector == sector["code"]]}
        for sector in _sectors(country)
    ]
    return render(request, "careers/category_list.html", {"sectors": sectors})


@require_safe
@market_page
def category_detail(request: HttpRequest, slug: str) -> HttpResponse:
    category = get_object_or_404(JobCategory, slug=slug)
    country = visitor_country(request)
    roles = list(
        Role.objects.filter(in_market(country), category=category)
        .with_catalogue()
        .order_by("position", "title")
    )
    for role in roles:
        role.market_requirements = in_market_only(role.requirements.all(), country)
    listings = list(
        JobListing.objects.visible()
        .for_cards()
        .filter(role__category=category, country=country)
    )
    city = city_of(request.GET.get("city", "")[:150])
    return render(
        request,
        "careers/category_detail.html",
        {
            "category": category,
            "sector_name": SECTOR_LONG_NAMES[Sector(category.sector)],
            "roles": roles,
            "listings": in_city(listings, city) if city else listings,
            "country": country,
            "countries": country_switch(country),
            "city": city,
            "cities": listing_cities(listings),
        },
    )


def in_market_only(requirements, country: str) -> list:
    """The requirements asked in `country`, each read as a person there reads it
    (the languages that count as domestic there, its qualifications)."""
    asked = []
    for requirement in requirements:
        if requirement.asked_in(country):
            requirement.country = country
            asked.append(requirement)
    return asked


def country_switch(current: str) -> list[dict[str, object]]:
    """Each market, for the links that show its jobs (`?country=`, no JavaScript)."""
    return [
        {"code": code, "name": label, "current": code == current}
        for code, label in Country.choices
    ]


@require_safe
@market_page
def role_detail(request: HttpRequest, slug: str) -> HttpResponse:
    role = get_object_or_404(Role.objects.with_catalogue(), slug=slug)
    country = visitor_country(request)
    # The market's own estimates (a Philippine senior high school) over the others.
    estimates = StepEstimate.objects.by_code(country)
    requirements = in_market_only(role.requirements.all(), country)
    for requirement in requirements:
        requirement.times = requirement.time_to_gain(estimates)
    listings = list(
        JobListing.objects.visible().for_cards().filter(role=role, country=country)
    )
    return render(
        request,
        "careers/role_detail.html",
        {
            "role": role,
            "sector_name": SECTOR_LONG_NAMES[Sector(role.category.sector)],
            "must_haves": [r for r in requirements if r.is_must_have and not r.way],
            "nice_to_haves": [r for r in requirements if not r.is_must_have],
            # Any one way in is enough: each with what it asks.
            "ways": [
                [r for r in requirements if r.way == way and r.is_must_have]
                for way in sorted({r.way for r in requirements} - {""})
            ],
            "occupation_links": role.occupation_links.all(),
            "listings": listings,
            "pay": pay_range(listings),
            "cities": MARKET_CITIES[country],
            # A role of another market is shown (a shared link may lead here), and
            # says where it is hired.
            "hired_here": role.hired_in(country),
            "hired_in": [Country(c).label for c in market_codes(role.markets)],
            "country": country,
            "countries": country_switch(country),
            # The codes the page compares with.
            "Source": Source,
            "WorkSetting": WorkSetting,
        },
    )
