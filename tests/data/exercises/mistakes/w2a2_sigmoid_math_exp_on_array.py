# dnn-tutor test fixture: the reference solution with one bug in sigmoid: math.exp on an array: it takes one number only (TypeError).
"""Reference solutions: week 2, logistic regression with a neural network mindset
(dnn-tutor exercises w2a2).

The learner's data: X is (n_x, m), one example a column; Y is (1, m) of 0/1 labels;
w is (n_x, 1) and b a Python float.
"""
import copy
import math

import numpy as np


def sigmoid(z):
    # sigma(z) = 1 / (1 + e^-z), element-wise.
    return 1 / (1 + math.exp(-z))


def initialize_with_zeros(dim):
    # w: a (dim, 1) column of zeros; b: the float 0.0.
    w = np.zeros((dim, 1))
    b = 0.0
    return w, b


def propagate(w, b, X, Y):
    # Forward:  A = sigma(w^T X + b)    J = -1/m sum(Y log A + (1 - Y) log(1 - A))
    # Backward: dw = 1/m X (A - Y)^T    db = 1/m sum(A - Y)
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dZ = A - Y
    dw = np.dot(X, dZ.T) / m
    db = np.sum(dZ) / m
    cost = np.squeeze(np.array(cost))
    grads = {"dw": dw, "db": db}
    return grads, cost


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    # Gradient descent: w := w - alpha dw, b := b - alpha db.  The cost is recorded
    # before the update of every 100th iteration (0, 100, 200, ...).
    w = copy.deepcopy(w)
    b = copy.deepcopy(b)
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        dw = grads["dw"]
        db = grads["db"]
        w = w - learning_rate * dw
        b = b - learning_rate * db
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print("Cost after iteration %i: %f" % (i, cost))
    params = {"w": w, "b": b}
    grads = {"dw": dw, "db": db}
    return params, grads, costs


def predict(w, b, X):
    # Label 1 where A = sigma(w^T X + b) > 0.5, else 0; a (1, m) array of floats.
    m = X.shape[1]
    w = w.reshape(X.shape[0], 1)
    A = sigmoid(np.dot(w.T, X) + b)
    Y_prediction = np.zeros((1, m))
    for i in range(m):
        Y_prediction[0, i] = 1.0 if A[0, i] > 0.5 else 0.0
    return Y_prediction


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    # Zeros, then gradient descent, then predictions on both sets.
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
    w = params["w"]
    b = params["b"]
    Y_prediction_test = predict(w, b, X_test)
    Y_prediction_train = predict(w, b, X_train)
    if print_cost:
        print("train accuracy: {} %".format(100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100))
        print("test accuracy: {} %".format(100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100))
    d = {"costs": costs,
         "Y_prediction_test": Y_prediction_test,
         "Y_prediction_train": Y_prediction_train,
         "w": w,
         "b": b,
         "learning_rate": learning_rate,
         "num_iterations": num_iterations}
    return d
