"""`manage.py recommend`: the same engine on a profile file, as text or JSON."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from careers.models import Assessment, Result

ROOT = Path(__file__).resolve().parent.parent
PROFILES = ROOT / "fixtures" / "profiles"


def run_json(capsys, *args):
    call_command("recommend", *args, "--format", "json")
    return json.loads(capsys.readouterr().out)


@pytest.mark.django_db
def test_json_output_is_ranked_best_first_in_the_documented_shape(capsys):
    data = run_json(capsys, str(PROFILES / "bsc-statistics-graduate.json"))
    assert set(data) == {
        "country", "format", "summary", "headline", "paths", "recommendations",
    }  # fmt: skip
    assert data["country"] == "IN"  # the profile names none
    first = data["recommendations"][0]
    assert set(first) == {
        "role", "title", "category", "category_name", "sector", "channel",
        "verdict", "distance", "weeks", "plan", "advice", "fit", "required",
        "helps", "lines", "overqualified", "background_used", "clash",
    }  # fmt: skip
    assert first["role"] == "data-analyst"
    assert first["required"][0] == first["required"][1]
    order = ["eligible", "close", "not_yet", "does_not_fit"]
    ranks = [order.index(r["verdict"]) for r in data["recommendations"]]
    assert ranks == sorted(ranks)
    later = [
        (-r["background_used"], r["weeks"])
        for r in data["recommendations"]
        if r["verdict"] == "not_yet"
    ]
    assert later == sorted(later)  # those that use your background, then nearest


@pytest.mark.django_db
def test_top_limits_the_list(capsys):
    data = run_json(
        capsys, str(PROFILES / "law-graduate-day-and-uk.json"), "--top", "3"
    )
    assert len(data["recommendations"]) == 3


@pytest.mark.django_db
def test_text_output_reads_like_advice(capsys):
    call_command(
        "recommend", str(PROFILES / "tenth-pass-a2-english.json"), "--top", "2"
    )
    out = capsys.readouterr().out
    # The market first: the profile names none, so India's.
    assert out.startswith("For work in India\nBPO fits you best today")
    first = "1. Domestic telecaller (Hindi or a regional language) (BPO, Call centre outsourcing)"
    assert f"{first}: ELIGIBLE" in out
    assert "2. Domestic voice support associate" in out
    assert (
        "   - Required: Education: 12th standard or higher; you have 10th standard."
        in out
    )
    assert "   - Helps: " in out
    assert "   > About 1–2 years: " in out  # the plan, with its time


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "summary", "title"),
    [
        ("hi", "आज आपके लिए KPO सबसे सही है", "डेटा एनालिस्ट"),
        ("fil", "KPO ang pinakabagay sa iyo ngayon", "Data analyst"),
    ],
)
def test_lang_gives_the_advice_in_hindi_or_filipino(capsys, language, summary, title):
    profile = str(PROFILES / "bsc-statistics-graduate.json")
    call_command("recommend", profile, "--top", "3", "--lang", language)
    out = capsys.readouterr().out
    assert out.splitlines()[1].startswith(summary)  # after the market
    assert f"1. {title} (KPO" in out
    assert "fits you best" not in out
    data = run_json(capsys, profile, "--lang", language)
    assert data["summary"].startswith(summary)
    assert data["recommendations"][0]["title"] == title


@pytest.mark.django_db
def test_a_qualification_in_progress_must_name_a_real_stage(tmp_path):
    path = tmp_path / "profile.json"
    path.write_text(
        json.dumps(
            {
                "spoken_english": "B1",
                "written_english": "B1",
                "typing_wpm": 20,
                "education": "12th",
                "in_progress": [{"qualification": "ca", "stage": "year-9"}],
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(CommandError) as error:
        call_command("recommend", str(path))
    assert "in_progress[0].stage: ca has the stages foundation" in str(error.value)
    assert error.value.returncode == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            '{"spoken_english": "B9", "written_english": "B1", "typing_wpm": 20, '
            '"education": "12th"}',
            "spoken_english: 'B9' is not one of",
        ),
        (
            '{"written_english": "B1", "typing_wpm": 20, "education": "12th"}',
            "'spoken_english' is a required property",
        ),
        (
            '{"spoken_english": "B1", "written_english": "B1", "typing_wpm": -5, '
            '"education": "12th"}',
            "typing_wpm: -5 is less than the minimum of 0",
        ),
        (
            '{"spoken_english": "B1", "written_english": "B1", "typing_wpm": 20, '
            '"education": "12th", "qualifications": ["llb", "moon-degree"]}',
            "qualifications[1]: unknown qualification 'moon-degree'",
        ),
        (
            '{"spoken_english": "B1", "written_english": "B1", "typing_wpm": 20, '
            '"education": "12th", "other_languages": [{"language": "klingon", "level": "B1"}]}',
            "other_languages[0].language",
        ),
        ("{not json", "not valid JSON"),
        ("[]", "(the whole profile): [] is not of type 'object'"),
    ],
)
def test_bad_profiles_name_the_field_exit_2_and_write_nothing(
    tmp_path, content, message
):
    path = tmp_path / "profile.json"
    path.write_text(content, encoding="utf-8")
    before = (Assessment.objects.count(), Result.objects.count())
    with pytest.raises(CommandError) as error:
        call_command("recommend", str(path))
    assert message in str(error.value)
    assert error.value.returncode == 2
    assert (Assessment.objects.count(), Result.objects.count()) == before


@pytest.mark.django_db
@pytest.mark.django_db
def test_country_overrides_the_profiles_and_the_output_names_it(capsys):
    profile = str(PROFILES / "bsc-statistics-graduate.json")
    assert run_json(capsys, profile, "--country", "PH")["country"] == "PH"
    assert run_json(capsys, profile, "--country", "in")["country"] == "IN"
    call_command("recommend", profile, "--top", "1", "--country", "PH")
    assert capsys.readouterr().out.startswith("For work in the Philippines\n")


def test_a_country_we_do_not_serve_is_exit_2_naming_the_option(tmp_path):
    with pytest.raises(CommandError) as error:
        call_command("recommend", str(tmp_path / "nope.json"), "--country", "US")
    assert str(error.value) == "--country: choose IN or PH"
    assert error.value.returncode == 2


def test_missing_file_is_exit_2(tmp_path):
    with pytest.raises(CommandError) as error:
        call_command("recommend", str(tmp_path / "nope.json"))
    assert "cannot read the file" in str(error.value)
    assert error.value.returncode == 2


def test_command_line_exit_status_and_stderr(tmp_path):
    path = tmp_path / "profile.json"
    path.write_text('{"spoken_english": "B1"}', encoding="utf-8")
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path}/x.db",
    }
    done = subprocess.run(
        [sys.executable, "manage.py", "recommend", str(path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "'written_english' is a required property" in done.stderr
    assert done.stdout == ""


def test_every_example_profile_is_valid():
    from careers.assessments.profiles import _validator

    for path in PROFILES.glob("*.json"):
        assert not list(_validator().iter_errors(json.loads(path.read_text()))), (
            path.name
        )


@pytest.mark.django_db
def test_text_output_says_the_way_in_the_costs_and_the_order(capsys):
    call_command("recommend", str(PROFILES / "bsc-life-sciences-graduate.json"))
    out = capsys.readouterr().out
    assert "In each group, the roles that use your studies" in out
    assert "[Uses your background]" in out
    # Medical coding by its trainee way, and the way the person meets is named.
    assert "   + Way in: One way in is enough, and you meet this one: " in out
    profile = PROFILES / "tenth-pass-a2-english.json"
    call_command("recommend", str(profile), "--lang", "hi")
    assert "हर समूह में पहले वे रोल हैं" in capsys.readouterr().out


@pytest.mark.django_db
def test_a_plan_quotes_what_a_qualification_costs(capsys, tmp_path):
    coder = json.loads((PROFILES / "bsc-life-sciences-graduate.json").read_text())
    coder |= {"education": "12th", "field_of_study": None, "qualifications": []}
    path = tmp_path / "p.json"
    path.write_text(json.dumps(coder))
    data = run_json(capsys, str(path))
    plans = [p for r in data["recommendations"] for p in r["plan"]]
    assert any("US$499" in plan for plan in plans)
