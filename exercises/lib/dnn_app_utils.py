"""Helpers for the week 4 application (dnn-tutor's own code), with the names, arguments
and return values the course's application notebook imports:

    from dnn_app_utils import *

Here the helpers are finished functions (the ones the learner wrote in w4a1), so
two_layer_model and L_layer_model can be built from them.  Note the application's
initialisers differ from w4a1's: both seed numpy with 1, and the deep one scales by
1 / sqrt(n[l-1]) instead of 0.01.

第 4 周应用作业使用的辅助函数（名字、参数、返回值与课程相同）。
注意：这里的两个初始化函数都用种子 1，深层网络的初始化除以 sqrt(n[l-1])。
"""
import copy

import numpy as np

from dnn_utils import sigmoid, relu, sigmoid_backward, relu_backward
from lr_utils import load_dataset

__all__ = ["np", "sigmoid", "relu", "sigmoid_backward", "relu_backward", "load_data",
           "initialize_parameters", "initialize_parameters_deep", "linear_forward",
           "linear_activation_forward", "L_model_forward", "compute_cost", "linear_backward",
           "linear_activation_backward", "L_model_backward", "update_parameters", "predict",
           "print_mislabeled_images"]


def load_data():
    """The cat pictures: (train_x_orig, train_y, test_x_orig, test_y, classes); see lr_utils."""
    return load_dataset()


def initialize_parameters(n_x, n_h, n_y):
    """Seeds numpy with 1; W1 (n_h, n_x) then W2 (n_y, n_h) = randn * 0.01; zero biases."""
    np.random.seed(1)
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def initialize_parameters_deep(layer_dims):
    """Seeds numpy with 1; W[l] (n[l], n[l-1]) = randn / sqrt(n[l-1]) layer by layer; b[l] = 0."""
    np.random.seed(1)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = (np.random.randn(layer_dims[l], layer_dims[l - 1])
                                    / np.sqrt(layer_dims[l - 1]))
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def linear_forward(A, W, b):
    """Z = W A + b; returns (Z, (A, W, b))."""
    Z = W.dot(A) + b
    return Z, (A, W, b)


def linear_activation_forward(A_prev, W, b, activation):
    """A = g(W A_prev + b), g "sigmoid" or "relu"; returns (A, (linear_cache, Z))."""
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A, activation_cache = sigmoid(Z)
    elif activation == "relu":
        A, activation_cache = relu(Z)
    else:
        raise ValueError("activation must be 'sigmoid' or 'relu', not %r" % (activation,))
    return A, (linear_cache, activation_cache)


def L_model_forward(X, parameters):
    """[LINEAR -> RELU] * (L - 1) -> LINEAR -> SIGMOID; returns (AL, caches)."""
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)],
                                             parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)],
                                          parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


def compute_cost(AL, Y):
    """Cross-entropy cost -1/m sum(Y log AL + (1 - Y) log(1 - AL)), as a 0-d array."""
    m = Y.shape[1]
    cost = (1. / m) * (-np.dot(Y, np.log(AL).T) - np.dot(1 - Y, np.log(1 - AL).T))
    return np.squeeze(cost)


def linear_backward(dZ, cache):
    """(dA_prev, dW, db) of one linear step from dZ and its (A_prev, W, b) cache."""
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = 1. / m * np.dot(dZ, A_prev.T)
    db = 1. / m * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


def linear_activation_backward(dA, cache, activation):
    """(dA_prev, dW, db) of one LINEAR -> ACTIVATION layer."""
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
    else:
        raise ValueError("activation must be 'sigmoid' or 'relu', not %r" % (activation,))
    return linear_backward(dZ, linear_cache)


def L_model_backward(AL, Y, caches):
    """Gradients dA{l-1}, dW{l}, db{l} of the L-layer model, in a dict."""
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    dA_prev, dW, db = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = dA_prev, dW, db
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA_prev, dW, db
    return grads


def update_parameters(params, grads, learning_rate):
    """One gradient descent step on a copy of params; returns the new dict."""
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return parameters


def predict(X, y, parameters):
    """0/1 predictions (1, m) of the L-layer model; prints "Accuracy: ..." against y."""
    m = X.shape[1]
    probas, caches = L_model_forward(X, parameters)
    p = np.zeros((1, m))
    for i in range(probas.shape[1]):
        p[0, i] = 1 if probas[0, i] > 0.5 else 0
    print("Accuracy: " + str(np.sum((p == y) / m)))
    return p


def print_mislabeled_images(classes, X, y, p):
    """Show the pictures where p and y differ (needs matplotlib)."""
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        raise ImportError("print_mislabeled_images needs matplotlib "
                          "(Debian/Ubuntu: sudo apt install python3-matplotlib). / 需要 matplotlib。") from None
    a = p + y
    mislabeled = np.asarray(np.where(a == 1))
    n = len(mislabeled[0])
    for i in range(n):
        index = mislabeled[1][i]
        plt.subplot(2, n, i + 1)
        plt.imshow(X[:, index].reshape(64, 64, 3), interpolation="nearest")
        plt.axis("off")
        plt.title("Prediction: " + classes[int(p[0, index])].decode("utf-8")
                  + " \n Class: " + classes[int(y[0, index])].decode("utf-8"))
