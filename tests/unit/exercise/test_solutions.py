"""Self-test of dnn-tutor's reference solutions (exercises/solutions/*.py).

Each case builds its inputs the way exercises/CASES.md describes (the course's own
constructions: seeds, draw order, shapes, literal inputs) and compares the reference
solution's output with the number the course publishes for it.  Run with a Python
that has numpy:

    python3 tests/unit/exercise/test_solutions.py [SOURCE_ROOT]

Exit status: 0 all cases pass, 1 a case fails, 77 (skip) when numpy is missing.
"""
import contextlib
import io
import os
import subprocess
import sys
import tempfile

try:
    import numpy as np
except ImportError:
    print("numpy is not importable by %s: skipping" % sys.executable)
    sys.exit(77)

ROOT = (sys.argv[1] if len(sys.argv) > 1 else
        os.environ.get("DNN_TUTOR_SOURCE_ROOT",
                       os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..")))
EXERCISES = os.path.join(ROOT, "exercises")
sys.path[:0] = [os.path.join(EXERCISES, "lib"), os.path.join(EXERCISES, "solutions")]

import w2a1  # noqa: E402
import w2a2  # noqa: E402
import w3a1  # noqa: E402
import w4a1  # noqa: E402
import w4a2  # noqa: E402

failures = []
passes = 0


def close(got, want, rtol=1e-6, atol=1e-8):
    """True when got has want's shape (numbers for scalars) and the values agree to the
    published digits (the course prints 8 decimals or 9 significant digits)."""
    want = np.asarray(want, dtype=float)
    got_a = np.asarray(got, dtype=float)
    if got_a.shape != want.shape:
        return False
    return bool(np.allclose(got_a, want, rtol=rtol, atol=atol))


def check(name, got, want, **tol):
    global passes
    if close(got, want, **tol):
        passes += 1
    else:
        failures.append("%s: expected %r, got %r" % (name, np.asarray(want), np.asarray(got)))


def check_true(name, cond, detail=""):
    global passes
    if cond:
        passes += 1
    else:
        failures.append("%s %s" % (name, detail))


def quiet(fn, *args, **kwargs):
    with contextlib.redirect_stdout(io.StringIO()) as out:
        result = fn(*args, **kwargs)
    return result, out.getvalue()


# ---- w2a1: numpy basics ------------------------------------------------------------
def test_w2a1(w2a1, full=True):
    s = w2a1.basic_sigmoid(1)
    check_true("w2a1/basic_sigmoid returns a float", type(s) is float, repr(type(s)))
    check("w2a1/basic_sigmoid(1)", s, 0.7310585786300049, rtol=0, atol=1e-15)
    x = np.array([1, 2, 3])
    check("w2a1/sigmoid([1 2 3])", w2a1.sigmoid(x), [0.73105858, 0.88079708, 0.95257413])
    check("w2a1/sigmoid_derivative([1 2 3])", w2a1.sigmoid_derivative(x),
          [0.19661193, 0.10499359, 0.04517666])
    image = np.array([[[0.67826139, 0.29380381], [0.90714982, 0.52835647], [0.4215251, 0.45017551]],
                      [[0.92814219, 0.96677647], [0.85304703, 0.52351845], [0.19981397, 0.27417313]],
                      [[0.60659855, 0.00533165], [0.10820313, 0.49978937], [0.34144279, 0.94630077]]])
    check("w2a1/image2vector", w2a1.image2vector(image), image.reshape(18, 1))
    check("w2a1/normalize_rows", w2a1.normalize_rows(np.array([[0, 3, 4], [1, 6, 4]])),
          [[0., 0.6, 0.8], [0.13736056, 0.82416338, 0.54944226]])
    check("w2a1/softmax", w2a1.softmax(np.array([[9, 2, 5, 0, 0], [7, 5, 0, 0, 0]])),
          [[9.80897665e-01, 8.94462891e-04, 1.79657674e-02, 1.21052389e-04, 1.21052389e-04],
           [8.78679856e-01, 1.18916387e-01, 8.01252314e-04, 8.01252314e-04, 8.01252314e-04]])
    yhat = np.array([.9, 0.2, 0.1, .4, .9])
    y = np.array([1, 0, 0, 1, 1])
    check("w2a1/L1", w2a1.L1(yhat, y), 1.1)
    check("w2a1/L2", w2a1.L2(yhat, y), 0.43)


# ---- w2a2: logistic regression ------------------------------------------------------
def test_w2a2(w2a2, full=True):
    check("w2a2/sigmoid([0 2])", w2a2.sigmoid(np.array([0, 2])), [0.5, 0.88079708])
    check("w2a2/sigmoid(1)", w2a2.sigmoid(1), 0.7310585, rtol=0, atol=1e-7)
    for dim in (2, 3, 4):
        w, b = w2a2.initialize_with_zeros(dim)
        check("w2a2/initialize_with_zeros(%d) w" % dim, w, np.zeros((dim, 1)))
        check_true("w2a2/initialize_with_zeros b is the float 0.0", type(b) is float and b == 0.0)
    # The notebook's cell.
    w, b = np.array([[1.], [2.]]), 1.5
    X = np.array([[1., -2., -1.], [3., 0.5, -3.2]])
    Y = np.array([[1, 1, 0]])
    grads, cost = w2a2.propagate(w, b, X, Y)
    check("w2a2/propagate dw", grads["dw"], [[0.25071532], [-0.06604096]])
    check("w2a2/propagate db", grads["db"], -0.1250040450043965, rtol=0, atol=1e-15)
    check("w2a2/propagate cost", cost, 0.15900537707692405, rtol=0, atol=1e-15)
    params, grads, costs = w2a2.optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009,
                                         print_cost=False)
    check("w2a2/optimize w", params["w"], [[0.80956046], [2.0508202]])
    check("w2a2/optimize b", params["b"], 1.5948713189708588, rtol=0, atol=1e-14)
    check("w2a2/optimize dw", grads["dw"], [[0.17860505], [-0.04840656]])
    check("w2a2/optimize db", grads["db"], -0.08888460336847771, rtol=0, atol=1e-14)
    check("w2a2/optimize costs", costs, [0.15900538])
    check_true("w2a2/optimize leaves w alone", close(w, [[1.], [2.]]))
    w = np.array([[0.1124579], [0.23106775]])
    X = np.array([[1., -1.1, -3.2], [1.2, 2., 0.1]])
    check("w2a2/predict (notebook)", w2a2.predict(w, -0.3, X), [[1., 1., 0.]])
    # The public tests.
    w, b = np.array([[1.], [2.], [-1]]), 2.5
    X = np.array([[1., 2., -1., 0], [3., 4., -3.2, 1], [3., 4., -3.2, -3.5]])
    Y = np.array([[1, 1, 0, 0]])
    grads, cost = w2a2.propagate(w, b, X, Y)
    check("w2a2/propagate_test dw", grads["dw"], [[-0.03909333], [0.12501464], [-0.99960809]])
    check("w2a2/propagate_test db", grads["db"], 0.288106326429569, rtol=0, atol=1e-14)
    check("w2a2/propagate_test cost", cost, 2.0424567983978403, rtol=0, atol=1e-14)
    w, b = np.array([[1.], [2.]]), 2.
    X = np.array([[1., 2., -1.], [3., 4., -3.2]])
    Y = np.array([[1, 0, 1]])
    params, grads, costs = w2a2.optimize(w, b, X, Y, num_iterations=101, learning_rate=0.1,
                                         print_cost=False)
    check("w2a2/optimize_test w", params["w"], [[-0.70916784], [-0.42390859]])
    check("w2a2/optimize_test b", params["b"], 2.26891346)
    check("w2a2/optimize_test dw", grads["dw"], [[0.06188603], [-0.01407361]])
    check("w2a2/optimize_test db", grads["db"], -0.04709353)
    check("w2a2/optimize_test costs", costs, [5.80154532, 0.31057104])
    w = np.array([[0.3], [0.5], [-0.2]])
    X = np.array([[1., -0.3, 1.5], [2, 0, 1], [0, -1.5, 2]])
    check("w2a2/predict_test", w2a2.predict(w, -0.33333, X), [[1., 0., 1.]])
    np.random.seed(0)
    Xtr = np.random.randn(4, 7)
    Xte = np.random.randn(4, 3)
    Ytr = np.array([[1, 0, 0, 1, 0, 0, 1]])
    Yte = np.array([[0, 1, 0]])
    d = w2a2.model(Xtr, Ytr, Xte, Yte, num_iterations=50, learning_rate=0.01)
    check("w2a2/model_test costs", d["costs"], [0.69314718])
    check("w2a2/model_test w", d["w"], [[0.08639757], [-0.08231268], [-0.11798927], [0.12866053]])
    check("w2a2/model_test b", d["b"], -0.03983236094816321, rtol=0, atol=1e-14)
    check("w2a2/model_test Y_prediction_test", d["Y_prediction_test"], [[1., 1., 0.]])
    check("w2a2/model_test Y_prediction_train", d["Y_prediction_train"], [[1., 1., 0., 1., 0., 0., 1.]])


# ---- w3a1: one hidden layer ---------------------------------------------------------
W1_T = np.array([[-0.00416758, -0.00056267], [-0.02136196, 0.01640271],
                 [-0.01793436, -0.00841747], [0.00502881, -0.01245288]])
W2_T = np.array([[-0.01057952, -0.00909008, 0.00551454, 0.02292208]])

def upd_params():
    """update_parameters' literal parameters (a fresh copy each call)."""
    return {"W1": np.array([[-0.00615039, 0.0169021], [-0.02311792, 0.03137121],
                            [-0.0169217, -0.01752545], [0.00935436, -0.05018221]]),
            "W2": np.array([[-0.0104319, -0.04019007, 0.01607211, 0.04440255]]),
            "b1": np.array([[-8.97523455e-07], [8.15562092e-06], [6.04810633e-07], [-2.54560700e-06]]),
            "b2": np.array([[9.14954378e-05]])}


def upd_grads():
    """update_parameters' literal gradients."""
    return {"dW1": np.array([[0.00023322, -0.00205423], [0.00082222, -0.00700776],
                             [-0.00031831, 0.0028636], [-0.00092857, 0.00809933]]),
            "dW2": np.array([[-1.75740039e-05, 3.70231337e-03, -1.25683095e-03, -2.55715317e-03]]),
            "db1": np.array([[1.05570087e-07], [-3.81814487e-06], [-1.90155145e-07], [5.46467802e-07]]),
            "db2": np.array([[-1.08923140e-05]])}


def test_w3a1(w3a1, full=True):
    np.random.seed(1)
    X = np.random.randn(5, 3)
    Y = np.random.randn(2, 3)
    check_true("w3a1/layer_sizes", w3a1.layer_sizes(X, Y) == (5, 4, 2), repr(w3a1.layer_sizes(X, Y)))
    np.random.seed(2)
    p = w3a1.initialize_parameters(2, 4, 1)
    check("w3a1/initialize_parameters(2,4,1) W1", p["W1"], W1_T)
    check("w3a1/initialize_parameters(2,4,1) W2", p["W2"], W2_T)
    check("w3a1/initialize_parameters(2,4,1) b1", p["b1"], np.zeros((4, 1)))
    np.random.seed(2)
    p = w3a1.initialize_parameters(3, 5, 2)
    check("w3a1/initialize_parameters_test W1", p["W1"],
          [[-0.00416758, -0.00056267, -0.02136196], [0.01640271, -0.01793436, -0.00841747],
           [0.00502881, -0.01245288, -0.01057952], [-0.00909008, 0.00551454, 0.02292208],
           [0.00041539, -0.01117925, 0.00539058]])
    check("w3a1/initialize_parameters_test W2", p["W2"],
          [[-5.96159700e-03, -1.91304965e-04, 1.17500122e-02, -7.47870949e-03, 9.02525097e-05],
           [-8.78107893e-03, -1.56434170e-03, 2.56570452e-03, -9.88779049e-03, -3.38821966e-03]])
    # forward_propagation: seed 1, X (2, 3), then b1 (4, 1); b2 = -1.3; W1, W2 literal.
    np.random.seed(1)
    X = np.random.randn(2, 3)
    b1 = np.random.randn(4, 1)
    params = {"W1": W1_T, "W2": W2_T, "b1": b1, "b2": np.array([[-1.3]])}
    A2, cache = w3a1.forward_propagation(X, params)
    check("w3a1/forward_propagation A2", A2, [[0.21292656, 0.21274673, 0.21295976]])
    check("w3a1/forward_propagation Z1", cache["Z1"],
          [[1.7386459, 1.74687437, 1.74830797], [-0.81350569, -0.73394355, -0.78767559],
           [0.29893918, 0.32272601, 0.34788465], [-0.2278403, -0.2632236, -0.22336567]])
    check("w3a1/forward_propagation A1", cache["A1"],
          [[0.9400694, 0.94101876, 0.94118266], [-0.67151964, -0.62547205, -0.65709025],
           [0.29034152, 0.31196971, 0.33449821], [-0.22397799, -0.25730819, -0.2197236]])
    check("w3a1/forward_propagation Z2", cache["Z2"], [[-1.30737426, -1.30844761, -1.30717618]])
    # compute_cost: the notebook's (3 examples) and the public test's (5).
    np.random.seed(1)
    Y = np.random.randn(1, 3) > 0
    c = w3a1.compute_cost(np.array([[0.5002307, 0.49985831, 0.50023963]]), Y)
    check_true("w3a1/compute_cost returns a float", type(c) is float)
    check("w3a1/compute_cost (notebook)", c, 0.6930587610394646, rtol=0, atol=1e-14)
    np.random.seed(1)
    Y = np.random.randn(1, 5) > 0
    c = w3a1.compute_cost(np.array([[0.5002307, 0.49985831, 0.50023963, 0.25, 0.7]]), Y)
    check("w3a1/compute_cost_test", c, 0.5447066599017815, rtol=0, atol=1e-14)
    # backward_propagation, the notebook's case: literal parameters and cache.
    np.random.seed(1)
    X = np.random.randn(2, 3)
    Y = np.random.randn(1, 3) > 0
    params = {"W1": W1_T, "W2": W2_T, "b1": np.zeros((4, 1)), "b2": np.zeros((1, 1))}
    cache = {"A1": np.array([[-0.00616578, 0.0020626, 0.00349619], [-0.05225116, 0.02725659, -0.02646251],
                             [-0.02009721, 0.0036869, 0.02883756], [0.02152675, -0.01385234, 0.02599885]]),
             "A2": np.array([[0.5002307, 0.49985831, 0.50023963]]),
             "Z1": np.array([[-0.00616586, 0.0020626, 0.0034962], [-0.05229879, 0.02726335, -0.02646869],
                             [-0.02009991, 0.00368692, 0.02884556], [0.02153007, -0.01385322, 0.02600471]]),
             "Z2": np.array([[0.00092281, -0.00056678, 0.00095853]])}
    g = w3a1.backward_propagation(params, cache, X, Y)
    check("w3a1/backward_propagation dW1", g["dW1"],
          [[0.00301023, -0.00747267], [0.00257968, -0.00641288],
           [-0.00156892, 0.003893], [-0.00652037, 0.01618243]])
    check("w3a1/backward_propagation db1", g["db1"], [[0.00176201], [0.00150995], [-0.00091736], [-0.00381422]])
    check("w3a1/backward_propagation dW2", g["dW2"], [[0.00078841, 0.01765429, -0.00084166, -0.01022527]])
    check("w3a1/backward_propagation db2", g["db2"], [[-0.16655712]])
    # backward_propagation, the public test's case: everything drawn from seed 1.
    np.random.seed(1)
    X = np.random.randn(3, 7)
    Y = np.random.randn(1, 7) > 0
    W1 = np.random.randn(9, 3)
    W2 = np.random.randn(1, 9)
    params = {"W1": W1, "W2": W2, "b1": np.zeros((9, 1)), "b2": np.zeros((1, 1))}
    A1 = np.random.randn(9, 7)
    A2 = np.random.randn(1, 7)
    Z1 = np.random.randn(7, 9)
    Z2 = np.random.randn(1, 7)
    g = w3a1.backward_propagation(params, {"A1": A1, "A2": A2, "Z1": Z1, "Z2": Z2}, X, Y)
    check("w3a1/backward_propagation_test dW1", g["dW1"],
          [[-0.24468458, -0.24371232, 0.15959609], [0.7370069, -0.64785999, 0.23669823],
           [0.47936123, -0.01516428, 0.01566728], [0.03361075, -0.0930929, 0.05581073],
           [0.52445178, -0.03895358, 0.09180612], [-0.17043596, 0.13406378, -0.20952062],
           [0.76144791, -0.41766018, 0.02544078], [0.22164791, -0.33081645, 0.19526915],
           [0.25619969, -0.09561825, 0.05679075]])
    check("w3a1/backward_propagation_test db1", g["db1"],
          [[0.1463639], [-0.33647992], [-0.51738006], [-0.07780329], [-0.57889514],
           [0.28357278], [-0.39756864], [-0.10510329], [-0.13443244]])
    check("w3a1/backward_propagation_test dW2", g["dW2"],
          [[-0.35768529, 0.22046323, -0.29551566, -0.12202786, 0.18809552,
            0.13700323, 0.35892872, -0.02220353, -0.03976687]])
    check("w3a1/backward_propagation_test db2", g["db2"], [[-0.78032466]])
    # update_parameters: literal parameters and gradients, learning rate 1.2 (the default).
    params = upd_params()
    before = {k: v.copy() for k, v in params.items()}
    p = w3a1.update_parameters(params, upd_grads())
    check("w3a1/update_parameters W1", p["W1"], [[-0.00643025, 0.01936718], [-0.02410458, 0.03978052],
                                                 [-0.01653973, -0.02096177], [0.01046864, -0.05990141]])
    check("w3a1/update_parameters b1", p["b1"], [[-1.02420756e-06], [1.27373948e-05],
                                                 [8.32996807e-07], [-3.20136836e-06]])
    check("w3a1/update_parameters W2", p["W2"], [[-0.01041081, -0.04463285, 0.01758031, 0.04747113]])
    check("w3a1/update_parameters b2", p["b2"], [[0.00010457]])
    check_true("w3a1/update_parameters leaves its input alone",
               all(np.array_equal(before[k], params[k]) for k in before))
    # nn_model: seed 1, X (2, 3), Y = randn(1, 3) > 0, n_h 4, 10000 iterations.
    np.random.seed(1)
    X = np.random.randn(2, 3)
    Y = np.random.randn(1, 3) > 0
    p = w3a1.nn_model(X, Y, 4, num_iterations=10000, print_cost=False)
    check("w3a1/nn_model W1", p["W1"], [[-0.65848169, 1.21866811], [-0.76204273, 1.39377573],
                                        [0.5792005, -1.10397703], [0.76773391, -1.41477129]])
    check("w3a1/nn_model b1", p["b1"], [[0.287592], [0.3511264], [-0.2431246], [-0.35772805]])
    check("w3a1/nn_model W2", p["W2"], [[-2.45566237, -3.27042274, 2.00784958, 3.36773273]])
    check("w3a1/nn_model b2", p["b2"], [[0.20459656]])
    # predict: seed 1, X (2, 3), the literal parameters of update_parameters.
    np.random.seed(1)
    X = np.random.randn(2, 3)
    pred = w3a1.predict(upd_params(), X)
    check_true("w3a1/predict", np.array_equal(pred, [[True, False, True]]) and pred.shape == (1, 3), repr(pred))
    check("w3a1/predict mean", np.mean(pred), 0.6666666666666666, rtol=0, atol=1e-15)
    # The planar flower: printed costs and accuracy (slow: only for the solutions).
    if not full:
        return
    import planar_utils
    X, Y = planar_utils.load_planar_dataset()
    check("w3a1/planar first point", X[:, 0], [1.20444229, 3.57611415])
    p, out = quiet(w3a1.nn_model, X, Y, 4, num_iterations=10000, print_cost=True)
    want = ["Cost after iteration %d: %s" % (i * 1000, c) for i, c in enumerate(
        ["0.693048", "0.288083", "0.254385", "0.233864", "0.226792", "0.222644", "0.219731", "0.217504"])]
    check_true("w3a1/planar costs 0..7000", out.splitlines()[:8] == want, "\n" + out)
    pred = w3a1.predict(p, X)
    acc = float((np.dot(Y, pred.T) + np.dot(1 - Y, 1 - pred.T)).item() / float(Y.size) * 100)
    check_true("w3a1/planar accuracy 90%", int(acc) == 90, repr(acc))


# ---- w4a1: deep network step by step ------------------------------------------------
def test_w4a1(w4a1, full=True):
    p = w4a1.initialize_parameters(3, 2, 1)
    check("w4a1/initialize_parameters(3,2,1) W1", p["W1"],
          [[0.01624345, -0.00611756, -0.00528172], [-0.01072969, 0.00865408, -0.02301539]])
    check("w4a1/initialize_parameters(3,2,1) W2", p["W2"], [[0.01744812, -0.00761207]])
    check("w4a1/initialize_parameters(3,2,1) b1", p["b1"], [[0.], [0.]])
    p = w4a1.initialize_parameters(4, 3, 2)
    check("w4a1/initialize_parameters(4,3,2) W1", p["W1"],
          [[0.01624345, -0.00611756, -0.00528172, -0.01072969],
           [0.00865408, -0.02301539, 0.01744812, -0.00761207],
           [0.00319039, -0.0024937, 0.01462108, -0.02060141]])
    check("w4a1/initialize_parameters(4,3,2) W2", p["W2"],
          [[-0.00322417, -0.00384054, 0.01133769], [-0.01099891, -0.00172428, -0.00877858]])
    p = w4a1.initialize_parameters_deep([5, 4, 3])
    check("w4a1/initialize_parameters_deep([5,4,3]) W1", p["W1"],
          [[0.01788628, 0.0043651, 0.00096497, -0.01863493, -0.00277388],
           [-0.00354759, -0.00082741, -0.00627001, -0.00043818, -0.00477218],
           [-0.01313865, 0.00884622, 0.00881318, 0.01709573, 0.00050034],
           [-0.00404677, -0.0054536, -0.01546477, 0.00982367, -0.01101068]])
    check("w4a1/initialize_parameters_deep([5,4,3]) W2", p["W2"],
          [[-0.01185047, -0.0020565, 0.01486148, 0.00236716],
           [-0.01023785, -0.00712993, 0.00625245, -0.00160513],
           [-0.00768836, -0.00230031, 0.00745056, 0.01976111]])
    check("w4a1/initialize_parameters_deep([5,4,3]) b2", p["b2"], np.zeros((3, 1)))
    p = w4a1.initialize_parameters_deep([4, 3, 2])
    check("w4a1/initialize_parameters_deep([4,3,2]) W1", p["W1"],
          [[0.01788628, 0.0043651, 0.00096497, -0.01863493],
           [-0.00277388, -0.00354759, -0.00082741, -0.00627001],
           [-0.00043818, -0.00477218, -0.01313865, 0.00884622]])
    check("w4a1/initialize_parameters_deep([4,3,2]) W2", p["W2"],
          [[0.00881318, 0.01709573, 0.00050034], [-0.00404677, -0.0054536, -0.01546477]])

    np.random.seed(1)
    A_prev = np.random.randn(3, 2)
    W = np.random.randn(1, 3)
    b = np.random.randn(1, 1)
    Z, cache = w4a1.linear_forward(A_prev, W, b)
    check("w4a1/linear_forward Z", Z, [[3.26295337, -1.23429987]])
    check_true("w4a1/linear_forward cache is (A, W, b)",
               cache[0] is A_prev and cache[1] is W and cache[2] is b)

    np.random.seed(2)
    A_prev = np.random.randn(3, 2)
    W = np.random.randn(1, 3)
    b = np.random.randn(1, 1)
    A, cache = w4a1.linear_activation_forward(A_prev, W, b, "sigmoid")
    check("w4a1/linear_activation_forward sigmoid", A, [[0.96890023, 0.11013289]])
    check("w4a1/linear_activation_forward Z", cache[1], [[3.43896131, -2.08938436]])
    A, cache = w4a1.linear_activation_forward(A_prev, W, b, "relu")
    check("w4a1/linear_activation_forward relu", A, [[3.43896131, 0.]])

    np.random.seed(6)
    X = np.random.randn(5, 4)
    params = {}
    for name, shape in (("W1", (4, 5)), ("b1", (4, 1)), ("W2", (3, 4)), ("b2", (3, 1)),
                        ("W3", (1, 3)), ("b3", (1, 1))):
        params[name] = np.random.randn(*shape)
    AL, caches = w4a1.L_model_forward(X, params)
    check("w4a1/L_model_forward AL", AL, [[0.03921668, 0.70498921, 0.19734387, 0.04728177]])
    check_true("w4a1/L_model_forward 3 caches", len(caches) == 3)
    check("w4a1/L_model_forward Z1", caches[0][1],
          [[-5.23825714, 3.18040136, 0.4074501, -1.88612721],
           [-2.77358234, -0.56177316, 3.18141623, -0.99209432],
           [4.18500916, -1.78006909, -0.14502619, 2.72141638],
           [5.05850802, -1.25674082, -3.54566654, 3.82321852]])
    check("w4a1/L_model_forward Z2", caches[1][1],
          [[2.2644603, 1.09971298, -2.90298027, 1.54036335],
           [6.33722569, -2.38116246, -4.11228806, 4.48582383],
           [10.37508342, -0.66591468, 1.63635185, 8.17870169]])
    check("w4a1/L_model_forward Z3", caches[2][1], [[-3.19864676, 0.87117055, -1.40297864, -3.00319435]])

    cost = w4a1.compute_cost(np.array([[.8, .9, 0.4]]), np.asarray([[1, 1, 0]]))
    check("w4a1/compute_cost", cost, 0.2797765635793422, rtol=0, atol=1e-14)
    check_true("w4a1/compute_cost is 0-d", np.asarray(cost).shape == ())
    check("w4a1/compute_cost (older notebook)", w4a1.compute_cost(np.array([[.8, .9, 0.4]]), np.asarray([[1, 1, 1]])),
          0.41493159961539694, rtol=0, atol=1e-14)

    np.random.seed(1)
    dZ = np.random.randn(3, 4)
    A = np.random.randn(5, 4)
    W = np.random.randn(3, 5)
    b = np.random.randn(3, 1)
    dA_prev, dW, db = w4a1.linear_backward(dZ, (A, W, b))
    check("w4a1/linear_backward dA_prev", dA_prev,
          [[-1.15171336, 0.06718465, -0.3204696, 2.09812712],
           [0.60345879, -3.72508701, 5.81700741, -3.84326836],
           [-0.4319552, -1.30987417, 1.72354705, 0.05070578],
           [-0.38981415, 0.60811244, -1.25938424, 1.47191593],
           [-2.52214926, 2.67882552, -0.67947465, 1.48119548]])
    check("w4a1/linear_backward dW", dW,
          [[0.07313866, -0.0976715, -0.87585828, 0.73763362, 0.00785716],
           [0.85508818, 0.37530413, -0.59912655, 0.71278189, -0.58931808],
           [0.97913304, -0.24376494, -0.08839671, 0.55151192, -0.10290907]])
    check("w4a1/linear_backward db", db, [[-0.14713786], [-0.11313155], [-0.13209101]])

    np.random.seed(2)
    dA = np.random.randn(1, 2)
    A = np.random.randn(3, 2)
    W = np.random.randn(1, 3)
    b = np.random.randn(1, 1)
    Z = np.random.randn(1, 2)
    cache = ((A, W, b), Z)
    dA_prev, dW, db = w4a1.linear_activation_backward(dA, cache, "sigmoid")
    check("w4a1/linear_activation_backward sigmoid dA_prev", dA_prev,
          [[0.11017994, 0.01105339], [0.09466817, 0.00949723], [-0.05743092, -0.00576154]])
    check("w4a1/linear_activation_backward sigmoid dW", dW, [[0.10266786, 0.09778551, -0.01968084]])
    check("w4a1/linear_activation_backward sigmoid db", db, [[-0.05729622]])
    dA_prev, dW, db = w4a1.linear_activation_backward(dA, cache, "relu")
    check("w4a1/linear_activation_backward relu dA_prev", dA_prev,
          [[0.44090989, 0.], [0.37883606, 0.], [-0.2298228, 0.]])
    check("w4a1/linear_activation_backward relu dW", dW, [[0.44513824, 0.37371418, -0.10478989]])
    check("w4a1/linear_activation_backward relu db", db, [[-0.20837892]])

    np.random.seed(3)
    AL = np.random.randn(1, 2)
    Y = np.array([[1, 0]])
    A1 = np.random.randn(4, 2)
    W1 = np.random.randn(3, 4)
    b1 = np.random.randn(3, 1)
    Z1 = np.random.randn(3, 2)
    A2 = np.random.randn(3, 2)
    W2 = np.random.randn(1, 3)
    b2 = np.random.randn(1, 1)
    Z2 = np.random.randn(1, 2)
    caches = (((A1, W1, b1), Z1), ((A2, W2, b2), Z2))
    g = w4a1.L_model_backward(AL, Y, caches)
    check("w4a1/L_model_backward dA1", g["dA1"],
          [[0.12913162, -0.44014127], [-0.14175655, 0.48317296], [0.01663708, -0.05670698]])
    check("w4a1/L_model_backward dW2", g["dW2"], [[-0.39202432, -0.13325855, -0.04601089]])
    check("w4a1/L_model_backward db2", g["db2"], [[0.15187861]])
    check("w4a1/L_model_backward dA0", g["dA0"],
          [[0., 0.52257901], [0., -0.3269206], [0., -0.32070404], [0., -0.74079187]])
    check("w4a1/L_model_backward dW1", g["dW1"],
          [[0.41010002, 0.07807203, 0.13798444, 0.10502167], [0., 0., 0., 0.],
           [0.05283652, 0.01005865, 0.01777766, 0.0135308]])
    check("w4a1/L_model_backward db1", g["db1"], [[-0.22007063], [0.], [-0.02835349]])

    np.random.seed(2)
    params = {"W1": np.random.randn(3, 4), "b1": np.random.randn(3, 1),
              "W2": np.random.randn(1, 3), "b2": np.random.randn(1, 1)}
    np.random.seed(3)
    grads = {"dW1": np.random.randn(3, 4), "db1": np.random.randn(3, 1),
             "dW2": np.random.randn(1, 3), "db2": np.random.randn(1, 1)}
    before = {k: v.copy() for k, v in params.items()}
    p = w4a1.update_parameters(params, grads, 0.1)
    check("w4a1/update_parameters W1", p["W1"],
          [[-0.59562069, -0.09991781, -2.14584584, 1.82662008],
           [-1.76569676, -0.80627147, 0.51115557, -1.18258802],
           [-1.0535704, -0.86128581, 0.68284052, 2.20374577]])
    check("w4a1/update_parameters b1", p["b1"], [[-0.04659241], [-1.28888275], [0.53405496]])
    check("w4a1/update_parameters W2", p["W2"], [[-0.55569196, 0.0354055, 1.32964895]])
    check("w4a1/update_parameters b2", p["b2"], [[-0.84610769]])
    check_true("w4a1/update_parameters leaves its input alone",
               all(np.array_equal(before[k], params[k]) for k in before))


# ---- w4a2: the application ------------------------------------------------------
def test_w4a2(w4a2, full=True):
    np.random.seed(1)
    X = np.random.randn(10, 10)
    Y = np.array([1, 1, 1, 1, 0, 0, 0, 1, 1, 0]).reshape(1, 10)
    p, costs = w4a2.L_layer_model(X, Y, (10, 5, 6, 1), 0.0075, 2)
    check("w4a2/L_layer_model costs", costs, [0.70723944])
    check("w4a2/L_layer_model W1 row 0", p["W1"][0],
          [0.51384638, -0.19333098, -0.16705238, -0.33923196, 0.273477,
           -0.72775498, 0.55170785, -0.24077478, 0.10082452, -0.07882423])
    check("w4a2/L_layer_model b1", p["b1"],
          [[-2.16491028e-04], [1.50999130e-04], [8.71516045e-06], [5.57557615e-05], [-2.90746349e-05]])
    check("w4a2/L_layer_model W3", p["W3"],
          [[-0.09079199, -0.08117381, 0.07667568, 0.16665535, 0.08029575, 0.04805811]])
    check("w4a2/L_layer_model b3", p["b3"], [[0.0013201]])
    p, costs = w4a2.L_layer_model(X, Y, (10, 5, 6, 1), 0.02, 3)
    check("w4a2/L_layer_model (0.02, 3) costs", costs, [0.70723944])
    check("w4a2/L_layer_model (0.02, 3) W3", p["W3"],
          [[-0.09087434, -0.07882982, 0.07821609, 0.16442826, 0.0783229, 0.04648216]])
    check("w4a2/L_layer_model (0.02, 3) b3", p["b3"], [[0.00525865]])
    check("w4a2/L_layer_model (0.02, 3) b2", p["b2"],
          [[1.18811550e-06], [-4.25510194e-04], [6.56178455e-04], [-1.42335482e-04],
           [-2.93618626e-04], [-1.75573157e-04]])
    # two_layer_model on the same data, (10, 4, 1), 2 iterations: dnn-tutor's own case
    # (the course publishes this function's numbers only on the cat pictures).
    p, costs = w4a2.two_layer_model(X, Y, (10, 4, 1), num_iterations=2)
    check_true("w4a2/two_layer_model returns (parameters, costs)",
               sorted(p) == ["W1", "W2", "b1", "b2"] and len(costs) == 1)
    check("w4a2/two_layer_model first cost (ours)", costs[0], 0.693189507939109, rtol=0, atol=1e-12)
    check("w4a2/two_layer_model W2 (ours)", p["W2"], [[-0.00188733, -0.00884797, -0.00748471, 0.0168997]])
    check("w4a2/two_layer_model b2 (ours)", p["b2"], [[0.00149869]])
    p, costs = w4a2.two_layer_model(X, Y, (10, 4, 1), learning_rate=0.02, num_iterations=3)
    check("w4a2/two_layer_model (0.02, 3) W2 (ours)", p["W2"],
          [[-0.00179491, -0.00876382, -0.00752456, 0.01682615]])
    check("w4a2/two_layer_model (0.02, 3) b2 (ours)", p["b2"], [[0.00597041]])


def check_files():
    """exercises.json, the stubs and the solutions agree: every exercise listed has a stub
    and a solution with the signature the file states, every stub body ends by raising
    NotImplementedError, every hint list has 2 or 3 tiers in both languages, and every
    lesson named exists in lessons/*.json."""
    import ast
    import glob
    import inspect
    import importlib.util
    import json
    lesson_ids = set()
    for path in glob.glob(os.path.join(ROOT, "lessons", "*.json")):
        with open(path, encoding="utf-8") as f:
            for week in json.load(f).get("weeks", []):
                lesson_ids.update(lesson["id"] for lesson in week.get("lessons", []))
    with open(os.path.join(EXERCISES, "exercises.json"), encoding="utf-8") as f:
        catalog = json.load(f)
    for assignment in catalog["assignments"]:
        aid = assignment["id"]
        modules = {}
        for kind in ("stubs", "solutions"):
            path = os.path.join(EXERCISES, kind, assignment["file"])
            spec = importlib.util.spec_from_file_location("%s_%s" % (kind, aid), path)
            modules[kind] = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(modules[kind])
        with open(os.path.join(EXERCISES, "stubs", assignment["file"]), encoding="utf-8") as f:
            tree = ast.parse(f.read())
        stub_defs = {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef)}
        for ex in assignment["exercises"]:
            fid = "%s/%s" % (aid, ex["function"])
            for kind, module in modules.items():
                fn = getattr(module, ex["function"], None)
                check_true("%s: %s has the function" % (fid, kind), callable(fn))
                if callable(fn):
                    sig = ex["function"] + str(inspect.signature(fn))
                    check_true("%s: %s signature" % (fid, kind), sig == ex["signature"],
                               "%s != %s" % (sig, ex["signature"]))
            node = stub_defs.get(ex["function"])
            last = node.body[-1] if node else None
            check_true("%s: the stub ends with raise NotImplementedError" % fid,
                       isinstance(last, ast.Raise) and isinstance(last.exc, ast.Call)
                       and getattr(last.exc.func, "id", "") == "NotImplementedError")
            hints = ex["hints"]
            check_true("%s: 2 or 3 hints, each in en and zh" % fid,
                       2 <= len(hints) <= 3 and all(h.get("en") and h.get("zh") for h in hints))
            for key in ("title", "task"):
                check_true("%s: %s in en and zh" % (fid, key), ex[key].get("en") and ex[key].get("zh"))
            if "lesson" in ex:
                check_true("%s: lesson %s exists" % (fid, ex["lesson"]), ex["lesson"] in lesson_ids)


def check_course_fixture():
    """The week 2 and week 4 models on tests/data/course (a course-shaped stand-in for the
    cat pictures), loaded through lib/lr_utils the way the notebooks load them, print what
    numpy prints for the notebooks' loops (tests/data/course/*.expected).  Skipped without
    h5py or the fixture."""
    folder = os.path.join(ROOT, "tests", "data", "course")
    try:
        import h5py  # noqa: F401
    except ImportError:
        print("h5py is not importable: the course fixture is not checked")
        return
    if not os.path.isfile(os.path.join(folder, "w2-logreg.expected")):
        return
    import lr_utils
    import dnn_app_utils
    saved = os.environ.get("DNN_TUTOR_COURSE_DATA")
    os.environ["DNN_TUTOR_COURSE_DATA"] = folder
    try:
        train_x_orig, train_y, test_x_orig, test_y, classes = lr_utils.load_dataset()
    finally:
        if saved is None:
            del os.environ["DNN_TUTOR_COURSE_DATA"]
        else:
            os.environ["DNN_TUTOR_COURSE_DATA"] = saved
    check_true("lr_utils.load_dataset shapes",
               train_y.shape == (1, train_x_orig.shape[0]) and test_y.shape == (1, test_x_orig.shape[0])
               and list(classes) == [b"non-cat", b"cat"])
    train_x = train_x_orig.reshape(train_x_orig.shape[0], -1).T / 255.
    test_x = test_x_orig.reshape(test_x_orig.shape[0], -1).T / 255.

    def lines(text):
        """Cost lines rounded to 6 decimals (the models print full precision), the rest as is."""
        out = []
        for line in text.splitlines():
            if line.startswith("Cost after iteration "):
                head, value = line.rsplit(": ", 1)
                line = "%s: %f" % (head, float(value))
            out.append(line)
        return out

    def expected(name):
        with open(os.path.join(folder, name + ".expected"), encoding="utf-8") as f:
            return f.read().splitlines()

    d, out = quiet(w2a2.model, train_x, train_y, test_x, test_y, num_iterations=2000,
                   learning_rate=0.005, print_cost=True)
    check_true("w2a2/model on the course fixture prints w2-logreg.expected",
               lines(out) == expected("w2-logreg"), "\n" + out)
    n_x = train_x.shape[0]
    (p, costs), out = quiet(w4a2.two_layer_model, train_x, train_y, (n_x, 7, 1),
                            num_iterations=2500, print_cost=True)
    _, acc = quiet(dnn_app_utils.predict, train_x, train_y, p)
    _, acc2 = quiet(dnn_app_utils.predict, test_x, test_y, p)
    check_true("w4a2/two_layer_model on the course fixture prints w4-two-layer.expected",
               lines(out + acc + acc2) == expected("w4-two-layer"), "\n" + out + acc + acc2)
    (p, costs), out = quiet(w4a2.L_layer_model, train_x, train_y, [n_x, 20, 7, 5, 1],
                            num_iterations=2500, print_cost=True)
    _, acc = quiet(dnn_app_utils.predict, train_x, train_y, p)
    _, acc2 = quiet(dnn_app_utils.predict, test_x, test_y, p)
    check_true("w4a2/L_layer_model on the course fixture prints w4-deep.expected",
               lines(out + acc + acc2) == expected("w4-deep"), "\n" + out + acc + acc2)


GROUPS = {"w2a1": test_w2a1, "w2a2": test_w2a2, "w3a1": test_w3a1, "w4a1": test_w4a1,
          "w4a2": test_w4a2}


def run_group(assignment, module, full):
    """Runs one assignment's cases on module; returns the failures it added."""
    global failures
    saved = failures
    failures = []
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            GROUPS[assignment](module, full)
    except Exception as e:  # a crash in one group must not hide the others
        failures.append("%s raised %s: %s" % (assignment, type(e).__name__, e))
    found = failures
    failures = saved + found
    return found


def check_mistakes(folder):
    """Each variant listed in folder/INDEX must fail its assignment's published cases."""
    global passes
    import importlib.util
    with open(os.path.join(folder, "INDEX"), encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if not line.startswith("#")]
    undetected = []
    for exercise, mistake, name, what in rows:
        assignment = exercise.split("/")[0]
        spec = importlib.util.spec_from_file_location("mistake_" + name[:-3], os.path.join(folder, name))
        module = importlib.util.module_from_spec(spec)
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                spec.loader.exec_module(module)
        except Exception as e:
            undetected.append("%s does not import: %s" % (name, e))
            continue
        saved = list(failures)
        found = run_group(assignment, module, full=False)
        del failures[:]
        failures.extend(saved)
        if found:
            passes += 1
        else:
            undetected.append("%s passes every published case of %s" % (name, assignment))
    failures.extend(undetected)
    return len(rows)


def main():
    np.seterr(all="ignore")  # the mistake variants overflow and divide by zero on purpose
    modules = {"w2a1": w2a1, "w2a2": w2a2, "w3a1": w3a1, "w4a1": w4a1, "w4a2": w4a2}
    for assignment in GROUPS:
        run_group(assignment, modules[assignment], full=True)
    check_files()
    check_course_fixture()
    with tempfile.TemporaryDirectory() as mistakes:
        made = subprocess.run([sys.executable, os.path.join(ROOT, "tests", "exercise", "make_mistakes.py"),
                               mistakes], stdout=subprocess.DEVNULL)
        if made.returncode != 0:
            failures.append("tests/exercise/make_mistakes.py could not write the mistake variants")
        else:
            n = check_mistakes(mistakes)
            print("%d mistake variants checked" % n)
    for f in failures:
        print("FAIL " + f)
    print("%d checks passed, %d failed" % (passes, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
