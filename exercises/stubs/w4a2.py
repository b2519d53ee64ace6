"""Week 4, assignment 2: a deep neural network for cat pictures.
第 4 周 作业 2：用深层神经网络识别猫图。

Ready-made, as in the course (from dnn_app_utils): initialize_parameters (seeds 1,
randn * 0.01), initialize_parameters_deep (seeds 1, randn / sqrt(n[l-1])),
linear_activation_forward, L_model_forward, compute_cost, linear_activation_backward,
L_model_backward, update_parameters, predict, load_data.
已提供的辅助函数（来自 dnn_app_utils）见上。

Replace each `raise NotImplementedError(...)` with your code, then
`dnn-tutor exercises check w4a2/two_layer_model` (or `dnn-tutor exercises watch`).
"""
import numpy as np

from dnn_app_utils import *


def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    """Train LINEAR -> RELU -> LINEAR -> SIGMOID by gradient descent.

    layers_dims -- (n_x, n_h, n_y)
    Returns (parameters, costs): costs holds the cost of iterations 0, 100, 200, ...;
    with print_cost, print "Cost after iteration {i}: {cost}" at those iterations and the last.

    用梯度下降训练两层网络（relu 隐藏层，sigmoid 输出）。
    返回 (parameters, costs)；costs 记录第 0、100、200……次迭代的代价。
    """
    np.random.seed(1)
    grads = {}
    costs = []
    (n_x, n_h, n_y) = layers_dims
    # Each iteration: forward (two layers), cost, dA2, backward (two layers), update,
    # and read W1, b1, W2, b2 back from the updated parameters.
    # 每次迭代：两层前向、代价、dA2、两层反向、更新参数，并从新参数中重新取出 W1、b1、W2、b2。
    raise NotImplementedError("two_layer_model: write this function")


def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    """Train [LINEAR -> RELU] * (L - 1) -> LINEAR -> SIGMOID by gradient descent.

    layers_dims -- [n0, n1, ..., nL]
    Returns (parameters, costs), recorded and printed as in two_layer_model.

    用梯度下降训练 L 层网络。返回 (parameters, costs)，记录与打印方式同 two_layer_model。
    """
    np.random.seed(1)
    costs = []
    raise NotImplementedError("L_layer_model: write this function")
