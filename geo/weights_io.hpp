// GeoDa GAL (neighbour lists) and GWT (weighted links) files, as GeoDa, PySAL, spdep and
// ArcGIS exchange them. Ids in the file are matched to the layer's unit ids.
#pragma once

#include <string>
#include <vector>

#include "algorithms/spatial_weights.hpp"

namespace rs::geo {

// Reads a .gal or .gwt file (by extension) for units `ids` (in layer order). Throws DataError
// naming the file and the id when an id of the file is not among `ids`, or a unit is missing.
// GWT rows whose weights are all 0 become islands; they and negative weights are described in
// `warnings`.
SpatialWeights read_weights_file(const std::string& path, const std::vector<std::string>& ids,
                                 std::vector<std::string>* warnings = nullptr);

// Writes atomically; refuses to replace an existing file unless overwrite.
void write_gal(const std::string& path, const SpatialWeights& w, bool overwrite,
               const std::string& layer_name = "", const std::string& id_field = "");
void write_gwt(const std::string& path, const SpatialWeights& w, bool overwrite,
               const std::string& layer_name = "", const std::string& id_field = "");

}  // namespace rs::geo
