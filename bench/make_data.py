#!/usr/bin/env python3
"""Builds the benchmark data sets with fixed seeds (see bench/README.md).

Content is AES-128-CTR keystream (openssl enc on /dev/zero): cheap, incompressible and
reproducible. Usage: make_data.py DATA_DIR [small]
"""
import hashlib
import os
import random
import subprocess
import sys


def keystream(key_hex, n):
    if n == 0:
        return b""
    p = subprocess.run(
        f"openssl enc -aes-128-ctr -nosalt -K {key_hex} -iv {'0' * 32} -in /dev/zero 2>/dev/null | head -c {n}",
        shell=True, check=True, stdout=subprocess.PIPE)
    return p.stdout


def write_tree(root, seed, count, lo, hi, levels, key):
    rng = random.Random(seed)
    plan = []
    for i in range(count):
        size = rng.randint(lo, hi)
        parts = [f"d{rng.randrange(n):02d}" for n in levels]
        plan.append((os.path.join(*parts, f"f{i:05d}.bin"), size))
    data = keystream(key, sum(s for _, s in plan))
    pos = 0
    for rel, size in plan:
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data[pos:pos + size])
        pos += size
    return sorted(rel for rel, _ in plan)


def main():
    out = sys.argv[1]
    small_mode = len(sys.argv) > 2 and sys.argv[2] == "small"
    os.makedirs(out, exist_ok=True)
    stamp = os.path.join(out, ".stamp")
    if os.path.exists(stamp):
        return
    big = 64 << 20 if small_mode else 2 << 30
    subprocess.run(
        f"openssl enc -aes-128-ctr -nosalt -K 00112233445566778899aabbccddeeff -iv {'0' * 32} "
        f"-in /dev/zero 2>/dev/null | head -c {big} > {out}/big.bin", shell=True, check=True)
    n_small = 2000 if small_mode else 20000
    n_medium = 20 if small_mode else 200
    names = write_tree(os.path.join(out, "small"), 20000, n_small, 1024, 65536, (10, 10, 5), "11" * 16)
    write_tree(os.path.join(out, "medium"), 200, n_medium, 1 << 20, 20 << 20, (4, 4), "22" * 16)
    # The 20k manifest (sha256sum format, made from the sorted list, read inside small/).
    with open(os.path.join(out, "small.sha256"), "w") as m:
        for rel in names:
            with open(os.path.join(out, "small", rel), "rb") as f:
                m.write(f"{hashlib.sha256(f.read()).hexdigest()}  {rel}\n")
    # The 1,000,000-line manifest: every line names the same empty file (memory, not I/O).
    lines = 20000 if small_mode else 1000000
    open(os.path.join(out, "empty"), "wb").close()
    line = f"{hashlib.sha256(b'').hexdigest()}  empty\n"
    with open(os.path.join(out, "million.sha256"), "w") as m:
        m.write(line * lines)
    open(stamp, "w").write("ok\n")


main()
