/* The generated 2-D data sets: the course's planar points, and four seeded toys. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "dnn_test.h"

#include <math.h>

#include "generate.h"

typedef struct pair { mat *X, *Y; } pair;

static pair make(gen_kind kind, uint32_t seed)
{
    pair p = {mat_new(2, GEN_DEFAULT_M), mat_new(1, GEN_DEFAULT_M)};
    assert_non_null(p.X);
    assert_non_null(p.Y);
    assert_true(gen_make(kind, seed, p.X, p.Y));
    return p;
}

static void drop(pair p)
{
    mat_free(p.X);
    mat_free(p.Y);
}

static void linspace_has_numpys_step_and_exact_endpoints(void **state)
{
    (void)state;
    double t[200];
    gen_linspace(3.12, 6.24, 200, true, t);
    assert_exact(t[0], 3.12);
    assert_exact(t[199], 6.24); /* set exactly, not k·step + start */
    /* numpy: linspace(3.12, 6.24, 200)[1] and [198], printed with repr() */
    assert_exact(t[1], 3.1356783919597992);
    assert_exact(t[198], 6.224321608040201);
    double u[4];
    gen_linspace(0.0, 1.0, 4, false, u); /* endpoint=False: step 1/4 */
    assert_exact(u[0], 0.0);
    assert_exact(u[1], 0.25);
    assert_exact(u[3], 0.75);
    double one;
    gen_linspace(2.0, 5.0, 1, true, &one);
    assert_exact(one, 2.0);
}

static void planar_with_seed_1_gives_the_courses_first_point(void **state)
{
    (void)state;
    pair p = make(GEN_PLANAR, 1);
    assert_near(mat_get(p.X, 0, 0), 1.20444229, 1e-8);
    assert_near(mat_get(p.X, 1, 0), 3.57611415, 1e-8);
    drop(p);
}

/* Points checked against numpy running the course's load_planar_dataset. */
static void planar_points_match_numpy_across_both_classes(void **state)
{
    (void)state;
    pair p = make(GEN_PLANAR, 1);
    static const struct { size_t i; double x, y; } want[] = {
        {1, 0.15870990398255375, -1.4821709003683443},
        {2, 0.09524719604502052, -1.2799553276531797},
        {199, -0.5858464101358457, -3.091259938950624},
        {200, -1.0704958072229525, 3.682524609580073},
        {201, -0.002329059937024095, -0.24877516456411744},
        {399, 0.7307808250007515, 3.0683292081876554},
    };
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
        assert_near(mat_get(p.X, 0, want[k].i), want[k].x, 1e-8);
        assert_near(mat_get(p.X, 1, want[k].i), want[k].y, 1e-8);
    }
    double sx = 0, sy = 0;
    for (size_t i = 0; i < 400; i++) {
        sx += mat_get(p.X, 0, i);
        sy += mat_get(p.X, 1, i);
    }
    assert_near(sx, -17.33836367040439, 1e-7);
    assert_near(sy, 27.426346947846035, 1e-7);
    drop(p);
}

static void planar_puts_class_0_first_then_class_1(void **state)
{
    (void)state;
    pair p = make(GEN_PLANAR, 1);
    for (size_t i = 0; i < 400; i++)
        assert_exact(mat_get(p.Y, 0, i), (i < 200 ? 0.0 : 1.0));
    drop(p);
}

static void planar_refuses_an_odd_number_of_examples(void **state)
{
    (void)state;
    mat *X = mat_new(2, 5), *Y = mat_new(1, 5);
    assert_false(gen_planar(1, X, Y));
    mat *Y4 = mat_new(1, 4);
    assert_false(gen_planar(1, X, Y4)); /* shapes disagree */
    mat_free(X);
    mat_free(Y);
    mat_free(Y4);
}

static void every_set_is_deterministic_for_a_seed_and_changes_with_it(void **state)
{
    (void)state;
    for (int k = 0; k < GEN_COUNT; k++) {
        pair a = make((gen_kind)k, 7), b = make((gen_kind)k, 7), c = make((gen_kind)k, 8);
        assert_exact(mat_max_abs_diff(a.X, b.X), 0.0);
        assert_exact(mat_max_abs_diff(a.Y, b.Y), 0.0);
        assert_true(mat_max_abs_diff(a.X, c.X) > 0.01);
        assert_true(mat_all_finite(a.X));
        drop(a);
        drop(b);
        drop(c);
    }
}

static void every_set_has_two_balanced_classes(void **state)
{
    (void)state;
    for (int k = 0; k < GEN_COUNT; k++) {
        pair p = make((gen_kind)k, 1);
        size_t ones = 0;
        for (size_t i = 0; i < GEN_DEFAULT_M; i++) {
            double y = mat_get(p.Y, 0, i);
            assert_true(y == 0.0 || y == 1.0);
            ones += y == 1.0;
        }
        if (ones != 200)
            fail_msg("%s: %zu ones of 400", gen_name((gen_kind)k), ones);
        drop(p);
    }
}

/* The first draws of seed 1 are 1.62434536, −0.61175641 (design.md), so the
 * first point of circles is (1 + 0.3·1.62434536, 0 + 0.3·(−0.61175641)) and of
 * moons (1 + 0.2·1.62434536, 0 + 0.2·(−0.61175641)). Later points: numpy. */
static void circles_and_moons_follow_their_recipe(void **state)
{
    (void)state;
    pair c = make(GEN_CIRCLES, 1);
    assert_near(mat_get(c.X, 0, 0), 1.48730361, 1e-8);
    assert_near(mat_get(c.X, 1, 0), -0.18352692, 1e-8);
    assert_near(mat_get(c.X, 0, 250), -0.51581834, 1e-8);
    assert_near(mat_get(c.X, 1, 250), 0.5171363, 1e-8);
    assert_exact(mat_get(c.Y, 0, 199), 0.0);
    assert_exact(mat_get(c.Y, 0, 200), 1.0);
    drop(c);
    pair m = make(GEN_MOONS, 1);
    assert_near(mat_get(m.X, 0, 0), 1.32486907, 1e-8);
    assert_near(mat_get(m.X, 1, 0), -0.12235128, 1e-8);
    assert_near(mat_get(m.X, 0, 399), 2.1451101, 1e-8);
    assert_near(mat_get(m.X, 1, 399), 0.43515916, 1e-8);
    drop(m);
}

static void blobs_and_quantiles_follow_their_recipe(void **state)
{
    (void)state;
    pair b = make(GEN_BLOBS, 1);
    /* centre 0 = (20·rand − 10, 20·rand − 10) = (−1.65955991, 4.40648987), plus randn */
    assert_near(mat_get(b.X, 0, 0), -1.340520809891421, 1e-8);
    assert_near(mat_get(b.X, 1, 0), 4.157119493365752, 1e-8);
    assert_near(mat_get(b.X, 0, 67), -9.128826346647234, 1e-8); /* first point of blob 1 (67 per blob for 0…3) */
    assert_exact(mat_get(b.Y, 0, 66), 0.0);
    assert_exact(mat_get(b.Y, 0, 67), 1.0);
    drop(b);
    pair q = make(GEN_QUANTILES, 1);
    assert_near(mat_get(q.X, 0, 0), 1.62434536 * sqrt(0.5), 1e-8);
    assert_near(mat_get(q.X, 1, 0), -0.61175641 * sqrt(0.5), 1e-8);
    /* labels by radius rank, checked with numpy's argsort */
    static const double first[10] = {1, 1, 1, 1, 0, 1, 0, 1, 0, 0};
    for (size_t i = 0; i < 10; i++)
        assert_exact(mat_get(q.Y, 0, i), first[i]);
    /* every 1 lies further out than every 0 */
    double max0 = 0, min1 = INFINITY;
    for (size_t i = 0; i < GEN_DEFAULT_M; i++) {
        double x = mat_get(q.X, 0, i), y = mat_get(q.X, 1, i), r2 = x * x + y * y;
        if (mat_get(q.Y, 0, i) == 0.0)
            max0 = r2 > max0 ? r2 : max0;
        else
            min1 = r2 < min1 ? r2 : min1;
    }
    assert_true(max0 <= min1);
    drop(q);
}

static void names_round_trip(void **state)
{
    (void)state;
    static const char *names[] = {"planar", "circles", "moons", "blobs", "quantiles"};
    for (int k = 0; k < GEN_COUNT; k++) {
        gen_kind got;
        assert_true(gen_parse(names[k], &got));
        assert_int_equal(got, k);
        assert_string_equal(gen_name(got), names[k]);
    }
    gen_kind unused;
    assert_false(gen_parse("Planar", &unused));
    assert_false(gen_parse("cancer", &unused));
    assert_null(gen_name(GEN_COUNT));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(linspace_has_numpys_step_and_exact_endpoints),
        cmocka_unit_test(planar_with_seed_1_gives_the_courses_first_point),
        cmocka_unit_test(planar_points_match_numpy_across_both_classes),
        cmocka_unit_test(planar_puts_class_0_first_then_class_1),
        cmocka_unit_test(planar_refuses_an_odd_number_of_examples),
        cmocka_unit_test(every_set_is_deterministic_for_a_seed_and_changes_with_it),
        cmocka_unit_test(every_set_has_two_balanced_classes),
        cmocka_unit_test(circles_and_moons_follow_their_recipe),
        cmocka_unit_test(blobs_and_quantiles_follow_their_recipe),
        cmocka_unit_test(names_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
