# dnn-tutor test fixture: the reference solution with one bug in update_parameters: W -= ... on the caller's arrays: the input parameters are changed in place.
"""Reference solutions: week 4, building a deep neural network step by step
(dnn-tutor exercises w4a1).

Caches as the course keeps them: linear_cache = (A_prev, W, b), activation_cache = Z,
and one (linear_cache, activation_cache) pair per layer in `caches`, caches[l - 1]
for layer l.
"""
import copy

import numpy as np

from dnn_utils import sigmoid, sigmoid_backward, relu, relu_backward


def initialize_parameters(n_x, n_h, n_y):
    # Two layers: W1 (n_h, n_x), W2 (n_y, n_h), randn * 0.01 after seed(1); zero biases.
    np.random.seed(1)
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def initialize_parameters_deep(layer_dims):
    # L layers: W[l] (n[l], n[l-1]) = randn * 0.01 after seed(3), layer by layer; b[l] = 0.
    np.random.seed(3)
    parameters = {}
    L = len(layer_dims)
    for l in range(1, L):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def linear_forward(A, W, b):
    # Z = W A + b; the cache keeps (A, W, b) for the backward pass.
    Z = np.dot(W, A) + b
    cache = (A, W, b)
    return Z, cache


def linear_activation_forward(A_prev, W, b, activation):
    # A = g(W A_prev + b) with g = sigmoid or relu; cache = (linear_cache, Z).
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A, activation_cache = sigmoid(Z)
    elif activation == "relu":
        A, activation_cache = relu(Z)
    cache = (linear_cache, activation_cache)
    return A, cache


def L_model_forward(X, parameters):
    # [LINEAR -> RELU] * (L - 1), then LINEAR -> SIGMOID; one cache per layer.
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters["W" + str(l)],
                                             parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)],
                                          parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


def compute_cost(AL, Y):
    # J = -1/m sum(Y log AL + (1 - Y) log(1 - AL)), squeezed to a 0-d array.
    m = Y.shape[1]
    cost = -np.sum(np.multiply(Y, np.log(AL)) + np.multiply(1 - Y, np.log(1 - AL))) / m
    cost = np.squeeze(cost)
    return cost


def linear_backward(dZ, cache):
    # dW = 1/m dZ A_prev^T,  db = 1/m sum(dZ, rows kept),  dA_prev = W^T dZ
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


def linear_activation_backward(dA, cache, activation):
    # dZ = dA * g'(Z) (from the activation cache), then the linear step.
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db


def L_model_backward(AL, Y, caches):
    # dAL = -(Y / AL - (1 - Y) / (1 - AL)); layer L is the sigmoid one (caches[L - 1]),
    # then layers L-1 ... 1 are relu (caches[l] for layer l + 1).
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    current_cache = caches[L - 1]
    dA_prev_temp, dW_temp, db_temp = linear_activation_backward(dAL, current_cache, "sigmoid")
    grads["dA" + str(L - 1)] = dA_prev_temp
    grads["dW" + str(L)] = dW_temp
    grads["db" + str(L)] = db_temp
    for l in reversed(range(L - 1)):
        current_cache = caches[l]
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(
            grads["dA" + str(l + 1)], current_cache, "relu")
        grads["dA" + str(l)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp
    return grads


def update_parameters(params, grads, learning_rate):
    # W[l] := W[l] - alpha dW[l], b[l] := b[l] - alpha db[l], on a copy of params.
    parameters = params
    L = len(parameters) // 2
    for l in range(L):
        parameters["W" + str(l + 1)] -= learning_rate * grads["dW" + str(l + 1)]
        parameters["b" + str(l + 1)] -= learning_rate * grads["db" + str(l + 1)]
    return parameters
