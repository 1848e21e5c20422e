#!/usr/bin/env python3
"""Draws PolicyBot's Teams icons (our own simple design: a speech bubble holding a "P") as PNG files.

color.png   192x192, white bubble and "P" on the accent colour (#2B5797), opaque.
outline.png  32x32, white bubble outline and "P" on a transparent background (Teams asks for white on transparent).

Run once and commit the PNGs: python3 make-icons.py
"""
import struct
import zlib

ACCENT = (0x2B, 0x57, 0x97, 0xFF)
WHITE = (0xFF, 0xFF, 0xFF, 0xFF)
CLEAR = (0, 0, 0, 0)


def png(path, pixels):
    height, width = len(pixels), len(pixels[0])
    raw = b"".join(b"\x00" + bytes(c for px in row for c in px) for row in pixels)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        f.write(chunk(b"IEND", b""))


def draw(size, background, ink, stroke):
    """A bubble (rounded rectangle outline with a tail) and a block "P", scaled to size."""
    s = size / 32.0
    img = [[background for _ in range(size)] for _ in range(size)]

    def fill(x0, y0, x1, y1):
        for y in range(max(0, int(y0 * s)), min(size, int(y1 * s))):
            for x in range(max(0, int(x0 * s)), min(size, int(x1 * s))):
                img[y][x] = ink

    # bubble: outline 3..29 x 3..23, stroke wide, then a tail at the bottom left
    w = stroke
    fill(4, 3, 28, 3 + w)
    fill(4, 23 - w, 28, 23)
    fill(3, 4, 3 + w, 22)
    fill(29 - w, 4, 29, 22)
    for i in range(6):
        fill(8 + i * 0.5, 23 + i * 0.8, 10 + i * 0.1, 23.8 + i * 0.8)
    # "P": stem and bowl
    fill(12, 7, 14.5, 19)
    fill(12, 7, 19, 9.5)
    fill(12, 12, 19, 14.5)
    fill(17.5, 7, 20, 14.5)
    return img


png("color.png", draw(192, ACCENT, WHITE, 1.5))
png("outline.png", draw(32, CLEAR, WHITE, 1.5))
