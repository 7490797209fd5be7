// Units with valid values and the weights restricted to them, for analyses that exclude
// missing values (DESIGN.md, Conventions). Weights are built once for the whole layer (so a
// unit's neighbours are those of its geometry) and, for each set of fields, restricted to the
// units whose values are all present and transformed afterwards - spdep's subset.listw, which
// rebuilds the listw in the same style (a row-standardised row stays summing to 1).
#pragma once

#include <string>
#include <vector>

#include "algorithms/feedback.hpp"
#include "algorithms/spatial_weights.hpp"
#include "analysis/algorithm.hpp"
#include "geo/layer.hpp"

namespace rs {

// Weights as built for the layer, before any transform, with the transform asked for.
struct LayerWeights {
  SpatialWeights untransformed;
  // Units without a geometry (NULL, empty or dropped as invalid) when the weights are built from
  // the geometries: they are left out of the analysis, like units without a value, rather than
  // kept as islands whose values would enter the mean and the variance.
  std::vector<bool> without_geometry;
  WeightsStyle style = WeightsStyle::Row;
  std::string description;  // e.g. "queen contiguity, W"
};

// Builds the weights of --weights for the layer, without --transform applied yet.
LayerWeights layer_weights(const Arguments& args, const geo::Layer& layer, Feedback& feedback);

struct ValidUnits {
  std::vector<std::size_t> units;             // feature indices kept, in layer order
  std::vector<std::vector<double>> values;    // per column given, the kept values
  SpatialWeights weights;                     // restricted to `units` and transformed
  std::size_t excluded = 0;                   // units with a missing value in any column
  std::vector<std::size_t> islands;           // indices into `units` of units without neighbours
};

// Keeps the units whose values are finite in every column (a combined count is a warning when
// several columns combine; each column's own count is numeric_field's warning), and warns
// with the units left without neighbours (islands, kept: spdep's zero.policy = TRUE).
ValidUnits valid_units(const std::vector<const geo::NumericColumn*>& columns, const LayerWeights& weights,
                       Feedback& feedback);

}  // namespace rs
