/*
 * monoclock.c — mono_seconds: clock_gettime(CLOCK_MONOTONIC) as a double.
 */
#include "monoclock.h"

#include <time.h>

double mono_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}
