"""The 1200×630 link-preview card of a shared result, drawn with Pillow and a bundled font."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from careers.choices import Verdict

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


def _wrap(
    draw: ImageDraw.ImageDraw, text: str, font, width: int, max_lines: int
) -> list[str]:
    """Words into lines no wider than `width`; the last line ends with … if cut."""
    lines: list[str] = []
    current = ""
    words = text.split()
    for index, word in enumerate(words):
        candidate = f"{current} {word}".strip()
        if draw.textlength(candidate, font=font) <= width:
            current = candidate
            continue
        lines.append(current)
        current = word
        if len(lines) == max_lines:
            remaining = " ".join(words[index:])
            current = ""
            last = lines[-1]
            while remaining and draw.textlength(last + " …", font=font) > width:
                last = last.rsplit(" ", 1)[0]
            lines[-1] = last + " …"
            break
    if current:
        lines.append(current)
    return lines[:max_lines]


def _fit(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> str:
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text.rstrip() + "…"


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
        verdict = Verdict(role["verdict"]).label
        if "score" in role:
            verdict += f" · fit {role['score']}%"
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
        f"{role['title']} ({role['sector']}): {Verdict(role['verdict']).label.lower()}"
        for role in snapshot["roles"][:ROLES_SHOWN]
    )
    return f"CareerFit result card. {snapshot['summary']} Top roles: {roles}."
