"""The step most of the roles further away wait for, said once above them.

A 10th-pass candidate's 37 roles further away nearly all wait for the 12th: each line
said "pass the 12th, for example through NIOS at your own pace" (37 times, 4.5 KB of
the page in English, 9 KB in Hindi). The list says it once and each line names it "the
step above".
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from careers.scoring.text import _, ngettext

# Said once only when it saves repeating it on several lines, a third of them at least.
SHARED_AT_LEAST = 3
THE_STEP_ABOVE = {"msgid": _("the step above").msgid}


def _steps(item: dict[str, Any]) -> list[Any]:
    """The steps of a role's line ("About 1–2 years: a; b."), as stored."""
    advice = item.get("advice")
    if not isinstance(advice, dict):
        return []
    steps = advice.get("values", {}).get("steps")
    return steps["items"] if isinstance(steps, dict) and "items" in steps else []


def said_once(items: list[dict[str, Any]]) -> tuple[dict | None, list[dict[str, Any]]]:
    """The step shared by most `items` (as a sentence to show above them, or None),
    and the items with that step named "the step above" in their lines."""
    counts = Counter(
        json.dumps(step, sort_keys=True) for item in items for step in _steps(item)
    )
    if not counts:
        return None, items
    key, count = counts.most_common(1)[0]
    if count < SHARED_AT_LEAST or count * 3 < len(items):
        return None, items
    step = json.loads(key)
    shown = []
    for item in items:
        steps = _steps(item)
        if step not in steps:
            shown.append(item)
            continue
        advice = item["advice"]
        values = advice["values"]
        renamed = [THE_STEP_ABOVE if s == step else s for s in steps]
        steps_data = {**values["steps"], "items": renamed}
        shown.append(
            {**item, "advice": {**advice, "values": {**values, "steps": steps_data}}}
        )
    intro = ngettext(
        "%(n)s of these %(total)s roles needs this step: %(step)s.",
        "%(n)s of these %(total)s roles need this step: %(step)s.",
        count,
    )
    sentence = {
        "msgid": intro.msgid,
        "plural": intro.plural,
        "count": count,
        # As a list of steps, the step reads mid-sentence ("…: reach B1 in…").
        "values": {"total": len(items), "step": {"items": [step], "join": "steps"}},
    }
    return sentence, shown
