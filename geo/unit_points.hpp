// The point that stands for each unit in distance-based weights and centrography: the point
// itself, the polygon centroid, a point on surface, or a point of another layer joined by id.
#pragma once

#include <vector>

#include "geo/layer.hpp"
#include "geo/weights_spec.hpp"

namespace rs::geo {

struct UnitPoints {
  std::vector<double> x, y;  // layer CRS (lon/lat degrees for geographic layers)
  std::vector<bool> valid;   // false for units without geometry / without a joined point
  bool geographic = false;
};

UnitPoints unit_points(const Layer& layer, PointSource source = PointSource::Centroid,
                       const std::string& points_layer = "", const std::string& points_id = "");

}  // namespace rs::geo
