// Queen (shared point) and rook (shared edge) contiguity between polygons.
//   Exact:   vertices that coincide exactly (the fast path: hashing of vertices / edges).
//   Snap:    vertices within `tolerance` (layer units) count as the same point.
//   Overlap: rook neighbours also where boundary segments overlap along a line although their
//            vertices differ (T-junctions, digitising noise); queen adds touching points.
// Multipart polygons are one unit. Null geometries (empty, unrepairable) are islands.
#pragma once

#include "algorithms/feedback.hpp"
#include "algorithms/spatial_weights.hpp"
#include "geo/layer.hpp"
#include "geo/weights_spec.hpp"

namespace rs::geo {

SpatialWeights contiguity_weights(const Layer& layer, bool queen, ContiguityMode mode,
                                  double tolerance, Feedback& feedback = silent_feedback());

}  // namespace rs::geo
