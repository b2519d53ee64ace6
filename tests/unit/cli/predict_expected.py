#!/usr/bin/python3
"""Writes the pictures of tests/unit/cli/test_predict.sh and what numpy says
`dnn-tutor predict` must print for each, on the course-shaped fixture of
tests/data/course (8x8x3 pictures):

    /usr/bin/python3 predict_expected.py OUTDIR   (needs numpy, h5py)

Pictures (PNG, written here with zlib):
  wide.png   8 rows x 12 columns: its centre 8x8 (columns 2..9) is the input
  big.png    16 x 24: the centre 16x16, then each 2x2 box averaged,
             rounded half up ((sum + 2) // 4)
  flat.png   8 x 8 of one colour (100, 120, 140)
Grey: grey/train_grey.h5 and grey/test_grey.h5, the fixture's pictures with
their first channel only (8x8x1); "grey flat.png P" is what week 2's model
trained on them says of flat.png made grey ((R + G + B) / 3 per pixel).
Output lines "PRESET PICTURE PROBABILITY", the probability of label 1 that the
notebook's trained model gives the input, to six decimals, for w2-logreg and
w4-deep (the trained parameters come from make_expected.py's loops).
"""
import os
import struct
import sys
import zlib

import h5py
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../data/course"))
import make_expected as mx  # noqa: E402


def write_png(path, rgb):
    h, w, _ = rgb.shape
    raw = b"".join(b"\0" + rgb[r].astype(np.uint8).tobytes() for r in range(h))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw)))
        f.write(chunk(b"IEND", b""))


def main():
    out = sys.argv[1]
    rng = np.random.RandomState(3)
    wide = rng.randint(0, 256, size=(8, 12, 3))
    wide[2:6, 4:8] = [220, 140, 60]  # a warm square: the fixture's "cat"
    big = rng.randint(0, 256, size=(16, 24, 3))
    flat = np.zeros((8, 8, 3), dtype=np.int64) + [100, 120, 140]
    write_png(os.path.join(out, "wide.png"), wide)
    write_png(os.path.join(out, "big.png"), big)
    write_png(os.path.join(out, "flat.png"), flat)
    centre = big[:, 4:20]
    small = (centre.reshape(8, 2, 8, 2, 3).sum(axis=(1, 3)) + 2) // 4
    inputs = {"wide.png": wide[:, 2:10], "big.png": small, "flat.png": flat}

    X, Y = mx.load("train_catvnoncat.h5", "train")
    Xt, Yt = mx.load("test_catvnoncat.h5", "test")
    w, b = mx.week2(X, Y, Xt, Yt, [])
    params = mx.deep(X, Y, Xt, Yt, [X.shape[0], 20, 7, 5, 1], "sqrt", [])
    for name, pixels in inputs.items():
        x = pixels.reshape(-1, 1) / 255
        print("w2-logreg %s %f" % (name, mx.sigmoid(np.dot(w.T, x) + b)[0, 0]))
        a, _ = mx.forward(params, x, 4)
        print("w4-deep %s %f" % (name, a[0, 0]))

    os.makedirs(os.path.join(out, "grey"), exist_ok=True)
    grey = {}
    for prefix in ("train", "test"):
        with h5py.File(os.path.join(mx.HERE, prefix + "_catvnoncat.h5"), "r") as f:
            x = np.array(f[prefix + "_set_x"][:])[..., :1]
            y = np.array(f[prefix + "_set_y"][:])
        with h5py.File(os.path.join(out, "grey", prefix + "_grey.h5"), "w") as f:
            f.create_dataset(prefix + "_set_x", data=x)
            f.create_dataset(prefix + "_set_y", data=y)
        grey[prefix] = (x.reshape(x.shape[0], -1).T / 255, y.reshape(1, -1))
    w, b = mx.week2(*grey["train"], *grey["test"], [])
    x = (flat.sum(axis=2) / 3 / 255).reshape(-1, 1)
    print("grey flat.png %f" % mx.sigmoid(np.dot(w.T, x) + b)[0, 0])


if __name__ == "__main__":
    main()
