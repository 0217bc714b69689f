#!/usr/bin/env python3
"""Interleaved rounds for bench/run.sh's cold groups and its reads-in-flight probe.

hyperfine runs all the runs of one command, then all of the next: with a noisy disk (the
virtio "disk" of the project VM swings 2-3x from run to run) a slow spell then lands on one
command only. Here each round runs every command once, A B C, the next round starts one
command later (B C A, ...), and with --cold the page cache (and the dentry and inode caches)
is dropped before every single run. The table shows the median, min and max wall time, the
median of the per-round ratios to the reference (command 1, or 0 when alone), and the
goals "i:j:max" as median(i) / median(j) <= max, as run.sh's warm groups do.

usage: rounds.py --name NAME --runs N [--cold] [--exec] [--warmup K] [--goals LIST] [--smoke]
                 [--check-field FIELD] [--json FILE] -- COMMAND...
Each COMMAND is a shell command run by /bin/sh in the current folder, stdout discarded
(captured with --check-field: the FIELD=VALUE word of each run must be the same for all).
With --exec a COMMAND is split into words and run without a shell (start-up timings, where
a shell's own start would be most of what is measured). Times under 0.1 s print in ms.
"""

import argparse
import json
import os
import re
import shlex
import statistics
import subprocess
import sys
import time


def drop_caches():
    os.sync()
    with open("/proc/sys/vm/drop_caches", "w") as f:
        f.write("3\n")


def busy_jiffies():
    with open("/proc/stat") as f:
        fields = f.readline().split()
    # user nice system irq softirq (idle and iowait left out)
    return sum(int(fields[i]) for i in (1, 2, 3, 6, 7))


def run_once(command, capture, direct=False):
    """Wall seconds, user+sys seconds and stdout (when captured) of one run."""
    argv = shlex.split(command) if direct else ["/bin/sh", "-c", command]
    start = time.monotonic()
    process = subprocess.Popen(argv, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE if capture else subprocess.DEVNULL)
    output = process.stdout.read().decode() if capture else ""
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"rounds.py: exit {process.returncode}: {command}")
    return wall, usage.ru_utime + usage.ru_stime, output


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--name", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=0)
    parser.add_argument("--cold", action="store_true")
    parser.add_argument("--exec", dest="direct", action="store_true")
    parser.add_argument("--goals", default="")
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--check-field")
    parser.add_argument("--json")
    parser.add_argument("commands", nargs="+")
    args = parser.parse_args()
    commands = args.commands
    n = len(commands)
    walls = [[] for _ in commands]
    cpus = [[] for _ in commands]
    ratios = [[] for _ in commands]
    checks = {}
    ref = 1 if n > 1 else 0

    before_busy, before_clock = busy_jiffies(), time.monotonic()
    self_before = os.times()
    own_cpu = 0.0
    for round_index in range(-args.warmup, args.runs):
        order = [(round_index + k) % n for k in range(n)]
        round_wall = [0.0] * n
        for i in order:
            if args.cold:
                drop_caches()
            wall, cpu, output = run_once(commands[i], args.check_field is not None, args.direct)
            own_cpu += cpu
            if args.check_field:
                match = re.search(rf"\b{re.escape(args.check_field)}=(\S+)", output)
                checks.setdefault(match.group(1) if match else "(none)", []).append(i)
            round_wall[i] = wall
            if round_index >= 0:
                walls[i].append(wall)
                cpus[i].append(cpu)
        if round_index >= 0:
            for i in range(n):
                ratios[i].append(round_wall[i] / round_wall[ref])
    elapsed = time.monotonic() - before_clock
    self_after = os.times()
    own_cpu += (self_after.user - self_before.user) + (self_after.system - self_before.system)
    busy = (busy_jiffies() - before_busy) / os.sysconf("SC_CLK_TCK")
    other = max(busy - own_cpu, 0.0) / max(elapsed, 1e-9)

    mode = "page cache dropped before each run" if args.cold else "warm"
    if args.direct:
        mode += ", no shell"
    print(f"## {args.name}  ({mode}; {args.runs} interleaved rounds; other load during the "
          f"group: {other:.2f} cores)")
    strip = os.environ.get("FHASH_BIN_DIR", "//") + "/"  # the build folder, left out of names
    names = [c.replace(strip, "") for c in commands]
    width = max(60, *(len(name) for name in names))
    medians = [statistics.median(w) for w in walls]
    scale, unit = (1000, "ms") if max(medians) < 0.1 else (1, "s")
    print(f"{'command':{width}} {'median ' + unit:>9} {'min ' + unit:>7} {'max ' + unit:>7} "
          f"{'x ref':>6} {'cpu ' + unit:>6}")
    for i, name in enumerate(names):
        print(f"{name:{width}} {medians[i] * scale:9.3f} {min(walls[i]) * scale:7.3f} "
              f"{max(walls[i]) * scale:7.3f} {statistics.median(ratios[i]):6.2f} "
              f"{statistics.median(cpus[i]) * scale:6.2f}")
    for goal in filter(None, args.goals.split(",")):
        i, j, limit = goal.split(":")
        ratio = medians[int(i)] / medians[int(j)]
        verdict = ("not judged (BENCH_SMALL)" if args.smoke
                   else "ok" if ratio <= float(limit) else "MISSED")
        print(f"goal: [{i}] / [{j}] = {ratio:.3f} (<= {limit}) {verdict}")
    if args.check_field:
        if len(checks) == 1:
            print(f"{args.check_field}: the same in every run ({next(iter(checks))})")
        else:
            print(f"{args.check_field}: DIFFERS between runs: {checks}")
    print()
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"name": args.name, "cold": args.cold, "other_load": other,
                       "results": [{"command": c, "times": walls[i], "median": medians[i]}
                                   for i, c in enumerate(commands)]}, f)
    if args.check_field and len(checks) != 1:
        sys.exit(1)


if __name__ == "__main__":
    main()
