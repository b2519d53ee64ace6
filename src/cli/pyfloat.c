/*
 * pyfloat.c — Python's float repr (see pyfloat.h).
 *
 *   x ──%.{p}e, p = 0…16, the first that reads back as x──► digits "905", exponent 1
 *     ──exponent in -4 … 15──► "90.5"        (fixed; "50" gets ".0")
 *     ──otherwise────────────► "9.05e+16"    (two exponent digits at least)
 */
#include "pyfloat.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "d.ddd…e±X" from the p + 1 digits and the exponent, read back. */
static double read_back(const char *digits, int p, int exp)
{
    char s[48];
    size_t k = 0;
    s[k++] = digits[0];
    s[k++] = '.';
    for (int i = 1; i <= p; i++)
        s[k++] = digits[i];
    snprintf(s + k, sizeof s - k, "e%d", exp);
    return strtod(s, NULL);
}

/* The p + 1 significant digits of y ≥ 0 that read back as y, if any: the
 * correctly rounded ones, or else their neighbour on the other side of y
 * (2^-44 is 5.684341886080802e-14: rounded, ...801 does not read back). The
 * digits go to digits (NUL-terminated), the decimal exponent to *exp. */
static bool shortest_at(double y, int p, char *digits, int *exp)
{
    char e[48];
    snprintf(e, sizeof e, "%.*e", p, y);
    size_t k = 0;
    for (const char *c = e; *c && *c != 'e'; c++)
        if (*c != '.')
            digits[k++] = *c;
    digits[k] = '\0';
    *exp = atoi(strchr(e, 'e') + 1);
    double back = read_back(digits, p, *exp);
    if (back == y)
        return true;
    /* one unit in the last digit towards y */
    char n[24];
    memcpy(n, digits, k + 1);
    int ne = *exp;
    if (back < y) {
        int i = (int)k - 1;
        while (i >= 0 && n[i] == '9')
            n[i--] = '0';
        if (i < 0) {
            n[0] = '1';
            ne++;
        } else {
            n[i]++;
        }
    } else {
        int i = (int)k - 1;
        while (i >= 0 && n[i] == '0')
            n[i--] = '9';
        if (i < 0)
            return false;
        n[i]--;
        if (n[0] == '0') { /* 1.000e5 − 1 unit is 9.999e4 */
            memset(n, '9', k);
            ne--;
        }
    }
    if (read_back(n, p, ne) != y)
        return false;
    memcpy(digits, n, k + 1);
    *exp = ne;
    return true;
}

char *pyfloat_format(char *buf, size_t size, double x)
{
    if (size == 0)
        return buf;
    if (isnan(x)) {
        snprintf(buf, size, "nan");
        return buf;
    }
    if (isinf(x)) {
        snprintf(buf, size, "%sinf", x < 0 ? "-" : "");
        return buf;
    }
    bool neg = signbit(x);
    char digits[24];
    size_t nd = 0;
    int exp = 0;
    for (int p = 0; p <= 16; p++) {
        if (shortest_at(fabs(x), p, digits, &exp)) {
            nd = (size_t)p + 1;
            break;
        }
    }
    while (nd > 1 && digits[nd - 1] == '0')
        digits[--nd] = '\0';

    char out[64];
    size_t k = 0;
    if (neg)
        out[k++] = '-';
    if (exp >= -4 && exp < 16) {
        if (exp < 0) {
            out[k++] = '0';
            out[k++] = '.';
            for (int i = -1; i > exp; i--)
                out[k++] = '0';
            for (size_t i = 0; i < nd; i++)
                out[k++] = digits[i];
        } else {
            for (int i = 0; i <= exp; i++)
                out[k++] = (size_t)i < nd ? digits[i] : '0';
            out[k++] = '.';
            if ((size_t)exp + 1 < nd)
                for (size_t i = (size_t)exp + 1; i < nd; i++)
                    out[k++] = digits[i];
            else
                out[k++] = '0';
        }
        out[k] = '\0';
    } else {
        out[k++] = digits[0];
        if (nd > 1) {
            out[k++] = '.';
            for (size_t i = 1; i < nd; i++)
                out[k++] = digits[i];
        }
        snprintf(out + k, sizeof out - k, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    }
    snprintf(buf, size, "%s", out);
    return buf;
}
