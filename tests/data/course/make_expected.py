#!/usr/bin/python3
"""Writes the course-shaped fixture of tests/data/course and what the course's
notebooks print on it, computed with numpy the way the notebooks compute it.

    /usr/bin/python3 tests/data/course/make_expected.py   (needs numpy, h5py)
    /usr/bin/python3 tests/data/course/make_expected.py print PRESET DIR ITERATIONS
        prints, instead, what PRESET's loop prints on the course files in DIR
        when run for ITERATIONS (cli/course_fullsize, at the course's sizes)

Fixture: train_catvnoncat.h5 (40 pictures) and test_catvnoncat.h5 (12), 8x8x3,
uint8, labels int64 0/1, list_classes [b'non-cat', b'cat'] -- the layout of the
course's files at a size a unit test can train in a moment.

Expected output, one file per preset (<preset>.expected):
  w2-logreg     week 2: logistic regression, w = 0, b = 0, lr 0.005, 2000
                iterations, the cost every 100; then the notebook's
                "train accuracy: {} %" and "test accuracy: {} %".
  w4-two-layer  week 4: n_x-7-1, ReLU then sigmoid, seed(1), W = randn * 0.01,
                lr 0.0075, 2500 iterations, the cost every 100 and at the last
                iteration; then predict()'s "Accuracy: {}" on train and on test.
  w4-deep       week 4: [n_x, 20, 7, 5, 1], seed(1), W = randn / sqrt(n[l-1]),
                otherwise as w4-two-layer.
Cost lines are "Cost after iteration %i: %f".
week2() and deep() return the trained parameters, so tests can also ask what
the trained network says of one picture (tests/unit/cli/predict_expected.py).
"""
import os
import sys

import h5py
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
SIDE = 8


def pictures(rng, m):
    """m pictures (m, SIDE, SIDE, 3) and labels: a cat is a warm square."""
    x = rng.randint(0, 256, size=(m, SIDE, SIDE, 3)).astype(np.float64) * 0.5 + 40
    y = (rng.rand(m) < 0.4).astype(np.int64)
    for i in range(m):
        r, c = rng.randint(0, SIDE - 3, size=2)
        if y[i]:
            x[i, r:r + 4, c:c + 4, :] = [220, 140, 60]
        else:
            x[i, r:r + 3, c:c + 3, :] = rng.randint(0, 256, size=3)
    x += rng.randn(*x.shape) * 12
    return np.clip(x, 0, 255).astype(np.uint8), y


def write(name, prefix, x, y):
    with h5py.File(os.path.join(HERE, name), "w") as f:
        f.create_dataset(prefix + "_set_x", data=x)
        f.create_dataset(prefix + "_set_y", data=y)
        f.create_dataset("list_classes", data=np.array([b"non-cat", b"cat"]))


def load(name, prefix, where=HERE):
    with h5py.File(os.path.join(where, name), "r") as f:
        x = np.array(f[prefix + "_set_x"][:])
        y = np.array(f[prefix + "_set_y"][:]).reshape((1, -1))
    return x.reshape(x.shape[0], -1).T / 255, y


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def cost_of(a, y):
    m = y.shape[1]
    return np.squeeze(-1 / m * np.sum(y * np.log(a) + (1 - y) * np.log(1 - a)))


def week2(X, Y, Xt, Yt, out, n_it=2000):
    w = np.zeros((X.shape[0], 1))
    b = 0.0
    m = X.shape[1]
    for i in range(n_it):
        a = sigmoid(np.dot(w.T, X) + b)
        cost = cost_of(a, Y)
        dw = 1 / m * np.dot(X, (a - Y).T)
        db = 1 / m * np.sum(a - Y)
        w = w - 0.005 * dw
        b = b - 0.005 * db
        if i % 100 == 0:
            out.append("Cost after iteration %i: %f" % (i, cost))
    for name, x, y in (("train", X, Y), ("test", Xt, Yt)):
        p = (sigmoid(np.dot(w.T, x) + b) > 0.5).astype(np.float64)
        out.append("{} accuracy: {} %".format(name, 100 - np.mean(np.abs(p - y)) * 100))
    return w, b


def forward(params, X, L):
    a, caches = X, []
    for l in range(1, L + 1):
        z = np.dot(params["W%d" % l], a) + params["b%d" % l]
        caches.append((a, z))
        a = sigmoid(z) if l == L else np.maximum(0, z)
    return a, caches


def deep(X, Y, Xt, Yt, dims, scale, out, n_it=2500):
    np.random.seed(1)
    L = len(dims) - 1
    params = {}
    for l in range(1, L + 1):
        w = np.random.randn(dims[l], dims[l - 1])
        params["W%d" % l] = w * 0.01 if scale == "0.01" else w / np.sqrt(dims[l - 1])
        params["b%d" % l] = np.zeros((dims[l], 1))
    m = X.shape[1]
    for i in range(n_it):
        al, caches = forward(params, X, L)
        cost = cost_of(al, Y)
        da = -(np.divide(Y, al) - np.divide(1 - Y, 1 - al))
        grads = {}
        for l in range(L, 0, -1):
            a_prev, z = caches[l - 1]
            if l == L:
                s = 1 / (1 + np.exp(-z))
                dz = da * s * (1 - s)
            else:
                dz = np.array(da, copy=True)
                dz[z <= 0] = 0
            grads["dW%d" % l] = 1 / m * np.dot(dz, a_prev.T)
            grads["db%d" % l] = 1 / m * np.sum(dz, axis=1, keepdims=True)
            da = np.dot(params["W%d" % l].T, dz)
        for l in range(1, L + 1):
            params["W%d" % l] = params["W%d" % l] - 0.0075 * grads["dW%d" % l]
            params["b%d" % l] = params["b%d" % l] - 0.0075 * grads["db%d" % l]
        if i % 100 == 0 or i == n_it - 1:
            out.append("Cost after iteration %i: %f" % (i, cost))
    for x, y in ((X, Y), (Xt, Yt)):
        probas, _ = forward(params, x, L)
        p = np.zeros((1, x.shape[1]))
        p[probas > 0.5] = 1
        out.append("Accuracy: " + str(np.sum((p == y) / x.shape[1])))
    return params


def runs_on(X, Y, Xt, Yt, n_it):
    """The presets' loops on these data, n_it iterations (None: the preset's)."""
    n_x = X.shape[0]
    its = {} if n_it is None else {"n_it": n_it}
    return {
        "w2-logreg": lambda out: week2(X, Y, Xt, Yt, out, **its),
        "w4-two-layer": lambda out: deep(X, Y, Xt, Yt, [n_x, 7, 1], "0.01", out, **its),
        "w4-deep": lambda out: deep(X, Y, Xt, Yt, [n_x, 20, 7, 5, 1], "sqrt", out, **its),
    }


def print_expected(preset, where, n_it):
    """What the notebook prints for PRESET on the course files in WHERE."""
    X, Y = load("train_catvnoncat.h5", "train", where)
    Xt, Yt = load("test_catvnoncat.h5", "test", where)
    out = []
    runs_on(X, Y, Xt, Yt, n_it)[preset](out)
    print("\n".join(out))


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "print":
        print_expected(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return
    rng = np.random.RandomState(7)
    x, y = pictures(rng, 40)
    write("train_catvnoncat.h5", "train", x, y)
    x, y = pictures(rng, 12)
    write("test_catvnoncat.h5", "test", x, y)
    X, Y = load("train_catvnoncat.h5", "train")
    Xt, Yt = load("test_catvnoncat.h5", "test")
    for name, run in runs_on(X, Y, Xt, Yt, None).items():
        out = []
        run(out)
        with open(os.path.join(HERE, name + ".expected"), "w") as f:
            f.write("\n".join(out) + "\n")
        print(name, out[0], out[-3:], sep="\n  ")


if __name__ == "__main__":
    main()
