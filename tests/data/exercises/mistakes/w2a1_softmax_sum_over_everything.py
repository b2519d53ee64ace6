# dnn-tutor test fixture: the reference solution with one bug in softmax: np.sum without axis: every entry divided by the sum of the whole matrix.
"""Reference solutions: week 2, numpy basics (dnn-tutor exercises w2a1).

Shown to the learner only after an exercise passes.  Each function follows the
formula of the course's assignment; the comments give it in the course's notation.
"""
import math

import numpy as np


def basic_sigmoid(x):
    # s = 1 / (1 + e^-x) for one real number, with the math module.
    return 1 / (1 + math.exp(-x))


def sigmoid(x):
    # The same formula element-wise: np.exp works on whole arrays.
    return 1 / (1 + np.exp(-x))


def sigmoid_derivative(x):
    # sigma'(x) = s (1 - s), with s = sigma(x).
    s = 1 / (1 + np.exp(-x))
    return s * (1 - s)


def image2vector(image):
    # (length, height, depth) -> (length * height * depth, 1), rows read in C order.
    return image.reshape(image.shape[0] * image.shape[1] * image.shape[2], 1)


def normalize_rows(x):
    # Divide each row by its Euclidean norm; keepdims keeps the norms a column (n, 1).
    x_norm = np.linalg.norm(x, ord=2, axis=1, keepdims=True)
    return x / x_norm


def softmax(x):
    # Each row: exp of every entry over the sum of the row's exps.
    x_exp = np.exp(x)
    x_sum = np.sum(x_exp)
    return x_exp / x_sum


def L1(yhat, y):
    # L1 = sum |y - yhat|
    return float(np.sum(np.abs(y - yhat)))


def L2(yhat, y):
    # L2 = sum (y - yhat)^2, written as a dot product of the difference with itself.
    d = y - yhat
    return float(np.dot(d, d))
