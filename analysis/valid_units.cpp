#include "analysis/valid_units.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "algorithms/errors.hpp"
#include "analysis/common_parameters.hpp"
#include "geo/weights_builder.hpp"

namespace rs {

LayerWeights layer_weights(const Arguments& args, const geo::Layer& layer, Feedback& feedback) {
  geo::WeightsSpec spec = weights_spec(args);
  LayerWeights out;
  out.untransformed = geo::build_weights(layer, spec, feedback);
  out.style = spec.style;
  out.description = geo::describe(spec) + ", " + style_code(spec.style);
  if (spec.method != geo::WeightsMethod::File && layer.kind != geo::GeometryKind::None) {
    out.without_geometry.assign(layer.size(), false);
    for (std::size_t i = 0; i < layer.size(); ++i) out.without_geometry[i] = !layer.geometries[i];
  }
  return out;
}

ValidUnits valid_units(const std::vector<const geo::NumericColumn*>& columns, const LayerWeights& weights,
                       Feedback& feedback) {
  ValidUnits v;
  const std::size_t n = weights.untransformed.size();
  for (const auto* c : columns)
    if (c->values.size() != n)
      throw DataError("field '" + c->field + "' has " + std::to_string(c->values.size()) +
                      " values but the weights have " + std::to_string(n) + " units");
  const auto& without_geometry = weights.without_geometry;
  for (std::size_t i = 0; i < n; ++i) {
    bool ok = without_geometry.empty() || !without_geometry[i];
    for (const auto* c : columns) ok = ok && std::isfinite(c->values[i]);
    if (ok) v.units.push_back(i);
  }
  v.excluded = n - v.units.size();
  v.values.resize(columns.size());
  for (std::size_t k = 0; k < columns.size(); ++k) {
    v.values[k].reserve(v.units.size());
    for (std::size_t i : v.units) v.values[k].push_back(columns[k]->values[i]);
  }
  std::string names;
  for (const auto* c : columns) names += (names.empty() ? "'" : ", '") + c->field + "'";
  if (v.excluded > 0) {
    // Each column's own missing values are reported where it is read (numeric_field); this
    // says what the exclusion does to the weights, and the total when several columns combine.
    std::ostringstream os;
    if (columns.size() > 1) os << v.excluded << " unit(s) with a missing value in " << names << " excluded; ";
    const bool any_without_geometry =
        std::find(without_geometry.begin(), without_geometry.end(), true) != without_geometry.end();
    os << "weights restricted to the " << v.units.size() << " unit(s) with "
       << (any_without_geometry ? "a geometry and values" : "values");
    if (columns.size() > 1) {
      feedback.warning(os.str());
    } else {
      feedback.info(os.str());
    }
  }
  // The layer's weights are copied only when units are excluded (a million units: tens of MB).
  v.weights = v.excluded > 0 ? weights.untransformed.subset(v.units).transformed(weights.style)
                             : weights.untransformed.transformed(weights.style);
  v.islands = v.weights.islands();
  if (!v.islands.empty()) {
    std::ostringstream os;
    os << v.islands.size() << " unit(s) without neighbours among those analysed for " << names << ": ";
    for (std::size_t k = 0; k < v.islands.size() && k < 10; ++k)
      os << (k ? ", " : "") << v.weights.ids()[v.islands[k]];
    if (v.islands.size() > 10) os << ", ...";
    os << "; local statistics are NULL there, and global statistics treat them as spdep does with zero.policy=TRUE";
    feedback.warning(os.str());
  }
  return v;
}

}  // namespace rs
