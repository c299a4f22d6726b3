#!/usr/bin/env python3
# Draws PayTriage's application icon (resources/icons/paytriage-<size>.png) with the standard
# library only: a blue rounded square with a white pulse line and an amber dot (a finding).
# Run again after changing the drawing: python3 scripts/make-icon.py
import math, os, struct, zlib

BLUE, WHITE, AMBER = (0x31, 0x82, 0xF6), (0xFF, 0xFF, 0xFF), (0xF5, 0xA6, 0x23)
PULSE = [(0.14, 0.58), (0.36, 0.58), (0.46, 0.30), (0.58, 0.78), (0.68, 0.50), (0.86, 0.50)]

def seg_dist(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)

def coverage(x, y):
    """Colour at a point of the unit square, or None outside the rounded square."""
    r = 0.2
    cx, cy = min(max(x, r), 1 - r), min(max(y, r), 1 - r)
    if math.hypot(x - cx, y - cy) > r or not (0 <= x <= 1 and 0 <= y <= 1):
        return None
    if math.hypot(x - 0.78, y - 0.26) < 0.09:
        return AMBER
    if min(seg_dist(x, y, *PULSE[i], *PULSE[i + 1]) for i in range(len(PULSE) - 1)) < 0.045:
        return WHITE
    return BLUE

def render(size, samples=4):
    rows = []
    for j in range(size):
        row = bytearray([0])
        for i in range(size):
            acc, n = [0, 0, 0], 0
            for sj in range(samples):
                for si in range(samples):
                    c = coverage((i + (si + 0.5) / samples) / size, (j + (sj + 0.5) / samples) / size)
                    if c:
                        n += 1
                        for k in range(3):
                            acc[k] += c[k]
            row += bytes([a // n for a in acc] if n else [0, 0, 0]) + bytes([255 * n // (samples * samples)])
        rows.append(bytes(row))
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(b''.join(rows), 9)) + chunk(b'IEND', b''))

out = os.path.join(os.path.dirname(__file__), '..', 'resources', 'icons')
for size in (16, 32, 48, 128, 256):
    with open(os.path.join(out, 'paytriage-%d.png' % size), 'wb') as f:
        f.write(render(size))
