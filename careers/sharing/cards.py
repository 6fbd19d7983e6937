"""A shared result's 1200×630 link-preview card, drawn with Pillow and the bundled Noto
fonts in the language the link was made in."""

from __future__ import annotations

import io
import unicodedata
from functools import cache
from pathlib import Path

from django.utils.translation import get_language, gettext
from PIL import Image, ImageColor, ImageDraw, ImageFont

from careers.assessments.wording import say, shared_market, shared_verdict

CARD_SIZE = (1200, 630)
FONTS = Path(__file__).resolve().parent / "fonts"

BACKGROUND = "#f4f6f9"
TEXT = "#1d2330"
MUTED = "#4e5767"
PRIMARY = "#1747a6"
SECTOR_COLOURS = {"BPO": "#0f6f6a", "KPO": "#6236a8"}
VERDICT_COLOURS = {"eligible": "#146c2e", "close": "#8a5300", "not_yet": MUTED}
MARGIN = 64
NOT_A_CHARACTER = "\U0010ffff"  # in no font: drawn as a font's .notdef
ROLES_SHOWN = 4


class Face:
    """One size and weight in two fonts: Noto Sans Devanagari has no Latin letters and
    Noto Sans no Devanagari, and Pillow cannot fall back from one to the other, so text
    is drawn in runs of one script each, on a common baseline."""

    def __init__(self, size: int, bold: bool = False) -> None:
        weight = "Bold" if bold else "Regular"
        self.latin = _font(FONTS / f"NotoSans-{weight}.ttf", size)
        self.devanagari = _font(FONTS / f"NotoSansDevanagari-{weight}.ttf", size)
        self.ascent = self.latin.getmetrics()[0]

    def runs(self, text: str) -> list[tuple[str, ImageFont.FreeTypeFont]]:
        runs: list[tuple[str, ImageFont.FreeTypeFont]] = []
        for char in text:
            if _is_devanagari(char):
                font = self.devanagari
            elif char.isalpha():
                font = self.latin
            else:
                # Spaces, digits, punctuation and marks stay in the run they are in,
                # unless its font lacks them and the other has them ("·" after Hindi).
                font = runs[-1][1] if runs else self.latin
                other = self.latin if font is self.devanagari else self.devanagari
                if not _has_glyph(font.path, char) and _has_glyph(other.path, char):
                    font = other
            if runs and font is runs[-1][1]:
                runs[-1] = (runs[-1][0] + char, font)
            else:
                runs.append((char, font))
        return runs

    def length(self, draw: ImageDraw.ImageDraw, text: str) -> float:
        return sum(draw.textlength(run, font=font) for run, font in self.runs(text))

    def draw(self, draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, fill):
        x, baseline = xy[0], xy[1] + self.ascent
        for run, font in self.runs(text):
            draw.text((x, baseline), run, font=font, fill=fill, anchor="ls")
            x += draw.textlength(run, font=font)


@cache
def _has_glyph(path: str, char: str) -> bool:
    """Whether the font at `path` has `char`: Pillow lists no font's characters, and
    draws one a font lacks as that font's .notdef box."""
    font = _font(Path(path), 20)
    return _drawn(font, char) != _drawn(font, NOT_A_CHARACTER)


def _drawn(font: ImageFont.FreeTypeFont, char: str) -> tuple:
    mask = font.getmask(char)
    return mask.size, bytes(mask)


def _is_devanagari(char: str) -> bool:
    return "\u0900" <= char <= "\u097f" or "\ua8e0" <= char <= "\ua8ff"


def _mark(char: str) -> bool:
    return unicodedata.category(char).startswith("M")


def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size)


def _face(size: int, bold: bool = False) -> Face:
    return Face(size, bold)


def _fitting_prefix(
    draw: ImageDraw.ImageDraw, text: str, face: Face, width: int
) -> int:
    """How many leading characters of `text` fit in `width` (by halving: a title with no
    spaces, however long, costs a few measurements), never splitting a letter from its
    vowel sign or a virama from what follows it."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if face.length(draw, text[:middle]) <= width:
            low = middle
        else:
            high = middle - 1
    while 1 < low < len(text) and (_mark(text[low]) or text[low - 1] == "\u094d"):
        low -= 1
    return low


def _wrap(
    draw: ImageDraw.ImageDraw, text: str, face: Face, width: int, max_lines: int
) -> list[str]:
    """Words into at most `max_lines` lines no wider than `width`. A word wider than a
    line (a long compound, a URL, a script written without spaces) is cut between
    characters; text left over ends the last line with "…". Every pass takes a word or at
    least one character off the text, so wrapping always ends."""
    lines: list[str] = []
    words = text.split()
    current, used = "", 0.0
    space = face.length(draw, " ")
    # Each word is measured once and a line's width summed from them (measuring every
    # longer candidate line was a third of drawing a card).
    while words and len(lines) < max_lines:
        word = face.length(draw, words[0])
        wider = used + space + word if current else word
        if wider <= width:
            current = f"{current} {words[0]}" if current else words[0]
            used = wider
            words.pop(0)
        elif current:
            lines.append(current)
            current, used = "", 0.0
        else:
            cut = max(_fitting_prefix(draw, words[0], face, width), 1)
            lines.append(words[0][:cut])
            words[0] = words[0][cut:]
    if current:
        lines.append(current)
    if words:
        lines[-1] = _cut(draw, lines[-1], face, width)
    return lines


def _cut(draw: ImageDraw.ImageDraw, text: str, face: Face, width: int) -> str:
    """As much of `text` as fits in `width` with "…" after it."""
    room = int(width - face.length(draw, " …"))
    return text[: _fitting_prefix(draw, text, face, room)].rstrip() + " …"


def _fit(draw: ImageDraw.ImageDraw, text: str, face: Face, width: int) -> str:
    if face.length(draw, text) <= width:
        return text
    return _cut(draw, text, face, width)


# Drawn once per language and process: four of a card's fifteen texts, about a fifth of
# the CPU of drawing one (README, "Performance"). Kept: 7 ms of a journey's 106-122 ms
# of server CPU (`make bench`), over the 5% a process-level memo must save.
@cache
def _frame(language: str) -> Image.Image:
    """What every card in `language` shows: the bar, brand, title and footer."""
    image = Image.new("RGB", CARD_SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    width = CARD_SIZE[0] - 2 * MARGIN
    draw.rectangle((0, 0, CARD_SIZE[0], 12), fill=PRIMARY)
    brand = _face(36, bold=True)
    brand.draw(draw, (MARGIN, 44), "Career", TEXT)
    brand.draw(draw, (MARGIN + brand.length(draw, "Career"), 44), "Fit", PRIMARY)
    title = _fit(draw, gettext("My BPO and KPO career fit"), _face(44, True), width)
    _face(44, bold=True).draw(draw, (MARGIN, 96), title, TEXT)
    footer = _fit(
        draw,
        gettext("Take the five-minute quiz yourself on CareerFit"),
        _face(24),
        width,
    )
    _face(24).draw(draw, (MARGIN, CARD_SIZE[1] - 64), footer, MUTED)
    return image


def _draw_market(draw: ImageDraw.ImageDraw, market: str) -> None:
    """Whose market the result is for, beside the brand on its right."""
    if market:
        face = _face(24)
        market = _fit(draw, market, face, (CARD_SIZE[0] - 2 * MARGIN) // 2)
        x = CARD_SIZE[0] - MARGIN - face.length(draw, market)
        face.draw(draw, (x, 52), market, MUTED)


def draw_card(snapshot: dict) -> bytes:
    """PNG bytes of the card: brand, summary and the top roles with their verdicts, in
    the active language.

    One drawing from top to bottom, so that its coordinates read in order.
    """
    image = _frame(get_language()).copy()
    draw = ImageDraw.Draw(image)
    width = CARD_SIZE[0] - 2 * MARGIN
    _draw_market(draw, shared_market(snapshot))

    summary_face = _face(27)
    y = 164
    for line in _wrap(draw, say(snapshot["summary"]), summary_face, width, max_lines=3):
        summary_face.draw(draw, (MARGIN, y), line, TEXT)
        y += 38

    y += 18
    role_face = _face(28, bold=True)
    small = _face(22, bold=True)
    for role in snapshot["roles"][:ROLES_SHOWN]:
        sector = role["sector"]
        badge_width = small.length(draw, sector) + 24
        draw.rounded_rectangle(
            (MARGIN, y + 2, MARGIN + badge_width, y + 36),
            radius=17,
            outline=SECTOR_COLOURS[sector],
            width=3,
        )
        small.draw(draw, (MARGIN + 12, y + 5), sector, SECTOR_COLOURS[sector])
        verdict = shared_verdict(role)
        verdict_width = small.length(draw, verdict)
        title_left = MARGIN + badge_width + 16
        title = _fit(
            draw,
            say(role["title"]),
            role_face,
            width - badge_width - verdict_width - 48,
        )
        role_face.draw(draw, (title_left, y), title, TEXT)
        small.draw(
            draw,
            (CARD_SIZE[0] - MARGIN - verdict_width, y + 5),
            verdict,
            VERDICT_COLOURS[role["verdict"]],
        )
        y += 56

    # As a palette PNG the card is a third of the size and several times faster to
    # encode than with optimize=True (the card is drawn when a link is made, on that
    # request). The palette is known: each ink's anti-aliasing steps over the background.
    # Mapped onto it, the card is closer to the drawing, a sixth smaller and drawn in
    # two thirds of the time than with 64 colours chosen by Pillow for each card.
    buffer = io.BytesIO()
    image.quantize(palette=_palette(), dither=Image.Dither.NONE).save(
        buffer, format="PNG", compress_level=6
    )
    return buffer.getvalue()


def _palette() -> Image.Image:
    """The background and nine blends of it into each ink: 64 colours."""
    background = ImageColor.getrgb(BACKGROUND)
    inks = sorted({TEXT, MUTED, PRIMARY, *SECTOR_COLOURS.values()})
    inks += sorted(set(VERDICT_COLOURS.values()) - set(inks))
    rgb = list(background)
    for ink in map(ImageColor.getrgb, inks):
        for step in range(1, 10):
            rgb += [
                round(b + (i - b) * step / 9)
                for b, i in zip(background, ink, strict=True)
            ]
    palette = Image.new("P", (1, 1))
    palette.putpalette(rgb)
    return palette


def card_alt_text(snapshot: dict) -> str:
    roles = "; ".join(
        f"{say(role['title'])} ({role['sector']}): {shared_verdict(role).lower()}"
        for role in snapshot["roles"][:ROLES_SHOWN]
    )
    text = gettext("CareerFit result card. %(summary)s Roles: %(roles)s.") % {
        "summary": say(snapshot["summary"]),
        "roles": roles,
    }
    market = shared_market(snapshot)
    return f"{text} {market}." if market else text
