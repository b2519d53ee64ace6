"""Week 4, assignment 1: building a deep neural network, step by step.
第 4 周 作业 1：一步一步搭建深层神经网络。

The caches: linear_cache = (A_prev, W, b); activation_cache = Z;
cache = (linear_cache, activation_cache); caches[l - 1] belongs to layer l.
缓存约定：linear_cache = (A_prev, W, b)；activation_cache = Z；
cache = (linear_cache, activation_cache)；第 l 层的缓存是 caches[l - 1]。

Ready-made (import as the course does): sigmoid(Z) and relu(Z) return (A, Z);
sigmoid_backward(dA, Z) and relu_backward(dA, Z) return dZ.
已提供：sigmoid(Z)、relu(Z) 返回 (A, Z)；sigmoid_backward(dA, Z)、relu_backward(dA, Z) 返回 dZ。

Replace each `raise NotImplementedError(...)` with your code, then
`dnn-tutor exercises check w4a1/linear_forward` (or `dnn-tutor exercises watch`).
"""
import copy

import numpy as np

from dnn_utils import sigmoid, sigmoid_backward, relu, relu_backward


def initialize_parameters(n_x, n_h, n_y):
    """A two-layer network's parameters.

    Returns {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}:
    W = np.random.randn(...) * 0.01 (W1 first), b = zeros.

    两层网络的参数：W = np.random.randn(...) * 0.01（先 W1），b 为零。
    """
    np.random.seed(1)
    raise NotImplementedError("initialize_parameters: write this function")


def initialize_parameters_deep(layer_dims):
    """An L-layer network's parameters.

    layer_dims -- [n0, n1, ..., nL], the size of each layer, input first
    Returns {"W1", "b1", ..., "WL", "bL"}: W[l] = np.random.randn(n[l], n[l-1]) * 0.01,
    b[l] = zeros (n[l], 1), layer by layer.

    L 层网络的参数：逐层 W[l] = np.random.randn(n[l], n[l-1]) * 0.01，b[l] 为 (n[l], 1) 的零。
    """
    np.random.seed(3)
    parameters = {}
    L = len(layer_dims)
    raise NotImplementedError("initialize_parameters_deep: write this function")


def linear_forward(A, W, b):
    """The linear part of a layer: Z = W A + b.

    A -- activations of the previous layer (n[l-1], m);  W -- (n[l], n[l-1]);  b -- (n[l], 1)
    Returns (Z, cache) with cache = (A, W, b).

    一层的线性部分 Z = W A + b，返回 (Z, cache)，cache = (A, W, b)。
    """
    raise NotImplementedError("linear_forward: write this function")


def linear_activation_forward(A_prev, W, b, activation):
    """One layer: LINEAR then ACTIVATION ("sigmoid" or "relu").

    Returns (A, cache) with cache = (linear_cache, activation_cache).

    一层：先线性，再激活（"sigmoid" 或 "relu"）。返回 (A, cache)。
    """
    raise NotImplementedError("linear_activation_forward: write this function")


def L_model_forward(X, parameters):
    """Forward pass of [LINEAR -> RELU] * (L - 1) -> LINEAR -> SIGMOID.

    Returns (AL, caches): AL the output (1, m), caches the L layers' caches in order.

    前向传播：前 L - 1 层用 relu，最后一层用 sigmoid。返回 (AL, caches)。
    """
    caches = []
    A = X
    L = len(parameters) // 2
    raise NotImplementedError("L_model_forward: write this function")


def compute_cost(AL, Y):
    """The cross-entropy cost -1/m sum(Y log AL + (1 - Y) log(1 - AL)), squeezed to a 0-d array.
    交叉熵代价，用 np.squeeze 变成 0 维数组。"""
    m = Y.shape[1]
    raise NotImplementedError("compute_cost: write this function")


def linear_backward(dZ, cache):
    """The linear part of one layer's backward pass.

    cache -- (A_prev, W, b) from linear_forward
    Returns (dA_prev, dW, db), each the shape of A_prev, W, b:
        dW = 1/m dZ A_prev^T,  db = 1/m sum of dZ's rows,  dA_prev = W^T dZ

    一层反向传播的线性部分：dW = 1/m dZ A_prev^T，db = 1/m 按行求和 dZ，dA_prev = W^T dZ。
    """
    A_prev, W, b = cache
    m = A_prev.shape[1]
    raise NotImplementedError("linear_backward: write this function")


def linear_activation_backward(dA, cache, activation):
    """One layer's backward pass: the ACTIVATION's, then the LINEAR part's.

    cache -- (linear_cache, activation_cache);  activation -- "sigmoid" or "relu"
    Returns (dA_prev, dW, db).

    一层的反向传播：先激活函数部分（得到 dZ），再线性部分。返回 (dA_prev, dW, db)。
    """
    linear_cache, activation_cache = cache
    raise NotImplementedError("linear_activation_backward: write this function")


def L_model_backward(AL, Y, caches):
    """Backward pass of the whole L-layer model.

    Returns grads with grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)]
    for l = L, ..., 1 (so dA0 ... dA{L-1}).  Start from
    dAL = -(Y / AL - (1 - Y) / (1 - AL)); layer L is sigmoid, the others relu.

    整个 L 层模型的反向传播。从 dAL = -(Y / AL - (1 - Y) / (1 - AL)) 开始，
    第 L 层用 sigmoid，其余用 relu。结果存入 grads["dA{l-1}"]、grads["dW{l}"]、grads["db{l}"]。
    """
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    raise NotImplementedError("L_model_backward: write this function")


def update_parameters(params, grads, learning_rate):
    """One gradient descent step on every layer: W[l] -= alpha dW[l], b[l] -= alpha db[l].

    Returns the new parameters; params itself must not change.

    对每一层做一步梯度下降，返回新的参数；不要改动传入的 params。
    """
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2
    raise NotImplementedError("update_parameters: write this function")
