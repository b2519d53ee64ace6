#!/usr/bin/python3
"""Writes a synthetic stand-in for the course's cat files into DIR:
train_catvnoncat.h5 (209 random uint8 pictures 64x64x3) and
test_catvnoncat.h5 (50), labels 0/1, list_classes -- the course's shapes and
layout, for timing only (the numbers it trains to mean nothing).

    /usr/bin/python3 bench/make_cat.py DIR      (needs numpy and h5py)
"""
import os
import sys

import h5py
import numpy as np


def write(path, prefix, m, rng):
    with h5py.File(path, "w") as f:
        f.create_dataset(prefix + "_set_x", data=rng.randint(0, 256, size=(m, 64, 64, 3)).astype(np.uint8))
        f.create_dataset(prefix + "_set_y", data=(rng.rand(m) < 0.35).astype(np.int64))
        f.create_dataset("list_classes", data=np.array([b"non-cat", b"cat"]))


rng = np.random.RandomState(0)
write(os.path.join(sys.argv[1], "train_catvnoncat.h5"), "train", 209, rng)
write(os.path.join(sys.argv[1], "test_catvnoncat.h5"), "test", 50, rng)
