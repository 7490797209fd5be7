// Higher-order neighbours: units exactly `order` steps apart on the weights graph (spdep
// nblag), or within `order` steps when cumulative (spdep nblag_cumul). Binary result.
#pragma once

#include "algorithms/spatial_weights.hpp"

namespace rs {

SpatialWeights higher_order(const SpatialWeights& w, int order, bool cumulative);

}  // namespace rs
