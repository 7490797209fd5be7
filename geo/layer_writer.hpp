// Writing results: a copy of the input layer with result columns appended, or new features
// (centres, trajectories, ellipses, links). Files are written into a temporary folder beside
// the output and moved into place only when complete, so an interrupted run leaves nothing
// half written; an existing output is replaced only with `overwrite`.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <ogr_geometry.h>
#include <ogr_spatialref.h>

#include "geo/layer.hpp"

namespace rs::geo {

struct OutputColumn {
  enum class Type { Real, Integer, Text };
  std::string name;
  Type type = Type::Real;
  std::vector<double> reals;                       // NaN is written as NULL
  std::vector<std::optional<std::int64_t>> integers;
  std::vector<std::optional<std::string>> texts;

  static OutputColumn real(std::string name, std::vector<double> values);
  static OutputColumn integer(std::string name, std::vector<std::optional<std::int64_t>> values);
  static OutputColumn text(std::string name, std::vector<std::optional<std::string>> values);
  std::size_t size() const;
};

struct WriteOptions {
  std::string format;       // GDAL driver short name; empty: from the output's extension
  bool overwrite = false;
  std::string layer_name;   // empty: from the file name
  std::vector<std::string> creation_options;  // -lco NAME=VALUE
  std::string style_qml;    // QGIS style: in layer_styles (GeoPackage) or a .qml beside it
  std::string style_name;   // name of the style in layer_styles
  // Asked every few thousand features: true stops the write with Cancelled, and the staged
  // output is removed (a signal or a Cancel during a long write).
  std::function<bool()> cancelled;
};

struct WriteReport {
  std::string path;
  std::string driver;
  std::string layer_name;
  std::size_t features = 0;
  std::map<std::string, std::string> renamed_fields;  // requested -> written (Shapefile 10 chars)
};

// Driver short name for an output path (".gpkg" -> "GPKG"); throws UsageError if unknown.
std::string driver_for_path(const std::string& path);

// Copies every feature of `source` (geometries as read and repaired, all attributes) and
// appends `columns` (one value per feature, in layer order).
WriteReport write_layer(const Layer& source, const std::string& output,
                        const std::vector<OutputColumn>& columns, const WriteOptions& options);

// Writes new features: `geometries[i]` (may be null for a table) with row i of `columns`.
WriteReport write_features(const std::string& output,
                           const std::vector<std::unique_ptr<OGRGeometry>>& geometries,
                           const OGRSpatialReference* crs, const std::vector<OutputColumn>& columns,
                           const WriteOptions& options);

// One layer of a multi-layer output (write_feature_layers).
struct FeatureLayer {
  std::string name;
  std::vector<std::unique_ptr<OGRGeometry>> geometries;  // may be null (a table row)
  std::vector<OutputColumn> columns;
};

// Writes several new layers into one dataset of a multi-layer format (GeoPackage, SQLite),
// moved into place together; the layers' names come from `layers`, not from options.layer_name.
// Throws UsageError for a format that holds one layer per file.
std::vector<WriteReport> write_feature_layers(const std::string& output, const std::vector<FeatureLayer>& layers,
                                              const OGRSpatialReference* crs, const WriteOptions& options);

// True when the format of `output` (or options.format) holds several layers in one file.
bool multi_layer_format(const std::string& output, const WriteOptions& options);

// Field names that fit the 10-character dBase limit, unique, in order (ArcGIS style).
std::vector<std::string> shapefile_field_names(const std::vector<std::string>& existing,
                                               const std::vector<std::string>& requested);

}  // namespace rs::geo
