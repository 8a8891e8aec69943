# CPack runs this after staging the files and before building the .deb (CPACK_PRE_BUILD_SCRIPTS):
# Debian policy 12.3 wants the changelog as changelog.Debian.gz and every other document over
# 4 KiB compressed with `gzip -9n` (no name or time stamp, so the package is reproducible);
# dh_compress does this for packages built by debhelper, CPack does not.
file(GLOB_RECURSE staged LIST_DIRECTORIES false "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*")
list(FILTER staged INCLUDE REGEX "/share/doc/contractcheck/")
foreach(doc IN LISTS staged)
  get_filename_component(name "${doc}" NAME)
  file(SIZE "${doc}" size)
  if(name STREQUAL "changelog.Debian" OR (size GREATER 4096 AND NOT name STREQUAL "copyright"
                                           AND NOT name MATCHES "\\.(gz|png)$"))
    execute_process(COMMAND gzip -9nf "${doc}" RESULT_VARIABLE failed)
    if(failed)
      message(FATAL_ERROR "cannot compress ${doc}")
    endif()
  endif()
endforeach()
