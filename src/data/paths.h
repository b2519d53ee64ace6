/*
 * paths.h — finding dnn-tutor's own data (the CSV files under datasets/, and anything else
 * installed under the data root) from whatever directory the binary runs in.
 *
 * A "data root" has the layout of the installed share/dnn-tutor:
 *
 *   <root>/datasets/breast_cancer.csv
 *   <root>/datasets/digits.csv
 *   <root>/lessons/…
 *
 * The roots are searched in this order; the first that holds the wanted path wins:
 *   1. $DNN_TUTOR_DATADIR, when set and not empty (as a convenience it may also
 *      point straight at the folder holding the file: <dir>/<basename>). Set
 *      to anything but a directory, NO root is searched (data_find fails and
 *      data_roots_text says why): a mistyped override is never silently
 *      replaced by another copy of the data.
 *   2. the source tree (DNN_SOURCE_ROOT in dnn_config.h), only when the running
 *      binary sits inside a meson build tree (an ancestor of its directory holds
 *      meson-private/coredata.dat) — so an installed binary never reads a
 *      stale checkout
 *   3. <directory of /proc/self/exe>/../share/dnn-tutor: the data installed
 *      with this very binary (also after a DESTDIR or relocated install)
 *   4. the install data directory (DNN_INSTALL_DATADIR), for a binary copied
 *      elsewhere
 * Roots 2–4 are given as canonical paths (realpath), each listed once.
 */
#ifndef DNN_DATA_PATHS_H
#define DNN_DATA_PATHS_H

#include <stdbool.h>
#include <stddef.h>

#define DATA_PATH_MAX 4096
#define DATA_MAX_ROOTS 4

/* Looks for `rel` (e.g. "datasets/digits.csv"; a file or a directory) under
 * the roots above. On success writes the full path into out and returns true;
 * false when no root holds it or the path does not fit in out_size. */
bool data_find(const char *rel, char *out, size_t out_size);

/* The roots that exist in search order (at most DATA_MAX_ROOTS), for
 * messages like "looked in …". Returns how many were written. */
size_t data_roots(char roots[][DATA_PATH_MAX], size_t max);

/* Writes "A, B, C" — the roots data_roots returns — into buf (for an error
 * message), or "(no data directory found)"; returns buf. */
char *data_roots_text(char *buf, size_t size);

#endif
