"""The course's cat pictures for the week 2 and week 4 exercises (dnn-tutor's own code).

    from lr_utils import load_dataset
    train_x_orig, train_y, test_x_orig, test_y, classes = load_dataset()

Reads train_catvnoncat.h5 and test_catvnoncat.h5 from the folders dnn-tutor itself
looks in: $DNN_TUTOR_COURSE_DATA, else $XDG_DATA_HOME/dnn-tutor/course
(~/.local/share/dnn-tutor/course), else the current folder — each also in its datasets/
subfolder (the notebook's layout).  Needs h5py (Debian: python3-h5py).

读取课程的猫图数据，查找顺序与 dnn-tutor 相同：环境变量 DNN_TUTOR_COURSE_DATA 指向的文件夹，
然后 $XDG_DATA_HOME/dnn-tutor/course（默认 ~/.local/share/dnn-tutor/course），最后是当前文件夹；
每个位置也查找其中的 datasets/ 子文件夹。需要 h5py（Debian 包 python3-h5py）。
"""
import os

import numpy as np

TRAIN_FILE = "train_catvnoncat.h5"
TEST_FILE = "test_catvnoncat.h5"


def _candidate_dirs():
    roots = []
    env = os.environ.get("DNN_TUTOR_COURSE_DATA")
    if env:
        roots.append(env)
    xdg = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    roots.append(os.path.join(xdg, "dnn-tutor", "course"))
    roots.append(".")
    dirs = []
    for root in roots:
        dirs.append(root)
        dirs.append(os.path.join(root, "datasets"))
    return dirs


def find_course_file(name):
    """The path of the course data file `name`, or raise FileNotFoundError saying where we looked."""
    tried = []
    for d in _candidate_dirs():
        path = os.path.join(d, name)
        tried.append(os.path.abspath(path))
        if os.path.isfile(path):
            return path
    raise FileNotFoundError(
        "%s not found (looked at: %s). Put the course's datasets folder in the folder you "
        "run from, or set DNN_TUTOR_COURSE_DATA to the folder that holds it. / "
        "找不到 %s：请把课程的 datasets 文件夹放在运行目录中，或设置环境变量 "
        "DNN_TUTOR_COURSE_DATA。" % (name, ", ".join(tried), name))


def _h5py():
    try:
        import h5py
    except ImportError:
        raise ImportError(
            "load_dataset needs the h5py module to read the course's .h5 files: "
            "install it (Debian/Ubuntu: sudo apt install python3-h5py; or pip install h5py). / "
            "读取 .h5 文件需要 h5py：sudo apt install python3-h5py 或 pip install h5py。") from None
    return h5py


def load_dataset():
    """(train_set_x_orig (209, 64, 64, 3) uint8, train_set_y (1, 209),
    test_set_x_orig (50, 64, 64, 3), test_set_y (1, 50), classes [b'non-cat', b'cat'])."""
    h5py = _h5py()
    with h5py.File(find_course_file(TRAIN_FILE), "r") as f:
        train_set_x_orig = np.array(f["train_set_x"][:])
        train_set_y_orig = np.array(f["train_set_y"][:])
    with h5py.File(find_course_file(TEST_FILE), "r") as f:
        test_set_x_orig = np.array(f["test_set_x"][:])
        test_set_y_orig = np.array(f["test_set_y"][:])
        classes = np.array(f["list_classes"][:])
    train_set_y_orig = train_set_y_orig.reshape((1, train_set_y_orig.shape[0]))
    test_set_y_orig = test_set_y_orig.reshape((1, test_set_y_orig.shape[0]))
    return train_set_x_orig, train_set_y_orig, test_set_x_orig, test_set_y_orig, classes
