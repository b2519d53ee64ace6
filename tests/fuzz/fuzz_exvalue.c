/*
 * fuzz_exvalue.c — the exercise checker's reader of the values a learner's
 * function returned (exv_from_json_text: what the Python harness writes, one
 * JSON value per case) on arbitrary bytes. Nothing may crash, leak or read out
 * of bounds; a value that parses must print its shape, and its JSON form must
 * read back to a value whose JSON form is the same text (so what the
 * checker shows is what it read).
 *
 * Built with clang -fsanitize=fuzzer as tests/fuzz/fuzz_exvalue, and with any
 * compiler into fuzz_exvalue_replay (fuzz_replay.c), which feeds it the seed
 * corpus tests/fuzz/corpus/exvalue.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ex_value.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    ex_value *v = exv_from_json_text(text);
    free(text);
    if (!v)
        return 0;
    char shape[128];
    exv_shape_text(v, shape, sizeof shape);
    if (memchr(shape, '\0', sizeof shape) == NULL)
        __builtin_trap();
    char *once = exv_to_json(v);
    if (once) {
        ex_value *again = exv_from_json_text(once);
        if (!again)
            __builtin_trap();
        char *twice = exv_to_json(again);
        if (twice && strcmp(once, twice) != 0)
            __builtin_trap();
        free(twice);
        exv_free(again);
    }
    free(once);
    exv_free(v);
    return 0;
}
