#!/usr/bin/python3
# Copyright (c) the rocksdb-cleanroom authors.
"""Runs the db_bench suite with our engine, RocksDB, and Debian's db_bench.

Called by tools/bench.sh (which builds the binaries); usable alone:

  compare.py --ours build/release/db_bench/db_bench \
             --rocksdb build/release/db_bench/db_bench_rocksdb \
             --debian /usr/bin/db_bench --out out/bench/x [--quick]

How a step runs. Every measurement is one fresh process on a freshly
destroyed database directory. A read, overwrite or delete benchmark needs
data first, so that same process fills the database before it:

    --benchmarks=fillrandom,waitforcompaction,<benchmark>

and only <benchmark>'s result line is kept. We chose this over copying one
prepared database for every engine because each engine then reads the LSM
tree it built itself (with RocksDB's own flush and compaction decisions in
RocksDB's case), the preparation is identical by construction (same seed,
same keys, same values), and our engine never has to open files another
library wrote just to be measured. waitforcompaction lets background work
settle so that reads measure a quiet tree.

Order. For each (compression, benchmark) the three binaries run
interleaved, ours / RocksDB / Debian, ours / RocksDB / Debian, ... for
--reps rounds, so slow drifts of the machine hit all of them alike. The
table shows medians, the ratio ours / RocksDB (above 1 means we are
faster), and the spread (max - min) / median of each column.

A benchmark our engine cannot run yet prints "<name>: NotSupported"; the
table then says "missing" and the chart leaves its bar out. Nothing is
ever estimated or filled in.

Uses only the Python standard library and gnuplot.
"""

import argparse
import csv
import datetime
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

ENGINES = [
    ("ours", "ours"),
    ("rocksdb", "RocksDB"),
    ("debian", "debian db_bench"),
]

# (benchmark, needs a filled database first, extra flags). A "+suffix"
# names a variant: db_bench runs the part before "+".
SUITE = [
    ("fillseq", False, []),
    ("fillrandom", False, []),
    ("overwrite", True, []),
    ("readrandom", True, []),
    ("readseq", True, []),
    ("readreverse", True, []),
    ("seekrandom", True, ["--seek_nexts=10"]),
    ("multireadrandom", True, ["--batch_size=16"]),
    ("readrandom+bloom10", True, ["--bloom_bits=10"]),
    ("multireadrandom+bloom10", True, ["--batch_size=16", "--bloom_bits=10"]),
    ("mergerandom", False, ["--merge_operator=uint64add"]),
    ("deleterandom", True, []),
    ("fillsync", False, []),
]

PREPARE = "fillrandom,waitforcompaction"

RESULT_RE = re.compile(
    r"^(?P<name>\S+)\s+:\s+(?P<micros>[\d.]+) micros/op (?P<ops>\d+) ops/sec "
    r"(?P<secs>[\d.]+) seconds (?P<count>\d+) operations;(?P<rest>.*)$")
NOT_SUPPORTED_RE = re.compile(r"^(?P<name>\S+): NotSupported\s*$")


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--ours", required=True)
    p.add_argument("--rocksdb", required=True)
    p.add_argument("--debian", default="/usr/bin/db_bench")
    p.add_argument("--no-debian", action="store_true",
                   help="skip /usr/bin/db_bench")
    p.add_argument("--out", required=True, help="report directory")
    p.add_argument("--db-root", default=None,
                   help="scratch directory for databases (default: "
                   "<out>/db, removed afterwards)")
    p.add_argument("--quick", action="store_true",
                   help="100k keys, fillsync 1,000 writes, one repetition")
    p.add_argument("--num", type=int, default=None)
    p.add_argument("--reps", type=int, default=None)
    p.add_argument("--fillsync-writes", type=int, default=None)
    p.add_argument("--seed", type=int, default=20231)
    p.add_argument("--compressions", default="none,snappy")
    p.add_argument("--benchmarks", default=None,
                   help="comma-separated subset of the suite")
    p.add_argument("--timeout", type=int, default=3600,
                   help="seconds allowed per step")
    a = p.parse_args()
    if a.num is None:
        a.num = 100000 if a.quick else 1000000
    if a.reps is None:
        a.reps = 1 if a.quick else 3
    if a.fillsync_writes is None:
        a.fillsync_writes = 1000 if a.quick else 10000
    return a


def engines(args):
    result = []
    for key, label in ENGINES:
        if key == "debian" and args.no_debian:
            continue
        result.append((key, label, getattr(args, key)))
    return result


def suite(args):
    chosen = None
    if args.benchmarks:
        chosen = set(args.benchmarks.split(","))
    steps = []
    for compression in args.compressions.split(","):
        for name, prepare, extra in SUITE:
            if chosen is not None and name not in chosen:
                continue
            steps.append((name, compression, prepare, extra))
    return steps


def step_command(binary, args, label, compression, prepare, extra, db):
    name = bench_name(label)
    benchmarks = (PREPARE + "," + name) if prepare else name
    cmd = [
        binary,
        "--db=" + db,
        "--benchmarks=" + benchmarks,
        "--num=%d" % args.num,
        "--key_size=16",
        "--value_size=100",
        "--compression_type=" + compression,
        "--seed=%d" % args.seed,
        "--threads=1",
        "--histogram=0",
        "--statistics=0",
    ] + extra
    if name == "fillsync":
        cmd.append("--writes=%d" % args.fillsync_writes)
    return cmd


def bench_name(label):
    """The db_bench benchmark a suite label runs."""
    return label.split("+")[0]


def parse_result(text, name):
    """Returns ("ok", ops/sec, line), ("missing", None, line) or
    ("error", None, reason) for benchmark `name` in db_bench's stdout."""
    found = None
    for line in text.splitlines():
        m = NOT_SUPPORTED_RE.match(line)
        if m and m.group("name") == name:
            found = ("missing", None, line)
        m = RESULT_RE.match(line)
        if m and m.group("name") == name:
            found = ("ok", float(m.group("ops")), line)
    if found is None:
        return ("error", None, "no result line for " + name)
    return found


def run_step(cmd, db, log_path, timeout):
    shutil.rmtree(db, ignore_errors=True)
    start = time.time()
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=timeout)
        out = proc.stdout.decode(errors="replace")
        err = proc.stderr.decode(errors="replace")
        rc = proc.returncode
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode(errors="replace")
        err = (e.stderr or b"").decode(errors="replace") + "\nTIMEOUT\n"
        rc = -1
    elapsed = time.time() - start
    shutil.rmtree(db, ignore_errors=True)
    with open(log_path, "w") as f:
        f.write("$ " + " ".join(cmd) + "\n")
        f.write("# exit code %d, %.1f s\n" % (rc, elapsed))
        f.write("# ---- stdout\n" + out)
        # Progress lines end in '\r'; keep the log readable.
        f.write("# ---- stderr\n" + err.replace("\r", "\n"))
    return rc, out


def median_spread(values):
    if not values:
        return None, None
    med = statistics.median(values)
    spread = (max(values) - min(values)) / med * 100 if med > 0 else 0.0
    return med, spread


def machine_info():
    cpu = platform.processor() or "?"
    cores = os.cpu_count() or 0
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             cwd=os.path.dirname(os.path.abspath(__file__)),
                             check=False).stdout.decode().strip()
    except OSError:
        rev = "?"
    return "%d x %s, Linux %s, git %s" % (cores, cpu, platform.release(),
                                          rev or "?")


def fmt_ops(v):
    return "missing" if v is None else "{:,.0f}".format(v)


def fmt_ratio(v):
    return "-" if v is None else "%.2f" % v


def fmt_spread(v):
    return "-" if v is None else "%.1f%%" % v


def summarize(args, steps, results):
    """results[(name, compression, engine)] = list of (status, ops)."""
    rows = []
    for name, compression, _, _ in steps:
        row = {"benchmark": name, "compression": compression}
        for key, _, _ in engines(args):
            runs = results.get((name, compression, key), [])
            ok = [ops for status, ops in runs if status == "ok"]
            med, spread = median_spread(ok)
            row[key] = med
            row[key + "_spread"] = spread
            row[key + "_runs"] = len(ok)
            row[key + "_status"] = ("ok" if ok else
                                    (runs[0][0] if runs else "not run"))
        base = row.get("rocksdb")
        for key in ("ours", "debian"):
            v = row.get(key)
            row[key + "_ratio"] = (v / base if v is not None and base
                                   else None)
        rows.append(row)
    return rows


def write_table(args, rows, path, header):
    cols = ["benchmark", "RocksDB ops/s", "ours ops/s", "ours/RocksDB",
            "spread ours|RocksDB"]
    if not args.no_debian:
        cols += ["debian db_bench ops/s", "debian/RocksDB", "spread debian"]
    lines = []
    for r in rows:
        ours = fmt_ops(r["ours"]) if r["ours_status"] != "error" else "error"
        line = ["%s/%s" % (r["benchmark"], r["compression"]),
                fmt_ops(r["rocksdb"]), ours, fmt_ratio(r["ours_ratio"]),
                "%s | %s" % (fmt_spread(r["ours_spread"]),
                             fmt_spread(r["rocksdb_spread"]))]
        if not args.no_debian:
            line += [fmt_ops(r["debian"]), fmt_ratio(r["debian_ratio"]),
                     fmt_spread(r["debian_spread"])]
        lines.append(line)
    widths = [max(len(c), *(len(l[i]) for l in lines)) if lines else len(c)
              for i, c in enumerate(cols)]

    def fmt(cells):
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                         for i, (c, w) in enumerate(zip(cells, widths)))

    text = header + "\n" + fmt(cols) + "\n" + "  ".join(
        "-" * w for w in widths) + "\n"
    text += "\n".join(fmt(l) for l in lines) + "\n"
    with open(path, "w") as f:
        f.write(text)
    return text


def write_csv(args, rows, path):
    fields = ["benchmark", "compression"]
    for key, _, _ in engines(args):
        fields += [key + "_median_ops_per_sec", key + "_spread_pct",
                   key + "_runs", key + "_status"]
    fields += ["ours_over_rocksdb"]
    if not args.no_debian:
        fields += ["debian_over_rocksdb"]
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(fields)
        for r in rows:
            out = [r["benchmark"], r["compression"]]
            for key, _, _ in engines(args):
                out += ["" if r[key] is None else "%.0f" % r[key],
                        "" if r[key + "_spread"] is None
                        else "%.2f" % r[key + "_spread"],
                        r[key + "_runs"], r[key + "_status"]]
            out.append("" if r["ours_ratio"] is None
                       else "%.4f" % r["ours_ratio"])
            if not args.no_debian:
                out.append("" if r["debian_ratio"] is None
                           else "%.4f" % r["debian_ratio"])
            w.writerow(out)


def write_chart(args, rows, out_dir):
    """ratios.png: ours / RocksDB (and debian / RocksDB) per benchmark."""
    gnuplot = shutil.which("gnuplot")
    if gnuplot is None:
        print("gnuplot not found: no chart", file=sys.stderr)
        return False
    data = os.path.join(out_dir, "ratios.dat")
    with open(data, "w") as f:
        f.write("# label ours/rocksdb debian/rocksdb note (NaN = missing)\n")
        for r in rows:
            label = "%s/%s" % (r["benchmark"], r["compression"])
            ours = "NaN" if r["ours_ratio"] is None else "%.4f" % r["ours_ratio"]
            deb = ("NaN" if r.get("debian_ratio") is None
                   else "%.4f" % r["debian_ratio"])
            note = "" if r["ours_ratio"] is not None else (
                "error" if r["ours_status"] == "error" else "missing")
            f.write('"%s" %s %s "%s"\n' % (label, ours, deb, note))
    missing = sum(1 for r in rows if r["ours_ratio"] is None)
    title = "db_bench throughput relative to RocksDB 7.8.3 (1.0 = same)"
    if missing:
        title += "\\n%d of %d benchmarks missing for ours (not supported yet)" % (
            missing, len(rows))
    plot = ["'%s' using 2:xtic(1) title 'ours / RocksDB' lc rgb '#1f77b4'" % data]
    if not args.no_debian:
        plot.append("'' using 3 title 'debian db_bench / RocksDB' "
                    "lc rgb '#aaaaaa'")
    # "missing" written where our bar would be.
    plot.append("'' using ($0-0.2):(0.03):4 with labels rotate by 90 left "
                "tc rgb '#1f77b4' notitle")
    script = "\n".join([
        "set terminal pngcairo noenhanced size 1400,650 font 'sans,10'",
        "set output '%s'" % os.path.join(out_dir, "ratios.png"),
        "set title \"%s\"" % title,
        "set style data histograms",
        "set style histogram clustered gap 1",
        "set style fill solid 0.85 border -1",
        "set boxwidth 0.9",
        "set xtics rotate by -40 left",
        "set ylabel 'ops/sec ratio'",
        "set yrange [0:*]",
        "set grid ytics",
        "set key top right",
        "set datafile missing 'NaN'",
        "set arrow from graph 0, first 1 to graph 1, first 1 nohead "
        "lc rgb 'red' dt 2",
        "plot " + ", ".join(plot),
    ]) + "\n"
    script_path = os.path.join(out_dir, "ratios.gp")
    with open(script_path, "w") as f:
        f.write(script)
    proc = subprocess.run([gnuplot, script_path], stderr=subprocess.PIPE)
    if proc.returncode != 0:
        print("gnuplot failed: " + proc.stderr.decode(errors="replace"),
              file=sys.stderr)
        return False
    return True


def main():
    args = parse_args()
    for key, label, binary in engines(args):
        if not os.access(binary, os.X_OK):
            print("compare.py: %s binary not found: %s" % (label, binary),
                  file=sys.stderr)
            return 2
    os.makedirs(args.out, exist_ok=True)
    logs = os.path.join(args.out, "logs")
    os.makedirs(logs, exist_ok=True)
    db_root = args.db_root or os.path.join(args.out, "db")
    os.makedirs(db_root, exist_ok=True)
    steps = suite(args)
    todo = len(steps) * args.reps * len(engines(args))
    results = {}
    done = 0
    started = datetime.datetime.now()
    for name, compression, prepare, extra in steps:
        for rep in range(args.reps):
            for key, label, binary in engines(args):
                db = os.path.join(db_root, "%s-%s" % (key, name))
                cmd = step_command(binary, args, name, compression, prepare,
                                   extra, db)
                log = os.path.join(logs, "%s-%s-%s-rep%d.log" %
                                   (name, compression, key, rep + 1))
                rc, out = run_step(cmd, db, log, args.timeout)
                status, ops, detail = parse_result(out, bench_name(name))
                if rc != 0 and status == "ok":
                    status, ops, detail = "error", None, "exit code %d" % rc
                results.setdefault((name, compression, key), []).append(
                    (status, ops))
                done += 1
                shown = "{:,.0f} ops/s".format(ops) if ops else status
                print("[%3d/%d] %-16s %-7s %-16s rep %d: %s" %
                      (done, todo, name, compression, label, rep + 1, shown),
                      flush=True)
                if status == "error":
                    print("        %s (see %s)" % (detail, log), flush=True)
    shutil.rmtree(db_root, ignore_errors=True)

    rows = summarize(args, steps, results)
    header = "\n".join([
        "db_bench: ours vs RocksDB 7.8.3, measured in the same run",
        "date %s, %s" % (started.strftime("%Y-%m-%d %H:%M"), machine_info()),
        "num=%d keys, key 16 B, value 100 B (compression_ratio 0.5), "
        "fillsync %d synced writes, %d repetition(s), seed %d, 1 thread" %
        (args.num, args.fillsync_writes, args.reps, args.seed),
        "ours = build/release db_bench (our engine); RocksDB = db_bench_rocksdb "
        "(same source, Debian's librocksdb);",
        "debian db_bench = /usr/bin/db_bench (RocksDB's own tool, same library)."
        " NOTE: Debian's librocksdb is built",
        "with assertions enabled, so both RocksDB columns are slower than a "
        "release build of RocksDB would be.",
        "Reads/overwrite/deletes run after fillrandom,waitforcompaction in the "
        "same process. Medians of ops/sec;",
        "ratio > 1 = faster than RocksDB; spread = (max-min)/median; missing = "
        "our engine returned NotSupported.",
        "",
    ])
    text = write_table(args, rows, os.path.join(args.out, "table.txt"), header)
    write_csv(args, rows, os.path.join(args.out, "results.csv"))
    chart = write_chart(args, rows, args.out)
    print()
    print(text)
    print("report: %s (table.txt, results.csv%s, logs/)" %
          (args.out, ", ratios.png" if chart else ""))
    errors = [r for r in rows
              if r["rocksdb_status"] == "error" or
              (not args.no_debian and r["debian_status"] == "error")]
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
