"""dnn-tutor's exercise harness: runs one function of a learner's file on the
test cases dnn-tutor sends, in a child process dnn-tutor started.

    python3 -B harness.py REQUEST.json        (results go to file descriptor 3)

Not `python3 -I`: the learner's user site-packages (pip install --user) and
PYTHONPATH must count, as they do in the learner's own python. The folder of
this file, which python puts first on sys.path, is taken off at once, so
nothing but the learner's folder and exercises/lib is searched before the
installed packages.

The request (written by src/exercise/ex_run.c):
    {"file": ".../w4a1.py", "function": "linear_forward",
     "paths": [learner's folder, exercises/lib], "output_cap": 4096,
     "cases": [{"args": [VALUE, ...], "names": ["A", "W", "b"],
                "keywords": [false, false, false]}, ...]}

Results, one JSON object per line on fd 3, in this order:
    {"event": "python", "version": "3.11.2", "numpy": "1.24.2", "executable": "..."}
    {"event": "import", "ok": true | false, "error": ERROR, "output": "..."}
    {"event": "function", "ok": true | false, "reason": "missing" | "not callable"}
    per case:  {"event": "start", "index": i}
               {"event": "case", "index": i, "status": "ok" | "stub" | "exception" | "exit",
                "result": VALUE, "changed": ["parameters['W1']", ...],
                "stub_function": "name", "error": ERROR, "exit_code": VALUE,
                "output": "...", "output_bytes": n}
    {"event": "done"}
A line that never comes (the process was killed, crashed or called os._exit)
is how dnn-tutor tells a timeout or a crash from an answer.

VALUE is a tagged JSON tree both sides read without loss (floats are written
with repr, so they come back bit for bit; a (3,) array and a (3, 1) one, a
list and an array, a Python float and a numpy one stay distinguishable):
    null, true, false
    {"t": "int", "v": 3}               {"t": "float", "v": 0.5 | "nan" | "inf" | "-inf"}
    {"t": "str", "v": "relu"}
    {"t": "ndarray", "dtype": "float64", "shape": [3, 1], "data": [flat, row-major]}
    {"t": "npscalar", "dtype": "float64", "v": 0.5}
    {"t": "list" | "tuple", "items": [VALUE, ...]}
    {"t": "dict", "items": [["W1", VALUE], ...]}
    {"t": "other", "type": "set", "repr": "{1, 2}"}
An array too large to send (more than MAX_ELEMENTS) keeps its dtype and shape
and has "data": null.

ERROR is {"type": "ValueError", "message": "...", "line": 12, "text": "the line",
"function": "linear_forward", "traceback": "the learner's frames only"}.
"""

import os
import sys

if sys.path and sys.path[0] \
        and os.path.realpath(sys.path[0]) == os.path.dirname(os.path.realpath(__file__)):
    del sys.path[0]

import copy
import io
import json
import math
import traceback

MAX_ELEMENTS = 4_000_000
MAX_DEPTH = 24
MAX_MESSAGE = 600


class CappedText(io.TextIOBase):
    """A stdout/stderr stand-in that keeps the first `cap` characters and counts the rest."""

    def __init__(self, cap):
        super().__init__()
        self.cap = cap
        self.parts = []
        self.kept = 0
        self.total = 0

    def writable(self):
        return True

    def write(self, s):
        s = str(s)
        self.total += len(s)
        room = self.cap - self.kept
        if room > 0:
            piece = s[:room]
            self.parts.append(piece)
            self.kept += len(piece)
        return len(s)

    def text(self):
        return "".join(self.parts)


def number(x):
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def encode(v, np, depth=0):
    if depth > MAX_DEPTH:
        return {"t": "other", "type": type(v).__name__, "repr": "(nested too deeply)"}
    if v is None or v is True or v is False:
        return v
    if isinstance(v, np.ndarray):
        kind = v.dtype.kind
        out = {"t": "ndarray", "dtype": str(v.dtype), "shape": list(v.shape)}
        if v.size > MAX_ELEMENTS or kind not in "biuf":
            out["data"] = None
            return out
        flat = v.reshape(-1)
        if kind == "b":
            out["data"] = [1 if e else 0 for e in flat.tolist()]
        elif kind in "iu":
            out["data"] = [int(e) for e in flat.tolist()]
        else:
            out["data"] = [number(e) for e in flat.tolist()]
        return out
    if isinstance(v, np.generic):
        kind = v.dtype.kind
        if kind == "b":
            return {"t": "npscalar", "dtype": str(v.dtype), "v": 1 if v else 0}
        if kind in "iu":
            return {"t": "npscalar", "dtype": str(v.dtype), "v": int(v)}
        if kind == "f":
            return {"t": "npscalar", "dtype": str(v.dtype), "v": number(v)}
        return {"t": "other", "type": type(v).__name__, "repr": repr(v)[:200]}
    if isinstance(v, bool):
        return v
    if isinstance(v, int):
        if abs(v) < 2**53:
            return {"t": "int", "v": v}
        return {"t": "float", "v": number(v)}
    if isinstance(v, float):
        return {"t": "float", "v": number(v)}
    if isinstance(v, str):
        return {"t": "str", "v": v[:1000]}
    if isinstance(v, (list, tuple)):
        tag = "list" if isinstance(v, list) else "tuple"
        return {"t": tag, "items": [encode(e, np, depth + 1) for e in v[:1000]]}
    if isinstance(v, dict):
        items = []
        for k, e in list(v.items())[:1000]:
            key = k if isinstance(k, str) else repr(k)
            items.append([key, encode(e, np, depth + 1)])
        return {"t": "dict", "items": items}
    return {"t": "other", "type": type(v).__name__, "repr": safe_repr(v)}


def safe_repr(v):
    try:
        return repr(v)[:200]
    except Exception:  # a learner's class with a broken __repr__
        return "?"


def decode(j, np):
    if j is None or j is True or j is False:
        return j
    t = j["t"]
    if t == "int":
        return int(j["v"])
    if t == "float":
        return float(j["v"])
    if t == "str":
        return j["v"]
    if t == "ndarray":
        dtype = np.dtype(j["dtype"])
        data = [float(e) for e in j["data"]] if dtype.kind == "f" else j["data"]
        return np.array(data, dtype=dtype).reshape(j["shape"])
    if t == "npscalar":
        return np.dtype(j["dtype"]).type(j["v"])
    if t == "list":
        return [decode(e, np) for e in j["items"]]
    if t == "tuple":
        return tuple(decode(e, np) for e in j["items"])
    if t == "dict":
        return {k: decode(e, np) for k, e in j["items"]}
    raise ValueError("cannot decode a value tagged " + repr(t))


def changed_paths(before, after, path, np, out):
    """Appends to out the paths (as a learner writes them) where after differs from before."""
    if len(out) >= 20:
        return
    if isinstance(before, np.ndarray):
        if not isinstance(after, np.ndarray) or before.shape != after.shape \
                or before.dtype != after.dtype \
                or not np.array_equal(before, after, equal_nan=before.dtype.kind == "f"):
            out.append(path)
        return
    if isinstance(before, dict):
        if not isinstance(after, dict) or set(before) != set(after):
            out.append(path)
            return
        for k in before:
            changed_paths(before[k], after[k], "%s[%r]" % (path, k), np, out)
        return
    if isinstance(before, (list, tuple)):
        if type(before) is not type(after) or len(before) != len(after):
            out.append(path)
            return
        for i, (b, a) in enumerate(zip(before, after)):
            changed_paths(b, a, "%s[%d]" % (path, i), np, out)
        return
    try:
        same = type(before) is type(after) and (before == after or before != before)
    except Exception:
        same = False
    if not same:
        out.append(path)


def error_of(exc, learner_file):
    """The exception as ERROR, with the traceback cut down to the learner's own frames."""
    err = {"type": type(exc).__name__, "message": str(exc)[:MAX_MESSAGE]}
    frames = []
    for fr in traceback.extract_tb(exc.__traceback__):
        if os.path.realpath(fr.filename) == learner_file:
            frames.append(fr)
    lines = []
    for fr in frames:
        lines.append("  line %d, in %s\n    %s" % (fr.lineno, fr.name, (fr.line or "").strip()))
    if isinstance(exc, SyntaxError) and exc.filename \
            and os.path.realpath(exc.filename) == learner_file:
        err["line"] = exc.lineno
        err["text"] = (exc.text or "").rstrip("\n")[:200]
        err["message"] = str(exc.msg)[:MAX_MESSAGE]
        lines.append("  line %s\n    %s" % (exc.lineno, (exc.text or "").strip()))
    elif frames:
        err["line"] = frames[-1].lineno
        err["text"] = (frames[-1].line or "").strip()[:200]
        err["function"] = frames[-1].name
    err["traceback"] = "\n".join(lines[-8:])
    return err


def main():
    result_fd = os.fdopen(3, "w", encoding="utf-8")

    def emit(obj):
        result_fd.write(json.dumps(obj, allow_nan=False) + "\n")
        result_fd.flush()

    with open(sys.argv[1], encoding="utf-8") as f:
        req = json.load(f)
    learner_file = os.path.realpath(req["file"])
    cap = int(req.get("output_cap", 4096))
    real_out, real_err = sys.stdout, sys.stderr

    import numpy as np
    emit({"event": "python", "version": sys.version.split()[0], "numpy": np.__version__,
          "executable": sys.executable})

    for p in reversed(req.get("paths", [])):
        sys.path.insert(0, p)
    sys.argv = [learner_file]

    # The learner's file, imported under its own name (w4a1) from its folder.
    import importlib.util
    name = os.path.splitext(os.path.basename(learner_file))[0]
    buf = CappedText(cap)
    sys.stdout = sys.stderr = buf
    module = None
    failure = None
    try:
        spec = importlib.util.spec_from_file_location(name, learner_file)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    except SystemExit as exc:
        failure = {"type": "SystemExit", "message": "the file called sys.exit(%s) while loading"
                   % safe_repr(exc.code), "traceback": ""}
    except BaseException as exc:  # any error in the learner's file is a verdict, not our crash
        failure = error_of(exc, learner_file)
    finally:
        sys.stdout, sys.stderr = real_out, real_err
    if failure is not None:
        emit({"event": "import", "ok": False, "error": failure, "output": buf.text(),
              "output_bytes": buf.total})
        emit({"event": "done"})
        return
    emit({"event": "import", "ok": True, "output": buf.text(), "output_bytes": buf.total})

    fn = getattr(module, req["function"], None)
    if fn is None or not callable(fn):
        emit({"event": "function", "ok": False,
              "reason": "missing" if fn is None else "not callable"})
        emit({"event": "done"})
        return
    emit({"event": "function", "ok": True})

    for i, case in enumerate(req["cases"]):
        emit({"event": "start", "index": i})
        values = [decode(a, np) for a in case["args"]]
        names = case.get("names", [])
        keywords = case.get("keywords", [])
        originals = copy.deepcopy(values)
        args, kwargs = [], {}
        for k, v in enumerate(values):
            if k < len(keywords) and keywords[k]:
                kwargs[names[k]] = v
            else:
                args.append(v)
        buf = CappedText(cap)
        sys.stdout = sys.stderr = buf
        out = {"event": "case", "index": i}
        result = None
        try:
            np.random.seed(case["seed"]) if "seed" in case else None
            result = fn(*args, **kwargs)
            out["status"] = "ok"
        except NotImplementedError as exc:
            out["status"] = "stub"
            err = error_of(exc, learner_file)
            out["stub_function"] = err.get("function", req["function"])
            out["error"] = err
        except SystemExit as exc:
            out["status"] = "exit"
            out["exit_code"] = encode(exc.code, np) if isinstance(exc.code, (int, str)) else None
        except BaseException as exc:
            out["status"] = "exception"
            out["error"] = error_of(exc, learner_file)
        finally:
            sys.stdout, sys.stderr = real_out, real_err
        if out["status"] == "ok":
            try:
                out["result"] = encode(result, np)
            except Exception as exc:
                out["status"] = "exception"
                out["error"] = {"type": type(exc).__name__,
                                "message": "the returned value could not be read: %s" % exc,
                                "traceback": ""}
        changed = []
        for k, v in enumerate(originals):
            label = names[k] if k < len(names) else "argument %d" % (k + 1)
            changed_paths(v, values[k], label, np, changed)
        out["changed"] = changed
        out["output"] = buf.text()
        out["output_bytes"] = buf.total
        emit(out)
    emit({"event": "done"})


if __name__ == "__main__":
    main()
