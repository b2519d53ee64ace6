/*
 * user_site.h — for the tests of src/exercise: where a python looks for the
 * user's packages (pip install --user) under the current PYTHONUSERBASE.
 */
#ifndef DNN_TEST_USER_SITE_H
#define DNN_TEST_USER_SITE_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* True with site filled; false when python has no user site-packages (a
 * virtual environment, or a python built without them) or did not answer. */
static inline bool user_site_of(const char *python, char *site, size_t size)
{
    char cmd[4400];
    snprintf(cmd, sizeof cmd,
             "'%s' -c 'import site; print(site.getusersitepackages() if site.ENABLE_USER_SITE else \"\")'",
             python);
    FILE *p = popen(cmd, "r");
    if (!p)
        return false;
    if (!fgets(site, (int)size, p))
        site[0] = '\0';
    pclose(p);
    site[strcspn(site, "\n")] = '\0';
    return site[0] != '\0';
}

#endif
