#!/usr/bin/env python3
"""Share of pixels that differ between two screenshots of the same size (8-bit RGB or RGBA
PNGs, as the kiosk writes them), using only the standard library.
   png_diff.py A.png B.png   ->  prints the share (0..1) of pixels differing by more than 24
                                in any channel; exit 2 if a file is not such a PNG."""
import struct
import sys
import zlib


def read_png(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            if depth != 8 or colour not in (2, 6):
                raise ValueError(f"{path}: only 8-bit RGB or RGBA")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def main():
    try:
        wa, ha, ca, a = read_png(sys.argv[1])
        wb, hb, cb, b = read_png(sys.argv[2])
    except (OSError, ValueError, zlib.error) as e:
        print(e, file=sys.stderr)
        return 2
    if (wa, ha) != (wb, hb):
        print(1.0)
        return 0
    differing = 0
    for ra, rb in zip(a, b):
        for x in range(wa):
            pa, pb = ra[x * ca:x * ca + 3], rb[x * cb:x * cb + 3]
            if max(abs(pa[k] - pb[k]) for k in range(3)) > 24:
                differing += 1
    print(f"{differing / (wa * ha):.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
