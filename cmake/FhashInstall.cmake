# What `cmake --install` and the packages (cmake/FhashPackaging.cmake, included first for
# CPACK_PACKAGE_CONTACT, the changelog's maintainer) install, each file in a CPack
# component: `fhash` is the program with its documentation and completions. A later
# component (`tool_links`: md5sum, sha256sum, b3sum... as links in /usr/lib/fhash/bin, a
# package of its own) goes beside it without touching these rules.
#
# Generated at build time, from one source each:
#   man/fhash.1        the .TH line's version set to project(VERSION), then gzip -9n (Unix)
#   completions        `fhash --completion SHELL` of the program just built: bash, zsh and
#                      fish on Unix, PowerShell on Windows (run by the cross build's emulator)
#   changelog.gz       CHANGELOG.md's released versions as a Debian changelog, gzip -9n
#                      (Unix; /usr/share/doc/fhash, as Debian wants it)
#
# Layout: Unix installs under the prefix (bin, share/man, share/doc/fhash, the shells'
# completion folders); Windows installs one flat folder, as the zip holds it (fhash.exe,
# LICENSE.txt, README.txt, fhash-completion.ps1).

include(GNUInstallDirs)
# Directories made by the install (and so in the packages) are 755 whatever the umask.
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(_gen ${CMAKE_BINARY_DIR}/generated)
file(MAKE_DIRECTORY ${_gen})
set(_run_to_file_script ${PROJECT_SOURCE_DIR}/cmake/FhashRunToFile.cmake)

# --- The man page: man/fhash.1 is the source; only its .TH version is rewritten. ----------
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/man/fhash.1)
file(READ ${PROJECT_SOURCE_DIR}/man/fhash.1 _man)
set(_th_regex "\\.TH FHASH 1 \"([^\"]*)\" \"fhash [^\"]*\"")
if(NOT _man MATCHES "${_th_regex}")
  message(FATAL_ERROR "man/fhash.1: no '.TH FHASH 1 \"DATE\" \"fhash VERSION\"' line to version")
endif()
string(REGEX REPLACE "${_th_regex}" ".TH FHASH 1 \"\\1\" \"fhash ${PROJECT_VERSION}\"" _man
       "${_man}")
set(FHASH_MAN_PAGE ${_gen}/fhash.1)
if(EXISTS ${FHASH_MAN_PAGE})
  file(READ ${FHASH_MAN_PAGE} _man_old)
endif()
if(NOT _man STREQUAL "${_man_old}")
  file(WRITE ${FHASH_MAN_PAGE} "${_man}")
endif()

# --- Completion scripts, from the program's own option table ------------------------------
if(WIN32)
  set(_shells powershell)
else()
  set(_shells bash zsh fish)
endif()
set(_completion_files)
foreach(_shell IN LISTS _shells)
  set(_out ${_gen}/completion.${_shell})
  add_custom_command(OUTPUT ${_out}
    COMMAND ${CMAKE_COMMAND} "-DOUTPUT=${_out}"
            "-DCOMMAND=${CMAKE_CROSSCOMPILING_EMULATOR}|$<TARGET_FILE:fhash>|--completion|${_shell}"
            -P ${_run_to_file_script}
    DEPENDS fhash ${_run_to_file_script}
    COMMENT "Writing the ${_shell} completion script"
    VERBATIM)
  list(APPEND _completion_files ${_out})
endforeach()

# --- Compressed copies for Unix ----------------------------------------------------------
set(_gzip_files)
if(NOT WIN32)
  find_program(FHASH_GZIP gzip REQUIRED)
  mark_as_advanced(FHASH_GZIP)
  # CHANGELOG.md as a Debian changelog (lintian reads a native package's changelog.gz).
  set(_debian_script ${PROJECT_SOURCE_DIR}/cmake/FhashDebianChangelog.cmake)
  add_custom_command(OUTPUT ${_gen}/changelog
    COMMAND ${CMAKE_COMMAND} -DINPUT=${PROJECT_SOURCE_DIR}/CHANGELOG.md -DOUTPUT=${_gen}/changelog
            "-DMAINTAINER=${CPACK_PACKAGE_CONTACT}" -P ${_debian_script}
    DEPENDS ${PROJECT_SOURCE_DIR}/CHANGELOG.md ${_debian_script}
    COMMENT "Writing CHANGELOG.md as a Debian changelog"
    VERBATIM)
  foreach(_pair "${FHASH_MAN_PAGE};fhash.1.gz" "${_gen}/changelog;changelog.gz")
    list(GET _pair 0 _in)
    list(GET _pair 1 _name)
    add_custom_command(OUTPUT ${_gen}/${_name}
      COMMAND ${CMAKE_COMMAND} "-DOUTPUT=${_gen}/${_name}" "-DCOMMAND=${FHASH_GZIP}|-9n|-c|${_in}"
              -P ${_run_to_file_script}
      DEPENDS ${_in} ${_run_to_file_script}
      COMMENT "Compressing ${_name}"
      VERBATIM)
    list(APPEND _gzip_files ${_gen}/${_name})
  endforeach()
endif()
add_custom_target(fhash_install_files ALL DEPENDS ${_completion_files} ${_gzip_files})

# --- Install rules ------------------------------------------------------------------------
if(WIN32)
  configure_file(${PROJECT_SOURCE_DIR}/LICENSE ${_gen}/LICENSE.txt NEWLINE_STYLE WIN32)
  configure_file(${PROJECT_SOURCE_DIR}/packaging/windows/README.txt.in ${_gen}/README.txt
                 @ONLY NEWLINE_STYLE WIN32)
  install(TARGETS fhash RUNTIME DESTINATION . COMPONENT fhash)
  install(FILES ${_gen}/LICENSE.txt ${_gen}/README.txt DESTINATION . COMPONENT fhash)
  install(FILES ${_gen}/completion.powershell DESTINATION . RENAME fhash-completion.ps1
          COMPONENT fhash)
else()
  set(_share ${CMAKE_INSTALL_DATADIR})
  install(TARGETS fhash RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT fhash)
  install(FILES ${_gen}/fhash.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT fhash)
  install(FILES ${_gen}/completion.bash DESTINATION ${_share}/bash-completion/completions
          RENAME fhash COMPONENT fhash)
  install(FILES ${_gen}/completion.zsh DESTINATION ${_share}/zsh/vendor-completions
          RENAME _fhash COMPONENT fhash)
  install(FILES ${_gen}/completion.fish DESTINATION ${_share}/fish/vendor_completions.d
          RENAME fhash.fish COMPONENT fhash)
  install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR}
          RENAME copyright COMPONENT fhash)
  install(FILES ${_gen}/changelog.gz DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT fhash)
  # Debian wants every package's own copyright and changelog.
  install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${_share}/doc/fhash-tool-links
          RENAME copyright COMPONENT tool_links EXCLUDE_FROM_ALL)
  install(FILES ${_gen}/changelog.gz DESTINATION ${_share}/doc/fhash-tool-links
          COMPONENT tool_links EXCLUDE_FROM_ALL)
endif()

# --- Tool links: fhash under the names of the tools it stands in for (docs/drop-in.md) -----
# Never in the binary folder by default, and never installed unasked: with
# -DFHASH_INSTALL_TOOL_LINKS=ON `cmake --install` makes them in FHASH_TOOL_LINKS_DIR (under
# the prefix), a folder the user puts first in PATH on purpose. Without it they are only made
# by `cmake --install --component tool_links` and by the fhash-tool-links Debian package.
# POSIX: relative symbolic links; Windows: hard links, or copies where those fail.
option(FHASH_INSTALL_TOOL_LINKS "Install md5sum, sha256sum, b3sum... links to fhash" OFF)
set(FHASH_TOOL_LINKS_DIR "lib/fhash/bin" CACHE STRING
    "Where the tool links go, relative to the install prefix")
set(FHASH_TOOL_NAMES md5sum sha1sum sha224sum sha256sum sha384sum sha512sum b2sum cksum sum
    b3sum xxhsum xxh32sum xxh64sum xxh128sum xxh3sum fciv)
set(_links_exclude EXCLUDE_FROM_ALL)
if(FHASH_INSTALL_TOOL_LINKS)
  set(_links_exclude)
endif()
if(WIN32)
  set(_fhash_installed "fhash.exe")
  set(_link_suffix ".exe")
  set(_link_mode "HARD COPY_ON_ERROR")
  set(_links_bin ".")
else()
  set(_link_suffix "")
  set(_link_mode "SYMBOLIC")
  set(_links_bin "${CMAKE_INSTALL_BINDIR}")
endif()
file(RELATIVE_PATH _to_fhash /${FHASH_TOOL_LINKS_DIR} /${_links_bin}/fhash${_link_suffix})
if(WIN32)
  set(_to_fhash "\${_dir}/../../../fhash.exe")
endif()
install(CODE "
  set(_dir \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${FHASH_TOOL_LINKS_DIR}\")
  file(MAKE_DIRECTORY \"\${_dir}\")
  foreach(_tool ${FHASH_TOOL_NAMES})
    file(REMOVE \"\${_dir}/\${_tool}${_link_suffix}\")
    file(CREATE_LINK \"${_to_fhash}\" \"\${_dir}/\${_tool}${_link_suffix}\" ${_link_mode})
    list(APPEND CMAKE_INSTALL_MANIFEST_FILES \"\${_dir}/\${_tool}${_link_suffix}\")
  endforeach()
" COMPONENT tool_links ${_links_exclude})
