#!/usr/bin/env python3
"""The course's training loop written with numpy, timed, as the reference the
C trainer is compared with (bench/run.sh runs both in the same session).

    python3 bench/numpy_reference.py planar ITERATIONS
    python3 bench/numpy_reference.py digits ITERATIONS DATADIR
    python3 bench/numpy_reference.py cat ITERATIONS COURSEDIR       [12288, 20, 7, 5, 1]
    python3 bench/numpy_reference.py cat-logreg ITERATIONS COURSEDIR  week 2, 12288 -> 1

COURSEDIR holds train_catvnoncat.h5 (read with h5py, X = x.reshape(m, -1).T / 255).

Prints one line: "<name> <iterations> <seconds> <iterations per second> <final cost>".
The loop is the plain vectorised numpy a learner writes in the notebooks:
forward, cost every iteration, backward, update.
"""
import sys
import time

import numpy as np


def planar():
    np.random.seed(1)
    m, n, a = 400, 200, 4
    X = np.zeros((m, 2))
    Y = np.zeros((m, 1), dtype="uint8")
    for j in range(2):
        ix = range(n * j, n * (j + 1))
        t = np.linspace(j * 3.12, (j + 1) * 3.12, n) + np.random.randn(n) * 0.2
        r = a * np.sin(4 * t) + np.random.randn(n) * 0.2
        X[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
        Y[ix] = j
    return X.T, Y.T.astype(float)


def digits(datadir):
    raw = np.loadtxt(datadir + "/digits.csv", delimiter=",", skiprows=1)
    X = (raw[:, :-1] / 16.0).T
    Y = (raw[:, -1] == 3).astype(float).reshape(1, -1)
    return X, Y


def cat(coursedir):
    import h5py
    with h5py.File(coursedir + "/train_catvnoncat.h5", "r") as f:
        x = np.array(f["train_set_x"][:])
        y = np.array(f["train_set_y"][:])
    return x.reshape(x.shape[0], -1).T / 255, y.reshape(1, -1).astype(float)


def logreg(X, Y, lr, iterations):
    """Week 2's optimize(): w and b from zeros, the cost every iteration."""
    w = np.zeros((X.shape[0], 1))
    b = 0.0
    m = X.shape[1]
    cost = None
    for _ in range(iterations):
        A = 1 / (1 + np.exp(-(np.dot(w.T, X) + b)))
        cost = -1 / m * np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))
        dw = 1 / m * np.dot(X, (A - Y).T)
        db = 1 / m * np.sum(A - Y)
        w = w - lr * dw
        b = b - lr * db
    return cost


def init(dims, seed, scale_by_fan_in):
    np.random.seed(seed)
    params = {}
    for l in range(1, len(dims)):
        W = np.random.randn(dims[l], dims[l - 1])
        params["W%d" % l] = W / np.sqrt(dims[l - 1]) if scale_by_fan_in else W * 0.01
        params["b%d" % l] = np.zeros((dims[l], 1))
    return params


def train(X, Y, dims, hidden, lr, iterations, params):
    L = len(dims) - 1
    m = X.shape[1]
    cost = None
    for _ in range(iterations):
        cache = {"A0": X}
        A = X
        for l in range(1, L + 1):
            Z = params["W%d" % l] @ A + params["b%d" % l]
            if l == L:
                A = 1 / (1 + np.exp(-Z))
            elif hidden == "tanh":
                A = np.tanh(Z)
            else:
                A = np.maximum(0, Z)
            cache["Z%d" % l], cache["A%d" % l] = Z, A
        logprobs = np.multiply(np.log(A), Y) + np.multiply(np.log(1 - A), 1 - Y)
        cost = -np.sum(logprobs) / m
        dZ = A - Y
        for l in range(L, 0, -1):
            A_prev = cache["A%d" % (l - 1)]
            dW = (1 / m) * dZ @ A_prev.T
            db = (1 / m) * np.sum(dZ, axis=1, keepdims=True)
            if l > 1:
                dA = params["W%d" % l].T @ dZ
                if hidden == "tanh":
                    dZ = dA * (1 - np.power(cache["A%d" % (l - 1)], 2))
                else:
                    dZ = dA * (cache["Z%d" % (l - 1)] > 0)
            params["W%d" % l] = params["W%d" % l] - lr * dW
            params["b%d" % l] = params["b%d" % l] - lr * db
    return cost


def main():
    which = sys.argv[1]
    iterations = int(sys.argv[2])
    if which == "cat-logreg":
        X, Y = cat(sys.argv[3])
        start = time.perf_counter()
        cost = logreg(X, Y, 0.005, iterations)
        seconds = time.perf_counter() - start
        print("%s %d %.4f %.1f %.6f" % (which, iterations, seconds, iterations / seconds, cost))
        return
    if which == "planar":
        X, Y = planar()
        dims, hidden, lr, params = [2, 4, 1], "tanh", 1.2, init([2, 4, 1], 2, False)
    elif which == "cat":
        X, Y = cat(sys.argv[3])
        dims = [X.shape[0], 20, 7, 5, 1]
        hidden, lr, params = "relu", 0.0075, init(dims, 1, True)
    else:
        X, Y = digits(sys.argv[3])
        dims = [64, 20, 7, 5, 1]
        hidden, lr, params = "relu", 0.1, init(dims, 1, True)
    start = time.perf_counter()
    cost = train(X, Y, dims, hidden, lr, iterations, params)
    seconds = time.perf_counter() - start
    print("%s %d %.4f %.1f %.6f" % (which, iterations, seconds, iterations / seconds, cost))


if __name__ == "__main__":
    main()
