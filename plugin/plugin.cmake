# The QGIS plugin: the pybind11 module `_regionstat` for the system Python (the one QGIS embeds),
# the translations, and the `qgis_plugin` target that assembles build/qgis_plugin/regionstat/
# and build/regionstat.zip. Included by the top-level CMakeLists.txt when REGIONSTAT_BUILD_PYTHON.

# QGIS 3.22 on Debian 12 runs /usr/bin/python3 (3.11): build for exactly that interpreter, not
# for whichever python is first on PATH (scripts/build.sh passes -DPython3_EXECUTABLE).
if(NOT Python3_EXECUTABLE AND EXISTS /usr/bin/python3)
  set(Python3_EXECUTABLE /usr/bin/python3)
endif()
find_package(Python3 3.11 EXACT COMPONENTS Interpreter Development)
find_package(pybind11 CONFIG)
if(NOT Python3_FOUND OR NOT pybind11_FOUND)
  message(STATUS "RegionStat: Python 3.11 development files or pybind11 not found; no QGIS plugin")
  return()
endif()

pybind11_add_module(_regionstat MODULE NO_EXTRAS ${CMAKE_SOURCE_DIR}/plugin/python_module.cpp
                    ${CMAKE_SOURCE_DIR}/plugin/python_arrays.cpp)
target_link_libraries(_regionstat PRIVATE regionstat_analysis)
target_compile_options(_regionstat PRIVATE ${REGIONSTAT_WARNINGS})
target_compile_definitions(_regionstat PRIVATE REGIONSTAT_VERSION="${PROJECT_VERSION}")
# NO_EXTRAS: no LTO (its serial-compilation notice is a linker warning) and no stripping.
# Keep the module beside the build's other products; the plugin folder gets a copy.
set_target_properties(_regionstat PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/python)

# Translations: .ts (source, edited by translators) -> .qm (loaded by the plugin).
find_program(REGIONSTAT_LRELEASE NAMES lrelease lrelease-qt5 HINTS /usr/lib/qt5/bin /usr/lib/x86_64-linux-gnu/qt5/bin)
file(GLOB REGIONSTAT_TS_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/plugin/i18n/*.ts)
set(REGIONSTAT_QM_FILES)
if(REGIONSTAT_LRELEASE)
  foreach(ts ${REGIONSTAT_TS_FILES})
    get_filename_component(base ${ts} NAME_WE)
    set(qm ${CMAKE_BINARY_DIR}/i18n/${base}.qm)
    add_custom_command(OUTPUT ${qm}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/i18n
      COMMAND ${REGIONSTAT_LRELEASE} -silent ${ts} -qm ${qm}
      DEPENDS ${ts}
      COMMENT "Compiling translation ${base}.qm")
    list(APPEND REGIONSTAT_QM_FILES ${qm})
  endforeach()
else()
  message(WARNING "RegionStat: lrelease not found (Debian: qttools5-dev-tools); the plugin is built without translations")
endif()

# The plugin folder and the zip, rebuilt whenever a source changes. Part of ALL, so the QGIS
# tests find a current plugin after a plain build.
file(GLOB_RECURSE REGIONSTAT_PLUGIN_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/plugin/regionstat/*.py
     ${CMAKE_SOURCE_DIR}/plugin/regionstat/*.svg)
set(REGIONSTAT_ZIP ${CMAKE_BINARY_DIR}/regionstat.zip)
add_custom_command(OUTPUT ${REGIONSTAT_ZIP}
  COMMAND ${CMAKE_COMMAND}
          -DSOURCE_DIR=${CMAKE_SOURCE_DIR}
          -DBINARY_DIR=${CMAKE_BINARY_DIR}
          -DVERSION=${PROJECT_VERSION}
          -DMODULE=$<TARGET_FILE:_regionstat>
          "-DQM_FILES=${REGIONSTAT_QM_FILES}"
          -P ${CMAKE_SOURCE_DIR}/plugin/assemble.cmake
  DEPENDS _regionstat ${REGIONSTAT_PLUGIN_FILES} ${REGIONSTAT_QM_FILES}
          ${CMAKE_SOURCE_DIR}/metadata.txt ${CMAKE_SOURCE_DIR}/plugin/assemble.cmake
  COMMENT "Assembling the QGIS plugin in qgis_plugin/regionstat and regionstat.zip")
add_custom_target(qgis_plugin ALL DEPENDS ${REGIONSTAT_ZIP})
