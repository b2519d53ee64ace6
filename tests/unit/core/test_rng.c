/* The random stream must equal numpy's legacy RandomState, draw for draw. */
#include "dnn_test.h"

#include "rng.h"

static void expect_stream(uint32_t seed, const double *want, int n)
{
    rng r;
    rng_seed(&r, seed);
    for (int i = 0; i < n; i++) {
        double got = rng_randn(&r);
        if (fabs(got - want[i]) > 5e-9)
            fail_msg("seed(%u) draw %d: got %.10f, numpy gives %.8f", seed, i, got, want[i]);
    }
}

static void randn_after_seed_1_matches_numpy(void **state)
{
    (void)state;
    const double want[] = {1.62434536, -0.61175641, -0.52817175, -1.07296862,
                           0.86540763, -2.3015387, 1.74481176, -0.7612069};
    expect_stream(1, want, 8);
}

static void randn_after_seed_2_matches_numpy(void **state)
{
    (void)state;
    const double want[] = {-0.41675785, -0.05626683, -2.1361961, 1.64027081, -1.79343559};
    expect_stream(2, want, 5);
}

static void randn_after_seed_3_matches_numpy(void **state)
{
    (void)state;
    const double want[] = {1.78862847, 0.43650985, 0.09649747, -1.8634927, -0.2773882};
    expect_stream(3, want, 5);
}

/* np.random.seed(0); np.random.rand(3) → 0.5488135, 0.71518937, 0.60276338 */
static void rand_after_seed_0_matches_numpy(void **state)
{
    (void)state;
    rng r;
    rng_seed(&r, 0);
    assert_near(rng_rand(&r), 0.5488135039273248, 1e-15);
    assert_near(rng_rand(&r), 0.7151893663724195, 1e-15);
    assert_near(rng_rand(&r), 0.6027633760716439, 1e-15);
}

/* The raw MT19937 output for init_genrand(5489) is the reference 3499211612. */
static void raw_output_matches_the_mt19937_reference(void **state)
{
    (void)state;
    rng r;
    rng_seed(&r, 5489);
    assert_int_equal(rng_u32(&r), 3499211612u);
}

static void reseeding_drops_the_cached_gaussian(void **state)
{
    (void)state;
    rng r;
    rng_seed(&r, 1);
    rng_randn(&r); /* leaves the second value of the pair cached */
    rng_seed(&r, 1);
    assert_near(rng_randn(&r), 1.62434536, 5e-9);
}

static void randn_fills_a_matrix_row_major(void **state)
{
    (void)state;
    rng r;
    rng_seed(&r, 2);
    mat *m = mat_new(2, 2);
    rng_fill_randn(&r, m);
    assert_near(mat_get(m, 0, 0), -0.41675785, 5e-9);
    assert_near(mat_get(m, 0, 1), -0.05626683, 5e-9);
    assert_near(mat_get(m, 1, 0), -2.1361961, 5e-9);
    assert_near(mat_get(m, 1, 1), 1.64027081, 5e-9);
    mat_free(m);
}

/* np.random.seed(0); np.random.permutation(10) → [2 8 4 9 1 6 7 3 0 5] */
static void permutation_matches_numpy(void **state)
{
    (void)state;
    rng r;
    rng_seed(&r, 0);
    size_t p[10];
    rng_permutation(&r, p, 10);
    const size_t want[10] = {2, 8, 4, 9, 1, 6, 7, 3, 0, 5};
    for (int i = 0; i < 10; i++)
        assert_int_equal(p[i], want[i]);
}

/* Deep into the stream (rejections of the polar method and the cached second
 * value both happen hundreds of times by then), still bit for bit:
 * np.random.seed(1); np.random.randn(1001)[999:] → −0.18695501653274957,
 * −0.15323616176709168 (the last digits of a double, not rounded). */
static void the_thousandth_gaussian_is_numpys_to_the_last_bit(void **state)
{
    (void)state;
    rng r;
    rng_seed(&r, 1);
    for (int i = 0; i < 999; i++)
        rng_randn(&r);
    assert_exact(rng_randn(&r), -0.18695501653274957);
    assert_exact(rng_randn(&r), -0.15323616176709168);
}

/* np.random.seed(0); [np.random.randint(0, 7) for _ in range(6)] →
 * [4, 5, 0, 3, 3, 3]; then randint(0, 1000003) after seed(0) → 985772,
 * 305711, 435829 (numpy's masked rejection, a 32-bit draw each). */
static void randint_below_n_matches_numpy(void **state)
{
    (void)state;
    rng r;
    rng_seed(&r, 0);
    const uint32_t small[6] = {4, 5, 0, 3, 3, 3};
    for (int i = 0; i < 6; i++)
        assert_int_equal(rng_below(&r, 7), small[i]);
    rng_seed(&r, 0);
    const uint32_t large[3] = {985772, 305711, 435829};
    for (int i = 0; i < 3; i++)
        assert_int_equal(rng_below(&r, 1000003), large[i]);
}

/* The split of a 569-example set (cancer) starts from
 * np.random.seed(5); np.random.permutation(569)[:6] → 28 163 123 361 549 339,
 * and the stream goes on where numpy's does: randn() → 0.5332312272938243. */
static void a_long_permutation_matches_numpy_and_leaves_the_stream_in_step(void **state)
{
    (void)state;
    rng r;
    rng_seed(&r, 5);
    size_t p[569];
    rng_permutation(&r, p, 569);
    const size_t want[6] = {28, 163, 123, 361, 549, 339};
    for (int i = 0; i < 6; i++)
        assert_int_equal(p[i], want[i]);
    assert_exact(rng_randn(&r), 0.5332312272938243);
}

/* np.random.seed(0); np.random.rand(2, 2) fills row by row. */
static void rand_fills_a_matrix_row_major(void **state)
{
    (void)state;
    rng r;
    rng_seed(&r, 0);
    mat *m = mat_new(2, 2);
    rng_fill_rand(&r, m);
    assert_exact(mat_get(m, 0, 0), 0.5488135039273248);
    assert_exact(mat_get(m, 0, 1), 0.7151893663724195);
    assert_exact(mat_get(m, 1, 0), 0.6027633760716439);
    mat_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(randn_after_seed_1_matches_numpy),
        cmocka_unit_test(randn_after_seed_2_matches_numpy),
        cmocka_unit_test(randn_after_seed_3_matches_numpy),
        cmocka_unit_test(rand_after_seed_0_matches_numpy),
        cmocka_unit_test(raw_output_matches_the_mt19937_reference),
        cmocka_unit_test(reseeding_drops_the_cached_gaussian),
        cmocka_unit_test(randn_fills_a_matrix_row_major),
        cmocka_unit_test(permutation_matches_numpy),
        cmocka_unit_test(the_thousandth_gaussian_is_numpys_to_the_last_bit),
        cmocka_unit_test(randint_below_n_matches_numpy),
        cmocka_unit_test(a_long_permutation_matches_numpy_and_leaves_the_stream_in_step),
        cmocka_unit_test(rand_fills_a_matrix_row_major),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
