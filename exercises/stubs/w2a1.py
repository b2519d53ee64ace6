"""Week 2, assignment 1: Python and numpy basics.
第 2 周 作业 1：Python 与 numpy 基础。

Write each function where it says `raise NotImplementedError(...)`: replace that
line with your code.  Check your work with

    dnn-tutor exercises check w2a1/basic_sigmoid      (or: dnn-tutor exercises watch)

在写着 `raise NotImplementedError(...)` 的地方写出每个函数：用你的代码替换这一行。
用 `dnn-tutor exercises check w2a1/basic_sigmoid` 检查（或 `dnn-tutor exercises watch`）。
"""
import math

import numpy as np


def basic_sigmoid(x):
    """The sigmoid of one real number, with the `math` module.

    x -- a Python number
    Returns s = 1 / (1 + e^(-x)), a Python float.

    用 math 模块计算一个实数的 sigmoid：s = 1 / (1 + e^(-x))，返回 Python 浮点数。
    """
    # One line, with math.exp.  一行，用 math.exp。
    raise NotImplementedError("basic_sigmoid: write this function")


def sigmoid(x):
    """The sigmoid of every entry of x.

    x -- a number or a numpy array of any shape
    Returns an array of x's shape: 1 / (1 + e^(-x)) element by element.

    对 x 的每个元素求 sigmoid，返回与 x 形状相同的数组。
    """
    # math.exp takes one number only; numpy has an exp that takes whole arrays.
    # math.exp 只接受一个数；numpy 的 exp 可以作用于整个数组。
    raise NotImplementedError("sigmoid: write this function")


def sigmoid_derivative(x):
    """The slope of the sigmoid at every entry of x.

    x -- a number or a numpy array
    Returns sigma'(x) = s (1 - s), where s = sigmoid(x), element by element.

    sigmoid 在 x 每个元素处的导数：sigma'(x) = s (1 - s)，其中 s = sigmoid(x)。
    """
    # First s, then the derivative.  先算 s，再算导数。
    raise NotImplementedError("sigmoid_derivative: write this function")


def image2vector(image):
    """Unroll a picture into one column.

    image -- a numpy array of shape (length, height, depth)
    Returns a numpy array of shape (length * height * depth, 1).

    把一张图片展开成一列：形状 (length, height, depth) 变成 (length * height * depth, 1)。
    """
    # image.shape gives the three sizes; reshape keeps numpy's (C) order.
    # image.shape 给出三个尺寸；reshape 保持 numpy 的（C）顺序。
    raise NotImplementedError("image2vector: write this function")


def normalize_rows(x):
    """Scale each row of x to length 1.

    x -- a numpy matrix of shape (n, m)
    Returns x with each row divided by its Euclidean norm, shape (n, m).

    把 x 的每一行除以它自己的欧几里得范数（长度），使每行长度为 1。
    """
    # np.linalg.norm(..., axis=..., keepdims=...) gives the norms; then broadcasting.
    # 用 np.linalg.norm（注意 axis 和 keepdims）求范数，再利用广播相除。
    raise NotImplementedError("normalize_rows: write this function")


def softmax(x):
    """The softmax of each row of x.

    x -- a numpy matrix of shape (m, n)
    Returns an (m, n) matrix: each entry's exp divided by the sum of its row's exps.

    对 x 的每一行做 softmax：每个元素的 exp 除以该行所有 exp 之和。
    """
    raise NotImplementedError("softmax: write this function")


def L1(yhat, y):
    """The L1 loss: the sum of |y - yhat| over all entries.

    yhat -- vector of predictions, shape (m,);  y -- vector of true labels, shape (m,)
    Returns the loss as a number.

    L1 损失：所有 |y - yhat| 之和。yhat 为预测值，y 为真实标签，返回一个数。
    """
    raise NotImplementedError("L1: write this function")


def L2(yhat, y):
    """The L2 loss: the sum of (y - yhat)^2 over all entries.

    yhat -- vector of predictions, shape (m,);  y -- vector of true labels, shape (m,)
    Returns the loss as a number.

    L2 损失：所有 (y - yhat)^2 之和，返回一个数。
    """
    # The sum of squares of a vector is its dot product with itself.
    # 一个向量各元素平方之和，就是它与自身的点积。
    raise NotImplementedError("L2: write this function")
