"""Writes the recognised-mistake variants of dnn-tutor's reference solutions.

Each variant is a copy of exercises/solutions/ASSIGNMENT.py with exactly one common
learner's bug in one function, named ASSIGNMENT_FUNCTION_MISTAKE.py, and listed in
OUT_DIR/INDEX (tab-separated: exercise id, mistake name, file, what the bug is).  The
tests run it into a temporary folder (nothing generated is committed):

    python3 tests/exercise/make_mistakes.py OUT_DIR

Every replacement must match exactly once, so a changed solution fails loudly here
(exit status 1 with the replacement that no longer applies).
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOLUTIONS = os.path.join(HERE, "..", "..", "exercises", "solutions")

# (assignment, function, mistake, [(old, new), ...], description)
MISTAKES = [
    ("w2a1", "basic_sigmoid", "exp_without_minus",
     [("return 1 / (1 + math.exp(-x))", "return 1 / (1 + math.exp(x))")],
     "e^x where e^-x belongs: the result is sigmoid(-x) = 1 - sigmoid(x)"),
    ("w2a1", "sigmoid", "math_exp_on_array",
     [("return 1 / (1 + np.exp(-x))", "return 1 / (1 + math.exp(-x))")],
     "math.exp on an array: it takes one number only (TypeError)"),
    ("w2a1", "sigmoid_derivative", "sigmoid_applied_twice",
     [("    s = 1 / (1 + np.exp(-x))\n    return s * (1 - s)",
       "    s = 1 / (1 + np.exp(-x))\n    s = 1 / (1 + np.exp(-s))\n    return s * (1 - s)")],
     "sigmoid applied twice: s(1 - s) of sigmoid(sigmoid(x))"),
    ("w2a1", "sigmoid_derivative", "no_sigmoid",
     [("    s = 1 / (1 + np.exp(-x))\n    return s * (1 - s)", "    return x * (1 - x)")],
     "x(1 - x) of x itself: the sigmoid s = sigmoid(x) is never computed"),
    ("w2a1", "image2vector", "rank1",
     [("image.shape[0] * image.shape[1] * image.shape[2], 1)",
       "image.shape[0] * image.shape[1] * image.shape[2])")],
     "reshape to (n,) instead of (n, 1): a rank-1 array"),
    ("w2a1", "normalize_rows", "columns_not_rows",
     [("np.linalg.norm(x, ord=2, axis=1, keepdims=True)", "np.linalg.norm(x, ord=2, axis=0, keepdims=True)")],
     "norm over axis=0: the columns are normalised, not the rows"),
    ("w2a1", "normalize_rows", "norm_without_keepdims",
     [("np.linalg.norm(x, ord=2, axis=1, keepdims=True)", "np.linalg.norm(x, ord=2, axis=1)")],
     "norm without keepdims=True: shape (n,) does not broadcast against the rows"),
    ("w2a1", "softmax", "sum_without_keepdims",
     [("np.sum(x_exp, axis=1, keepdims=True)", "np.sum(x_exp, axis=1)")],
     "np.sum(axis=1) without keepdims=True: shape (n,) does not broadcast against the rows"),
    ("w2a1", "softmax", "sum_over_everything",
     [("np.sum(x_exp, axis=1, keepdims=True)", "np.sum(x_exp)")],
     "np.sum without axis: every entry divided by the sum of the whole matrix"),
    ("w2a1", "L1", "no_abs",
     [("np.sum(np.abs(y - yhat))", "np.sum(y - yhat)")],
     "no absolute value: positive and negative errors cancel"),
    ("w2a1", "L2", "square_root",
     [("return float(np.dot(d, d))", "return float(np.sqrt(np.dot(d, d)))")],
     "the Euclidean norm (with a square root) instead of the sum of squares"),

    ("w2a2", "sigmoid", "math_exp_on_array",
     [("import copy\n", "import copy\nimport math\n"),
      ("return 1 / (1 + np.exp(-z))", "return 1 / (1 + math.exp(-z))")],
     "math.exp on an array: it takes one number only (TypeError)"),
    ("w2a2", "initialize_with_zeros", "rank1_w",
     [("w = np.zeros((dim, 1))", "w = np.zeros(dim)")],
     "np.zeros(dim) is a rank-1 array (dim,), not a column (dim, 1)"),
    ("w2a2", "initialize_with_zeros", "b_int",
     [("b = 0.0\n", "b = 0\n")],
     "b = 0 is an int; the course wants the float 0.0"),
    ("w2a2", "propagate", "missing_1_over_m",
     [("dw = np.dot(X, dZ.T) / m", "dw = np.dot(X, dZ.T)"), ("db = np.sum(dZ) / m", "db = np.sum(dZ)")],
     "dw and db without the 1/m: m times too large"),
    ("w2a2", "propagate", "cost_without_minus",
     [("cost = -np.sum(", "cost = np.sum(")],
     "the cost without its leading minus: negative"),
    ("w2a2", "propagate", "dz_sign",
     [("dZ = A - Y", "dZ = Y - A")],
     "dZ = Y - A instead of A - Y: both gradients have the wrong sign"),
    ("w2a2", "optimize", "plus_in_update",
     [("w = w - learning_rate * dw", "w = w + learning_rate * dw"),
      ("b = b - learning_rate * db", "b = b + learning_rate * db")],
     "the update written with +: gradient ascent"),
    ("w2a2", "optimize", "in_place_update",
     [("    w = copy.deepcopy(w)\n    b = copy.deepcopy(b)\n", ""),
      ("w = w - learning_rate * dw", "w -= learning_rate * dw")],
     "w -= ... on the caller's array: the input w is changed in place"),
    ("w2a2", "optimize", "costs_every_iteration",
     [("        if i % 100 == 0:\n            costs.append(cost)\n",
       "        costs.append(cost)\n        if i % 100 == 0:\n")],
     "the cost recorded at every iteration instead of every 100th"),
    ("w2a2", "predict", "no_bias",
     [("    A = sigmoid(np.dot(w.T, X) + b)\n    Y_prediction", "    A = sigmoid(np.dot(w.T, X))\n    Y_prediction")],
     "b left out of A = sigmoid(w^T X + b)"),
    ("w2a2", "model", "ignores_arguments",
     [("optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)",
       "optimize(w, b, X_train, Y_train)")],
     "optimize called without num_iterations and learning_rate: its defaults are used"),

    ("w3a1", "layer_sizes", "counts_examples",
     [("n_x = X.shape[0]", "n_x = X.shape[1]"), ("n_y = Y.shape[0]", "n_y = Y.shape[1]")],
     "shape[1] (the number of examples) where shape[0] (the number of features) belongs"),
    ("w3a1", "initialize_parameters", "missing_scale",
     [("W1 = np.random.randn(n_h, n_x) * 0.01", "W1 = np.random.randn(n_h, n_x)"),
      ("W2 = np.random.randn(n_y, n_h) * 0.01", "W2 = np.random.randn(n_y, n_h)")],
     "randn without * 0.01: weights 100 times too large"),
    ("w3a1", "initialize_parameters", "w_transposed",
     [("W1 = np.random.randn(n_h, n_x) * 0.01", "W1 = np.random.randn(n_x, n_h) * 0.01"),
      ("W2 = np.random.randn(n_y, n_h) * 0.01", "W2 = np.random.randn(n_h, n_y) * 0.01")],
     "W drawn as (n_in, n_out) instead of (n_out, n_in): transposed"),
    ("w3a1", "forward_propagation", "sigmoid_for_tanh",
     [("A1 = np.tanh(Z1)", "A1 = sigmoid(Z1)")],
     "sigmoid in the hidden layer where tanh belongs"),
    ("w3a1", "forward_propagation", "star_for_dot",
     [("Z1 = np.dot(W1, X) + b1", "Z1 = W1 * X + b1")],
     "element-wise * where the matrix product np.dot belongs"),
    ("w3a1", "compute_cost", "missing_1_over_m",
     [("cost = -np.sum(logprobs) / m", "cost = -np.sum(logprobs)")],
     "the sum without the 1/m: m times too large"),
    ("w3a1", "compute_cost", "only_y_term",
     [("logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1 - A2), 1 - Y)",
       "logprobs = np.multiply(np.log(A2), Y)")],
     "only Y log A2: the (1 - Y) log(1 - A2) term is missing"),
    ("w3a1", "backward_propagation", "tanh_prime_from_Z",
     [("(1 - np.power(A1, 2))", "(1 - np.power(cache[\"Z1\"], 2))")],
     "tanh' taken of Z1: it is 1 - A1^2, with A1 = tanh(Z1)"),
    ("w3a1", "backward_propagation", "missing_1_over_m",
     [("dW2 = np.dot(dZ2, A1.T) / m", "dW2 = np.dot(dZ2, A1.T)"),
      ("db2 = np.sum(dZ2, axis=1, keepdims=True) / m", "db2 = np.sum(dZ2, axis=1, keepdims=True)"),
      ("dW1 = np.dot(dZ1, X.T) / m", "dW1 = np.dot(dZ1, X.T)"),
      ("db1 = np.sum(dZ1, axis=1, keepdims=True) / m", "db1 = np.sum(dZ1, axis=1, keepdims=True)")],
     "dW and db without the 1/m: m times too large"),
    ("w3a1", "backward_propagation", "db_without_keepdims",
     [("db2 = np.sum(dZ2, axis=1, keepdims=True) / m", "db2 = np.sum(dZ2, axis=1) / m"),
      ("db1 = np.sum(dZ1, axis=1, keepdims=True) / m", "db1 = np.sum(dZ1, axis=1) / m")],
     "np.sum(dZ, axis=1) without keepdims=True: db is rank-1 (n,)"),
    ("w3a1", "backward_propagation", "missing_transpose",
     [("dW2 = np.dot(dZ2, A1.T) / m", "dW2 = np.dot(dZ2, A1) / m")],
     "A1 not transposed in dW2 = dZ2 A1^T"),
    ("w3a1", "update_parameters", "plus_in_update",
     [("W1 = W1 - learning_rate", "W1 = W1 + learning_rate"), ("b1 = b1 - learning_rate", "b1 = b1 + learning_rate"),
      ("W2 = W2 - learning_rate", "W2 = W2 + learning_rate"), ("b2 = b2 - learning_rate", "b2 = b2 + learning_rate")],
     "the update written with +: gradient ascent"),
    ("w3a1", "update_parameters", "in_place_update",
     [("W1 = copy.deepcopy(parameters[\"W1\"])", "W1 = parameters[\"W1\"]"),
      ("W2 = copy.deepcopy(parameters[\"W2\"])", "W2 = parameters[\"W2\"]"),
      ("W1 = W1 - learning_rate * grads[\"dW1\"]", "W1 -= learning_rate * grads[\"dW1\"]"),
      ("W2 = W2 - learning_rate * grads[\"dW2\"]", "W2 -= learning_rate * grads[\"dW2\"]")],
     "W -= ... on the caller's arrays: the input parameters are changed in place"),
    ("w3a1", "nn_model", "seed_3",
     [("    np.random.seed(2)\n    n_x", "    np.random.seed(3)\n    n_x")],
     "numpy seeded with 3 (an older template) where dnn-tutor's cases seed 2"),
    ("w3a1", "predict", "returns_probabilities",
     [("predictions = A2 > 0.5", "predictions = A2")],
     "A2 returned as it is: probabilities, not True/False predictions"),

    ("w4a1", "initialize_parameters", "missing_scale",
     [("W1 = np.random.randn(n_h, n_x) * 0.01", "W1 = np.random.randn(n_h, n_x)"),
      ("W2 = np.random.randn(n_y, n_h) * 0.01", "W2 = np.random.randn(n_y, n_h)")],
     "randn without * 0.01: weights 100 times too large"),
    ("w4a1", "initialize_parameters_deep", "w_transposed",
     [("np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01",
       "np.random.randn(layer_dims[l - 1], layer_dims[l]) * 0.01")],
     "W[l] drawn as (n[l-1], n[l]) instead of (n[l], n[l-1]): transposed"),
    ("w4a1", "initialize_parameters_deep", "missing_scale",
     [("np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01",
       "np.random.randn(layer_dims[l], layer_dims[l - 1])")],
     "randn without * 0.01: weights 100 times too large"),
    ("w4a1", "linear_forward", "missing_bias",
     [("Z = np.dot(W, A) + b", "Z = np.dot(W, A)")],
     "b left out of Z = W A + b"),
    ("w4a1", "linear_forward", "star_for_dot",
     [("Z = np.dot(W, A) + b", "Z = W * A + b")],
     "element-wise * where the matrix product np.dot belongs"),
    ("w4a1", "linear_activation_forward", "activations_swapped",
     [("    if activation == \"sigmoid\":\n        A, activation_cache = sigmoid(Z)\n    elif activation == \"relu\":\n        A, activation_cache = relu(Z)",
       "    if activation == \"sigmoid\":\n        A, activation_cache = relu(Z)\n    elif activation == \"relu\":\n        A, activation_cache = sigmoid(Z)")],
     "relu where sigmoid was asked for and sigmoid where relu was"),
    ("w4a1", "L_model_forward", "relu_on_last_layer",
     [("parameters[\"b\" + str(L)], \"sigmoid\")", "parameters[\"b\" + str(L)], \"relu\")")],
     "relu on the output layer L, where sigmoid belongs"),
    ("w4a1", "L_model_forward", "sigmoid_applied_twice",
     [("    caches.append(cache)\n    return AL, caches", "    caches.append(cache)\n    AL, _ = sigmoid(AL)\n    return AL, caches")],
     "sigmoid applied twice to the output layer"),
    ("w4a1", "compute_cost", "missing_1_over_m",
     [("np.log(1 - AL))) / m", "np.log(1 - AL)))")],
     "the sum without the 1/m: m times too large"),
    ("w4a1", "compute_cost", "without_minus",
     [("cost = -np.sum(", "cost = np.sum(")],
     "the cost without its leading minus: negative"),
    ("w4a1", "linear_backward", "missing_1_over_m",
     [("dW = np.dot(dZ, A_prev.T) / m", "dW = np.dot(dZ, A_prev.T)"),
      ("db = np.sum(dZ, axis=1, keepdims=True) / m", "db = np.sum(dZ, axis=1, keepdims=True)")],
     "dW and db without the 1/m: m times too large"),
    ("w4a1", "linear_backward", "db_without_keepdims",
     [("db = np.sum(dZ, axis=1, keepdims=True) / m", "db = np.sum(dZ, axis=1) / m")],
     "np.sum(dZ, axis=1) without keepdims=True: db is rank-1 (n,)"),
    ("w4a1", "linear_backward", "missing_transpose",
     [("dW = np.dot(dZ, A_prev.T) / m", "dW = np.dot(dZ, A_prev) / m")],
     "A_prev not transposed in dW = dZ A_prev^T"),
    ("w4a1", "linear_backward", "dA_prev_over_m",
     [("dA_prev = np.dot(W.T, dZ)", "dA_prev = np.dot(W.T, dZ) / m")],
     "dA_prev divided by m: only dW and db carry the 1/m"),
    ("w4a1", "linear_activation_backward", "activations_swapped",
     [("        dZ = relu_backward(dA, activation_cache)\n    elif activation == \"sigmoid\":\n        dZ = sigmoid_backward(dA, activation_cache)",
       "        dZ = sigmoid_backward(dA, activation_cache)\n    elif activation == \"sigmoid\":\n        dZ = relu_backward(dA, activation_cache)")],
     "sigmoid_backward where relu_backward belongs and the other way round"),
    ("w4a1", "linear_activation_backward", "relu_prime_from_A_prev",
     [("dZ = relu_backward(dA, activation_cache)", "dZ = relu_backward(dA, linear_cache[0])")],
     "ReLU' taken of A_prev (the linear cache) instead of Z (the activation cache)"),
    ("w4a1", "L_model_backward", "caches_off_by_one",
     [("current_cache = caches[L - 1]", "current_cache = caches[L]")],
     "caches[L] for layer L: the list starts at 0, layer L's cache is caches[L - 1]"),
    ("w4a1", "L_model_backward", "dA_keys_off_by_one",
     [("grads[\"dA\" + str(L - 1)] = dA_prev_temp", "grads[\"dA\" + str(L)] = dA_prev_temp"),
      ("grads[\"dA\" + str(l + 1)], current_cache, \"relu\")", "grads[\"dA\" + str(l + 2)], current_cache, \"relu\")"),
      ("grads[\"dA\" + str(l)] = dA_prev_temp", "grads[\"dA\" + str(l + 1)] = dA_prev_temp")],
     "dA stored one key too high (dA{l} for the gradient of A[l-1]), as an older notebook did"),
    ("w4a1", "L_model_backward", "dAL_sign",
     [("dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))", "dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)")],
     "dAL without its minus: every gradient has the wrong sign"),
    ("w4a1", "L_model_backward", "relu_on_last_layer",
     [("current_cache, \"sigmoid\")", "current_cache, \"relu\")")],
     "relu_backward for the output layer L, where sigmoid belongs"),
    ("w4a1", "update_parameters", "plus_in_update",
     [("] - learning_rate * grads[\"dW\"", "] + learning_rate * grads[\"dW\""),
      ("] - learning_rate * grads[\"db\"", "] + learning_rate * grads[\"db\"")],
     "the update written with +: gradient ascent"),
    ("w4a1", "update_parameters", "in_place_update",
     [("parameters = copy.deepcopy(params)", "parameters = params"),
      ("parameters[\"W\" + str(l + 1)] = parameters[\"W\" + str(l + 1)] - learning_rate",
       "parameters[\"W\" + str(l + 1)] -= learning_rate"),
      ("parameters[\"b\" + str(l + 1)] = parameters[\"b\" + str(l + 1)] - learning_rate",
       "parameters[\"b\" + str(l + 1)] -= learning_rate")],
     "W -= ... on the caller's arrays: the input parameters are changed in place"),
    ("w4a1", "update_parameters", "last_layer_skipped",
     [("for l in range(L):", "for l in range(L - 1):")],
     "range(L - 1): the last layer is never updated"),

    ("w4a2", "two_layer_model", "weights_not_refreshed",
     [("        parameters = update_parameters(parameters, grads, learning_rate)\n        W1 = parameters[\"W1\"]\n        b1 = parameters[\"b1\"]\n        W2 = parameters[\"W2\"]\n        b2 = parameters[\"b2\"]\n",
       "        parameters = update_parameters(parameters, grads, learning_rate)\n")],
     "W1, b1, W2, b2 not read back after the update: every iteration runs on the first weights"),
    ("w4a2", "two_layer_model", "hardcoded_learning_rate",
     [("        parameters = update_parameters(parameters, grads, learning_rate)\n        W1",
       "        parameters = update_parameters(parameters, grads, 0.0075)\n        W1")],
     "the learning rate written as 0.0075 instead of the learning_rate argument"),
    ("w4a2", "L_layer_model", "hardcoded_learning_rate",
     [("        grads = L_model_backward(AL, Y, caches)\n        parameters = update_parameters(parameters, grads, learning_rate)",
       "        grads = L_model_backward(AL, Y, caches)\n        parameters = update_parameters(parameters, grads, 0.0075)")],
     "the learning rate written as 0.0075 instead of the learning_rate argument"),
    ("w4a2", "L_layer_model", "costs_every_iteration",
     [("        if i % 100 == 0 or i == num_iterations:\n            costs.append(cost)\n",
       "        costs.append(cost)\n")],
     "the cost recorded at every iteration instead of every 100th"),
]


def apply(text, pairs, label):
    for old, new in pairs:
        n = text.count(old)
        if n != 1:
            sys.exit("%s: %r occurs %d times in the solution (want exactly 1)" % (label, old, n))
        text = text.replace(old, new)
    return text


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_mistakes.py OUT_DIR")
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    index = ["# exercise id\tmistake\tfile\twhat the bug is (written by make_mistakes.py)"]
    for assignment, function, mistake, pairs, what in MISTAKES:
        with open(os.path.join(SOLUTIONS, assignment + ".py"), encoding="utf-8") as f:
            text = f.read()
        name = "%s_%s_%s.py" % (assignment, function, mistake)
        label = name
        if assignment == "w4a2" and mistake == "costs_every_iteration":
            # The two models share their last lines: change only L_layer_model's copy.
            head, sep, tail = text.partition("def L_layer_model(")
            text = head + sep + apply(tail, pairs, label)
        else:
            text = apply(text, pairs, label)
        header = "# dnn-tutor test fixture: the reference solution with one bug in %s: %s.\n" % (function, what)
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(header + text)
        index.append("%s/%s\t%s\t%s\t%s" % (assignment, function, mistake, name, what))
    with open(os.path.join(out, "INDEX"), "w", encoding="utf-8") as f:
        f.write("\n".join(index) + "\n")
    print("%d variants written" % len(MISTAKES))


if __name__ == "__main__":
    main()
