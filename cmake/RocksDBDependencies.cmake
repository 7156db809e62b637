# Third-party libraries, all from Debian packages (tools/install_deps.sh).
find_package(Threads REQUIRED)

# find_library keeps us independent of which packages ship CMake configs.
function(rocksdb_find_lib var name header)
  find_library(${var}_LIBRARY NAMES ${name} REQUIRED)
  find_path(${var}_INCLUDE_DIR NAMES ${header} REQUIRED)
  set(${var}_LIBRARY ${${var}_LIBRARY} PARENT_SCOPE)
endfunction()

rocksdb_find_lib(SNAPPY snappy snappy.h)
rocksdb_find_lib(LZ4 lz4 lz4.h)
rocksdb_find_lib(ZSTD zstd zstd.h)
rocksdb_find_lib(ZLIB z zlib.h)
rocksdb_find_lib(BZIP2 bz2 bzlib.h)
rocksdb_find_lib(XXHASH xxhash xxhash.h)

# Everything the engine links against, in link order.
set(ROCKSDB_THIRD_PARTY_LIBS
    ${SNAPPY_LIBRARY} ${LZ4_LIBRARY} ${ZSTD_LIBRARY} ${ZLIB_LIBRARY}
    ${BZIP2_LIBRARY} ${XXHASH_LIBRARY} Threads::Threads ${CMAKE_DL_LIBS})
# The same as -l flags, for rocksdb.pc.
set(ROCKSDB_PC_PRIVATE_LIBS "-lsnappy -llz4 -lzstd -lz -lbz2 -lxxhash -lpthread -ldl")

if(ROCKSDB_BUILD_TESTS OR ROCKSDB_BUILD_COMPAT_TESTS)
  find_package(GTest REQUIRED)
endif()
