#!/usr/bin/env bash
# Lower layers never include higher ones (../shared/STYLE.md section 1):
#   port < util < env < options < {memtable, wal, table, cache}
#        < compaction < db < utilities
# Layers on the same rank (memtable, wal, table, cache) may not include each
# other either, so each stays replaceable on its own.
set -u
src=${1:?source dir}/src
rank() {
  case $1 in
    port) echo 0 ;; util) echo 1 ;; env) echo 2 ;; options) echo 3 ;;
    memtable|wal|table|cache) echo 4 ;; compaction) echo 5 ;; db) echo 6 ;;
    utilities) echo 7 ;; *) echo -1 ;;
  esac
}
fail=0
for dir in "$src"/*/; do
  layer=$(basename "$dir")
  r=$(rank "$layer")
  [ "$r" -ge 0 ] || { echo "FAIL: unknown layer src/$layer"; fail=1; continue; }
  while IFS=: read -r file line inc; do
    target=${inc%%/*}
    tr=$(rank "$target")
    [ "$tr" -ge 0 ] || continue          # not an engine layer (e.g. "rocksdb/")
    if [ "$target" != "$layer" ] && [ "$tr" -ge "$r" ]; then
      echo "FAIL: ${file#$src/}:$line (layer $layer) includes $inc"
      fail=1
    fi
  done < <(grep -rnoE '^#include "[a-z_]+/[^"]+"' "$dir" | sed -E 's/#include "([^"]+)"/\1/')
done
[ $fail -eq 0 ] && echo "layering OK"
exit $fail
