"""The no-fee guard: what in a listing looks like a job scam, each with a plain reason
for the moderator. Pure functions over the listing's text; nothing here decides: a
flagged listing waits for a person (and is never approved automatically).

The patterns are the ones Indian and Philippine job boards and labour departments warn
of: money asked of candidates (registration, "refundable" deposits, training fees, slot
bookings), interviews only on chat apps, recruiters on free-mail addresses, pay far
above the work's usual range, and a description too short to say what the job is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MIN_DESCRIPTION_WORDS = 40
# Pay above this many times the highest other listing for the role is "far above".
PAY_FACTOR = 2

# An amount of money as Indian and Philippine job posts write one: ₹500, Rs. 500,
# INR 500, ₱1,500, PHP 1,500, Php1500, P3,800, 500 pesos, 500 rupees.
AMOUNT = (
    r"(?:(?:rs\.?|inr|₹|php|₱|\bp(?=\s?\d))\s*\d[\d,]*(?:\.\d+)?"
    r"|\b\d[\d,]*\s*(?:pesos?|rupees?)\b)"
)
# Money asked of candidates, in English, Hindi and Filipino (Tagalog and Taglish). The
# Philippine names are those DOLE, the DMW and the POEA before it warn of: placement,
# processing, reservation ("slot"), training, medical, documentation, guarantee,
# orientation, uniform and ID fees, a training bond, a "reservation fee" sent by
# remittance or GCash; "magbayad" (to pay), "may bayad ang training" (the training
# costs money), "bayaran mo" (you pay).
MONEY = re.compile(
    r"\b(?:registration|processing|training|joining|security|placement|interview|"
    r"documentation|verification|application|kit|uniform|reservation|medical|"
    r"guarantee|orientation|seminar|slot|id|admin|assistance)\s+(?:fees?|charges?|"
    r"amount|deposit|money)\b"
    r"|\b(?:refundable|security)\s+deposit\b|\bdeposit\b|\bslot\s+(?:booking|"
    r"reservation|confirmation)\b|\bfees?\b|\b(?:training|employment)\s+bond\b"
    rf"|\b(?:pay|send|transfer|deposit|magbayad|magbabayad|bayaran|babayaran|"
    rf"magpadala|ipadala)\s+(?:ng\s+|of\s+|only\s+)?{AMOUNT}"
    rf"|{AMOUNT}\s*(?:only\s+)?(?:to|for|para\s+sa)\s+(?:book|confirm|reserve|"
    r"register|join|the\s+slot|slot|reservation|processing|training|medical|"
    r"your\s+slot)"
    r"|\b(?:pay|send|transfer|padala|ipadala|bayad)\b[^.!?\n]{0,30}\b(?:gcash|"
    r"paymaya|maya|palawan\s+express|cebuana|remittance|upi|paytm|phonepe|"
    r"google\s+pay)\b"
    r"|शुल्क|फ़ीस|फीस|पंजीकरण|रजिस्ट्रेशन\s*(?:चार्ज|राशि)|जमा\s*राशि|सिक्योरिटी|ज़मानत"
    r"|\bbayad\s+sa\s+(?:training|placement|medical|processing|reservation|slot|"
    r"id|uniform|seminar|orientation)\b|\bmay\s+bayad\s+(?:ang|sa|po\s+ang)\b"
    r"|\bmagbayad\b|\bmagbabayad\b|\b(?:ba)?bayaran\s+(?:mo|ninyo|nyo|niyo)\b",
    re.IGNORECASE,
)
# "We charge no fee", "free of cost", "कोई शुल्क नहीं", "walang bayad", "hindi kailangang
# magbayad", "libre": saying there is no fee is what honest listings do, never a flag.
NO_FEE_BEFORE = re.compile(
    r"(?:\bno|\bnever|\bnot|\bzero|\bwithout|\bfree\s+of|\bwalang|\bhindi|\bwala"
    r"|\bhuwag|\bdon't|\bdo\s+not|कोई|बिना|बिलकुल)"
    r"[^.!?\n।]{0,25}$",
    re.IGNORECASE,
)
NO_FEE_AFTER = re.compile(
    r"^[^.!?\n।]{0,20}(?:नहीं|\bfree\b|\bnil\b|\bnot\b|\bwaived\b|\bnone\b"
    r"|\blibre\b|\bwala\b|\bshouldered\b|\bsagot\s+ng\s+kompanya\b)",
    re.IGNORECASE,
)
CHAT_ONLY = re.compile(r"\b(?:telegram|viber|signal\s+app)\b", re.IGNORECASE)
WHATSAPP = re.compile(r"whatsapp|व्हाट्सएप", re.IGNORECASE)
EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
LINK = re.compile(r"https?://|www\.", re.IGNORECASE)
FREE_MAIL = {
    "gmail.com",
    "googlemail.com",
    "yahoo.com",
    "yahoo.co.in",
    "ymail.com",
    "outlook.com",
    "hotmail.com",
    "live.com",
    "rediffmail.com",
    "aol.com",
    "icloud.com",
    "proton.me",
    "protonmail.com",
}


@dataclass(frozen=True)
class Flag:
    code: str
    reason: str  # for the moderator
    excerpt: str = ""  # the words that raised it


def _money(text: str) -> list[str]:
    found = []
    for match in MONEY.finditer(text):
        before, after = text[: match.start()], text[match.end() :]
        if NO_FEE_BEFORE.search(before) or NO_FEE_AFTER.search(after):
            continue
        found.append(text[max(0, match.start() - 30) : match.end() + 30].strip())
    return found


def lint(
    texts: dict[str, str],
    how_to_apply: str,
    descriptions: dict[str, str],
    salary_max: int | None = None,
    usual_max: int | None = None,
    employer_domain: str = "",
) -> list[Flag]:
    """Every flag for a listing: `texts` are all its text fields by name,
    `descriptions` its descriptions by name (one a language); `usual_max` is the
    highest pay of the role's other approved listings, if any; `employer_domain` the
    employer's own web domain, if known."""
    flags = _money_flags(texts) + _contact_flags(how_to_apply, employer_domain)
    if salary_max and usual_max and salary_max > PAY_FACTOR * usual_max:
        flags.append(
            Flag(
                "pay",
                f"Pays more than {PAY_FACTOR}× the best-paid other listing for this "
                "role: fake jobs lure people with pay that is too good.",
                f"{salary_max:,} against {usual_max:,}",
            )
        )
    # Each language's readers see only theirs: each must say what the job is.
    flags += [
        Flag(
            "short",
            f"The {name} has fewer than {MIN_DESCRIPTION_WORDS} words: too short to "
            "say what the job is.",
        )
        for name, text in (descriptions or {"description": ""}).items()
        if len(text.split()) < MIN_DESCRIPTION_WORDS
    ]
    return flags


def _money_flags(texts: dict[str, str]) -> list[Flag]:
    return [
        Flag(
            "money",
            f"Asks candidates for money ({name}). Genuine employers never "
            "charge a fee, deposit or training charge.",
            excerpt,
        )
        for name, text in texts.items()
        for excerpt in _money(text or "")
    ]


def _contact_flags(how_to_apply: str, employer_domain: str) -> list[Flag]:
    """How candidates are asked to apply: only by chat, or from an address that is
    not the employer's."""
    flags = []
    emails = EMAIL.findall(how_to_apply)
    chat = CHAT_ONLY.search(how_to_apply)
    if chat or (
        WHATSAPP.search(how_to_apply) and not emails and not LINK.search(how_to_apply)
    ):
        flags.append(
            Flag(
                "chat-only",
                "Candidates can apply only through a chat app or a personal number: "
                "scams move people to chats where nothing is on record.",
                (chat.group(0) if chat else "WhatsApp"),
            )
        )
    free = sorted({domain.lower() for domain in emails} & FREE_MAIL)
    if free:
        flags.append(
            Flag(
                "free-mail",
                "The recruiter writes from a free-mail address, not the employer's "
                "own domain.",
                ", ".join(free),
            )
        )
    domain = employer_domain.lower().removeprefix("www.")
    elsewhere = sorted(
        {d.lower() for d in emails}
        - FREE_MAIL
        - {domain}
        - {d.lower() for d in emails if d.lower().endswith("." + domain)}
    )
    if domain and elsewhere:
        flags.append(
            Flag(
                "other-domain",
                f"The contact address is not on the employer's own domain ({domain}).",
                ", ".join(elsewhere),
            )
        )
    return flags
