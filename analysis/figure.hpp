// Figures (density curves, interaction heat maps) drawn by a real plotting library: matplotlib,
// in a small script per figure under plugin/regionstat/figures/, run with the system Python
// (/usr/bin/python3, the one QGIS uses). The C++ side only hands over the numbers as JSON and
// puts the finished file in place (staged, renamed), so a failed drawing leaves nothing behind.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "algorithms/feedback.hpp"

namespace rs {

// The folder of the figure scripts: $REGIONSTAT_FIGURES_DIR, else the one of the source tree
// the program was built from.
std::string figures_dir();

// Runs `/usr/bin/python3 FIGURES_DIR/SCRIPT.py DATA.json STAGED FORMAT` (FORMAT png, svg or pdf,
// from the extension of `output`) and moves the result to `output`. Throws UsageError for an
// unknown extension and DataError (with the script's message) when the drawing fails.
void render_figure(const std::string& script, const nlohmann::json& data, const std::string& output, bool overwrite,
                   Feedback& feedback);

}  // namespace rs
