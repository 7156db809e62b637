# Per-layer object libraries.
#
#   rocksdb_layer(<name> SOURCES <.cc...> [TESTS <_test.cc...>])
#
# creates OBJECT libraries rocksdb_<name> (namespace rocksdb) and, when the
# differential tests are built, rocksdb_<name>_compat (namespace
# ${ROCKSDB_COMPAT_NAMESPACE}). TESTS become one gtest binary <name>_test
# linked against the static library. rocksdb_finish_libraries() then
# combines every layer into librocksdb.a / librocksdb.so (and
# rocksdb_compat.a for compat_tests).
#
# Include direction between layers is checked by tests/check_layers.sh.

set_property(GLOBAL PROPERTY ROCKSDB_LAYERS "")

function(rocksdb_configure_object target)
  target_include_directories(${target} PUBLIC
      $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
      $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/src>)
  target_include_directories(${target} SYSTEM PRIVATE
      ${SNAPPY_INCLUDE_DIR} ${LZ4_INCLUDE_DIR} ${ZSTD_INCLUDE_DIR}
      ${XXHASH_INCLUDE_DIR})
endfunction()

function(rocksdb_layer name)
  cmake_parse_arguments(L "" "" "SOURCES;TESTS" ${ARGN})
  if(L_SOURCES)
    add_library(rocksdb_${name} OBJECT ${L_SOURCES})
    rocksdb_configure_object(rocksdb_${name})
    set_property(GLOBAL APPEND PROPERTY ROCKSDB_LAYERS ${name})
    if(ROCKSDB_BUILD_COMPAT_TESTS)
      add_library(rocksdb_${name}_compat OBJECT ${L_SOURCES})
      rocksdb_configure_object(rocksdb_${name}_compat)
      target_compile_definitions(rocksdb_${name}_compat PUBLIC
          ROCKSDB_NAMESPACE=${ROCKSDB_COMPAT_NAMESPACE})
    endif()
  endif()
  if(L_TESTS AND ROCKSDB_BUILD_TESTS)
    rocksdb_gtest(${name}_test ${L_TESTS})
  endif()
endfunction()

# rocksdb_gtest(<binary> <sources...>): a gtest binary linked against our
# static library, registered test by test with ctest.
function(rocksdb_gtest binary)
  add_executable(${binary} ${ARGN})
  target_include_directories(${binary} PRIVATE
      ${PROJECT_SOURCE_DIR}/include ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${binary} PRIVATE rocksdb GTest::gtest GTest::gmock
      GTest::gtest_main)
  include(GoogleTest)
  gtest_discover_tests(${binary} DISCOVERY_MODE PRE_TEST
      WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
endfunction()

function(rocksdb_finish_libraries)
  get_property(layers GLOBAL PROPERTY ROCKSDB_LAYERS)
  set(objects "")
  set(compat_objects "")
  foreach(layer IN LISTS layers)
    list(APPEND objects $<TARGET_OBJECTS:rocksdb_${layer}>)
    list(APPEND compat_objects $<TARGET_OBJECTS:rocksdb_${layer}_compat>)
  endforeach()

  add_library(rocksdb STATIC ${objects})
  target_include_directories(rocksdb PUBLIC
      $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
      $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  target_link_libraries(rocksdb PUBLIC ${ROCKSDB_THIRD_PARTY_LIBS})

  if(ROCKSDB_BUILD_SHARED)
    add_library(rocksdb-shared SHARED ${objects})
    # Same file name as upstream (-lrocksdb finds it) but our own SONAME:
    # the ABI is ours, so a binary linked against Debian's
    # librocksdb.so.7.8 must never load this library by accident.
    set_target_properties(rocksdb-shared PROPERTIES
        OUTPUT_NAME rocksdb
        VERSION ${PROJECT_VERSION}
        SOVERSION "cleanroom-${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR}")
    target_include_directories(rocksdb-shared PUBLIC
        $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
        $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
    target_link_libraries(rocksdb-shared PRIVATE ${ROCKSDB_THIRD_PARTY_LIBS})
  endif()

  if(ROCKSDB_BUILD_COMPAT_TESTS)
    add_library(rocksdb_compat STATIC ${compat_objects})
    target_compile_definitions(rocksdb_compat INTERFACE
        ROCKSDB_NAMESPACE=${ROCKSDB_COMPAT_NAMESPACE})
    target_link_libraries(rocksdb_compat PUBLIC ${ROCKSDB_THIRD_PARTY_LIBS})
  endif()
endfunction()

# rocksdb_layer_from_dir(<name>): the common case. Every *.cc in the calling
# directory is part of the layer, except *_test.cc (the layer's gtest
# binary) and *_bench.cc (micro-benchmarks, built by db_bench/micro).
function(rocksdb_layer_from_dir name)
  file(GLOB all CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  set(sources "")
  set(tests "")
  foreach(f IN LISTS all)
    if(f MATCHES "_test\\.cc$")
      list(APPEND tests ${f})
    elseif(NOT f MATCHES "_bench\\.cc$")
      list(APPEND sources ${f})
    endif()
  endforeach()
  rocksdb_layer(${name} SOURCES ${sources} TESTS ${tests})
endfunction()
