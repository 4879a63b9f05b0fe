"""A signature drawn on screen: the strokes as the pad recorded them, kept as a small PNG that
carries the strokes themselves.

The PNG is what a person, a viewer or a printed page can show; the strokes (JSON in the PNG's
``iTXt`` chunk) are what was drawn, point by point, and can be drawn again at any size. One
file holds both, so it is an ordinary attachment of purpose ``signature`` (a PNG passes the
attachment check by its first bytes) and travels, syncs and is audited like a scanned page.
Pure: no Qt, no database; the pad gives integer points in its own coordinates.
"""

from __future__ import annotations

import itertools
import json
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from sst_desktop.errors import ValidationError, error_code

FORMAT = "sst-signature/1"
KEYWORD = b"sst-signature-strokes"
IMAGE_WIDTH, IMAGE_HEIGHT = 600, 200
MARGIN = 8
INK_RADIUS = 2  # pixels of the image either side of the line: about 1 mm on a printed block
INK, PAPER = 24, 255
MAX_POINTS = 20_000  # a long signature is a few hundred; this only keeps a runaway pad out
MIN_LENGTH = 40  # pad units: a dot or a tap is not a signature

EMPTY = error_code("signature.empty", "Nothing was signed: draw the signature on the pad.")
TOO_LARGE = error_code(
    "signature.too_large", "The signature has too many points; clear the pad and sign again."
)

Point = tuple[int, int]


@dataclass(frozen=True)
class SignatureStrokes:
    """``strokes``: each a pen-down-to-pen-up run of points on a ``width`` x ``height`` pad."""

    width: int
    height: int
    strokes: tuple[tuple[Point, ...], ...]

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "width": self.width,
                "height": self.height,
                "strokes": [[list(p) for p in stroke] for stroke in self.strokes],
            },
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> SignatureStrokes:
        data = json.loads(text)
        if data.get("format") != FORMAT:
            raise ValueError(f"not a signature of format {FORMAT}")
        strokes = tuple(tuple((int(x), int(y)) for x, y in stroke) for stroke in data["strokes"])
        return cls(int(data["width"]), int(data["height"]), strokes)

    def length(self) -> float:
        """How far the pen travelled, in pad units."""
        pairs = (pair for stroke in self.strokes for pair in itertools.pairwise(stroke))
        return sum(_distance(a, b) for a, b in pairs)


def check_strokes(signature: SignatureStrokes | None) -> SignatureStrokes:
    if signature is None or signature.width <= 0 or signature.height <= 0:
        raise ValidationError(EMPTY)
    if sum(len(s) for s in signature.strokes) > MAX_POINTS:
        raise ValidationError(TOO_LARGE)
    if signature.length() < MIN_LENGTH:
        raise ValidationError(EMPTY)
    return signature


def signature_png(signature: SignatureStrokes) -> bytes:
    """A grey-scale PNG of the strokes fitted to ``IMAGE_WIDTH`` x ``IMAGE_HEIGHT``, with the
    strokes' JSON in an ``iTXt`` chunk."""
    pixels = bytearray([PAPER]) * (IMAGE_WIDTH * IMAGE_HEIGHT)
    scale = min(
        (IMAGE_WIDTH - 2 * MARGIN) / signature.width,
        (IMAGE_HEIGHT - 2 * MARGIN) / signature.height,
    )
    left = (IMAGE_WIDTH - signature.width * scale) / 2
    top = (IMAGE_HEIGHT - signature.height * scale) / 2
    disc = _disc(INK_RADIUS)
    for stroke in filter(None, signature.strokes):
        placed = [(left + x * scale, top + y * scale) for x, y in stroke]
        pairs = itertools.pairwise(placed) if len(placed) > 1 else [(placed[0], placed[0])]
        for a, b in pairs:
            _ink_segment(pixels, a, b, disc)
    rows = b"".join(
        b"\x00" + bytes(pixels[y * IMAGE_WIDTH : (y + 1) * IMAGE_WIDTH])
        for y in range(IMAGE_HEIGHT)
    )
    header = struct.pack(">IIBBBBB", IMAGE_WIDTH, IMAGE_HEIGHT, 8, 0, 0, 0, 0)
    text = KEYWORD + b"\x00\x00\x00\x00\x00" + signature.to_json().encode("utf-8")
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            _chunk(b"IHDR", header),
            _chunk(b"iTXt", text),
            _chunk(b"IDAT", zlib.compress(rows, 9)),
            _chunk(b"IEND", b""),
        )
    )


def strokes_from_png(data: bytes) -> SignatureStrokes | None:
    """The strokes kept in a signature PNG, or None when it holds none."""
    offset = 8
    while offset + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[offset : offset + 8])
        body = data[offset + 8 : offset + 8 + size]
        if kind == b"iTXt" and body.startswith(KEYWORD + b"\x00"):
            # keyword, NUL, compression flag and method, language tag NUL, keyword tag NUL
            text = body[len(KEYWORD) + 5 :]
            return SignatureStrokes.from_json(text.decode("utf-8"))
        offset += 12 + size
    return None


def _chunk(kind: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(kind + body) & 0xFFFFFFFF
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def _distance(a: Point, b: Point) -> float:
    return float(((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5)


def _disc(radius: int) -> list[tuple[int, int]]:
    return [
        (dx, dy)
        for dx in range(-radius, radius + 1)
        for dy in range(-radius, radius + 1)
        if dx * dx + dy * dy <= radius * radius + radius
    ]


def _ink_segment(
    pixels: bytearray,
    a: tuple[float, float],
    b: tuple[float, float],
    disc: Sequence[tuple[int, int]],
) -> None:
    """Stamp the pen's disc every pixel along ``a``-``b``."""
    steps = max(1, int(max(abs(b[0] - a[0]), abs(b[1] - a[1]))))
    for step in range(steps + 1):
        x = round(a[0] + (b[0] - a[0]) * step / steps)
        y = round(a[1] + (b[1] - a[1]) * step / steps)
        for dx, dy in disc:
            px, py = x + dx, y + dy
            if 0 <= px < IMAGE_WIDTH and 0 <= py < IMAGE_HEIGHT:
                pixels[py * IMAGE_WIDTH + px] = INK
