# Runs the malformed-pack corpus (tests/unit/test_pack_fuzz.cpp) and the malformed-QR-frame
# and -payload corpora (tests/unit/test_qr_frames.cpp, test_qr_payload_fuzz.cpp) under ASan and UBSan:
# configures a separate build with -DDATAVOICE_SANITIZE=ON, builds only those tests and the
# few source files they need, and runs them. Registered as a CTest test, so every test
# run (and CI) does it; the build directory is kept, so later runs rebuild only what changed.
#   cmake -DSOURCE_DIR=... -DBINARY_DIR=... -P sanitized_pack_corpus.cmake
foreach(var SOURCE_DIR BINARY_DIR)
  if(NOT ${var})
    message(FATAL_ERROR "sanitized_pack_corpus.cmake: set -D${var}=...")
  endif()
endforeach()

execute_process(
  COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${BINARY_DIR}
          -DDATAVOICE_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
          # As the kiosk is built (NDEBUG: toml++'s internal asserts off, as in production),
          # but at -O1 so the sanitized build stays quick.
          "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g -DNDEBUG"
  OUTPUT_QUIET RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "configuring the sanitized build in ${BINARY_DIR} failed")
endif()

execute_process(
  COMMAND ${CMAKE_COMMAND} --build ${BINARY_DIR} --target pack_fuzz_tests qr_fuzz_tests -j 2
  OUTPUT_VARIABLE out ERROR_VARIABLE out RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "building the sanitized pack_fuzz_tests and qr_fuzz_tests failed:\n${out}")
endif()

set(ENV{ASAN_OPTIONS} "detect_leaks=1:abort_on_error=0:halt_on_error=1")
set(ENV{UBSAN_OPTIONS} "print_stacktrace=1:halt_on_error=1")
execute_process(COMMAND ${BINARY_DIR}/tests/pack_fuzz_tests RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "the pack corpus failed under the sanitizers (exit ${rc})")
endif()
execute_process(COMMAND ${BINARY_DIR}/tests/qr_fuzz_tests RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "the QR frame corpus failed under the sanitizers (exit ${rc})")
endif()
