"""A shared result in words for its reader, and its 1200×630 link-preview card (drawn
with Pillow and a bundled font)."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from careers.choices import Verdict
from careers.scoring.profile import list_titles


def shared_verdict(role: dict[str, Any]) -> str:
    """A role's verdict as the reader of a shared link reads it."""
    # Links made before distances were kept have none: the verdict alone.
    far = f": {role['distance']} away" if role.get("distance") else ""
    if role["verdict"] == Verdict.ELIGIBLE:
        return "Can apply now"
    return f"{'Close' if role['verdict'] == Verdict.CLOSE else 'Not yet'}{far}"


def shared_summary(roles: list[dict[str, Any]]) -> str:
    """One sentence about the shared roles, in the third person."""
    open_now = [r["title"] for r in roles if r["verdict"] == Verdict.ELIGIBLE]
    if open_now:
        text = f"Can apply now for {list_titles(tuple(open_now))}."
        rest = len(roles) - len(open_now)
        return text + (f" {rest} more within reach." if rest else "")
    return f"Working towards {list_titles(tuple(r['title'] for r in roles))}."


CARD_SIZE = (1200, 630)
FONTS = Path(__file__).resolve().parent / "fonts"
REGULAR = FONTS / "DejaVuSans.ttf"
BOLD = FONTS / "DejaVuSans-Bold.ttf"

BACKGROUND = "#f4f6f9"
TEXT = "#1d2330"
MUTED = "#4e5767"
PRIMARY = "#1747a6"
SECTOR_COLOURS = {"BPO": "#0f6f6a", "KPO": "#6236a8"}
VERDICT_COLOURS = {"eligible": "#146c2e", "close": "#8a5300", "not_yet": MUTED}
MARGIN = 64
ROLES_SHOWN = 4


@cache
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size)


def _fitting_prefix(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> int:
    """How many leading characters of `text` fit in `width` (by halving: a title with no
    spaces, however long, costs a few measurements)."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if draw.textlength(text[:middle], font=font) <= width:
            low = middle
        else:
            high = middle - 1
    return low


def _wrap(
    draw: ImageDraw.ImageDraw, text: str, font, width: int, max_lines: int
) -> list[str]:
    """Words into at most `max_lines` lines no wider than `width`. A word wider than a
    line (a long compound, a URL, a script written without spaces) is cut between
    characters; text left over ends the last line with "…". Every pass takes a word or at
    least one character off the text, so wrapping always ends."""
    lines: list[str] = []
    words = text.split()
    current = ""
    while words and len(lines) < max_lines:
        candidate = f"{current} {words[0]}" if current else words[0]
        if draw.textlength(candidate, font=font) <= width:
            current = candidate
            words.pop(0)
        elif current:
            lines.append(current)
            current = ""
        else:
            cut = max(_fitting_prefix(draw, words[0], font, width), 1)
            lines.append(words[0][:cut])
            words[0] = words[0][cut:]
    if current:
        lines.append(current)
    if words:
        lines[-1] = _cut(draw, lines[-1], font, width)
    return lines


def _cut(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> str:
    """As much of `text` as fits in `width` with "…" after it."""
    room = int(width - draw.textlength(" …", font=font))
    return text[: _fitting_prefix(draw, text, font, room)].rstrip() + " …"


def _fit(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> str:
    if draw.textlength(text, font=font) <= width:
        return text
    return _cut(draw, text, font, width)


def draw_card(snapshot: dict) -> bytes:
    """PNG bytes of the card: brand, summary and the top roles with their verdicts.

    One drawing from top to bottom, so that its coordinates read in order.
    """
    image = Image.new("RGB", CARD_SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    width = CARD_SIZE[0] - 2 * MARGIN

    draw.rectangle((0, 0, CARD_SIZE[0], 12), fill=PRIMARY)
    brand = _font(BOLD, 36)
    draw.text((MARGIN, 44), "Career", font=brand, fill=TEXT)
    draw.text(
        (MARGIN + draw.textlength("Career", font=brand), 44),
        "Fit",
        font=brand,
        fill=PRIMARY,
    )
    draw.text(
        (MARGIN, 96), "My BPO and KPO career fit", font=_font(BOLD, 44), fill=TEXT
    )

    summary_font = _font(REGULAR, 27)
    y = 164
    for line in _wrap(draw, snapshot["summary"], summary_font, width, max_lines=3):
        draw.text((MARGIN, y), line, font=summary_font, fill=TEXT)
        y += 38

    y += 18
    role_font = _font(BOLD, 28)
    small = _font(BOLD, 22)
    for role in snapshot["roles"][:ROLES_SHOWN]:
        sector = role["sector"]
        badge_width = draw.textlength(sector, font=small) + 24
        draw.rounded_rectangle(
            (MARGIN, y + 2, MARGIN + badge_width, y + 36),
            radius=17,
            outline=SECTOR_COLOURS[sector],
            width=3,
        )
        draw.text((MARGIN + 12, y + 5), sector, font=small, fill=SECTOR_COLOURS[sector])
        verdict = shared_verdict(role)
        verdict_width = draw.textlength(verdict, font=small)
        title_left = MARGIN + badge_width + 16
        title = _fit(
            draw, role["title"], role_font, width - badge_width - verdict_width - 48
        )
        draw.text((title_left, y), title, font=role_font, fill=TEXT)
        draw.text(
            (CARD_SIZE[0] - MARGIN - verdict_width, y + 5),
            verdict,
            font=small,
            fill=VERDICT_COLOURS[role["verdict"]],
        )
        y += 56

    footer = _font(REGULAR, 24)
    draw.text(
        (MARGIN, CARD_SIZE[1] - 64),
        "Take the five-minute quiz yourself on CareerFit",
        font=footer,
        fill=MUTED,
    )
    # 64 colours keep the anti-aliased text smooth; as a palette PNG the card is a third
    # of the size and several times faster to encode than with optimize=True (the card
    # is drawn when a link is made, on that request).
    buffer = io.BytesIO()
    image.quantize(colors=64, method=Image.Quantize.FASTOCTREE).save(
        buffer, format="PNG", compress_level=6
    )
    return buffer.getvalue()


def card_alt_text(snapshot: dict) -> str:
    roles = "; ".join(
        f"{role['title']} ({role['sector']}): {shared_verdict(role).lower()}"
        for role in snapshot["roles"][:ROLES_SHOWN]
    )
    return f"CareerFit result card. {snapshot['summary']} Roles: {roles}."
