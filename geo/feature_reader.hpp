// The feature loop of read_layer (geo/layer.cpp): unit ids, feature ids, geometries and
// attribute values, in source order.
//
// A large GeoPackage is read by several threads at once: each opens the file again and reads
// one range of feature ids. GDAL reads a GeoPackage table in feature-id (rowid) order, so the
// ranges put end to end are the source order, and the layer is the same as one thread reads;
// decoding the rows and building the geometries, most of the reading time, is shared out.
// Internal to geo/layer.cpp.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <ogrsf_frmts.h>

#include "geo/layer.hpp"
#include "geo/validity_check.hpp"

namespace rs::geo::feature_reader {

GeometryKind kind_of(OGRwkbGeometryType type);

// The indices of the fields whose values are kept (layer.options.fields). GDAL is told to skip
// the others on `src` (but the id field), so that it does not even fetch them - unless a
// feature filter may name them (some drivers evaluate it on the features read).
std::vector<int> fields_to_read(OGRLayer& src, const Layer& layer);

// What the loop found besides the features themselves.
struct FeaturesRead {
  std::vector<std::size_t> polygons;   // features with a polygon, to be checked for validity
  std::vector<std::string> empty_ids;  // "feature FID" of each unit without an id
  std::string bad_text;                // a field with text that is not UTF-8; empty: none
  std::size_t failures = 0;            // GDAL's read failures (a truncated or damaged file)
  std::string first_failure;
};

// Appends every feature of `src` (of the dataset layer.path, layer.layer_name) to `layer`:
// fids, ids (from field `id_index`, or the fid when it is negative), geometries (linear; null
// and listed in empty_geometry when empty), the values of `fields`, and the kind of the first
// geometry when layer.kind is None. Each polygon is handed to `check` (if any) as soon as it
// is built, so that its validity is checked while the reading goes on.
FeaturesRead read_features(GDALDataset& dataset, OGRLayer& src, Layer& layer, const std::vector<int>& fields,
                           int id_index, ValidityCheck* check);

}  // namespace rs::geo::feature_reader
