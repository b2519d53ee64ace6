#!/usr/bin/env python3
"""Writes the seed corpus of fuzz_h5 (tests/fuzz/corpus/h5): small files in the
course's layout and damaged copies of them. Rerun to regenerate:

    /usr/bin/python3 tests/fuzz/make_h5_seeds.py tests/fuzz/corpus/h5

Needs numpy and h5py (Debian: python3-numpy, python3-h5py).
"""
import os
import sys

import h5py
import numpy as np


def write(path, x, y, classes=True, prefix="train"):
    with h5py.File(path, "w") as f:
        f.create_dataset(prefix + "_set_x", data=x)
        f.create_dataset(prefix + "_set_y", data=y)
        if classes:
            f.create_dataset("list_classes", data=np.array([b"non-cat", b"cat"]))


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(7)
    rgb = rng.integers(0, 256, size=(3, 4, 4, 3), dtype=np.uint8)
    write(os.path.join(out, "rgb.h5"), rgb, np.array([0, 1, 1], dtype=np.int64))
    grey = rng.integers(0, 256, size=(2, 3, 5), dtype=np.uint8)
    write(os.path.join(out, "grey.h5"), grey, np.array([[1, 0]], dtype=np.int64), classes=False, prefix="test")
    write(os.path.join(out, "badlabel.h5"), rgb, np.array([0, 2, 1], dtype=np.int64))
    write(os.path.join(out, "float.h5"), rgb.astype(np.float64), np.array([0, 1, 1], dtype=np.int64))
    write(os.path.join(out, "mismatch.h5"), rgb, np.array([0, 1], dtype=np.int64))
    with open(os.path.join(out, "rgb.h5"), "rb") as f:
        whole = f.read()
    with open(os.path.join(out, "truncated.h5"), "wb") as f:
        f.write(whole[: len(whole) // 2])
    flipped = bytearray(whole)
    for i in range(len(flipped) * 3 // 4, len(flipped), 41):  # the data, past the headers
        flipped[i] ^= 0x5A
    with open(os.path.join(out, "flipped.h5"), "wb") as f:
        f.write(bytes(flipped))


if __name__ == "__main__":
    main()
