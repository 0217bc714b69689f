#!/usr/bin/env bash
# End-to-end benchmark of fhash against openssl dgst, rhash, sha256sum and b3sum on the data
# sets of the baseline study (built once with fixed seeds by make_data.py), plus peak-RSS
# checks. Prints one table per workload with wall-time ratios and the goals.
#
# Usage: bench/run.sh [--cold | --probe] [FHASH_BINARY]        (default: build-rel/fhash)
#   (no flag)  warm groups: the page cache is filled right before each group
#   --cold     (or COLD=1) cold groups only: the page cache is dropped before every timed run
#              (sync; echo 3 > /proc/sys/vm/drop_caches), in interleaved rounds (rounds.py).
#              Root only: otherwise it says so and exits 2. Nothing is warmed.
#   --probe    (or PROBE=1) the reads-in-flight probe (cold_read_probe.cpp): reader threads
#              against io_uring against today's one-file-per-thread model, cold and warm, on
#              the small and medium trees. Root only.
# Environment:
#   BENCH_DATA=DIR   data folder (default /tmp/fhash-bench; ~5 GB; /tmp/fhash-bench-small
#                    with BENCH_SMALL=1)
#   BENCH_SMALL=1    tiny data and 2 runs: a smoke test that takes seconds
#   RUNS=N           timed runs per command, or rounds with --cold/--probe (default 5)
#   ONLY=LIST        comma-separated groups: big,both,medium,small,verify,blake3,xxh,crc,multi,
#                    cloud,rss,merge,shards,start-up; with --cold: big,medium,small,verify; with
#                    --probe: small,medium
# Needs: hyperfine, GNU time, python3, openssl, rhash, b3sum, xxhsum (apt-get install -y
# hyperfine rhash b3sum xxhash hashdeep time). Build fhash first:
#   cmake -S . -B build-rel -G Ninja -DCMAKE_BUILD_TYPE=Release && ninja -C build-rel
# With -DFHASH_BUILD_BENCH=ON the build also has bench/fhash_evp_minimal (the start-up
# group's floor; built here with cc if absent) and bench/fhash_cold_read_probe (--probe;
# needs liburing-dev).
#
# The machine is shared: run it under `flock /tmp/fhash-bench.lock bench/run.sh …` so that
# no other measurement (or cache drop) overlaps. The page cache is warmed right before each
# warm group: on this kind of VM, files idle for about a minute are evicted. Other load on
# the machine is printed per group (from /proc/stat); trust 2-thread ratios only when it is
# near 0.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cold=${COLD:-0}
probe=${PROBE:-0}
while [[ $# -gt 0 && $1 == --* ]]; do
  case $1 in
    --cold) cold=1 ;;
    --probe) probe=1 ;;
    *) echo "bench/run.sh: unknown option $1 (--cold, --probe)" >&2; exit 2 ;;
  esac
  shift
done
FHASH=$(realpath "${1:-$here/../build-rel/fhash}")
# The tables name programs of the build folder without it (fhash, bench/fhash_evp_minimal).
FHASH_BIN_DIR=$(dirname "$FHASH")
export FHASH_BIN_DIR
if [[ $cold == 1 || $probe == 1 ]] && ! [[ $(id -u) == 0 && -w /proc/sys/vm/drop_caches ]]; then
  echo "bench/run.sh: --cold and --probe drop the page cache before each run, which needs root" >&2
  exit 2
fi
small=${BENCH_SMALL:-0}
if [[ $small == 1 ]]; then
  DATA=${BENCH_DATA:-/tmp/fhash-bench-small}
  RUNS=${RUNS:-2}
  WARMUP=0
else
  DATA=${BENCH_DATA:-/tmp/fhash-bench}
  RUNS=${RUNS:-5}
  WARMUP=1
fi
if [[ $cold == 1 ]]; then
  ONLY=${ONLY:-small,medium,big,verify}
elif [[ $probe == 1 ]]; then
  ONLY=${ONLY:-small,medium}
else
  ONLY=${ONLY:-start-up,big,both,medium,small,verify,blake3,xxh,crc,multi,cloud,rss,merge,shards}
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

for tool in hyperfine python3 openssl rhash b3sum xxhsum sha256sum /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 2; }
done
[[ -x $FHASH ]] || { echo "no fhash binary at $FHASH" >&2; exit 2; }

python3 "$here/make_data.py" "$DATA" $([[ $small == 1 ]] && echo small)
cd "$DATA"

want() { [[ ",$ONLY," == *",$1,"* ]]; }

warm() {  # read the data of a group into the page cache
  find "$@" -type f -print0 | xargs -0 cat > /dev/null
}

cpu_busy() {  # cumulative busy jiffies of the machine, and a monotonic-ish clock
  awk '/^cpu /{ print $2+$3+$4+$7+$8 }' /proc/stat
  date +%s.%N
}

echo "fhash: $FHASH ($("$FHASH" --version | tr '\n' ' '))"
echo "data: $DATA   runs: $RUNS   $(nproc) cores   load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# rounds NAME GOALS -- command...: interleaved rounds (rounds.py); ROUNDS_OPTS adds rounds.py
# options (--cold: the page cache dropped before every run).
rounds() {
  local name=$1 goals=$2
  shift 3
  # shellcheck disable=SC2046,SC2086
  python3 "$here/rounds.py" --name "$name" --runs "$RUNS" --goals "$goals" \
    $([[ $small == 1 ]] && echo --smoke) ${ROUNDS_OPTS:-} -- "$@"
}

# A helper program of the build's bench/ folder next to the fhash binary
# (-DFHASH_BUILD_BENCH=ON), else the one built into $out.
bench_bin() {
  local built
  built="$(dirname "$FHASH")/bench/$1"
  if [[ -x $built ]]; then
    echo "$built"
  elif [[ -x $out/$1 ]]; then
    echo "$out/$1"
  else
    return 1
  fi
}

if [[ $cold == 1 ]]; then
  # Cold reads against hashing: the virtio disk here gives ~2 GB/s on one big file, less on
  # many small ones, and swings from run to run (hence min and max in the tables).
  echo "cold: page cache dropped before every run; $RUNS interleaved rounds per group"
  echo
  if want small; then
    extra=("cd small && $FHASH -j1 -r -a sha256 .")
    if "$FHASH" --help | grep -q -- --io-threads; then
      extra+=("cd small && $FHASH --io-threads 1 -r -a sha256 ."
              "cd small && $FHASH --io-threads 16 -r -a sha256 .")
    fi
    ROUNDS_OPTS=--cold rounds "cold: 20,000 files of 1-64 KiB, SHA-256, recursive" "0:1:0.35" -- \
      "cd small && $FHASH -r -a sha256 ." "cd small && rhash -r --sha256 ." "${extra[@]}"
  fi
  if want medium; then
    ROUNDS_OPTS=--cold rounds "cold: 200 files of 1-20 MiB, SHA-256, recursive" "0:1:0.60" -- \
      "cd medium && $FHASH -r -a sha256 ." "cd medium && rhash -r --sha256 ."
  fi
  if want big; then
    ROUNDS_OPTS=--cold rounds "cold: one big file, SHA-256" "0:1:0.95" -- \
      "$FHASH -a sha256 big.bin" "openssl dgst -sha256 big.bin"
  fi
  if want verify; then
    ROUNDS_OPTS=--cold rounds "cold: verify the 20,000-file manifest" "" -- \
      "cd small && $FHASH -c ../small.sha256 > /dev/null" "cd small && rhash -c ../small.sha256"
  fi
  exit 0
fi

if [[ $probe == 1 ]]; then
  # Which way of keeping reads in flight feeds 2 hashing threads best (cold_read_probe.cpp):
  # every variant in interleaved rounds, cold (cache dropped before each run), then warm.
  if ! probe_bin=$(bench_bin fhash_cold_read_probe); then
    c++ -std=c++20 -O2 -o "$out/fhash_cold_read_probe" "$here/cold_read_probe.cpp" \
      -luring -lcrypto -pthread ||
      { echo "bench/run.sh: cannot build the probe (needs liburing-dev, libssl-dev)" >&2; exit 2; }
    probe_bin=$out/fhash_cold_read_probe
  fi
  variants=("--mode workers")
  for r in 1 2 4 8 16 32; do variants+=("--mode threads -R $r"); done
  for q in 1 4 16 64 256; do variants+=("--mode uring -Q $q"); done
  variants+=("--mode uring -Q 16 --sync-open")
  for tree in small medium; do
    want "$tree" || continue
    find "$tree" -type f | sort > "$out/$tree.list"
    commands=()
    for v in "${variants[@]}"; do commands+=("$probe_bin --list $out/$tree.list -H 2 $v"); done
    ROUNDS_OPTS="--cold --check-field check --json $out/probe-$tree-cold.json" \
      rounds "probe, $tree, cold" "" -- "${commands[@]}"
    warm "$tree"
    ROUNDS_OPTS="--warmup 1 --check-field check --json $out/probe-$tree-warm.json" \
      rounds "probe, $tree, warm" "" -- "${commands[@]}"
  done
  python3 - "$out" "${variants[@]}" <<'PY'
import json, os, statistics, sys
out, variants = sys.argv[1], sys.argv[2:]
trees = [t for t in ("small", "medium") if os.path.exists(f"{out}/probe-{t}-cold.json")]
print("## probe summary: wall s, median [min-max], 2 hashing threads")
print("| variant | " + " | ".join(f"{t} cold | {t} warm" for t in trees) + " |")
print("|---|" + "---|---|" * len(trees))
for k, v in enumerate(variants):
    cells = []
    for t in trees:
        for kind in ("cold", "warm"):
            times = json.load(open(f"{out}/probe-{t}-{kind}.json"))["results"][k]["times"]
            cells.append(f"{statistics.median(times):.3f} [{min(times):.2f}-{max(times):.2f}]")
    print(f"| `{v.replace('--mode ', '')}` | " + " | ".join(cells) + " |")
PY
  exit 0
fi

# group NAME GOALS -- command...   (the first command is fhash; GOALS are "i:j:max" triples:
# median(command i) / median(command j) must be <= max). GROUP_WARMUP, GROUP_RUNS and
# GROUP_OPTS (more hyperfine options) and GROUP_PREPARE (a command run before every timed
# run: re-reading the data, which this machine evicts from the page cache at random) change
# one group's runs.
group() {
  local name=$1 goals=$2
  shift 3
  local before after warmup=${GROUP_WARMUP:-$WARMUP} runs=${GROUP_RUNS:-$RUNS}
  before=$(cpu_busy)
  # shellcheck disable=SC2086
  hyperfine --style none --warmup "$warmup" --runs "$runs" ${GROUP_OPTS:-} \
    ${GROUP_PREPARE:+--prepare "$GROUP_PREPARE"} \
    --export-json "$out/$name.json" "$@" > /dev/null 2>"$out/$name.err" ||
    { cat "$out/$name.err" >&2; return 1; }
  after=$(cpu_busy)
  python3 - "$out/$name.json" "$name" "$goals" "$before" "$after" "$warmup" "$small" <<'PY'
import json, os, sys
results = json.load(open(sys.argv[1]))["results"]
name, goals = sys.argv[2], sys.argv[3]
b = [float(x) for x in sys.argv[4].split()]
a = [float(x) for x in sys.argv[5].split()]
warmup = int(sys.argv[6])
smoke = sys.argv[7] == "1"  # tiny data: start-up dominates, so goals are not judged
hz = os.sysconf("SC_CLK_TCK")
busy_s = (a[0] - b[0]) / hz
elapsed = a[1] - b[1]
own_s = sum((r["user"] + r["system"]) * (len(r["times"]) + warmup) for r in results)
other = max(busy_s - own_s, 0.0) / max(elapsed, 1e-9)
print(f"## {name}  (other load during the group: {other:.2f} cores)")
ref = results[1]["median"]
# Start-up times are milliseconds; the folder of the fhash binary is left out of names.
scale, unit = (1000, "ms") if max(r["median"] for r in results) < 0.1 else (1, "s")
print(f"{'command':60} {'median ' + unit:>9} {'min ' + unit:>8} {'x ref':>7} {'user ' + unit:>7} "
      f"{'sys ' + unit:>6}")
for r in results:
    command = r["command"].replace(os.environ.get("FHASH_BIN_DIR", "//") + "/", "")
    print(f"{command[:60]:60} {r['median'] * scale:9.3f} {r['min'] * scale:8.3f} "
          f"{r['median'] / ref:7.2f} {r['user'] * scale:7.3f} {r['system'] * scale:6.3f}")
for g in filter(None, goals.split(",")):
    i, j, limit = g.split(":")
    ratio = results[int(i)]["median"] / results[int(j)]["median"]
    verdict = "not judged (BENCH_SMALL)" if smoke else "ok" if ratio <= float(limit) else "MISSED"
    print(f"goal: [{i}] / [{j}] = {ratio:.3f} (<= {limit}) {verdict}")
print()
PY
}

if want start-up; then
  # Start-up cost on a 2-byte file, against the least an OpenSSL tool does (evp_minimal.c:
  # fetch SHA256, EVP_Digest, print). No shell (--exec): only the processes are timed. The
  # commands take turns (rounds.py): hyperfine's 300 runs of one command after the other let
  # a slow spell of this shared VM land on one of them (medians 1.06x and 1.43x an hour
  # apart for the same build).
  if ! evp_minimal=$(bench_bin fhash_evp_minimal); then
    cc -O2 -o "$out/fhash_evp_minimal" "$here/evp_minimal.c" -lcrypto ||
      { echo "bench/run.sh: cannot build evp_minimal.c (needs cc, libssl-dev)" >&2; exit 2; }
    evp_minimal=$out/fhash_evp_minimal
  fi
  printf 'hi' > "$out/two-bytes"
  (cd "$out" && RUNS=$([[ $small == 1 ]] && echo 30 || echo 300) ROUNDS_OPTS="--exec --warmup 20" \
    rounds "start-up" "0:1:1.15" -- \
    "$FHASH two-bytes" "$evp_minimal two-bytes" "$FHASH -j1 two-bytes" "sha256sum two-bytes" \
    "b3sum two-bytes" "rhash --sha256 two-bytes")
fi
if want big; then
  warm big.bin
  group "one big file, SHA-256" "0:1:0.85" -- \
    "$FHASH -a sha256 big.bin" "openssl dgst -sha256 big.bin" "rhash --sha256 big.bin" \
    "sha256sum big.bin" "b3sum big.bin"
fi
if want both; then
  warm big.bin
  group "one big file, MD5+SHA-1" "0:1:1.05,0:2:0.70" -- \
    "$FHASH -a md5,sha1 big.bin" "$FHASH -a md5 big.bin" "rhash --md5 --sha1 big.bin" \
    "openssl dgst -md5 big.bin"
fi
# Re-read before every timed run: parts of a tree warmed once were found evicted within
# seconds (the VM's proactive reclaim samples memory coarsely), which made "warm" runs read
# from the disk at random.
rewarm() { echo "find $* -type f -print0 | xargs -0 cat > /dev/null"; }
if want medium; then
  warm medium
  GROUP_PREPARE=$(rewarm medium) group "200 files of 1-20 MiB, SHA-256, recursive" "0:1:0.50" -- \
    "cd medium && $FHASH -r -a sha256 ." "cd medium && rhash -r --sha256 ." \
    "cd medium && find . -type f -print0 | xargs -0 -P2 -n 13 openssl dgst -sha256" \
    "cd medium && $FHASH -j1 -r -a sha256 ."
fi
if want small; then
  warm small
  GROUP_PREPARE=$(rewarm small) group "20,000 files of 1-64 KiB, SHA-256, recursive" "0:1:0.50" -- \
    "cd small && $FHASH -r -a sha256 ." "cd small && rhash -r --sha256 ." \
    "cd small && find . -type f -print0 | xargs -0 -P2 -n 1250 openssl dgst -sha256" \
    "cd small && $FHASH -j1 -r -a sha256 ." "cd small && find . -type f -print0 | xargs -0 b3sum"
fi
if want verify; then
  warm small small.sha256
  GROUP_PREPARE=$(rewarm small small.sha256) group "verify the 20,000-file manifest" "0:1:0.55" -- \
    "cd small && $FHASH -c ../small.sha256" "cd small && rhash -c ../small.sha256" \
    "cd small && sha256sum -c --quiet ../small.sha256" "cd small && $FHASH -j1 -c ../small.sha256"
fi
if want cloud; then
  # The cloud digests cost what their parts' algorithm costs: s3-etag is MD5 per part plus
  # one MD5 of the part digests, dropbox SHA-256 per 4 MiB block plus one more.
  [[ -f big1g.bin ]] || head -c $((1 << 30)) big.bin > big1g.bin
  warm big1g.bin
  group "one 1 GiB file, S3 ETag (8 MiB parts)" "0:1:1.05" -- \
    "$FHASH -a s3-etag big1g.bin" "$FHASH -a md5 big1g.bin"
  group "one 1 GiB file, Dropbox content_hash" "0:1:1.05" -- \
    "$FHASH -a dropbox big1g.bin" "$FHASH -a sha256 big1g.bin"
fi
if want blake3; then
  # b3sum maps the whole file and hashes it on every core: the goal is its wall time at a
  # bounded peak RSS (below, and in the rss group).
  [[ -f big1g.bin ]] || head -c $((1 << 30)) big.bin > big1g.bin
  warm big1g.bin
  group "one 1 GiB file, BLAKE3" "0:1:1.00" -- \
    "$FHASH -a blake3 big1g.bin" "b3sum big1g.bin" "b3sum --num-threads 1 big1g.bin" \
    "$FHASH --read-mode chunked -a blake3 big1g.bin"
  for command in "$FHASH -a blake3 big1g.bin" "b3sum big1g.bin"; do
    # shellcheck disable=SC2086
    printf '%-60s peak RSS %6.1f MiB\n' "$command" \
      "$(echo "$(/usr/bin/time -f %M $command 2>&1 >/dev/null | tail -1) / 1024" | bc -l)"
  done
  echo
  warm small
  group "20,000 files of 1-64 KiB, BLAKE3, recursive" "0:1:0.50" -- \
    "cd small && $FHASH -r -a blake3 ." "cd small && find . -type f -print0 | xargs -0 b3sum" \
    "cd small && find . -type f -print0 | xargs -0 -P2 -n 1250 b3sum --num-threads 1"
fi
# XXH3 and the CRCs are memory-bound: these measure the read path against the peers' own.
if want xxh; then
  warm big.bin
  group "one big file, XXH3-64 and XXH128" "0:1:1.05,2:3:1.05" -- \
    "$FHASH -a xxh3 big.bin" "xxhsum -H3 big.bin" "$FHASH -a xxh128 big.bin" \
    "xxhsum -H2 big.bin"
fi
if want crc; then
  warm big.bin
  group "one big file, CRC-32C" "0:1:1.05" -- \
    "$FHASH -a crc32c big.bin" "rhash --crc32c big.bin" "$FHASH -a crc32 big.bin" \
    "rhash --crc32 big.bin" "$FHASH -a crc64nvme big.bin"
fi
if want multi; then
  warm big.bin
  group "one big file, SHA-256 + BLAKE3 + XXH128 from one read" "0:1:1.05" -- \
    "$FHASH -a sha256,blake3,xxh128 big.bin" "$FHASH -a sha256 big.bin"
fi
if want rss; then
  warm big.bin
  echo "## peak RSS (GNU time %M)"
  rss_fail=0
  check_rss() {  # LIMIT_MIB command...
    local limit=$1 kib
    shift
    kib=$(/usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1)
    local verdict=ok
    (( kib <= limit * 1024 )) || { verdict=MISSED; rss_fail=1; }
    printf '%-70s %8.1f MiB (<= %d) %s\n' "$*" "$(echo "$kib / 1024" | bc -l)" "$limit" "$verdict"
  }
  for mode in auto mmap chunked; do
    check_rss 64 "$FHASH" --read-mode "$mode" -a sha256 big.bin
    check_rss 64 "$FHASH" --read-mode "$mode" -a md5,sha1 big.bin
    check_rss 64 "$FHASH" --read-mode "$mode" -a blake3 big.bin
  done
  check_rss 256 "$FHASH" -c million.sha256
  echo
fi
if want merge; then
  # fhash merge of 10 shards of 1,000,000 lines each (10,000 with BENCH_SMALL): the rate in
  # lines per second (goal >= 1,000,000) and the peak RSS (goal <= 64 MiB).
  lines=$([[ $small == 1 ]] && echo 10000 || echo 1000000)
  if [[ ! -f merge/part.9 || $(wc -l < merge/part.9) -ne $((lines + 2)) ]]; then
    mkdir -p merge
    python3 - "$lines" <<'PY'
import hashlib, sys
lines = int(sys.argv[1])
for k in range(10):
    with open(f"merge/part.{k}", "w") as out:
        out.write(f"# fhash shard {k}/10 run 0123456789abcdef format gnu\n")
        for i in range(lines):
            n = i * 10 + k
            digest = hashlib.sha256(n.to_bytes(8, "little")).hexdigest()
            out.write(f"{digest}  data/{n // 1000:06d}/file-{n:08d}.bin\n")
        out.write(f"# fhash shard {k}/10 end {lines}\n")
PY
  fi
  warm merge
  # GNU sort -m (a plain merge of sorted lines, no checks) is the reference.
  group "merge 10 shards of $lines lines" "" -- "$FHASH merge $(echo merge/part.{0..9}) -o $out/merged" \
    "LC_ALL=C sort -m $(echo merge/part.{0..9})"
  python3 - "$out/merge 10 shards of $lines lines.json" "$((lines * 10))" "$small" <<'PY'
import json, sys
median = json.load(open(sys.argv[1]))["results"][0]["median"]
rate = int(sys.argv[2]) / median
verdict = "not judged (BENCH_SMALL)" if sys.argv[3] == "1" else ("ok" if rate >= 1e6 else "MISSED")
print(f"merge rate: {rate / 1e6:.2f} M lines/s (goal >= 1.00) {verdict}")
PY
  kib=$(/usr/bin/time -f %M "$FHASH" merge merge/part.{0..9} -o "$out/merged" 2>&1 >/dev/null | tail -1)
  printf 'merge peak RSS: %.1f MiB (goal <= 64) %s\n\n' "$(echo "$kib / 1024" | bc -l)" \
    "$( ((kib <= 64 * 1024)) && echo ok || echo MISSED)"
fi
if want shards; then
  # 4 shards run one after another against one run of the same tree: their CPU time (user +
  # system) together within 1.05 x the single run's. Each shard walks the whole tree and
  # starts a process, which is all the overhead there is. CPU times come from wait4() in
  # microseconds (GNU time's %U/%S are whole centiseconds: +-20 ms on four shards), each
  # round runs the single run and the four shards back to back, and the ratio is that of the
  # medians over RUNS rounds.
  for tree in medium small; do
    warm "$tree"
    (cd "$tree" && python3 - "$FHASH" "$RUNS" "$small" "$tree" <<'PY'
import os, statistics, subprocess, sys
fhash, runs, smoke, tree = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1", sys.argv[4]

def cpu(args):
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        sys.exit(f"bench: {' '.join(args)} failed ({status})")
    return usage.ru_utime + usage.ru_stime

single, sharded = [], []
for _ in range(runs):
    subprocess.run("find . -type f -print0 | xargs -0 cat > /dev/null", shell=True, check=True)
    single.append(cpu([fhash, "-j1", "-r", "."]))
    sharded.append(sum(cpu([fhash, "-j1", "-r", ".", "--shard", f"{k}/4"]) for k in range(4)))
one, four = statistics.median(single), statistics.median(sharded)
ratio = four / one if one > 0 else float("inf")
verdict = "not judged (BENCH_SMALL)" if smoke else ("ok" if ratio <= 1.05 else "MISSED")
print(f"{tree}: one run {one:.3f} s CPU, 4 shards {four:.3f} s CPU (medians of {runs}): "
      f"x{ratio:.3f} (goal <= 1.05) {verdict}")
PY
    )
  done
  echo
fi
