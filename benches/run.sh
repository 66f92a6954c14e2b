#!/usr/bin/env bash
# End-to-end benchmarks of the performance targets (issue 5): wall time,
# cores used and peak memory of the release binary on generated corpora.
#
#   bash benches/run.sh
#
# Builds the release binary and the corpus generator, writes the corpora to
# target/corpus/, measures with hyperfine (medians) and /usr/bin/time (peak
# RSS), and prints a table of medians (also saved as
# target/corpus/results/summary.md), then the stage medians of the last
# `cargo bench --bench pipeline`. Before any optimisation it takes about 6
# minutes on an idle 2-core machine, most of it in the two large batches.
#
# Environment: RUNS (runs per long measurement, default 3), RUNS_100K
# (default 1), SKIP_100K=1 to leave out the 100,000-row batch, SEED (42),
# CARGO_TARGET_DIR (where the binaries are built).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
BIN=$TARGET_DIR/release/rolefit
GEN=$TARGET_DIR/release/examples/gen_corpus
OUT=$ROOT/target/corpus
RES=$OUT/results
RUNS=${RUNS:-3}
RUNS_100K=${RUNS_100K:-1}
SKIP_100K=${SKIP_100K:-0}
SEED=${SEED:-42}
STRENGTHS="PyTorch, Kubernetes, React"
SAMPLE=samples/en-ml-engineer-ranking.md

say() { printf '\n== %s\n' "$*" >&2; }

if ! command -v hyperfine >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        say "installing hyperfine"
        apt-get install -y -qq hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
    else
        echo "run.sh: hyperfine is needed (apt-get install hyperfine, or cargo install hyperfine)" >&2
        exit 2
    fi
fi
if [ ! -x /usr/bin/time ]; then
    echo "run.sh: /usr/bin/time is needed (apt-get install time)" >&2
    exit 2
fi

say "machine"
{
    echo "cores: $(nproc)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "memory: $(free -m | awk '/^Mem:/ {print $2 " MiB"}')"
    echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} >&2

say "build (release)"
cargo build --release --bin rolefit --example gen_corpus

say "corpora in $OUT"
mkdir -p "$OUT" "$RES"
rm -f "$RES"/*.json "$RES"/*.rss "$RES"/*.time
"$GEN" --n 20000 --seed "$SEED" --format csv --out "$OUT/postings-20k.csv"
"$GEN" --n 20000 --seed "$SEED" --format jsonl --out "$OUT/postings-20k.jsonl"
if [ "$SKIP_100K" != 1 ]; then
    "$GEN" --n 100000 --seed "$SEED" --format csv --out "$OUT/postings-100k.csv"
fi
rm -rf "$OUT/html-2k"
"$GEN" --n 2000 --seed "$SEED" --format html --out "$OUT/html-2k"

# hyperfine NAME RUNS WARMUP COMMAND: median wall time in NAME.json; the
# command runs under /usr/bin/time, which appends its peak RSS (KiB) to NAME.rss.
measure() {
    local name=$1 runs=$2 warmup=$3 cmd=$4
    hyperfine --style basic --runs "$runs" --warmup "$warmup" \
        --export-json "$RES/$name.json" \
        "/usr/bin/time -f %M -a -o $RES/$name.rss $cmd"
}

say "start-up: analyze $SAMPLE"
hyperfine --style basic -N --warmup 5 --runs 40 --export-json "$RES/startup.json" \
    "$BIN analyze $SAMPLE"

say "analyze 2,000 HTML files, --format jsonl (one process)"
args_bytes=$(find "$OUT/html-2k" -name '*.html' | wc -c)
echo "argument list: $args_bytes bytes (ARG_MAX $(getconf ARG_MAX))" >&2
measure analyze-2k "$RUNS" 1 "$BIN analyze $OUT/html-2k/*.html --format jsonl"

say "batch 20,000 rows, --strengths, csv out"
measure batch-20k "$RUNS" 0 \
    "$BIN batch $OUT/postings-20k.csv --strengths '$STRENGTHS' --format csv -o $RES/batch-20k.csv"

if [ "$SKIP_100K" != 1 ]; then
    say "batch 100,000 rows, --strengths, csv out"
    measure batch-100k "$RUNS_100K" 0 \
        "$BIN batch $OUT/postings-100k.csv --strengths '$STRENGTHS' --format csv -o $RES/batch-100k.csv"
fi

say "fetch 200 URLs from 127.0.0.1 (200 ms per answer), --jobs 32 --per-host 32"
rm -f "$RES/port"
python3 benches/slow_server.py "$OUT/html-2k" "$RES/port" 0.2 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -s "$RES/port" ] && break; sleep 0.1; done
PORT=$(cat "$RES/port")
{
    echo "id,url"
    for i in $(seq 200); do echo "u$i,http://127.0.0.1:$PORT/job/$i"; done
} >"$OUT/urls.csv"
{
    echo "id,url"
    for i in $(seq 200); do echo "u$i,http://127.0.0.1:$PORT/small/$i"; done
} >"$OUT/urls-small.csv"
# Pages of the HTML corpus (30-80 KB, extracted and classified), then 1 KB
# pages, which show the fetching alone.
measure fetch-200 "$((RUNS * 3))" 1 \
    "$BIN batch $OUT/urls.csv --jobs 32 --per-host 32 -o $RES/fetch-200.csv"
measure fetch-200-small "$((RUNS * 3))" 1 \
    "$BIN batch $OUT/urls-small.csv --jobs 32 --per-host 32 -o $RES/fetch-200-small.csv"
# What the server itself allows: 200 requests from 32 Python threads. With 32
# connections at once, 200 requests need at least 7 rounds of 200 ms (1.4 s).
python3 - "$PORT" "$RES/fetch-floor.json" <<'PY'
import json, statistics, sys, time, urllib.request
from concurrent.futures import ThreadPoolExecutor
port, out = sys.argv[1], sys.argv[2]
def get(i):
    return len(urllib.request.urlopen("http://127.0.0.1:%s/small/%d" % (port, i)).read())
times = []
for _ in range(5):
    t = time.monotonic()
    with ThreadPoolExecutor(32) as ex:
        list(ex.map(get, range(1, 201)))
    times.append(time.monotonic() - t)
print("server floor (Python client, 32 threads): median %.2f s" % statistics.median(times), file=sys.stderr)
json.dump({"results": [{"median": statistics.median(times), "mean": statistics.mean(times),
                        "user": 0.0, "system": 0.0}]}, open(out, "w"))
PY
kill "$SERVER" 2>/dev/null || true
trap - EXIT

say "summary (medians)"
python3 - "$RES" <<'EOF' | tee "$RES/summary.md"
import json, os, statistics, sys

res = sys.argv[1]

def run(name):
    path = os.path.join(res, name + ".json")
    if not os.path.exists(path):
        return None
    r = json.load(open(path))["results"][0]
    return r

def wall(name):
    r = run(name)
    return None if r is None else r["median"]

def cpu(name):
    r = run(name)
    return None if r is None else r["user"] + r["system"]

def rss(name):
    path = os.path.join(res, name + ".rss")
    if not os.path.exists(path):
        return None
    kib = [int(l) for l in open(path) if l.strip().isdigit()]
    return statistics.median(kib) / 1024 if kib else None

def verdict(value, limit):
    if value is None:
        return "not measured"
    if value <= limit:
        return "met"
    return "missed: %.1fx the target (+%.0f%%)" % (value / limit, 100 * (value / limit - 1))

rows = []
w = wall("batch-20k")
c = cpu("batch-20k")
csv_mb = os.path.getsize(os.path.join(os.path.dirname(res), "postings-20k.csv")) / 1e6
rows.append(("batch, 20,000-row CSV (%.0f MB), profile, csv out: wall" % csv_mb,
             "<= 4 s, both cores",
             None if w is None else "%.2f s (CPU %.1f s)" % (w, c),
             verdict(w, 4.0)))
m20 = rss("batch-20k")
rows.append(("batch, 20,000 rows: peak RSS", "<= 150 MB",
             None if m20 is None else "%.0f MiB" % m20, verdict(m20, 150.0)))
m100 = rss("batch-100k")
w100 = wall("batch-100k")
rows.append(("batch, 100,000 rows: peak RSS", "within 15% of the 20k figure",
             None if m100 is None else "%.0f MiB (%+.0f%% of 20k; wall %.1f s)" % (m100, 100 * (m100 / m20 - 1), w100),
             verdict(m100, 1.15 * m20) if m20 is not None else "not measured"))
w = wall("analyze-2k")
c = cpu("analyze-2k")
rows.append(("analyze 2,000 HTML files (30-80 KB), jsonl", "<= 6 s",
             None if w is None else "%.2f s (CPU %.1f s)" % (w, c), verdict(w, 6.0)))
w = wall("startup")
c = cpu("startup")
rows.append(("start-up: analyze %s" % "samples/en-ml-engineer-ranking.md", "<= 60 ms",
             None if w is None else "%.0f ms (CPU %.0f ms)" % (1000 * w, 1000 * c), verdict(w, 0.060)))
w = wall("fetch-200")
rows.append(("fetch 200 URLs (200 ms each, 30-80 KB pages), --jobs 32 --per-host 32",
             "<= 2 s (floor 1.25 s)", None if w is None else "%.2f s" % w, verdict(w, 2.0)))
w = wall("fetch-200-small")
rows.append(("  the same with 1 KB pages (fetching alone)", "(diagnostic)",
             None if w is None else "%.2f s" % w, ""))
w = wall("fetch-floor")
rows.append(("  the server's own floor: 1 KB pages, Python client, 32 threads", "(diagnostic)",
             None if w is None else "%.2f s" % w, ""))

print("CPU = user + system time of the run (mean); on 2 idle cores wall >= CPU / 2.")
print("Load average while measuring: %s" % open("/proc/loadavg").read().split()[:3])
print()
print("| target | goal | median | verdict |")
print("|---|---|---|---|")
for r in rows:
    print("| %s | %s | %s | %s |" % (r[0], r[1], r[2] if r[2] is not None else "-", r[3]))
EOF
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# The per-stage figures of the last `cargo bench --bench pipeline`, as medians.
if [ -d "$TARGET_DIR/criterion" ]; then
    say "stages: medians of the last cargo bench --bench pipeline"
    python3 - "$TARGET_DIR/criterion" <<'EOF' | tee "$RES/stages.md"
import glob, json, os, sys

print("| stage | per iteration | median | per posting | postings/s | MB/s |")
print("|---|---|---|---|---|---|")
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*", "*", "new", "benchmark.json"))):
    b = json.load(open(path))
    est = json.load(open(os.path.join(os.path.dirname(path), "estimates.json")))
    median = est["median"]["point_estimate"] / 1e9  # seconds
    t = b.get("throughput") or {}
    eb = t.get("ElementsAndBytes")
    n = eb["elements"] if eb else 1
    size = eb["bytes"] if eb else None
    fmt_t = lambda s: "%.1f ms" % (1e3 * s) if s >= 1e-3 else "%.0f us" % (1e6 * s)
    print("| %s | %s | %s | %s | %s | %s |" % (
        b["full_id"],
        "%d postings, %.2f MB" % (n, size / 1e6) if eb else "one run",
        fmt_t(median),
        fmt_t(median / n) if eb else "-",
        "%.0f" % (n / median) if eb else "-",
        "%.1f" % (size / median / 1e6) if size else "-",
    ))
EOF
fi
