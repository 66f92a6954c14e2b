#!/usr/bin/env bash
# Runs every fuzz target one after the other, one job each, for SECONDS
# seconds (default 600), with the flags documented in FUZZING.md.
# Usage: fuzz/run-all.sh [SECONDS] [TARGET...]
set -uo pipefail
cd "$(dirname "$0")"
secs=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(html sections csv_rows patterns profile)
mkdir -p logs
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  echo "== $t: $(date -u +%H:%M:%S) start" | tee -a logs/summary.txt
  start=$(date +%s)
  RUSTC_BOOTSTRAP=1 cargo fuzz run -O -s none "$t" -- \
    -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 > "logs/$t.log" 2>&1
  rc=$?
  end=$(date +%s)
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "logs/$t.log" | grep -o '[0-9]*$')
  echo "== $t: rc=$rc ran $((end - start)) s, executions ${execs:-?}, artifacts: $(ls "artifacts/$t" | tr '\n' ' ')" | tee -a logs/summary.txt
done
