/*
 * gemm.c — C := A·B for the products that are big enough to matter (the
 * cat pictures' 12288-wide first layer, the digits network), blocked for the
 * caches, vectorised with fused multiply-add, split over threads.
 *
 *   C is cut into tiles of MR rows × NR columns; a tile is MR·NR/V vector
 *   accumulators (V doubles a vector), so the inner step for one k is
 *
 *       for r < MR:  acc[r][0 … NR) += A(i+r, k) · B(k, j … j+NR)
 *                                      broadcast   NR/V vector loads
 *
 *   k runs in blocks of KC so the KC × NR slice of B one tile reads is still
 *   in the L1 cache for the next tile below it; a tile's accumulators are
 *   loaded from C at the start of a block and stored at its end, so every
 *   sum is one chain over k in order. B is read in place when its rows are
 *   contiguous (rs any, cs = 1) and the slice is whole; otherwise the slice
 *   is copied ("packed") into a zero-padded KC × NR buffer first. A is never
 *   copied: its MR elements for one k are read at their strides.
 *
 * Threads split the tiles of C — by columns when there are more column
 * panels than row tiles, by rows otherwise — and never share an output
 * element, so the numbers do not depend on how many threads ran.
 *
 * The threads are a small pool started the first time they are needed and
 * kept (they sleep on a condition variable between products). One product
 * uses the pool at a time; a second thread calling gemm meanwhile (the
 * trainer's screen while its worker trains) computes its product alone. The
 * pool's threads block every asynchronous signal (SIGINT, SIGTSTP, SIGWINCH,
 * …), so the thread that handles them gets them, not a sleeping worker.
 */
#include "gemm_internal.h"

#include "dnn_limits.h"
#include "matrix.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define GEMM_X86 1
#include <immintrin.h>
#else
#define GEMM_X86 0
#endif

#define MR 4
#define KC 256
#define NR_MAX 24
/* Parts a product is cut into per thread (see run_job). */
#define PARTS_PER_THREAD 3

/* t (MR × NR, rows ldt apart) := (fresh ? 0 : t) + A (MR × kc) · B (kc × NR).
 * t is C itself when a whole tile of C is contiguous in its rows, else a
 * buffer the caller copies to and from C. */
typedef void kernel_fn(size_t kc, const double *a, ptrdiff_t rsa, ptrdiff_t csa, int mr,
                       const double *b, ptrdiff_t ldb, double *t, ptrdiff_t ldt, bool fresh);

/* Row r of A's tile: rows past mr repeat row 0 (their sums are computed and
 * thrown away, which keeps the kernels free of branches). */
static inline const double *row_of(const double *a, ptrdiff_t rsa, int r, int mr)
{
    return a + (r < mr ? r : 0) * rsa;
}

/* The kernel with NR = 8, without FMA (the build forbids contraction here),
 * which the compiler vectorises with SSE2. */
static void kernel_portable(size_t kc, const double *a, ptrdiff_t rsa, ptrdiff_t csa, int mr,
                            const double *b, ptrdiff_t ldb, double *t, ptrdiff_t ldt, bool fresh)
{
    enum { NR = 8 };
    double acc[MR][NR];
    const double *ar[MR];
    for (int r = 0; r < MR; r++) {
        ar[r] = row_of(a, rsa, r, mr);
        for (int j = 0; j < NR; j++)
            acc[r][j] = fresh ? 0.0 : t[r * ldt + j];
    }
    for (size_t k = 0; k < kc; k++) {
        const double *bk = b + (ptrdiff_t)k * ldb;
        for (int r = 0; r < MR; r++) {
            const double x = ar[r][(ptrdiff_t)k * csa];
            for (int j = 0; j < NR; j++)
                acc[r][j] += x * bk[j];
        }
    }
    for (int r = 0; r < MR; r++)
        for (int j = 0; j < NR; j++)
            t[r * ldt + j] = acc[r][j];
}

#if GEMM_X86
/* The FMA kernels, written once: t (MR × 3W) (+)= A · B with 12 accumulators
 * of W doubles — MR rows of A, each broadcast, times three vectors of B's
 * row k. V is the vector type, P the intrinsics' prefix (_mm512 or _mm256). */
#define GEMM_FMA_KERNEL(NAME, TARGET, V, P, W)                                                             \
    __attribute__((target(TARGET))) static void NAME(size_t kc, const double *a, ptrdiff_t rsa,           \
                                                     ptrdiff_t csa, int mr, const double *b,              \
                                                     ptrdiff_t ldb, double *t, ptrdiff_t ldt, bool fresh) \
    {                                                                                                     \
        const double *ar[MR];                                                                             \
        V c[MR][3];                                                                                       \
        for (int r = 0; r < MR; r++) {                                                                    \
            ar[r] = row_of(a, rsa, r, mr);                                                                \
            for (int j = 0; j < 3; j++)                                                                   \
                c[r][j] = fresh ? P##_setzero_pd() : P##_loadu_pd(t + r * ldt + j * (W));               \
        }                                                                                                 \
        for (size_t k = 0; k < kc; k++) {                                                                 \
            const V b0 = P##_loadu_pd(b), b1 = P##_loadu_pd(b + (W)), b2 = P##_loadu_pd(b + 2 * (W));     \
            for (int r = 0; r < MR; r++) {                                                                \
                const V x = P##_set1_pd(*ar[r]);                                                          \
                c[r][0] = P##_fmadd_pd(x, b0, c[r][0]);                                                   \
                c[r][1] = P##_fmadd_pd(x, b1, c[r][1]);                                                   \
                c[r][2] = P##_fmadd_pd(x, b2, c[r][2]);                                                   \
                ar[r] += csa;                                                                             \
            }                                                                                             \
            b += ldb;                                                                                     \
        }                                                                                                 \
        for (int r = 0; r < MR; r++)                                                                      \
            for (int j = 0; j < 3; j++)                                                                   \
                P##_storeu_pd(t + r * ldt + j * (W), c[r][j]);                                           \
    }

GEMM_FMA_KERNEL(kernel_avx512, "avx512f", __m512d, _mm512, 8)
GEMM_FMA_KERNEL(kernel_avx2, "avx2,fma", __m256d, _mm256, 4)
#endif

typedef struct engine {
    kernel_fn *kernel;
    int nr;
    const char *name;
} engine;

static engine the_engine;
static pthread_once_t engine_once = PTHREAD_ONCE_INIT;

static void pick_engine(void)
{
    the_engine = (engine){kernel_portable, 8, "portable"};
#if GEMM_X86
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f"))
        the_engine = (engine){kernel_avx512, 24, "avx512"};
    else if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        the_engine = (engine){kernel_avx2, 12, "avx2+fma"};
#endif
}

static const engine *get_engine(void)
{
    pthread_once(&engine_once, pick_engine);
    return &the_engine;
}

const char *gemm_kernel_name(void) { return get_engine()->name; }

/* One product and the part of C's tiles a thread computes. */
typedef struct job {
    size_t M, N, K;
    gemm_view A, B, C;
    const engine *e;
    int parts;
    atomic_int next; /* the next part to take */
    bool by_columns;
    void (*run)(const struct job *jb, int part);
} job;

/* Copies B (kc × nr, from row k0 column j0) into p as kc rows of NR, the
 * columns past nr set to 0. */
static void pack_b(double *p, int NR, gemm_view B, size_t k0, size_t kc, size_t j0, int nr)
{
    for (size_t k = 0; k < kc; k++) {
        const double *src = B.v + (ptrdiff_t)(k0 + k) * B.rs + (ptrdiff_t)j0 * B.cs;
        double *dst = p + k * (size_t)NR;
        int j = 0;
        for (; j < nr; j++)
            dst[j] = src[j * B.cs];
        for (; j < NR; j++)
            dst[j] = 0.0;
    }
}

/* Between C's tile (mr × nr at c) and the kernel's t (MR × NR). */
static void tile_load(double *t, int NR, const double *c, ptrdiff_t rsc, ptrdiff_t csc, int mr, int nr)
{
    for (int r = 0; r < mr; r++)
        for (int j = 0; j < nr; j++)
            t[r * NR + j] = c[r * rsc + j * csc];
}

static void tile_store(const double *t, int NR, double *c, ptrdiff_t rsc, ptrdiff_t csc, int mr, int nr)
{
    if (csc == 1) {
        for (int r = 0; r < mr; r++)
            memcpy(c + r * rsc, t + r * NR, (size_t)nr * sizeof *c);
    } else {
        for (int j = 0; j < nr; j++)
            for (int r = 0; r < mr; r++)
                c[r * rsc + j * csc] = t[r * NR + j];
    }
}

/* Computes C's tiles with rows [i0, i1) and columns [j0, j1). */
static void run_range(const job *jb, size_t i0, size_t i1, size_t j0, size_t j1)
{
    const engine *e = jb->e;
    const int NR = e->nr;
    _Alignas(64) double bpack[KC * NR_MAX];
    _Alignas(64) double t[MR * NR_MAX];
    const gemm_view A = jb->A, B = jb->B, C = jb->C;
    for (size_t k0 = 0; k0 < jb->K; k0 += KC) {
        const size_t kc = jb->K - k0 < KC ? jb->K - k0 : KC;
        for (size_t j = j0; j < j1; j += (size_t)NR) {
            const int nr = j1 - j < (size_t)NR ? (int)(j1 - j) : NR;
            const double *bp;
            ptrdiff_t ldb;
            if (B.cs == 1 && nr == NR) {
                bp = B.v + (ptrdiff_t)k0 * B.rs + (ptrdiff_t)j;
                ldb = B.rs;
            } else {
                pack_b(bpack, NR, B, k0, kc, j, nr);
                bp = bpack;
                ldb = NR;
            }
            for (size_t i = i0; i < i1; i += MR) {
                const int mr = i1 - i < MR ? (int)(i1 - i) : MR;
                double *c = C.v + (ptrdiff_t)i * C.rs + (ptrdiff_t)j * C.cs;
                const double *a = A.v + (ptrdiff_t)i * A.rs + (ptrdiff_t)k0 * A.cs;
                if (mr == MR && nr == NR && C.cs == 1) { /* the kernel works in C itself */
                    e->kernel(kc, a, A.rs, A.cs, mr, bp, ldb, c, C.rs, k0 == 0);
                    continue;
                }
                if (k0 > 0)
                    tile_load(t, NR, c, C.rs, C.cs, mr, nr);
                e->kernel(kc, a, A.rs, A.cs, mr, bp, ldb, t, NR, k0 == 0);
                tile_store(t, NR, c, C.rs, C.cs, mr, nr);
            }
        }
    }
}

/* Part p of `parts`: a contiguous run of row tiles or of column panels. */
static void run_part(const job *jb, int p)
{
    const size_t NR = (size_t)jb->e->nr;
    if (jb->by_columns) {
        const size_t panels = (jb->N + NR - 1) / NR;
        const size_t a = panels * (size_t)p / (size_t)jb->parts, b = panels * (size_t)(p + 1) / (size_t)jb->parts;
        const size_t j1 = b * NR < jb->N ? b * NR : jb->N;
        if (a * NR < j1)
            run_range(jb, 0, jb->M, a * NR, j1);
    } else {
        const size_t tiles = (jb->M + MR - 1) / MR;
        const size_t a = tiles * (size_t)p / (size_t)jb->parts, b = tiles * (size_t)(p + 1) / (size_t)jb->parts;
        const size_t i1 = b * MR < jb->M ? b * MR : jb->M;
        if (a * MR < i1)
            run_range(jb, a * MR, i1, 0, jb->N);
    }
}

/* ---- threads ---------------------------------------------------------- */

#define MAX_THREADS RUN_THREADS_MAX

static int threads_wanted; /* 0: every online core */
static pthread_mutex_t setting_lock = PTHREAD_MUTEX_INITIALIZER;

void mat_set_threads(int n)
{
    pthread_mutex_lock(&setting_lock);
    threads_wanted = n < 0 ? 0 : (n > MAX_THREADS ? MAX_THREADS : n);
    pthread_mutex_unlock(&setting_lock);
}

int mat_threads(void)
{
    pthread_mutex_lock(&setting_lock);
    int n = threads_wanted;
    pthread_mutex_unlock(&setting_lock);
    if (n == 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        n = cores < 1 ? 1 : (cores > MAX_THREADS ? MAX_THREADS : (int)cores);
    }
    return n;
}

static pthread_mutex_t pool_user = PTHREAD_MUTEX_INITIALIZER; /* held while a product uses the pool */
static pthread_mutex_t pool_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t pool_go = PTHREAD_COND_INITIALIZER, pool_done = PTHREAD_COND_INITIALIZER;
static int pool_workers;          /* started so far */
static unsigned long pool_round;  /* bumped for each product handed out */
static int pool_active;           /* workers inside the current product */
static job *pool_job;             /* the current product, NULL once its parts are all taken */

/* Takes parts of jb until none is left. Parts are handed out one at a time
 * from a shared counter, so a thread the scheduler starts late (the machine
 * is busy) takes fewer, and the caller never waits for work nobody took. */
static void take_parts(job *jb)
{
    for (;;) {
        const int p = atomic_fetch_add(&jb->next, 1);
        if (p >= jb->parts)
            return;
        jb->run(jb, p);
    }
}

static void *pool_worker(void *arg)
{
    unsigned long seen = (unsigned long)(uintptr_t)arg;
    pthread_mutex_lock(&pool_mu);
    for (;;) {
        while (pool_round == seen)
            pthread_cond_wait(&pool_go, &pool_mu);
        seen = pool_round;
        job *jb = pool_job;
        if (!jb)
            continue; /* woke after that product was finished */
        pool_active++;
        pthread_mutex_unlock(&pool_mu);
        take_parts(jb);
        pthread_mutex_lock(&pool_mu);
        if (--pool_active == 0)
            pthread_cond_signal(&pool_done);
    }
    return NULL;
}

/* Every signal but those a fault raises in the thread that caused it (those
 * must stay deliverable). A worker blocks the rest, whatever the mask of the
 * thread that starts it, so a signal goes to a thread that means to take it. */
static void asynchronous_signals(sigset_t *set)
{
    static const int faults[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGSYS, SIGABRT};
    sigfillset(set);
    for (size_t i = 0; i < sizeof faults / sizeof faults[0]; i++)
        sigdelset(set, faults[i]);
}

/* Starts workers until there are n − 1 of them (or creation fails); the
 * number of threads a product can then use. Called with pool_user held. */
static int pool_grow(int n)
{
    while (pool_workers < n - 1) {
        pthread_t th;
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        sigset_t all, old;
        asynchronous_signals(&all);
        pthread_mutex_lock(&pool_mu);
        /* the worker's first round is the next one handed out; it starts
         * with every asynchronous signal blocked, whoever's mask was here */
        pthread_sigmask(SIG_BLOCK, &all, &old);
        int rc = pthread_create(&th, &attr, pool_worker, (void *)(uintptr_t)pool_round);
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        if (rc == 0)
            pool_workers++;
        pthread_mutex_unlock(&pool_mu);
        pthread_attr_destroy(&attr);
        if (rc != 0)
            break;
    }
    return pool_workers + 1 < n ? pool_workers + 1 : n;
}

/* Runs jb->run for parts 0 … parts − 1: cut into a few parts per thread
 * when the pool can lend `want` − 1 threads, else as one part on the
 * caller's thread. `pieces` is how many units (tiles, rows) there are. */
static void run_job(job *jb, int want, size_t pieces)
{
    atomic_init(&jb->next, 0);
    if (want < 2 || pthread_mutex_trylock(&pool_user) != 0) {
        jb->parts = 1;
        take_parts(jb);
        return;
    }
    const int threads = pool_grow(want);
    const size_t parts = (size_t)threads * PARTS_PER_THREAD;
    jb->parts = (int)(pieces < parts ? pieces : parts);
    pthread_mutex_lock(&pool_mu);
    pool_job = jb;
    pool_round++;
    pthread_cond_broadcast(&pool_go);
    pthread_mutex_unlock(&pool_mu);
    take_parts(jb);
    pthread_mutex_lock(&pool_mu);
    pool_job = NULL; /* every part is taken: late risers go back to sleep */
    while (pool_active > 0)
        pthread_cond_wait(&pool_done, &pool_mu);
    pthread_mutex_unlock(&pool_user);
    pthread_mutex_unlock(&pool_mu);
}

static int threads_for(size_t work, size_t pieces)
{
    int want = mat_threads();
    if ((size_t)want > pieces)
        want = (int)pieces;
    return work < GEMM_THREAD_WORK ? 1 : want;
}

void gemm(size_t M, size_t N, size_t K, gemm_view A, gemm_view B, gemm_view C)
{
    job jb = {.M = M, .N = N, .K = K, .A = A, .B = B, .C = C, .e = get_engine(), .run = run_part};
    const size_t NR = (size_t)jb.e->nr;
    const size_t row_tiles = (M + MR - 1) / MR, col_panels = (N + NR - 1) / NR;
    jb.by_columns = col_panels >= row_tiles;
    const size_t pieces = jb.by_columns ? col_panels : row_tiles;
    run_job(&jb, threads_for(M * N * K, pieces), pieces);
}

/* ---- dot products ------------------------------------------------------ */

/* Σ_k x[k]·y[k] in eight interleaved partial sums added at the end. */
static double dot_portable(const double *x, const double *y, size_t K)
{
    double s[8] = {0};
    size_t k = 0;
    for (; k + 8 <= K; k += 8)
        for (int l = 0; l < 8; l++)
            s[l] += x[k + l] * y[k + l];
    for (; k < K; k++)
        s[k & 7] += x[k] * y[k];
    return ((s[0] + s[4]) + (s[1] + s[5])) + ((s[2] + s[6]) + (s[3] + s[7]));
}

#if GEMM_X86
/* The same eight partial sums, one AVX-512 vector, with FMA. */
__attribute__((target("avx512f"))) static double dot_avx512(const double *x, const double *y, size_t K)
{
    __m512d s = _mm512_setzero_pd();
    size_t k = 0;
    for (; k + 8 <= K; k += 8)
        s = _mm512_fmadd_pd(_mm512_loadu_pd(x + k), _mm512_loadu_pd(y + k), s);
    if (k < K) {
        const __mmask8 m = (__mmask8)((1u << (K - k)) - 1u);
        s = _mm512_fmadd_pd(_mm512_maskz_loadu_pd(m, x + k), _mm512_maskz_loadu_pd(m, y + k), s);
    }
    return _mm512_reduce_add_pd(s);
}
#endif

#if GEMM_X86
/* Four of dot_avx512's dots sharing x: out[l] = x · y[l], each with its own
 * vector of partial sums taken in the same order as dot_avx512 takes it (so
 * the same bits), the four chains side by side so the FMAs do not wait for
 * one another. */
__attribute__((target("avx512f"))) static void dot4_avx512(const double *x, const double *const y[4], size_t K,
                                                           double out[4])
{
    __m512d s0 = _mm512_setzero_pd(), s1 = s0, s2 = s0, s3 = s0;
    size_t k = 0;
    for (; k + 8 <= K; k += 8) {
        const __m512d xv = _mm512_loadu_pd(x + k);
        s0 = _mm512_fmadd_pd(xv, _mm512_loadu_pd(y[0] + k), s0);
        s1 = _mm512_fmadd_pd(xv, _mm512_loadu_pd(y[1] + k), s1);
        s2 = _mm512_fmadd_pd(xv, _mm512_loadu_pd(y[2] + k), s2);
        s3 = _mm512_fmadd_pd(xv, _mm512_loadu_pd(y[3] + k), s3);
    }
    if (k < K) {
        const __mmask8 m = (__mmask8)((1u << (K - k)) - 1u);
        const __m512d xv = _mm512_maskz_loadu_pd(m, x + k);
        s0 = _mm512_fmadd_pd(xv, _mm512_maskz_loadu_pd(m, y[0] + k), s0);
        s1 = _mm512_fmadd_pd(xv, _mm512_maskz_loadu_pd(m, y[1] + k), s1);
        s2 = _mm512_fmadd_pd(xv, _mm512_maskz_loadu_pd(m, y[2] + k), s2);
        s3 = _mm512_fmadd_pd(xv, _mm512_maskz_loadu_pd(m, y[3] + k), s3);
    }
    out[0] = _mm512_reduce_add_pd(s0);
    out[1] = _mm512_reduce_add_pd(s1);
    out[2] = _mm512_reduce_add_pd(s2);
    out[3] = _mm512_reduce_add_pd(s3);
}
#endif

/* Columns [j0, j1) of C: C(i, j) = A row i · B row j. With AVX-512, four
 * columns at a time share each row of A (dot4_avx512); the rest one by one. */
static void run_dots(const job *jb, int p)
{
    double (*dot)(const double *, const double *, size_t) = dot_portable;
    const size_t j0 = jb->N * (size_t)p / (size_t)jb->parts, j1 = jb->N * (size_t)(p + 1) / (size_t)jb->parts;
    size_t j = j0;
#if GEMM_X86
    if (jb->e->kernel == kernel_avx512) {
        dot = dot_avx512;
        for (; j + 4 <= j1; j += 4) {
            const double *const y[4] = {jb->B.v + (ptrdiff_t)j * jb->B.rs, jb->B.v + (ptrdiff_t)(j + 1) * jb->B.rs,
                                        jb->B.v + (ptrdiff_t)(j + 2) * jb->B.rs,
                                        jb->B.v + (ptrdiff_t)(j + 3) * jb->B.rs};
            for (size_t i = 0; i < jb->M; i++)
                dot4_avx512(jb->A.v + (ptrdiff_t)i * jb->A.rs, y, jb->K, jb->C.v + (ptrdiff_t)i * jb->C.rs + (ptrdiff_t)j);
        }
    }
#endif
    for (; j < j1; j++) {
        const double *y = jb->B.v + (ptrdiff_t)j * jb->B.rs;
        for (size_t i = 0; i < jb->M; i++)
            jb->C.v[(ptrdiff_t)i * jb->C.rs + (ptrdiff_t)j] = dot(jb->A.v + (ptrdiff_t)i * jb->A.rs, y, jb->K);
    }
}

void gemm_dots(size_t M, size_t N, size_t K, const double *a, const double *b, double *c)
{
    job jb = {.M = M, .N = N, .K = K, .A = {(double *)a, (ptrdiff_t)K, 1},
              .B = {(double *)b, (ptrdiff_t)K, 1}, .C = {c, (ptrdiff_t)N, 1}, .e = get_engine(),
              .run = run_dots};
    run_job(&jb, threads_for(M * N * K, N / 64 + 1), N / 64 + 1);
}
