"""Helpers for the week 3 exercises (dnn-tutor's own code), importable as the
course's notebook imports them:

    from planar_utils import plot_decision_boundary, sigmoid, load_planar_dataset, load_extra_datasets

load_planar_dataset() builds the course's "flower" from seed 1: the same 400 points
the notebook shows.  The plotting helpers need matplotlib and load_extra_datasets
needs scikit-learn; they say so when called without them (importing never fails).

第 3 周练习的辅助函数。load_planar_dataset() 用种子 1 生成与课程相同的"花朵"数据。
画图需要 matplotlib，load_extra_datasets 需要 scikit-learn；缺少时调用会给出说明。
"""
import numpy as np


def sigmoid(x):
    """1 / (1 + e^-x) element-wise."""
    return 1 / (1 + np.exp(-x))


def load_planar_dataset():
    """X (2, 400) and Y (1, 400) uint8: two petals classes of 200 points each.

    Class j: t = linspace(3.12 j, 3.12 (j + 1), 200) + 0.2 randn(200),
    r = 4 sin(4 t) + 0.2 randn(200), point (r sin t, r cos t).  Seeds numpy with 1."""
    np.random.seed(1)
    m = 400
    N = m // 2
    a = 4
    X = np.zeros((m, 2))
    Y = np.zeros((m, 1), dtype="uint8")
    for j in range(2):
        rows = range(N * j, N * (j + 1))
        t = np.linspace(j * 3.12, (j + 1) * 3.12, N) + np.random.randn(N) * 0.2
        r = a * np.sin(4 * t) + np.random.randn(N) * 0.2
        X[rows] = np.c_[r * np.sin(t), r * np.cos(t)]
        Y[rows] = j
    return X.T, Y.T


def _pyplot():
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        raise ImportError(
            "plotting needs matplotlib (Debian/Ubuntu: sudo apt install python3-matplotlib). / "
            "画图需要 matplotlib。") from None
    return plt


def plot_decision_boundary(model, X, y):
    """Colour the plane by model(points) and draw the points of X coloured by y."""
    plt = _pyplot()
    x_min, x_max = X[0, :].min() - 1, X[0, :].max() + 1
    y_min, y_max = X[1, :].min() - 1, X[1, :].max() + 1
    h = 0.01
    xx, yy = np.meshgrid(np.arange(x_min, x_max, h), np.arange(y_min, y_max, h))
    Z = model(np.c_[xx.ravel(), yy.ravel()])
    Z = np.asarray(Z).reshape(xx.shape)
    plt.contourf(xx, yy, Z, cmap=plt.cm.Spectral)
    plt.ylabel("x2")
    plt.xlabel("x1")
    plt.scatter(X[0, :], X[1, :], c=np.ravel(y), cmap=plt.cm.Spectral)


def load_extra_datasets():
    """The notebook's optional extra datasets (noisy circles, moons, blobs, gaussian
    quantiles, no structure); needs scikit-learn."""
    try:
        import sklearn.datasets
    except ImportError:
        raise ImportError(
            "load_extra_datasets needs scikit-learn (Debian/Ubuntu: sudo apt install "
            "python3-sklearn). / 需要 scikit-learn。") from None
    N = 200
    noisy_circles = sklearn.datasets.make_circles(n_samples=N, factor=.5, noise=.3)
    noisy_moons = sklearn.datasets.make_moons(n_samples=N, noise=.2)
    blobs = sklearn.datasets.make_blobs(n_samples=N, random_state=5, n_features=2, centers=6)
    gaussian_quantiles = sklearn.datasets.make_gaussian_quantiles(
        mean=None, cov=0.5, n_samples=N, n_features=2, n_classes=2, shuffle=True, random_state=None)
    no_structure = np.random.rand(N, 2), np.random.rand(N, 2)
    return noisy_circles, noisy_moons, blobs, gaussian_quantiles, no_structure
