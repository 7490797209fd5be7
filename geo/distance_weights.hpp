// Distance-based weights: k nearest neighbours, distance band, inverse distance, kernels.
// Geographic layers use great-circle distances in km; projected layers their own units
// (a distance given in km or m is converted when the layer's unit is the metre).
#pragma once

#include "algorithms/feedback.hpp"
#include "algorithms/spatial_weights.hpp"
#include "geo/layer.hpp"
#include "geo/unit_points.hpp"
#include "geo/weights_spec.hpp"

namespace rs::geo {

SpatialWeights distance_weights(const Layer& layer, const WeightsSpec& spec,
                                Feedback& feedback = silent_feedback());

// The smallest distance band that leaves no unit without a neighbour (the largest
// nearest-neighbour distance), in distance_unit(layer).
double minimum_threshold_distance(const Layer& layer, const WeightsSpec& spec);

// The unit distance weights measure in: "km" (geographic layers and projected ones measured on
// their ellipsoid), "m" (projected in metres) or "layer units".
std::string distance_unit(const Layer& layer);

}  // namespace rs::geo
