// Result columns appended to a byte copy of a GeoPackage layer, at the SQLite level.
//
// Writing "the input layer with result columns" through GDAL decodes and re-encodes every
// geometry and rebuilds the R-tree spatial index from scratch: for a million polygons that is
// most of the run. When the input is a GeoPackage holding just that layer and the output is a
// GeoPackage too, the same result is a copy of the input file with the columns added
// (ALTER TABLE) and filled (one UPDATE statement over the table, in one transaction): geometries and
// the R-tree are copied as they are, and polygons stored as Polygon are wrapped as
// MultiPolygon (a few bytes in front of their WKB; the bounding box, and so the R-tree, stays
// the same), as the general writer declares polygon outputs. The caller (geo/layer_writer)
// renames the layer, stores the style and writes repaired geometries through GDAL afterwards.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "geo/layer.hpp"
#include "geo/layer_writer.hpp"

namespace rs::geo {

// Why a layer cannot be copied this way; empty when it can.
std::string gpkg_copy_obstacle(const Layer& source, const std::string& output, const WriteOptions& options);

// Copies source.path to `staged` and appends `columns` (named by column.name) to the layer.
// Returns false, leaving `staged` to be discarded, when the file turns out not to fit (a
// geometry the general writer would change other than by wrapping a polygon, a feature id not
// found); throws DataError naming `output` when writing fails (disk full), Cancelled when
// `cancelled` says so (asked every few thousand features).
bool append_columns_to_gpkg_copy(const Layer& source, const std::filesystem::path& staged, const std::string& output,
                                 const std::vector<OutputColumn>& columns, const std::function<bool()>& cancelled);

}  // namespace rs::geo
