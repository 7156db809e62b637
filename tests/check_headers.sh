#!/usr/bin/env bash
# Every public header compiles on its own, and none of them silently picks up
# Debian's /usr/include/rocksdb (which sits on the default include path: a
# header we forgot to write would otherwise be found there).
#   check_headers.sh <source dir> <c++ compiler>
set -u
src=${1:?source dir}
cxx=${2:-c++}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
count=0
cd "$src/include" || exit 1
while IFS= read -r h; do
  count=$((count + 1))
  # Included from a one-line .cc, as an application would (compiling the
  # header itself as the main file warns about #pragma once).
  echo "#include \"$h\"" >"$tmp/alone.cc"
  if ! "$cxx" -std=c++17 -fsyntax-only -Wall -Wextra -Werror -Wno-unused-parameter \
      -I"$src/include" -MD -MF "$tmp/dep.d" "$tmp/alone.cc" 2>"$tmp/err"; then
    echo "FAIL: $h does not compile alone:"; head -20 "$tmp/err"; fail=1; continue
  fi
  if grep -q "/usr/include/rocksdb" "$tmp/dep.d"; then
    echo "FAIL: $h pulls in Debian's headers:"
    tr ' ' '\n' <"$tmp/dep.d" | grep /usr/include/rocksdb | sort -u | head
    fail=1
  fi
done < <(find rocksdb -name '*.h' | sort)
echo "checked $count public headers"
exit $fail
