#!/usr/bin/python3
# Copyright (c) the rocksdb-cleanroom authors.
"""Checks of db_bench, run by ctest (db_bench/CMakeLists.txt), one case each:

  result_format         db_bench_rocksdb prints RocksDB's result lines,
                        "(N of M found)", histograms and progress
  found_matches_debian  same flags and seed: readrandom's found count and
                        fillrandom's distinct keys agree with
                        /usr/bin/db_bench within 1% (the generators are not
                        the same, so the counts are compared statistically;
                        both also match the expected 1 - 1/e of --num)
  key_value_layout      fillseq writes byte-identical keys and values to
                        /usr/bin/db_bench's (compared with `ldb scan --hex`)
  values_compress       fillseq,compact leaves SSTs of the same size as
                        /usr/bin/db_bench's (same keys, same values)
  options_match_debian  the OPTIONS file db_bench_rocksdb writes equals the
                        one /usr/bin/db_bench writes, for a few flag sets
  flag_defaults         every flag we define exists in /usr/bin/db_bench
                        with the same type and default
  unknown_flag          an unknown flag fails, naming the flag
  ours_not_supported    our db_bench prints, for every benchmark, either a
                        result line or "<name>: NotSupported", and exits 0

Usage: db_bench_test.py --ours B --rocksdb B --debian B --tmp DIR CASE
"""

import argparse
import glob
import math
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

RESULT_RE = re.compile(
    r"^(?P<name>\S+)\s+:\s+(?P<micros>\d+\.\d{3}) micros/op (?P<ops>\d+) "
    r"ops/sec (?P<secs>\d+\.\d{3}) seconds (?P<count>\d+) operations;"
    r"(?P<rest>.*)$")
FOUND_RE = re.compile(r"\((?P<found>\d+) of (?P<total>\d+) found\)")
NOT_SUPPORTED_RE = re.compile(r"^(?P<name>\S+): NotSupported$")

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL: " + what)
    return cond


def run(cmd, expect_rc=0):
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=900)
    out = proc.stdout.decode(errors="replace")
    err = proc.stderr.decode(errors="replace")
    if expect_rc is not None and proc.returncode != expect_rc:
        print("$ " + " ".join(cmd))
        print(out[-3000:])
        print(err[-3000:])
        check(False, "exit code %d, expected %d: %s" %
              (proc.returncode, expect_rc, cmd[0]))
    return proc.returncode, out, err


def results(out):
    """{name: match} of the result lines in db_bench's stdout."""
    found = {}
    for line in out.splitlines():
        m = RESULT_RE.match(line)
        if m:
            found[m.group("name")] = m
    return found


def fresh(args, name):
    path = os.path.join(args.tmp, name)
    shutil.rmtree(path, ignore_errors=True)
    return path


def case_result_format(args):
    db = fresh(args, "format")
    benches = ["fillseq", "fillrandom", "overwrite", "readrandom", "readseq",
               "readreverse", "seekrandom", "multireadrandom", "deleterandom",
               "readwhilewriting", "readrandomwriterandom", "compact"]
    _, out, err = run([args.rocksdb, "--db=" + db, "--num=3000", "--seed=11",
                       "--histogram=1", "--seek_nexts=2", "--batch_size=4",
                       "--benchmarks=" + ",".join(benches + ["stats"])])
    res = results(out)
    for b in benches:
        check(b in res, "result line for " + b)
    for b in ["readrandom", "seekrandom", "multireadrandom",
              "readwhilewriting"]:
        if b in res:
            m = FOUND_RE.search(res[b].group("rest"))
            check(m is not None, "(N of M found) after " + b)
    if "fillrandom" in res:
        check(res["fillrandom"].group("count") == "3000", "fillrandom count")
        check(re.search(r";\s+\d+\.\d MB/s$", res["fillrandom"].group(0))
              is not None, "MB/s on fillrandom")
    if "readrandomwriterandom" in res:
        check(re.search(r"\( reads:2700 writes:300 total:3000 found:\d+\)",
                        res["readrandomwriterandom"].group("rest")) is not None,
              "readrandomwriterandom message")
    check("compact" in res and res["compact"].group("count") == "1",
          "compact is one operation")
    for kind in ["write", "read", "seek", "delete"]:
        check("Microseconds per %s:\nCount: " % kind in out,
              "histogram for " + kind)
    check(re.search(r"^Percentiles: P50: [\d.]+ P75: [\d.]+ P99: [\d.]+ "
                    r"P99.9: [\d.]+ P99.99: [\d.]+$", out, re.M) is not None,
          "percentile line")
    check(re.search(r"^\(\s+\d+,\s+\d+ \]\s+\d+\s+[\d.]+%\s+[\d.]+% #*$",
                    out, re.M) is not None, "histogram bucket line")
    check("... finished 100 ops" in err and "... finished 3000 ops" in err,
          "progress on stderr")
    check("Compaction Stats" in out, "stats prints the DB stats")

    db = fresh(args, "merge")
    _, out, _ = run([args.rocksdb, "--db=" + db, "--num=500", "--seed=3",
                     "--merge_operator=put", "--benchmarks=mergerandom"])
    check(re.search(r"^mergerandom\s+:.*\( updates:500\)$", out, re.M)
          is not None, "mergerandom result line")
    rc, out, _ = run([args.rocksdb, "--db=" + db, "--num=10",
                      "--benchmarks=mergerandom"], expect_rc=None)
    check(rc != 0 and "mergerandom  : skipped (--merge_operator is unknown)"
          in out, "mergerandom without --merge_operator")
    shutil.rmtree(db, ignore_errors=True)


def case_found_matches_debian(args):
    num = 100000
    counts = {}
    for label, binary in [("rocksdb", args.rocksdb), ("debian", args.debian)]:
        db = fresh(args, "found-" + label)
        _, out, _ = run([binary, "--db=" + db, "--num=%d" % num, "--seed=42",
                         "--compression_type=none",
                         "--benchmarks=fillrandom,readrandom,readseq"])
        res = results(out)
        if not check("readrandom" in res and "readseq" in res,
                     label + " read result lines"):
            return
        found = int(FOUND_RE.search(res["readrandom"].group("rest"))
                    .group("found"))
        distinct = int(res["readseq"].group("count"))
        counts[label] = (found, distinct)
        print("%s: readrandom found %d of %d, %d distinct keys" %
              (label, found, num, distinct))
        shutil.rmtree(db, ignore_errors=True)
    expected = num * (1 - math.pow(1 - 1.0 / num, num))
    for i, what in enumerate(["readrandom found", "distinct keys"]):
        a, b = counts["rocksdb"][i], counts["debian"][i]
        check(abs(a - b) <= 0.01 * b,
              "%s: %d vs /usr/bin/db_bench %d (more than 1%% apart)" %
              (what, a, b))
        check(abs(a - expected) <= 0.01 * expected,
              "%s: %d, expected about %.0f" % (what, a, expected))


def ldb_scan(db):
    proc = subprocess.run(["ldb", "--db=" + db, "scan", "--hex"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=300)
    return proc.stdout.decode(errors="replace").splitlines()


def case_key_value_layout(args):
    if shutil.which("ldb") is None:
        print("SKIP: ldb (rocksdb-tools) not installed")
        return
    for flags in [["--key_size=16", "--value_size=100"],
                  ["--key_size=20", "--value_size=150",
                   "--compression_ratio=0.3"],
                  ["--key_size=4", "--value_size=77"]]:
        scans = {}
        for label, binary in [("rocksdb", args.rocksdb),
                              ("debian", args.debian)]:
            db = fresh(args, "layout-" + label)
            run([binary, "--db=" + db, "--num=12000", "--seed=2",
                 "--benchmarks=fillseq"] + flags)
            scans[label] = ldb_scan(db)
            shutil.rmtree(db, ignore_errors=True)
        check(len(scans["debian"]) == 12000,
              "ldb scan of /usr/bin/db_bench's DB (%d lines)" %
              len(scans["debian"]))
        check(scans["rocksdb"] == scans["debian"],
              "keys and values identical to /usr/bin/db_bench's for %s" % flags)


def sst_bytes(db):
    return sum(os.path.getsize(f) for f in glob.glob(os.path.join(db, "*.sst")))


def case_values_compress(args):
    for compression in ["snappy", "none"]:
        sizes = {}
        for label, binary in [("rocksdb", args.rocksdb),
                              ("debian", args.debian)]:
            db = fresh(args, "compress-" + label)
            run([binary, "--db=" + db, "--num=50000", "--seed=5",
                 "--compression_type=" + compression,
                 "--benchmarks=fillseq,compact"])
            sizes[label] = sst_bytes(db)
            shutil.rmtree(db, ignore_errors=True)
        print("%s: sst bytes %s" % (compression, sizes))
        a, b = sizes["rocksdb"], sizes["debian"]
        check(b > 0 and abs(a - b) <= 0.01 * b,
              "%s: SST bytes %d vs /usr/bin/db_bench %d" % (compression, a, b))
        if compression == "snappy":
            # 50% random values: the data must shrink well below raw size.
            raw = 50000 * (16 + 100)
            check(a < 0.75 * raw, "snappy shrinks values (%d of %d)" % (a, raw))


def options_file(db):
    files = sorted(glob.glob(os.path.join(db, "OPTIONS-*")))
    if not files:
        return None
    with open(files[-1]) as f:
        lines = [l.rstrip() for l in f if not l.startswith("#")]
    # RocksDB's db_bench registers an internal listener we cannot name.
    return [l for l in lines if not l.strip().startswith("listeners=")]


def case_options_match_debian(args):
    flag_sets = [
        [],
        ["--bloom_bits=10", "--compression_type=zstd", "--cache_size=1048576",
         "--write_buffer_size=4194304", "--max_write_buffer_number=3",
         "--target_file_size_base=2097152",
         "--max_bytes_for_level_base=10485760",
         "--level0_file_num_compaction_trigger=2", "--block_size=8192",
         "--max_background_jobs=4", "--disable_wal=1"],
    ]
    for flags in flag_sets:
        opts = {}
        for label, binary in [("rocksdb", args.rocksdb),
                              ("debian", args.debian)]:
            db = fresh(args, "options-" + label)
            run([binary, "--db=" + db, "--num=100", "--benchmarks=fillseq"] +
                flags)
            opts[label] = options_file(db)
            shutil.rmtree(db, ignore_errors=True)
        if not check(opts["rocksdb"] is not None and opts["debian"] is not None,
                     "OPTIONS files written"):
            continue
        diff = [l for l in set(opts["rocksdb"]) ^ set(opts["debian"])]
        check(not diff, "OPTIONS differ for %s: %s" % (flags, sorted(diff)))


def helpxml(binary):
    proc = subprocess.run([binary, "--helpxml"], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, timeout=60)
    root = ET.fromstring(proc.stdout.decode(errors="replace"))
    flags = {}
    for flag in root.iter("flag"):
        flags[flag.findtext("name")] = (flag.findtext("file"),
                                        flag.findtext("type"),
                                        flag.findtext("default"))
    return flags


def case_flag_defaults(args):
    ours = {n: v for n, v in helpxml(args.ours).items()
            if v[0] is not None and "db_bench" in v[0]}
    theirs = helpxml(args.debian)
    check(len(ours) >= 40, "found our flags (%d)" % len(ours))
    for name, (_, typ, default) in sorted(ours.items()):
        if not check(name in theirs, "--%s exists in /usr/bin/db_bench" % name):
            continue
        _, t_typ, t_default = theirs[name]
        check(typ == t_typ, "--%s type %s, RocksDB %s" % (name, typ, t_typ))
        check(default == t_default,
              "--%s default %r, RocksDB %r" % (name, default, t_default))
    required = ("benchmarks num reads threads key_size value_size "
                "compression_type compression_ratio write_buffer_size "
                "max_write_buffer_number target_file_size_base "
                "max_bytes_for_level_base level0_file_num_compaction_trigger "
                "cache_size bloom_bits block_size db use_existing_db sync "
                "disable_wal histogram statistics seed max_background_jobs "
                "benchmark_write_rate_limit seek_nexts batch_size").split()
    for name in required:
        check(name in ours, "we define --" + name)


def case_unknown_flag(args):
    for binary in [args.ours, args.rocksdb]:
        rc, out, err = run([binary, "--no_such_flag_xyz=1"], expect_rc=None)
        check(rc != 0, "%s fails on an unknown flag" % binary)
        check("no_such_flag_xyz" in err,
              "%s names the unknown flag: %r" % (binary, err[-200:]))


def case_ours_not_supported(args):
    db = fresh(args, "ours")
    benches = ["fillseq", "fillrandom", "overwrite", "readrandom", "readseq",
               "readreverse", "seekrandom", "multireadrandom", "deleterandom",
               "readwhilewriting", "readrandomwriterandom", "fillsync",
               "mergerandom", "compact", "waitforcompaction", "stats"]
    _, out, _ = run([args.ours, "--db=" + db, "--num=1000", "--seed=1",
                     "--merge_operator=put",
                     "--benchmarks=" + ",".join(benches)], expect_rc=0)
    res = results(out)
    unsupported = {m.group("name") for m in
                   map(NOT_SUPPORTED_RE.match, out.splitlines()) if m}
    for b in benches:
        if b in ("waitforcompaction", "stats"):
            # No result line of their own when supported.
            continue
        check((b in res) != (b in unsupported),
              "%s: exactly one of a result line or NotSupported" % b)
    print("NotSupported: %s" % ", ".join(sorted(unsupported)))
    shutil.rmtree(db, ignore_errors=True)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--ours", required=True)
    p.add_argument("--rocksdb", required=True)
    p.add_argument("--debian", default="/usr/bin/db_bench")
    p.add_argument("--tmp", required=True)
    p.add_argument("case")
    args = p.parse_args()
    needs_debian = args.case in ("found_matches_debian", "values_compress",
                                 "key_value_layout",
                                 "options_match_debian", "flag_defaults")
    if needs_debian and not os.access(args.debian, os.X_OK):
        print("SKIP: %s not installed" % args.debian)
        return 0
    os.makedirs(args.tmp, exist_ok=True)
    globals()["case_" + args.case](args)
    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
