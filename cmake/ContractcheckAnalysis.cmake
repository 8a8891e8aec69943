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
function(contractcheck_add_analysis target)
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
  foreach(source IN LISTS sources)
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
  add_custom_target(${target}_contractcheck ${all}
    COMMAND "${CC_CONTRACTCHECK}" check -p "${CMAKE_BINARY_DIR}" --cache-dir "${CC_CACHE_DIR}"
            ${CC_ARGS} ${analysed}
    DEPENDS ${stamps}
    COMMENT "contractcheck: checking ${target}"
    VERBATIM)
  # Order only: generated headers exist before extraction, but relinking the target does not
  # re-extract anything (the depfiles say what does).
  add_dependencies(${target}_contractcheck ${target})
endfunction()
