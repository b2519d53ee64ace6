#!/bin/sh
# Runs a Python test script with the first Python that imports numpy, looked for as
# dnn-tutor looks for one: $DNN_TUTOR_PYTHON, then python3 on PATH, then /usr/bin/python3.
# Exits 77 (skip) when none has numpy.
#   run_python.sh SCRIPT [ARGS...]
for py in "${DNN_TUTOR_PYTHON:-}" python3 /usr/bin/python3; do
    [ -n "$py" ] || continue
    if "$py" -c 'import numpy' >/dev/null 2>&1; then
        exec "$py" "$@"
    fi
done
echo "no Python with numpy (tried \$DNN_TUTOR_PYTHON, python3, /usr/bin/python3): skipping" >&2
exit 77
