"""Sentences in any language: the engine names a message and its values; whoever shows
it translates them (careers.assessments.wording with Django's gettext, `english()` here).

A stored result keeps the messages, not the words, so it reads in whichever language
the page is in, and a shared link reads in its reader's. `_` and `ngettext` are named
as gettext's, so that `makemessages` finds the messages here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Union

Value = Union[str, int, "Text", "Weeks", "Items"]


@dataclass(frozen=True)
class Text:
    msgid: str
    values: tuple[tuple[str, Value], ...] = ()
    plural: str = ""  # with `count`: the other form of an ngettext message
    count: int = 0


def _(msgid: str, **values: Value) -> Text:
    return Text(msgid, tuple(values.items()))


def ngettext(singular: str, plural: str, count: int, **values: Value) -> Text:
    return Text(singular, tuple(values.items()), plural, count)


@dataclass(frozen=True)
class Weeks:
    """A time range in weeks, said in the largest unit that reads well."""

    low: int
    high: int
    capital: bool = False  # at the start of a sentence


@dataclass(frozen=True)
class Items:
    """A list read as one phrase: "A, B or C", "A, B and C", "a; b". A list of
    choices ("or") may hold lists of choices: they read as one list."""

    items: tuple[Value, ...]
    join: str = "or"  # or | and | then | steps | sentences
    limit: int = 0  # "and 3 more" past this many (and only)


# --- Storing ----------------------------------------------------------------------------


_PLAIN = (str, int)


def as_data(value: Value) -> Any:
    """The value as JSON data (see `from_data`)."""
    # Plain values (most of them) are returned where they are met, without a call:
    # a result holds about 2,400 values, and this was the largest part of storing it.
    kind = type(value)
    if kind is Text:
        data: dict[str, Any] = {"msgid": value.msgid}
        if value.values:
            data["values"] = {
                k: v if type(v) in _PLAIN else as_data(v) for k, v in value.values
            }
        if value.plural:
            data["plural"], data["count"] = value.plural, value.count
        return data
    if kind is Items:
        return {
            "items": [i if type(i) in _PLAIN else as_data(i) for i in value.items],
            "join": value.join,
            "limit": value.limit,
        }
    if kind is Weeks:
        return {"weeks": [value.low, value.high], "capital": value.capital}
    return value


def from_data(data: Any) -> Value:
    if isinstance(data, dict) and "msgid" in data:
        values = tuple((k, from_data(v)) for k, v in data.get("values", {}).items())
        return Text(data["msgid"], values, data.get("plural", ""), data.get("count", 0))
    if isinstance(data, dict) and "weeks" in data:
        return Weeks(*data["weeks"], capital=data.get("capital", False))
    if isinstance(data, dict) and "items" in data:
        items = tuple(from_data(i) for i in data["items"])
        return Items(items, data["join"], data.get("limit", 0))
    return data


# --- Reading ----------------------------------------------------------------------------


def _english_plural(singular: str, plural: str, count: int) -> str:
    return singular if count == 1 else plural


@dataclass(frozen=True)
class Reader:
    """How to translate: gettext and ngettext of the reader's language."""

    gettext: Callable[[str], str] = str
    ngettext: Callable[[str, str, int], str] = _english_plural
    # A catalogue name (a role, a qualification) in the reader's language.
    name: Callable[[str], str] = str

    def __call__(self, value: Value, mid_sentence: bool = False) -> str:
        if isinstance(value, Text):
            values = {k: v if isinstance(v, int) else self(v) for k, v in value.values}
            return self._fill(
                value.msgid, value.plural, value.count, values, mid_sentence
            )
        if type(value) is dict:
            return self._stored(value, mid_sentence)
        if isinstance(value, Weeks):
            text = self(weeks_text(value.low, value.high))
            return text[:1].upper() + text[1:] if value.capital else text
        if isinstance(value, Items):
            return self._join(value)
        return self.name(str(value))

    def _stored(self, data: dict, mid_sentence: bool) -> str:
        """Stored data (`as_data`) read as it is: making the messages again first
        (`from_data`) was half the time of every line of a result page."""
        if "msgid" in data:
            values = {
                k: v if isinstance(v, int) else self(v)
                for k, v in data.get("values", {}).items()
            }
            plural = data.get("plural", "")
            count = data.get("count", 0)
            return self._fill(data["msgid"], plural, count, values, mid_sentence)
        return self(from_data(data), mid_sentence)

    def _fill(
        self, msgid: str, plural: str, count: int, values: dict, mid_sentence: bool
    ) -> str:
        if plural:
            values.setdefault("n", count)
            template = self.ngettext(msgid, plural, count)
        else:
            template = self.gettext(msgid)
        if mid_sentence and template[:1].isalpha():
            # "Reach B2..." read after a colon: "about 3 months: reach B2...". Only
            # the message's own first word, never a name put in it ("Microsoft").
            template = template[0].lower() + template[1:]
        return template % values if values else template

    def _join(self, value: Items) -> str:
        if value.join == "steps":
            steps = (self(i, mid_sentence=True) for i in value.items)
            return self.gettext("; ").join(steps)
        if value.join == "or":
            return self._either(value)
        items = [self(i) for i in value.items]
        if value.join == "sentences":
            return " ".join(items)
        if value.join == "then":
            return self.gettext(", then ").join(items)
        if value.limit and len(items) > value.limit:
            rest = len(items) - value.limit
            more = self(ngettext("%(n)d more", "%(n)d more", rest))
            items = [*items[: value.limit], more]
        if len(items) == 1:
            return items[0]
        first = self.gettext(", ").join(items[:-1])
        return self(_("%(first)s and %(last)s", first=first, last=items[-1]))

    def _either(self, value: Items) -> str:
        """ "commerce, accounting, finance or economics": one list, however many
        lists of choices it joins (a field that is itself "commerce, accounting or
        finance"), as people write it, the last two joined by the language's "or"."""
        items = [self(i) for i in _alternatives(value)]
        if len(items) < 2:
            return "".join(items)
        first = self.gettext(", ").join(items[:-1])
        return self(_("%(first)s or %(last)s", first=first, last=items[-1]))


def _alternatives(value: Items) -> list[Value]:
    flat: list[Value] = []
    for item in value.items:
        if isinstance(item, Items) and item.join == "or":
            flat.extend(_alternatives(item))
        else:
            flat.append(item)
    return flat


english = Reader()


def weeks_text(low: int, high: int) -> Text:
    """ "about 2–4 weeks", "about 3–6 months", "about 3 years"."""
    for unit, weeks, above in (("year", 52, 100), ("month", 4.35, 8), ("week", 1, 0)):
        if high > above:
            lo = max(1, round(low / weeks))
            hi = max(lo, round(high / weeks))
            return _span(unit, lo, hi)
    return _("no time")


def _span(unit: str, low: int, high: int) -> Text:
    if low == high:
        one = {
            "year": ngettext("about %(n)d year", "about %(n)d years", low),
            "month": ngettext("about %(n)d month", "about %(n)d months", low),
            "week": ngettext("about %(n)d week", "about %(n)d weeks", low),
        }
        return one[unit]
    span = {
        "year": _("about %(low)d–%(high)d years", low=low, high=high),
        "month": _("about %(low)d–%(high)d months", low=low, high=high),
        "week": _("about %(low)d–%(high)d weeks", low=low, high=high),
    }
    return span[unit]
