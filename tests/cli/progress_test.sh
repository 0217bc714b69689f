#!/usr/bin/env bash
# Progress and colour depend on terminals: run fhash under a pseudo-terminal (Python's pty
# module) and in pipes. A FIFO fed slowly makes the job last longer than the 1 s threshold.
# Usage: progress_test.sh FHASH TESTDATA_DIR
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || skip "python3 missing"

cat > drive.py <<'PY'
import os, pty, subprocess, sys, threading, time

FHASH = sys.argv[1]
failures = []

def fail(msg):
    failures.append(msg)
    print("FAIL:", msg)

def slow_fifo(path, pieces=3, delay=0.6):
    if not os.path.exists(path):
        os.mkfifo(path)
    def feed():
        with open(path, "wb") as f:
            for _ in range(pieces):
                f.write(b"\0" * 1000000)
                f.flush()
                time.sleep(delay)
    t = threading.Thread(target=feed)
    t.start()
    return t

def run(args, stdout_tty=False, stderr_tty=False, env=None):
    """Runs fhash; returns (stdout, stderr, exit code). A tty stream is a pty."""
    fds, masters = {}, {}
    for name, tty in (("stdout", stdout_tty), ("stderr", stderr_tty)):
        if tty:
            m, s = pty.openpty()
            fds[name], masters[name] = s, m
        else:
            fds[name] = subprocess.PIPE
    e = dict(os.environ)
    e.pop("NO_COLOR", None)
    e["TERM"] = "xterm"
    e.update(env or {})
    p = subprocess.Popen([FHASH] + args, stdin=subprocess.DEVNULL, stdout=fds["stdout"],
                         stderr=fds["stderr"], env=e)
    for name in masters:
        os.close(fds[name])
    got = {"stdout": b"", "stderr": b""}
    def drain(name, m):
        while True:
            try:
                d = os.read(m, 65536)
            except OSError:
                break
            if not d:
                break
            got[name] += d
    threads = [threading.Thread(target=drain, args=(n, m)) for n, m in masters.items()]
    for t in threads:
        t.start()
    out, err = p.communicate()
    for t in threads:
        t.join()
    return (got["stdout"] if stdout_tty else out), (got["stderr"] if stderr_tty else err), p.returncode

digest = b"35bce4eae54ec8e6cc2868baa8d157914d6ae2858811b4cc0c078c94460fa26f"

# 1. stderr is a terminal and the job takes > 1 s: progress redrawn in place, then erased.
t = slow_fifo("slow"); out, err, rc = run(["slow"], stderr_tty=True); t.join()
if rc != 0 or out != digest + b"  slow\n":
    fail(f"tty run: rc={rc} out={out!r}")
if b"\r" not in err or b"\x1b[K" not in err or b"MiB/s" not in err or b"slow" not in err:
    fail(f"no in-place progress on a terminal: {err!r}")
if not err.endswith(b"\r\x1b[K"):
    fail(f"progress line not erased at the end: {err[-40:]!r}")
if b"\r" in out:
    fail("progress leaked into stdout")

# 2. stderr is a pipe: nothing.
t = slow_fifo("slow"); out, err, rc = run(["slow"]); t.join()
if rc != 0 or err != b"":
    fail(f"progress in a pipe without --progress: {err!r}")

# 3. --progress in a pipe: plain lines, no carriage returns.
t = slow_fifo("slow"); out, err, rc = run(["--progress", "slow"]); t.join()
if rc != 0 or b"MiB/s" not in err or b"\r" in err or b"\x1b" in err:
    fail(f"--progress in a pipe: {err!r}")

# 4. --no-progress on a terminal: nothing.
t = slow_fifo("slow"); out, err, rc = run(["--no-progress", "slow"], stderr_tty=True); t.join()
if err != b"":
    fail(f"--no-progress still drew: {err!r}")

# 5. A short job on a terminal shows nothing.
with open("small", "wb") as f:
    f.write(b"abc")
out, err, rc = run(["small"], stderr_tty=True)
if err != b"":
    fail(f"progress for a tiny job: {err!r}")

# 6. Colour: only when stdout is a terminal, never with NO_COLOR, always with --color=always.
with open("sums", "w") as f:
    f.write("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  small\n")
out, _, _ = run(["-c", "sums"], stdout_tty=True)
if b"\x1b[32mOK\x1b[0m" not in out:
    fail(f"no colour on a terminal: {out!r}")
out, _, _ = run(["-c", "sums"], stdout_tty=True, env={"NO_COLOR": "1"})
if b"\x1b" in out:
    fail(f"colour despite NO_COLOR: {out!r}")
out, _, _ = run(["-c", "sums"])
if b"\x1b" in out:
    fail(f"colour in a pipe: {out!r}")
out, _, _ = run(["-c", "--color=always", "sums"], env={"NO_COLOR": "1"})
if b"\x1b[32mOK" not in out:
    fail(f"--color=always ignored: {out!r}")

sys.exit(1 if failures else 0)
PY
python3 drive.py "$FHASH" || fail "progress/colour checks (above)"
finish "all progress/colour checks passed"
