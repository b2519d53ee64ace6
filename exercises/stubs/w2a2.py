"""Week 2, assignment 2: logistic regression with a neural network mindset.
第 2 周 作业 2：以神经网络的思路做逻辑回归。

Shapes: X is (n_x, m), one example per column; Y is (1, m) of 0/1 labels;
w is (n_x, 1); b is a number.
形状约定：X 为 (n_x, m)，每一列是一个样本；Y 为 (1, m)，取值 0/1；w 为 (n_x, 1)；b 是一个数。

Replace each `raise NotImplementedError(...)` with your code, then
`dnn-tutor exercises check w2a2/propagate` (or `dnn-tutor exercises watch`).
用你的代码替换每个 `raise NotImplementedError(...)`，然后运行 dnn-tutor exercises check。
"""
import copy

import numpy as np


def sigmoid(z):
    """The sigmoid of every entry of z (a number or an array of any shape).
    对 z 的每个元素求 sigmoid（z 可以是数或任意形状的数组）。"""
    raise NotImplementedError("sigmoid: write this function")


def initialize_with_zeros(dim):
    """Zero parameters for logistic regression.

    dim -- the number of features n_x
    Returns (w, b): w a column of zeros of shape (dim, 1), b the Python float 0.0.

    把参数初始化为 0：w 是形状 (dim, 1) 的零列向量，b 是 Python 浮点数 0.0。
    """
    raise NotImplementedError("initialize_with_zeros: write this function")


def propagate(w, b, X, Y):
    """One forward and one backward pass of logistic regression.

    w -- weights (n_x, 1);  b -- bias, a number;  X -- data (n_x, m);  Y -- labels (1, m)
    Returns (grads, cost):
        grads -- {"dw": dJ/dw of shape (n_x, 1), "db": dJ/db, a number}
        cost  -- J = -1/m sum(Y log A + (1 - Y) log(1 - A)), with A = sigmoid(w^T X + b)

    逻辑回归的一次前向和一次反向传播。
    返回 (grads, cost)：grads = {"dw": 形状 (n_x, 1), "db": 一个数}；
    cost 为交叉熵代价 J = -1/m sum(Y log A + (1 - Y) log(1 - A))，其中 A = sigmoid(w^T X + b)。
    """
    m = X.shape[1]
    # Forward: A, then the cost.  Backward: dw = 1/m X (A - Y)^T, db = 1/m sum(A - Y).
    # 前向：先算 A，再算代价。反向：dw = 1/m X (A - Y)^T，db = 1/m sum(A - Y)。
    raise NotImplementedError("propagate: write this function")


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    """Learn w and b by gradient descent.

    num_iterations -- how many updates;  learning_rate -- alpha;
    print_cost -- print the cost every 100 iterations
    Returns (params, grads, costs):
        params -- {"w": w, "b": b} after the last update
        grads  -- {"dw": dw, "db": db} of the last iteration
        costs  -- a list with the cost of iterations 0, 100, 200, ...

    用梯度下降学习 w 和 b：每次迭代先 propagate，再更新 w := w - alpha dw，b := b - alpha db。
    返回 (params, grads, costs)；costs 记录第 0、100、200……次迭代的代价。
    """
    # Work on copies: the caller's w must not change.  在副本上更新，不要改动调用者的 w。
    w = copy.deepcopy(w)
    b = copy.deepcopy(b)
    costs = []
    raise NotImplementedError("optimize: write this function")


def predict(w, b, X):
    """Predict 0 or 1 for every example of X.

    Returns Y_prediction, a (1, m) array of 0./1.: 1 where sigmoid(w^T X + b) > 0.5.

    对 X 的每个样本预测 0 或 1：当 sigmoid(w^T X + b) > 0.5 时为 1。返回形状 (1, m) 的数组。
    """
    m = X.shape[1]
    Y_prediction = np.zeros((1, m))
    w = w.reshape(X.shape[0], 1)
    raise NotImplementedError("predict: write this function")


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    """The whole model: initialise to zeros, optimise, predict on both sets.

    Returns a dict with the keys "costs", "Y_prediction_test", "Y_prediction_train",
    "w", "b", "learning_rate", "num_iterations".

    完整模型：零初始化、优化、在训练集和测试集上预测。返回包含上述键的字典。
    """
    # Use the functions above, and pass num_iterations and learning_rate on.
    # 使用上面的函数，并把 num_iterations 和 learning_rate 传下去。
    raise NotImplementedError("model: write this function")
