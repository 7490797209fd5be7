# Assembles the installable plugin (cmake -P, called by the qgis_plugin target):
#   BINARY_DIR/qgis_plugin/regionstat/  Python files, icon, metadata.txt (version from CMake),
#                                        the compiled module, i18n/*.qm
#   BINARY_DIR/regionstat.zip            that folder, for QGIS's "Install from ZIP"
set(plugin_root ${BINARY_DIR}/qgis_plugin)
set(dir ${plugin_root}/regionstat)
file(REMOVE_RECURSE ${dir})
file(MAKE_DIRECTORY ${dir}/i18n)

file(GLOB sources ${SOURCE_DIR}/plugin/regionstat/*.py ${SOURCE_DIR}/plugin/regionstat/*.svg)
file(COPY ${sources} DESTINATION ${dir})
# Figure scripts (matplotlib) and the map renderer (QGIS print layouts) are folders of scripts.
foreach(folder figures maps)
  if(EXISTS ${SOURCE_DIR}/plugin/regionstat/${folder})
    file(COPY ${SOURCE_DIR}/plugin/regionstat/${folder} DESTINATION ${dir} PATTERN __pycache__ EXCLUDE)
  endif()
endforeach()
file(COPY ${MODULE} DESTINATION ${dir})
foreach(qm ${QM_FILES})
  file(COPY ${qm} DESTINATION ${dir}/i18n)
endforeach()
file(COPY ${SOURCE_DIR}/LICENSE DESTINATION ${dir})

# metadata.txt: the repository's file with the version of the CMake project.
file(READ ${SOURCE_DIR}/metadata.txt metadata)
string(REGEX REPLACE "\nversion=[^\n]*" "\nversion=${VERSION}" metadata "${metadata}")
file(WRITE ${dir}/metadata.txt "${metadata}")

file(REMOVE ${BINARY_DIR}/regionstat.zip)
execute_process(COMMAND ${CMAKE_COMMAND} -E tar cf ${BINARY_DIR}/regionstat.zip --format=zip regionstat
                WORKING_DIRECTORY ${plugin_root} RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "could not write ${BINARY_DIR}/regionstat.zip")
endif()
