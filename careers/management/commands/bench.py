"""`make bench`: what whole candidate journeys cost the server, against a bare "hello".

Runs gunicorn as production does (outsourcing/gunicorn.conf.py) on a database of its own
(a temporary SQLite file, then a new PostgreSQL database when one answers), and
- walks whole journeys as a browser without JavaScript does: the quiz page, start, every
  step (POST, redirect, GET) with varied answers, the result, a new share link, and the
  shared page and its card as a stranger; the workers' CPU time (from /proc) per journey
  is divided by their CPU time per bare "hello" request, measured the same way;
- runs wrk on the public pages, each against the hello ceiling measured beside it;
- counts the queries of each journey action at catalogue sizes 1× and 10×.
It deletes only what it made (its database, its temporary folder and its cache keys).
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
from http.cookiejar import CookieJar
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from careers.choices import CEFRLevel, EducationLevel, ExperienceDomain, Shift
from careers.models import JobCategory, catalogue_changed

JOURNEY_BUDGET = 150  # hellos of server CPU per whole journey, at most
PUBLIC_BUDGET = 0.5  # a public page's req/s under wrk, against the hello ceiling's
PUBLIC_PAGES = ["/", "/careers/", "/careers/legal-process/", "/roles/medical-coder/"]
CATALOGUE = json.loads((settings.BASE_DIR / "fixtures/catalogue.json").read_text())
SLUGS = {
    model: [o["fields"]["slug"] for o in CATALOGUE if o["model"] == f"careers.{model}"]
    for model in ("qualification", "skill")
}
Fetch = Callable[
    [str, dict | None], tuple[str, str]
]  # (url, form) -> (final url, body)


def answers(rng: random.Random) -> list[dict[str, Any]]:
    """Answers to the seven steps, drawn from every choice the quiz offers."""
    education = rng.choice(EducationLevel.values)
    school = education in ("10th", "12th")
    held = rng.sample(SLUGS["qualification"], rng.choice([0, 0, 1, 2]))
    years = rng.choice([0, 0, 1, 3, 6])
    return [
        {
            "spoken_english": rng.choice(CEFRLevel.values),
            "written_english": rng.choice(CEFRLevel.values),
            "language_1": "hindi",
            "level_1": rng.choice(CEFRLevel.values),
            "typing_wpm": rng.randrange(10, 80),
        },
        {"education": education, "field_of_study": "" if school else "commerce"},
        {"qualifications": held} if held else {"none": "on"},
        {
            f"skill_{slug.replace('-', '_')}": rng.choice(["basic", "working"])
            for slug in rng.sample(SLUGS["skill"], 5)
        },
        {
            "years": years,
            "domains": rng.sample(ExperienceDomain.values, 2) * (years > 0),
        },
        {
            "shifts": rng.sample(Shift.values, rng.randrange(1, 4)),
            "commute": rng.choice(["office", "relocate", "remote_only"]),
            "internet": "on",
        },
        {
            "work_style": "either",
            "contact": "either",
            "pace": rng.choice(["deep", "volume"]),
        },
    ]


def journey(fetch: Callable[[], Fetch], rng: random.Random) -> Callable[[str], None]:
    """One candidate's whole visit; `mark(name)` is called after each action."""

    def walk(mark: Callable[[str], None]) -> None:
        browser = fetch()
        url, page = browser("/quiz/", None)
        mark("quiz page")
        url, page = browser("/quiz/", {})
        mark("start")
        for number, form in enumerate(answers(rng), start=1):
            url, page = browser(url, form)
            mark(f"step {number}")
        assert "/results/" in url, f"the last step led to {url}"
        share_url = url + "share/"
        url, page = browser(share_url, {"expiry": "30"})
        mark("share")
        link = re.search(r'value="(https?://[^"]+/s/[^"]+/)"', page).group(1)
        stranger = fetch()
        stranger(link, None)
        stranger(link + "card.png", None)
        mark("shared page and card")

    return walk


def http_browser(base: str) -> Fetch:
    """A browser without JavaScript: cookies, CSRF tokens from the page, redirects."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(CookieJar())
    )
    state = {"token": ""}

    def fetch(url: str, form: dict | None) -> tuple[str, str]:
        data = None
        if form is not None:
            body = {**form, "csrfmiddlewaretoken": state["token"]}
            data = urllib.parse.urlencode(body, doseq=True).encode()
        with opener.open(urllib.parse.urljoin(base, url), data, timeout=30) as response:
            page = response.read().decode(errors="replace")
            found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
            state["token"] = found.group(1) if found else state["token"]
            return response.url, page

    return fetch


def client_browser() -> Fetch:
    client = Client()

    def fetch(url: str, form: dict | None) -> tuple[str, str]:
        if form is None:
            response = client.get(url, follow=True)
        else:
            response = client.post(url, form, follow=True)
        assert response.status_code == 200, (url, response.status_code)
        final = response.redirect_chain[-1][0] if response.redirect_chain else url
        return "http://testserver" + final, response.content.decode(errors="replace")

    return fetch


def worker_cpu(master: int) -> float:
    """CPU seconds (user + system) used so far by the gunicorn master's workers."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master:
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def cpu_per(master: int, tasks: list[Callable[[], None]]) -> float:
    before = worker_cpu(master)
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(lambda task: task(), tasks))
    return (worker_cpu(master) - before) / len(tasks)


def wrk(url: str, seconds: int) -> float:
    out = subprocess.run(
        ["wrk", "-t1", "-c32", f"-d{seconds}s", url], capture_output=True, text=True
    ).stdout
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def grow_catalogue(factor: int) -> None:
    """Copy every category with its roles and requirements until there are `factor`×."""

    def clone(row: Any, **changes: Any) -> Any:
        fields = row._meta.concrete_fields
        values = {
            f.attname: getattr(row, f.attname) for f in fields if not f.primary_key
        }
        return type(row).objects.create(**{**values, **changes})

    categories = list(
        JobCategory.objects.prefetch_related(
            "roles__requirements__qualifications",
            "roles__requirements__skills",
            "roles__occupation_links",
        )
    )
    with transaction.atomic():
        for copy in range(1, factor):
            for category in categories:
                new = clone(category, slug=f"{category.slug}-copy{copy}")
                for role in category.roles.all():
                    slug = f"{role.slug}-copy{copy}"
                    new_role = clone(role, slug=slug, category_id=new.pk)
                    for link in role.occupation_links.all():
                        clone(link, role_id=new_role.pk)
                    for req in role.requirements.all():
                        new_req = clone(req, role_id=new_role.pk)
                        new_req.qualifications.set(req.qualifications.all())
                        new_req.skills.set(req.skills.all())
        catalogue_changed()


class Command(BaseCommand):
    help = "Measure whole candidate journeys and the public pages under gunicorn."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--journeys", type=int, default=60)
        parser.add_argument("--seconds", type=int, default=3, help="per wrk round")
        parser.add_argument("--queries", action="store_true", help=argparse_hidden)

    def handle(self, *args, journeys: int, seconds: int, queries: bool, **options):
        if queries:
            return self.count_queries()
        missed = []
        with tempfile.TemporaryDirectory(prefix="careerfit-bench-") as folder:
            databases = [("SQLite", f"sqlite:///{folder}/bench.db", None)]
            name = f"careerfit_bench_{secrets.token_hex(4)}"
            if postgres("postgres", "SELECT 1"):
                url = f"postgres://postgres@127.0.0.1:5432/{name}"
                databases.append(("PostgreSQL", url, name))
            for label, url, pg_name in databases:
                if pg_name:
                    postgres("postgres", f"CREATE DATABASE {pg_name}")
                try:
                    missed += self.run_on(label, url, folder, journeys, seconds)
                finally:
                    if pg_name:
                        postgres("postgres", f"DROP DATABASE {pg_name} WITH (FORCE)")
        if missed:
            self.stderr.write("Missed: " + "; ".join(missed))
            sys.exit(1)

    def run_on(self, label: str, url: str, folder: str, journeys: int, seconds: int):
        release = f"bench-{secrets.token_hex(4)}"
        env = {**os.environ, "DATABASE_URL": url, "DJANGO_RELEASE": release}
        env |= {"DJANGO_STATIC_ROOT": f"{folder}/static", "DJANGO_RATE_LIMITS": "0"}
        env |= {"DJANGO_ROOT_URLCONF": "outsourcing.bench_urls"}
        if redis_answers():
            env["REDIS_URL"] = "redis://127.0.0.1:6379/0"
        manage = [sys.executable, "manage.py"]
        for command in (["migrate"], ["loaddata", "catalogue"], ["collectstatic"]):
            subprocess.run(
                manage + command + ["-v0", "--no-input"] * (command[0] != "loaddata"),
                env=env,
                check=True,
            )
        port = 8100 + secrets.randbelow(800)
        env["GUNICORN_BIND"] = f"127.0.0.1:{port}"
        server = subprocess.Popen(
            [
                Path(sys.executable).parent / "gunicorn",
                "-c",
                "outsourcing/gunicorn.conf.py",
            ],
            env=env,
        )
        base = f"http://127.0.0.1:{port}"
        missed = []
        try:
            wait_for(base + "/healthz")
            hello = base + "/bench/hello/"
            get = lambda: http_browser(base)(hello, None)  # noqa: E731
            cpu_per(server.pid, [get] * 200)  # warm up
            hello_cpu = cpu_per(server.pid, [get] * 2000)
            rng = random.Random(20261201)
            walks = [journey(lambda: http_browser(base), rng) for _ in range(journeys)]
            cpu_per(server.pid, [lambda w=w: w(lambda name: None) for w in walks[:5]])
            journey_cpu = cpu_per(
                server.pid, [lambda w=w: w(lambda n: None) for w in walks[5:]]
            )
            ratio = journey_cpu / hello_cpu
            self.stdout.write(
                f"\n{label}: hello {hello_cpu * 1e3:.2f} ms CPU; one whole journey "
                f"{journey_cpu * 1e3:.1f} ms CPU = {ratio:.0f} hellos "
                f"(budget {JOURNEY_BUDGET}), {journeys - 5} journeys measured"
            )
            if ratio > JOURNEY_BUDGET:
                missed.append(f"{label} journey {ratio:.0f} hellos")
            for path in PUBLIC_PAGES:
                wrk(base + path, 1)  # warm the page cache
                rounds = [
                    (wrk(hello, seconds), wrk(base + path, seconds)) for _ in range(3)
                ]
                share = statistics.median(page / ceiling for ceiling, page in rounds)
                self.stdout.write(
                    f"  wrk {path}: {statistics.median(p for _, p in rounds):,.0f} req/s, "
                    f"{share:.2f} × the hello ceiling "
                    f"({statistics.median(c for c, _ in rounds):,.0f} req/s)"
                )
                if share < PUBLIC_BUDGET:
                    missed.append(f"{label} {path} {share:.2f}×")
        finally:
            server.terminate()
            server.wait(timeout=30)
            forget_keys(release)
        result = subprocess.run(
            manage + ["bench", "--queries"],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        self.stdout.write(result.stdout)
        return missed

    def count_queries(self) -> None:
        from careers.models import Assessment, Result

        started, finished = Assessment.objects.count(), Result.objects.count()
        self.stdout.write(f"  {started} quizzes started, {finished} results stored")
        counts = {}
        for factor in (1, 10):
            if factor > 1:
                grow_catalogue(factor)
            counts[factor] = journey_queries()
        self.stdout.write("  queries per action at 1× / 10× catalogue:")
        for name, count in counts[1].items():
            self.stdout.write(f"    {name}: {count} / {counts[10][name]}")


def journey_queries() -> dict[str, int]:
    """The queries each action of one whole journey sends, in process."""
    counts, seen = {}, 0
    with CaptureQueriesContext(connection) as queries:

        def mark(name: str) -> None:
            nonlocal seen
            counts[name], seen = len(queries) - seen, len(queries)

        journey(client_browser, random.Random(1))(mark)
    return counts


argparse_hidden = "internal: count one journey's queries on the configured database"


def postgres(database: str, sql: str) -> bool:
    """Run one statement on the local PostgreSQL server; False when none answers."""
    command = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-qc", sql]
    try:
        return subprocess.run(command, capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def redis_answers() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url("redis://127.0.0.1:6379/0").ping())
    except redis.RedisError:
        return False


def forget_keys(release: str) -> None:
    """Delete the keys this run wrote (its release is in every one), nothing else."""
    import redis

    if not redis_answers():
        return
    client = redis.Redis.from_url("redis://127.0.0.1:6379/0")
    for key in client.scan_iter(match=f"*-{release}:*"):
        client.delete(key)


def wait_for(url: str) -> None:
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer at {url}")
