# contractcheck_add_analysis(<target> [ALL] [CONTRACTCHECK <exe>] [CACHE_DIR <dir>]
#                            [ARGS <arg>...])
#
# Puts contractcheck's per-TU extraction into the build graph: one `contractcheck extract` per
# source file of <target>, re-run by Ninja (or Make) only when the file or anything it included
# changed (a depfile lists what the parse read), in parallel with the rest of the build. The
# target <target>_contractcheck then merges the stored results, runs the global rules and reports
# (`contractcheck check`); it fails the build on findings, as the CLI's exit code says.
#
# Needs CMAKE_EXPORT_COMPILE_COMMANDS=ON. Extraction runs after <target> is built, so generated
# headers exist. CONTRACTCHECK defaults to the `contractcheck` target of this build, else the
# program found on PATH; CACHE_DIR to ${CMAKE_BINARY_DIR}/.contractcheck-cache; ARGS are passed
# to the check step (e.g. --format sarif --output report.sarif). ALL makes <target>_contractcheck
# part of the default build (`cmake --build build`), as add_custom_target(... ALL) does: every
# build then fails on findings; without it the analysis runs when its target is asked for.
# Run at build time for the sources a target gives through generator expressions: LIST_FILE
# holds them as CMake evaluated them (one a line, relative to BASE_DIR or absolute); the C/C++
# sources among them are extracted in one run with one depfile, and their absolute paths written
# to RESPONSE_FILE, which the check step reads (`@file`). None (an option that is off): the stamp
# and an empty depfile, and nothing extracted.
# Written through configure_file, which leaves an unchanged file alone: the extraction depends on
# it, and a re-configure must not re-extract.
set(_CONTRACTCHECK_EXTRACT_LISTED "${CMAKE_BINARY_DIR}/contractcheck/extract-listed.cmake")
file(WRITE "${_CONTRACTCHECK_EXTRACT_LISTED}.in" [=[
file(STRINGS "${LIST_FILE}" entries)
set(files)
set(response "")
foreach(entry IN LISTS entries)
  get_filename_component(path "${entry}" ABSOLUTE BASE_DIR "${BASE_DIR}")
  if(path MATCHES "\\.(c|cc|cpp|cxx|c\\+\\+)$")
    list(APPEND files "${path}")
    string(REPLACE "\\" "\\\\" quoted "${path}")
    string(REPLACE "\"" "\\\"" quoted "${quoted}")
    string(APPEND response "\"${quoted}\"\n")
  endif()
endforeach()
file(WRITE "${RESPONSE_FILE}" "${response}")
if(NOT files)
  file(WRITE "${STAMP}.d" "")
  file(WRITE "${STAMP}" "")
  return()
endif()
execute_process(COMMAND "${CONTRACTCHECK}" extract -p "${BUILD_DIR}" --cache-dir "${CACHE_DIR}"
                        --quiet --depfile "${STAMP}.d" --stamp "${STAMP}" ${files}
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "contractcheck extract failed (${result})")
endif()
]=])
configure_file("${_CONTRACTCHECK_EXTRACT_LISTED}.in" "${_CONTRACTCHECK_EXTRACT_LISTED}" COPYONLY)

function(contractcheck_add_analysis target)
  # The depfiles name each stamp by its absolute path; Ninja matches them against the edge's
  # output only when CMake rewrites them (CMP0116 NEW). A function runs with the policies of the
  # project that included it, and yaml-cpp's cmake_minimum_required(VERSION 3.4) left CMP0116
  # OLD: Ninja found every depfile naming "another" target and re-extracted every TU on every
  # build.
  cmake_policy(PUSH)
  if(POLICY CMP0116)
    cmake_policy(SET CMP0116 NEW)
  endif()
  cmake_parse_arguments(PARSE_ARGV 1 CC "ALL" "CONTRACTCHECK;CACHE_DIR" "ARGS")
  if(CC_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "contractcheck_add_analysis(${target}): unknown arguments "
                        "'${CC_UNPARSED_ARGUMENTS}'; expected ALL, CONTRACTCHECK, CACHE_DIR, ARGS")
  endif()
  set(all)
  if(CC_ALL)
    set(all ALL)
  endif()
  if(NOT CMAKE_EXPORT_COMPILE_COMMANDS)
    message(FATAL_ERROR "contractcheck_add_analysis(${target}): set CMAKE_EXPORT_COMPILE_COMMANDS "
                        "to ON; contractcheck reads the compile commands from "
                        "compile_commands.json")
  endif()
  if(NOT CC_CONTRACTCHECK)
    if(TARGET contractcheck)
      set(CC_CONTRACTCHECK "$<TARGET_FILE:contractcheck>")
    else()
      find_program(CONTRACTCHECK_EXECUTABLE contractcheck REQUIRED)
      set(CC_CONTRACTCHECK "${CONTRACTCHECK_EXECUTABLE}")
    endif()
  endif()
  if(NOT CC_CACHE_DIR)
    set(CC_CACHE_DIR "${CMAKE_BINARY_DIR}/.contractcheck-cache")
  endif()

  get_target_property(sources ${target} SOURCES)
  get_target_property(source_dir ${target} SOURCE_DIR)
  set(stamps)
  set(analysed)
  # Sources given through generator expressions ($<$<BOOL:${OPT}>:a.cpp;b.cpp>, as yaml-cpp adds
  # its contrib sources) are known only when the build system is generated: each entry is
  # reassembled from the list elements its ';' split it into, and they are extracted together
  # at build time from the list CMake evaluates (below).
  set(generated_entries "")
  set(pending "")
  foreach(source IN LISTS sources)
    if(NOT pending STREQUAL "")
      set(source "${pending};${source}")
    endif()
    string(REGEX MATCHALL "\\$<" opens "${source}")
    string(REGEX MATCHALL ">" closes "${source}")
    list(LENGTH opens opens)
    list(LENGTH closes closes)
    if(opens GREATER closes)
      set(pending "${source}")
      continue()
    endif()
    set(pending "")
    if(source MATCHES "\\$<")
      string(APPEND generated_entries "${source};")
      continue()
    endif()
    if(NOT source MATCHES "\\.(c|cc|cpp|cxx|c\\+\\+)$")
      continue()
    endif()
    get_filename_component(path "${source}" ABSOLUTE BASE_DIR "${source_dir}")
    file(RELATIVE_PATH name "${CMAKE_SOURCE_DIR}" "${path}")
    # Several names map to one identifier (a-b.cpp, a_b.cpp): a hash of the path keeps each
    # source's stamp its own.
    string(MAKE_C_IDENTIFIER "${name}" id)
    string(SHA256 hash "${path}")
    string(SUBSTRING "${hash}" 0 10 hash)
    set(stamp "${CMAKE_CURRENT_BINARY_DIR}/contractcheck/${target}/${id}-${hash}.stamp")
    add_custom_command(
      OUTPUT "${stamp}"
      COMMAND "${CC_CONTRACTCHECK}" extract -p "${CMAKE_BINARY_DIR}" --cache-dir "${CC_CACHE_DIR}"
              --quiet --depfile "${stamp}.d" --stamp "${stamp}" "${path}"
      DEPENDS "${path}"
      DEPFILE "${stamp}.d"
      COMMENT "contractcheck: extracting ${name}"
      VERBATIM)
    list(APPEND stamps "${stamp}")
    list(APPEND analysed "${path}")
  endforeach()
  if(NOT "${generated_entries}" STREQUAL "")
    set(dir "${CMAKE_CURRENT_BINARY_DIR}/contractcheck/${target}")
    set(list_file "${dir}/generator-expression-sources-$<CONFIG>.txt")
    file(GENERATE OUTPUT "${list_file}" CONTENT "$<JOIN:${generated_entries},\n>\n" TARGET ${target})
    set(stamp "${dir}/generator-expression-sources.stamp")
    set(response_file "${dir}/generator-expression-sources.rsp")
    add_custom_command(
      OUTPUT "${stamp}"
      COMMAND "${CMAKE_COMMAND}" "-DCONTRACTCHECK=${CC_CONTRACTCHECK}" "-DBUILD_DIR=${CMAKE_BINARY_DIR}"
              "-DCACHE_DIR=${CC_CACHE_DIR}" "-DBASE_DIR=${source_dir}" "-DLIST_FILE=${list_file}"
              "-DSTAMP=${stamp}" "-DRESPONSE_FILE=${response_file}"
              -P "${_CONTRACTCHECK_EXTRACT_LISTED}"
      DEPENDS "${list_file}" "${_CONTRACTCHECK_EXTRACT_LISTED}"
      DEPFILE "${stamp}.d"
      COMMENT "contractcheck: extracting ${target}'s sources given by generator expressions"
      VERBATIM)
    list(APPEND stamps "${stamp}")
    list(APPEND analysed "@${response_file}")
  endif()
  add_custom_target(${target}_contractcheck ${all}
    COMMAND "${CC_CONTRACTCHECK}" check -p "${CMAKE_BINARY_DIR}" --cache-dir "${CC_CACHE_DIR}"
            ${CC_ARGS} ${analysed}
    DEPENDS ${stamps}
    COMMENT "contractcheck: checking ${target}"
    VERBATIM)
  # Order only: generated headers exist before extraction, but relinking the target does not
  # re-extract anything (the depfiles say what does).
  add_dependencies(${target}_contractcheck ${target})
  cmake_policy(POP)
endfunction()
