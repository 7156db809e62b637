#!/usr/bin/env bash
# Installs the build into a temporary prefix and builds a tiny outside app
# against it three ways (find_package, pkg-config, plain -lrocksdb), checking
# each time with ldd/nm that it linked OUR library and never Debian's
# librocksdb.so.7.8 (which stays installed as the test oracle).
#   install_test.sh <build dir> <source dir> [extra compile/link flags]
set -eu
build=${1:?build dir}
src=${2:?source dir}
flags=${3:-}
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
app=$src/tests/install_app

cmake --install "$build" --prefix "$prefix" >/dev/null
lib=$prefix/lib
[ -f "$lib/librocksdb.a" ] || { echo "FAIL: no librocksdb.a installed"; exit 1; }
[ -e "$lib/librocksdb.so" ] || { echo "FAIL: no librocksdb.so installed"; exit 1; }
[ -f "$prefix/include/rocksdb/db.h" ] || { echo "FAIL: headers not installed"; exit 1; }
[ -f "$lib/pkgconfig/rocksdb.pc" ] || { echo "FAIL: no rocksdb.pc"; exit 1; }
soname=$(objdump -p "$lib/librocksdb.so" | awk '/SONAME/ {print $2}')
case $soname in
  librocksdb.so.7.8|"") echo "FAIL: SONAME '$soname' would clash with Debian's"; exit 1 ;;
esac
echo "installed, SONAME $soname"

# A dynamically linked binary must resolve librocksdb to our prefix.
expect_ours_shared() {
  local bin=$1 how=$2
  local line
  line=$(ldd "$bin" | grep librocksdb || true)
  case $line in
    *"$lib/librocksdb.so"*) ;;
    *) echo "FAIL ($how): $bin resolves librocksdb as: '${line:-nothing}'"; exit 1 ;;
  esac
  if ldd "$bin" | grep -q "librocksdb.so.7.8 "; then
    echo "FAIL ($how): $bin also loads Debian's librocksdb"; exit 1
  fi
  "$bin" >/dev/null || { echo "FAIL ($how): $bin did not run"; exit 1; }
  echo "ok ($how): $line"
}
# A statically linked binary must not load any librocksdb and must contain
# our code.
expect_ours_static() {
  local bin=$1 how=$2
  if ldd "$bin" | grep -q librocksdb; then
    echo "FAIL ($how): static binary loads a librocksdb"; exit 1
  fi
  nm -C "$bin" | grep -q " T rocksdb::WriteBatch::Count() const" ||
    { echo "FAIL ($how): our WriteBatch is not in the binary"; exit 1; }
  "$bin" >/dev/null || { echo "FAIL ($how): $bin did not run"; exit 1; }
  echo "ok ($how): statically linked"
}

# 1. find_package(RocksDB CONFIG) through CMAKE_PREFIX_PATH.
cmake -S "$app" -B "$prefix/app_build" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" \
  -DCMAKE_BUILD_RPATH="$lib" >/dev/null
cmake --build "$prefix/app_build" -j2 >/dev/null
expect_ours_shared "$prefix/app_build/app_shared" "find_package RocksDB::rocksdb-shared"
expect_ours_static "$prefix/app_build/app_static" "find_package RocksDB::rocksdb"

# 2. pkg-config through PKG_CONFIG_PATH.
pc_flags=$(PKG_CONFIG_PATH="$lib/pkgconfig" pkg-config --cflags --libs rocksdb)
case $pc_flags in *-lrocksdb*) ;; *) echo "FAIL: pkg-config gives '$pc_flags'"; exit 1 ;; esac
# shellcheck disable=SC2086
c++ -std=c++17 $flags "$app/main.cc" -o "$prefix/app_pc" $pc_flags -Wl,-rpath,"$lib"
expect_ours_shared "$prefix/app_pc" "pkg-config"

# 3. Plain -I/-L/-lrocksdb with an rpath.
# shellcheck disable=SC2086
c++ -std=c++17 $flags -I"$prefix/include" "$app/main.cc" -o "$prefix/app_plain" \
  -L"$lib" -lrocksdb -Wl,-rpath,"$lib"
expect_ours_shared "$prefix/app_plain" "plain -lrocksdb"
echo "install test passed"
