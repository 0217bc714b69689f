# Runs one command at build time with its standard output written to a file, and fails the
# build if the command fails (add_custom_command has no portable redirection).
#
#   cmake -DOUTPUT=FILE "-DCOMMAND=prog|arg|..." -P FhashRunToFile.cmake
#
# The arguments are separated by '|', as a ';' would need quoting from the build tool's
# shell. Empty ones (no emulator) are dropped.
#
# Used for the completion scripts (`fhash --completion SHELL`, through the cross build's
# emulator when there is one) and the gzip -9n copies of the man page and changelog.
if(NOT OUTPUT OR NOT COMMAND)
  message(FATAL_ERROR "FhashRunToFile.cmake needs OUTPUT and COMMAND")
endif()
string(REPLACE "|" ";" _command "${COMMAND}")
list(REMOVE_ITEM _command "")
execute_process(COMMAND ${_command}
  OUTPUT_FILE "${OUTPUT}.tmp"
  RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  file(REMOVE "${OUTPUT}.tmp")
  string(JOIN " " _shown ${_command})
  message(FATAL_ERROR "'${_shown}' failed (${_rc})")
endif()
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
