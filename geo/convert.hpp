// Converting layers between formats, CRSs and encodings (GDAL's vector translation), for a
// whole folder of inputs at once: every layer of every input goes to its own file in an output
// folder, or to its own layer of one GeoPackage. Attributes are written in UTF-8; a Shapefile
// without a .cpg is read in the encoding the user names (GBK for most Chinese data).
//
// The safety rules of every output hold: existing outputs are checked before any work and
// replaced only with `overwrite`, each output is written into a staging folder beside it and
// moved into place when complete, inputs are opened read-only. A bad input (unreadable,
// truncated) is reported in its row and the others go on.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "algorithms/feedback.hpp"

namespace rs::geo {

struct ConvertOptions {
  std::string format;          // GDAL driver short name; empty: from the output's extension (a folder: GPKG)
  std::string target_crs;      // e.g. "EPSG:4490", "EPSG:4527"; empty: keep each input's CRS
  std::string assumed_crs;     // CRS of inputs that have none; empty: such inputs keep none
  std::string encoding;        // of Shapefiles without .cpg (e.g. "GBK"); empty: GDAL's detection
  std::string layer_pattern;   // layers to take from multi-layer inputs (`*`, `?`); empty: all
  bool overwrite = false;
  std::vector<std::string> creation_options;  // -lco NAME=VALUE
};

// One row of the per-file report: one layer of one input.
struct ConvertedLayer {
  std::string input;          // the input file
  std::string layer;          // its layer (empty when the file could not be opened)
  std::string output;         // the file written (or that would have been)
  std::string output_layer;   // the layer name inside it
  std::size_t features = 0;
  std::string source_crs;     // as read ("none" when the input has none)
  std::string output_crs;
  std::string encoding;       // how its attributes were decoded
  std::vector<std::string> notes;  // GDAL's warnings (e.g. field names shortened for a Shapefile)
  std::string error;          // empty when converted
};

// Input files for `inputs`, each an existing file, a folder (its vector files, not recursive,
// sorted) or a glob (`*`, `?` in the last path component). Throws DataError naming an input
// that matches nothing.
std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs);

// True when `output` names one file (its extension is a vector format's) rather than a folder.
bool output_is_file(const std::string& output, const ConvertOptions& options);

// Converts every layer of `files` to `output` (a folder, created if missing, or one file).
// Throws UsageError for an impossible request (several layers into a single-layer file,
// an unknown format or CRS) and DataError when an existing output would be replaced without
// `overwrite`; both before anything is written. Failures of single inputs are reported in
// their rows. Throws Cancelled when `feedback` is cancelled: outputs completed before stay,
// nothing half written does.
std::vector<ConvertedLayer> convert_layers(const std::vector<std::string>& files, const std::string& output,
                                           const ConvertOptions& options, Feedback& feedback);

}  // namespace rs::geo
