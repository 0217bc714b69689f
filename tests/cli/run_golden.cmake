# Runs one CLI golden case: the real binary in a scratch directory, stdout, stderr and the
# exit code compared byte for byte with the expected files.
#
# A case is a folder testdata/golden/<case>/ holding
#   args      one argument per line (required; may be empty)
#   stdin     fed to standard input (optional; otherwise empty input)
#   files/    copied into the scratch directory (optional; otherwise testdata/inputs is)
#   stdout, stderr, exit   the expected results (missing stdout/stderr mean empty)
#   env       optional: KEY=VALUE lines set in the environment of the run
#   tool      optional: run fhash under this name (md5sum, b3sum...), see below
#   backends, platforms   optional: where the case runs (honoured by tests/CMakeLists.txt)
#   after     optional: one "path<TAB>expected-file" pair per line; each scratch file must
#             equal the expected file (for -o)
#
# Variables: FHASH (binary), EMULATOR (e.g. wine for the Windows build), CASE_DIR,
# INPUTS_DIR, SCRATCH. UPDATE_GOLDEN=1 in the environment rewrites the expected files.
# FHASH_TEST_ARGS in the environment (e.g. "-j3", "--read-mode mmap") is put before the
# case's arguments: options that must not change any output byte.

file(REMOVE_RECURSE "${SCRATCH}")
set(WORK "${SCRATCH}/work")
file(MAKE_DIRECTORY "${WORK}")
if(EXISTS "${CASE_DIR}/files")
  file(COPY "${CASE_DIR}/files/" DESTINATION "${WORK}")
else()
  file(COPY "${INPUTS_DIR}/" DESTINATION "${WORK}")
endif()

file(STRINGS "${CASE_DIR}/args" _args ENCODING UTF-8)
set(_cmd)
if(EXISTS "${CASE_DIR}/env")
  # KEY=VALUE per line, e.g. SOURCE_DATE_EPOCH for reproducible timestamps.
  file(STRINGS "${CASE_DIR}/env" _env)
  list(PREPEND _cmd ${CMAKE_COMMAND} -E env ${_env})
endif()
if(EMULATOR)
  list(APPEND _cmd ${EMULATOR})
endif()
# A case with a `tool` file runs fhash under that tool's name (md5sum, b3sum...): a link in
# the scratch folder (a copy under an emulator), with ".exe" when fhash has it.
set(_program "${FHASH}")
if(EXISTS "${CASE_DIR}/tool")
  file(STRINGS "${CASE_DIR}/tool" _tool LIMIT_COUNT 1)
  get_filename_component(_ext "${FHASH}" LAST_EXT)
  set(_program "${SCRATCH}/bin/${_tool}${_ext}")
  file(MAKE_DIRECTORY "${SCRATCH}/bin")
  if(EMULATOR)
    file(COPY_FILE "${FHASH}" "${_program}")
  else()
    file(CREATE_LINK "${FHASH}" "${_program}" SYMBOLIC)
  endif()
endif()
separate_arguments(_extra UNIX_COMMAND "$ENV{FHASH_TEST_ARGS}")
list(APPEND _cmd "${_program}" ${_extra} ${_args})

set(_stdin "${CASE_DIR}/stdin")
if(NOT EXISTS "${_stdin}")
  set(_stdin "${SCRATCH}/.empty-stdin")
  file(WRITE "${_stdin}" "")
endif()

execute_process(COMMAND ${_cmd}
  WORKING_DIRECTORY "${WORK}"
  INPUT_FILE "${_stdin}"
  OUTPUT_FILE "${SCRATCH}/.actual-stdout"
  ERROR_FILE "${SCRATCH}/.actual-stderr"
  RESULT_VARIABLE _rc
  TIMEOUT 120)
file(WRITE "${SCRATCH}/.actual-exit" "${_rc}\n")

set(_failed FALSE)
foreach(_stream stdout stderr exit)
  set(_expected "${CASE_DIR}/${_stream}")
  if("$ENV{UPDATE_GOLDEN}" STREQUAL "1")
    file(READ "${SCRATCH}/.actual-${_stream}" _content)
    if(_content STREQUAL "" AND NOT _stream STREQUAL "exit")
      file(REMOVE "${_expected}")
    else()
      configure_file("${SCRATCH}/.actual-${_stream}" "${_expected}" COPYONLY)
    endif()
    continue()
  endif()
  if(NOT EXISTS "${_expected}")
    set(_expected "${SCRATCH}/.expected-empty")
    file(WRITE "${_expected}" "")
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${_expected}" "${SCRATCH}/.actual-${_stream}"
                  RESULT_VARIABLE _diff)
  if(NOT _diff EQUAL 0)
    file(READ "${_expected}" _want)
    file(READ "${SCRATCH}/.actual-${_stream}" _got)
    message(SEND_ERROR "${_stream} differs\n--- expected ---\n${_want}\n--- actual ---\n${_got}")
    set(_failed TRUE)
  endif()
endforeach()

if(EXISTS "${CASE_DIR}/after")
  file(STRINGS "${CASE_DIR}/after" _pairs)
  foreach(_pair IN LISTS _pairs)
    string(REPLACE "\t" ";" _pair "${_pair}")
    list(GET _pair 0 _produced)
    list(GET _pair 1 _wanted)
    if("$ENV{UPDATE_GOLDEN}" STREQUAL "1" AND EXISTS "${WORK}/${_produced}")
      configure_file("${WORK}/${_produced}" "${CASE_DIR}/${_wanted}" COPYONLY)
      continue()
    endif()
    execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${CASE_DIR}/${_wanted}" "${WORK}/${_produced}"
                    RESULT_VARIABLE _diff)
    if(NOT _diff EQUAL 0)
      message(SEND_ERROR "${_produced} differs from ${_wanted}")
      set(_failed TRUE)
    endif()
  endforeach()
endif()

if(_failed)
  message(FATAL_ERROR "golden case ${CASE_DIR} failed (command: ${_cmd})")
endif()
