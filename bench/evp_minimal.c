/* The least a SHA-256 tool on OpenSSL 3 has to do for one file: fetch the digest once, read
 * the file with open/read, EVP_Digest its bytes, print "HEX  NAME" as sha256sum does. It is
 * the floor of bench/run.sh's start-up group (a 2-byte file, where only process start-up,
 * library loading and the provider fetch cost anything); fhash's goal there is 1.15 x this.
 *
 * Usage: fhash_evp_minimal FILE        (exit 1 on any error)
 * Build: cc -O2 evp_minimal.c -lcrypto   (or -DFHASH_BUILD_BENCH=ON: fhash_evp_minimal) */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/evp.h>

static int read_all(const char* path, unsigned char** data, size_t* size) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return -1;
    }
    size_t capacity = 1 << 16;
    size_t used = 0;
    unsigned char* buffer = malloc(capacity);
    for (;;) {
        if (buffer == NULL) {
            close(fd);
            return -1;
        }
        ssize_t got = read(fd, buffer + used, capacity - used);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got < 0) {
            free(buffer);
            close(fd);
            return -1;
        }
        if (got == 0) {
            break;
        }
        used += (size_t)got;
        if (used == capacity) {
            capacity *= 2;
            unsigned char* bigger = realloc(buffer, capacity);
            if (bigger == NULL) {
                free(buffer);
            }
            buffer = bigger;
        }
    }
    close(fd);
    *data = buffer;
    *size = used;
    return 0;
}

int main(int argc, char** argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 2;
    }
    unsigned char* data = NULL;
    size_t size = 0;
    if (read_all(argv[1], &data, &size) != 0) {
        fprintf(stderr, "%s: %s: %s\n", argv[0], argv[1], strerror(errno));
        return 1;
    }
    EVP_MD* md = EVP_MD_fetch(NULL, "SHA256", NULL);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (md == NULL || EVP_Digest(data, size, digest, &length, md, NULL) != 1) {
        fprintf(stderr, "%s: SHA256 failed\n", argv[0]);
        return 1;
    }
    EVP_MD_free(md);
    free(data);
    char hex[2 * EVP_MAX_MD_SIZE + 1];
    for (unsigned int i = 0; i < length; ++i) {
        snprintf(hex + 2 * i, 3, "%02x", digest[i]);
    }
    printf("%s  %s\n", hex, argv[1]);
    return 0;
}
