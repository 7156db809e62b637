# Runs the same-source program built against real RocksDB and against ours
# and fails unless both print exactly the same.
#
#   cmake -DNAME=<program> -DREAL=<exe> -DOURS=<exe> -DOUT_DIR=<dir>
#         -P run_same_source.cmake
foreach(side REAL OURS)
  execute_process(COMMAND ${${side}}
                  OUTPUT_VARIABLE out_${side}
                  ERROR_VARIABLE err_${side}
                  RESULT_VARIABLE rc_${side})
  if(NOT rc_${side} EQUAL 0)
    message(FATAL_ERROR "${${side}} exited with ${rc_${side}}:\n${err_${side}}")
  endif()
  file(WRITE ${OUT_DIR}/${NAME}_${side}.txt "${out_${side}}")
endforeach()
if(NOT out_REAL STREQUAL out_OURS)
  execute_process(COMMAND diff -u ${OUT_DIR}/${NAME}_REAL.txt
                                  ${OUT_DIR}/${NAME}_OURS.txt)
  message(FATAL_ERROR "outputs differ (real vs ours), see the diff above")
endif()
message(STATUS "${NAME}: same output from real RocksDB and ours")
