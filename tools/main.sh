#!/usr/bin/env bash
# The main job (the README's first command): the db_bench suite, our engine
# beside real RocksDB, with a ratio table, CSV and chart (tools/bench.sh,
# docs/bench.md). Arguments go to tools/bench.sh, e.g. --quick.
set -euo pipefail
cd "$(dirname "$0")/.."
exec tools/bench.sh "$@"
