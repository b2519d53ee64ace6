/*
 * ex_ref.h — private to the case builders: the course's maths on pooled
 * matrices, built from the core's operations (the same ones the stepper
 * runs), and short constructors of the values a case sends and expects.
 *
 * Every rp_* function returns a matrix owned by the pool (freed by
 * rp_free_all) or NULL when an input is NULL or memory runs out; every v_*
 * constructor returns NULL when a part is NULL (freeing the other parts).
 * So a builder writes its maths straight through and checks once at the end.
 */
#ifndef DNN_EXERCISE_EX_REF_H
#define DNN_EXERCISE_EX_REF_H

#include "activation.h"
#include "ex_case.h"
#include "matrix.h"
#include "rng.h"

#define RP_MAX 512
#define NN_LAYERS_MAX 12  /* layers a case builder handles, with index 0 unused */

typedef struct ref_pool {
    mat *m[RP_MAX];
    int n;
    bool oom;
} ref_pool;

void rp_free_all(ref_pool *p);
mat *rp_zeros(ref_pool *p, size_t rows, size_t cols);
mat *rp_randn(ref_pool *p, rng *r, size_t rows, size_t cols);
mat *rp_rand(ref_pool *p, rng *r, size_t rows, size_t cols);
/* A matrix from literal values, row-major. */
mat *rp_lit(ref_pool *p, size_t rows, size_t cols, const double *v);
mat *rp_copy(ref_pool *p, const mat *a);
mat *rp_scale(ref_pool *p, const mat *a, double s);
mat *rp_transpose(ref_pool *p, const mat *a);
/* a·b, aᵀ·b, a·bᵀ */
mat *rp_dot(ref_pool *p, const mat *a, const mat *b);
mat *rp_dot_tn(ref_pool *p, const mat *a, const mat *b);
mat *rp_dot_nt(ref_pool *p, const mat *a, const mat *b);
mat *rp_add(ref_pool *p, const mat *a, const mat *b);
mat *rp_sub(ref_pool *p, const mat *a, const mat *b);
mat *rp_mul(ref_pool *p, const mat *a, const mat *b);  /* element-wise */
/* Z + b with b (n, 1) broadcast over the columns */
mat *rp_add_col(ref_pool *p, const mat *Z, const mat *b);
/* np.sum(a, axis=1, keepdims=True) */
mat *rp_row_sums(ref_pool *p, const mat *a);
/* g(Z) and dA ∗ g'(Z), with the core's activation functions */
mat *rp_act(ref_pool *p, act_kind k, const mat *Z);
mat *rp_act_backward(ref_pool *p, act_kind k, const mat *dA, const mat *Z);
/* f applied to every element */
mat *rp_map(ref_pool *p, const mat *a, double (*f)(double));
/* Y − α·d (minus) or Y + α·d (plus). */
mat *rp_step(ref_pool *p, const mat *w, const mat *d, double alpha, bool plus);

/* Values. */
ex_value *vm(const mat *m);                     /* float64 array (rows, cols) */
ex_value *vm_int(const mat *m);                 /* int64 array */
ex_value *vm_rank1(const mat *m);               /* float64 array (rows·cols,) */
ex_value *vf(double x);                         /* Python float */
ex_value *vi(long long i);                      /* Python int */
ex_value *vnp(double x);                        /* np.float64 */
ex_value *vs(const char *s);
ex_value *v_tuple(int n, ...);                  /* n ex_value*, owned */
ex_value *v_list(int n, ...);
ex_value *v_dict(int n, ...);                   /* n pairs: const char *key, ex_value *value */
/* dict "W1" → …, "b1" → …, from arrays W[1..L], b[1..L] */
ex_value *v_params(int L, mat *const *W, mat *const *b, const char *wname, const char *bname);

/* Adds an argument / mistake; on failure marks the pool so the builder fails. */
void case_arg(ref_pool *p, ex_case *c, const char *name, ex_value *v);
void case_kwarg(ref_pool *p, ex_case *c, const char *name, ex_value *v);
void case_expect(ref_pool *p, ex_case *c, ex_value *v);
void case_mistake(ref_pool *p, ex_case *c, const char *id, ex_value *v);
/* Ends a builder: frees the pool; n cases, or −1 (cases cleared) when anything failed. */
int cases_done(ref_pool *p, ex_case *cases, int n);

#endif
