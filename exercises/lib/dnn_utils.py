"""Ready-made activations for the week 4 exercises (dnn-tutor's own code).

Importable the way the course's assignment imports them:

    from dnn_utils import sigmoid, sigmoid_backward, relu, relu_backward

The forward functions return (A, cache) with cache = Z; the backward functions take
(dA, cache) and return dZ.  Inputs are never changed.

第 4 周练习直接可用的激活函数：前向返回 (A, cache)，cache 就是 Z；
反向接收 (dA, cache)，返回 dZ。不修改输入。
"""
import numpy as np


def sigmoid(Z):
    """A = 1 / (1 + e^-Z) element-wise; returns (A, Z)."""
    A = 1 / (1 + np.exp(-Z))
    return A, Z


def relu(Z):
    """A = max(0, Z) element-wise; returns (A, Z)."""
    A = np.maximum(0, Z)
    return A, Z


def relu_backward(dA, cache):
    """dZ = dA where Z > 0, else 0 (Z is the cache)."""
    Z = cache
    dZ = np.array(dA, dtype=float, copy=True)
    dZ[Z <= 0] = 0
    return dZ


def sigmoid_backward(dA, cache):
    """dZ = dA * s * (1 - s) with s = sigmoid(Z) (Z is the cache)."""
    Z = cache
    s = 1 / (1 + np.exp(-Z))
    return dA * s * (1 - s)
