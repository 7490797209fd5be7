// Running a script of the plugin's maps package (plugin/regionstat/maps/) with QGIS's Python,
// headless: how `regionstat map` and `regionstat report --pdf` reach QGIS without linking it, so
// every other command works where QGIS is not installed.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace rs {

// A private temporary folder (mode 0700) for a script's input files, removed with the object.
class ScriptFolder {
 public:
  ScriptFolder();
  ~ScriptFolder();
  ScriptFolder(const ScriptFolder&) = delete;
  ScriptFolder& operator=(const ScriptFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The path of plugin/regionstat/maps/NAME: REGIONSTAT_MAPS_DIR, else the plugin assembled beside
// the executable (build/qgis_plugin/), else the source tree this file was compiled from.
// Throws DataError when it is not found.
std::string maps_script(const std::string& name);

// Runs `script args...` with QGIS's Python (/usr/bin/python3, or REGIONSTAT_QGIS_PYTHON) under
// QT_QPA_PLATFORM=offscreen and a private XDG_RUNTIME_DIR; returns its standard output. Throws
// DataError with the script's message when it fails, and one that says what to install when QGIS's
// Python is missing (the script exits 3 when `import qgis` fails).
std::string run_qgis_script(const std::string& script, const std::vector<std::string>& args);

}  // namespace rs
