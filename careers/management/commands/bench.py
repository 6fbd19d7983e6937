"""Benchmark the production setup: load figures against a bare-Django ceiling, query counts
per page at two catalogue sizes, the scoring engine's throughput, and data integrity.

`make bench` runs it. Without --run it prepares static files and runs itself once per
database (SQLite, and PostgreSQL when one answers at 127.0.0.1:5432), each time against a
fresh database of its own; with --run it does one database, the one DATABASE_URL names.
"""

from __future__ import annotations

import io
import json
import os
import random
import runpy
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from argparse import ArgumentParser
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from careers.cards import draw_card
from careers.forms import (
    FIELD_CHOICES,
    SCHOOL_LEVELS,
    STEPS,
    build_form,
    profile_data,
)
from careers.models import (
    Assessment,
    CEFRLevel,
    EducationLevel,
    ExperienceDomain,
    JobCategory,
    Requirement,
    Result,
    Role,
    Share,
    Shift,
    SkillLevel,
    catalogue_changed,
    questionnaire_catalogue,
    scoring_catalogue,
)
from careers.pagecache import forget_local_pages
from careers.scoring import profile_from_data, recommend
from careers.views import QUIZ_COOKIE, finish_assessment, share_snapshot

POSTGRES = "postgres://postgres@127.0.0.1:5432/careerfit_bench"
GUNICORN_CONFIG = settings.BASE_DIR / "outsourcing" / "gunicorn.conf.py"
CONNECTIONS = 32
POOL = 300  # quizzes waiting for their last step during the POST load
CSRF = "benchmarkcsrftokenbenchmarkcsrf1"  # 32 characters, like Django's own secret
GET_BUDGET = 0.5  # of the ceiling's requests per second
POST_BUDGET = 0.25
P95_BUDGET_MS = 50.0
SCORING_ROLES = 1000
# Each page is measured in rounds, each right after a ceiling run: on a shared machine the
# speed drifts, so a page is only compared with the ceiling measured next to it.
ROUNDS = 3
WARM_UP = 2  # seconds of unmeasured load before each measured run
REDIS_DB = 10  # Redis databases 11 and 12, emptied before each run

# The answers of a fluent speaker with 12th standard who can work nights.
ANSWERS = {
    "languages": {"spoken_english": "C1", "written_english": "B2", "typing_wpm": "32"},
    "education": {"education": "12th", "field_of_study": ""},
    "qualifications": {"none": "on"},
    "skills": {"skill_excel": "basic"},
    "experience": {"years": "0"},
    "conditions": {
        "shifts": ["day", "us_hours"],
        "internet": "on",
        "commute": "office",
    },
    "preferences": {"work_style": "rules", "contact": "customers", "pace": "volume"},
}


def saved_answers(answers: dict[str, dict]) -> dict[str, dict]:
    """Answers as the quiz saves them, each step's checked by its form."""
    saved = {}
    for step in STEPS:
        form = build_form(step, data=answers[step.slug])
        if not form.is_valid():
            raise CommandError(
                f"bench answers for {step.slug}: {form.errors.as_text()}"
            )
        saved[step.slug] = {"form": form.cleaned_data, "profile": form.to_profile()}
    return saved


def varied_answers(rng: random.Random) -> dict[str, dict]:
    """One candidate's answers, drawn from every choice the quiz offers."""
    qualifications, skills = questionnaire_catalogue()
    education = rng.choice(EducationLevel.values)
    fields = [value for value, _ in FIELD_CHOICES if value]
    chosen = rng.sample([q.slug for q in qualifications], rng.randint(0, 2))
    years = rng.choice([0, 0, 1, 2, 4])
    return {
        "languages": {
            "spoken_english": rng.choice(CEFRLevel.values),
            "written_english": rng.choice(CEFRLevel.values),
            "typing_wpm": str(rng.randrange(10, 70)),
        },
        "education": {
            "education": education,
            "field_of_study": "" if education in SCHOOL_LEVELS else rng.choice(fields),
        },
        "qualifications": {"qualifications": chosen} if chosen else {"none": "on"},
        "skills": {
            f"skill_{skill.slug.replace('-', '_')}": rng.choice(SkillLevel.values)
            for skill in rng.sample(skills, rng.randint(0, 4))
        },
        "experience": {
            "years": str(years),
            "domains": rng.sample(ExperienceDomain.values, 1) if years else [],
        },
        "conditions": {
            "shifts": rng.sample(Shift.values, rng.randint(1, len(Shift.values))),
            **{
                k: "on"
                for k in ("internet", "power_backup", "quiet_place")
                if rng.random() < 0.6
            },
            "commute": rng.choice(["office", "relocate", "remote_only"]),
        },
        "preferences": ANSWERS["preferences"],
    }


WRK_SCRIPT = """
local requests = {REQUESTS}
local counter = 0
request = function()
  counter = counter + 1
  local r = requests[(counter % #requests) + 1]
  return wrk.format(r[1], r[2], r[3], r[4])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '\\nRESULT {"requests": %d, "duration_us": %d, "errors": %d, "p50_us": %d, "p95_us": %d}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(95)))
end
"""


@dataclass(frozen=True)
class Load:
    name: str
    method: str
    requests: list[
        tuple[str, str, dict[str, str], str | None]
    ]  # method, path, headers, body


@dataclass(frozen=True)
class Figures:
    name: str
    method: str
    rps: float
    p50_ms: float
    p95_ms: float
    errors: int
    requests: int
    ceiling_rps: float = 0.0  # the median of the ceiling runs next to this page's runs


def median_figures(runs: list[Figures], ceilings: list[Figures]) -> Figures:
    """One page's figures over its rounds: medians, and the errors and requests of all."""
    return replace(
        runs[0],
        rps=statistics.median(f.rps for f in runs),
        p50_ms=statistics.median(f.p50_ms for f in runs),
        p95_ms=statistics.median(f.p95_ms for f in runs),
        errors=sum(f.errors for f in runs),
        requests=sum(f.requests for f in runs),
        ceiling_rps=statistics.median(f.rps for f in ceilings),
    )


def wsgi_environ(
    method: str, path: str, headers: dict[str, str], body: str | None
) -> dict[str, Any]:
    """A WSGI environ for one of the loads' requests, as gunicorn would build it."""
    data = (body or "").encode()
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(data),
        "CONTENT_LENGTH": str(len(data)),
    }
    for name, value in headers.items():
        key = name.upper().replace("-", "_")
        environ[key if key == "CONTENT_TYPE" else f"HTTP_{key}"] = value
    return environ


def lua_string(value: str) -> str:
    return json.dumps(value)  # a JSON string is a valid Lua string literal here


def lua_requests(requests: list[tuple[str, str, dict[str, str], str | None]]) -> str:
    rows = []
    for method, path, headers, body in requests:
        header_table = ", ".join(
            f"[{lua_string(k)}] = {lua_string(v)}" for k, v in headers.items()
        )
        rows.append(
            f"{{{lua_string(method)}, {lua_string(path)}, {{{header_table}}}, "
            f"{lua_string(body) if body else 'nil'}}}"
        )
    return "{\n" + ",\n".join(rows) + "\n}"


def clone(instance: Any, **changes: Any) -> Any:
    """A new row with the same column values as `instance`, but for `changes`."""
    values = {
        field.attname: getattr(instance, field.attname)
        for field in instance._meta.concrete_fields
        if not field.primary_key
    }
    return type(instance).objects.create(**{**values, **changes})


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


def reachable(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def grow_catalogue(factor: int) -> None:
    """Copy every category with its roles and requirements until there are `factor`×."""
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
                new_category = clone(category, slug=f"{category.slug}-copy{copy}")
                for role in category.roles.all():
                    new_role = clone(
                        role,
                        slug=f"{role.slug}-copy{copy}",
                        category_id=new_category.pk,
                    )
                    for link in role.occupation_links.all():
                        clone(link, role_id=new_role.pk)
                    for requirement in role.requirements.all():
                        new_requirement = clone(requirement, role_id=new_role.pk)
                        new_requirement.qualifications.set(
                            requirement.qualifications.all()
                        )
                        new_requirement.skills.set(requirement.skills.all())
    catalogue_changed()


class Command(BaseCommand):
    help = (
        "Load-test the app under gunicorn (2 workers) with wrk against a bare-Django ceiling, "
        "on SQLite and (when reachable) PostgreSQL; print latencies, throughput, query counts "
        "and scoring throughput, and check the budgets. Exit status 1 when a budget is missed."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--duration", type=int, default=10, help="Seconds per page."
        )
        parser.add_argument(
            "--run",
            metavar="LABEL",
            help=(
                "Bench the database in "
                "DATABASE_URL under this label (used by the command itself)."
            ),
        )
        parser.add_argument("--no-postgres", action="store_true")

    def handle(
        self, *args: Any, duration: int, run: str | None, no_postgres: bool, **opts
    ):
        if shutil.which("wrk") is None:
            raise CommandError(
                "wrk is not installed: `apt-get install -y wrk` (make bench does)."
            )
        if run:
            if not self.bench_one(run, duration):
                raise CommandError(f"{run}: a budget was missed (see above).")
            return
        self.bench_all(duration, postgres=not no_postgres and reachable(5432))

    # --- orchestration ------------------------------------------------------------------

    def bench_all(self, duration: int, postgres: bool) -> None:
        work = Path(tempfile.mkdtemp(prefix="careerfit-bench-"))
        env = {
            **os.environ,
            "DJANGO_DEBUG": "",
            "DJANGO_BENCHMARK": "1",
            "DJANGO_STATIC_ROOT": str(work / "static"),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            # Plain HTTP on loopback, and one address sending everything: no HTTPS
            # redirect, no rate limits (they would answer 429 after a few requests).
            "DJANGO_HTTPS": "0",
            "DJANGO_RATE_LIMITS": "0",
        }
        self.stdout.write(
            f"Machine: {cpu_model()}, {os.cpu_count()} cores, Python {sys.version.split()[0]}"
        )
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
            cwd=settings.BASE_DIR,
            env=env,
            check=True,
        )
        targets = [("SQLite", f"sqlite:///{work}/bench.sqlite3")]
        if postgres:
            self.recreate_postgres_database()
            targets.append(("PostgreSQL", POSTGRES))
        else:
            self.stdout.write("PostgreSQL: not reachable at 127.0.0.1:5432, skipped.")
        # Two workers share sessions, rate limits and cached pages only through Redis,
        # as in production (README, "Running in production").
        redis = reachable(6379)
        self.stdout.write(
            "Cache and sessions: Redis at 127.0.0.1:6379"
            if redis
            else "Cache: Redis not reachable at 127.0.0.1:6379; each worker caches alone"
        )
        failed = []
        for number, (label, url) in enumerate(targets, start=1):
            if redis:
                env["REDIS_URL"] = f"redis://127.0.0.1:6379/{REDIS_DB + number}"
            done = subprocess.run(
                [
                    sys.executable,
                    "manage.py",
                    "bench",
                    "--run",
                    label,
                    "--duration",
                    str(duration),
                ],
                cwd=settings.BASE_DIR,
                env={**env, "DATABASE_URL": url},
            )
            if done.returncode:
                failed.append(label)
        shutil.rmtree(work, ignore_errors=True)
        if failed:
            raise CommandError(f"Budgets missed on: {', '.join(failed)}.")
        self.stdout.write(self.style.SUCCESS("\nAll budgets met."))

    def recreate_postgres_database(self) -> None:
        import psycopg

        with psycopg.connect(
            "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True
        ) as conn:
            conn.execute("DROP DATABASE IF EXISTS careerfit_bench WITH (FORCE)")
            conn.execute("CREATE DATABASE careerfit_bench")

    # --- one database -------------------------------------------------------------------

    def bench_one(self, label: str, duration: int) -> bool:
        self.stdout.write(f"\n=== {label} ({connection.vendor}) ===")
        cache.clear()
        call_command("migrate", verbosity=0)
        call_command("loaddata", "catalogue", verbosity=0)
        pool, finishing, finished, share_token = self.seed()
        port = free_port()
        log = Path(tempfile.mkstemp(prefix="gunicorn-", suffix=".log")[1])
        server = self.start_gunicorn(port, log)
        ceiling, *pages = self.loads(pool, finishing, finished, share_token)
        try:
            figures = [self.load(port, ceiling, page, duration) for page in pages]
        finally:
            server.terminate()
            server.wait(timeout=30)
        ok = self.report(figures)
        self.report_in_process([ceiling, *pages])
        ok &= self.check_integrity(log, figures)
        ok &= self.report_queries(finished, share_token)
        self.report_scoring()
        log.unlink(missing_ok=True)
        return ok

    def seed(self) -> tuple[list[str], list[str], str, str]:
        """Quizzes in the middle (for steps 1-6) and waiting for their last step, one
        finished quiz, and one shared link."""
        answers = saved_answers(ANSWERS)
        waiting = {
            slug: value for slug, value in answers.items() if slug != "preferences"
        }
        # Those who finish gave all kinds of answers, so that the scoring engine's kept
        # checks are measured as real candidates would find them, not one profile's.
        rng = random.Random(7)
        pool, finishing = [], []
        with transaction.atomic():
            for _ in range(POOL):
                pool.append(Assessment.objects.create(answers=waiting).token)
                varied = saved_answers(varied_answers(rng))
                del varied["preferences"]
                finishing.append(Assessment.objects.create(answers=varied).token)
            done = Assessment.objects.create(answers=answers)
            result = finish_assessment(done)
            snapshot = share_snapshot(result, show_scores=True)
            share = Share.objects.create(
                result=result, snapshot=snapshot, card=draw_card(snapshot)
            )
        return pool, finishing, done.token, share.token

    def loads(self, pool, finishing, token, share_token) -> list[Load]:

        def cookies(token: str) -> str:
            # A returning candidate: the browser sends back its CSRF and quiz cookies.
            return f"csrftoken={CSRF}; {QUIZ_COOKIE}={token}"

        cookie = {"Cookie": cookies(token)}

        def post(assessment: str, number: int) -> tuple:
            body = urlencode(
                {"csrfmiddlewaretoken": CSRF, **ANSWERS[STEPS[number - 1].slug]},
                doseq=True,
            )
            headers = {
                "Cookie": cookies(assessment),
                "Content-Type": "application/x-www-form-urlencoded",
                "HX-Request": "true",
            }
            return ("POST", f"/quiz/{assessment}/step/{number}/", headers, body)

        # Candidates in the middle of the quiz, each on one of steps 1 to 6: the answer
        # is saved and the next step comes back as the htmx fragment.
        steps = [post(t, index % (len(STEPS) - 1) + 1) for index, t in enumerate(pool)]
        # The last step: the answers are scored against the catalogue and stored.
        finishes = [post(t, len(STEPS)) for t in finishing]
        return [
            Load(
                "ceiling: bare Django hello",
                "GET",
                [("GET", "/bench/hello/", {}, None)],
            ),
            Load("home page", "GET", [("GET", "/", {}, None)]),
            Load(
                "quiz step (GET)",
                "GET",
                [("GET", f"/quiz/{token}/step/1/", cookie, None)],
            ),
            Load("quiz step (POST, steps 1-6)", "POST", steps),
            Load("quiz last step (POST, scored)", "POST", finishes),
            Load("results page", "GET", [("GET", f"/results/{token}/", cookie, None)]),
            Load("shared page", "GET", [("GET", f"/s/{share_token}/", {}, None)]),
        ]

    def start_gunicorn(self, port: int, log: Path) -> subprocess.Popen:
        # The production configuration (README, "Running in production"), on loopback.
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "--config",
            str(GUNICORN_CONFIG),
            "--bind",
            f"127.0.0.1:{port}",
            "--error-logfile",
            str(log),
            "--log-level",
            "warning",
        ]
        server = subprocess.Popen(command, cwd=settings.BASE_DIR, env=os.environ.copy())
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/healthz", timeout=1
                ):
                    return server
            except OSError:
                time.sleep(0.2)
        server.terminate()
        raise CommandError(f"gunicorn did not answer on port {port}; see {log}")

    def load(self, port: int, ceiling: Load, page: Load, duration: int) -> Figures:
        """The page in rounds, each after a ceiling run of the same length."""
        # A short unmeasured run first: caches filled, connections open, code warm.
        self.wrk(port, page, WARM_UP)
        seconds = max(2, duration // ROUNDS)
        ceilings, runs = [], []
        for _ in range(ROUNDS):
            ceilings.append(self.wrk(port, ceiling, seconds))
            runs.append(self.wrk(port, page, seconds))
        return median_figures(runs, ceilings)

    def wrk(self, port: int, load: Load, duration: int) -> Figures:
        script = Path(tempfile.mkstemp(suffix=".lua")[1])
        script.write_text(WRK_SCRIPT.replace("{REQUESTS}", lua_requests(load.requests)))
        # One wrk thread: on two cores the load generator must leave the server room.
        done = subprocess.run(
            [
                "wrk",
                "-t1",
                f"-c{CONNECTIONS}",
                f"-d{duration}s",
                "--timeout",
                "5s",
                "-s",
                str(script),
                f"http://127.0.0.1:{port}",
            ],
            capture_output=True,
            text=True,
            timeout=duration + 60,
        )
        script.unlink()
        line = next(
            (x for x in done.stdout.splitlines() if x.startswith("RESULT ")), None
        )
        if line is None:
            raise CommandError(
                f"wrk gave no figures for {load.name}:\n{done.stdout}{done.stderr}"
            )
        data = json.loads(line.removeprefix("RESULT "))
        return Figures(
            name=load.name,
            method=load.method,
            rps=data["requests"] / (data["duration_us"] / 1e6),
            p50_ms=data["p50_us"] / 1000,
            p95_ms=data["p95_us"] / 1000,
            errors=data["errors"],
            requests=data["requests"],
        )

    # --- reports ------------------------------------------------------------------------

    def report(self, figures: list[Figures]) -> bool:
        threads = runpy.run_path(str(GUNICORN_CONFIG))["threads"]
        self.stdout.write(
            f"\nLoad: wrk, 1 thread, {CONNECTIONS} connections; gunicorn, 2 workers × "
            f"{threads} threads; {ROUNDS} rounds a page, each after a ceiling run "
            "(a bare Django hello); medians"
        )
        self.stdout.write(
            f"{'page':30} {'median':>8} {'p95':>8} {'req/s':>8} {'errors':>7} "
            f"{'ceiling':>8} {'× ceiling':>10}  budget"
        )
        ok = True
        for f in figures:
            ratio = f.rps / f.ceiling_rps
            floor = POST_BUDGET if f.method == "POST" else GET_BUDGET
            problems = []
            if ratio < floor:
                problems.append(f"below {floor:.0%} of ceiling")
            if f.p95_ms >= P95_BUDGET_MS:
                problems.append(f"p95 ≥ {P95_BUDGET_MS:.0f} ms")
            if f.errors:
                problems.append("errors")
            verdict = "ok" if not problems else "MISSED: " + ", ".join(problems)
            ok &= not problems
            self.stdout.write(
                f"{f.name:30} {f.p50_ms:6.1f}ms {f.p95_ms:6.1f}ms {f.rps:8.0f} {f.errors:7d} "
                f"{f.ceiling_rps:8.0f} {ratio:9.2f}×  {verdict}"
            )
        return ok

    def check_integrity(self, log: Path, figures: list[Figures]) -> bool:
        text = log.read_text(errors="replace")
        locked = text.count("database is locked")
        tracebacks = text.count("Traceback")
        completed = Assessment.objects.filter(answers__has_key="preferences")
        stored = Result.objects.filter(assessment__in=completed).count()
        posts = sum(f.requests for f in figures if f.method == "POST")
        self.stdout.write(
            f"\nAfter the load: {posts} final-step POSTs completed {completed.count()} quizzes "
            f"with {stored} stored results; {locked} 'database is locked' errors; "
            f"{tracebacks} tracebacks in the server log."
        )
        ok = completed.count() == stored and not locked and not tracebacks
        self.stdout.write("Integrity: " + ("ok" if ok else "MISSED"))
        return ok

    def page_queries(self, token: str, share_token: str) -> dict[str, int]:
        category = JobCategory.objects.order_by("id").first()
        role = Role.objects.order_by("id").first()
        fresh = Assessment.objects.create(
            answers=Assessment.objects.get(token=token).answers
        )
        waiting = Assessment.objects.create(
            answers={
                slug: value
                for slug, value in Assessment.objects.get(token=token).answers.items()
                if slug != "conditions"
            }
        )
        pages = [
            ("home", "get", "/", None),
            ("careers", "get", "/careers/", None),
            ("category", "get", f"/careers/{category.slug}/", None),
            ("role", "get", f"/roles/{role.slug}/", None),
            ("quiz step GET", "get", f"/quiz/{token}/step/1/", None),
            (
                "quiz step POST",
                "post",
                f"/quiz/{waiting.token}/step/6/",
                ANSWERS["conditions"],
            ),
            (
                "quiz last step POST",
                "post",
                f"/quiz/{fresh.token}/step/7/",
                ANSWERS["preferences"],
            ),
            ("results", "get", f"/results/{token}/", None),
            ("shared", "get", f"/s/{share_token}/", None),
        ]
        client = Client(HTTP_HOST="127.0.0.1")
        client.get(f"/results/{token}/")  # a returning candidate: their cookie is set
        counts = {}
        for name, method, url, data in pages:
            # Count what a page costs when it is not cached yet. The catalogue itself is
            # loaded once per cache timeout, not per page: warm it, as a running site has.
            cache.clear()
            forget_local_pages()
            scoring_catalogue()
            questionnaire_catalogue()
            with CaptureQueriesContext(connection) as queries:
                response = (
                    getattr(client, method)(url, data) if data else client.get(url)
                )
            if response.status_code >= 400:
                raise CommandError(
                    f"{name} answered {response.status_code} while counting"
                )
            counts[name] = len(queries)
        return counts

    def report_queries(self, finished: str, share_token: str) -> bool:
        small = self.page_queries(finished, share_token)
        roles = Role.objects.count()
        grow_catalogue(10)
        large = self.page_queries(finished, share_token)
        self.stdout.write(
            f"\nQueries per page: catalogue of {roles} roles (1×) and "
            f"{Role.objects.count()} roles (10×), "
            f"{Requirement.objects.count()} requirements"
        )
        budgets = {
            "results": 8,
            "quiz step GET": 5,
            "quiz step POST": 5,
            "quiz last step POST": 5,
        }
        ok = True
        for name in small:
            budget = budgets.get(name)
            fine = small[name] == large[name] and (
                budget is None or large[name] <= budget
            )
            ok &= fine
            limit = f"≤ {budget}" if budget else ""
            self.stdout.write(
                f"  {name:20} {small[name]:3d} {large[name]:3d}  {limit:5} "
                f"{'ok' if fine else 'MISSED'}"
            )
        return ok

    def report_in_process(self, loads: list[Load]) -> None:
        """CPU time per request through Django's WSGI handler in this process: a steadier
        view than wrk on a shared machine (no network, no gunicorn, one request at a time)."""
        from django.core.wsgi import get_wsgi_application

        application = get_wsgi_application()
        self.stdout.write(
            "\nIn process, through the WSGI handler (median of 5 runs of 200 requests):"
        )
        base = None
        for load in loads:
            runs = []
            for _ in range(5):
                environs = [
                    wsgi_environ(*load.requests[i % len(load.requests)])
                    for i in range(200)
                ]
                start = time.perf_counter()
                for environ in environs:
                    b"".join(application(environ, lambda *args: None))
                runs.append((time.perf_counter() - start) / len(environs))
            cost = statistics.median(runs)
            base = base or cost
            self.stdout.write(
                f"  {load.name:30} {cost * 1e6:7.0f} µs   × ceiling {base / cost:.2f}"
            )

    def report_scoring(self) -> None:
        base = list(scoring_catalogue())
        catalogue = [
            replace(base[i % len(base)], slug=f"{base[i % len(base)].slug}-{i}")
            for i in range(SCORING_ROLES)
        ]
        answers = (
            Assessment.objects.filter(answers__has_key="preferences").first().answers
        )
        profile = profile_from_data(profile_data(answers))
        timings = []
        for _ in range(7):
            start = time.perf_counter()
            recommend(catalogue, profile)
            timings.append(time.perf_counter() - start)
        median = statistics.median(timings)
        self.stdout.write(
            f"\nScoring engine: {SCORING_ROLES} roles in {median * 1000:.1f} ms (median of 7) = "
            f"{SCORING_ROLES / median:,.0f} roles scored per second"
        )
