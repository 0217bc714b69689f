/* LD_PRELOAD shim for the fault tests: readdir() fails with EIO once it has returned
 * FHASH_READDIR_FAIL_AFTER entries (counted over the whole process), as a directory on a
 * failing disk or a network share that goes away does part-way through a listing. */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>

static long returned;

static int should_fail(void) {
    const char* limit = getenv("FHASH_READDIR_FAIL_AFTER");
    return limit != NULL && returned >= atol(limit);
}

struct dirent* readdir(DIR* dir) {
    static struct dirent* (*real)(DIR*);
    if (real == NULL) {
        real = (struct dirent * (*)(DIR*)) dlsym(RTLD_NEXT, "readdir");
    }
    if (should_fail()) {
        errno = EIO;
        return NULL;
    }
    struct dirent* entry = real(dir);
    if (entry != NULL) {
        ++returned;
    }
    return entry;
}

struct dirent64* readdir64(DIR* dir) {
    static struct dirent64* (*real)(DIR*);
    if (real == NULL) {
        real = (struct dirent64 * (*)(DIR*)) dlsym(RTLD_NEXT, "readdir64");
    }
    if (should_fail()) {
        errno = EIO;
        return NULL;
    }
    struct dirent64* entry = real(dir);
    if (entry != NULL) {
        ++returned;
    }
    return entry;
}
