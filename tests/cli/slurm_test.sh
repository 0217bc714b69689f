#!/usr/bin/env bash
# fhash on a real Slurm cluster: this test brings up a single-node cluster of its own (munged,
# slurmctld and slurmd on localhost, in its scratch folder, on ports 16817-16818, with
# ProctrackType=proctrack/linuxproc and TaskPlugin=task/none), and stops every daemon it
# started when it ends.
#  1. sbatch --array=0-3 --wait runs `fhash -r . --shard auto`; fhash merge of the four
#     outputs is byte for byte the output of one plain run.
#  2. An array task is killed part way (scancel --signal=KILL) while it waits on a FIFO
#     named in its --files-from list (so it is caught mid-run on any machine); its output
#     does not exist, its journal does. The task sent again alone (sbatch --array=K --wait,
#     the same script with --resume) resumes from the journal, and the merge is again the
#     single run's bytes.
# Needs root (the daemons run as root) and Debian's slurm-wlm and munge.
source "$(dirname "$0")/lib.sh"
[ "$(id -u)" -eq 0 ] || skip "the Slurm daemons need root"
for tool in munged munge slurmctld slurmd sbatch scancel sinfo squeue; do
  command -v "$tool" >/dev/null || skip "$tool is not installed (Debian slurm-wlm, munge)"
done

unset SLURM_CONF
host=$(hostname -s)
pids=()
at_exit() {
  # Jobs left on this test's own cluster (SLURM_CONF is set only once it exists).
  [ -n "${SLURM_CONF-}" ] && scancel --quiet --user=root 2>/dev/null
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
}
# Failing before the cluster is up: show its logs.
die() {
  echo "FAIL: $*"
  # shellcheck disable=SC2154 # lib.sh sets scratch
  tail -n 20 "$scratch"/log/* 2>/dev/null
  exit 1
}

mkdir -p munge log state spool
chmod 711 munge
head -c 1024 /dev/urandom >munge/key
chmod 400 munge/key
munged -F -f --key-file="$PWD/munge/key" --socket="$PWD/munge/sock" --pid-file="$PWD/munge/pid" \
  --log-file="$PWD/log/munged.log" --seed-file="$PWD/munge/seed" >log/munged.out 2>&1 &
pids+=($!)
for _ in $(seq 50); do [ -S munge/sock ] && break; sleep 0.1; done
[ -S munge/sock ] || die "munged did not start"

cat >slurm.conf <<EOF
ClusterName=fhashtest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=16817
SlurmdPort=16818
AuthType=auth/munge
AuthInfo=socket=$PWD/munge/sock
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$PWD/state
SlurmdSpoolDir=$PWD/spool
SlurmctldPidFile=$PWD/slurmctld.pid
SlurmdPidFile=$PWD/slurmd.pid
SlurmctldLogFile=$PWD/log/slurmctld.log
SlurmdLogFile=$PWD/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP OverSubscribe=FORCE:4
EOF
export SLURM_CONF=$PWD/slurm.conf
slurmctld -D -i -f "$SLURM_CONF" >log/slurmctld.out 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" -N "$host" >log/slurmd.out 2>&1 &
pids+=($!)
for _ in $(seq 100); do
  [ "$(sinfo -h -o %T 2>/dev/null)" = idle ] && break
  sleep 0.1
done
[ "$(sinfo -h -o %T 2>/dev/null)" = idle ] || die "the Slurm node did not come up"

# 1. An array of four shards, merged, against one plain run.
mkdir -p tree/a tree/b
for i in $(seq 1 60); do echo "file $i" >"tree/a/f$i"; done
for i in $(seq 1 8); do head -c $((i * 50000)) /dev/urandom >"tree/b/g$i"; done
(cd tree && "$FHASH" -r . -o ../expected) || fail "plain run"
cat >job.sh <<EOF
#!/bin/bash
cd "$PWD/tree" && exec "$FHASH" -r . --shard auto --shards 4 --resume -o "$PWD/part.\$SLURM_ARRAY_TASK_ID"
EOF
timeout 120 sbatch --array=0-3 --wait -o "$PWD/task-%a.log" job.sh >/dev/null || fail "sbatch --array=0-3 --wait failed"
grep -q 'shard 2/4 from SLURM_ARRAY_TASK_ID=2' task-2.log || fail "task 2 does not say its shard: $(cat task-2.log)"
"$FHASH" merge part.0 part.1 part.2 part.3 -o merged || fail "merge of the array's outputs failed"
cmp -s merged expected || fail "the Slurm array's merged manifest differs from the plain run"

# 2. A task killed part way and sent again with --resume. The FIFO holds one task until the
# test writes to it; the files before it in the list are hashed and journaled meanwhile.
rm -f part.* task-*.log
mkfifo tree/b/m-fifo
(cd tree && find . -type f -o -type p) | sed 's|^\./||' | LC_ALL=C sort >list
fifo_data="the FIFO's bytes"
(
  cd tree || exit 1
  printf '%s' "$fifo_data" >b/m-fifo &
  exec "$FHASH" --files-from ../list -o ../expected
) || fail "plain run of the list"
cat >job.sh <<EOF
#!/bin/bash
cd "$PWD/tree" && exec "$FHASH" -j1 --files-from ../list --shard auto --shards 4 --resume -o "$PWD/part.\$SLURM_ARRAY_TASK_ID"
EOF
job=$(sbatch --parsable --array=0-3 -o "$PWD/task-%a.log" job.sh) || fail "sbatch --array=0-3 failed"
stuck=""
for _ in $(seq 300); do # the three tasks without the FIFO end; the fourth waits on it
  done_count=$(ls part.? 2>/dev/null | wc -l)
  if [ "$done_count" -eq 3 ]; then
    for k in 0 1 2 3; do [ -e "part.$k" ] || stuck=$k; done
    [ -n "$(sed -n 3p "part.$stuck.fhash-journal" 2>/dev/null)" ] && break
  fi
  sleep 0.1
done
[ -n "$stuck" ] || die "no task waits on the FIFO: $(ls)"
[ -n "$(sed -n 3p "part.$stuck.fhash-journal")" ] || fail "task $stuck journaled nothing before the FIFO"
scancel --signal=KILL "${job}_$stuck" || fail "scancel of task $stuck failed"
for _ in $(seq 100); do [ -z "$(squeue -h -j "$job" 2>/dev/null)" ] && break; sleep 0.1; done
[ ! -e "part.$stuck" ] || fail "the killed task left its output"
[ -e "part.$stuck.fhash-journal" ] || fail "the killed task left no journal"
(cd tree && exec timeout 120 sh -c 'printf "%s" "$1" >b/m-fifo' sh "$fifo_data") &
writer=$!
pids+=("$writer")
timeout 120 sbatch --array="$stuck" --wait -o "$PWD/resumed.log" job.sh >/dev/null || fail "the resumed task failed"
wait "$writer"
grep -q 'resuming: [1-9][0-9]* files hashed before' resumed.log || fail "the task did not resume: $(cat resumed.log)"
[ ! -e "part.$stuck.fhash-journal" ] || fail "the finished task left its journal"
"$FHASH" merge part.0 part.1 part.2 part.3 -o merged || fail "merge after the resumed task failed"
cmp -s merged expected || fail "after kill and --resume the merged manifest differs from the plain run"

finish "slurm: OK"
