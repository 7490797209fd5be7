// Builds spatial weights from a layer as a WeightsSpec says. Each family lives in its own file:
// contiguity.cpp (queen/rook: exact, snapping, shared segments), distance_weights.cpp (kNN,
// band, inverse distance, kernels), weights_io.cpp (GAL/GWT), unit_points.cpp (centroids...).
#pragma once

#include <string>
#include <vector>

#include "algorithms/feedback.hpp"
#include "algorithms/spatial_weights.hpp"
#include "geo/layer.hpp"
#include "geo/weights_spec.hpp"

namespace rs::geo {

// The weights as built (binary for contiguity and kNN, distances/kernels for the others),
// before the analysis applies spec.style. Units with null geometry become islands.
SpatialWeights build_weights(const Layer& layer, const WeightsSpec& spec,
                             Feedback& feedback = silent_feedback());

}  // namespace rs::geo
