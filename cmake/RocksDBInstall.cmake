# `cmake --install` lays out a RocksDB drop-in under CMAKE_INSTALL_PREFIX:
#   include/rocksdb/...            public headers
#   lib/librocksdb.a, librocksdb.so (SONAME librocksdb.so.cleanroom-7.8)
#   lib/cmake/rocksdb/             find_package(RocksDB CONFIG) giving
#                                  RocksDB::rocksdb and RocksDB::rocksdb-shared
#   lib/pkgconfig/rocksdb.pc
include(CMakePackageConfigHelpers)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/rocksdb
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        FILES_MATCHING PATTERN "*.h")

set(_rocksdb_install_targets rocksdb)
if(ROCKSDB_BUILD_SHARED)
  list(APPEND _rocksdb_install_targets rocksdb-shared)
endif()
install(TARGETS ${_rocksdb_install_targets}
        EXPORT RocksDBTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

set(_rocksdb_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/rocksdb)
install(EXPORT RocksDBTargets NAMESPACE RocksDB::
        DESTINATION ${_rocksdb_cmake_dir})
configure_package_config_file(
    ${PROJECT_SOURCE_DIR}/cmake/RocksDBConfig.cmake.in
    ${PROJECT_BINARY_DIR}/RocksDBConfig.cmake
    INSTALL_DESTINATION ${_rocksdb_cmake_dir})
# Same-major compatibility, as upstream: find_package(RocksDB 7.x) works.
write_basic_package_version_file(
    ${PROJECT_BINARY_DIR}/RocksDBConfigVersion.cmake
    VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/RocksDBConfig.cmake
              ${PROJECT_BINARY_DIR}/RocksDBConfigVersion.cmake
        DESTINATION ${_rocksdb_cmake_dir})

configure_file(${PROJECT_SOURCE_DIR}/cmake/rocksdb.pc.in
               ${PROJECT_BINARY_DIR}/rocksdb.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/rocksdb.pc
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
