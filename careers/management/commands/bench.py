"""`make bench`: whole candidate journeys under gunicorn, in units of a bare "hello".

On databases of its own (a temporary SQLite file, a new PostgreSQL database): workers' CPU
(/proc) per journey over per hello, wrk on the public pages against the hello ceiling, and
queries per action at 1× and 10× catalogue. README "Performance" explains the figures.
"""

import json
import os
import random
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from http.cookiejar import CookieJar
from pathlib import Path
from typing import Any

import psycopg
import redis
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from careers.catalogue.models import catalogue_changed
from careers.choices import (
    CEFRLevel,
    Commute,
    EducationLevel,
    ExperienceDomain,
    Shift,
)
from careers.models import (
    Assessment,
    JobCategory,
    Requirement,
    Result,
    Role,
    RoleOccupation,
)
from careers.scoring.markets import MARKETS

JOURNEY_BUDGET = 150  # hellos of server CPU per whole journey, at most
PUBLIC_BUDGET = 0.5  # a public page's req/s under wrk, against the hello ceiling's
PUBLIC_PAGES = [
    "/en/",
    "/en/careers/",
    "/en/careers/legal-process/",
    "/en/roles/medical-coder/",
]
REDIS = "redis://127.0.0.1:6379/0"
POSTGRES = "postgresql://postgres@127.0.0.1:5432/"
CATALOGUE = json.loads((settings.BASE_DIR / "fixtures/catalogue.json").read_text())
SLUGS = {
    model: [o["fields"]["slug"] for o in CATALOGUE if o["model"] == f"careers.{model}"]
    for model in ("qualification", "skill")
}
DEGREES = EducationLevel.values[2:]  # a diploma or more: a field of study is asked
# Degrees up to each education level (the quiz offers no higher one), and certificates,
# in each market: journeys alternate between India's candidates and the Philippines'.
COUNTRIES = list(MARKETS)
LEVELS = {
    country: {
        o["fields"]["slug"]: o["fields"]["level"]
        for o in CATALOGUE
        if o["model"] == "careers.qualification"
        and country in (o["fields"].get("markets") or country)
    }
    for country in COUNTRIES
}
Browser = Callable[[str, dict | None], tuple[str, str]]  # (url, form) -> (url, page)


def answers(rng: random.Random, country: str) -> list[dict[str, Any]]:
    """Answers to the seven steps, drawn from the choices the quiz offers there."""
    education, years = rng.choice(EducationLevel.values), rng.choice([0, 0, 1, 3])
    rank = EducationLevel.values.index
    offered = [
        q
        for q, lvl in LEVELS[country].items()
        if not lvl or rank(lvl) <= rank(education)
    ]
    held = rng.sample(offered, rng.choice([0, 0, 1, 2]))
    market = MARKETS[country]
    stream = "" if education == "10th" else rng.choice(market.streams)
    level = lambda: rng.choice(CEFRLevel.values)  # noqa: E731
    return [
        {"country": country, "spoken_english": level(), "written_english": level()}
        | {f"lang_{market.domestic_languages[0]}": level()}
        | {"typing_wpm": rng.randrange(10, 80)},
        {"education": education, "stream": stream}
        | {"field_of_study": "commerce" * (education in DEGREES)},
        {"qualifications": held} if held else {"none": "on"},
        {f"skill_{s.replace('-', '_')}": "working" for s in rng.sample(SLUGS["skill"], 5)},
        {"years": years, "domains": rng.sample(ExperienceDomain.values, 2) * bool(years)},
        {"shifts": rng.sample(Shift.values, rng.randrange(1, 4)), "internet": "on"}
        | {"commute": rng.choice(Commute.values)},
        {"work_style": "either", "contact": "either", "pace": rng.choice(["deep", "volume"])},
    ]  # fmt: skip


def journey(new_browser: Callable[[], Browser], seed: int, mark=lambda name: None):
    """One candidate's whole visit; `mark(name)` is called after each action."""
    browser = new_browser()
    browser("/en/quiz/", None)
    mark("quiz page")
    url, page = browser("/en/quiz/", {})
    mark("start")
    country = COUNTRIES[seed % len(COUNTRIES)]
    for number, form in enumerate(answers(random.Random(seed), country), start=1):
        url, page = browser(url, form)
        mark(f"step {number}")
    assert "/results/" in url, f"the last step led to {url}"
    ticked = re.findall(r'name="roles" value="([^"]+)"[^>]*checked', page)
    url, page = browser(url + "share/", {"expiry": "30", "roles": ticked})
    mark("share")
    link = re.search(r'value="(https?://[^"]+/s/[^"]+/)"', page).group(1)
    stranger = new_browser()
    stranger(link, None)
    stranger(link + "card.png", None)
    mark("shared page and card")


def http_browser(base: str) -> Browser:
    """A browser without JavaScript: cookies, the page's CSRF token, redirects."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(CookieJar())
    )
    token = [""]

    def fetch(url: str, form: dict | None) -> tuple[str, str]:
        body = {**form, "csrfmiddlewaretoken": token[0]} if form is not None else None
        data = urllib.parse.urlencode(body, doseq=True).encode() if body else None
        with opener.open(urllib.parse.urljoin(base, url), data, timeout=30) as response:
            page = response.read().decode(errors="replace")
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        token[0] = found.group(1) if found else token[0]
        return response.url, page

    return fetch


def client_browser() -> Browser:
    """The same, in process through Django's test client (for counting queries)."""
    client = Client()

    def fetch(url: str, form: dict | None) -> tuple[str, str]:
        send = client.get if form is None else partial(client.post, data=form)
        response = send(url, follow=True)
        assert response.status_code == 200, (url, response.status_code)
        final = response.redirect_chain[-1][0] if response.redirect_chain else url
        page = response.content.decode(errors="replace")
        return urllib.parse.urljoin("http://testserver", final), page

    return fetch


def worker_cpu(master: int) -> float:
    """CPU seconds (user + system) that the gunicorn master's workers have used."""
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # a process that ended meanwhile
        if int(fields[1]) == master:
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def cpu_per_task(master: int, tasks: list[Callable[[], Any]]) -> float:
    before = worker_cpu(master)
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(lambda task: task(), tasks))
    return (worker_cpu(master) - before) / len(tasks)


def hellos_per_journey(
    master: int,
    hello: Callable[[], Any],
    walks: list[Callable[[], Any]],
    rounds: int = 11,
) -> tuple[list[float], list[float]]:
    """CPU per hello and hellos per journey, batch by batch: hellos and journeys take
    turns, so a VM whose speed drifts during a run (these do, by a third within
    minutes) slows both alike, and one slow batch moves the median of the batches
    little."""
    hellos, ratios = [], []
    for batch in (walks[start::rounds] for start in range(rounds)):
        hellos.append(cpu_per_task(master, [hello] * 200))
        ratios.append(cpu_per_task(master, batch) / hellos[-1])
    return hellos, ratios


def wrk(url: str, seconds: int) -> float:
    command = ["wrk", "-t1", "-c32", f"-d{seconds}s", url]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def journey_queries() -> dict[str, int]:
    counts: dict[str, int] = {}
    with CaptureQueriesContext(connection) as queries:
        since = lambda: len(queries) - sum(counts.values())  # noqa: E731
        journey(
            client_browser, seed=1, mark=lambda name: counts.update({name: since()})
        )
    return counts


def psql(sql: str) -> bool:
    """One statement on the local PostgreSQL server; False when none answers."""
    try:
        with psycopg.connect(POSTGRES + "postgres", autocommit=True) as db:
            db.execute(sql)
    except psycopg.Error:
        return False
    return True


def answers_at(url: str) -> bool:
    try:
        return urllib.request.urlopen(url, timeout=2).status == 200
    except OSError:
        return False


def local_redis() -> redis.Redis | None:
    client = redis.Redis.from_url(REDIS)
    try:
        return client if client.ping() else None
    except redis.RedisError:
        return None


def grow_catalogue(factor: int) -> None:
    """For measuring at scale: copy every category, role and requirement to `factor`×,
    in bulk (row by row, a 10× catalogue took 20 s of every test run that used one)."""

    def copy_of(row: Any, **changes: Any) -> Any:
        fields = row._meta.concrete_fields
        values = {
            f.attname: getattr(row, f.attname) for f in fields if not f.primary_key
        }
        return type(row)(**{**values, **changes})

    prefetch = ["roles__requirements__qualifications", "roles__requirements__skills"]
    prefetch += ["roles__occupation_links"]
    categories = list(JobCategory.objects.prefetch_related(*prefetch))
    holds = Requirement.qualifications.through
    uses = Requirement.skills.through
    with transaction.atomic():
        for n in range(1, factor):
            new_categories = JobCategory.objects.bulk_create(
                [copy_of(c, slug=f"{c.slug}-copy{n}") for c in categories]
            )
            roles = [
                (role, copy_of(role, slug=f"{role.slug}-copy{n}", category_id=new.pk))
                for old, new in zip(categories, new_categories, strict=True)
                for role in old.roles.all()
            ]
            Role.objects.bulk_create([new for _, new in roles])
            RoleOccupation.objects.bulk_create(
                [
                    copy_of(link, role_id=new.pk)
                    for old, new in roles
                    for link in old.occupation_links.all()
                ]
            )
            requirements = [
                (req, copy_of(req, role_id=new.pk))
                for old, new in roles
                for req in old.requirements.all()
            ]
            Requirement.objects.bulk_create([new for _, new in requirements])
            holds.objects.bulk_create(
                holds(requirement_id=new.pk, qualification_id=q.pk)
                for old, new in requirements
                for q in old.qualifications.all()
            )
            uses.objects.bulk_create(
                uses(requirement_id=new.pk, skill_id=skill.pk)
                for old, new in requirements
                for skill in old.skills.all()
            )
        catalogue_changed()


class Command(BaseCommand):
    help = "Measure whole candidate journeys and the public pages under gunicorn."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--journeys", type=int, default=60)
        parser.add_argument("--seconds", type=int, default=3, help="per wrk run")
        parser.add_argument("--queries", action="store_true", help="(internal)")

    def handle(self, *args, journeys: int, seconds: int, queries: bool, **options):
        if queries:  # in a subprocess, on the bench's database
            started, stored = Assessment.objects.count(), Result.objects.count()
            self.stdout.write(f"  {started} quizzes started, {stored} results stored")
            small, _, large = journey_queries(), grow_catalogue(10), journey_queries()
            for name, count in small.items():
                self.stdout.write(f"  queries, {name}: {count} (10×: {large[name]})")
            return
        missed, name = [], f"careerfit_bench_{secrets.token_hex(4)}"
        with tempfile.TemporaryDirectory(prefix="careerfit-bench-") as folder:
            run = lambda label, url: self.measure(label, url, folder, journeys, seconds)  # noqa: E731
            missed += run("SQLite", f"sqlite:///{folder}/bench.db")
            if psql(f"CREATE DATABASE {name}"):
                try:
                    missed += run("PostgreSQL", POSTGRES + name)
                finally:
                    psql(f"DROP DATABASE {name} WITH (FORCE)")
        if missed:
            sys.exit("Missed: " + "; ".join(missed))

    def measure(self, label: str, url: str, folder: str, journeys: int, seconds: int):
        release = f"bench-{secrets.token_hex(4)}"  # in every page key this run caches
        port = 8100 + secrets.randbelow(800)
        env = os.environ | {
            "DATABASE_URL": url,
            "DJANGO_RELEASE": release,
            "DJANGO_STATIC_ROOT": f"{folder}/static",
            "DJANGO_RATE_LIMITS": "0",
            "DJANGO_ROOT_URLCONF": "outsourcing.bench_urls",
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "GUNICORN_CMD_ARGS": "--log-level=warning",
        }
        manage = [sys.executable, "manage.py"]
        # The demo listings: a result page shows them, matched, as a live site's does.
        setup = ("migrate", "sync_catalogue", "seed_demo", "collectstatic --no-input")
        for command in setup:
            subprocess.run([*manage, *command.split(), "-v0"], env=env, check=True)
        shared = env | ({"REDIS_URL": REDIS} if local_redis() else {})
        gunicorn = Path(sys.executable).with_name("gunicorn")
        conf = "outsourcing/gunicorn.conf.py"
        server = subprocess.Popen([gunicorn, "-c", conf], env=shared)
        base = f"http://127.0.0.1:{port}"
        try:
            while not answers_at(base + "/healthz"):
                if server.poll() is not None:  # it could not start: say so, never hang
                    sys.exit(f"gunicorn exited with {server.returncode} ({label})")
                time.sleep(0.2)
            missed = self.journeys(label, server.pid, base, journeys)
            missed += self.public_pages(label, base, seconds)
        finally:
            server.terminate()
            server.wait(timeout=30)
            if client := local_redis():
                for key in client.scan_iter(match=f"*-{release}:*"):
                    client.delete(key)
        # Queries are counted without Redis (a fresh in-process cache every time).
        subprocess.run([*manage, "bench", "--queries"], env=env, check=True)
        return missed

    def journeys(self, label: str, master: int, base: str, journeys: int) -> list[str]:
        """Whole journeys in hellos, judged on the median of the batches."""
        get_hello = lambda: http_browser(base)(base + "/bench/hello/", None)  # noqa: E731
        walks = [
            lambda n=n: journey(lambda: http_browser(base), n) for n in range(journeys)
        ]
        cpu_per_task(master, [get_hello] * 200 + walks[:5])  # warm up
        hellos, ratios = hellos_per_journey(master, get_hello, walks[5:])
        hello_cpu, ratio = statistics.median(hellos), statistics.median(ratios)
        journey_cpu = statistics.median(
            h * r for h, r in zip(hellos, ratios, strict=True)
        )
        self.stdout.write(
            f"\n{label}: a whole journey {journey_cpu * 1e3:.0f} ms of server CPU, "
            f"{ratio:.0f} hellos of {hello_cpu * 1e3:.2f} ms (median of {len(ratios)} "
            f"batches, {min(ratios):.0f}–{max(ratios):.0f}; budget {JOURNEY_BUDGET})"
        )
        return [f"{label} journey {ratio:.0f} hellos"] * (ratio > JOURNEY_BUDGET)

    def public_pages(self, label: str, base: str, seconds: int) -> list[str]:
        """Each public page's rate under wrk against the hello ceiling's, run by run."""
        hello, missed = base + "/bench/hello/", []
        for path in PUBLIC_PAGES:
            wrk(base + path, 1)  # into the page cache
            runs = [(wrk(hello, seconds), wrk(base + path, seconds)) for _ in range(3)]
            share = statistics.median(page / ceiling for ceiling, page in runs)
            rate = statistics.median(page for _, page in runs)
            self.stdout.write(f"  wrk {path}: {rate:,.0f} req/s, {share:.2f} × hello")
            missed += [f"{label} {path} {share:.2f}×"] * (share < PUBLIC_BUDGET)
        return missed
