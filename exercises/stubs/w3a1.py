"""Week 3: planar data classification with one hidden layer.
第 3 周：用一个隐藏层的网络给平面数据分类。

The network: X (n_x, m) -> n_h tanh units -> one sigmoid unit.
网络结构：X (n_x, m) -> n_h 个 tanh 单元 -> 一个 sigmoid 输出单元。

Replace each `raise NotImplementedError(...)` with your code, then
`dnn-tutor exercises check w3a1/forward_propagation` (or `dnn-tutor exercises watch`).
用你的代码替换每个 `raise NotImplementedError(...)`，然后运行 dnn-tutor exercises check。
"""
import copy

import numpy as np

from planar_utils import sigmoid, load_planar_dataset


def layer_sizes(X, Y):
    """The sizes of the three layers.

    X -- input data (n_x, m);  Y -- labels (n_y, m)
    Returns the tuple (n_x, n_h, n_y), with n_h = 4 in this exercise.

    三层的大小：返回元组 (n_x, n_h, n_y)，本练习中 n_h 固定为 4。
    """
    raise NotImplementedError("layer_sizes: write this function")


def initialize_parameters(n_x, n_h, n_y):
    """Random small weights and zero biases.

    Returns {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}:
    W = np.random.randn(...) * 0.01, W1 drawn before W2; b = zeros.
    Do not seed numpy here (the caller does).

    小的随机权重、零偏置：W = np.random.randn(...) * 0.01（先 W1 后 W2），b 为零。
    不要在这里设定随机种子（由调用者设定）。
    """
    raise NotImplementedError("initialize_parameters: write this function")


def forward_propagation(X, parameters):
    """Forward pass.

    Returns (A2, cache): A2 the sigmoid output (1, m), and
    cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}.
        Z1 = W1 X + b1,  A1 = tanh(Z1),  Z2 = W2 A1 + b2,  A2 = sigmoid(Z2)

    前向传播：Z1 = W1 X + b1，A1 = tanh(Z1)，Z2 = W2 A1 + b2，A2 = sigmoid(Z2)。
    返回 (A2, cache)。
    """
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    raise NotImplementedError("forward_propagation: write this function")


def compute_cost(A2, Y):
    """The cross-entropy cost J = -1/m sum(Y log A2 + (1 - Y) log(1 - A2)), a Python float.
    交叉熵代价 J = -1/m sum(Y log A2 + (1 - Y) log(1 - A2))，返回 Python 浮点数。"""
    m = Y.shape[1]
    raise NotImplementedError("compute_cost: write this function")


def backward_propagation(parameters, cache, X, Y):
    """Backward pass.

    Returns grads = {"dW1", "db1", "dW2", "db2"}, each the shape of its parameter:
        dZ2 = A2 - Y                    dW2 = 1/m dZ2 A1^T    db2 = 1/m sum of dZ2's rows
        dZ1 = W2^T dZ2 * (1 - A1^2)     dW1 = 1/m dZ1 X^T     db1 = 1/m sum of dZ1's rows

    反向传播，返回各参数的梯度（形状与参数相同），公式如上。tanh 的导数是 1 - A1^2。
    """
    m = X.shape[1]
    W1 = parameters["W1"]
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]
    raise NotImplementedError("backward_propagation: write this function")


def update_parameters(parameters, grads, learning_rate=1.2):
    """One gradient descent step: theta := theta - learning_rate * d(theta).

    Returns the new parameters dict; the caller's arrays must not change.

    梯度下降一步：theta := theta - learning_rate * d(theta)。返回新的参数字典，不要改动传入的数组。
    """
    W1 = copy.deepcopy(parameters["W1"])
    b1 = parameters["b1"]
    W2 = copy.deepcopy(parameters["W2"])
    b2 = parameters["b2"]
    raise NotImplementedError("update_parameters: write this function")


def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    """The model: initialise, then num_iterations rounds of forward, cost, backward, update.

    With print_cost, print "Cost after iteration %i: %f" every 1000 iterations.
    Returns the learnt parameters.

    完整模型：初始化后，重复 num_iterations 次前向、代价、反向、更新。
    print_cost 为真时每 1000 次打印代价。返回学到的参数。
    """
    np.random.seed(2)
    n_x = layer_sizes(X, Y)[0]
    n_y = layer_sizes(X, Y)[2]
    raise NotImplementedError("nn_model: write this function")


def predict(parameters, X):
    """Predictions for X: True where the network's output A2 is above 0.5, shape (1, m).
    对 X 做预测：网络输出 A2 大于 0.5 处为 True，形状 (1, m)。"""
    raise NotImplementedError("predict: write this function")
