/* mono_seconds, the one clock every duration is measured with: it counts in
 * seconds (not ms or ns), never goes back, and a pause shows as at least its
 * length. */
#include "dnn_test.h"

#include <math.h>
#include <time.h>

#include "monoclock.h"

static void readings_never_go_back(void **state)
{
    (void)state;
    double last = mono_seconds();
    assert_true(isfinite(last) && last >= 0.0);
    for (int i = 0; i < 100000; i++) {
        double now = mono_seconds();
        assert_true(now >= last);
        last = now;
    }
}

static void a_pause_of_20_ms_reads_as_at_least_0_02_seconds(void **state)
{
    (void)state;
    double t0 = mono_seconds();
    struct timespec pause = {0, 20 * 1000 * 1000}, left;
    while (nanosleep(&pause, &left) != 0)
        pause = left;
    double took = mono_seconds() - t0;
    assert_true(took >= 0.02);
    assert_true(took < 3600.0);  /* seconds, not milliseconds or nanoseconds */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(readings_never_go_back),
        cmocka_unit_test(a_pause_of_20_ms_reads_as_at_least_0_02_seconds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
