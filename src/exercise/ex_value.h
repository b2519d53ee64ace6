/*
 * ex_value.h — a Python value as dnn-tutor sees it: the inputs it sends to a
 * learner's function and whatever comes back, without loss.
 *
 *   None  bool  int  float  str                       Python scalars
 *   ndarray (dtype, shape, data)                      data row-major, as doubles
 *   npscalar (dtype, value)                           np.float64(0.5), np.int64(3)
 *   list  tuple  dict (string keys, in order)         containers
 *   other (type name, repr)                           anything else (a set, a class …)
 *
 * The JSON form is the one exercises/harness.py reads and writes (see its
 * docstring): every float is written with %.17g and read back by strtod, so
 * a value makes the round trip bit for bit; a (3,) array stays distinct from
 * a (3, 1) one, a list from an array, a Python float from a numpy one.
 *
 * Ownership: every constructor returns a value the caller frees with
 * exv_free (NULL on no memory); exv_push and exv_set take ownership of the
 * item they are given, also when they fail (then it is freed).
 */
#ifndef DNN_EXERCISE_EX_VALUE_H
#define DNN_EXERCISE_EX_VALUE_H

#include <stdbool.h>
#include <stddef.h>

#include "matrix.h"

#define EXV_MAX_DIMS 8

typedef enum exv_kind {
    EXV_NONE,
    EXV_BOOL,
    EXV_INT,
    EXV_FLOAT,
    EXV_STR,
    EXV_ARRAY,
    EXV_NPSCALAR,
    EXV_LIST,
    EXV_TUPLE,
    EXV_DICT,
    EXV_OTHER
} exv_kind;

typedef struct ex_value ex_value;
struct ex_value {
    exv_kind kind;
    double num;            /* BOOL (0/1), INT, FLOAT, NPSCALAR */
    char *str;             /* STR's text, OTHER's repr */
    char dtype[24];        /* ARRAY, NPSCALAR: "float64", "int64", "bool"; OTHER: the type name */
    int ndim;              /* ARRAY */
    size_t shape[EXV_MAX_DIMS];
    size_t size;           /* product of shape */
    double *data;          /* ARRAY: size doubles; NULL when too large to send ("data": null) */
    int n;                 /* LIST, TUPLE, DICT: items */
    ex_value **items;
    char **keys;           /* DICT */
};

ex_value *exv_none(void);
ex_value *exv_bool(bool b);
ex_value *exv_int(long long i);
ex_value *exv_float(double x);
ex_value *exv_str(const char *s);
/* A float64 array of the given shape (zeros); ndim 0 … EXV_MAX_DIMS. */
ex_value *exv_array(int ndim, const size_t *shape);
/* A float64 (rows, cols) array holding a copy of m. */
ex_value *exv_from_mat(const mat *m);
/* The same, with another dtype ("int64", "bool"): the values are m's. */
ex_value *exv_from_mat_dtype(const mat *m, const char *dtype);
ex_value *exv_npscalar(const char *dtype, double x);
ex_value *exv_list(void);
ex_value *exv_tuple(void);
ex_value *exv_dict(void);
/* Appends item to a LIST or TUPLE; false (item freed) on no memory. */
bool exv_push(ex_value *seq, ex_value *item);
/* Adds key → item to a DICT (replacing an earlier value of the key). */
bool exv_set(ex_value *dict, const char *key, ex_value *item);
/* The DICT's value for key, or NULL. */
const ex_value *exv_get(const ex_value *dict, const char *key);
ex_value *exv_clone(const ex_value *v);
void exv_free(ex_value *v);

/* A (rows, cols) matrix copied from a 2-D numeric array (or a 1-element
 * value as (1, 1)); NULL when v is not one or memory runs out. */
mat *exv_to_mat(const ex_value *v);
/* Whether v is a number: int, float, npscalar or a 0-d array; *x := it. */
bool exv_scalar(const ex_value *v, double *x);

/* The JSON form as a cJSON tree (the caller deletes it) / from one; NULL on
 * no memory or a malformed value. */
struct cJSON;
struct cJSON *exv_to_cjson(const ex_value *v);
ex_value *exv_from_cjson(const struct cJSON *j);
/* JSON text of v (malloc'd, the caller frees), or NULL on no memory. */
char *exv_to_json(const ex_value *v);
/* Parses the JSON form; NULL when it is not a well-formed value. */
ex_value *exv_from_json_text(const char *text);

/* "(3, 1)", "(3,)", "()" into buf. */
void exv_shape_text(const ex_value *v, char *buf, size_t size);
/* What the value is, for a sentence: "a numpy array", "a list", "None",
 * "a Python float", "a numpy float64", "a tuple of 2", "a dict" … (English). */
const char *exv_kind_name(const ex_value *v);
/* One number as numpy prints an element: "3.26295337", "-0.", "1.e-05", "nan". */
void exv_format_number(double x, char *buf, size_t size);
/* The value written as numpy/Python print it ("[[ 3.26295337 -1.23429987]]",
 * "{'W1': array(…), …}"), at most size − 1 bytes, "…" when cut. Arrays show
 * at most max_elems elements (numpy's summary with "..." past that). */
void exv_format(const ex_value *v, char *buf, size_t size, size_t max_elems);

#endif
